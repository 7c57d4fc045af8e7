package twittertest_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// moduleRoot is the directory of the module's go.mod, above this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestREADMEExampleRuns compiles and runs README's TestMyBot as written, as a test of a
// module of its own that uses this one.
func TestREADMEExampleRuns(t *testing.T) {
	root := moduleRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```go\nfunc TestMyBot(")
	snippet, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("README has no ```go block starting with func TestMyBot(")
	}
	dir := t.TempDir()
	src := "package mybot\n\nimport (\n\t\"context\"\n\t\"testing\"\n\n\t\"github.com/twitterkit/go/twittertest\"\n)\n\nfunc TestMyBot(" + snippet
	gomod := "module example.com/mybot\n\ngo 1.26\n\nrequire github.com/twitterkit/go v0.0.0\n\nreplace github.com/twitterkit/go => " + root + "\n"
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"mybot_test.go": []byte(src), "go.mod": []byte(gomod), "go.sum": sum} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", "^TestMyBot$", ".")
	cmd.Dir = dir
	// Offline: every module it needs is this one's, already in the module cache.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("README's TestMyBot does not pass as written: %v\n%s\n%s", err, out.String(), src)
	}
}

// TestGoDocListsTheServersMethods runs go doc, as a user discovering the package would,
// and checks that what a test needs is listed.
func TestGoDocListsTheServersMethods(t *testing.T) {
	doc := goDoc(t, "Server")
	for _, m := range []string{
		"func Start(tb testing.TB, opts ...Option) *Server",
		"func New(opts ...Option) (*Server, error)",
		"func (s *Server) URL() string",
		"func (s *Server) AppBearerToken() string",
		"func (s *Server) UserToken(userID string, scopes ...string) string",
		"func (s *Server) OAuth1(userID string) OAuth1Credentials",
		"func (s *Server) OAuth2Client() OAuth2Client",
		"func (s *Server) World() *World",
		"func (s *Server) Inject(route string, f Fault)",
		"func (s *Server) ClearFaults()",
		"func (s *Server) EmitTweet(tweets ...Tweet) []Tweet",
		"func (s *Server) DisconnectStreams(disconnectType string) int",
		"func (s *Server) Violations() []Violation",
	} {
		if !strings.Contains(doc, m) {
			t.Errorf("go doc Server lacks %q:\n%s", m, doc)
		}
	}
	if strings.Contains(doc, "internal/testserver") {
		t.Errorf("go doc Server shows the internal type:\n%s", doc)
	}
}

// TestGoDocShowsTheTypesOfATest: go doc of the types a test uses shows their own
// documented fields and methods, not an alias of an internal type.
func TestGoDocShowsTheTypesOfATest(t *testing.T) {
	for sym, want := range map[string][]string{
		"World": {
			"func (w *World) User(id string) (User, bool)",
			"func (w *World) Tweet(id string) (Tweet, bool)",
			"func (w *World) LikedTweetIDs(userID string) []string",
			"func (w *World) AddUser(u User) (User, error)",
			"func (w *World) AddTweet(t Tweet) (Tweet, error)",
			"func (w *World) AddFollow(userID, targetID string) error",
			"func (w *World) AddFollowRequest(userID, targetID string) error",
			"func (w *World) SetPinnedTweet(userID, tweetID string) error",
			"func (w *World) HideReply(tweetID string) error",
			"func (w *World) AddAccountActivitySubscription(webhookID, userID string) error",
			"func (w *World) AddLike(userID, tweetID string) error",
			"func (w *World) AddSpace(sp Space) (Space, error)",
			"func (w *World) AddList(l List) (List, error)",
			"func (w *World) AddListMember(listID, userID string) error",
			"func (w *World) AddMedia(m Media) (Media, error)",
			"func (w *World) AddUpload(u Upload) (Upload, error)",
			"func (w *World) AddNote(n Note) (Note, error)",
			"func (w *World) AddNoteWriter(userID string) error",
			"func (w *World) AddNoteEligibleTweet(tweetID string) error",
			"func (w *World) AddCommunity(c Community) (Community, error)",
			"func (w *World) AddArticle(a Article) (Article, error)",
			"func (w *World) AddPoll(p Poll) (Poll, error)",
			"func (w *World) AddDirectMessage(m DMEvent) (DMEvent, error)",
			"func (w *World) AddDMGroup(creatorID string, others ...string) (DMConversation, error)",
			"func (w *World) AddListFollower(listID, userID string) error",
			"func (w *World) AddPinnedList(userID, listID string) error",
			"func (w *World) AddBookmark(userID, tweetID string) error",
			"func (w *World) AddBookmarkFolder(userID string, f BookmarkFolder) (BookmarkFolder, error)",
			"func (w *World) AddBlock(userID, targetID string) error",
			"func (w *World) AddMute(userID, targetID string) error",
			"func (w *World) AddRetweet(userID, tweetID string) (Tweet, error)",
			"func (w *World) AddWebhook(ctx context.Context, url string) (Webhook, error)",
			"func (w *World) Webhooks() []Webhook",
			"func (w *World) ReplayJobs() []ReplayJob",
			"func (w *World) ChatEvents(conversationID string) []ChatEvent",
			"func (w *World) Upload(mediaID string) (Upload, bool)",
		},
		"ManualClock": {"func NewManualClock(t time.Time) *ManualClock", "func (c *ManualClock) Advance(d time.Duration)", "func (c *ManualClock) Now() time.Time"},
		"FaultKind":   {"FaultStatus FaultKind = iota + 1", "FaultRateLimit", "FaultDisconnect", "func (k FaultKind) String() string"},
		"Option": {"type Option func(*options)", "func WithClock(c Clock) Option", "func WithRateLimit(route string, limit int, window time.Duration) Option",
			"func WithResponseMutator(m ResponseMutator) Option"},
		"Tweet": {"AuthorID ", "ReferencedTweets []ReferencedTweet"},
		"Like":  {"func (l Like) Partition(n int) int"},
	} {
		doc := goDoc(t, "-all", sym)
		for _, w := range want {
			if !strings.Contains(doc, w) {
				t.Errorf("go doc %s lacks %q:\n%s", sym, w, doc)
			}
		}
		if strings.Contains(doc, "testserver") {
			t.Errorf("go doc %s shows the internal package:\n%s", sym, doc)
		}
	}
}

// TestREADMENamesEverySeedingMethod: README's sentence on how a test seeds the world
// names every World method that seeds it (Add..., Set..., HideReply), as go doc lists
// them, so a new one is not left out.
func TestREADMENamesEverySeedingMethod(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(moduleRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	seeds := 0
	for _, line := range strings.Split(goDoc(t, "World"), "\n") {
		name, ok := strings.CutPrefix(strings.TrimSpace(line), "func (w *World) ")
		if !ok {
			continue
		}
		name, _, _ = strings.Cut(name, "(")
		if !strings.HasPrefix(name, "Add") && !strings.HasPrefix(name, "Set") && name != "HideReply" {
			continue
		}
		seeds++
		if !strings.Contains(string(readme), "`"+name+"`") {
			t.Errorf("README does not name World.%s among the seeding methods", name)
		}
	}
	if seeds < 20 {
		t.Errorf("go doc World lists %d seeding methods; it lists more", seeds)
	}
}

// goDoc runs go doc on this package, as a user discovering it would.
func goDoc(t *testing.T, args ...string) string {
	t.Helper()
	if len(args) == 1 {
		args = []string{"-short", args[0]}
	}
	cmd := exec.Command("go", append([]string{"doc", args[0], "."}, args[1:]...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("go doc %v: %v\n%s", args, err, out.String())
	}
	return out.String()
}
