package testserver

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The seeded world. Every server starts from the same data (fixed seed), built once per
// process and copied cheaply per server; mutations of one server never show in another.
//
// Users:
//   - JackID (@jack): JackFollowerCount followers (a few seeded, the rest generated),
//     a pinned Tweet (JackPinnedTweetID) liked by 150 and retweeted by 120 accounts.
//   - XDevelopersID (@XDevelopers): XDevelopersTweetCount Tweets, to page timelines.
//   - AliceID, BobID, CarolID, DaveID, MalloryID: a small graph. Alice follows Jack,
//     XDevelopers, Bob and Carol; blocks Mallory; mutes Dave; liked AliceLikeCount Tweets;
//     is mentioned in about 250 Tweets.
//   - ErinID (@erin): a protected account; its Tweets are hidden from non-followers.
//   - Newer facts: Jack has verified his identity; Mallory is a parody account; Carol and
//     Dave subscribe to Alice (AliceSubscriberIDs); every named account has a confirmed
//     email, <username>@example.com.
//   - twenty @gopherNN accounts, authors of the SearchThousandQuery Tweets.
//
// Tweets: SearchThousandQuery ("gopher") matches exactly 1,000 Tweets, some replies,
// quotes, Retweets, with media, polls, places, hashtags, mentions and context
// annotations. Every seeded Tweet is dated within the seven days before SeedTime.
//
// Also seeded, fresh for every server: Alice's AliceBookmarkCount bookmarks
// (bookmarks.go); three Lists, GophersListID, AlicePrivateListID and XDevelopersListID,
// with members, followers and pins (lists.go); direct messages in
// AliceBobConversationID, AliceCarolConversationID and the group GroupConversationID
// (dm.go); Bob's ticketed Space TicketedSpaceID with three buyers, and Tweets shared in
// LiveSpaceID. Media uploads start empty (media.go); post usage counts what the server
// serves (usage.go).
const (
	JackID           = "12"
	XDevelopersID    = "2244994945"
	AliceID          = "1000000001"
	BobID            = "1000000002"
	CarolID          = "1000000003"
	DaveID           = "1000000004"
	ErinID           = "1000000005"
	MalloryID        = "1000000006"
	FirstGopherID    = "1000000101" // @gopher01; @gopher02 is 1000000102, ... up to @gopher20
	NonexistentID    = "9999999999" // a well-formed user or Tweet id that exists nowhere
	JackFirstTweetID = "20"         // "just setting up my twttr"

	JackFollowerCount      = 2500
	XDevelopersTweetCount  = 500
	SearchThousandQuery    = "gopher"
	SearchThousandCount    = 1000
	AliceLikeCount         = 30
	JackPinnedLikeCount    = 150
	JackPinnedRetweetCount = 120

	LiveSpaceID      = "1DXxyRYNejbKM"
	ScheduledSpaceID = "1vOGwMdBqgqxB"
	EndedSpaceID     = "1OdKrBnaEPXKX"
	TicketedSpaceID  = "1YpKkgVgevBKj" // @bob's ticketed Space; Alice, Carol and Dave bought tickets

	PhotoMediaKey = "3_1700000000000000001"
	VideoMediaKey = "7_1700000000000000002"
	PollID        = "1500000000000000001"
	PlaceID       = "01a9a39529b27f36" // Manhattan, NY

	SeedRuleID          = "1600000000000000001" // value "from:XDevelopers", tag "xdevs"
	SeedComplianceJobID = "1460000000000000001" // a complete tweets job
)

// Seeded Tweets whose ids are only known once the world is built (their ids encode their
// time, like X's). They are fixed: the same in every run.
var (
	ConversationRootID string // @alice starts a conversation
	ReplyID            string // @bob answers it
	HiddenReplyID      string // @dave answers it; Alice has hidden the reply; readers suggest a Community Note on it
	QuoteTweetID       string // @carol quotes the root
	RetweetID          string // @bob retweets the root
	MediaTweetID       string // @alice, with PhotoMediaKey and VideoMediaKey (titled, described); its photo matched a Community Note
	PollTweetID        string // @bob, with PollID: open until 47 hours after SeedTime on the server clock
	PlaceTweetID       string // @carol, tagged with PlaceID; a paid partnership
	ProtectedTweetID   string // @erin, protected
	JackPinnedTweetID  string // @jack's pinned Tweet, carrying the Article JackArticleTitle
)

// Newer facts of the seeded Tweets (tweet.fields article, matched_media_notes,
// note_request_suggestions).
const (
	JackArticleTitle     = "The API is the product"
	MatchedMediaNoteID   = "1700000000000000900"
	NoteRequestSuggestID = "1700000000000000950"
)

// SeedTime is the instant the seeded world is built around: every seeded Tweet is older,
// by at most seven days. NewManualClock(time.Time{}) starts here.
var SeedTime = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

const twEpoch = 1288834974657

// snowflake makes an X-like id from a time, so ids sort like times.
func snowflake(t time.Time, seq int) uint64 {
	return uint64(t.UnixMilli()-twEpoch)<<22 | uint64(seq&0x3fffff)
}

// Generated followers: ids virtualBase + block*virtualBlock + index.
const (
	virtualBase  uint64 = 3000000000000000000
	virtualBlock uint64 = 1000000000
)

type virtual struct {
	block   int
	n       int
	removed []int // sorted indexes that no longer follow
}

// base is the seeded world, built once and never modified.
type base struct {
	users      map[string]*User
	byName     map[string]*User
	userOrder  []string
	tweets     map[string]*Tweet
	order      []*Tweet // newest first
	media      map[string]*Media
	polls      map[string]*Poll
	places     map[string]*Place
	spaces     map[string]*Space
	spaceOrder []string
	topics     map[string]*Topic
	following  map[string][]string // newest first
	blocks     map[string][]string
	mutes      map[string][]string
	liked      map[string][]string // user -> tweets, newest like first
	likers     map[string][]string // tweet -> users
	retweeters map[string][]string
	hidden     map[string]bool
	// subscribers: creator -> the accounts paying to subscribe to them, seeded only.
	subscribers map[string][]string
}

// AliceSubscriberIDs subscribe to Alice: with her user token, user.fields subscribes_to_you
// (and subscription) is true on them, and they may answer her subscribers-only Tweets.
var AliceSubscriberIDs = []string{CarolID, DaveID}

var seedWorld = sync.OnceValue(buildBase)

// The seeded Tweet ids above must be set before any test reads them, server or not.
func init() { seedWorld() }

func buildBase() *base {
	b := &base{
		users: map[string]*User{}, byName: map[string]*User{}, tweets: map[string]*Tweet{},
		media: map[string]*Media{}, polls: map[string]*Poll{}, places: map[string]*Place{},
		spaces: map[string]*Space{}, topics: map[string]*Topic{},
		following: map[string][]string{}, blocks: map[string][]string{}, mutes: map[string][]string{},
		liked: map[string][]string{}, likers: map[string][]string{}, retweeters: map[string][]string{},
		hidden: map[string]bool{}, subscribers: map[string][]string{AliceID: AliceSubscriberIDs},
	}
	rng := rand.New(rand.NewPCG(2006, 321))
	created := time.Date(2009, 3, 1, 12, 0, 0, 0, time.UTC)
	addUser := func(u *User) {
		if u.CreatedAt.IsZero() {
			u.CreatedAt = created.Add(time.Duration(len(b.userOrder)) * 97 * 24 * time.Hour)
		}
		if u.ProfileImageURL == "" {
			u.ProfileImageURL = "https://pbs.twimg.com/profile_images/" + u.ID + "/avatar_normal.jpg"
		}
		if u.VerifiedType == "" {
			u.VerifiedType = "none"
		}
		if u.Email == "" {
			u.Email = strings.ToLower(u.Username) + "@example.com"
		}
		b.users[u.ID] = u
		b.byName[strings.ToLower(u.Username)] = u
		b.userOrder = append(b.userOrder, u.ID)
	}
	addUser(&User{ID: JackID, Name: "jack", Username: "jack", Description: "no state is the best state",
		Location: "", CreatedAt: time.Date(2006, 3, 21, 20, 50, 14, 0, time.UTC), Verified: true, VerifiedType: "blue", IdentityChecked: true})
	addUser(&User{ID: XDevelopersID, Name: "Developers", Username: "XDevelopers",
		Description: "The voice of the X Developer Platform", Location: "127.0.0.1", URL: "https://developer.x.com",
		Verified: true, VerifiedType: "business"})
	addUser(&User{ID: AliceID, Name: "Alice", Username: "alice", Description: "Writes Go. #golang", Location: "Berlin"})
	addUser(&User{ID: BobID, Name: "Bob", Username: "bob", Description: "Builds API clients @alice likes", Location: "Lyon"})
	addUser(&User{ID: CarolID, Name: "Carol", Username: "carol", Description: "Maps and places", Location: "New York"})
	addUser(&User{ID: DaveID, Name: "Dave", Username: "dave", Description: "Talks a lot"})
	addUser(&User{ID: ErinID, Name: "Erin", Username: "erin", Description: "Private account", Protected: true})
	addUser(&User{ID: MalloryID, Name: "Mallory", Username: "mallory", Description: "Up to no good", Parody: true})
	gophers := make([]string, 20)
	for i := range gophers {
		id := strconv.Itoa(1000000101 + i)
		gophers[i] = id
		addUser(&User{ID: id, Name: fmt.Sprintf("Gopher %02d", i+1), Username: fmt.Sprintf("gopher%02d", i+1),
			Description: "A gopher who tweets about gophers"})
	}

	b.places[PlaceID] = &Place{ID: PlaceID, FullName: "Manhattan, NY", Name: "Manhattan", Country: "United States",
		CountryCode: "US", PlaceType: "city", BBox: [4]float64{-74.026675, 40.683935, -73.910408, 40.877483}}
	b.places["5a110d312052166f"] = &Place{ID: "5a110d312052166f", FullName: "San Francisco, CA", Name: "San Francisco",
		Country: "United States", CountryCode: "US", PlaceType: "city", BBox: [4]float64{-122.514926, 37.708075, -122.357031, 37.833238}}
	b.topics["848920371311001600"] = &Topic{ID: "848920371311001600", Name: "Technology", Description: "Technology and computing"}
	b.topics["1349108813424230400"] = &Topic{ID: "1349108813424230400", Name: "Go", Description: "The Go programming language"}

	annotation := []ContextAnnotation{{
		Domain: AnnotationPart{ID: "46", Name: "Business Taxonomy", Description: "Categories within Brand Verticals"},
		Entity: AnnotationPart{ID: "1349108813424230400", Name: "Go", Description: "The Go programming language"},
	}}

	// Tweets, oldest first.
	start := SeedTime.Add(-7 * 24 * time.Hour)
	const bulk = 1500
	step := (7*24*time.Hour - time.Hour) / bulk
	seq := 0
	add := func(t *Tweet, at time.Time) *Tweet {
		seq++
		t.num = snowflake(at, seq)
		t.ID = strconv.FormatUint(t.num, 10)
		t.CreatedAt = at.Truncate(time.Millisecond)
		if t.ConversationID == "" {
			t.ConversationID = t.ID
		}
		if t.Lang == "" {
			t.Lang = "en"
		}
		if t.Source == "" {
			t.Source = "Twitter Web App"
		}
		if t.ReplySettings == "" {
			t.ReplySettings = "everyone"
		}
		t.info = &textInfo{}
		b.tweets[t.ID] = t
		b.order = append(b.order, t)
		return t
	}
	reply := func(t *Tweet, to *Tweet) {
		t.ConversationID = to.ConversationID
		t.InReplyToUserID = to.AuthorID
		t.ReferencedTweets = append(t.ReferencedTweets, ReferencedTweet{Type: "replied_to", ID: to.ID})
	}
	first := &Tweet{ID: JackFirstTweetID, num: 20, Text: "just setting up my twttr", AuthorID: JackID,
		CreatedAt: time.Date(2006, 3, 21, 20, 50, 14, 0, time.UTC), ConversationID: JackFirstTweetID,
		Lang: "en", Source: "Twitter Web Client", ReplySettings: "everyone"}
	first.info = &textInfo{}
	b.tweets[first.ID] = first

	var gopherTweets []*Tweet
	phrases := []string{"loves #golang", "says hi to @alice", "watches $GOOG", "reads https://go.dev/blog",
		"ships code", "naps in the sun", "digs a tunnel", "asks @XDevelopers a question"}
	g, x := 0, 0
	for k := 0; k < bulk; k++ {
		at := start.Add(time.Duration(k) * step)
		if k%3 == 2 {
			t := &Tweet{AuthorID: XDevelopersID, Text: fmt.Sprintf("Developer update %d: the X API v2 keeps getting better", x)}
			if x%25 == 0 {
				t.Text += " cc @jack"
			}
			if x%10 == 5 {
				t.Text += " #buildinpublic"
			}
			add(t, at)
			x++
			continue
		}
		j := g
		g++
		author := gophers[j%len(gophers)]
		t := &Tweet{AuthorID: author}
		switch {
		case j%10 == 9:
			to := gopherTweets[j-1]
			t.Text = fmt.Sprintf("@%s gopher reply %d", b.users[to.AuthorID].Username, j)
			reply(t, to)
		case j%13 == 12:
			src := gopherTweets[j-5]
			t.Text = fmt.Sprintf("RT @%s: %s", b.users[src.AuthorID].Username, src.Text)
			t.ReferencedTweets = []ReferencedTweet{{Type: "retweeted", ID: src.ID}}
		case j%11 == 10:
			src := gopherTweets[j-3]
			t.Text = fmt.Sprintf("gopher quote %d https://t.co/q%d", j, j)
			t.ReferencedTweets = []ReferencedTweet{{Type: "quoted", ID: src.ID}}
		case j%9 == 4:
			t.Text = fmt.Sprintf("un gopher escribe la nota %d", j)
			t.Lang = "es"
		default:
			t.Text = fmt.Sprintf("gopher note %d %s", j, phrases[j%len(phrases)])
			if j%5 == 0 {
				t.Text += " #golang"
			}
		}
		isRT := len(t.ReferencedTweets) > 0 && t.ReferencedTweets[0].Type == "retweeted"
		if !isRT && j%4 == 1 && !strings.Contains(t.Text, "@alice") {
			t.Text += " with @alice"
		}
		if j%3 == 0 && !isRT {
			t.ContextAnnotations = annotation
		}
		add(t, at)
		if !isRT {
			if j%7 == 3 {
				key := "3_" + t.ID
				b.media[key] = &Media{Key: key, Type: "photo", URL: "https://pbs.twimg.com/media/g" + strconv.Itoa(j) + ".jpg",
					Width: 1200, Height: 800, AltText: "a gopher, number " + strconv.Itoa(j)}
				t.MediaKeys = []string{key}
			}
			if j%50 == 25 {
				pid := strconv.FormatUint(1500000000000000100+uint64(j), 10)
				b.polls[pid] = &Poll{ID: pid, DurationMinutes: 1440, EndDatetime: t.CreatedAt.Add(24 * time.Hour), VotingStatus: "closed",
					Options: []PollOption{{1, "Gophers", 10 + rng.IntN(50)}, {2, "Crabs", rng.IntN(20)}}}
				t.PollID = pid
			}
			if j%40 == 15 {
				t.PlaceID = "5a110d312052166f"
			}
			if j%17 == 0 {
				t.PossiblySensitive = false
				t.Source = "Twitter for iPhone"
			}
		}
		gopherTweets = append(gopherTweets, t)
	}

	// The special Tweets, in the last hour before SeedTime.
	at := SeedTime.Add(-time.Hour)
	next := func() time.Time { at = at.Add(2 * time.Minute); return at }
	root := add(&Tweet{AuthorID: AliceID, Text: "Who else is writing Go today? #golang", ContextAnnotations: annotation}, next())
	ConversationRootID = root.ID
	r1 := &Tweet{AuthorID: BobID, Text: "@alice me! Building a client for the X API."}
	reply(r1, root)
	ReplyID = add(r1, next()).ID
	r2 := &Tweet{AuthorID: DaveID, Text: "@alice first!!! follow me for more", NoteRequestSuggestions: []NoteRequestSuggestion{{
		SuggestionID: NoteRequestSuggestID, Suggestion: "The account offers follows in exchange for replies.",
		SourceLink: "https://help.x.com/en/rules-and-policies/platform-manipulation"}}}
	reply(r2, root)
	HiddenReplyID = add(r2, next()).ID
	b.hidden[HiddenReplyID] = true
	r3 := &Tweet{AuthorID: CarolID, Text: "@alice @bob count me in"}
	reply(r3, root)
	add(r3, next())
	QuoteTweetID = add(&Tweet{AuthorID: CarolID, Text: "This thread is great https://t.co/quote1",
		ReferencedTweets: []ReferencedTweet{{Type: "quoted", ID: root.ID}}}, next()).ID
	RetweetID = add(&Tweet{AuthorID: BobID, Text: "RT @alice: " + root.Text,
		ReferencedTweets: []ReferencedTweet{{Type: "retweeted", ID: root.ID}}}, next()).ID
	b.retweeters[root.ID] = []string{BobID}
	b.media[PhotoMediaKey] = &Media{Key: PhotoMediaKey, Type: "photo", URL: "https://pbs.twimg.com/media/photo1.jpg",
		Width: 2048, Height: 1536, AltText: "A gopher on a laptop", Title: "My desk", Description: "The laptop and its gopher sticker"}
	b.media[VideoMediaKey] = &Media{Key: VideoMediaKey, Type: "video", PreviewImageURL: "https://pbs.twimg.com/media/video1.jpg",
		Width: 1280, Height: 720, DurationMS: 30500, ViewCount: 1234, Title: "A day at the desk"}
	MediaTweetID = add(&Tweet{AuthorID: AliceID, Text: "My desk today https://t.co/media1",
		MediaKeys: []string{PhotoMediaKey, VideoMediaKey}, PossiblySensitive: false,
		MatchedMediaNotes: []MatchedMediaNote{{NoteID: MatchedMediaNoteID, MatchStatus: "matched"}}}, next()).ID
	b.polls[PollID] = &Poll{ID: PollID, DurationMinutes: 2880, EndDatetime: SeedTime.Add(47 * time.Hour), VotingStatus: "open",
		Options: []PollOption{{1, "Go", 120}, {2, "Rust", 80}, {3, "Zig", 15}}}
	PollTweetID = add(&Tweet{AuthorID: BobID, Text: "Which language for the next API client?", PollID: PollID}, next()).ID
	PlaceTweetID = add(&Tweet{AuthorID: CarolID, Text: "Coffee near the office", PlaceID: PlaceID, PaidPartnership: true}, next()).ID
	ProtectedTweetID = add(&Tweet{AuthorID: ErinID, Text: "secret plans for the weekend"}, next()).ID
	pinned := add(&Tweet{AuthorID: JackID, Text: "the API is the product", Source: "Twitter for iPhone", ArticleTitle: JackArticleTitle}, next())
	JackPinnedTweetID = pinned.ID
	b.users[JackID].PinnedTweetID = pinned.ID

	// newest first
	sort.Slice(b.order, func(i, j int) bool { return b.order[i].num > b.order[j].num })
	b.order = append(b.order, first)

	// The graph.
	b.following[AliceID] = []string{CarolID, BobID, XDevelopersID, JackID}
	b.following[BobID] = []string{JackID, AliceID}
	b.following[CarolID] = []string{BobID, AliceID}
	b.following[DaveID] = []string{JackID, CarolID, BobID, AliceID}
	b.following[ErinID] = []string{AliceID}
	b.following[MalloryID] = []string{CarolID} // not Alice or Bob: both block Mallory
	b.following[JackID] = []string{AliceID, XDevelopersID}
	b.following[XDevelopersID] = []string{JackID}
	for i, id := range gophers {
		if i%2 == 0 {
			b.following[id] = []string{AliceID, XDevelopersID}
		} else {
			b.following[id] = []string{XDevelopersID}
		}
	}
	b.blocks[AliceID] = []string{MalloryID}
	b.blocks[BobID] = []string{MalloryID}
	b.mutes[AliceID] = []string{DaveID}

	// Likes: Alice liked the thirty newest Developer updates; Bob liked the root and the media.
	var likes []string
	for _, t := range b.order {
		if t.AuthorID == XDevelopersID && len(likes) < AliceLikeCount {
			likes = append(likes, t.ID)
		}
	}
	b.liked[AliceID] = likes
	for _, id := range likes {
		b.likers[id] = append(b.likers[id], AliceID)
	}
	b.liked[BobID] = []string{MediaTweetID, ConversationRootID}
	b.likers[MediaTweetID] = append(b.likers[MediaTweetID], BobID)
	b.likers[ConversationRootID] = append(b.likers[ConversationRootID], BobID)

	// Spaces.
	b.spaces[LiveSpaceID] = &Space{ID: LiveSpaceID, State: "live", Title: "Go and the X API", CreatorID: AliceID,
		HostIDs: []string{AliceID}, SpeakerIDs: []string{BobID, CarolID}, InvitedUserIDs: []string{DaveID},
		TopicIDs: []string{"1349108813424230400"}, Lang: "en", ParticipantCount: 42,
		CreatedAt: SeedTime.Add(-40 * time.Minute), StartedAt: SeedTime.Add(-30 * time.Minute), UpdatedAt: SeedTime.Add(-5 * time.Minute)}
	b.spaces[ScheduledSpaceID] = &Space{ID: ScheduledSpaceID, State: "scheduled", Title: "Ask me anything about Go", CreatorID: JackID,
		HostIDs: []string{JackID}, TopicIDs: []string{"848920371311001600", "1349108813424230400"}, Lang: "en", SubscriberCount: 7,
		CreatedAt: SeedTime.Add(-24 * time.Hour), ScheduledStart: SeedTime.Add(24 * time.Hour), UpdatedAt: SeedTime.Add(-24 * time.Hour)}
	b.spaces[EndedSpaceID] = &Space{ID: EndedSpaceID, State: "ended", Title: "API office hours", CreatorID: XDevelopersID,
		HostIDs: []string{XDevelopersID}, SpeakerIDs: []string{JackID}, Lang: "en", IsTicketed: false, ParticipantCount: 250,
		CreatedAt: SeedTime.Add(-72 * time.Hour), StartedAt: SeedTime.Add(-71 * time.Hour), EndedAt: SeedTime.Add(-70 * time.Hour),
		UpdatedAt: SeedTime.Add(-70 * time.Hour)}
	b.spaces[LiveSpaceID].SharedTweetIDs = []string{PollTweetID, MediaTweetID, ConversationRootID}
	b.spaces[TicketedSpaceID] = &Space{ID: TicketedSpaceID, State: "scheduled", Title: "Paid workshop: API design", CreatorID: BobID,
		HostIDs: []string{BobID}, Lang: "en", IsTicketed: true, SubscriberCount: 3,
		CreatedAt: SeedTime.Add(-48 * time.Hour), ScheduledStart: SeedTime.Add(72 * time.Hour), UpdatedAt: SeedTime.Add(-2 * time.Hour),
		BuyerIDs: []string{DaveID, CarolID, AliceID}}
	b.spaceOrder = []string{LiveSpaceID, ScheduledSpaceID, EndedSpaceID, TicketedSpaceID}
	return b
}

// state is one server's world: a copy of the seed that requests may change. A feature
// with state of its own keeps it in a sub-structure its file defines (listState,
// dmState, hookState, ...) and seeds it by its feature's seed; s.mu guards it all.
type state struct {
	b          *base
	clock      Clock
	tweets     map[string]*Tweet
	order      []*Tweet
	byAuthor   map[string][]*Tweet
	mentions   map[string][]*Tweet
	replies    map[string]int
	quotes     map[string]int
	following  map[string][]string
	followers  map[string][]string
	pending    map[string][]string // follow requests to protected accounts
	blocks     map[string][]string
	mutes      map[string][]string
	liked      map[string][]string
	likers     map[string][]string
	retweeters map[string][]string
	retweetOf  map[string]string // user + "/" + source tweet -> the retweet's id
	hidden     map[string]bool
	virtuals   map[string]*virtual // owner -> generated followers
	vowner     map[int]string      // block -> owner
	rules      []Rule
	ruleSeq    uint64
	jobs       []*ComplianceJob
	jobSeq     uint64
	tweetSeq   int

	spaces      map[string]*Space   // the seeded Spaces and those AddSpace added
	spaceOrder  []string            // the Spaces in the order they were added
	spaceSeq    int                 // Spaces AddSpace gave an id (seed_spaces.go)
	polls       map[string]*Poll    // polls of posted Tweets (seeded ones are in b.polls)
	media       map[string]*Media   // media of finished uploads (seeded ones are in b.media)
	deleted     map[string]bool     // ids of deleted Tweets
	edits       map[string][]string // id of any version of an edited Tweet -> every version, oldest first (posting.go)
	bookmarks   map[string][]string // user -> Tweets, newest bookmark first
	bookmarkers map[string][]string // Tweet -> users
	lists       listState           // Lists (lists.go)
	dms         dmState             // direct messages (dm.go)
	uploads     map[string]*Upload
	uploadSeq   int
	mediaX      *mediaExtras          // metadata and subtitles (media_metadata.go)
	hooks       *hookState            // webhooks.go
	dmBlocks    map[string][]string   // user -> users whose DMs they refuse (dm_blocks.go)
	bmFolders   *bookmarkFolders      // bookmark_folders.go
	affiliates  map[string][]string   // organization -> affiliated accounts (affiliates.go)
	news        map[string]*NewsStory // news.go

	streamLinks   []*StreamLink     // webhooks the filtered stream delivers to (stream_webhooks.go)
	streamToHooks []pendingDelivery // filtered-stream Tweets waiting for DeliverStreamWebhooks
	notes         noteState         // Community Notes (notes.go)
	activity      *activityState    // X Activity subscriptions and events (activity.go)
	profiles      map[string]*User  // users whose profile UpdateProfile changed (activity.go)

	articles   articleState                  // long-form Articles, drafts and published (articles.go)
	broadcasts broadcastState                // live videos, their schedules and chat (broadcasts.go)
	chat       *chatState                    // XChat conversations (chat.go)
	publicKeys map[string][]*PublicKeyRecord // chat public keys, newest version first (chat_keys.go)
	chatMedia  *chatMediaState               // chat media uploads and files (chat_media.go)

	communities  []*Community // Communities AddCommunity added, oldest first (seed_communities.go)
	communitySeq int          // Communities AddCommunity gave an id
}

func copyMap[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func newState(cfg *config, clock Clock, features []feature) *state {
	b := seedWorld()
	st := &state{
		b: b, clock: clock,
		tweets: copyMap(b.tweets), order: b.order,
		byAuthor: map[string][]*Tweet{}, mentions: map[string][]*Tweet{},
		replies: map[string]int{}, quotes: map[string]int{},
		following: copyMap(b.following), followers: map[string][]string{}, pending: map[string][]string{},
		blocks: copyMap(b.blocks), mutes: copyMap(b.mutes),
		liked: copyMap(b.liked), likers: copyMap(b.likers), retweeters: copyMap(b.retweeters),
		retweetOf: map[string]string{}, hidden: copyMap(b.hidden),
		spaces: copyMap(b.spaces), spaceOrder: b.spaceOrder,
		virtuals: map[string]*virtual{}, vowner: map[int]string{},
		ruleSeq: 1600000000000000001,
	}
	idx := seedIndexes()
	st.byAuthor = copyMap(idx.byAuthor)
	st.mentions = copyMap(idx.mentions)
	st.replies = copyMap(idx.replies)
	st.quotes = copyMap(idx.quotes)
	st.followers = copyMap(idx.followers)
	for k, v := range idx.retweetOf {
		st.retweetOf[k] = v
	}
	if cfg.seedRules {
		st.rules = []Rule{{ID: SeedRuleID, Value: "from:XDevelopers", Tag: "xdevs"}}
	}
	st.ruleSeq++
	st.polls, st.media, st.deleted = map[string]*Poll{}, map[string]*Media{}, map[string]bool{}
	st.edits = map[string][]string{}
	for _, f := range features {
		if f.seed != nil {
			f.seed(st)
		}
	}
	// Jack's followers: the seeded ones, then generated ones up to JackFollowerCount.
	counts := map[string]int{JackID: JackFollowerCount}
	for id, n := range cfg.followers {
		counts[id] = n
	}
	owners := make([]string, 0, len(counts))
	for id := range counts {
		owners = append(owners, id)
	}
	sort.Strings(owners)
	for i, id := range owners {
		n := counts[id] - len(st.followers[id])
		if n < 0 {
			n = 0
		}
		st.virtuals[id] = &virtual{block: i, n: n}
		st.vowner[i] = id
	}
	// Jack's pinned Tweet: liked by his first 150 generated followers, retweeted by 120.
	jv := st.virtuals[JackID]
	var likers, rts []string
	for i := 0; i < JackPinnedLikeCount && i < jv.n; i++ {
		likers = append(likers, virtualID(jv.block, i))
	}
	for i := 0; i < JackPinnedRetweetCount && i < jv.n; i++ {
		rts = append(rts, virtualID(jv.block, i))
	}
	st.likers[JackPinnedTweetID] = likers
	st.retweeters[JackPinnedTweetID] = rts
	return st
}

// seedIdx holds indexes derived from the seed, computed once.
type seedIdx struct {
	byAuthor  map[string][]*Tweet
	mentions  map[string][]*Tweet
	replies   map[string]int
	quotes    map[string]int
	followers map[string][]string
	retweetOf map[string]string
}

var seedIndexes = sync.OnceValue(func() *seedIdx {
	b := seedWorld()
	ix := &seedIdx{byAuthor: map[string][]*Tweet{}, mentions: map[string][]*Tweet{}, replies: map[string]int{},
		quotes: map[string]int{}, followers: map[string][]string{}, retweetOf: map[string]string{}}
	for _, t := range b.order {
		ix.byAuthor[t.AuthorID] = append(ix.byAuthor[t.AuthorID], t)
		for _, m := range t.parsed().mentions {
			if u := b.byName[strings.ToLower(m)]; u != nil {
				l := ix.mentions[u.ID]
				if len(l) == 0 || l[len(l)-1] != t {
					ix.mentions[u.ID] = append(l, t)
				}
			}
		}
		for _, r := range t.ReferencedTweets {
			switch r.Type {
			case "replied_to":
				ix.replies[r.ID]++
			case "quoted":
				ix.quotes[r.ID]++
			case "retweeted":
				ix.retweetOf[t.AuthorID+"/"+r.ID] = t.ID
			}
		}
	}
	// followers: newest follower first, in the order users were seeded.
	for _, id := range b.userOrder {
		for _, target := range b.following[id] {
			ix.followers[target] = append([]string{id}, ix.followers[target]...)
		}
	}
	return ix
})

func virtualID(block, i int) string {
	return strconv.FormatUint(virtualBase+uint64(block)*virtualBlock+uint64(i), 10)
}

// parseVirtual splits a generated follower id into its block and index.
func parseVirtual(id string) (block, index int, ok bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil || n < virtualBase || len(id) != 19 {
		return 0, 0, false
	}
	n -= virtualBase
	return int(n / virtualBlock), int(n % virtualBlock), true
}

// user finds a user: seeded, or generated as a follower.
func (st *state) user(id string) *User {
	if u := st.profiles[id]; u != nil {
		return u
	}
	if u := st.b.users[id]; u != nil {
		return u
	}
	block, i, ok := parseVirtual(id)
	if !ok {
		return nil
	}
	owner, ok := st.vowner[block]
	if !ok || i >= st.virtuals[owner].n {
		return nil
	}
	return &User{ID: id, Name: fmt.Sprintf("Follower %d", i+1), Username: fmt.Sprintf("v%d_%d", block, i),
		CreatedAt: SeedTime.Add(-time.Duration(i+1) * time.Hour), VerifiedType: "none",
		ProfileImageURL: "https://pbs.twimg.com/profile_images/" + id + "/avatar_normal.jpg",
		Description:     "Generated follower"}
}

func (st *state) userByName(name string) *User {
	if u := st.b.byName[strings.ToLower(name)]; u != nil {
		return u
	}
	if u := st.addedUserByName(name); u != nil {
		return u
	}
	var block, i int
	if _, err := fmt.Sscanf(strings.ToLower(name), "v%d_%d", &block, &i); err == nil {
		u := st.user(virtualID(block, i))
		if u != nil && strings.EqualFold(u.Username, name) {
			return u
		}
	}
	return nil
}

func (st *state) tweet(id string) *Tweet { return st.tweets[id] }

// poll finds a poll, seeded or posted.
func (st *state) poll(id string) *Poll {
	if p := st.b.polls[id]; p != nil {
		return p
	}
	return st.polls[id]
}

// mediaOf finds media by key: uploaded, or seeded (as changed since, if it was).
func (st *state) mediaOf(key string) *Media {
	if m := st.media[key]; m != nil {
		return m
	}
	return st.b.media[key]
}

// virtualOf tells whether id is a generated follower, and of whom.
func (st *state) virtualOf(id string) (owner string, v *virtual, index int, ok bool) {
	block, i, ok := parseVirtual(id)
	if !ok {
		return "", nil, 0, false
	}
	owner, ok = st.vowner[block]
	if !ok || i >= st.virtuals[owner].n {
		return "", nil, 0, false
	}
	return owner, st.virtuals[owner], i, true
}

func (v *virtual) isRemoved(i int) bool {
	k := sort.SearchInts(v.removed, i)
	return k < len(v.removed) && v.removed[k] == i
}

// followerCount counts the followers of id, generated ones included.
func (st *state) followerCount(id string) int {
	n := len(st.followers[id])
	if v := st.virtuals[id]; v != nil {
		n += v.n - len(v.removed)
	}
	return n
}

// verifiedFollowerCount counts the verified followers of id (generated followers are not).
func (st *state) verifiedFollowerCount(id string) int {
	n := 0
	for _, f := range st.followers[id] {
		if u := st.user(f); u != nil && u.Verified {
			n++
		}
	}
	return n
}

// subscribesTo tells whether sub pays to subscribe to creator.
func (st *state) subscribesTo(sub, creator string) bool {
	return contains(st.b.subscribers[creator], sub)
}

// affiliationOf returns the organization that lists id among its affiliates, or "".
func (st *state) affiliationOf(id string) string {
	for org, ids := range st.affiliates {
		if contains(ids, id) {
			return org
		}
	}
	return ""
}

// followerAt returns the follower at position p (newest first): seeded ones, then generated.
func (st *state) followerAt(id string, p int) string {
	ex := st.followers[id]
	if p < len(ex) {
		return ex[p]
	}
	v := st.virtuals[id]
	i := p - len(ex)
	for _, r := range v.removed {
		if r <= i {
			i++
		}
	}
	return virtualID(v.block, i)
}

func (st *state) followingOf(id string) []string {
	out := st.following[id]
	if owner, v, i, ok := st.virtualOf(id); ok && !v.isRemoved(i) {
		out = append(append([]string(nil), out...), owner)
	}
	return out
}

func contains(list []string, id string) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

func prepend(list []string, id string) []string {
	return append([]string{id}, list...)
}

func without(list []string, id string) []string {
	out := make([]string, 0, len(list))
	for _, x := range list {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

func (st *state) isFollowing(src, dst string) bool {
	if contains(st.following[src], dst) {
		return true
	}
	owner, v, i, ok := st.virtualOf(src)
	return ok && owner == dst && !v.isRemoved(i)
}

func (st *state) follow(src, dst string) {
	if st.isFollowing(src, dst) {
		return
	}
	if owner, v, i, ok := st.virtualOf(src); ok && owner == dst && v.isRemoved(i) {
		k := sort.SearchInts(v.removed, i)
		v.removed = append(v.removed[:k:k], v.removed[k+1:]...)
		return
	}
	st.following[src] = prepend(st.following[src], dst)
	st.followers[dst] = prepend(st.followers[dst], src)
}

func (st *state) unfollow(src, dst string) {
	st.pending[src] = without(st.pending[src], dst)
	if contains(st.following[src], dst) {
		st.following[src] = without(st.following[src], dst)
		st.followers[dst] = without(st.followers[dst], src)
		return
	}
	if owner, v, i, ok := st.virtualOf(src); ok && owner == dst && !v.isRemoved(i) {
		k := sort.SearchInts(v.removed, i)
		v.removed = append(v.removed[:k:k], append([]int{i}, v.removed[k:]...)...)
	}
}

// canSee tells whether viewer (possibly "" for app-only) may see author's Tweets.
func (st *state) canSee(viewer, author string) bool {
	u := st.user(author)
	if u == nil || !u.Protected || viewer == author {
		return true
	}
	return viewer != "" && st.isFollowing(viewer, author)
}

// addTweet stores a new Tweet (from EmitTweet or a retweet), keeping order and indexes.
func (st *state) addTweet(t *Tweet) {
	t.info = &textInfo{}
	st.tweets[t.ID] = t
	st.order = insertDesc(st.order, t)
	st.byAuthor[t.AuthorID] = insertDesc(st.byAuthor[t.AuthorID], t)
	for _, m := range t.parsed().mentions {
		if u := st.userByName(m); u != nil && (len(st.mentions[u.ID]) == 0 || !containsTweet(st.mentions[u.ID], t)) {
			st.mentions[u.ID] = insertDesc(st.mentions[u.ID], t)
		}
	}
	for _, r := range t.ReferencedTweets {
		switch r.Type {
		case "replied_to":
			st.replies[r.ID]++
		case "quoted":
			st.quotes[r.ID]++
		}
	}
}

func containsTweet(list []*Tweet, t *Tweet) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}

// removeTweet deletes a Tweet (an undone retweet).
func (st *state) removeTweet(t *Tweet) {
	delete(st.tweets, t.ID)
	st.order = removeT(st.order, t)
	st.byAuthor[t.AuthorID] = removeT(st.byAuthor[t.AuthorID], t)
	for id, l := range st.mentions {
		if containsTweet(l, t) {
			st.mentions[id] = removeT(l, t)
		}
	}
}

// insertDesc returns a new slice with t inserted by id, newest first (copy on write:
// slices may be shared with the seed).
func insertDesc(list []*Tweet, t *Tweet) []*Tweet {
	i := sort.Search(len(list), func(i int) bool { return list[i].num < t.num })
	out := make([]*Tweet, 0, len(list)+1)
	out = append(out, list[:i]...)
	out = append(out, t)
	return append(out, list[i:]...)
}

func removeT(list []*Tweet, t *Tweet) []*Tweet {
	out := make([]*Tweet, 0, len(list))
	for _, x := range list {
		if x != t {
			out = append(out, x)
		}
	}
	return out
}

// newTweetID makes an id for a Tweet created now, above every existing id.
func (st *state) newTweetID() uint64 {
	st.tweetSeq++
	id := snowflake(st.clock.Now(), st.tweetSeq)
	if len(st.order) > 0 && id <= st.order[0].num {
		id = st.order[0].num + uint64(st.tweetSeq)
	}
	return id
}
