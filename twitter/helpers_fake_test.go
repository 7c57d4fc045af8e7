package twitter_test

import (
	"net/http"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
	"go.uber.org/goleak"
	"golang.org/x/oauth2"
)

// fake starts the fake X API for one test. The server checks every request the client
// sends and every response it gives against openapi/twitter-v2.yaml; a violation fails
// the test. When the test ends, no goroutine it started may be left.
func fake(t *testing.T, opts ...testserver.Option) *testserver.Server {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) }) // runs last: after the server closes
	return testserver.Start(t, opts...)
}

// clientWith returns a client of s authenticating with auth, on its own transport, that
// does not retry (so a failure is seen as the server gave it).
func clientWith(t *testing.T, s *testserver.Server, auth twitter.Option) *twitter.Client {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := twitter.NewClient(
		twitter.WithBaseURL(s.URL()),
		auth,
		twitter.WithHTTPClient(&http.Client{Transport: tr}),
		twitter.WithRetryPolicy(twitter.NoRetries()),
	)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// appClient authenticates as the app (app-only bearer token).
func appClient(t *testing.T, s *testserver.Server) *twitter.Client {
	return clientWith(t, s, twitter.WithBearerToken(s.AppBearerToken()))
}

// userClient authenticates as userID with an OAuth 2.0 user access token (every scope
// when none is given).
func userClient(t *testing.T, s *testserver.Server, userID string, scopes ...string) *twitter.Client {
	tok := &oauth2.Token{AccessToken: s.UserToken(userID, scopes...), TokenType: "bearer"}
	return clientWith(t, s, twitter.WithTokenSource(oauth2.StaticTokenSource(tok)))
}

// oauth1Client authenticates as userID with OAuth 1.0a signed requests.
func oauth1Client(t *testing.T, s *testserver.Server, userID string) *twitter.Client {
	c := s.OAuth1(userID)
	return clientWith(t, s, twitter.WithOAuth1(twitter.OAuth1Credentials{
		ConsumerKey: c.ConsumerKey, ConsumerSecret: c.ConsumerSecret, Token: c.Token, TokenSecret: c.TokenSecret,
	}))
}

// wantError checks that err is a *twitter.Error with the given status and problem kind
// ("" for any), and returns it.
func wantError(t *testing.T, err error, status int, kind string) *twitter.Error {
	t.Helper()
	e, ok := err.(*twitter.Error)
	if !ok {
		t.Fatalf("err = %v (%T), want *twitter.Error", err, err)
	}
	if e.StatusCode != status || (kind != "" && !e.HasProblem(kind)) {
		t.Fatalf("err = %v (status %d, type %q), want status %d with a %q problem", err, e.StatusCode, e.Type, status, kind)
	}
	return e
}

// wantUnsupportedAuth checks the 403 X gives an app-only token on a user-context
// endpoint, or a user token on an app-only one.
func wantUnsupportedAuth(t *testing.T, err error) {
	t.Helper()
	wantError(t, err, http.StatusForbidden, twitter.ProblemUnsupportedAuthentication)
	if !twitter.IsUnsupportedAuthentication(err) || !twitter.IsForbidden(err) {
		t.Errorf("predicates disagree for %v", err)
	}
}

func userIDs(us []gen.User) []string {
	if us == nil {
		return nil
	}
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	return ids
}

func tweetIDs(ts []gen.Tweet) []string {
	if ts == nil {
		return nil
	}
	ids := make([]string, len(ts))
	for i, tw := range ts {
		ids[i] = tw.ID
	}
	return ids
}
