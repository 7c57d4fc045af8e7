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
// Unlike a fake run as a program of its own, a Server lives inside go test: one per test,
// started and closed with it, with its own world, faults and clock.
package twittertest

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
	"golang.org/x/oauth2"
)

type (
	// Option configures a Server.
	Option = testserver.Option
	// FaultKind says which failure a Fault is: one of the Fault... constants.
	FaultKind = testserver.FaultKind
	// Tweet is a Tweet to emit on the streams with Server.EmitTweet.
	Tweet = testserver.Tweet
	// ComplianceEvent is an event to emit on a compliance or label stream with
	// Server.EmitComplianceEvent; Like is a like Server.EmitLike sent on the likes streams.
	ComplianceEvent = testserver.ComplianceEvent
	Like            = testserver.Like
	// ManualClock is a clock that moves only when told (Advance, Set); see NewManualClock.
	ManualClock = testserver.ManualClock
	// World reads the server's data, to compare with what a program saw.
	World = testserver.World
	// Webhook is a registered webhook (World.Webhooks); ReplayJob a replay of its events.
	Webhook   = testserver.Webhook
	ReplayJob = testserver.ReplayJob
)

// ErrWebhookInvalid is returned by Server.DeliverEvent for a webhook that failed its CRC
// check: X sends nothing to it.
var ErrWebhookInvalid = testserver.ErrWebhookInvalid

// The faults a Server can inject (see Fault).
const (
	FaultStatus        = testserver.FaultStatus        // 5xx with a JSON problem
	FaultStatusNoJSON  = testserver.FaultStatusNoJSON  // 5xx with a plain-text body
	FaultHTML          = testserver.FaultHTML          // an HTML error page from a proxy
	FaultReset         = testserver.FaultReset         // the connection reset mid-body
	FaultTruncatedJSON = testserver.FaultTruncatedJSON // 200 with the body cut short
	FaultStall         = testserver.FaultStall         // nothing sent for Fault.Delay
	FaultSlowDrip      = testserver.FaultSlowDrip      // the body a few bytes at a time
	FaultRateLimit     = testserver.FaultRateLimit     // a 429 with x-rate-limit-* headers
	// FaultProcessingFailed, on "POST /2/media/upload/{id}/finalize", makes the processing
	// of that video or GIF fail (state failed), as X's does for a file it cannot decode.
	FaultProcessingFailed = testserver.FaultProcessingFailed
	// FaultEmptyBody answers 200 with no body at all (a stream: accepted, then closed).
	FaultEmptyBody = testserver.FaultEmptyBody
	// FaultStalledBody answers 503 whose body stops after its first bytes and then stalls.
	FaultStalledBody = testserver.FaultStalledBody
	// FaultDisconnect, on a stream, sends an operational-disconnect and closes at once.
	FaultDisconnect = testserver.FaultDisconnect
)

// The streams of a ComplianceEvent.
const (
	TweetComplianceStream = testserver.TweetComplianceStream
	UserComplianceStream  = testserver.UserComplianceStream
	LikeComplianceStream  = testserver.LikeComplianceStream
	TweetLabelStream      = testserver.TweetLabelStream
)

// StreamPartition is the partition (1 to n) of a stream of n partitions that carries
// the Tweet (or, for the user compliance stream, the user) with this numeric id.
func StreamPartition(id uint64, n int) int { return testserver.StreamPartition(id, n) }

// Well-known ids of the seeded world.
const (
	JackID        = testserver.JackID        // @jack: 2,500 followers and a pinned Tweet
	XDevelopersID = testserver.XDevelopersID // @XDevelopers: 500 Tweets
	AliceID       = testserver.AliceID
	BobID         = testserver.BobID
	CarolID       = testserver.CarolID
	ErinID        = testserver.ErinID        // a protected account
	NonexistentID = testserver.NonexistentID // a well-formed id that exists nowhere
	// SearchQuery matches exactly 1,000 recent Tweets.
	SearchQuery = testserver.SearchThousandQuery
	LiveSpaceID = testserver.LiveSpaceID
	// SeedWebhookID is the app's seeded webhook; AliceID is subscribed to its Account Activity.
	SeedWebhookID = testserver.SeedWebhookID
)

// Start starts a server for the duration of tb: it is closed when the test ends, and any
// request or response that breaks the API document fails tb.
func Start(tb testing.TB, opts ...Option) *Server { return &Server{s: testserver.Start(tb, opts...)} }

// New starts a server outside a test (for a local run or another language's tests); call
// Close when done. Contract violations are collected by Server.Violations.
func New(opts ...Option) (*Server, error) {
	s, err := testserver.New(opts...)
	if err != nil {
		return nil, err
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

// NewManualClock returns a clock that starts at t and moves only with Advance or Set.
func NewManualClock(t time.Time) *ManualClock { return testserver.NewManualClock(t) }

// Clock is a time source for the server: a *ManualClock, or your own.
type Clock interface{ Now() time.Time }

// SeedTime is the instant the seeded world was written at: its Tweets' ages count back
// from it, and NewManualClock(time.Time{}) starts there.
var SeedTime = testserver.SeedTime

// WithClock sets the server's clock (rate-limit windows, token expiry, compliance jobs,
// stream history); the default is the machine's.
func WithClock(c Clock) Option { return testserver.WithClock(c) }

// WithRateLimit gives a route ("GET /2/users/{id}") a limit of limit requests per window.
func WithRateLimit(route string, limit int, window time.Duration) Option {
	return testserver.WithRateLimit(route, limit, window)
}

// WithoutRateLimits turns rate limiting off.
func WithoutRateLimits() Option { return testserver.WithoutRateLimits() }

// WithKeepAlive sets the interval of the streams' keep-alive lines (X: 20 s).
func WithKeepAlive(d time.Duration) Option { return testserver.WithKeepAlive(d) }

// WithStreamHistory bounds how many past events of each kind of stream the server keeps
// to replay for backfill_minutes and start_time (default 10,000; never more than 24
// hours by the server clock).
func WithStreamHistory(n int) Option { return testserver.WithStreamHistory(n) }

// WithFollowers gives a user n generated followers, to test paging at scale.
func WithFollowers(userID string, n int) Option { return testserver.WithFollowers(userID, n) }

// WithInvalidRequestsAllowed answers requests X would refuse with X's 400 instead of
// failing the test, for tests of a program's handling of those answers.
func WithInvalidRequestsAllowed() Option { return testserver.WithInvalidRequestsAllowed() }

// WithAuthorizingUser sets the user the OAuth 2.0 authorize page signs in (default jack).
func WithAuthorizingUser(userID string) Option { return testserver.WithAuthorizingUser(userID) }
