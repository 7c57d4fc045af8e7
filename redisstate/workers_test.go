package redisstate_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twitterkit/go/redisstate"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// Worker processes: the test binary run again with workerEnv set to a mode plays one
// worker of a fleet, a Client of its own on the shared Redis, and prints a report as
// JSON on its last line.
const workerEnv = "REDISSTATE_TEST_WORKER"

// report is what a worker process prints.
type report struct {
	Sent, TooMany, Refreshes int // requests to the API, 429 answers, token requests
	OK, Spent                int // calls that succeeded, calls refused unsent by the window
	Errors                   []string
	LastToken                string        // SHA-256 of the last bearer token sent, hex
	FirstCall                time.Duration // how long the first call took
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// countingTransport counts into a report. With hang, a token request blocks forever
// after printing "refreshing" on stdout: the process is to be killed mid-refresh.
type countingTransport struct {
	rep       *report
	sent, tm  atomic.Int32
	refreshes atomic.Int32
	last      atomic.Value
	hang      bool
	next      http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/oauth2/token") {
		if c.hang {
			fmt.Println("refreshing")
			select {}
		}
		c.refreshes.Add(1)
	} else {
		c.sent.Add(1)
		c.last.Store(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	}
	resp, err := c.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		c.tm.Add(1)
	}
	return resp, err
}

// worker runs one worker process: mode "window" (app-only requests on a shared window),
// "refresh" (requests as jack, whose stored token needs a refresh) or "hang" (as
// refresh, dying in the middle of the refresh). The setup is in the environment.
func worker(mode string) int {
	env := func(k string) string { return os.Getenv("REDISSTATE_TEST_" + k) }
	n, _ := strconv.Atoi(env("N"))
	key, _ := hex.DecodeString(env("KEY"))
	sealer, err := redisstate.AESGCM(key)
	if err != nil {
		fmt.Println(err)
		return 2
	}
	rdb := redisClient(noTB{}, os.Getenv(addrEnv))
	st, err := redisstate.New(rdb, redisstate.Options{Namespace: env("NS"), Sealer: sealer})
	if err != nil {
		fmt.Println(err)
		return 2
	}
	rep := &report{}
	tr := &countingTransport{rep: rep, hang: mode == "hang", next: &http.Transport{}}
	opts := []twitter.Option{twitter.WithBaseURL(env("URL")), twitter.WithState(st),
		twitter.WithHTTPClient(&http.Client{Transport: tr}), twitter.WithRetryPolicy(twitter.NoRetries())}
	if mode == "window" {
		opts = append(opts, twitter.WithBearerToken(env("BEARER")))
	} else {
		cfg := &twitter.OAuth2Config{ClientID: env("CLIENT_ID"), ClientSecret: env("CLIENT_SECRET"), RedirectURL: "https://example.com/cb",
			Scopes: []twitter.Scope{twitter.ScopeUsersRead}, TokenURL: env("TOKEN_URL")}
		opts = append(opts, twitter.WithOAuth2Token(cfg, nil, twitter.StateUser(twittertest.JackID), twitter.RefreshLease(time.Second)))
	}
	c, err := twitter.NewClient(opts...)
	if err != nil {
		fmt.Println(err)
		return 2
	}
	for i := range n {
		start := time.Now()
		var err error
		if mode == "window" {
			_, _, err = c.Users.ByID(ctx, twittertest.JackID, nil)
		} else {
			_, _, err = c.Users.Me(ctx, nil)
		}
		if i == 0 {
			rep.FirstCall = time.Since(start)
		}
		var e *twitter.Error
		switch {
		case err == nil:
			rep.OK++
		case errors.As(err, &e) && e.StatusCode == http.StatusTooManyRequests && e.Response == nil:
			rep.Spent++
		default:
			rep.Errors = append(rep.Errors, err.Error())
		}
	}
	rep.Sent, rep.TooMany, rep.Refreshes = int(tr.sent.Load()), int(tr.tm.Load()), int(tr.refreshes.Load())
	if s, ok := tr.last.Load().(string); ok {
		rep.LastToken = digest(s)
	}
	out, _ := json.Marshal(rep)
	fmt.Println(string(out))
	return 0
}

// noTB lets redisClient serve a worker process, which closes nothing: it exits.
type noTB struct{ testing.TB }

func (noTB) Cleanup(func()) {}

// fleet starts worker processes of mode with the setup in env.
type fleet struct {
	t   *testing.T
	env []string
}

func newFleet(t *testing.T, srv *twittertest.Server, ns string, extra ...string) *fleet {
	oc := srv.OAuth2Client()
	env := append(os.Environ(),
		"REDISSTATE_TEST_URL="+srv.URL(), "REDISSTATE_TEST_NS="+ns, "REDISSTATE_TEST_KEY="+hex.EncodeToString(testKey),
		"REDISSTATE_TEST_BEARER="+srv.AppBearerToken(), "REDISSTATE_TEST_CLIENT_ID="+oc.ClientID,
		"REDISSTATE_TEST_CLIENT_SECRET="+oc.ClientSecret, "REDISSTATE_TEST_TOKEN_URL="+oc.TokenURL)
	return &fleet{t: t, env: append(env, extra...)}
}

// start starts a worker process of mode making n calls.
func (f *fleet) start(mode string, n int) (*exec.Cmd, *bufio.Scanner) {
	f.t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(f.env, workerEnv+"="+mode, "REDISSTATE_TEST_N="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		f.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	return cmd, bufio.NewScanner(out)
}

// run starts workers of mode making n calls each, and returns their reports.
func (f *fleet) run(mode string, workers, n int) []report {
	f.t.Helper()
	type proc struct {
		cmd *exec.Cmd
		out *bufio.Scanner
	}
	procs := make([]proc, workers)
	for i := range procs {
		procs[i].cmd, procs[i].out = f.start(mode, n)
	}
	reps := make([]report, workers)
	for i, p := range procs {
		var last string
		for p.out.Scan() {
			last = p.out.Text()
		}
		if err := p.cmd.Wait(); err != nil {
			f.t.Fatalf("worker %d: %v (last line %q)", i, err, last)
		}
		if err := json.Unmarshal([]byte(last), &reps[i]); err != nil {
			f.t.Fatalf("worker %d printed %q", i, last)
		}
		for _, e := range reps[i].Errors {
			f.t.Errorf("worker %d: %s", i, e)
		}
	}
	return reps
}

// Three processes of one app together send exactly the window's limit and meet no 429.
func TestWorkerProcessesShareWindow(t *testing.T) {
	const limit, workers, each = 15, 3, 10
	srv := twittertest.Start(t, twittertest.WithRateLimit("GET /2/users/{id}", limit, 15*time.Minute))
	st, ns := newState(t)
	// One request tells the shared window; the workers start on a known window.
	c := twittertest.NewClient(t, srv, twitter.WithState(st))
	if _, _, err := c.Users.ByID(ctx, twittertest.JackID, nil); err != nil {
		t.Fatal(err)
	}
	sent, ok, spent := 1, 1, 0
	for _, r := range newFleet(t, srv, ns).run("window", workers, each) {
		if r.TooMany != 0 {
			t.Errorf("a worker met %d 429s", r.TooMany)
		}
		sent, ok, spent = sent+r.Sent, ok+r.OK, spent+r.Spent
	}
	if sent != limit || ok != limit || spent != workers*each-(limit-1) {
		t.Errorf("sent %d, %d succeeded, %d held back; want %d, %d, %d", sent, ok, spent, limit, limit, workers*each-(limit-1))
	}
}

// seedExpired authorizes jack and stores his token in the State as expired, so the next
// request of any worker refreshes it. It returns the key of the stored token.
func seedExpired(t *testing.T, srv *twittertest.Server, st twitter.State) string {
	t.Helper()
	oc := srv.OAuth2Client()
	cfg := &twitter.OAuth2Config{ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes: []twitter.Scope{twitter.ScopeUsersRead, twitter.ScopeTweetRead, twitter.ScopeOfflineAccess}, AuthorizeURL: oc.AuthorizeURL, TokenURL: oc.TokenURL}
	state := twitter.NewState()
	authURL, verifier, err := cfg.AuthCodeURL(state)
	if err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := resp.Location()
	if err != nil {
		t.Fatal(err)
	}
	tok, err := cfg.ExchangeCallback(ctx, loc.Query(), state, verifier)
	if err != nil {
		t.Fatal(err)
	}
	tok.Expiry = time.Now().Add(-time.Minute)
	key := twitter.StateKey("oauth2-user", oc.ClientID, twittertest.JackID)
	if ok, err := st.StoreToken(ctx, key, 0, tok); err != nil || !ok {
		t.Fatalf("seed: %v %v", ok, err)
	}
	return key
}

// Four processes of one user whose token has expired: one refresh between them, and all
// go on with the rotated token.
func TestWorkerProcessesRefreshOnce(t *testing.T) {
	srv := twittertest.Start(t)
	st, ns := newState(t)
	key := seedExpired(t, srv, st)
	refreshes := 0
	reps := newFleet(t, srv, ns).run("refresh", 4, 3)
	stored, _, err := st.LoadToken(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range reps {
		refreshes += r.Refreshes
		if r.OK != 3 || r.LastToken != digest(stored.AccessToken) {
			t.Errorf("worker %d: %d calls succeeded; sent the stored token: %v", i, r.OK, r.LastToken == digest(stored.AccessToken))
		}
	}
	if refreshes != 1 {
		t.Errorf("%d refreshes across the workers, want 1", refreshes)
	}
}

// A worker killed while it refreshes, holding the lease, holds the others up for the rest
// of its lease (1 s in the workers), no longer.
func TestWorkerKilledMidRefresh(t *testing.T) {
	srv := twittertest.Start(t)
	st, ns := newState(t)
	key := seedExpired(t, srv, st)
	f := newFleet(t, srv, ns)
	cmd, out := f.start("hang", 1)
	if !out.Scan() || out.Text() != "refreshing" {
		t.Fatalf("the worker to kill printed %q", out.Text())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	reps := f.run("refresh", 2, 2)
	stored, _, _ := st.LoadToken(ctx, key)
	n := 0
	for i, r := range reps {
		n += r.Refreshes
		if r.OK != 2 || r.LastToken != digest(stored.AccessToken) {
			t.Errorf("worker %d: %+v", i, r)
		}
		// Waiting out the dead holder's lease of 1s, polling, refreshing: well under 2.5s.
		if r.FirstCall > 2500*time.Millisecond {
			t.Errorf("worker %d's first call took %v after the holder died; its lease was 1s", i, r.FirstCall)
		}
	}
	if n != 1 {
		t.Errorf("%d refreshes after the holder died, want 1", n)
	}
}
