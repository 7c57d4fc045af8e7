package twitter_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"sync"

	"golang.org/x/oauth2"

	"github.com/twitterkit/go/twitter"
)

// tokenStore stands for the program's database of users' tokens.
type tokenStore struct {
	mu   sync.Mutex
	toks map[string]*oauth2.Token
}

func (s *tokenStore) Save(_ context.Context, userID string, tok *oauth2.Token) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.toks[userID] = tok
	return nil
}

// A web app signs users in with OAuth 2.0 (authorization code with PKCE) and then acts
// as them.
func ExampleOAuth2Config() {
	cfg := &twitter.OAuth2Config{
		ClientID:     os.Getenv("X_CLIENT_ID"),
		ClientSecret: os.Getenv("X_CLIENT_SECRET"), // empty for a public client
		RedirectURL:  "https://example.com/callback",
		Scopes:       []twitter.Scope{twitter.ScopeTweetRead, twitter.ScopeUsersRead, twitter.ScopeFollowsWrite, twitter.ScopeOfflineAccess},
	}
	store := &tokenStore{toks: map[string]*oauth2.Token{}}
	var pending sync.Map // state -> verifier; a real app keeps it in the user's session

	http.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		state := twitter.NewState()
		authURL, verifier, err := cfg.AuthCodeURL(state)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		pending.Store(state, verifier)
		http.Redirect(w, r, authURL, http.StatusFound)
	})

	http.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		state := r.URL.Query().Get("state")
		verifier, ok := pending.LoadAndDelete(state)
		if !ok {
			http.Error(w, "unknown login", http.StatusBadRequest)
			return
		}
		tok, err := cfg.ExchangeCallback(r.Context(), r.URL.Query(), state, verifier.(string))
		if errors.Is(err, twitter.ErrAccessDenied) {
			http.Error(w, "you declined", http.StatusForbidden)
			return
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		userID := "the user's id" // from c.Users.Me, for example
		if err := store.Save(r.Context(), userID, tok); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}

		// Act as the user. Every rotated token is saved before it is used.
		c, err := twitter.NewClient(twitter.WithOAuth2Token(cfg, tok,
			twitter.OnTokenRefresh(func(ctx context.Context, tok *oauth2.Token) error {
				return store.Save(ctx, userID, tok)
			})))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, _, err = c.Users.ByUsername(r.Context(), "XDevelopers", nil)
		if twitter.IsReauthorizationRequired(err) {
			http.Redirect(w, r, "/login", http.StatusFound) // the grant was revoked
			return
		}
	})
}
