package twitter

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/twitterkit/go/internal/jsonx"
)

// An Option configures a Client. Options validate their arguments: NewClient returns the
// first error.
type Option func(*config) error

// config is everything NewClient was told. It never prints secrets: see Format.
type config struct {
	baseURL          string
	httpClient       *http.Client
	userAgent        string
	retry            RetryPolicy
	retryMutations   bool
	rateLimitWait    time.Duration // 0: never wait on a 429; >0: wait up to this long for the reset
	logger           *slog.Logger
	observer         Observer
	auth             authenticator
	authOption       string // the option that set auth, for the error when another one does
	appTokenURL      string // WithAppTokenURL; "" derives it from baseURL
	maxErrorBodySize int64
	maxBodySize      int64
	decoder          jsonx.Decoder
	state            State  // WithState; nil: windows and tokens are the Client's own
	stateID          string // the credentials' key in state (StateKey)

	// now and sleep are the clock; tests replace them to assert waits without waiting.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

func defaultConfig() config {
	return config{
		baseURL:          DefaultBaseURL,
		userAgent:        "twitterkit-go/" + Version,
		retry:            DefaultRetryPolicy(),
		logger:           slog.New(slog.DiscardHandler),
		observer:         NoObserver{},
		maxErrorBodySize: 64 << 10,
		maxBodySize:      64 << 20,
		decoder:          jsonx.Default(),
		now:              time.Now,
		sleep:            sleep,
	}
}

func (c config) authName() string {
	if c.auth == nil {
		return "none"
	}
	return c.auth.name()
}

// String describes the configuration without any secret.
func (c config) String() string {
	return fmt.Sprintf("twitter.config{base: %s, auth: %s}", c.baseURL, c.authName())
}

// Format makes every verb, %#v and %+v included, print String: the fields hold
// credentials, and fmt would print unexported fields' raw values.
func (c config) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// authenticator adds credentials to requests by wrapping the transport.
type authenticator interface {
	// wrap returns a RoundTripper that authenticates each request before passing it to
	// next. It is called once per Client, so any state (a cached token) is per Client.
	wrap(next http.RoundTripper, env authEnv) http.RoundTripper
	// name describes the kind of credentials, never their value.
	name() string
}

// fixedAuthorization is an authenticator whose Authorization header is the same on
// every request (a bearer token given as is): Client.prepareRequest sets it on the client's own
// requests in place.
type fixedAuthorization interface {
	authorization() string
}

// authEnv is what an authenticator may use besides its credentials.
type authEnv struct {
	// baseURL is the API host; app-only token requests go to {baseURL}/oauth2/token.
	baseURL *url.URL
	// appTokenURL overrides that token URL (WithAppTokenURL); "" when not set.
	appTokenURL string
	// tokenClient sends the authenticator's own token requests. Its transport is the
	// configured one with the User-Agent, not the authenticating one.
	tokenClient *http.Client
	now         func() time.Time
	logger      *slog.Logger
	// state and stateID are WithState's State and the credentials' key in it.
	state   State
	stateID string
	// decoder is the client's decoder, for token answers too.
	decoder jsonx.Decoder
}

// WithBaseURL points the client at another API host, such as a test server. The URL
// carries no user information (user:password@): credentials go in an auth option.
func WithBaseURL(rawURL string) Option {
	return func(c *config) error {
		u, err := url.Parse(rawURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("WithBaseURL: %q is not an absolute http(s) URL", redactURL(rawURL))
		}
		if u.User != nil {
			return fmt.Errorf("WithBaseURL: %q carries user information; give credentials with an auth option", u.Redacted())
		}
		if p := strings.TrimRight(u.Path, "/"); p == "/2" || strings.HasSuffix(p, "/2") {
			fixed := *u
			fixed.Path = strings.TrimSuffix(p, "/2")
			return fmt.Errorf("WithBaseURL: %q ends in the API version /2, which every path already starts with; give %q", rawURL, fixed.String())
		}
		c.baseURL = rawURL
		return nil
	}
}

// WithHTTPClient sets the HTTP client whose transport, timeout and cookie jar requests
// use. The client is not modified: the Client wraps a copy's transport with auth.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithUserAgent sets the User-Agent header sent with every request.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if ua == "" {
			return errors.New("WithUserAgent: empty user agent")
		}
		c.userAgent = ua
		return nil
	}
}

// WithRetryPolicy replaces the retry policy. Use NoRetries() to turn retries off.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if p == nil {
			return errors.New("WithRetryPolicy: nil policy (use NoRetries())")
		}
		c.retry = p
		return nil
	}
}

// WithStandardJSON decodes response bodies and stream lines with encoding/json instead of
// the faster decoder the client uses by default. Both give exactly the same values (the
// module tests this differentially and by fuzzing); the option exists to rule the decoder
// out when chasing a problem, at the cost of slower decoding (README's Decoding speed has
// the figures).
func WithStandardJSON() Option {
	return func(c *config) error {
		c.decoder = jsonx.Standard
		return nil
	}
}

// WithRetryMutations lets the retry policy repeat requests that change state (POST, PUT,
// DELETE). Off by default: a mutation whose answer was lost may have been applied, and
// repeating it can, for example, fail with a duplicate or undo a toggle.
func WithRetryMutations() Option {
	return func(c *config) error {
		c.retryMutations = true
		return nil
	}
}

// WithRateLimitWait makes a call that meets a 429 rate-limit answer wait for the limit's
// reset and try again, as long as the wait is at most max. The wait ends early when the
// context is done. A usage cap (UsageCapExceeded) is never waited on. Off by default.
func WithRateLimitWait(max time.Duration) Option {
	return func(c *config) error {
		if max <= 0 {
			return fmt.Errorf("WithRateLimitWait: max wait must be positive, got %v", max)
		}
		c.rateLimitWait = max
		return nil
	}
}

// WithLogger sets the logger for retries, rate-limit waits and token refreshes. Nothing is
// logged by default. Secrets are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
