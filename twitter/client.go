package twitter

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/twitterkit/go/gen"
)

// DefaultBaseURL is the API host used when WithBaseURL is not given.
const DefaultBaseURL = "https://api.x.com"

// Version is the module version, sent in the default User-Agent.
const Version = "0.1.0"

// Client talks to the X API v2. It is safe for concurrent use; create one per set of
// credentials and share it.
type Client struct {
	// Services by API area. They share the client's configuration and transport.
	Tweets          *TweetsService
	Users           *UsersService
	Spaces          *SpacesService
	Lists           *ListsService
	Bookmarks       *BookmarksService
	DirectMessages  *DirectMessagesService
	Media           *MediaService
	Usage           *UsageService
	Rules           *RulesService
	Stream          *StreamService
	Compliance      *ComplianceService
	Trends          *TrendsService
	Communities     *CommunitiesService
	Webhooks        *WebhooksService
	AccountActivity *AccountActivityService
	News            *NewsService
	Notes           *NotesService
	Analytics       *AnalyticsService
	Articles        *ArticlesService
	Broadcasts      *BroadcastsService
	Activity        *ActivityService
	Connections     *ConnectionsService
	Chat            *ChatService

	cfg        config
	baseURL    *url.URL
	apiOrigin  originMatcher // the base URL's origin: where credentials may go
	httpClient *http.Client  // authenticating transport; shared with raw
	raw        *gen.Client
	limits     *rateLimitTable
	common     service
}

// service is what every area of the API holds: each service type (TweetsService, ...) is
// declared as a named type of it, and all of them share the one Client.
type service struct{ client *Client }

// NewClient builds a Client from options. It validates the options and returns an error
// naming the first bad one (credentials that cannot work, two auth options, a base URL
// ending in /2); it performs no I/O. With no auth option the Client can make only the
// calls that need no credentials; the others fail before sending with ErrNoCredentials.
func NewClient(opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, fmt.Errorf("twitter: %w", err)
		}
	}
	if err := cfg.checkAuth(); err != nil {
		return nil, fmt.Errorf("twitter: %w", err)
	}
	if err := cfg.checkState(); err != nil {
		return nil, fmt.Errorf("twitter: %w", err)
	}
	base, err := url.Parse(strings.TrimRight(cfg.baseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("twitter: base URL %q is not an absolute URL", redactURL(cfg.baseURL))
	}

	c := &Client{cfg: cfg, baseURL: base, apiOrigin: newOriginMatcher(base), limits: newRateLimitTable()}
	c.httpClient = c.buildHTTPClient()
	c.raw, err = c.newRaw(c.httpClient)
	if err != nil {
		return nil, fmt.Errorf("twitter: %w", err)
	}
	c.common.client = c
	c.Tweets = (*TweetsService)(&c.common)
	c.Users = (*UsersService)(&c.common)
	c.Spaces = (*SpacesService)(&c.common)
	c.Lists = (*ListsService)(&c.common)
	c.Bookmarks = (*BookmarksService)(&c.common)
	c.DirectMessages = (*DirectMessagesService)(&c.common)
	c.Media = (*MediaService)(&c.common)
	c.Usage = (*UsageService)(&c.common)
	c.Rules = (*RulesService)(&c.common)
	c.Stream = (*StreamService)(&c.common)
	c.Compliance = (*ComplianceService)(&c.common)
	c.Trends = (*TrendsService)(&c.common)
	c.Communities = (*CommunitiesService)(&c.common)
	c.Webhooks = (*WebhooksService)(&c.common)
	c.AccountActivity = (*AccountActivityService)(&c.common)
	c.News = (*NewsService)(&c.common)
	c.Notes = (*NotesService)(&c.common)
	c.Analytics = (*AnalyticsService)(&c.common)
	c.Articles = (*ArticlesService)(&c.common)
	c.Broadcasts = (*BroadcastsService)(&c.common)
	c.Activity = (*ActivityService)(&c.common)
	c.Connections = (*ConnectionsService)(&c.common)
	c.Chat = (*ChatService)(&c.common)
	return c, nil
}

// buildHTTPClient wraps the configured HTTP client's transport with authentication and
// the User-Agent, without modifying the caller's client.
func (c *Client) buildHTTPClient() *http.Client {
	base := c.cfg.httpClient
	if base == nil {
		base = &http.Client{}
	}
	hc := *base
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	transport := rt
	if c.cfg.auth != nil {
		// Token requests go through the configured transport, never the authenticating
		// one: a token fetch must not wait for a token.
		tokenClient := hc
		tokenClient.Transport = userAgentTransport{next: rt, ua: c.cfg.userAgent, transport: transport}
		authed := c.cfg.auth.wrap(rt, authEnv{
			baseURL:     c.baseURL,
			appTokenURL: c.cfg.appTokenURL,
			tokenClient: &tokenClient,
			now:         c.cfg.now,
			logger:      c.cfg.logger,
			state:       c.cfg.state,
			stateID:     c.cfg.stateID,
			decoder:     c.cfg.decoder,
		})
		fixed, _ := c.cfg.auth.(fixedAuthorization)
		rt = hostGate{api: c.apiOrigin, auth: authed, plain: rt, fixed: fixed}
	}
	hc.Transport = userAgentTransport{next: rt, ua: c.cfg.userAgent, transport: transport}
	return &hc
}

// newRaw returns a generated client of the API host that sends with hc and prepares
// each request it builds (prepareRequest).
func (c *Client) newRaw(hc *http.Client) (*gen.Client, error) {
	return gen.NewClient(c.baseURL.String(), gen.WithHTTPClient(hc), gen.WithRequestEditorFn(c.prepareRequest))
}

// prepareRequest sets the User-Agent, and a fixed Authorization header (an app-only bearer
// token), on a request the generated client has just built for the client. The request
// is the client's own, so it may be changed in place: the transport layers then find
// the headers set and pass the request on as it is, where each would otherwise copy it
// (a RoundTripper must not change the request it is given). Credentials that change
// (fetched or refreshed tokens, OAuth 1.0a signatures) stay with the transport.
func (c *Client) prepareRequest(_ context.Context, r *http.Request) error {
	if c.cfg.userAgent != "" && header(r.Header, "User-Agent") == "" {
		r.Header["User-Agent"] = []string{c.cfg.userAgent}
	}
	if fa, ok := c.cfg.auth.(fixedAuthorization); ok && c.apiOrigin.matches(r.URL) {
		r.Header["Authorization"] = []string{fa.authorization()}
	}
	return nil
}

// Raw returns the generated client. It shares the Client's transport, so requests made
// through it are authenticated the same way; it does not retry, wait on rate limits or
// decode errors. Use it for anything the facade does not cover, or Do for an endpoint
// the generated client lacks too.
func (c *Client) Raw() *gen.Client { return c.raw }

// HTTPClient returns the authenticating *http.Client the Client sends requests with. It
// adds credentials only to requests for the API host (see BaseURL); requests for other
// hosts go out without them.
func (c *Client) HTTPClient() *http.Client { return c.httpClient }

// BaseURL returns the API host the Client talks to.
func (c *Client) BaseURL() string { return c.baseURL.String() }

// String describes the client without any secret.
func (c *Client) String() string {
	return fmt.Sprintf("twitter.Client{base: %s, auth: %s}", c.baseURL.Redacted(), c.cfg.authName())
}

// GoString is String, so %#v cannot print credentials either.
func (c *Client) GoString() string { return c.String() }

// userAgentTransport sets the User-Agent. It is the outermost layer of the client's
// transport, so it also passes CloseIdleConnections on to the configured transport:
// http.Client.CloseIdleConnections would otherwise stop at the wrappers.
type userAgentTransport struct {
	next      http.RoundTripper
	ua        string
	transport http.RoundTripper // the configured transport, under auth
}

// CloseIdleConnections closes the idle connections of the configured transport.
func (t userAgentTransport) CloseIdleConnections() {
	if c, ok := t.transport.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

func (t userAgentTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.ua == "" || header(r.Header, "User-Agent") != "" {
		return t.next.RoundTrip(r)
	}
	r2 := r.Clone(r.Context())
	r2.Header.Set("User-Agent", t.ua)
	return t.next.RoundTrip(r2)
}
