package twittertest_test

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
	"golang.org/x/oauth2"
)

func TestWithAddr(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := twittertest.Start(t, twittertest.WithAddr(addr))
	if srv.URL() != "http://"+addr {
		t.Fatalf("URL %s, want http://%s", srv.URL(), addr)
	}
	if _, _, err := twittertest.NewClient(t, srv).Users.ByID(context.Background(), twittertest.JackID, nil); err != nil {
		t.Error(err)
	}
}

// authorizeCode runs the authorize step of the OAuth 2.0 flow and returns the redirect it
// ends at.
func authorizeCode(t *testing.T, authURL string) *url.URL {
	t.Helper()
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := hc.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, err := res.Location()
	if err != nil {
		t.Fatalf("authorize: %s, %v", res.Status, err)
	}
	return loc
}

// WithRedirectURL and WithTokenLifetime shape the OAuth 2.0 flow; on a ManualClock the
// token dies when its lifetime is over.
func TestWithTokenLifetimeAndRedirectURL(t *testing.T) {
	clock := twittertest.NewManualClock(time.Time{})
	const redirect = "http://127.0.0.1:9/done"
	srv := twittertest.Start(t, twittertest.WithClock(clock), twittertest.WithTokenLifetime(10*time.Minute),
		twittertest.WithRedirectURL(redirect), twittertest.WithAuthorizingUser(twittertest.BobID))
	oc := srv.OAuth2Client()
	if oc.RedirectURL != redirect {
		t.Errorf("RedirectURL %s", oc.RedirectURL)
	}
	cfg := &twitter.OAuth2Config{ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes: []twitter.Scope{twitter.ScopeTweetRead, twitter.ScopeUsersRead}, AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL}
	state := twitter.NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		t.Fatal(err)
	}
	loc := authorizeCode(t, authURL)
	if !strings.HasPrefix(loc.String(), redirect+"?") {
		t.Fatalf("redirected to %s, want %s", loc, redirect)
	}
	ctx := context.Background()
	tok, err := cfg.ExchangeCallback(ctx, loc.Query(), state, verifier)
	if err != nil {
		t.Fatal(err)
	}
	if tok.ExpiresIn != 600 {
		t.Errorf("expires_in %d, want 600", tok.ExpiresIn)
	}
	c := twittertest.NewClient(t, srv, twitter.WithTokenSource(oauth2.StaticTokenSource(tok)), twitter.WithRetryPolicy(twitter.NoRetries()))
	if me, _, err := c.Users.Me(ctx, nil); err != nil || me.Data.ID != twittertest.BobID {
		t.Fatalf("Me = %+v, %v", me, err)
	}
	clock.Advance(10*time.Minute + time.Second)
	if _, _, err := c.Users.Me(ctx, nil); !twitter.IsUnauthorized(err) {
		t.Errorf("after its lifetime: %v, want a 401", err)
	}
}

// A mutated response reaches the client; one the mutator breaks is sent unchecked under
// WithoutResponseValidation.
func TestWithResponseMutator(t *testing.T) {
	srv := twittertest.Start(t, twittertest.WithResponseMutator(func(op string, status int, body []byte) []byte {
		if op == "lookupUser" && status == http.StatusOK {
			return []byte(strings.Replace(string(body), `"username":"jack"`, `"username":"jack_mutated"`, 1))
		}
		return body
	}))
	c := twittertest.NewClient(t, srv)
	ctx := context.Background()
	res, _, err := c.Users.ByID(ctx, twittertest.JackID, nil)
	if err != nil || res.Data.Username != "jack_mutated" {
		t.Fatalf("ByID = %+v, %v", res, err)
	}
	if _, _, err := c.Users.ByUsername(ctx, "jack", nil); err != nil {
		t.Errorf("another operation: %v", err)
	}

	broken := twittertest.Start(t, twittertest.WithoutResponseValidation(), twittertest.WithResponseMutator(func(op string, status int, body []byte) []byte {
		return []byte(`{"data":{"id":`)
	}))
	_, _, err = twittertest.NewClient(t, broken, twitter.WithRetryPolicy(twitter.NoRetries())).Users.ByID(ctx, twittertest.JackID, nil)
	if err == nil {
		t.Error("a truncated body decoded")
	}
	if v := broken.Violations(); len(v) != 0 {
		t.Errorf("violations without response validation: %+v", v)
	}
}

func TestWithMaxStreamConnections(t *testing.T) {
	srv := twittertest.Start(t, twittertest.WithMaxStreamConnections(1), twittertest.WithKeepAlive(time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := twittertest.NewClient(t, srv).Stream.Sample(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := srv.WaitStreamConnections(ctx, "streamSample", 1); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL()+"/2/tweets/sample/stream", nil)
	req.Header.Set("Authorization", "Bearer "+srv.AppBearerToken())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("a second connection: %s, want 429", res.Status)
	}
}

func TestWithoutSeedRules(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		opts []twittertest.Option
		want int
	}{{nil, 1}, {[]twittertest.Option{twittertest.WithoutSeedRules()}, 0}} {
		srv := twittertest.Start(t, tc.opts...)
		res, _, err := twittertest.NewClient(t, srv).Rules.List(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Data) != tc.want || len(srv.World().Rules()) != tc.want {
			t.Errorf("options %d: listed %d rules, the world has %d; want %d", len(tc.opts), len(res.Data), len(srv.World().Rules()), tc.want)
		}
	}
}

func TestWithComplianceTimes(t *testing.T) {
	clock := twittertest.NewManualClock(time.Time{})
	srv := twittertest.Start(t, twittertest.WithClock(clock), twittertest.WithComplianceTimes(time.Second, 3*time.Second))
	c := twittertest.NewClient(t, srv)
	ctx := context.Background()
	job, _, err := c.Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{Type: "tweets", Name: "quick"})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		wait time.Duration
		want string
	}{{0, "created"}, {time.Second, "in_progress"}, {2 * time.Second, "complete"}} {
		clock.Advance(step.wait)
		got, _, err := c.Compliance.Job(ctx, job.Data.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		jobs := srv.World().ComplianceJobs()
		if string(got.Data.Status) != step.want || jobs[len(jobs)-1].Status != step.want {
			t.Errorf("after %v more: the client sees %s, the world %s; want %s", step.wait, got.Data.Status, jobs[len(jobs)-1].Status, step.want)
		}
	}
}
