package twitter

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"go.uber.org/goleak"
	"golang.org/x/oauth2"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

// End-to-end tests: every kind of authentication against the fake X server, which checks
// tokens, scopes, PKCE, refresh-token rotation and OAuth 1.0a signatures, nonces and
// timestamps as X does.

// e2e starts the fake server on a manual clock shared with the client, and checks for
// leaked goroutines once the server and clients are closed.
func e2e(t *testing.T, opts ...testserver.Option) (*testserver.Server, *testserver.ManualClock) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) }) // runs last: after the server closes
	clk := testserver.NewManualClock(time.Now())
	return testserver.Start(t, append([]testserver.Option{testserver.WithClock(clk)}, opts...)...), clk
}

// e2eClient builds a client for s on clk.
func e2eClient(t *testing.T, s *testserver.Server, clk *testserver.ManualClock, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{
		WithBaseURL(s.URL()),
		WithHTTPClient(&http.Client{Transport: &http.Transport{}}),
		WithRetryPolicy(NoRetries()),
		func(c *config) error { c.now = clk.Now; return nil },
	}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.HTTPClient().CloseIdleConnections)
	return c
}

var e2eUserOptions = &UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldDescription, gen.UserFieldPublicMetrics}}

func lookupJack(t *testing.T, c *Client) {
	t.Helper()
	res, _, err := c.Users.ByUsername(context.Background(), "jack", e2eUserOptions)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != testserver.JackID {
		t.Fatalf("looked up %+v", res.Data)
	}
}

func TestE2EAppBearerToken(t *testing.T) {
	s, clk := e2e(t)
	lookupJack(t, e2eClient(t, s, clk, WithBearerToken(s.AppBearerToken())))
	_, _, err := e2eClient(t, s, clk, WithBearerToken("not-a-token")).Users.ByUsername(context.Background(), "jack", nil)
	if !IsUnauthorized(err) {
		t.Errorf("wrong bearer token: %v", err)
	}
}

func TestE2EAppCredentials(t *testing.T) {
	s, clk := e2e(t)
	key, secret := s.AppCredentials()
	c := e2eClient(t, s, clk, WithAppCredentials(key, secret))
	lookupJack(t, c)
	lookupJack(t, c)
	// App-only tokens cannot act for a user: X's unsupported-authentication 403.
	_, _, err := c.Users.Follow(context.Background(), testserver.JackID, testserver.AliceID)
	if !IsForbidden(err) || !IsUnsupportedAuthentication(err) {
		t.Errorf("follow with an app token: %v", err)
	}

	_, _, err = e2eClient(t, s, clk, WithAppCredentials(key, "wrong-secret")).Users.ByUsername(context.Background(), "jack", nil)
	var tokErr *TokenError
	if !errors.As(err, &tokErr) || tokErr.StatusCode != http.StatusForbidden || tokErr.Code != "99" {
		t.Errorf("wrong secret: %v", err)
	}
	for verb, str := range printings(err) {
		assertNoSecrets(t, "error printed with "+verb, str, secret, "wrong-secret")
	}
}

func TestE2EPKCEFlowWithRefreshRotation(t *testing.T) {
	s, clk := e2e(t)
	oc := s.OAuth2Client()
	cfg := &OAuth2Config{
		ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes:       []Scope{ScopeTweetRead, ScopeUsersRead, ScopeFollowsWrite, ScopeOfflineAccess},
		AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL,
		HTTPClient: &http.Client{Transport: &http.Transport{}},
	}
	t.Cleanup(cfg.HTTPClient.CloseIdleConnections)
	ctx := context.Background()

	// authorize -> redirect -> exchange
	state := NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		t.Fatal(err)
	}
	callback := authorizeE2E(t, authURL)
	tok, err := cfg.ExchangeCallback(ctx, callback, state, verifier)
	if err != nil {
		t.Fatal(err)
	}
	if tok.RefreshToken == "" || tok.Expiry.IsZero() {
		t.Fatalf("token without refresh token or expiry: expires_in %d", tok.ExpiresIn)
	}

	// call
	var saved savedTokens
	c := e2eClient(t, s, clk, WithOAuth2Token(cfg, tok, OnTokenRefresh(saved.save)))
	lookupJack(t, c)
	if _, _, err := c.Users.Follow(ctx, testserver.JackID, testserver.DaveID); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(s.World().FollowingIDs(testserver.JackID), testserver.DaveID) {
		t.Error("the follow did not happen")
	}

	// refresh (rotation) -> call, twice
	for i := range 2 {
		clk.Advance(2*time.Hour + time.Second)
		lookupJack(t, c)
		if got := len(saved.all()); got != i+1 {
			t.Fatalf("after expiry %d: %d tokens saved", i+1, got)
		}
	}
	s1, s2 := saved.all()[0], saved.all()[1]
	if s1.RefreshToken == tok.RefreshToken || s2.RefreshToken == s1.RefreshToken {
		t.Error("refresh tokens were not rotated")
	}
	// The rotated-away refresh tokens are dead; the saved one works.
	if _, err := cfg.Refresh(ctx, tok.RefreshToken); !IsReauthorizationRequired(err) {
		t.Errorf("first refresh token after rotation: %v", err)
	}
	if _, err := cfg.Refresh(ctx, s2.RefreshToken); err != nil {
		t.Errorf("last saved refresh token: %v", err)
	}

	// A client holding a spent refresh token: the user must authorize again.
	stale := e2eClient(t, s, clk, WithOAuth2Token(cfg, &oauth2.Token{AccessToken: "expired", RefreshToken: s1.RefreshToken, Expiry: clk.Now().Add(-time.Minute)}))
	if _, _, err := stale.Users.ByUsername(ctx, "jack", nil); !IsReauthorizationRequired(err) {
		t.Errorf("spent refresh token: %v", err)
	}
}

func TestE2EUserTokenRevokedRefreshesOnce(t *testing.T) {
	s, clk := e2e(t)
	oc := s.OAuth2Client()
	cfg := &OAuth2Config{ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes: []Scope{ScopeTweetRead, ScopeUsersRead, ScopeOfflineAccess}, AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL,
		HTTPClient: &http.Client{Transport: &http.Transport{}}}
	t.Cleanup(cfg.HTTPClient.CloseIdleConnections)
	state := NewState()
	authURL, verifier, _ := cfg.AuthCodeURL(state)
	tok, err := cfg.ExchangeCallback(context.Background(), authorizeE2E(t, authURL), state, verifier)
	if err != nil {
		t.Fatal(err)
	}
	var saved savedTokens
	c := e2eClient(t, s, clk, WithOAuth2Token(cfg, tok, OnTokenRefresh(saved.save)))
	s.RevokeToken(tok.AccessToken) // still unexpired: only the 401 tells
	lookupJack(t, c)
	if len(saved.all()) != 1 {
		t.Errorf("%d tokens saved after the 401, want 1", len(saved.all()))
	}
}

func TestE2EOAuth1(t *testing.T) {
	s, clk := e2e(t)
	sc := s.OAuth1(testserver.JackID)
	creds := OAuth1Credentials{ConsumerKey: sc.ConsumerKey, ConsumerSecret: sc.ConsumerSecret, Token: sc.Token, TokenSecret: sc.TokenSecret}
	c := e2eClient(t, s, clk, WithOAuth1(creds))
	ctx := context.Background()

	// Signed GETs with query parameters (comma lists, then a search query that needs
	// every kind of encoding), repeated: each gets a fresh nonce or X would refuse it.
	lookupJack(t, c)
	lookupJack(t, c)
	q := url.Values{"query": {`from:jack "state" -is:retweet (go OR golang) 🐦`}, "max_results": {"10"}, "tweet.fields": {"created_at,author_id"}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+"/2/tweets/search/recent?"+q.Encode(), nil)
	resp, err := c.HTTPClient().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("signed search: %s", resp.Status)
	}

	// A signed POST with a JSON body (not part of the signature).
	if _, _, err := c.Users.Follow(ctx, testserver.JackID, testserver.CarolID); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(s.World().FollowingIDs(testserver.JackID), testserver.CarolID) {
		t.Error("the follow did not happen")
	}

	// The same nonce twice is a replay; a clock 10 minutes off is out of the window.
	fixed := e2eClientWithNonce(t, s, clk, creds, func() string { return "fixed-nonce" })
	lookupJack(t, fixed)
	if _, _, err := fixed.Users.ByUsername(ctx, "jack", nil); !IsUnauthorized(err) {
		t.Errorf("replayed nonce: %v", err)
	}
	skewed := e2eClient(t, s, clk, WithOAuth1(creds), func(c *config) error {
		c.now = func() time.Time { return clk.Now().Add(-10 * time.Minute) }
		return nil
	})
	if _, _, err := skewed.Users.ByUsername(ctx, "jack", nil); !IsUnauthorized(err) {
		t.Errorf("skewed clock: %v", err)
	}
	// Someone else's token secret: the signature does not verify.
	wrong := creds
	wrong.TokenSecret = "not-the-secret"
	if _, _, err := e2eClient(t, s, clk, WithOAuth1(wrong)).Users.ByUsername(ctx, "jack", nil); !IsUnauthorized(err) {
		t.Errorf("wrong token secret: %v", err)
	}
}

func e2eClientWithNonce(t *testing.T, s *testserver.Server, clk *testserver.ManualClock, creds OAuth1Credentials, nonce func() string) *Client {
	return e2eClient(t, s, clk, func(c *config) error {
		c.auth = oauth1Auth{creds: keysOf(creds), nonce: nonce}
		return nil
	})
}

// authorizeE2E plays the browser: it follows the authorize URL and returns the query of
// the redirect to the callback.
func authorizeE2E(t *testing.T, authURL string) url.Values {
	t.Helper()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil {
		t.Fatalf("authorize: %s, Location %q", resp.Status, resp.Header.Get("Location"))
	}
	if e := loc.Query().Get("error"); e != "" {
		t.Fatalf("authorize refused: %s: %s", e, loc.Query().Get("error_description"))
	}
	return loc.Query()
}
