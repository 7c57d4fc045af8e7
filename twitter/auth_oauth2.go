package twitter

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// X's OAuth 2.0 endpoints for the authorization code flow with PKCE.
const (
	DefaultOAuth2AuthorizeURL = "https://x.com/i/oauth2/authorize"
	DefaultOAuth2TokenURL     = "https://api.x.com/2/oauth2/token"
)

// A Scope is an OAuth 2.0 permission a user grants the app. Each endpoint documents the
// scopes it needs; X answers 403 when one is missing.
type Scope string

// X's OAuth 2.0 scopes.
const (
	ScopeTweetRead          Scope = "tweet.read"           // Posts the user can see
	ScopeTweetWrite         Scope = "tweet.write"          // post, repost and delete as the user
	ScopeTweetModerateWrite Scope = "tweet.moderate.write" // hide and show replies to the user's posts
	ScopeUsersRead          Scope = "users.read"           // accounts the user can see
	ScopeUsersEmail         Scope = "users.email"          // the user's email address
	ScopeFollowsRead        Scope = "follows.read"         // whom the user follows and who follows them
	ScopeFollowsWrite       Scope = "follows.write"        // follow and unfollow as the user
	ScopeOfflineAccess      Scope = "offline.access"       // a refresh token: access without the user present
	ScopeSpaceRead          Scope = "space.read"           // Spaces
	ScopeMuteRead           Scope = "mute.read"            // whom the user mutes
	ScopeMuteWrite          Scope = "mute.write"           // mute and unmute as the user
	ScopeLikeRead           Scope = "like.read"            // likes the user can see
	ScopeLikeWrite          Scope = "like.write"           // like and unlike as the user
	ScopeListRead           Scope = "list.read"            // Lists the user can see
	ScopeListWrite          Scope = "list.write"           // create and change Lists as the user
	ScopeBlockRead          Scope = "block.read"           // whom the user blocks
	ScopeBlockWrite         Scope = "block.write"          // block and unblock as the user
	ScopeBookmarkRead       Scope = "bookmark.read"        // the user's bookmarks
	ScopeBookmarkWrite      Scope = "bookmark.write"       // add and remove bookmarks
	ScopeDMRead             Scope = "dm.read"              // the user's direct messages
	ScopeDMWrite            Scope = "dm.write"             // send direct messages as the user
	ScopeMediaWrite         Scope = "media.write"          // upload media as the user
	ScopeTimelineRead       Scope = "timeline.read"        // custom timelines
	ScopeBroadcastRead      Scope = "broadcast.read"       // the user's live broadcasts, their schedules and chat
	ScopeBroadcastWrite     Scope = "broadcast.write"      // schedule, start and moderate broadcasts as the user
)

// OAuth2Config is an app registered for OAuth 2.0 (the "Client ID" and, for a
// confidential client, "Client Secret" of the developer portal), for the authorization
// code flow with PKCE:
//
//  1. AuthCodeURL gives the URL to send the user to, and a PKCE verifier to keep with
//     the state until the user comes back;
//  2. X redirects the user to RedirectURL with code and state; ExchangeCallback checks
//     them and exchanges the code for a token;
//  3. WithOAuth2Token makes a Client act as the user, refreshing the token as needed.
//
// An OAuth2Config is a plain value, safe to share once filled in. It never prints the
// client secret (fmt, slog); encoding/json, used to store configuration, does encode it.
type OAuth2Config struct {
	// ClientID is the app's OAuth 2.0 client id. Required.
	ClientID string
	// ClientSecret is set for a confidential client, which authenticates to the token
	// endpoint with HTTP Basic credentials. Leave it empty for a public client (a mobile
	// or single-page app), which sends only its client id.
	ClientSecret string
	// RedirectURL is the callback URL registered for the app. Required.
	RedirectURL string
	// Scopes are the permissions asked of the user. Required. Add ScopeOfflineAccess to
	// get a refresh token; without it the token lasts two hours and the user must then
	// authorize again.
	Scopes []Scope
	// AuthorizeURL and TokenURL default to X's (DefaultOAuth2AuthorizeURL,
	// DefaultOAuth2TokenURL); set them to use another server, such as a test server.
	AuthorizeURL string
	TokenURL     string
	// HTTPClient sends Exchange's and Refresh's token requests; nil means
	// http.DefaultClient. A Client refreshes through its own HTTP client instead.
	HTTPClient *http.Client
}

// validate reports the first missing or malformed field.
func (c *OAuth2Config) validate() error {
	switch {
	case c == nil:
		return errors.New("nil *OAuth2Config")
	case c.ClientID == "":
		return errors.New("OAuth2Config: empty ClientID")
	case len(c.Scopes) == 0:
		return errors.New("OAuth2Config: no Scopes")
	}
	if err := checkAbsoluteURL(c.RedirectURL); err != nil {
		return fmt.Errorf("OAuth2Config.RedirectURL: %w", err)
	}
	for _, s := range c.Scopes {
		if s == "" || strings.ContainsAny(string(s), " \t\r\n") {
			return fmt.Errorf("OAuth2Config: scope %q is empty or has spaces", s)
		}
	}
	if c.AuthorizeURL != "" {
		if err := checkAbsoluteURL(c.AuthorizeURL); err != nil {
			return fmt.Errorf("OAuth2Config.AuthorizeURL: %w", err)
		}
	}
	if c.TokenURL != "" {
		if err := checkAbsoluteURL(c.TokenURL); err != nil {
			return fmt.Errorf("OAuth2Config.TokenURL: %w", err)
		}
	}
	return nil
}

// endpoint is the token endpoint of the config, sending through hc.
func (c *OAuth2Config) endpoint(hc *http.Client, now func() time.Time) tokenEndpoint {
	u := c.TokenURL
	if u == "" {
		u = DefaultOAuth2TokenURL
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	return tokenEndpoint{url: u, hc: hc, now: now, clientID: newSecret(c.ClientID), clientSecret: newSecret(c.ClientSecret)}
}

// NewState returns a random value for the state parameter of an authorization request:
// 256 bits from crypto/rand, URL-safe. Keep it with the verifier and compare it with the
// state the callback brings back (ExchangeCallback does).
func NewState() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails: crypto/rand.Read crashes the program instead
	return base64.RawURLEncoding.EncodeToString(b)
}

// AuthCodeURL returns the URL to send the user to so they can authorize the app, and the
// PKCE code verifier to keep (server side, with state) for the exchange. Each call makes a
// fresh verifier from crypto/rand; the URL carries its S256 challenge. state must be
// non-empty and unguessable: use NewState.
func (c *OAuth2Config) AuthCodeURL(state string) (authURL, verifier string, err error) {
	if err := c.validate(); err != nil {
		return "", "", fmt.Errorf("twitter: %w", err)
	}
	if state == "" {
		return "", "", errors.New("twitter: AuthCodeURL: empty state (use NewState)")
	}
	verifier = oauth2.GenerateVerifier()
	return c.oauth2Config().AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)), verifier, nil
}

// oauth2Config is the golang.org/x/oauth2 view of the config, for building URLs.
func (c *OAuth2Config) oauth2Config() *oauth2.Config {
	authURL := c.AuthorizeURL
	if authURL == "" {
		authURL = DefaultOAuth2AuthorizeURL
	}
	scopes := make([]string, len(c.Scopes))
	for i, s := range c.Scopes {
		scopes[i] = string(s)
	}
	return &oauth2.Config{
		ClientID:    c.ClientID,
		RedirectURL: c.RedirectURL,
		Scopes:      scopes,
		Endpoint:    oauth2.Endpoint{AuthURL: authURL, TokenURL: c.TokenURL},
	}
}

// Exchange trades the code of an authorization callback, with the verifier AuthCodeURL
// returned, for the user's token. X's codes are single use and expire after 30 seconds.
// Prefer ExchangeCallback, which also checks the state and the callback's error.
func (c *OAuth2Config) Exchange(ctx context.Context, code, verifier string) (*oauth2.Token, error) {
	if ctx == nil {
		return nil, errors.New("twitter: Exchange: nil context")
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("twitter: %w", err)
	}
	if code == "" {
		return nil, errors.New("twitter: Exchange: empty authorization code")
	}
	if err := checkVerifier(verifier); err != nil {
		return nil, fmt.Errorf("twitter: Exchange: %w", err)
	}
	ep := c.endpoint(c.HTTPClient, time.Now)
	tok, err := ep.post(ctx, url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {code},
		"redirect_uri":  {c.RedirectURL},
		"code_verifier": {verifier},
	}, code, verifier)
	return tok, markReauth(err)
}

// ExchangeCallback handles the query of the request X redirected the user to: it
// returns an error matching ErrAccessDenied when the user declined, checks that the
// state is the one sent (in constant time), and exchanges the code.
func (c *OAuth2Config) ExchangeCallback(ctx context.Context, query url.Values, state, verifier string) (*oauth2.Token, error) {
	if e := query.Get("error"); e != "" {
		msg := e
		if d := query.Get("error_description"); d != "" {
			msg += ": " + d
		}
		if e == "access_denied" {
			return nil, fmt.Errorf("%w (%s)", ErrAccessDenied, msg)
		}
		return nil, fmt.Errorf("twitter: authorization failed: %s", msg)
	}
	got := query.Get("state")
	if state == "" || subtle.ConstantTimeCompare([]byte(got), []byte(state)) != 1 {
		return nil, errors.New("twitter: ExchangeCallback: the callback's state does not match the state sent; ignoring it (possible CSRF)")
	}
	return c.Exchange(ctx, query.Get("code"), verifier)
}

// Refresh trades a refresh token for a new token, for programs that manage tokens
// themselves. X rotates refresh tokens: the one passed in stops working, so store the
// returned token's RefreshToken. A Client built WithOAuth2Token refreshes by itself.
func (c *OAuth2Config) Refresh(ctx context.Context, refreshToken string) (*oauth2.Token, error) {
	if ctx == nil {
		return nil, errors.New("twitter: Refresh: nil context")
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("twitter: %w", err)
	}
	if refreshToken == "" {
		return nil, errors.New("twitter: Refresh: empty refresh token")
	}
	return refreshWith(ctx, c.endpoint(c.HTTPClient, time.Now), refreshToken)
}

// refreshWith posts a refresh_token grant. X rotates the refresh token; a server that
// does not send a new one leaves the old one valid, so it is kept.
func refreshWith(ctx context.Context, ep tokenEndpoint, refreshToken string) (*oauth2.Token, error) {
	tok, err := ep.post(ctx, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}}, refreshToken)
	if err != nil {
		return nil, markReauth(err)
	}
	if tok.RefreshToken == "" {
		tok.RefreshToken = refreshToken
	}
	return tok, nil
}

// markReauth flags the token endpoint rejecting a grant as needing the user again. X
// answers a revoked, expired or already used refresh token (or code) with 400
// invalid_request ("Value passed for the token was invalid."), not RFC 6749's
// invalid_grant; both count. A rejected client (unauthorized_client, invalid_client) is
// a configuration error and does not.
func markReauth(err error) error {
	var te *TokenError
	if errors.As(err, &te) && te.StatusCode >= 400 && te.StatusCode < 500 && te.StatusCode != http.StatusTooManyRequests &&
		(te.Code == "invalid_grant" || te.Code == "invalid_request") {
		te.reauth = true
	}
	return err
}

// checkVerifier accepts an RFC 7636 code verifier: 43 to 128 of A-Z a-z 0-9 - . _ ~.
func checkVerifier(v string) error {
	if len(v) < 43 || len(v) > 128 {
		return fmt.Errorf("code verifier must be 43 to 128 characters, got %d", len(v))
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
			return fmt.Errorf("code verifier has a character outside A-Z a-z 0-9 - . _ ~ at %d", i)
		}
	}
	return nil
}

// String describes the config without the client secret.
func (c OAuth2Config) String() string {
	secret := "none (public client)"
	if c.ClientSecret != "" {
		secret = "REDACTED"
	}
	return fmt.Sprintf("twitter.OAuth2Config{ClientID: %q, ClientSecret: %s, RedirectURL: %q, Scopes: %v}",
		c.ClientID, secret, c.RedirectURL, c.Scopes)
}

// Format prints String for every verb, %#v and %+v included.
func (c OAuth2Config) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// LogValue logs the config without the client secret.
func (c OAuth2Config) LogValue() slog.Value { return slog.StringValue(c.String()) }
