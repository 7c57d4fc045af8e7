package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// The tour runs to the end against the embedded fake server and shows each step.
func TestTourAgainstTheFakeServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	noEnv := func(string) string { return "" }
	if err := run(ctx, &out, noEnv); err != nil {
		t.Fatalf("tour failed: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"running against the embedded fake X API",
		"Signed in as @jack with OAuth 2.0 + PKCE",
		"@jack (jack), id 12",
		"pinned (from includes):",
		"  page 5: 500 Tweets so far\n", // a line of its own: the output is not a terminal
		"IterOptions{MaxItems: 450} stopped it after page 5, the page that reached 450",
		"follow @alice: following=true",
		"total: ",
		"their id is in my following list: true",
		"unfollowed; still listed: false",
		"liked=true",
		"partial error: Not Found Error (resource-not-found)",
		"met a 429, waited",
		"reconnect event: cause dropped",
		`"Streaming update #4 from the fake X"  [rule: from the X dev team]`,
		"IsNotFound=true",
		"IsUnsupportedAuthentication=true",
		"errors.Is(err, ErrInvalidArgument)=true",
		"The tour is over.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// With only OAuth 1.0a user keys in the environment the tour runs in "real API" mode
// (pointed here at the fake server with TWITTER_API_URL): it finds out who it acts as,
// runs the user-context steps, and skips the steps that need an app-only token.
func TestTourWithOnlyOAuth1Keys(t *testing.T) {
	srv, err := testserver.New()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	creds := srv.OAuth1(testserver.JackID)
	env := map[string]string{
		"TWITTER_API_URL":      srv.URL(),
		"TWITTER_CONSUMER_KEY": creds.ConsumerKey, "TWITTER_CONSUMER_SECRET": creds.ConsumerSecret,
		"TWITTER_ACCESS_TOKEN": creds.Token, "TWITTER_ACCESS_SECRET": creds.TokenSecret,
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	err = run(ctx, &out, func(k string) string { return env[k] })
	got := out.String()
	// The real-API ids of the tour do not all exist in the fake world; what matters here
	// is the mode: user context found, app-only steps skipped, nothing sent as the app.
	for _, want := range []string{
		"Talking to the X API at " + srv.URL() + " (TWITTER_API_URL",
		"Acting as @jack for the user-context steps.",
		"skipped: counts need an app-only token",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q (err %v):\n%s", want, err, got)
		}
	}
}

// Pointed with TWITTER_API_URL at a fake X (as fakex prints it: its app bearer token and
// @alice's user token), the tour names the server and runs to the end.
func TestTourAgainstAnotherServer(t *testing.T) {
	srv, err := testserver.New(testserver.WithKeepAlive(50 * time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	env := map[string]string{
		"TWITTER_API_URL":           srv.URL(),
		"TWITTER_BEARER_TOKEN":      srv.AppBearerToken(),
		"TWITTER_USER_ACCESS_TOKEN": srv.UserToken(testserver.AliceID),
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, &out, func(k string) string { return env[k] }); err != nil {
		t.Fatalf("tour failed: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"Talking to the X API at " + srv.URL() + " (TWITTER_API_URL",
		"Acting as @alice for the user-context steps.",
		"follow @XDevelopers: following=true",
		"unfollowed; still listed: false",
		"liked=true",
		"no more Tweets within 3s",
		"The tour is over.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "\r") {
		t.Errorf("progress written with \\r to a non-terminal:\n%q", got)
	}
}
