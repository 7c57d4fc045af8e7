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
