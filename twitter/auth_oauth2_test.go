package twitter

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
	"golang.org/x/oauth2"

	"github.com/twitterkit/go/openapi"
)

func TestAuthCodeURLCarriesPKCE(t *testing.T) {
	f := newFakeX(t, newTestClock())
	cfg := f.oauth2Config()
	state := NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkVerifier(verifier); err != nil {
		t.Errorf("verifier %q: %v", verifier, err)
	}
	u, err := url.Parse(authURL)
	if err != nil || u.Scheme+"://"+u.Host+u.Path != f.srv.URL+"/i/oauth2/authorize" {
		t.Fatalf("auth URL %q", authURL)
	}
	sum := sha256.Sum256([]byte(verifier))
	want := url.Values{
		"response_type": {"code"}, "client_id": {testClientID}, "redirect_uri": {"http://127.0.0.1/callback"},
		"scope": {"tweet.read users.read offline.access"}, "state": {state},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"},
	}
	if got := u.Query(); got.Encode() != want.Encode() {
		t.Errorf("auth URL query\n got %s\nwant %s", got.Encode(), want.Encode())
	}
	assertNoSecrets(t, "auth URL", authURL, testClientSecret)

	_, verifier2, _ := cfg.AuthCodeURL(state)
	if verifier2 == verifier || NewState() == state || len(state) < 43 {
		t.Error("verifier or state not fresh and random")
	}
	defaults := &OAuth2Config{ClientID: "id", RedirectURL: "https://example.com/cb", Scopes: []Scope{ScopeTweetRead}}
	if u, _, _ := defaults.AuthCodeURL("s"); !strings.HasPrefix(u, DefaultOAuth2AuthorizeURL+"?") {
		t.Errorf("default authorize URL: %s", u)
	}
}

func TestOAuth2ConfigValidation(t *testing.T) {
	good := OAuth2Config{ClientID: "id", RedirectURL: "https://example.com/cb", Scopes: []Scope{ScopeTweetRead}}
	for name, mut := range map[string]func(*OAuth2Config){
		"no client id":      func(c *OAuth2Config) { c.ClientID = "" },
		"no scopes":         func(c *OAuth2Config) { c.Scopes = nil },
		"scope with space":  func(c *OAuth2Config) { c.Scopes = []Scope{"tweet.read users.read"} },
		"relative redirect": func(c *OAuth2Config) { c.RedirectURL = "/cb" },
		"bad token URL":     func(c *OAuth2Config) { c.TokenURL = "ftp://x" },
		"bad authorize URL": func(c *OAuth2Config) { c.AuthorizeURL = "x" },
	} {
		c := good
		mut(&c)
		if _, _, err := c.AuthCodeURL("s"); err == nil {
			t.Errorf("%s: AuthCodeURL accepted it", name)
		}
		if _, err := c.Exchange(context.Background(), "code", strings.Repeat("v", 43)); err == nil {
			t.Errorf("%s: Exchange accepted it", name)
		}
		if _, err := NewClient(WithOAuth2Token(&c, &oauth2.Token{AccessToken: "a"})); err == nil {
			t.Errorf("%s: WithOAuth2Token accepted it", name)
		}
	}
	if _, _, err := good.AuthCodeURL(""); err == nil {
		t.Error("empty state accepted")
	}
	for _, v := range []string{"", strings.Repeat("v", 42), strings.Repeat("v", 129), strings.Repeat("v", 42) + "+"} {
		if _, err := good.Exchange(context.Background(), "code", v); err == nil {
			t.Errorf("verifier %q accepted", v)
		}
	}
	if _, err := good.Exchange(context.Background(), "", strings.Repeat("v", 43)); err == nil {
		t.Error("empty code accepted")
	}
	for name, opt := range map[string]Option{
		"nil config":       WithOAuth2Token(nil, &oauth2.Token{AccessToken: "a"}),
		"nil token":        WithOAuth2Token(&good, nil),
		"empty token":      WithOAuth2Token(&good, &oauth2.Token{}),
		"negative margin":  WithOAuth2Token(&good, &oauth2.Token{AccessToken: "a"}, RefreshMargin(-time.Second)),
		"nil hook":         WithOAuth2Token(&good, &oauth2.Token{AccessToken: "a"}, OnTokenRefresh(nil)),
		"nil token source": WithTokenSource(nil),
	} {
		if _, err := NewClient(opt); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
}

// authorize follows the authorize URL as the user's browser would and returns the query
// X's redirect brings to the callback.
func authorize(t *testing.T, authURL string) url.Values {
	t.Helper()
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize: %s", resp.Status)
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	return loc.Query()
}

// savedTokens records what OnTokenRefresh was given.
type savedTokens struct {
	mu   sync.Mutex
	toks []*oauth2.Token
	fail error // returned (once) when set
}

func (s *savedTokens) save(_ context.Context, tok *oauth2.Token) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		err := s.fail
		s.fail = nil
		return err
	}
	s.toks = append(s.toks, tok)
	return nil
}

func (s *savedTokens) all() []*oauth2.Token {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*oauth2.Token(nil), s.toks...)
}

func TestPKCEFlowThenRefreshRotation(t *testing.T) {
	for _, public := range []bool{false, true} {
		t.Run(fmt.Sprintf("public=%v", public), func(t *testing.T) {
			clk := newTestClock()
			f := newFakeX(t, clk)
			cfg := f.oauth2Config()
			if public {
				cfg.ClientSecret = ""
			}
			state := NewState()
			authURL, verifier, err := cfg.AuthCodeURL(state)
			if err != nil {
				t.Fatal(err)
			}
			tok, err := cfg.ExchangeCallback(context.Background(), authorize(t, authURL), state, verifier)
			if err != nil {
				t.Fatal(err)
			}
			if tok.AccessToken == "" || tok.RefreshToken == "" || tok.Expiry.IsZero() || tok.Extra("scope") != "tweet.read users.read offline.access" {
				t.Fatalf("token = %+v", tok)
			}
			ex := f.tokenRequests()[0]
			if public != (ex.Get("client_id") == testClientID) || ex.Get("code_verifier") != verifier || ex.Get("redirect_uri") != cfg.RedirectURL {
				t.Errorf("exchange form = %v", ex)
			}

			var saved savedTokens
			c := f.client(WithOAuth2Token(cfg, tok, OnTokenRefresh(saved.save)))
			ctx := context.Background()
			if _, _, err := c.Users.ByUsername(ctx, "a", nil); err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				clk.advance(2 * time.Hour) // the access token expires
				if _, _, err := c.Users.ByUsername(ctx, "a", nil); err != nil {
					t.Fatalf("after expiry %d: %v", i+1, err)
				}
			}
			s := saved.all()
			if len(s) != 2 || f.userRefreshes.Load() != 2 {
				t.Fatalf("%d tokens saved, %d refreshes; want 2 and 2", len(s), f.userRefreshes.Load())
			}
			// Each refresh rotated the refresh token and used the previous one.
			reqs := f.tokenRequests()
			if reqs[1].Get("refresh_token") != tok.RefreshToken || reqs[2].Get("refresh_token") != s[0].RefreshToken ||
				s[0].RefreshToken == tok.RefreshToken || s[1].RefreshToken == s[0].RefreshToken {
				t.Errorf("refresh chain: initial %s, requests %s %s, saved %s %s", tok.RefreshToken,
					reqs[1].Get("refresh_token"), reqs[2].Get("refresh_token"), s[0].RefreshToken, s[1].RefreshToken)
			}
			if auths := f.auths(); auths[2] != "Bearer "+s[1].AccessToken {
				t.Errorf("last call sent %q, want the newest token", auths[2])
			}
			// The refreshed token's expiry follows the client's clock.
			if want := clk.now().Add(2 * time.Hour); !s[1].Expiry.Equal(want) {
				t.Errorf("expiry %v, want %v", s[1].Expiry, want)
			}
		})
	}
}

func TestExchangeCallbackChecks(t *testing.T) {
	f := newFakeX(t, newTestClock())
	cfg := f.oauth2Config()
	ctx := context.Background()
	state := NewState()
	authURL, verifier, _ := cfg.AuthCodeURL(state)
	q := authorize(t, authURL)

	denied := url.Values{"error": {"access_denied"}, "state": {state}}
	if _, err := cfg.ExchangeCallback(ctx, denied, state, verifier); !errors.Is(err, ErrAccessDenied) {
		t.Errorf("access_denied: %v", err)
	}
	if _, err := cfg.ExchangeCallback(ctx, q, NewState(), verifier); err == nil || !strings.Contains(err.Error(), "state") {
		t.Errorf("state mismatch: %v", err)
	}
	if _, err := cfg.ExchangeCallback(ctx, q, "", verifier); err == nil {
		t.Error("empty expected state accepted")
	}
	if len(f.tokenRequests()) != 0 {
		t.Fatal("a rejected callback reached the token endpoint")
	}
	// A wrong verifier: X says invalid_request, and the code is spent.
	_, other, _ := cfg.AuthCodeURL(state)
	_, err := cfg.ExchangeCallback(ctx, q, state, other)
	var te *TokenError
	if !errors.As(err, &te) || te.StatusCode != 400 || te.Code != "invalid_request" || te.Grant != "authorization_code" {
		t.Fatalf("wrong verifier: %v", err)
	}
	if !IsReauthorizationRequired(err) {
		t.Error("a rejected code should send the user through authorization again")
	}
	for verb, s := range printings(err) {
		assertNoSecrets(t, "exchange error printed with "+verb, s, testClientSecret, q.Get("code"), other, verifier)
	}
}

func TestRefreshMargin(t *testing.T) {
	for _, tc := range []struct {
		name      string
		expiresIn time.Duration
		margin    []OAuth2Option
		refreshes int32
	}{
		{"fresh", 2 * time.Minute, nil, 0},
		{"inside the default margin", 30 * time.Second, nil, 1},
		{"inside a wider margin", 4 * time.Minute, []OAuth2Option{RefreshMargin(5 * time.Minute)}, 1},
		{"zero margin, not expired", time.Second, []OAuth2Option{RefreshMargin(0)}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clk := newTestClock()
			f := newFakeX(t, clk)
			access, refresh, _ := f.userToken()
			tok := &oauth2.Token{AccessToken: access, RefreshToken: refresh, Expiry: clk.now().Add(tc.expiresIn)}
			c := f.client(WithOAuth2Token(f.oauth2Config(), tok, tc.margin...))
			if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
				t.Fatal(err)
			}
			if got := f.userRefreshes.Load(); got != tc.refreshes {
				t.Errorf("%d refreshes, want %d", got, tc.refreshes)
			}
		})
	}
}

func TestUserTokenRefreshedOnceOn401(t *testing.T) {
	clk := newTestClock()
	f := newFakeX(t, clk)
	access, refresh, expiry := f.userToken()
	var saved savedTokens
	c := f.client(WithOAuth2Token(f.oauth2Config(), &oauth2.Token{AccessToken: access, RefreshToken: refresh, Expiry: expiry}, OnTokenRefresh(saved.save)))
	f.revokeAccess(access) // revoked before its expiry: only the 401 tells
	if _, _, err := c.Users.Follow(context.Background(), "1", "2"); err != nil {
		t.Fatal(err)
	}
	if f.userRefreshes.Load() != 1 || f.apiCalls.Load() != 2 || len(saved.all()) != 1 {
		t.Errorf("%d refreshes, %d API calls, %d saved; want 1, 2, 1", f.userRefreshes.Load(), f.apiCalls.Load(), len(saved.all()))
	}
	if b := f.bodies(); b[0] == "" || b[0] != b[1] {
		t.Errorf("resent body %q, want %q", b[1], b[0])
	}
}

func TestRejectedRefreshTokenNeedsReauthorization(t *testing.T) {
	clk := newTestClock()
	f := newFakeX(t, clk)
	tok := &oauth2.Token{AccessToken: "USER-ACCESS-EXPIRED", RefreshToken: "USER-REFRESH-REVOKED", Expiry: clk.now().Add(-time.Minute)}
	var logs syncBuffer
	c := f.client(WithOAuth2Token(f.oauth2Config(), tok), WithLogger(newTextLogger(&logs)))
	for i := range 3 {
		_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
		if !IsReauthorizationRequired(err) {
			t.Fatalf("call %d: err = %v, want reauthorization required", i+1, err)
		}
		var te *TokenError
		if !errors.As(err, &te) || te.Code != "invalid_request" || te.Grant != "refresh_token" {
			t.Errorf("err = %v", err)
		}
		for verb, s := range printings(err) {
			assertNoSecrets(t, "error printed with "+verb, s, testClientSecret, tok.RefreshToken, tok.AccessToken)
		}
	}
	// One refresh attempt, no retries, no API call, whatever the number of calls.
	if len(f.tokenRequests()) != 1 || f.apiCalls.Load() != 0 {
		t.Errorf("%d token requests and %d API calls, want 1 and 0", len(f.tokenRequests()), f.apiCalls.Load())
	}
	assertNoSecrets(t, "logs", logs.String(), testClientSecret, tok.RefreshToken, tok.AccessToken)
	if !strings.Contains(logs.String(), "authorize the app again") {
		t.Errorf("logs do not say the user must authorize again: %s", logs.String())
	}
}

func TestNoRefreshToken(t *testing.T) {
	clk := newTestClock()
	f := newFakeX(t, clk)
	access, _, expiry := f.userToken()
	// Inside the margin but not expired: used as is.
	c := f.client(WithOAuth2Token(f.oauth2Config(), &oauth2.Token{AccessToken: access, Expiry: clk.now().Add(10 * time.Second)}))
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Minute) // now expired, and nothing to refresh it with
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !IsReauthorizationRequired(err) || !strings.Contains(err.Error(), "offline.access") {
		t.Errorf("expired: err = %v", err)
	}
	// Rejected by the API (401) and no refresh token.
	c = f.client(WithOAuth2Token(f.oauth2Config(), &oauth2.Token{AccessToken: access, Expiry: expiry}))
	f.revokeAccess(access)
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); !IsReauthorizationRequired(err) {
		t.Errorf("revoked: err = %v", err)
	}
	if len(f.tokenRequests()) != 0 {
		t.Error("a token request without a refresh token")
	}
}

func TestConcurrentRefreshesCollapse(t *testing.T) {
	clk := newTestClock()
	f := newFakeX(t, clk)
	access, refresh, _ := f.userToken()
	release := make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool { <-release; return false }
	var saved savedTokens
	c := f.client(WithOAuth2Token(f.oauth2Config(), &oauth2.Token{AccessToken: access, RefreshToken: refresh, Expiry: clk.now().Add(-time.Second)},
		OnTokenRefresh(saved.save)))
	cache := tokenCacheOf(t, c)
	const n = 16
	var wg sync.WaitGroup
	var failed atomic.Int32
	for range n {
		wg.Go(func() {
			if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
				t.Error(err)
				failed.Add(1)
			}
		})
	}
	waitFor(t, "15 callers waiting for the refresh", func() bool { return cache.waiting.Load() == n-1 })
	once.Do(func() { close(release) })
	wg.Wait()
	if f.userRefreshes.Load() != 1 || len(saved.all()) != 1 {
		t.Errorf("%d refreshes and %d saves for %d concurrent calls, want 1 and 1", f.userRefreshes.Load(), len(saved.all()), n)
	}
}

func TestOnTokenRefreshFailureIsReportedAndRetried(t *testing.T) {
	clk := newTestClock()
	f := newFakeX(t, clk)
	access, refresh, _ := f.userToken()
	storeDown := errors.New("token store unavailable")
	saved := savedTokens{fail: storeDown}
	c := f.client(WithOAuth2Token(f.oauth2Config(), &oauth2.Token{AccessToken: access, RefreshToken: refresh, Expiry: clk.now().Add(-time.Second)},
		OnTokenRefresh(saved.save)))
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !errors.Is(err, storeDown) || !strings.Contains(err.Error(), "OnTokenRefresh") {
		t.Fatalf("err = %v, want the hook's error", err)
	}
	if f.apiCalls.Load() != 0 {
		t.Error("the call went ahead although its token was not saved")
	}
	// The next call saves the same token again, then goes ahead without refreshing.
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	s := saved.all()
	if len(s) != 1 || f.userRefreshes.Load() != 1 || f.auths()[0] != "Bearer "+s[0].AccessToken {
		t.Errorf("%d saved, %d refreshes", len(s), f.userRefreshes.Load())
	}
	// Saved once: later calls do not save again.
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil || len(saved.all()) != 1 {
		t.Errorf("third call: %v, %d saved", err, len(saved.all()))
	}
}

func TestRefreshCancelled(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
	clk := newTestClock()
	f := newFakeX(t, clk)
	access, refresh, _ := f.userToken()
	entered := make(chan struct{}, 1)
	var hung atomic.Bool
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool {
		if hung.CompareAndSwap(false, true) {
			entered <- struct{}{}
			<-r.Context().Done()
			return true
		}
		return false
	}
	c := f.client(WithOAuth2Token(f.oauth2Config(), &oauth2.Token{AccessToken: access, RefreshToken: refresh, Expiry: clk.now().Add(-time.Second)}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-entered
		cancel()
	}()
	_, _, err := c.Users.ByUsername(ctx, "a", nil)
	<-done
	if !errors.Is(err, context.Canceled) || IsReauthorizationRequired(err) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	// A cancelled refresh is not a verdict: the next call refreshes.
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	if f.userRefreshes.Load() != 1 {
		t.Errorf("%d completed refreshes, want 1", f.userRefreshes.Load())
	}
}

func TestRefreshKeepsRefreshTokenWhenNotRotated(t *testing.T) {
	clk := newTestClock()
	f := newFakeX(t, clk)
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool {
		writeJSONStatus(w, 200, map[string]any{"token_type": "bearer", "access_token": "NEW-ACCESS", "expires_in": "7200"})
		return true
	}
	tok, err := f.oauth2Config().Refresh(context.Background(), "OLD-REFRESH")
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "NEW-ACCESS" || tok.RefreshToken != "OLD-REFRESH" || tok.ExpiresIn != 7200 {
		t.Errorf("token = %+v", tok)
	}
}

func TestRefreshMethod(t *testing.T) {
	f := newFakeX(t, newTestClock())
	cfg := f.oauth2Config()
	_, refresh, _ := f.userToken()
	tok, err := cfg.Refresh(context.Background(), refresh)
	if err != nil || tok.RefreshToken == refresh || tok.RefreshToken == "" {
		t.Fatalf("Refresh = %+v, %v", tok, err)
	}
	// The old refresh token was spent by the rotation.
	if _, err := cfg.Refresh(context.Background(), refresh); !IsReauthorizationRequired(err) {
		t.Errorf("reused refresh token: %v", err)
	}
	bad := *cfg
	bad.ClientSecret = "CSEC-WRONG-SECRET-0000"
	_, err = bad.Refresh(context.Background(), tok.RefreshToken)
	var te *TokenError
	if !errors.As(err, &te) || te.StatusCode != 401 || te.Code != "unauthorized_client" || IsReauthorizationRequired(err) {
		t.Errorf("wrong client secret: %v", err)
	}
	for verb, s := range printings(err) {
		assertNoSecrets(t, "error printed with "+verb, s, bad.ClientSecret, tok.RefreshToken)
	}
	if _, err := cfg.Refresh(context.Background(), ""); err == nil {
		t.Error("empty refresh token accepted")
	}
}

// countingSource hands out a new token on every call.
type countingSource struct{ n atomic.Int32 }

func (s *countingSource) Token() (*oauth2.Token, error) {
	return &oauth2.Token{AccessToken: fmt.Sprintf("SRC-%d", s.n.Add(1))}, nil
}

func TestWithTokenSource(t *testing.T) {
	f := newFakeX(t, newTestClock())
	access, _, _ := f.userToken()
	c := f.client(WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: access})))
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	// The source has nothing better after a 401: the 401 is returned, not looped on.
	f.revokeAccess(access)
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); !IsUnauthorized(err) {
		t.Errorf("err = %v, want 401", err)
	}
	if f.apiCalls.Load() != 2 {
		t.Errorf("%d API calls, want 2", f.apiCalls.Load())
	}

	// A source with a new token after the 401: the request is sent again with it.
	src := &countingSource{}
	c = f.client(WithTokenSource(src))
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !IsUnauthorized(err) || src.n.Load() != 2 {
		t.Errorf("err = %v after %d tokens, want a 401 after 2", err, src.n.Load())
	}
	if a := f.auths(); a[len(a)-2] != "Bearer SRC-1" || a[len(a)-1] != "Bearer SRC-2" {
		t.Errorf("Authorization = %q", a[len(a)-2:])
	}
}

// TestTokenSourceErrorsAreSafe: golang.org/x/oauth2's RetrieveError keeps the token
// request, with its Basic credentials; the client's error must not.
func TestTokenSourceErrorsAreSafe(t *testing.T) {
	f := newFakeX(t, newTestClock())
	xcfg := &oauth2.Config{ClientID: testClientID, ClientSecret: testClientSecret,
		Endpoint: oauth2.Endpoint{TokenURL: f.srv.URL + "/2/oauth2/token", AuthStyle: oauth2.AuthStyleInHeader}}
	ts := xcfg.TokenSource(context.Background(), &oauth2.Token{RefreshToken: "USER-REFRESH-UNKNOWN"})
	c := f.client(WithTokenSource(ts))
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !IsReauthorizationRequired(err) {
		t.Fatalf("err = %v, want reauthorization required", err)
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		t.Error("the RetrieveError, and the request inside it, is reachable from the error")
	}
	for verb, s := range printings(err) {
		assertNoSecrets(t, "error printed with "+verb, s, testClientSecret, "USER-REFRESH-UNKNOWN")
	}
}

// Every scope of the document's OAuth 2.0 flow has a Scope constant, and every constant is
// a scope of the document or one X documents elsewhere (users.email, for confirmed_email,
// is in X's field guide and its authorization page, not in its API document).
func TestScopesAreTheDocuments(t *testing.T) {
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, scheme := range doc.Components.SecuritySchemes {
		if v := scheme.Value; v != nil && v.Type == "oauth2" && v.Flows != nil && v.Flows.AuthorizationCode != nil {
			for s := range v.Flows.AuthorizationCode.Scopes {
				want[s] = true
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the document lists no OAuth 2.0 scopes")
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "auth_oauth2.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Scope" {
				continue
			}
			for _, v := range vs.Values {
				if lit, ok := v.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					have[s] = true
				}
			}
		}
	}
	for s := range want {
		if !have[s] {
			t.Errorf("the document's scope %q has no Scope constant in auth_oauth2.go", s)
		}
	}
	elsewhere := map[string]bool{"users.email": true}
	for s := range have {
		if !want[s] && !elsewhere[s] {
			t.Errorf("Scope constant %q is not a scope of the document", s)
		}
	}
}
