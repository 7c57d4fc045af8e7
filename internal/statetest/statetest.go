// Package statetest checks an implementation of twitter.State: the semantics of its
// windows, tokens and leases, and several Clients sharing it against the fake X API
// (one window never overrun, one refresh per expiry, a dead lease holder outlived).
// twitter.MemoryState and the redisstate module's State run the same tests.
package statetest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// NewState returns an empty State for one test.
type NewState func(t *testing.T) twitter.State

// Run runs every test of the package on States made by newState.
func Run(t *testing.T, newState NewState) {
	t.Run("Windows", func(t *testing.T) { Windows(t, newState(t)) })
	t.Run("Quotas", func(t *testing.T) { Quotas(t, newState(t)) })
	t.Run("WindowsConcurrent", func(t *testing.T) { WindowsConcurrent(t, newState(t)) })
	t.Run("Tokens", func(t *testing.T) { Tokens(t, newState(t)) })
	t.Run("Leases", func(t *testing.T) { Leases(t, newState(t)) })
	t.Run("ClientsShareWindow", func(t *testing.T) { ClientsShareWindow(t, newState(t)) })
	t.Run("ClientsWaitForReset", func(t *testing.T) { ClientsWaitForReset(t, newState(t)) })
	t.Run("ClientsRefreshOnce", func(t *testing.T) { ClientsRefreshOnce(t, newState(t)) })
	t.Run("DeadLeaseHolder", func(t *testing.T) { DeadLeaseHolder(t, newState(t)) })
	t.Run("SetStateToken", func(t *testing.T) { SetStateToken(t, newState(t)) })
	t.Run("ReauthorizedClientGoesOn", func(t *testing.T) { ReauthorizedClientGoesOn(t, newState(t)) })
}

var ctx = context.Background()

func reserve(t *testing.T, s twitter.State, key string, now time.Time) twitter.Reservation {
	t.Helper()
	r, err := s.Reserve(ctx, key, now)
	if err != nil {
		t.Fatalf("Reserve: %v", err)
	}
	return r
}

func record(t *testing.T, s twitter.State, key string, now time.Time, rl twitter.RateLimit) {
	t.Helper()
	if err := s.Record(ctx, key, now, rl); err != nil {
		t.Fatalf("Record: %v", err)
	}
}

// Windows checks the 15-minute window: unknown keys granted, reservations counted down,
// the smaller remaining kept within a window, stale and older windows ignored, a passed
// window started over.
func Windows(t *testing.T, s twitter.State) {
	now := time.Unix(1_800_000_000, 0)
	reset := now.Add(time.Minute)
	if r := reserve(t, s, "k", now); !r.Granted {
		t.Fatalf("unknown window not granted: %+v", r)
	}
	record(t, s, "k", now, twitter.RateLimit{Limit: 3, Remaining: 2, Reset: reset})
	for i := range 2 {
		if r := reserve(t, s, "k", now); !r.Granted || r.Window.Remaining != 1-i {
			t.Fatalf("reservation %d: %+v", i+1, r)
		}
	}
	r := reserve(t, s, "k", now)
	if r.Granted || r.Window.Remaining != 0 || r.Window.Limit != 3 || !r.Window.Reset.Equal(reset) {
		t.Fatalf("spent window: %+v", r)
	}
	// A response of the same window that was served before our reservations: kept at 0.
	record(t, s, "k", now, twitter.RateLimit{Limit: 3, Remaining: 1, Reset: reset})
	if r := reserve(t, s, "k", now); r.Granted {
		t.Fatalf("a larger remaining of the same window raised it: %+v", r)
	}
	// Other keys are apart.
	if r := reserve(t, s, "other", now); !r.Granted {
		t.Fatalf("another key: %+v", r)
	}
	// A window already over by now, or older than the stored one, is ignored.
	record(t, s, "k", now, twitter.RateLimit{Limit: 3, Remaining: 3, Reset: now})
	record(t, s, "k", now, twitter.RateLimit{Limit: 3, Remaining: 3, Reset: reset.Add(-time.Second)})
	if r := reserve(t, s, "k", now); r.Granted {
		t.Fatalf("a stale window was taken: %+v", r)
	}
	// Past the reset, the window starts over with its limit, reset unknown.
	later := reset
	if r := reserve(t, s, "k", later); !r.Granted || r.Window.Remaining != 2 || !r.Window.Reset.IsZero() {
		t.Fatalf("after the reset: %+v", r)
	}
	// Its first response: the smaller of our count (2) and the reported (2 of a new limit).
	reset2 := later.Add(time.Minute)
	record(t, s, "k", later, twitter.RateLimit{Limit: 5, Remaining: 4, Reset: reset2})
	if r := reserve(t, s, "k", later); !r.Granted || r.Window.Remaining != 1 || r.Window.Limit != 5 || !r.Window.Reset.Equal(reset2) {
		t.Fatalf("the new window: %+v", r)
	}
	// A later window than the stored one replaces it.
	reset3 := reset2.Add(time.Minute)
	record(t, s, "k", later, twitter.RateLimit{Limit: 5, Remaining: 5, Reset: reset3})
	if r := reserve(t, s, "k", later); !r.Granted || r.Window.Remaining != 4 || !r.Window.Reset.Equal(reset3) {
		t.Fatalf("a later window: %+v", r)
	}
}

// Quotas checks the 24-hour quotas: a spent one holds requests back while the 15-minute
// window has room, and reservations count it down.
func Quotas(t *testing.T, s twitter.State) {
	now := time.Unix(1_800_000_000, 0)
	day := now.Add(24 * time.Hour)
	record(t, s, "q", now, twitter.RateLimit{Limit: 100, Remaining: 100, Reset: now.Add(15 * time.Minute),
		App24Hour: &twitter.Quota{Limit: 50, Remaining: 2, Reset: day}, User24Hour: &twitter.Quota{Limit: 10, Remaining: 5, Reset: day}})
	r := reserve(t, s, "q", now)
	if !r.Granted || r.Window.Remaining != 99 || r.Window.App24Hour == nil || r.Window.App24Hour.Remaining != 1 ||
		r.Window.User24Hour == nil || r.Window.User24Hour.Remaining != 4 || !r.Window.App24Hour.Reset.Equal(day) {
		t.Fatalf("first reservation: %+v", r)
	}
	reserve(t, s, "q", now)
	r = reserve(t, s, "q", now)
	if r.Granted || r.Window.App24Hour.Remaining != 0 || r.Window.Remaining != 98 {
		t.Fatalf("spent app quota: %+v (app %+v)", r, r.Window.App24Hour)
	}
	// A response without the quota headers leaves the quota alone.
	record(t, s, "q", now, twitter.RateLimit{Limit: 100, Remaining: 90, Reset: now.Add(15 * time.Minute)})
	if r := reserve(t, s, "q", now); r.Granted || r.Window.Remaining != 90 {
		t.Fatalf("after a response without quotas: %+v", r)
	}
}

// WindowsConcurrent checks that reservations are atomic: of many at once on a window of
// n, exactly n are granted.
func WindowsConcurrent(t *testing.T, s twitter.State) {
	now := time.Unix(1_800_000_000, 0)
	const n, workers, each = 40, 8, 10
	record(t, s, "c", now, twitter.RateLimit{Limit: n, Remaining: n, Reset: now.Add(time.Minute)})
	var granted atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Go(func() {
			for range each {
				r, err := s.Reserve(ctx, "c", now)
				if err != nil {
					errs <- err
					return
				}
				if r.Granted {
					granted.Add(1)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := granted.Load(); got != n {
		t.Fatalf("%d of %d reservations granted on a window of %d", got, workers*each, n)
	}
}

// Tokens checks the token record: versions, compare-and-store, every field kept.
func Tokens(t *testing.T, s twitter.State) {
	if tok, v, err := s.LoadToken(ctx, "u"); err != nil || tok != nil || v != 0 {
		t.Fatalf("empty: %v %d %v", tok, v, err)
	}
	expiry := time.Unix(1_800_000_000, 123_000_000)
	first := &oauth2.Token{AccessToken: "access-1", RefreshToken: "refresh-1", TokenType: "bearer", Expiry: expiry}
	if ok, err := s.StoreToken(ctx, "u", 0, first); err != nil || !ok {
		t.Fatalf("first store: %v %v", ok, err)
	}
	if ok, err := s.StoreToken(ctx, "u", 0, &oauth2.Token{AccessToken: "other"}); err != nil || ok {
		t.Fatalf("a second first store: %v %v", ok, err)
	}
	tok, v1, err := s.LoadToken(ctx, "u")
	if err != nil || tok == nil || v1 == 0 {
		t.Fatalf("load: %v %d %v", tok, v1, err)
	}
	if tok.AccessToken != "access-1" || tok.RefreshToken != "refresh-1" || tok.TokenType != "bearer" || !tok.Expiry.Equal(expiry) {
		t.Fatalf("loaded %+v", tok)
	}
	second := &oauth2.Token{AccessToken: "access-2", RefreshToken: "refresh-2", TokenType: "bearer", Expiry: expiry.Add(time.Hour)}
	if ok, err := s.StoreToken(ctx, "u", v1, second); err != nil || !ok {
		t.Fatalf("store over v1: %v %v", ok, err)
	}
	if ok, err := s.StoreToken(ctx, "u", v1, first); err != nil || ok {
		t.Fatalf("store over a replaced version: %v %v", ok, err)
	}
	tok, v2, _ := s.LoadToken(ctx, "u")
	if v2 == v1 || tok.AccessToken != "access-2" {
		t.Fatalf("after the second store: %+v version %d (was %d)", tok, v2, v1)
	}
	if tok, _, _ := s.LoadToken(ctx, "someone else"); tok != nil {
		t.Fatal("users are not apart")
	}
}

// Leases checks the refresh lease: one holder, release by id only, expiry.
func Leases(t *testing.T, s twitter.State) {
	id, ok, err := s.AcquireLease(ctx, "u", time.Minute)
	if err != nil || !ok || id == "" {
		t.Fatalf("acquire: %q %v %v", id, ok, err)
	}
	if _, ok, _ := s.AcquireLease(ctx, "u", time.Minute); ok {
		t.Fatal("a held lease was taken")
	}
	if _, ok, _ := s.AcquireLease(ctx, "v", time.Minute); !ok {
		t.Fatal("another user's lease was not free")
	}
	if err := s.ReleaseLease(ctx, "u", "not-the-id"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.AcquireLease(ctx, "u", time.Minute); ok {
		t.Fatal("released with another id")
	}
	if err := s.ReleaseLease(ctx, "u", id); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.AcquireLease(ctx, "u", 200*time.Millisecond); !ok {
		t.Fatal("not free after release")
	}
	time.Sleep(300 * time.Millisecond)
	if _, ok, _ := s.AcquireLease(ctx, "u", time.Minute); !ok {
		t.Fatal("not free after the lease ran out")
	}
}

// counter counts what a Client sends: API requests, 429 answers, token requests, and the
// bearer token of the last API request.
type counter struct {
	api, tooMany, refreshes atomic.Int32
	mu                      sync.Mutex
	last                    map[string]string // by Client name
}

// transport returns a transport for the Client name that counts into c.
func (c *counter) transport(t *testing.T, name string) http.RoundTripper {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return roundTripper(func(r *http.Request) (*http.Response, error) {
		isToken := strings.HasSuffix(r.URL.Path, "/oauth2/token")
		if isToken {
			c.refreshes.Add(1)
		} else {
			c.api.Add(1)
			c.mu.Lock()
			if c.last == nil {
				c.last = map[string]string{}
			}
			c.last[name] = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			c.mu.Unlock()
		}
		resp, err := tr.RoundTrip(r)
		if err == nil && resp.StatusCode == http.StatusTooManyRequests {
			c.tooMany.Add(1)
		}
		return resp, err
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// client returns a Client of srv sharing s, counting into cnt as name, that does not
// retry.
func client(t *testing.T, srv *testserver.Server, s twitter.State, cnt *counter, name string, opts ...twitter.Option) *twitter.Client {
	t.Helper()
	hc := &http.Client{Transport: cnt.transport(t, name)}
	c, err := twitter.NewClient(append([]twitter.Option{
		twitter.WithBaseURL(srv.URL()),
		twitter.WithHTTPClient(hc),
		twitter.WithRetryPolicy(twitter.NoRetries()),
		twitter.WithState(s),
	}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const route = "GET /2/users/{id}"

// ClientsShareWindow: four Clients of one app, together, send exactly the window's limit
// and meet no 429; the requests over it fail with X's rate-limit error, unsent.
func ClientsShareWindow(t *testing.T, s twitter.State) {
	const limit = 12
	srv := testserver.Start(t, testserver.WithRateLimit(route, limit, 15*time.Minute))
	var cnt counter
	clients := make([]*twitter.Client, 4)
	for i := range clients {
		clients[i] = client(t, srv, s, &cnt, fmt.Sprint(i), twitter.WithBearerToken(srv.AppBearerToken()))
	}
	// The first response tells the window; until then nothing holds requests back.
	if _, _, err := clients[0].Users.ByID(ctx, testserver.JackID, nil); err != nil {
		t.Fatal(err)
	}
	var ok, spent atomic.Int32
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Go(func() {
			for range 2 * limit {
				_, _, err := c.Users.ByID(ctx, testserver.JackID, nil)
				if err == nil {
					ok.Add(1)
					continue
				}
				var e *twitter.Error
				if !errors.As(err, &e) || !twitter.IsRateLimited(err) || e.Response != nil || e.RateLimit.Reset.IsZero() || e.Endpoint != route {
					t.Errorf("over the window: %v (%+v)", err, e)
					return
				}
				spent.Add(1)
			}
		})
	}
	wg.Wait()
	if got := ok.Load() + 1; got != limit {
		t.Errorf("%d requests succeeded, want the window's %d", got, limit)
	}
	if n := cnt.api.Load(); n != limit || cnt.tooMany.Load() != 0 {
		t.Errorf("the fake got %d requests and answered %d with 429; want %d and none", n, cnt.tooMany.Load(), limit)
	}
	if spent.Load() != int32(4*2*limit-(limit-1)) {
		t.Errorf("%d requests held back", spent.Load())
	}
}

// ClientsWaitForReset: with WithRateLimitWait, two Clients wait for the shared window's
// reset instead of failing, and still meet no 429.
func ClientsWaitForReset(t *testing.T, s twitter.State) {
	const limit, total = 3, 5
	srv := testserver.Start(t, testserver.WithRateLimit(route, limit, 2*time.Second))
	var cnt counter
	a := client(t, srv, s, &cnt, "a", twitter.WithBearerToken(srv.AppBearerToken()), twitter.WithRateLimitWait(10*time.Second))
	b := client(t, srv, s, &cnt, "b", twitter.WithBearerToken(srv.AppBearerToken()), twitter.WithRateLimitWait(10*time.Second))
	start := time.Now()
	for i := range total {
		c := a
		if i%2 == 1 {
			c = b
		}
		if _, _, err := c.Users.ByID(ctx, testserver.JackID, nil); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	if cnt.api.Load() != total || cnt.tooMany.Load() != 0 {
		t.Errorf("the fake got %d requests, %d answered 429; want %d, none", cnt.api.Load(), cnt.tooMany.Load(), total)
	}
	if d := time.Since(start); d < time.Second {
		t.Errorf("%d requests on a window of %d took %v: nobody waited for the reset", total, limit, d)
	}
}

// oauth2Setup authorizes jack with the fake's PKCE flow, returning the config and token.
func oauth2Setup(t *testing.T, srv *testserver.Server) (*twitter.OAuth2Config, *oauth2.Token) {
	t.Helper()
	oc := srv.OAuth2Client()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	cfg := &twitter.OAuth2Config{ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes:       []twitter.Scope{twitter.ScopeTweetRead, twitter.ScopeUsersRead, twitter.ScopeOfflineAccess},
		AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL, HTTPClient: &http.Client{Transport: tr}}
	state := twitter.NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := cfg.ExchangeCallback(ctx, loc.Query(), state, verifier)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, tok
}

// ClientsRefreshOnce: four Clients of one user refresh each expiry exactly once between
// them, both when the token's expiry comes and when the API rejects it, and all go on
// with the rotated token.
func ClientsRefreshOnce(t *testing.T, s twitter.State) {
	clk := testserver.NewManualClock(time.Now())
	srv := testserver.Start(t, testserver.WithClock(clk))
	cfg, tok := oauth2Setup(t, srv)
	// The token as stored: expired by the Clients' clock, so the first requests refresh it.
	expired := *tok
	expired.Expiry = time.Now().Add(-time.Minute)
	var cnt counter
	var saved atomic.Int32
	save := func(context.Context, *oauth2.Token) error { saved.Add(1); return nil }
	clients := make([]*twitter.Client, 4)
	for i := range clients {
		seed := &expired
		if i > 0 {
			seed = nil // found in the State
		}
		clients[i] = client(t, srv, s, &cnt, fmt.Sprint(i), twitter.WithOAuth2Token(cfg, seed, twitter.StateUser(testserver.JackID),
			twitter.OnTokenRefresh(save)))
	}
	if _, _, err := clients[0].Users.Me(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for round := 1; round <= 2; round++ {
		if round == 2 {
			clk.Advance(2*time.Hour + time.Second) // the fake now answers 401 to the token
		}
		var wg sync.WaitGroup
		for _, c := range clients {
			wg.Go(func() {
				for range 3 {
					if _, _, err := c.Users.Me(ctx, nil); err != nil {
						t.Errorf("round %d: %v", round, err)
						return
					}
				}
			})
		}
		wg.Wait()
		if n := cnt.refreshes.Load(); n != int32(round) || saved.Load() != int32(round) {
			t.Fatalf("round %d: %d refreshes, %d OnTokenRefresh calls; want %d", round, n, saved.Load(), round)
		}
		stored, _, err := s.LoadToken(ctx, twitter.StateKey("oauth2-user", cfg.ClientID, testserver.JackID))
		if err != nil || stored == nil {
			t.Fatalf("stored token: %v", err)
		}
		cnt.mu.Lock()
		for i := range clients {
			if got := cnt.last[fmt.Sprint(i)]; got != stored.AccessToken {
				t.Errorf("round %d: client %d sent another token than the stored one", round, i)
			}
		}
		cnt.mu.Unlock()
	}
}

// DeadLeaseHolder: a holder of the refresh lease that never comes back delays the others
// by the rest of its lease, no longer.
func DeadLeaseHolder(t *testing.T, s twitter.State) {
	srv := testserver.Start(t)
	cfg, tok := oauth2Setup(t, srv)
	expired := *tok
	expired.Expiry = time.Now().Add(-time.Minute)
	key := twitter.StateKey("oauth2-user", cfg.ClientID, testserver.JackID)
	if ok, err := s.StoreToken(ctx, key, 0, &expired); err != nil || !ok {
		t.Fatalf("seed: %v %v", ok, err)
	}
	const lease = 700 * time.Millisecond
	if _, ok, err := s.AcquireLease(ctx, key, lease); err != nil || !ok {
		t.Fatalf("the dead holder's lease: %v %v", ok, err)
	}
	start := time.Now()
	var cnt counter
	c := client(t, srv, s, &cnt, "c", twitter.WithOAuth2Token(cfg, nil, twitter.StateUser(testserver.JackID), twitter.RefreshLease(lease)))
	if _, _, err := c.Users.Me(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < lease/2 || d > lease+2*time.Second {
		t.Errorf("waited %v for a dead holder's lease of %v", d, lease)
	}
	if cnt.refreshes.Load() != 1 {
		t.Errorf("%d refreshes, want 1", cnt.refreshes.Load())
	}
}

// revokedUser authorizes jack with the fake and stores a token in s whose refresh token
// X no longer takes, as after a revocation; it returns the fake, the app and the token of
// the user's new authorization.
func revokedUser(t *testing.T, s twitter.State) (*testserver.Server, *twitter.OAuth2Config, *oauth2.Token) {
	t.Helper()
	srv := testserver.Start(t)
	cfg, tok := oauth2Setup(t, srv)
	key := twitter.StateKey("oauth2-user", cfg.ClientID, testserver.JackID)
	dead := &oauth2.Token{AccessToken: "revoked", RefreshToken: "rejected", Expiry: time.Now().Add(-time.Minute)}
	if ok, err := s.StoreToken(ctx, key, 0, dead); err != nil || !ok {
		t.Fatalf("seed: %v %v", ok, err)
	}
	return srv, cfg, tok
}

// SetStateToken: a token of a new authorization replaces the stored one, whose refresh
// token X no longer takes, and Clients of the user go on with it.
func SetStateToken(t *testing.T, s twitter.State) {
	srv, cfg, tok := revokedUser(t, s)
	if err := twitter.SetStateToken(ctx, s, cfg, testserver.JackID, tok); err != nil {
		t.Fatal(err)
	}
	if err := twitter.SetStateToken(ctx, s, cfg, "", tok); err == nil {
		t.Error("an empty user accepted")
	}
	var cnt counter
	c := client(t, srv, s, &cnt, "c", twitter.WithOAuth2Token(cfg, nil, twitter.StateUser(testserver.JackID)))
	if _, _, err := c.Users.Me(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if cnt.last["c"] != tok.AccessToken || cnt.refreshes.Load() != 0 {
		t.Errorf("the Client did not send the new token as it was (%d refreshes)", cnt.refreshes.Load())
	}
}

// ReauthorizedClientGoesOn: a Client whose stored token X no longer takes fails with
// ErrReauthorizationRequired, and keeps failing without sending the dead refresh token
// again, until SetStateToken stores the user's new authorization (from any process):
// then the same Client goes on with it.
func ReauthorizedClientGoesOn(t *testing.T, s twitter.State) {
	srv, cfg, tok := revokedUser(t, s)
	var cnt counter
	c := client(t, srv, s, &cnt, "c", twitter.WithOAuth2Token(cfg, nil, twitter.StateUser(testserver.JackID)))
	for i := range 3 {
		if _, _, err := c.Users.Me(ctx, nil); !errors.Is(err, twitter.ErrReauthorizationRequired) {
			t.Fatalf("call %d with the dead token: %v, want ErrReauthorizationRequired", i, err)
		}
	}
	if n := cnt.refreshes.Load(); n != 1 {
		t.Errorf("%d token requests with the dead refresh token, want 1", n)
	}
	if err := twitter.SetStateToken(ctx, s, cfg, testserver.JackID, tok); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Users.Me(ctx, nil); err != nil {
		t.Fatalf("after SetStateToken: %v", err)
	}
	if cnt.last["c"] != tok.AccessToken {
		t.Error("the Client did not send the new authorization's token")
	}
}
