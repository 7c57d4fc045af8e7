// Package twittertest runs the module's fake X API for the tests of programs that use
// package twitter.
//
// The fake is a real HTTP server on 127.0.0.1 with a seeded, deterministic world (users
// with followers, Tweets with media, polls, places and replies, Spaces, Lists, direct
// messages, stream rules, compliance jobs). It serves every operation of the module's API
// document with X's semantics, enforces authentication and rate limits, injects faults on
// demand, and checks every request your code sends against the API document: a request X
// would refuse fails your test with a message naming the operation and the parameter.
//
//	func TestMyBot(t *testing.T) {
//		srv := twittertest.Start(t)
//		c := twittertest.NewUserClient(t, srv, twittertest.AliceID) // acting as @alice
//		srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultHTML, Status: 502, Times: 1})
//		if err := runMyBot(context.Background(), c); err != nil {
//			t.Fatal(err)
//		}
//		if ids := srv.World().LikedTweetIDs(twittertest.AliceID); len(ids) == 0 {
//			t.Error("the bot liked nothing")
//		}
//	}
//
// Before the code under test runs, a test can seed the world with what that code reads:
// users and their pinned Tweets, Tweets and hidden replies, media and uploads, polls,
// follows and follow requests, likes, bookmarks and their folders, blocks, mutes,
// Retweets, Lists with members and followers, Spaces, direct messages, webhooks,
// Community Notes with their writers and eligible Tweets, Communities and draft
// Articles (the Add and Set methods of World, and HideReply). Each checks what it is given as the API
// would, and the client then finds it as it finds the seeded world.
//
// Unlike a fake run as a program of its own, a Server lives inside go test: one per test,
// started and closed with it, with its own world, faults and clock.
package twittertest

import (
	"errors"
	"net/http"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
	"golang.org/x/oauth2"
)

// Well-known ids of the seeded world.
const (
	JackID        = "12"         // @jack: 2,500 followers and a pinned Tweet
	XDevelopersID = "2244994945" // @XDevelopers: 500 Tweets
	AliceID       = "1000000001" // @alice, who follows bob, carol, XDevelopers and jack
	BobID         = "1000000002" // @bob
	CarolID       = "1000000003" // @carol
	ErinID        = "1000000005" // @erin, a protected account
	NonexistentID = "9999999999" // a well-formed user or Tweet id that exists nowhere
	// SearchQuery matches exactly 1,000 recent Tweets.
	SearchQuery = "gopher"
	// LiveSpaceID is a live Space.
	LiveSpaceID = "1DXxyRYNejbKM"
	// SeedWebhookID is the app's seeded webhook; AliceID is subscribed to its Account Activity.
	SeedWebhookID = "1870000000000000001"
)

// More of the seeded world, for tests that reach past users and Tweets. Alice blocks
// Mallory and mutes Dave; Mallory is a parody account.
const (
	DaveID           = "1000000004" // @dave, whom Alice mutes
	MalloryID        = "1000000006" // @mallory, whom Alice blocks
	JackFirstTweetID = "20"         // @jack's first Tweet
	// Spaces besides LiveSpaceID.
	ScheduledSpaceID = "1vOGwMdBqgqxB"
	EndedSpaceID     = "1OdKrBnaEPXKX"
	TicketedSpaceID  = "1YpKkgVgevBKj" // @bob's ticketed Space; Alice, Carol and Dave bought tickets
	// Media, a poll and a place that seeded Tweets carry.
	PhotoMediaKey = "3_1700000000000000001"
	VideoMediaKey = "7_1700000000000000002"
	PollID        = "1500000000000000001"
	PlaceID       = "01a9a39529b27f36" // Manhattan, NY
	// Lists: Alice has pinned GophersListID and XDevelopersListID.
	GophersListID      = "1590000000000000001"
	AlicePrivateListID = "1590000000000000002" // @alice's private List (Bob and Carol)
	XDevelopersListID  = "1590000000000000003" // @XDevelopers' public List
	// GroupConversationID is Alice's direct-message group with Bob and Carol (Dave has left).
	GroupConversationID = "1570000000000000001"
	// Communities.
	GophersCommunityID     = "1740000000000000001" // public and open
	APIBuildersCommunityID = "1740000000000000002" // closed, joined on request
	// AliceGoFolderID is one of Alice's bookmark folders.
	AliceGoFolderID = "1580000000000000001"
	// AliceLiveBroadcastID is Alice's running live broadcast.
	AliceLiveBroadcastID = "1LyxBqZkvPnGN"
	// ChatGroupID is an XChat group conversation.
	ChatGroupID = "g1900000000000000001"
)

// Places with trends (Trends.ByWOEID).
const (
	WorldwideWOEID    = 1
	UnitedStatesWOEID = 23424977
	BerlinWOEID       = 638242
)

// Start starts a server for the duration of tb: it is closed when the test ends, and any
// request or response that breaks the API document fails tb.
func Start(tb testing.TB, opts ...Option) *Server {
	return &Server{s: testserver.Start(tb, internalOptions(opts)...)}
}

// New starts a server outside a test (for a local run or another language's tests); call
// Close when done. Contract violations are collected by Server.Violations.
func New(opts ...Option) (*Server, error) {
	s, err := testserver.New(internalOptions(opts)...)
	if err != nil {
		return nil, publicErr(err)
	}
	return &Server{s: s}, nil
}

// NewClient returns a twitter.Client pointed at srv with its app-only bearer token, on a
// transport whose idle connections are closed when tb ends. More options (a retry
// policy, an observer) follow the defaults; an auth option among them (WithOAuth1, say)
// takes the place of the app-only token. NewUserClient acts as a user.
func NewClient(tb testing.TB, srv *Server, opts ...twitter.Option) *twitter.Client {
	tb.Helper()
	c, err := buildClient(tb, srv, twitter.WithBearerToken(srv.AppBearerToken()), opts)
	if errors.Is(err, twitter.ErrSecondAuthOption) {
		c, err = buildClient(tb, srv, nil, opts)
	}
	if err != nil {
		tb.Fatalf("twittertest: %v", err)
	}
	return c
}

// NewUserClient returns a twitter.Client acting as userID with an OAuth 2.0 user token of
// every scope (Server.UserToken), like NewClient otherwise. For OAuth 1.0a, give
// twitter.WithOAuth1 the credentials of Server.OAuth1.
func NewUserClient(tb testing.TB, srv *Server, userID string, opts ...twitter.Option) *twitter.Client {
	tb.Helper()
	tok := &oauth2.Token{AccessToken: srv.UserToken(userID), TokenType: "bearer"}
	return newClient(tb, srv, twitter.WithTokenSource(oauth2.StaticTokenSource(tok)), opts)
}

func newClient(tb testing.TB, srv *Server, auth twitter.Option, opts []twitter.Option) *twitter.Client {
	tb.Helper()
	c, err := buildClient(tb, srv, auth, opts)
	if err != nil {
		tb.Fatalf("twittertest: %v", err)
	}
	return c
}

// buildClient is NewClient's client with auth (nil: none beside opts').
func buildClient(tb testing.TB, srv *Server, auth twitter.Option, opts []twitter.Option) (*twitter.Client, error) {
	tr := &http.Transport{}
	tb.Cleanup(tr.CloseIdleConnections)
	all := append([]twitter.Option{
		twitter.WithBaseURL(srv.URL()),
		auth,
		twitter.WithHTTPClient(&http.Client{Transport: tr}),
	}, opts...)
	return twitter.NewClient(all...)
}
