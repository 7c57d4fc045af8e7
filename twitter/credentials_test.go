package twitter

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/twitterkit/go/openapi"
	"golang.org/x/oauth2"
)

func TestNewClientRefusesCredentialsThatCannotWork(t *testing.T) {
	const secret = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F"
	o1 := OAuth1Credentials{ConsumerKey: "ck-value", ConsumerSecret: "cs-value", Token: "tok-value", TokenSecret: "ts-value"}
	withO1 := func(f func(*OAuth1Credentials)) OAuth1Credentials { c := o1; f(&c); return c }
	cfg := &OAuth2Config{ClientID: "client", RedirectURL: "https://example.com/cb", Scopes: []Scope{ScopeTweetRead}}
	for _, tc := range []struct {
		name string
		opts []Option
		want string
	}{
		{"empty bearer token", []Option{WithBearerToken("")}, "twitter: WithBearerToken: empty token"},
		{"blank bearer token", []Option{WithBearerToken(" \t ")}, "twitter: WithBearerToken: token is only white space"},
		{"trailing newline from a file", []Option{WithBearerToken(secret + "\n")},
			"twitter: WithBearerToken: token has a control character U+000A at byte 116 of 117 (a line end read from a file? trim it)"},
		{"carriage return", []Option{WithBearerToken(secret + "\r\n")},
			"twitter: WithBearerToken: token has a control character U+000D at byte 116 of 118 (a line end read from a file? trim it)"},
		{"NUL inside", []Option{WithBearerToken("abc\x00def")}, "twitter: WithBearerToken: token has a control character U+0000 at byte 3 of 7"},
		{"leading space", []Option{WithBearerToken(" " + secret)}, "twitter: WithBearerToken: token has white space around it; trim it"},
		{"app key blank", []Option{WithAppCredentials("  ", "s")}, "twitter: WithAppCredentials: consumer key is only white space"},
		{"app secret with newline", []Option{WithAppCredentials("key", "secret\n")},
			"twitter: WithAppCredentials: consumer secret has a control character U+000A at byte 6 of 7 (a line end read from a file? trim it)"},
		{"OAuth 1.0a token missing", []Option{WithOAuth1(withO1(func(c *OAuth1Credentials) { c.Token = "" }))}, "twitter: WithOAuth1: empty Token"},
		{"OAuth 1.0a secret with tab", []Option{WithOAuth1(withO1(func(c *OAuth1Credentials) { c.TokenSecret = "ts\tvalue" }))},
			"twitter: WithOAuth1: TokenSecret has a control character U+0009 at byte 2 of 8"},
		{"OAuth 2.0 access token with newline", []Option{WithOAuth2Token(cfg, &oauth2.Token{AccessToken: "at\n"})},
			"twitter: WithOAuth2Token: AccessToken has a control character U+000A at byte 2 of 3 (a line end read from a file? trim it)"},
		{"OAuth 2.0 blank token", []Option{WithOAuth2Token(cfg, &oauth2.Token{AccessToken: " "})},
			"twitter: WithOAuth2Token: the token has neither an access token nor a refresh token"},
		{"bearer and OAuth 1.0a", []Option{WithBearerToken(secret), WithOAuth1(o1)},
			"twitter: WithOAuth1: the client already has credentials from WithBearerToken (app-only bearer token); give one auth option"},
		{"OAuth 1.0a and app credentials", []Option{WithOAuth1(o1), WithAppCredentials("k", "s")},
			"twitter: WithAppCredentials: the client already has credentials from WithOAuth1 (OAuth 1.0a user context); give one auth option"},
		{"the same option twice", []Option{WithBearerToken("a"), WithBearerToken("b")},
			"twitter: WithBearerToken: the client already has credentials from WithBearerToken (app-only bearer token); give one auth option"},
		{"token source after a token", []Option{WithOAuth2Token(cfg, &oauth2.Token{AccessToken: "at"}), WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "x"}))},
			"twitter: WithTokenSource: the client already has credentials from WithOAuth2Token (OAuth 2.0 user context); give one auth option"},
		{"base URL with /2", []Option{WithBaseURL("http://127.0.0.1:8080/2/")},
			`twitter: WithBaseURL: "http://127.0.0.1:8080/2/" ends in the API version /2, which every path already starts with; give "http://127.0.0.1:8080"`},
		{"base URL under a prefix with /2", []Option{WithBaseURL("https://proxy.example/x/2")},
			`twitter: WithBaseURL: "https://proxy.example/x/2" ends in the API version /2, which every path already starts with; give "https://proxy.example/x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClient(tc.opts...)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("NewClient: %v\nwant %s", err, tc.want)
			}
			if c != nil {
				t.Error("a client as well as an error")
			}
			if second := strings.Contains(tc.want, "give one auth option"); errors.Is(err, ErrSecondAuthOption) != second {
				t.Errorf("errors.Is(err, ErrSecondAuthOption) = %v, want %v", !second, second)
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "value") {
				t.Errorf("the error shows a credential: %v", err)
			}
		})
	}
	for _, ok := range []string{"http://127.0.0.1:8080", "https://api.x.com/", "https://proxy.example/20", "https://proxy.example/v2"} {
		if _, err := NewClient(WithBaseURL(ok)); err != nil {
			t.Errorf("WithBaseURL(%q): %v", ok, err)
		}
	}
}

// TestClientWithoutCredentials: NewClient() is valid and can fetch the document, which
// needs no credentials; a call that needs them fails before anything is sent.
func TestClientWithoutCredentials(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.Header.Get("Authorization") != "" {
			t.Errorf("%s sent credentials", r.URL.Path)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"openapi":"3.0.0"}`))
	}))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, _, err := c.OpenAPIDocument(ctx); err != nil || requests.Load() != 1 {
		t.Fatalf("OpenAPIDocument: %v (%d requests)", err, requests.Load())
	}
	_, _, err = c.Users.ByID(ctx, "12", nil)
	const want = "twitter: GET /2/users/{id}: no credentials configured: give NewClient one of WithBearerToken, WithAppCredentials, WithOAuth2Token, WithTokenSource or WithOAuth1"
	if !errors.Is(err, ErrNoCredentials) || err.Error() != want {
		t.Errorf("Users.ByID: %v\nwant %s", err, want)
	}
	if _, err := c.Stream.Filtered(ctx, nil); !errors.Is(err, ErrNoCredentials) {
		t.Errorf("Stream.Filtered: %v, want ErrNoCredentials", err)
	}
	for _, err := range c.Users.FollowersIter(ctx, "12", nil, nil) {
		if !errors.Is(err, ErrNoCredentials) {
			t.Errorf("FollowersIter: %v, want ErrNoCredentials", err)
		}
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("%d requests sent, want only the document's", n)
	}
}

// TestPublicOperationsAreTheDocumentsUnsecuredOperations holds the public fact of every
// operation to the API document: exactly the operations whose security is empty need no
// credentials.
func TestPublicOperationsAreTheDocumentsUnsecuredOperations(t *testing.T) {
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	unsecured := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			sec := op.Security
			if sec == nil {
				sec = &doc.Security
			}
			if len(*sec) == 0 {
				unsecured[method+" "+path] = true
			}
		}
	}
	public := 0
	for _, op := range operations {
		if op.public != unsecured[op.name] {
			t.Errorf("%s: public %v, but the document's security is empty: %v", op.name, op.public, unsecured[op.name])
		}
		if op.public {
			public++
		}
	}
	if len(unsecured) == 0 || public != len(unsecured) {
		t.Errorf("the document has %d unsecured operations %v; %d operations are public", len(unsecured), unsecured, public)
	}
}
