package testserver

import "time"

// Option configures a Server at New or Start.
type Option func(*config)

// config is what the options set. Zero values mean "the default".
type config struct {
	addr               string
	clock              Clock
	authorizingUser    string
	tokenLifetime      time.Duration
	redirectURL        string
	keepAlive          time.Duration
	rateLimits         []rateLimitOption
	noRateLimits       bool
	noRespValidation   bool
	invalidRequestsOK  bool
	followers          map[string]int
	mutator            ResponseMutator
	maxStreamConns     int
	seedRules          bool
	complianceStart    time.Duration
	complianceComplete time.Duration
	streamHistory      int
}

type rateLimitOption struct {
	route  string
	limit  int
	window time.Duration
}

// ResponseMutator rewrites the body of a response just before it is validated and sent.
// operationID names the operation (for example "lookupTweet"); return body unchanged to
// leave a response alone. It exists so a test can send a deliberately malformed response
// and prove that the contract check reports it.
type ResponseMutator func(operationID string, status int, body []byte) []byte

func defaultConfig() config {
	return config{
		addr:               "127.0.0.1:0",
		clock:              realClock{},
		authorizingUser:    JackID,
		tokenLifetime:      2 * time.Hour,
		redirectURL:        "http://127.0.0.1/callback",
		keepAlive:          20 * time.Second,
		seedRules:          true,
		complianceStart:    time.Minute,
		complianceComplete: 5 * time.Minute,
		streamHistory:      defaultStreamHistory,
	}
}

// WithAddr sets the TCP address to listen on (default "127.0.0.1:0", a free port).
// The cmd/fakex program uses it to listen on a fixed port.
func WithAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// WithClock sets the clock the server reads for rate-limit windows, token expiry,
// OAuth 1.0a timestamps, compliance job progress and the time of emitted Tweets.
// Use a *ManualClock to move time by hand in tests. The default is the real time.
func WithClock(clock Clock) Option { return func(c *config) { c.clock = clock } }

// WithAuthorizingUser sets the user the OAuth 2.0 authorize endpoint approves as
// (default JackID, the first seeded user).
func WithAuthorizingUser(userID string) Option {
	return func(c *config) { c.authorizingUser = userID }
}

// WithTokenLifetime sets expires_in of access tokens issued by POST /2/oauth2/token
// (default two hours, as X). Tokens minted with Server.UserToken never expire.
func WithTokenLifetime(d time.Duration) Option { return func(c *config) { c.tokenLifetime = d } }

// WithRedirectURL sets the redirect URI registered for the OAuth 2.0 client
// (default "http://127.0.0.1/callback"). The authorize endpoint accepts only this one, like X.
func WithRedirectURL(u string) Option { return func(c *config) { c.redirectURL = u } }

// WithKeepAlive sets how often streams send a bare "\r\n" keep-alive (default 20s, like X).
// Tests set a few milliseconds.
func WithKeepAlive(d time.Duration) Option { return func(c *config) { c.keepAlive = d } }

// WithRateLimit sets the limit of a route: limit requests per window, counted per token.
// route is "METHOD /2/path/{param}" as in the API document, an operationId, or "*" for
// every operation. Later options override earlier ones for the routes they name.
func WithRateLimit(route string, limit int, window time.Duration) Option {
	return func(c *config) {
		c.rateLimits = append(c.rateLimits, rateLimitOption{route: route, limit: limit, window: window})
	}
}

// WithoutRateLimits turns rate limiting off (headers are still sent), for benchmarks
// that make more requests than any X limit allows.
func WithoutRateLimits() Option { return func(c *config) { c.noRateLimits = true } }

// WithoutResponseValidation skips validating responses against the document, for
// benchmarks. Requests are still validated.
func WithoutResponseValidation() Option { return func(c *config) { c.noRespValidation = true } }

// WithInvalidRequestsAllowed stops requests that break the document from failing the
// test: they are still answered with X's 400 invalid-request problem and still listed
// by Violations. Use it in tests that send bad parameters on purpose.
func WithInvalidRequestsAllowed() Option { return func(c *config) { c.invalidRequestsOK = true } }

// WithFollowers gives userID n followers in total: its seeded followers first, then
// generated accounts that exist only as numbers (no per-follower memory), so a test can
// page 100,000 followers and watch its own memory stay flat.
func WithFollowers(userID string, n int) Option {
	return func(c *config) {
		if c.followers == nil {
			c.followers = map[string]int{}
		}
		c.followers[userID] = n
	}
}

// WithResponseMutator installs a hook that may rewrite response bodies before they are
// validated; responses it breaks are reported as contract violations.
func WithResponseMutator(m ResponseMutator) Option { return func(c *config) { c.mutator = m } }

// WithMaxStreamConnections limits concurrent connections per stream (sample, filtered);
// one more is refused with 429 and a streaming-connection TooManyConnections problem,
// as X does. The default 0 means no limit.
func WithMaxStreamConnections(n int) Option { return func(c *config) { c.maxStreamConns = n } }

// WithoutSeedRules starts the filtered stream with no rules instead of the seeded one
// (SeedRuleID).
func WithoutSeedRules() Option { return func(c *config) { c.seedRules = false } }

// WithComplianceTimes sets how long after creation a compliance job turns in_progress and
// then complete (defaults one and five minutes), read from the server clock.
func WithComplianceTimes(inProgress, complete time.Duration) Option {
	return func(c *config) { c.complianceStart, c.complianceComplete = inProgress, complete }
}
