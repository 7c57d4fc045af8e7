package twittertest_test

import (
	"context"
	"fmt"
	"go/ast"
	"go/doc"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

func TestStartAndClient(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewClient(t, srv, twitter.WithRetryPolicy(twitter.NoRetries()))
	res, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want, ok := srv.World().User(twittertest.JackID); !ok || res.Data.Username != want.Username {
		t.Errorf("got @%s, world has %+v", res.Data.Username, want)
	}
	srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultHTML, Status: 502, Times: 1})
	if _, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil); !twitter.IsServerError(err) {
		t.Errorf("injected 502: err = %v", err)
	}
}

func TestComplianceStreamFromOutside(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewClient(t, srv)
	const tweetID = "1500000000000000001"
	srv.EmitTweet(twittertest.Tweet{ID: tweetID, AuthorID: twittertest.BobID})
	s, err := c.Stream.TweetCompliance(context.Background(), twittertest.StreamPartition(1500000000000000001, twitter.ComplianceStreamPartitions), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := srv.EmitComplianceEvent(twittertest.ComplianceEvent{Stream: twittertest.TweetComplianceStream, Kind: "drop", TweetID: tweetID}); err != nil {
		t.Fatal(err)
	}
	m, err := s.Next(context.Background())
	if err != nil || m.Data == nil || m.Data.Drop == nil || m.Data.Drop.Tweet.AuthorID != twittertest.BobID {
		t.Fatalf("event %+v, %v", m, err)
	}
}

func TestNewUserClientActsAsTheUser(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewUserClient(t, srv, twittertest.AliceID, twitter.WithRetryPolicy(twitter.NoRetries()))
	me, _, err := c.Users.Me(context.Background(), nil)
	if err != nil || me.Data.ID != twittertest.AliceID {
		t.Fatalf("Me = %+v, %v; want @alice", me, err)
	}
	if _, _, err := twittertest.NewClient(t, srv).Users.Me(context.Background(), nil); !twitter.IsForbidden(err) {
		t.Errorf("the app-only client's Me: %v, want a 403", err)
	}
}

// An auth option given to NewClient takes the place of the app-only token.
func TestNewClientWithAnotherAuthOption(t *testing.T) {
	srv := twittertest.Start(t)
	o := srv.OAuth1(twittertest.BobID)
	c := twittertest.NewClient(t, srv, twitter.WithOAuth1(twitter.OAuth1Credentials{
		ConsumerKey: o.ConsumerKey, ConsumerSecret: o.ConsumerSecret, Token: o.Token, TokenSecret: o.TokenSecret,
	}))
	me, _, err := c.Users.Me(context.Background(), nil)
	if err != nil || me.Data.ID != twittertest.BobID {
		t.Fatalf("Me = %+v, %v; want @bob", me, err)
	}
}

// TestAPIIsPublic type-checks the package, as a user's code sees it, and fails for an
// exported name that is an alias, or whose type, fields or methods reach a type of an
// internal package: a user can neither name nor read those in go doc.
func TestAPIIsPublic(t *testing.T) {
	fset, files := parsePackage(t)
	exports := exportData(t)
	conf := types.Config{Importer: importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		f, ok := exports[path]
		if !ok {
			return nil, fmt.Errorf("no export data for %q", path)
		}
		return os.Open(f)
	})}
	pkg, err := conf.Check("github.com/twitterkit/go/twittertest", fset, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	scope := pkg.Scope()
	checked := 0
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		checked++
		if tn, ok := obj.(*types.TypeName); ok && tn.IsAlias() {
			t.Errorf("%s is an alias of %s: make it a type of its own", name, types.Unalias(tn.Type()))
			continue
		}
		if p := internalIn(obj.Type(), true, map[types.Type]bool{}); p != "" {
			t.Errorf("%s %s reaches the internal type %s", name, obj.Type(), p)
		}
		named, ok := obj.Type().(*types.Named)
		if !ok {
			continue
		}
		for i := 0; i < named.NumMethods(); i++ {
			m := named.Method(i)
			if p := internalIn(m.Type(), false, map[types.Type]bool{}); m.Exported() && p != "" {
				t.Errorf("method %s.%s %s reaches the internal type %s", name, m.Name(), m.Type(), p)
			}
		}
	}
	if checked < 50 {
		t.Errorf("checked %d exported names; the package has more", checked)
	}
}

// internalIn returns the first type of an internal package that t is made of, or "".
// A named type of this package is looked into only at the top (top); its methods are
// checked by the caller, and unexported struct fields are not part of the API.
func internalIn(t types.Type, top bool, seen map[types.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		return internalIn(types.Unalias(t), top, seen)
	case *types.Named:
		if p := t.Obj().Pkg(); p != nil && strings.Contains(p.Path()+"/", "/internal/") {
			return t.String()
		}
		if p := t.Obj().Pkg(); top && p != nil && p.Name() == "twittertest" {
			return internalIn(t.Underlying(), false, seen)
		}
	case *types.Pointer:
		return internalIn(t.Elem(), top, seen)
	case *types.Slice:
		return internalIn(t.Elem(), false, seen)
	case *types.Array:
		return internalIn(t.Elem(), false, seen)
	case *types.Map:
		if p := internalIn(t.Key(), false, seen); p != "" {
			return p
		}
		return internalIn(t.Elem(), false, seen)
	case *types.Chan:
		return internalIn(t.Elem(), false, seen)
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if p := internalIn(tup.At(i).Type(), false, seen); p != "" {
					return p
				}
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); f.Exported() {
				if p := internalIn(f.Type(), false, seen); p != "" {
					return p
				}
			}
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if p := internalIn(t.Method(i).Type(), false, seen); p != "" {
				return p
			}
		}
	}
	return ""
}

// TestAPIIsDocumented fails for an exported name of the package, or a method of an
// exported type, without a doc comment (a constant or variable of a documented group
// counts as documented).
func TestAPIIsDocumented(t *testing.T) {
	fset, files := parsePackage(t)
	p, err := doc.NewFromFiles(fset, files, "github.com/twitterkit/go/twittertest")
	if err != nil {
		t.Fatal(err)
	}
	if p.Doc == "" {
		t.Error("the package has no doc comment")
	}
	values := func(vs []*doc.Value) {
		for _, v := range vs {
			if v.Doc != "" {
				continue
			}
			for _, spec := range v.Decl.Specs {
				vs := spec.(*ast.ValueSpec)
				if vs.Doc == nil && vs.Comment == nil {
					t.Errorf("%s has no doc comment", vs.Names[0].Name)
				}
			}
		}
	}
	funcs := func(fs []*doc.Func) {
		for _, f := range fs {
			if name := f.Name; f.Doc == "" {
				if f.Recv != "" {
					name = strings.TrimPrefix(f.Recv, "*") + "." + name
				}
				t.Errorf("%s has no doc comment", name)
			}
		}
	}
	values(p.Consts)
	values(p.Vars)
	funcs(p.Funcs)
	for _, ty := range p.Types {
		if ty.Doc == "" {
			t.Errorf("type %s has no doc comment", ty.Name)
		}
		values(ty.Consts)
		values(ty.Vars)
		funcs(ty.Funcs)
		funcs(ty.Methods)
	}
}

// parsePackage parses the package's non-test files with their comments.
func parsePackage(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}

// exportData maps the import path of each package this one depends on to the file of
// its compiled export data, from go list.
func exportData(t *testing.T) map[string]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -export: %v", err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if path, file, ok := strings.Cut(line, "\t"); ok && file != "" {
			m[path] = file
		}
	}
	return m
}

// TestWellKnownValuesAreTheFakes: the constants are written out, for go doc to show
// them; each is the fake's own.
func TestWellKnownValuesAreTheFakes(t *testing.T) {
	for ours, theirs := range map[string]string{
		twittertest.JackID: testserver.JackID, twittertest.XDevelopersID: testserver.XDevelopersID,
		twittertest.AliceID: testserver.AliceID, twittertest.BobID: testserver.BobID,
		twittertest.CarolID: testserver.CarolID, twittertest.ErinID: testserver.ErinID,
		twittertest.NonexistentID: testserver.NonexistentID, twittertest.SearchQuery: testserver.SearchThousandQuery,
		twittertest.LiveSpaceID: testserver.LiveSpaceID, twittertest.SeedWebhookID: testserver.SeedWebhookID,
		twittertest.TweetComplianceStream:   testserver.TweetComplianceStream,
		twittertest.UserComplianceStream:    testserver.UserComplianceStream,
		twittertest.LikeComplianceStream:    testserver.LikeComplianceStream,
		twittertest.TweetLabelStream:        testserver.TweetLabelStream,
		string(twittertest.ProfileBio):      string(testserver.ProfileBio),
		string(twittertest.ProfileName):     string(testserver.ProfileName),
		string(twittertest.ProfileLocation): string(testserver.ProfileLocation),
		string(twittertest.ProfileURL):      string(testserver.ProfileURL),
		string(twittertest.ProfilePicture):  string(testserver.ProfilePicture),
		twittertest.ReasonClosedByRequest:   testserver.ReasonClosedByRequest,
		twittertest.ReasonClientDisconnect:  testserver.ReasonClientDisconnect,
		twittertest.DaveID:                  testserver.DaveID,
		twittertest.MalloryID:               testserver.MalloryID,
		twittertest.JackFirstTweetID:        testserver.JackFirstTweetID,
		twittertest.ScheduledSpaceID:        testserver.ScheduledSpaceID,
		twittertest.EndedSpaceID:            testserver.EndedSpaceID,
		twittertest.TicketedSpaceID:         testserver.TicketedSpaceID,
		twittertest.PhotoMediaKey:           testserver.PhotoMediaKey,
		twittertest.VideoMediaKey:           testserver.VideoMediaKey,
		twittertest.PollID:                  testserver.PollID,
		twittertest.PlaceID:                 testserver.PlaceID,
		twittertest.GophersListID:           testserver.GophersListID,
		twittertest.AlicePrivateListID:      testserver.AlicePrivateListID,
		twittertest.XDevelopersListID:       testserver.XDevelopersListID,
		twittertest.GroupConversationID:     testserver.GroupConversationID,
		twittertest.GophersCommunityID:      testserver.GophersCommunityID,
		twittertest.APIBuildersCommunityID:  testserver.APIBuildersCommunityID,
		twittertest.AliceGoFolderID:         testserver.AliceGoFolderID,
		twittertest.AliceLiveBroadcastID:    testserver.AliceLiveBroadcastID,
		twittertest.ChatGroupID:             testserver.ChatGroupID,
	} {
		if ours != theirs {
			t.Errorf("%q, the fake's %q", ours, theirs)
		}
	}
	for ours, theirs := range map[int]int{
		twittertest.WorldwideWOEID: testserver.WorldwideWOEID, twittertest.UnitedStatesWOEID: testserver.UnitedStatesWOEID,
		twittertest.BerlinWOEID: testserver.BerlinWOEID,
	} {
		if ours != theirs {
			t.Errorf("WOEID %d, the fake's %d", ours, theirs)
		}
	}
	if !twittertest.SeedTime.Equal(testserver.SeedTime) {
		t.Errorf("SeedTime %v, the fake's %v", twittertest.SeedTime, testserver.SeedTime)
	}
}
