package twitter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// answerToken answers every request with a token.
func answerToken(w http.ResponseWriter, _ *http.Request) {
	writeJSONStatus(w, http.StatusOK, map[string]any{"access_token": "OTHER-HOSTS-TOKEN", "token_type": "bearer", "expires_in": 7200, "refresh_token": "OTHER-REFRESH"})
}

// Token requests (the app's bearer fetch with its key and secret, a refresh, a code
// exchange) do not follow a redirect to another origin: here the same host on another
// port, where net/http would keep the Basic credentials and, for a 307, send the refresh
// token or the code again. The request fails with a *TokenError that is not retried.
func TestTokenRequestsDoNotFollowRedirectsToAnotherOrigin(t *testing.T) {
	ctx := context.Background()
	for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			other := newCredentialSink(t, answerToken)
			api := newCredentialSink(t, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.srv.URL+r.URL.Path, status)
			})
			hc := &http.Client{Transport: &http.Transport{}}
			t.Cleanup(hc.CloseIdleConnections)
			cfg := &OAuth2Config{ClientID: testClientID, ClientSecret: testClientSecret, RedirectURL: "https://example.com/cb",
				Scopes: []Scope{ScopeTweetRead, ScopeOfflineAccess}, TokenURL: api.srv.URL + "/2/oauth2/token", HTTPClient: hc}
			expired := &oauth2.Token{AccessToken: redactAccessToken, RefreshToken: redactRefreshToken, Expiry: time.Now().Add(-time.Hour)}
			client := func(auth Option) func() error {
				return func() error {
					c, err := NewClient(WithBaseURL(api.srv.URL), auth, WithHTTPClient(hc))
					if err != nil {
						return err
					}
					_, resp, err := c.Users.ByUsername(ctx, "a", nil)
					if resp != nil && resp.Attempts != 1 {
						t.Errorf("sent %d times: retried", resp.Attempts)
					}
					return err
				}
			}
			for name, grant := range map[string]func() error{
				"app bearer fetch":    client(WithAppCredentials(testConsumerKey, testConsumerSecret)),
				"refresh by a Client": client(WithOAuth2Token(cfg, expired)),
				"OAuth2Config.Refresh": func() error {
					_, err := cfg.Refresh(ctx, redactRefreshToken)
					return err
				},
				"OAuth2Config.Exchange": func() error {
					_, err := cfg.Exchange(ctx, "AUTH-CODE-SECRET-3e9a", strings.Repeat("v", 43))
					return err
				},
			} {
				err := grant()
				var te *TokenError
				if !errors.As(err, &te) || te.StatusCode != status || !strings.Contains(err.Error(), "another origin, "+origin(mustParse(t, other.srv.URL))) || te.temporary() {
					t.Errorf("%s: err = %v, want a permanent *TokenError for the redirect", name, err)
				}
				assertNoSecrets(t, name+" error", fmt.Sprint(err), append(allSecrets, "AUTH-CODE-SECRET-3e9a")...)
			}
			if got := other.requests(); len(got) != 0 {
				t.Errorf("the other origin was sent %+v", got)
			}
			if n := len(api.requests()); n != 4 {
				t.Errorf("%d token requests, want 4", n)
			}
		})
	}
}

// A redirect within the token endpoint's origin is followed.
func TestTokenRequestsFollowRedirectsWithinTheOrigin(t *testing.T) {
	api := newCredentialSink(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/oauth2/token":
			http.Redirect(w, r, "/oauth2/token-moved", http.StatusTemporaryRedirect)
		case "/oauth2/token-moved":
			answerToken(w, r)
		default:
			if r.Header.Get("Authorization") != "Bearer OTHER-HOSTS-TOKEN" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			fmt.Fprint(w, okUser)
		}
	})
	hc := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(hc.CloseIdleConnections)
	c, err := NewClient(WithBaseURL(api.srv.URL), WithAppCredentials(testConsumerKey, testConsumerSecret), WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	got := api.requests()
	if len(got) != 3 || got[1].path != "/oauth2/token-moved" || got[1].auth == "" || !strings.Contains(got[1].body, "grant_type=client_credentials") {
		t.Errorf("requests %+v", got)
	}
}
