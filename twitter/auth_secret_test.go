package twitter

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

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

func TestSecretNeverPrints(t *testing.T) {
	const value = "SECRET-VALUE-5c1d"
	s := newSecret(value)
	if s.reveal() != value || (secret{}).reveal() != "" {
		t.Fatalf("reveal = %q", s.reveal())
	}
	// Held by value and by pointer, in unexported fields (reached by reflection only),
	// in containers: every verb, and both slog handlers.
	type inner struct{ s secret }
	type outer struct {
		in  inner
		ptr *inner
		any any
	}
	h, err := NewWebhookHandler(value, http.NotFoundHandler(), nil)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"secret": s, "*secret": &s, "inner": inner{s}, "outer": outer{inner{s}, &inner{s}, inner{s}},
		"[]secret": []secret{s}, "map": map[string]inner{"k": {s}}, "webhook handler in a struct": struct{ h http.Handler }{h},
	}
	for what, v := range values {
		for verb, out := range printings(v) {
			assertNoSecrets(t, what+" printed with "+verb, out, value)
		}
		assertLogsNoSecrets(t, what, v, value)
	}
	if got := fmt.Sprintf("%v|%s|%q|%#v|%d", s, s, s, s, s); got != strings.Repeat("REDACTED|", 4)+"REDACTED" {
		t.Errorf("secret prints as %s", got)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "s", s)
	if !strings.Contains(buf.String(), `"s":"REDACTED"`) {
		t.Errorf("logged as %s", buf.String())
	}
}
