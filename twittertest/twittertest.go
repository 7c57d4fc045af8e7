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
//		c := twittertest.NewClient(t, srv) // app-only bearer token
//		res, _, err := c.Users.ByUsername(ctx, "jack", nil)
//		...
//		srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultHTML, Status: 502, Times: 1})
//	}
//
// The types are those of the module's internal test server, given public names here.
package twittertest

import (
	"net/http"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

type (
	// Server is a running fake X API. See its methods for credentials (AppBearerToken,
	// UserToken, OAuth1, OAuth2Client), the world's data (World), faults (Inject,
	// ClearFaults), streams (EmitTweet, EmitComplianceEvent, EmitLike, DisconnectStreams),
	// webhook deliveries (DeliverEvent, DeliverActivity) and contract violations.
	Server = testserver.Server
	// Option configures a Server.
	Option = testserver.Option
	// Fault is an injected failure; FaultKind says which.
	Fault     = testserver.Fault
	FaultKind = testserver.FaultKind
	// Tweet is a Tweet to emit on the streams with Server.EmitTweet.
	Tweet = testserver.Tweet
	// ComplianceEvent is an event to emit on a compliance or label stream with
	// Server.EmitComplianceEvent; Like is a like Server.EmitLike sent on the likes streams.
	ComplianceEvent = testserver.ComplianceEvent
	Like            = testserver.Like
	// Clock is the server's time source; ManualClock moves only when told.
	Clock       = testserver.Clock
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
func Start(tb testing.TB, opts ...Option) *Server { return testserver.Start(tb, opts...) }

// New starts a server outside a test (for a local run or another language's tests); call
// Close when done. Contract violations are collected by Server.Violations.
func New(opts ...Option) (*Server, error) { return testserver.New(opts...) }

// NewClient returns a twitter.Client pointed at srv with its app-only bearer token, on a
// transport whose idle connections are closed when tb ends. More options (a user token,
// a retry policy) follow the defaults and override them.
func NewClient(tb testing.TB, srv *Server, opts ...twitter.Option) *twitter.Client {
	tb.Helper()
	tr := &http.Transport{}
	tb.Cleanup(tr.CloseIdleConnections)
	all := append([]twitter.Option{
		twitter.WithBaseURL(srv.URL()),
		twitter.WithBearerToken(srv.AppBearerToken()),
		twitter.WithHTTPClient(&http.Client{Transport: tr}),
	}, opts...)
	c, err := twitter.NewClient(all...)
	if err != nil {
		tb.Fatalf("twittertest: %v", err)
	}
	return c
}

// NewManualClock returns a clock that starts at t and moves only with Advance or Set.
func NewManualClock(t time.Time) *ManualClock { return testserver.NewManualClock(t) }

// WithClock sets the server's clock (rate-limit windows, token expiry, compliance jobs).
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
