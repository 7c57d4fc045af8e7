package twitter

import (
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

func TestWithStateOptions(t *testing.T) {
	cfg := &OAuth2Config{ClientID: "id", RedirectURL: "https://example.com/cb", Scopes: []Scope{ScopeTweetRead}}
	tok := &oauth2.Token{AccessToken: "a", RefreshToken: "r"}
	st := NewMemoryState()
	for _, tc := range []struct {
		name string
		opts []Option
		want string // "" for no error
	}{
		{"nil state", []Option{WithState(nil)}, "WithState: nil State"},
		{"user token without StateUser", []Option{WithState(st), WithOAuth2Token(cfg, tok)}, "needs StateUser"},
		{"StateUser without state", []Option{WithOAuth2Token(cfg, tok, StateUser("1"))}, "StateUser needs WithState"},
		{"no token and no state", []Option{WithOAuth2Token(cfg, nil)}, "no State to load one from"},
		{"empty StateUser", []Option{WithState(st), WithOAuth2Token(cfg, tok, StateUser(""))}, "StateUser: empty user"},
		{"short lease", []Option{WithState(st), WithOAuth2Token(cfg, tok, StateUser("1"), RefreshLease(1))}, "shorter than 100ms"},
		{"token source", []Option{WithState(st), WithTokenSource(oauth2.StaticTokenSource(tok))}, "cannot name the credentials"},
		{"shared user token", []Option{WithState(st), WithOAuth2Token(cfg, nil, StateUser("1"))}, ""},
		{"app", []Option{WithState(st), WithBearerToken("b")}, ""},
		{"app credentials", []Option{WithState(st), WithAppCredentials("k", "s")}, ""},
		{"OAuth 1.0a", []Option{WithState(st), WithOAuth1(OAuth1Credentials{ConsumerKey: "k", ConsumerSecret: "s", Token: "t", TokenSecret: "ts"})}, ""},
	} {
		_, err := NewClient(tc.opts...)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

// The key of a credential in a State is a hash: it never holds the secret, and differs
// per credential.
func TestStateKeysHoldNoSecret(t *testing.T) {
	const bearer, secret = "AAAAbearer-secret-value", "consumer-secret-value"
	keys := map[string]bool{}
	for _, opt := range []Option{
		WithBearerToken(bearer),
		WithBearerToken(bearer + "2"),
		WithAppCredentials("key", secret),
		WithOAuth1(OAuth1Credentials{ConsumerKey: "key", ConsumerSecret: secret, Token: "tok", TokenSecret: secret}),
		WithOAuth2Token(&OAuth2Config{ClientID: "id", ClientSecret: secret, RedirectURL: "https://example.com/cb", Scopes: []Scope{ScopeTweetRead}},
			&oauth2.Token{AccessToken: bearer}, StateUser("2244994945")),
	} {
		c, err := NewClient(WithState(NewMemoryState()), opt)
		if err != nil {
			t.Fatal(err)
		}
		key := c.windowKey(endpoint{name: "GET /2/users/{id}", idempotent: true})
		for _, s := range []string{bearer, secret, "tok"} {
			if strings.Contains(key, s) {
				t.Errorf("key %q holds a secret", key)
			}
		}
		keys[c.cfg.stateID] = true
	}
	if len(keys) != 5 {
		t.Errorf("%d distinct keys for 5 credentials", len(keys))
	}
}
