package twitter

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"
	"golang.org/x/oauth2"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

// The shared helpers of the package's internal tests, in five parts: streams (scripted
// servers, events, manual timers), iterators against the fake X API
// (internal/testserver), request/response exchanges, fakeX, a fake of X's
// credential endpoints, and clients of every kind of authentication against the fake X
// API.

// Helpers for the stream tests.

// Wall-clock bounds of the stream tests. Waits that matter run on fake clocks; these
// only catch a hang, so they are generous: the tests run with -race on a shared 2-core
// machine, where a goroutine may wait its turn for a long while.
const (
	// promptly bounds what must not wait for a timer or the network (Close, a
	// cancelled wait): it is far below the stall timeout and the backoffs such a wait
	// would take.
	promptly = 5 * time.Second
	// patience bounds what must happen eventually (a message, reconnections).
	patience = 30 * time.Second
)

// noLeaks fails the test if a goroutine outlives it. Call it first: cleanups run last in
// first out, so the check runs after every server and client of the test is closed.
func noLeaks(t *testing.T) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

// session serves one stream connection of a scriptServer.
type session func(w http.ResponseWriter, r *http.Request)

// scriptServer answers the n-th connection to a stream with the n-th session (the last
// one again once the script runs out), and counts connections.
type scriptServer struct {
	t        *testing.T
	srv      *httptest.Server
	mu       sync.Mutex
	script   []session
	requests []*http.Request
	ended    chan struct{} // one value each time a session returns
}

func newScriptServer(t *testing.T, script ...session) *scriptServer {
	t.Helper()
	s := &scriptServer{t: t, script: script, ended: make(chan struct{}, 1000)}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		n := len(s.requests)
		s.requests = append(s.requests, r)
		sess := s.script[min(n, len(s.script)-1)]
		s.mu.Unlock()
		defer func() { s.ended <- struct{}{} }()
		sess(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *scriptServer) connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *scriptServer) request(i int) *http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[i]
}

// client returns a Client for the script server, with its own transport (no keep-alive,
// so each attempt is one fresh connection) closed when the test ends.
func (s *scriptServer) client(opts ...Option) *Client {
	s.t.Helper()
	return testStreamClient(s.t, s.srv.URL, opts...)
}

func testStreamClient(t *testing.T, url string, opts ...Option) *Client {
	t.Helper()
	tr := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	base := []Option{WithBaseURL(url), WithHTTPClient(&http.Client{Transport: tr})}
	var probe config
	for _, o := range opts {
		if o != nil {
			_ = o(&probe)
		}
	}
	if probe.auth == nil { // a Client takes one auth option: the test's, else this one
		base = append(base, WithBearerToken("test-token"))
	}
	c, err := NewClient(append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// writeLines writes each line with "\r\n" and flushes it as its own chunk.
func writeLines(w http.ResponseWriter, lines ...string) bool {
	fl := w.(http.Flusher)
	for _, l := range lines {
		if _, err := fmt.Fprint(w, l+"\r\n"); err != nil {
			return false
		}
		fl.Flush()
	}
	return true
}

// sendThenEnd sends lines and ends the response cleanly: the server closed the stream.
func sendThenEnd(lines ...string) session {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		writeLines(w, lines...)
	}
}

// lasting is sess on a connection that stays up for d by the stream's clock: clk moves d
// forward once the connection is made, before sess answers.
func lasting(clk *fakeClock, d time.Duration, sess session) session {
	return func(w http.ResponseWriter, r *http.Request) {
		clk.advance(d)
		sess(w, r)
	}
}

// sendThenHold sends lines and keeps the connection open, silent, until the client goes.
func sendThenHold(lines ...string) session {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush() // headers go out at once, as X sends them
		writeLines(w, lines...)
		<-r.Context().Done()
	}
}

// sendThenReset sends lines, then the start of another, then resets the TCP connection.
func sendThenReset(lines []string, partial string) session {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		writeLines(w, lines...)
		if partial != "" {
			fmt.Fprint(w, partial)
			w.(http.Flusher).Flush()
		}
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		resetConn(conn)
	}
}

// refuse resets the connection before any answer: a network error for the client.
func refuse() session {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		resetConn(conn)
	}
}

func resetConn(conn net.Conn) {
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// answer replies with a status, headers and a body.
func answer(status int, body string, headers ...string) session {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}
}

// tweetLine is a filtered-stream line for Tweet id.
func tweetLine(id string) string {
	return fmt.Sprintf(`{"data":{"id":%q,"text":"Tweet %s","edit_history_tweet_ids":[%q]},"matching_rules":[{"id":"1","tag":"cats"}]}`, id, id, id)
}

func tweetLines(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, tweetLine(fmt.Sprint(i)))
	}
	return out
}

const disconnectLine = `{"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect","detail":"This stream has been disconnected upstream for operational reasons.","type":"https://api.x.com/2/problems/operational-disconnect"}]}`

// events collects reconnect events from OnReconnect.
type events struct {
	mu  sync.Mutex
	evs []ReconnectEvent
}

func (e *events) add(ev ReconnectEvent) {
	e.mu.Lock()
	e.evs = append(e.evs, ev)
	e.mu.Unlock()
}

func (e *events) list() []ReconnectEvent {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]ReconnectEvent(nil), e.evs...)
}

// summary is "cause#attempt/wait" for each event.
func (e *events) summary() string {
	var parts []string
	for _, ev := range e.list() {
		parts = append(parts, fmt.Sprintf("%s#%d/%v", ev.Cause, ev.Attempt, ev.Wait))
	}
	return strings.Join(parts, " ")
}

// nextTweet reads messages until a Tweet, failing on any error; it skips system
// messages.
func nextTweet(t *testing.T, s *Stream) *Message {
	t.Helper()
	m := nextWhere(t, s, func(m Message) bool { return m.Tweet != nil })
	return &m
}

// nextWhere reads messages until one satisfies ok, failing on any error or after 5 s.
func nextWhere[M any](t *testing.T, s *EventStream[M], ok func(M) bool) M {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	for {
		m, err := s.Next(ctx)
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		if ok(m) {
			return m
		}
	}
}

// readIDs reads n Tweets and returns their ids.
func readIDs(t *testing.T, s *Stream, n int) []string {
	t.Helper()
	var ids []string
	for range n {
		ids = append(ids, nextTweet(t, s).Tweet.Data.ID)
	}
	return ids
}

func idSeq(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprint(i))
	}
	return out
}

// manualTimers stands in for time.AfterFunc in the stall watchdog: its timers fire only
// when the test calls fire, so stalls happen on cue and never by accident.
type manualTimers struct {
	mu      sync.Mutex
	armed   map[*manualTimer]struct{}
	changed chan struct{} // closed and replaced when a timer is armed
}

type manualTimer struct {
	m *manualTimers
	f func()
}

func newManualTimers() *manualTimers {
	return &manualTimers{armed: map[*manualTimer]struct{}{}, changed: make(chan struct{})}
}

func (m *manualTimers) afterFunc(d time.Duration, f func()) timer {
	t := &manualTimer{m: m, f: f}
	t.Reset(d)
	return t
}

func (t *manualTimer) Reset(time.Duration) bool {
	t.m.mu.Lock()
	defer t.m.mu.Unlock()
	_, was := t.m.armed[t]
	t.m.armed[t] = struct{}{}
	close(t.m.changed)
	t.m.changed = make(chan struct{})
	return was
}

func (t *manualTimer) Stop() bool {
	t.m.mu.Lock()
	defer t.m.mu.Unlock()
	_, was := t.m.armed[t]
	delete(t.m.armed, t)
	return was
}

// armedCount is how many timers are armed.
func (m *manualTimers) armedCount() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.armed)
}

// fire waits until a timer is armed and fires it, as if its time had passed. It reports
// false if none was armed within a few seconds.
func (m *manualTimers) fire() bool {
	timeout := time.After(patience)
	for {
		m.mu.Lock()
		for t := range m.armed {
			delete(m.armed, t)
			m.mu.Unlock()
			t.f()
			return true
		}
		ch := m.changed
		m.mu.Unlock()
		select {
		case <-ch:
		case <-timeout:
			return false
		}
	}
}

// Helpers for the iterator tests against the fake X API (internal/testserver).

// requestLog is a transport that records the query of every request the client sends.
type requestLog struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs []*url.URL
}

func (l *requestLog) RoundTrip(r *http.Request) (*http.Response, error) {
	l.mu.Lock()
	l.reqs = append(l.reqs, r.URL)
	l.mu.Unlock()
	return l.next.RoundTrip(r)
}

// queries returns the query of each request so far to path.
func (l *requestLog) queries(path string) []url.Values {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []url.Values
	for _, u := range l.reqs {
		if u.Path == path {
			out = append(out, u.Query())
		}
	}
	return out
}

// withServerClock makes the client read the fake server's manual clock and, instead of
// sleeping, move it forward: rate-limit waits and retry backoffs take no real time, and a
// wait for a rate-limit reset really reaches the reset on the server.
func withServerClock(mc *testserver.ManualClock) Option {
	return func(c *config) error {
		c.now = mc.Now
		c.sleep = func(ctx context.Context, d time.Duration) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			mc.Advance(d)
			return nil
		}
		if b, ok := c.retry.(*Backoff); ok {
			b.now = mc.Now
		}
		return nil
	}
}

// startFake starts the fake X API for one test and, when the test ends and the server and
// the clients' transports are closed, checks that no goroutine the test started is left:
// an iteration that ends, breaks or fails leaves nothing running.
func startFake(t *testing.T, opts ...testserver.Option) *testserver.Server {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) }) // registered first, so it runs last
	return testserver.Start(t, opts...)
}

// iterClient returns a client of s authenticated with token, with its own transport (closed
// when the test ends) and a log of its requests. Options go after the defaults.
func iterClient(t testing.TB, s *testserver.Server, token string, opts ...Option) (*Client, *requestLog) {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	log := &requestLog{next: tr}
	all := append([]Option{WithBaseURL(s.URL()), WithBearerToken(token), WithHTTPClient(&http.Client{Transport: log})}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, log
}

// ids collects the ids of an item iterator, failing the test on an error.
func ids[T any](t *testing.T, seq func(yield func(T, error) bool), id func(T) string) []string {
	t.Helper()
	var out []string
	for v, err := range seq {
		if err != nil {
			t.Fatalf("after %d items: %v", len(out), err)
		}
		out = append(out, id(v))
	}
	return out
}

func userID(u gen.User) string { return u.ID }

func tweetID(t gen.Tweet) string { return t.ID }

// noDuplicates reports the first id seen twice.
func noDuplicates(t *testing.T, got []string) {
	t.Helper()
	seen := make(map[string]bool, len(got))
	for _, id := range got {
		if seen[id] {
			t.Fatalf("id %s came twice", id)
		}
		seen[id] = true
	}
}

// Helpers for the request/response exchange tests.

// wire is the request a facade method must send.
type wire struct {
	method string
	path   string // escaped path
	query  string // exact raw query, parameters in the document's order
	body   string // JSON body, compared as JSON; "" for none
}

// exchange is one facade call against an httptest server: the exact request it must
// send, the answer the server gives, and what the caller must see.
type exchange struct {
	name   string
	call   func(ctx context.Context, c *Client) (any, *Response, error)
	want   wire
	status int    // answer status; 0 means 200
	reply  string // answer body, shaped like X's
	// check inspects the decoded result (err is nil unless wantErr is set).
	check   func(t *testing.T, out any, resp *Response, err error)
	wantErr bool
}

// run makes every exchange against a fresh server and client.
func runExchanges(t *testing.T, cases []exchange) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got wire
			hits := 0
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				hits++
				b, _ := io.ReadAll(r.Body)
				got = wire{method: r.Method, path: r.URL.EscapedPath(), query: r.URL.RawQuery, body: string(b)}
				if len(b) > 0 && r.Header.Get("Content-Type") != "application/json" {
					t.Errorf("Content-Type = %q, want application/json", r.Header.Get("Content-Type"))
				}
				w.Header().Set("Content-Type", "application/json")
				status := tc.status
				if status == 0 {
					status = http.StatusOK
				}
				w.WriteHeader(status)
				io.WriteString(w, tc.reply)
			}, WithRetryPolicy(NoRetries()))
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			out, resp, err := tc.call(ctx, c)
			if hits != 1 {
				t.Fatalf("server got %d requests, want 1", hits)
			}
			if got.method != tc.want.method || got.path != tc.want.path || got.query != tc.want.query {
				t.Errorf("request = %s %s?%s\nwant      %s %s?%s", got.method, got.path, got.query, tc.want.method, tc.want.path, tc.want.query)
			}
			if !sameJSON(t, got.body, tc.want.body) {
				t.Errorf("body = %s, want %s", got.body, tc.want.body)
			}
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if resp == nil {
				t.Fatal("nil *Response")
			}
			if tc.check != nil {
				tc.check(t, out, resp, err)
			}
		})
	}
}

// sameJSON compares two JSON texts by value; "" equals only "".
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	if a == "" || b == "" {
		return a == b
	}
	var va, vb any
	if err := json.Unmarshal([]byte(a), &va); err != nil {
		t.Errorf("body %q is not JSON: %v", a, err)
		return false
	}
	if err := json.Unmarshal([]byte(b), &vb); err != nil {
		t.Fatalf("want %q is not JSON: %v", b, err)
	}
	return cmp.Equal(va, vb)
}

// asJSON re-encodes a decoded value, to compare it with what the server sent.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// apiError returns err as an *Error or fails the test.
func apiError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v (%T), want *Error", err, err)
	}
	return e
}

// rejectAll is a handler for calls that must fail before sending anything.
func rejectAll(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusTeapot)
	}
}

// as returns out as a *T or fails the test.
func as[T any](t *testing.T, out any) *T {
	t.Helper()
	v, ok := out.(*T)
	if !ok || v == nil {
		t.Fatalf("result is %T (%v), want non-nil *%T", out, out, *new(T))
	}
	return v
}

// wrap adapts a facade method's three results to exchange.call.
func wrap[T any](out *T, resp *Response, err error) (any, *Response, error) {
	if out == nil {
		return nil, resp, err
	}
	return out, resp, err
}

// Helpers for the credential tests: secrets and fakeX.

// Distinctive secrets: tests assert that none of them ever appears in printed values,
// errors or logs.
const (
	testConsumerKey    = "CK-app+key/with=chars"
	testConsumerSecret = "CS-APP-CONSUMER-SECRET-8d1f"
	testClientID       = "CID-oauth2-client-id"
	testClientSecret   = "CSEC-OAUTH2-CLIENT-SECRET-27aa"
)

// fakeX is an httptest server that does what X does with credentials:
//
//   - POST /oauth2/token: app-only tokens for Basic (form-encoded) consumer key:secret
//     and grant_type=client_credentials; 403 with X's {"errors":[{"code":99,...}]} otherwise.
//     The same token comes back until it is invalidated.
//   - GET /i/oauth2/authorize: checks the PKCE request and redirects with code and state.
//   - POST /2/oauth2/token: authorization_code (PKCE S256 checked, single use) and
//     refresh_token, which rotates the refresh token. X's errors: 400 invalid_request
//     "Value passed for the token was invalid." for a bad refresh token, 401
//     unauthorized_client for a bad client.
//   - anything under /2/: 401 unless the bearer token is valid and unexpired; otherwise a
//     user, recording the request body.
//
// Faults are injected with tokenFault, which can answer a token request itself.
type fakeX struct {
	t   *testing.T
	srv *httptest.Server
	clk *fakeClock

	tokenFault func(w http.ResponseWriter, r *http.Request) bool // true: answered

	mu          sync.Mutex
	appGen      int                  // the app token is "APP-BEARER-<gen>"
	access      map[string]time.Time // valid user access tokens and their expiry
	refresh     map[string]bool      // valid refresh tokens
	codes       map[string]string    // code -> S256 challenge
	seq         int
	lifetime    time.Duration
	apiBodies   []string
	apiAuth     []string
	tokenBodies []url.Values

	appFetches    atomic.Int32
	userRefreshes atomic.Int32
	apiCalls      atomic.Int32
}

func newFakeX(t *testing.T, clk *fakeClock) *fakeX {
	f := &fakeX{t: t, clk: clk, access: map[string]time.Time{}, refresh: map[string]bool{},
		codes: map[string]string{}, lifetime: 2 * time.Hour}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// newTestClock is a fake clock at the current time, so that tokens whose expiry was
// computed from the wall clock (by Exchange) agree with it.
func newTestClock() *fakeClock { return &fakeClock{t: time.Now()} }

// advance moves the clock forward.
func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

func (f *fakeX) appToken() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return fmt.Sprintf("APP-BEARER-%d", f.appGen)
}

// invalidateApp makes the current app token invalid; the next fetch gets a new one.
func (f *fakeX) invalidateApp() {
	f.mu.Lock()
	f.appGen++
	f.mu.Unlock()
}

func (f *fakeX) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/oauth2/token" || r.URL.Path == "/2/oauth2/token":
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		f.mu.Lock()
		f.tokenBodies = append(f.tokenBodies, form)
		f.mu.Unlock()
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		if f.tokenFault != nil && f.tokenFault(w, r) {
			return
		}
		if r.URL.Path == "/oauth2/token" {
			f.serveAppToken(w, r, form)
		} else {
			f.serveUserToken(w, r, form)
		}
	case r.URL.Path == "/i/oauth2/authorize":
		f.serveAuthorize(w, r)
	case strings.HasPrefix(r.URL.Path, "/2/"):
		f.apiCalls.Add(1)
		body, _ := io.ReadAll(r.Body)
		auth := r.Header.Get("Authorization")
		f.mu.Lock()
		f.apiBodies = append(f.apiBodies, string(body))
		f.apiAuth = append(f.apiAuth, auth)
		tok, _ := strings.CutPrefix(auth, "Bearer ")
		exp, ok := f.access[tok]
		valid := tok == fmt.Sprintf("APP-BEARER-%d", f.appGen) || (ok && f.clk.now().Before(exp))
		f.mu.Unlock()
		if !valid {
			w.Header().Set("Content-Type", "application/problem+json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			fmt.Fprint(w, `{"data":{"following":true,"pending_follow":false}}`)
			return
		}
		fmt.Fprint(w, okUser)
	default:
		http.NotFound(w, r)
	}
}

func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (f *fakeX) serveAppToken(w http.ResponseWriter, r *http.Request, form url.Values) {
	f.appFetches.Add(1)
	key, secret, ok := r.BasicAuth()
	key, _ = url.QueryUnescape(key)
	secret, _ = url.QueryUnescape(secret)
	if !ok || key != testConsumerKey || secret != testConsumerSecret {
		writeJSONStatus(w, http.StatusForbidden, map[string]any{"errors": []map[string]any{
			{"code": 99, "message": "Unable to verify your credentials", "label": "authenticity_token_error"}}})
		return
	}
	if form.Get("grant_type") != "client_credentials" {
		writeJSONStatus(w, http.StatusForbidden, map[string]any{"errors": []map[string]any{
			{"code": 170, "message": "Missing required parameter: grant_type", "label": "forbidden_missing_parameter"}}})
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string]string{"token_type": "bearer", "access_token": f.appToken()})
}

func (f *fakeX) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != testClientID || q.Get("response_type") != "code" || q.Get("state") == "" ||
		q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("scope") == "" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, "<html><body>Something went wrong</body></html>")
		return
	}
	f.mu.Lock()
	f.seq++
	code := fmt.Sprintf("CODE-%d", f.seq)
	f.codes[code] = q.Get("code_challenge")
	f.mu.Unlock()
	u, _ := url.Parse(q.Get("redirect_uri"))
	v := u.Query()
	v.Set("state", q.Get("state"))
	v.Set("code", code)
	u.RawQuery = v.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// issue mints an access token and a refresh token. Caller holds f.mu.
func (f *fakeX) issue() map[string]any {
	f.seq++
	access := fmt.Sprintf("USER-ACCESS-%d", f.seq)
	refresh := fmt.Sprintf("USER-REFRESH-%d", f.seq)
	f.access[access] = f.clk.now().Add(f.lifetime)
	f.refresh[refresh] = true
	return map[string]any{"token_type": "bearer", "expires_in": int(f.lifetime / time.Second), "access_token": access,
		"scope": "tweet.read users.read offline.access", "refresh_token": refresh}
}

func (f *fakeX) serveUserToken(w http.ResponseWriter, r *http.Request, form url.Values) {
	id, secret, basic := r.BasicAuth()
	if basic && (id != testClientID || secret != testClientSecret) || !basic && form.Get("client_id") != testClientID {
		writeJSONStatus(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized_client", "error_description": "Missing valid authorization header"})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch form.Get("grant_type") {
	case "authorization_code":
		challenge, ok := f.codes[form.Get("code")]
		delete(f.codes, form.Get("code"))
		sum := sha256.Sum256([]byte(form.Get("code_verifier")))
		if !ok || base64.RawURLEncoding.EncodeToString(sum[:]) != challenge {
			writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "Value passed for the authorization code was invalid."})
			return
		}
		writeJSONStatus(w, http.StatusOK, f.issue())
	case "refresh_token":
		f.userRefreshes.Add(1)
		old := form.Get("refresh_token")
		if !f.refresh[old] {
			writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "Value passed for the token was invalid."})
			return
		}
		delete(f.refresh, old) // rotation: the old refresh token is spent
		writeJSONStatus(w, http.StatusOK, f.issue())
	default:
		writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type", "error_description": "grant_type"})
	}
}

// userToken mints a user token directly, as if the user had authorized the app.
func (f *fakeX) userToken() (access, refresh string, expiry time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.issue()
	return m["access_token"].(string), m["refresh_token"].(string), f.access[m["access_token"].(string)]
}

// revokeAccess makes an access token invalid before its expiry.
func (f *fakeX) revokeAccess(tok string) {
	f.mu.Lock()
	delete(f.access, tok)
	f.mu.Unlock()
}

func (f *fakeX) bodies() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.apiBodies...)
}

func (f *fakeX) tokenRequests() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.tokenBodies...)
}

func (f *fakeX) auths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.apiAuth...)
}

// oauth2Config is a confidential client of the fake server.
func (f *fakeX) oauth2Config() *OAuth2Config {
	return &OAuth2Config{
		ClientID: testClientID, ClientSecret: testClientSecret, RedirectURL: "http://127.0.0.1/callback",
		Scopes:       []Scope{ScopeTweetRead, ScopeUsersRead, ScopeOfflineAccess},
		AuthorizeURL: f.srv.URL + "/i/oauth2/authorize", TokenURL: f.srv.URL + "/2/oauth2/token",
	}
}

// client builds a Client for the fake server with the given auth, the fake clock and
// fast retries.
func (f *fakeX) client(opts ...Option) *Client {
	f.t.Helper()
	all := append([]Option{WithBaseURL(f.srv.URL), withClock(f.clk),
		WithRetryPolicy(&Backoff{Initial: time.Millisecond, Max: 2 * time.Millisecond, Jitter: -1})}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(c.HTTPClient().CloseIdleConnections)
	return c
}

// tokenCacheOf digs the token cache out of a client whose auth has one.
func tokenCacheOf(t *testing.T, c *Client) *tokenCache {
	t.Helper()
	ua, ok := c.httpClient.Transport.(userAgentTransport)
	if !ok {
		t.Fatalf("transport is %T", c.httpClient.Transport)
	}
	gate, ok := ua.next.(hostGate)
	if !ok {
		t.Fatalf("transport under the User-Agent is %T", ua.next)
	}
	tt, ok := gate.auth.(*tokenTransport)
	if !ok {
		t.Fatalf("auth transport is %T", gate.auth)
	}
	switch src := tt.src.(type) {
	case *tokenCache:
		return src
	case *userTokens:
		return src.cache
	}
	t.Fatalf("token provider is %T", tt.src)
	return nil
}

// assertNoSecrets fails if s contains any of the secrets, as is or hex-encoded (%x).
func assertNoSecrets(t *testing.T, what, s string, secrets ...string) {
	t.Helper()
	for _, sec := range secrets {
		if sec != "" && (strings.Contains(s, sec) || strings.Contains(s, hex.EncodeToString([]byte(sec)))) {
			t.Errorf("%s contains secret %q: %s", what, sec, s)
		}
	}
}

// printings is every way a value is commonly printed.
func printings(v any) map[string]string {
	return map[string]string{
		"%v": fmt.Sprintf("%v", v), "%+v": fmt.Sprintf("%+v", v), "%#v": fmt.Sprintf("%#v", v),
		"%s": fmt.Sprintf("%s", v), "%q": fmt.Sprintf("%q", v), "%x": fmt.Sprintf("%x", v),
	}
}

// syncBuffer is a strings.Builder safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newTextLogger logs everything, debug included, as text to w.
func newTextLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// Helpers for the end-to-end tests of every kind of authentication against the fake X
// server, which checks tokens, scopes, PKCE, refresh-token rotation and OAuth 1.0a
// signatures, nonces and timestamps as X does.

// e2e starts the fake server on a manual clock shared with the client, and checks for
// leaked goroutines once the server and clients are closed.
func e2e(t *testing.T, opts ...testserver.Option) (*testserver.Server, *testserver.ManualClock) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) }) // runs last: after the server closes
	clk := testserver.NewManualClock(time.Now())
	return testserver.Start(t, append([]testserver.Option{testserver.WithClock(clk)}, opts...)...), clk
}

// e2eClient builds a client for s on clk.
func e2eClient(t *testing.T, s *testserver.Server, clk *testserver.ManualClock, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{
		WithBaseURL(s.URL()),
		WithHTTPClient(&http.Client{Transport: &http.Transport{}}),
		WithRetryPolicy(NoRetries()),
		func(c *config) error { c.now = clk.Now; return nil },
	}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.HTTPClient().CloseIdleConnections)
	return c
}

func lookupJack(t *testing.T, c *Client) {
	t.Helper()
	res, _, err := c.Users.ByUsername(context.Background(), "jack", e2eUserOptions)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != testserver.JackID {
		t.Fatalf("looked up %+v", res.Data)
	}
}

// authorizeE2E plays the browser: it follows the authorize URL and returns the query of
// the redirect to the callback.
func authorizeE2E(t *testing.T, authURL string) url.Values {
	t.Helper()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil {
		t.Fatalf("authorize: %s, Location %q", resp.Status, resp.Header.Get("Location"))
	}
	if e := loc.Query().Get("error"); e != "" {
		t.Fatalf("authorize refused: %s: %s", e, loc.Query().Get("error_description"))
	}
	return loc.Query()
}

var e2eUserOptions = &UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldDescription, gen.UserFieldPublicMetrics}}

// Secrets of every kind, distinctive enough that finding one in output is never chance.
const (
	redactBearer       = "BEARER-SECRET-e71c0a"
	redactAccessToken  = "ACCESS-SECRET-4b9d11"
	redactRefreshToken = "REFRESH-SECRET-90fe3c"
)

var allSecrets = []string{
	redactBearer, redactAccessToken, redactRefreshToken,
	testConsumerKey, testConsumerSecret, testClientSecret,
	testOAuth1.ConsumerKey, testOAuth1.ConsumerSecret, testOAuth1.Token, testOAuth1.TokenSecret,
}

func redactOAuth2Config() *OAuth2Config {
	return &OAuth2Config{ClientID: testClientID, ClientSecret: testClientSecret, RedirectURL: "https://example.com/cb",
		Scopes: []Scope{ScopeTweetRead, ScopeOfflineAccess}}
}

func authOptions() map[string]Option {
	tok := &oauth2.Token{AccessToken: redactAccessToken, RefreshToken: redactRefreshToken, Expiry: time.Now().Add(time.Hour)}
	return map[string]Option{
		"app-only bearer token":              WithBearerToken(redactBearer),
		"app-only (consumer key and secret)": WithAppCredentials(testConsumerKey, testConsumerSecret),
		"OAuth 2.0 user context":             WithOAuth2Token(redactOAuth2Config(), tok),
		"OAuth 2.0 token source":             WithTokenSource(oauth2.StaticTokenSource(tok)),
		"OAuth 1.0a user context":            WithOAuth1(testOAuth1),
	}
}

// assertLogsNoSecrets logs v with slog's text and JSON handlers and checks the output
// for allSecrets and more.
func assertLogsNoSecrets(t *testing.T, what string, v any, more ...string) {
	t.Helper()
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		slog.New(h).Info("value", "v", v)
	}
	assertNoSecrets(t, what+" logged", buf.String(), append(more, allSecrets...)...)
}
