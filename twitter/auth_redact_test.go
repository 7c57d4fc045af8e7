package twitter

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// Secrets of every kind, distinctive enough that finding one in output is never chance.
const (
	redactBearer       = "BEARER-SECRET-e71c0a"
	redactAccessToken  = "ACCESS-SECRET-4b9d11"
	redactRefreshToken = "REFRESH-SECRET-90fe3c"
)

var allSecrets = []string{
	redactBearer, redactAccessToken, redactRefreshToken,
	testConsumerKey, testConsumerSecret, testClientSecret,
	testOAuth1.ConsumerKey, testOAuth1.ConsumerSecret, testOAuth1.Token, testOAuth1.TokenSecret,
}

func redactOAuth2Config() *OAuth2Config {
	return &OAuth2Config{ClientID: testClientID, ClientSecret: testClientSecret, RedirectURL: "https://example.com/cb",
		Scopes: []Scope{ScopeTweetRead, ScopeOfflineAccess}}
}

func authOptions() map[string]Option {
	tok := &oauth2.Token{AccessToken: redactAccessToken, RefreshToken: redactRefreshToken, Expiry: time.Now().Add(time.Hour)}
	return map[string]Option{
		"app-only bearer token":              WithBearerToken(redactBearer),
		"app-only (consumer key and secret)": WithAppCredentials(testConsumerKey, testConsumerSecret),
		"OAuth 2.0 user context":             WithOAuth2Token(redactOAuth2Config(), tok),
		"OAuth 2.0 token source":             WithTokenSource(oauth2.StaticTokenSource(tok)),
		"OAuth 1.0a user context":            WithOAuth1(testOAuth1),
	}
}

func TestNoCredentialIsEverPrinted(t *testing.T) {
	for name, opt := range authOptions() {
		t.Run(name, func(t *testing.T) {
			// A transport of its own: printing reaches into it, and a shared one (such as
			// http.DefaultTransport) may be in use by other tests meanwhile.
			c, err := NewClient(opt, WithHTTPClient(&http.Client{Transport: &http.Transport{}}))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(c.String(), name) {
				t.Errorf("Client.String() = %q, want it to name %q", c, name)
			}
			// A Client value (not only *Client) and containers of it reach the fields by
			// reflection, where no method of Client or config is called: the credentials
			// themselves must not print.
			type holder struct {
				C   Client
				Ptr *Client
			}
			values := map[string]any{
				"*Client": c, "Client": *c, "[]Client": []Client{*c}, "holder": holder{*c, c}, "*holder": &holder{*c, c},
				"config": c.cfg, "*config": &c.cfg, "authenticator": c.cfg.auth, "transport": c.HTTPClient().Transport,
			}
			for what, v := range values {
				for verb, s := range printings(v) {
					assertNoSecrets(t, what+" printed with "+verb, s, allSecrets...)
				}
				assertLogsNoSecrets(t, what, v)
			}
		})
	}
}

func TestCredentialTypesRedactThemselves(t *testing.T) {
	cfg := redactOAuth2Config()
	// A caller's own struct holding credentials in exported fields is safe to print too.
	// (Not to encode as JSON: encoding/json is how credentials are stored, so it keeps
	// them; slog's JSON handler encodes nested values that way.)
	type settings struct {
		Creds  OAuth1Credentials
		OAuth2 *OAuth2Config
	}
	values := map[string]any{
		"OAuth1Credentials":  testOAuth1,
		"*OAuth1Credentials": &testOAuth1,
		"OAuth2Config":       *cfg,
		"*OAuth2Config":      cfg,
		"caller's struct":    settings{testOAuth1, cfg},
		"*TokenError":        &TokenError{Grant: "refresh_token", URL: "https://api.x.com/2/oauth2/token", StatusCode: 400, Code: "invalid_request"},
	}
	for what, v := range values {
		for verb, s := range printings(v) {
			assertNoSecrets(t, what+" printed with "+verb, s, allSecrets...)
		}
		if what != "caller's struct" {
			assertLogsNoSecrets(t, what, v)
		}
	}
	var text bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("settings", "s", settings{testOAuth1, cfg})
	assertNoSecrets(t, "caller's struct logged as text", text.String(), allSecrets...)
	// The redacted forms still say what they are.
	if s := fmt.Sprint(cfg); !strings.Contains(s, testClientID) || !strings.Contains(s, "REDACTED") {
		t.Errorf("OAuth2Config prints as %q", s)
	}
	public := *cfg
	public.ClientSecret = ""
	if s := fmt.Sprint(public); !strings.Contains(s, "public client") {
		t.Errorf("public OAuth2Config prints as %q", s)
	}
}

// assertLogsNoSecrets logs v with slog's text and JSON handlers and checks the output
// for allSecrets and more.
func assertLogsNoSecrets(t *testing.T, what string, v any, more ...string) {
	t.Helper()
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		slog.New(h).Info("value", "v", v)
	}
	assertNoSecrets(t, what+" logged", buf.String(), append(more, allSecrets...)...)
}

// TestLogsOfAuthFlowsHoldNoSecrets runs every flow with debug logging and checks what was
// logged.
func TestLogsOfAuthFlowsHoldNoSecrets(t *testing.T) {
	clk := newTestClock()
	f := newFakeX(t, clk)
	var logs syncBuffer
	logger := WithLogger(newTextLogger(&logs))
	ctx := context.Background()

	c := f.client(logger, WithAppCredentials(testConsumerKey, testConsumerSecret))
	if _, _, err := c.Users.ByUsername(ctx, "a", nil); err != nil {
		t.Fatal(err)
	}
	f.invalidateApp()
	if _, _, err := c.Users.ByUsername(ctx, "a", nil); err != nil {
		t.Fatal(err)
	}
	access, refresh, _ := f.userToken()
	c = f.client(logger, WithOAuth2Token(f.oauth2Config(), &oauth2.Token{AccessToken: access, RefreshToken: refresh, Expiry: clk.now()}))
	if _, _, err := c.Users.ByUsername(ctx, "a", nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "refreshed the OAuth 2.0 user token") || !strings.Contains(logs.String(), "fetched an app-only bearer token") {
		t.Errorf("expected log lines missing:\n%s", logs.String())
	}
	assertNoSecrets(t, "logs", logs.String(), append(allSecrets, access, refresh, "APP-BEARER-0", "APP-BEARER-1", "USER-ACCESS-", "USER-REFRESH-")...)
}

// TestCredentialsOnlyGoToTheAPIHost: the client's HTTP client, used for another host,
// sends no credentials there.
func TestCredentialsOnlyGoToTheAPIHost(t *testing.T) {
	f := newFakeX(t, newTestClock())
	other := newFakeX(t, newTestClock())
	for name, opt := range map[string]Option{
		"bearer": WithBearerToken(redactBearer),
		"app":    WithAppCredentials(testConsumerKey, testConsumerSecret),
		"oauth1": WithOAuth1(testOAuth1),
	} {
		c := f.client(opt, WithRetryPolicy(NoRetries()))
		resp, err := c.HTTPClient().Get(other.srv.URL + "/2/users/by/username/a")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if a := other.auths(); a[len(a)-1] != "" {
			t.Errorf("%s: another host got Authorization %q", name, a[len(a)-1])
		}
		resp, err = c.HTTPClient().Get(f.srv.URL + "/2/users/by/username/a")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if a := f.auths(); a[len(a)-1] == "" {
			t.Errorf("%s: the API host got no Authorization", name)
		}
	}
	if other.appFetches.Load() != 0 || f.appFetches.Load() != 1 {
		t.Errorf("token fetches: API host %d, other host %d", f.appFetches.Load(), other.appFetches.Load())
	}
}

func TestCanonicalHost(t *testing.T) {
	for _, tc := range [][2]string{
		{"https://api.x.com/2/users", "https://API.X.COM:443/"},
		{"http://127.0.0.1:8080/a", "http://127.0.0.1:8080"},
		{"http://example.com", "http://example.com:80/x"},
	} {
		a, _ := url.Parse(tc[0])
		b, _ := url.Parse(tc[1])
		if canonicalHost(a) != canonicalHost(b) {
			t.Errorf("%s and %s differ: %s, %s", tc[0], tc[1], canonicalHost(a), canonicalHost(b))
		}
	}
	a, _ := url.Parse("https://api.x.com")
	b, _ := url.Parse("http://api.x.com")
	if canonicalHost(a) == canonicalHost(b) {
		t.Error("https and http default ports compare equal")
	}
}

// A base URL's password is echoed by no error: a base URL with user information is
// refused (credentials go in auth options), without printing the password.
func TestBaseURLPasswordIsNeverPrinted(t *testing.T) {
	const password = "URL-PASSWORD-b7e2"
	for _, opt := range []Option{
		WithBaseURL("http://user:" + password + "@127.0.0.1:1"),
		WithBaseURL("ftp://user:" + password + "@api.example.com"),
		WithBaseURL("http://user:" + password + "@api example.com/"), // does not parse
		WithBaseURL("user:" + password + "@api.example.com"),
		WithAppTokenURL("ftp://user:" + password + "@api.example.com/oauth2/token"),
	} {
		_, err := NewClient(opt, WithAppCredentials(testConsumerKey, testConsumerSecret))
		if err == nil {
			t.Fatal("a bad URL was accepted")
		}
		assertNoSecrets(t, "error", err.Error(), password)
	}
}
