package twitter

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Distinctive secrets: tests assert that none of them ever appears in printed values,
// errors or logs.
const (
	testConsumerKey    = "CK-app+key/with=chars"
	testConsumerSecret = "CS-APP-CONSUMER-SECRET-8d1f"
	testClientID       = "CID-oauth2-client-id"
	testClientSecret   = "CSEC-OAUTH2-CLIENT-SECRET-27aa"
)

// fakeX is an httptest server that does what X does with credentials:
//
//   - POST /oauth2/token: app-only tokens for Basic (form-encoded) consumer key:secret
//     and grant_type=client_credentials; 403 with X's {"errors":[{"code":99,...}]} otherwise.
//     The same token comes back until it is invalidated.
//   - GET /i/oauth2/authorize: checks the PKCE request and redirects with code and state.
//   - POST /2/oauth2/token: authorization_code (PKCE S256 checked, single use) and
//     refresh_token, which rotates the refresh token. X's errors: 400 invalid_request
//     "Value passed for the token was invalid." for a bad refresh token, 401
//     unauthorized_client for a bad client.
//   - anything under /2/: 401 unless the bearer token is valid and unexpired; otherwise a
//     user, recording the request body.
//
// Faults are injected with tokenFault, which can answer a token request itself.
type fakeX struct {
	t   *testing.T
	srv *httptest.Server
	clk *fakeClock

	tokenFault func(w http.ResponseWriter, r *http.Request) bool // true: answered

	mu          sync.Mutex
	appGen      int                  // the app token is "APP-BEARER-<gen>"
	access      map[string]time.Time // valid user access tokens and their expiry
	refresh     map[string]bool      // valid refresh tokens
	codes       map[string]string    // code -> S256 challenge
	seq         int
	lifetime    time.Duration
	apiBodies   []string
	apiAuth     []string
	tokenBodies []url.Values

	appFetches    atomic.Int32
	userRefreshes atomic.Int32
	apiCalls      atomic.Int32
}

func newFakeX(t *testing.T, clk *fakeClock) *fakeX {
	f := &fakeX{t: t, clk: clk, access: map[string]time.Time{}, refresh: map[string]bool{},
		codes: map[string]string{}, lifetime: 2 * time.Hour}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// newTestClock is a fake clock at the current time, so that tokens whose expiry was
// computed from the wall clock (by Exchange) agree with it.
func newTestClock() *fakeClock { return &fakeClock{t: time.Now()} }

// advance moves the clock forward.
func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

func (f *fakeX) appToken() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return fmt.Sprintf("APP-BEARER-%d", f.appGen)
}

// invalidateApp makes the current app token invalid; the next fetch gets a new one.
func (f *fakeX) invalidateApp() {
	f.mu.Lock()
	f.appGen++
	f.mu.Unlock()
}

func (f *fakeX) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/oauth2/token" || r.URL.Path == "/2/oauth2/token":
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		f.mu.Lock()
		f.tokenBodies = append(f.tokenBodies, form)
		f.mu.Unlock()
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		if f.tokenFault != nil && f.tokenFault(w, r) {
			return
		}
		if r.URL.Path == "/oauth2/token" {
			f.serveAppToken(w, r, form)
		} else {
			f.serveUserToken(w, r, form)
		}
	case r.URL.Path == "/i/oauth2/authorize":
		f.serveAuthorize(w, r)
	case strings.HasPrefix(r.URL.Path, "/2/"):
		f.apiCalls.Add(1)
		body, _ := io.ReadAll(r.Body)
		auth := r.Header.Get("Authorization")
		f.mu.Lock()
		f.apiBodies = append(f.apiBodies, string(body))
		f.apiAuth = append(f.apiAuth, auth)
		tok, _ := strings.CutPrefix(auth, "Bearer ")
		exp, ok := f.access[tok]
		valid := tok == fmt.Sprintf("APP-BEARER-%d", f.appGen) || (ok && f.clk.now().Before(exp))
		f.mu.Unlock()
		if !valid {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			fmt.Fprint(w, `{"data":{"following":true,"pending_follow":false}}`)
			return
		}
		fmt.Fprint(w, okUser)
	default:
		http.NotFound(w, r)
	}
}

func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (f *fakeX) serveAppToken(w http.ResponseWriter, r *http.Request, form url.Values) {
	f.appFetches.Add(1)
	key, secret, ok := r.BasicAuth()
	key, _ = url.QueryUnescape(key)
	secret, _ = url.QueryUnescape(secret)
	if !ok || key != testConsumerKey || secret != testConsumerSecret {
		writeJSONStatus(w, http.StatusForbidden, map[string]any{"errors": []map[string]any{
			{"code": 99, "message": "Unable to verify your credentials", "label": "authenticity_token_error"}}})
		return
	}
	if form.Get("grant_type") != "client_credentials" {
		writeJSONStatus(w, http.StatusForbidden, map[string]any{"errors": []map[string]any{
			{"code": 170, "message": "Missing required parameter: grant_type", "label": "forbidden_missing_parameter"}}})
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string]string{"token_type": "bearer", "access_token": f.appToken()})
}

func (f *fakeX) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != testClientID || q.Get("response_type") != "code" || q.Get("state") == "" ||
		q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("scope") == "" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, "<html><body>Something went wrong</body></html>")
		return
	}
	f.mu.Lock()
	f.seq++
	code := fmt.Sprintf("CODE-%d", f.seq)
	f.codes[code] = q.Get("code_challenge")
	f.mu.Unlock()
	u, _ := url.Parse(q.Get("redirect_uri"))
	v := u.Query()
	v.Set("state", q.Get("state"))
	v.Set("code", code)
	u.RawQuery = v.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// issue mints an access token and a refresh token. Caller holds f.mu.
func (f *fakeX) issue() map[string]any {
	f.seq++
	access := fmt.Sprintf("USER-ACCESS-%d", f.seq)
	refresh := fmt.Sprintf("USER-REFRESH-%d", f.seq)
	f.access[access] = f.clk.now().Add(f.lifetime)
	f.refresh[refresh] = true
	return map[string]any{"token_type": "bearer", "expires_in": int(f.lifetime / time.Second), "access_token": access,
		"scope": "tweet.read users.read offline.access", "refresh_token": refresh}
}

func (f *fakeX) serveUserToken(w http.ResponseWriter, r *http.Request, form url.Values) {
	id, secret, basic := r.BasicAuth()
	if basic && (id != testClientID || secret != testClientSecret) || !basic && form.Get("client_id") != testClientID {
		writeJSONStatus(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized_client", "error_description": "Missing valid authorization header"})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch form.Get("grant_type") {
	case "authorization_code":
		challenge, ok := f.codes[form.Get("code")]
		delete(f.codes, form.Get("code"))
		sum := sha256.Sum256([]byte(form.Get("code_verifier")))
		if !ok || base64.RawURLEncoding.EncodeToString(sum[:]) != challenge {
			writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "Value passed for the authorization code was invalid."})
			return
		}
		writeJSONStatus(w, http.StatusOK, f.issue())
	case "refresh_token":
		f.userRefreshes.Add(1)
		old := form.Get("refresh_token")
		if !f.refresh[old] {
			writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "Value passed for the token was invalid."})
			return
		}
		delete(f.refresh, old) // rotation: the old refresh token is spent
		writeJSONStatus(w, http.StatusOK, f.issue())
	default:
		writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type", "error_description": "grant_type"})
	}
}

// userToken mints a user token directly, as if the user had authorized the app.
func (f *fakeX) userToken() (access, refresh string, expiry time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.issue()
	return m["access_token"].(string), m["refresh_token"].(string), f.access[m["access_token"].(string)]
}

// revokeAccess makes an access token invalid before its expiry.
func (f *fakeX) revokeAccess(tok string) {
	f.mu.Lock()
	delete(f.access, tok)
	f.mu.Unlock()
}

func (f *fakeX) bodies() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.apiBodies...)
}

func (f *fakeX) tokenRequests() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.tokenBodies...)
}

func (f *fakeX) auths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.apiAuth...)
}

// oauth2Config is a confidential client of the fake server.
func (f *fakeX) oauth2Config() *OAuth2Config {
	return &OAuth2Config{
		ClientID: testClientID, ClientSecret: testClientSecret, RedirectURL: "http://127.0.0.1/callback",
		Scopes:       []Scope{ScopeTweetRead, ScopeUsersRead, ScopeOfflineAccess},
		AuthorizeURL: f.srv.URL + "/i/oauth2/authorize", TokenURL: f.srv.URL + "/2/oauth2/token",
	}
}

// client builds a Client for the fake server with the given auth, the fake clock and
// fast retries.
func (f *fakeX) client(opts ...Option) *Client {
	f.t.Helper()
	all := append([]Option{WithBaseURL(f.srv.URL), withClock(f.clk),
		WithRetryPolicy(&Backoff{Initial: time.Millisecond, Max: 2 * time.Millisecond, Jitter: -1})}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(c.HTTPClient().CloseIdleConnections)
	return c
}

// tokenCacheOf digs the token cache out of a client whose auth has one.
func tokenCacheOf(t *testing.T, c *Client) *tokenCache {
	t.Helper()
	ua, ok := c.httpClient.Transport.(userAgentTransport)
	if !ok {
		t.Fatalf("transport is %T", c.httpClient.Transport)
	}
	gate, ok := ua.next.(hostGate)
	if !ok {
		t.Fatalf("transport under the User-Agent is %T", ua.next)
	}
	tt, ok := gate.auth.(*tokenTransport)
	if !ok {
		t.Fatalf("auth transport is %T", gate.auth)
	}
	switch src := tt.src.(type) {
	case *tokenCache:
		return src
	case *userTokens:
		return src.cache
	}
	t.Fatalf("token provider is %T", tt.src)
	return nil
}

// assertNoSecrets fails if s contains any of the secrets, as is or hex-encoded (%x).
func assertNoSecrets(t *testing.T, what, s string, secrets ...string) {
	t.Helper()
	for _, sec := range secrets {
		if sec != "" && (strings.Contains(s, sec) || strings.Contains(s, hex.EncodeToString([]byte(sec)))) {
			t.Errorf("%s contains secret %q: %s", what, sec, s)
		}
	}
}

// printings is every way a value is commonly printed.
func printings(v any) map[string]string {
	return map[string]string{
		"%v": fmt.Sprintf("%v", v), "%+v": fmt.Sprintf("%+v", v), "%#v": fmt.Sprintf("%#v", v),
		"%s": fmt.Sprintf("%s", v), "%q": fmt.Sprintf("%q", v), "%x": fmt.Sprintf("%x", v),
	}
}

// syncBuffer is a strings.Builder safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newTextLogger logs everything, debug included, as text to w.
func newTextLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
