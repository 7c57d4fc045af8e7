package twittertest

import (
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// Option configures a Server made by Start or New.
type Option func(*options)

// options collects what the Options ask of the server.
type options struct{ server []testserver.Option }

func (o *options) add(opt testserver.Option) { o.server = append(o.server, opt) }

// internalOptions applies opts and returns what they ask of the internal server.
func internalOptions(opts []Option) []testserver.Option {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return o.server
}

// WithClock sets the server's clock, which times rate-limit windows, token expiry,
// compliance jobs, poll ends, stream history and new Tweets; the default is the
// machine's. A *ManualClock moves only when told.
func WithClock(c Clock) Option { return func(o *options) { o.add(testserver.WithClock(c)) } }

// WithRateLimit gives a route ("GET /2/users/{id}", or an operationId) a limit of limit
// requests per window, counted per token.
func WithRateLimit(route string, limit int, window time.Duration) Option {
	return func(o *options) { o.add(testserver.WithRateLimit(route, limit, window)) }
}

// WithoutRateLimits turns rate limiting off (the x-rate-limit headers are still sent).
func WithoutRateLimits() Option { return func(o *options) { o.add(testserver.WithoutRateLimits()) } }

// WithKeepAlive sets the interval of the streams' keep-alive lines (X: 20 s).
func WithKeepAlive(d time.Duration) Option {
	return func(o *options) { o.add(testserver.WithKeepAlive(d)) }
}

// WithStreamHistory bounds how many past events of each kind of stream the server keeps
// to replay for backfill_minutes and start_time (default 10,000; never more than 24
// hours by the server clock).
func WithStreamHistory(n int) Option {
	return func(o *options) { o.add(testserver.WithStreamHistory(n)) }
}

// WithFollowers gives a user n followers in total, generated beyond the seeded ones, to
// test paging at scale.
func WithFollowers(userID string, n int) Option {
	return func(o *options) { o.add(testserver.WithFollowers(userID, n)) }
}

// WithInvalidRequestsAllowed answers requests X would refuse with X's 400 instead of
// failing the test, for tests of a program's handling of those answers.
func WithInvalidRequestsAllowed() Option {
	return func(o *options) { o.add(testserver.WithInvalidRequestsAllowed()) }
}

// WithAuthorizingUser sets the user the OAuth 2.0 authorize page signs in (default jack).
func WithAuthorizingUser(userID string) Option {
	return func(o *options) { o.add(testserver.WithAuthorizingUser(userID)) }
}

// WithAddr sets the TCP address the server listens on (default "127.0.0.1:0", a free
// port), for a server New starts at a port another program knows.
func WithAddr(addr string) Option { return func(o *options) { o.add(testserver.WithAddr(addr)) } }

// WithTokenLifetime sets how long the access tokens POST /2/oauth2/token hands out last
// (expires_in; default two hours, as X), on the server clock: with a ManualClock, a test
// crosses an expiry, and sees your program refresh the token, without waiting. Tokens of
// Server.UserToken never expire.
func WithTokenLifetime(d time.Duration) Option {
	return func(o *options) { o.add(testserver.WithTokenLifetime(d)) }
}

// WithRedirectURL sets the redirect URI registered for the OAuth 2.0 client (default
// "http://127.0.0.1/callback"); the authorize endpoint accepts only this one, as X does.
func WithRedirectURL(url string) Option {
	return func(o *options) { o.add(testserver.WithRedirectURL(url)) }
}

// ResponseMutator rewrites the body of a response just before the server checks it
// against the API document and sends it: operationID names the operation ("lookupTweet"),
// and a stream's mutator sees each line. Return body unchanged to leave a response alone.
type ResponseMutator func(operationID string, status int, body []byte) []byte

// WithResponseMutator lets m rewrite response bodies, to show how your program copes
// with what X may send and its document does not say: an unknown field or enum value, a
// missing one. A response m breaks is a contract violation, failing a test of Start;
// with WithoutResponseValidation the server sends it unchecked. For that drift on every
// answer of a route, Server.Inject FaultUnlistedValues or FaultMissingRequired instead:
// the server checks each answer before it drifts, so validation stays on.
func WithResponseMutator(m ResponseMutator) Option {
	return func(o *options) { o.add(testserver.WithResponseMutator(testserver.ResponseMutator(m))) }
}

// WithoutResponseValidation stops checking responses against the API document (requests
// are still checked), for benchmarks, and for responses a ResponseMutator breaks on
// purpose.
func WithoutResponseValidation() Option {
	return func(o *options) { o.add(testserver.WithoutResponseValidation()) }
}

// WithMaxStreamConnections limits the open connections of each stream (sample, filtered,
// ...) to n: one more is refused with X's 429 TooManyConnections problem. The default 0
// means no limit.
func WithMaxStreamConnections(n int) Option {
	return func(o *options) { o.add(testserver.WithMaxStreamConnections(n)) }
}

// WithoutSeedRules starts the filtered stream with no rules in force, instead of the
// seeded one (from:XDevelopers, tag xdevs).
func WithoutSeedRules() Option { return func(o *options) { o.add(testserver.WithoutSeedRules()) } }

// WithComplianceTimes sets how long after its creation a batch compliance job turns
// in_progress, and then complete (defaults one and five minutes), on the server clock.
func WithComplianceTimes(inProgress, complete time.Duration) Option {
	return func(o *options) { o.add(testserver.WithComplianceTimes(inProgress, complete)) }
}
