// Command oauth2-pkce signs a user in with OAuth 2.0 (authorization code with PKCE): it
// listens on a local callback address, prints the URL to open in a browser, exchanges the
// code X sends back for a token, and stores every rotated refresh token in a file.
//
//	TWITTER_CLIENT_ID=... [TWITTER_CLIENT_SECRET=...] go run ./examples/oauth2-pkce
//
// Register http://127.0.0.1:8765/callback as the app's callback URL. Without
// TWITTER_CLIENT_ID the example signs in to the fake X API, following the redirect itself.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/oauth2"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

const callbackAddr = "127.0.0.1:8765"

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "oauth2-pkce:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	cfg := &twitter.OAuth2Config{
		ClientID: os.Getenv("TWITTER_CLIENT_ID"), ClientSecret: os.Getenv("TWITTER_CLIENT_SECRET"),
		RedirectURL: "http://" + callbackAddr + "/callback",
		Scopes:      []twitter.Scope{twitter.ScopeTweetRead, twitter.ScopeUsersRead, twitter.ScopeOfflineAccess},
	}
	var clientOpts []twitter.Option
	tokenFile := "token.json"
	fake := cfg.ClientID == ""
	if fake {
		srv, err := testserver.New(testserver.WithRedirectURL(cfg.RedirectURL))
		if err != nil {
			return err
		}
		defer srv.Close()
		oc := srv.OAuth2Client()
		cfg.ClientID, cfg.ClientSecret, cfg.AuthorizeURL, cfg.TokenURL = oc.ClientID, oc.ClientSecret, oc.AuthorizeURL, oc.TokenURL
		clientOpts = append(clientOpts, twitter.WithBaseURL(srv.URL()))
		tokenFile = filepath.Join(os.TempDir(), "twitterkit-fake-token.json")
		fmt.Fprintln(os.Stderr, "(no TWITTER_CLIENT_ID: signing in to the fake X API)")
	}

	// 1. Listen for the callback before sending the user away.
	ln, err := net.Listen("tcp", callbackAddr)
	if err != nil {
		return err
	}
	codes := make(chan url.Values, 1)
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/callback" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintln(w, "Signed in; you can close this tab.")
		select {
		case codes <- r.URL.Query():
		default:
		}
	})}
	go srv.Serve(ln)
	defer srv.Close()

	// 2. Send the user to X with a fresh state and PKCE verifier.
	state := twitter.NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		return err
	}
	if fake {
		go followRedirect(ctx, authURL) // the fake approves at once; a browser would show X's page
	} else {
		fmt.Println("Open this URL in a browser and approve the app:\n\n ", authURL)
	}

	// 3. Exchange the code (ExchangeCallback checks the state) and keep the refresh token.
	var query url.Values
	select {
	case query = <-codes:
	case <-ctx.Done():
		return ctx.Err()
	}
	tok, err := cfg.ExchangeCallback(ctx, query, state, verifier)
	if errors.Is(err, twitter.ErrAccessDenied) {
		return errors.New("the user declined")
	} else if err != nil {
		return err
	}
	save := func(t *oauth2.Token) error { return saveToken(tokenFile, t) }
	if err := save(tok); err != nil {
		return err
	}
	fmt.Printf("token stored in %s (expires %s)\n", tokenFile, tok.Expiry.Format(time.RFC3339))

	// 4. A client acting as the user refreshes the token itself and hands every rotated
	// refresh token to save: X invalidates the old one.
	c, err := twitter.NewClient(append(clientOpts, twitter.WithOAuth2Token(cfg, tok,
		twitter.OnTokenRefresh(func(_ context.Context, t *oauth2.Token) error { return save(t) })))...)
	if err != nil {
		return err
	}
	me, _, err := c.Users.Me(ctx, nil)
	if err != nil {
		return err
	}
	fmt.Printf("signed in as @%s (%s)\n", me.Data.Username, me.Data.Name)
	return nil
}

// saveToken stores a token in a file only the user can read. A real program would rather
// use its secret store.
func saveToken(path string, tok *oauth2.Token) error {
	b, err := json.Marshal(tok)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o600)
}

// followRedirect plays the browser for the fake server: it opens the authorize URL and
// follows the redirect to the callback listener.
func followRedirect(ctx context.Context, authURL string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, authURL, nil)
	if err != nil {
		return
	}
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
}
