package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/oauth2"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// environment is where the tour runs: the real API, or the fake one started here.
type environment struct {
	fake *testserver.Server // nil against the real API

	app     *twitter.Client // app-only bearer token (or the user client when there is none)
	appOnly bool            // app is authenticated as the app, as counts and streams need
	user    *twitter.Client // acts as userID; nil when no user context was given
	waiting *twitter.Client // app client that waits out 429s

	userID         string        // the user the user client acts as
	username       string        // whom to look up
	otherUserID    string        // whom to follow
	otherUsername  string        // their username, for the output
	tweetID        string        // what to like
	missingTweetID string        // an id that does not exist
	query          string        // a recent search with many matches
	rateLimitRoute string        // an endpoint whose limit the tour exhausts on purpose
	streamWait     time.Duration // how long to wait for Tweets on a stream the tour does not feed

	close func()
}

// rateLimitedRoute has a small limit in the fake server so the tour can show a wait.
const rateLimitedRoute = "GET /2/users/{id}"

func newEnvironment(ctx context.Context, out io.Writer, getenv func(string) string) (*environment, error) {
	if getenv("TWITTER_BEARER_TOKEN") != "" || userCredentials(getenv) != nil {
		return realEnvironment(ctx, out, getenv)
	}
	return fakeEnvironment(ctx, out)
}

// userCredentials is the user-context option the environment names, if any: an OAuth 2.0
// user token (TWITTER_USER_ACCESS_TOKEN), or OAuth 1.0a keys (TWITTER_CONSUMER_KEY,
// TWITTER_CONSUMER_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_SECRET).
func userCredentials(getenv func(string) string) twitter.Option {
	if tok := getenv("TWITTER_USER_ACCESS_TOKEN"); tok != "" {
		return twitter.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok, TokenType: "bearer"}))
	}
	creds := twitter.OAuth1Credentials{
		ConsumerKey: getenv("TWITTER_CONSUMER_KEY"), ConsumerSecret: getenv("TWITTER_CONSUMER_SECRET"),
		Token: getenv("TWITTER_ACCESS_TOKEN"), TokenSecret: getenv("TWITTER_ACCESS_SECRET"),
	}
	if creds.ConsumerKey != "" && creds.ConsumerSecret != "" && creds.Token != "" && creds.TokenSecret != "" {
		return twitter.WithOAuth1(creds)
	}
	return nil
}

// realEnvironment talks to api.x.com: as the app with TWITTER_BEARER_TOKEN, and as a user
// with the credentials userCredentials finds. Steps that need what is missing say so and
// are skipped.
func realEnvironment(ctx context.Context, out io.Writer, getenv func(string) string) (*environment, error) {
	env := &environment{
		username: "XDevelopers", missingTweetID: "1", query: "golang -is:retweet",
		rateLimitRoute: rateLimitedRoute, streamWait: 30 * time.Second, close: func() {},
	}
	var base []twitter.Option // TWITTER_API_URL points the tour at another server, such as fakex
	if u := getenv("TWITTER_API_URL"); u != "" {
		base = append(base, twitter.WithBaseURL(u))
		// A server that is not X may never send a Tweet on the stream: wait less.
		env.streamWait = 3 * time.Second
		fmt.Fprintf(out, "Talking to the X API at %s (TWITTER_API_URL; credentials found in the environment).\n", u)
	} else {
		fmt.Fprintf(out, "Talking to the real X API at %s (credentials found in the environment).\n", twitter.DefaultBaseURL)
	}
	var err error
	if auth := userCredentials(getenv); auth != nil {
		if env.user, err = twitter.NewClient(append(base, auth)...); err != nil {
			return nil, err
		}
		me, _, err := env.user.Users.Me(ctx, nil)
		if err != nil {
			return nil, fmt.Errorf("who am I: %w", err)
		}
		env.userID = me.Data.ID
		fmt.Fprintf(out, "Acting as @%s for the user-context steps.\n", me.Data.Username)
	}
	if bearer := getenv("TWITTER_BEARER_TOKEN"); bearer != "" {
		if env.app, err = twitter.NewClient(append(base, twitter.WithBearerToken(bearer))...); err != nil {
			return nil, err
		}
		env.appOnly = true
	} else {
		env.app = env.user // reads work in user context too; app-only steps are skipped
	}
	// Whom to follow and what to like are looked up, not hard-coded, so the tour runs on
	// any server that has @XDevelopers and its Tweets (X, or fakex).
	other, _, err := env.app.Users.ByUsername(ctx, env.username, nil)
	if err != nil {
		return nil, fmt.Errorf("looking up @%s: %w", env.username, err)
	}
	env.otherUserID, env.otherUsername = other.Data.ID, other.Data.Username
	timeline, _, err := env.app.Tweets.UserTimeline(ctx, other.Data.ID, &twitter.TimelineOptions{PageOptions: twitter.PageOptions{MaxResults: 5}})
	if err != nil || len(timeline.Data) == 0 {
		return nil, fmt.Errorf("a Tweet of @%s to like: %v", env.username, err)
	}
	env.tweetID = timeline.Data[0].ID
	return env, nil
}

// fakeEnvironment starts the fake X API in this process and signs a user in with the
// OAuth 2.0 PKCE flow against it, as a real app would against x.com.
func fakeEnvironment(ctx context.Context, out io.Writer) (*environment, error) {
	srv, err := testserver.New(
		testserver.WithRateLimit(rateLimitedRoute, 2, 2*time.Second),
		testserver.WithKeepAlive(200*time.Millisecond),
	)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "No X credentials in the environment: running against the embedded fake X API at %s.\n", srv.URL())
	env := &environment{
		fake: srv, userID: testserver.JackID, username: "jack", otherUserID: testserver.AliceID,
		tweetID: testserver.MediaTweetID, missingTweetID: testserver.NonexistentID,
		query: testserver.SearchThousandQuery + " -is:retweet", rateLimitRoute: rateLimitedRoute,
		streamWait: 30 * time.Second, close: srv.Close,
	}
	if alice, ok := srv.World().User(testserver.AliceID); ok {
		env.otherUsername = alice.Username
	}
	base := twitter.WithBaseURL(srv.URL())
	if env.app, err = twitter.NewClient(base, twitter.WithBearerToken(srv.AppBearerToken())); err != nil {
		return nil, errors.Join(err, closeWith(srv))
	}
	if env.waiting, err = twitter.NewClient(base, twitter.WithBearerToken(srv.AppBearerToken()), twitter.WithRateLimitWait(time.Minute)); err != nil {
		return nil, errors.Join(err, closeWith(srv))
	}
	if env.user, err = signIn(ctx, out, srv); err != nil {
		return nil, errors.Join(err, closeWith(srv))
	}
	return env, nil
}

func closeWith(srv *testserver.Server) error { srv.Close(); return nil }

// signIn runs the OAuth 2.0 authorization code flow with PKCE against the fake server,
// whose authorize page approves at once, and returns a client acting as that user.
func signIn(ctx context.Context, out io.Writer, srv *testserver.Server) (*twitter.Client, error) {
	oc := srv.OAuth2Client()
	cfg := &twitter.OAuth2Config{
		ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL,
		Scopes: []twitter.Scope{twitter.ScopeTweetRead, twitter.ScopeUsersRead, twitter.ScopeFollowsRead,
			twitter.ScopeFollowsWrite, twitter.ScopeLikeRead, twitter.ScopeLikeWrite, twitter.ScopeOfflineAccess},
	}
	state := twitter.NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		return nil, err
	}
	// A browser would show X's consent page; the fake approves and redirects at once.
	noRedirects := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, authURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	callback, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || resp.StatusCode != http.StatusFound {
		return nil, fmt.Errorf("authorize: status %d, location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	tok, err := cfg.ExchangeCallback(ctx, callback.Query(), state, verifier)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "Signed in as @jack with OAuth 2.0 + PKCE (token expires %s, refresh token kept).\n", tok.Expiry.Format(time.Kitchen))
	return twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithOAuth2Token(cfg, tok,
		twitter.OnTokenRefresh(func(context.Context, *oauth2.Token) error {
			fmt.Fprintln(out, "  (token refreshed; a real app stores the rotated refresh token here)")
			return nil
		})))
}
