package twitter

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

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
