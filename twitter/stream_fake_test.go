package twitter

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/oauth2"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

// serverClock shows the fake server the test's fake clock, so that rate-limit resets
// and Tweet times agree with the waits the stream computes.
type serverClock struct{ clk *fakeClock }

func (c serverClock) Now() time.Time { return c.clk.now() }

// connLog records, in order, the stream connections that were answered 200 ("200") and
// the reconnects the stream reported (their cause), so a test can wait for a state.
type connLog struct {
	mu      sync.Mutex
	entries []string
	changed chan struct{}
}

func newConnLog() *connLog { return &connLog{changed: make(chan struct{})} }

func (l *connLog) add(e string) {
	l.mu.Lock()
	l.entries = append(l.entries, e)
	close(l.changed)
	l.changed = make(chan struct{})
	l.mu.Unlock()
}

// waitFor waits until the entries after mark satisfy ok, and returns the new mark.
func (l *connLog) waitFor(t *testing.T, mark int, ok func(since []string) bool) int {
	t.Helper()
	timeout := time.After(patience)
	for {
		l.mu.Lock()
		since, ch := append([]string(nil), l.entries[mark:]...), l.changed
		l.mu.Unlock()
		if ok(since) {
			return mark + len(since)
		}
		select {
		case <-ch:
		case <-timeout:
			t.Fatalf("gave up waiting; log since mark: %q", since)
		}
	}
}

// prefix is a waitFor condition: the log since the mark starts with want.
func prefix(want ...string) func([]string) bool {
	return func(since []string) bool {
		return len(since) >= len(want) && strings.Join(since[:len(want)], ",") == strings.Join(want, ",")
	}
}

// observingTransport logs each stream connection answered 200.
type observingTransport struct {
	next http.RoundTripper
	log  *connLog
}

func (o observingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := o.next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusOK && strings.HasSuffix(r.URL.Path, "/stream") {
		o.log.add("200")
	}
	return resp, err
}

// observedFake starts the fake server on a fake clock shared with a client of the app,
// whose stream connections answered 200 are logged.
func observedFake(t *testing.T) (*testserver.Server, *Client, *fakeClock, *connLog) {
	t.Helper()
	clk := newFakeClock()
	ts := testserver.Start(t, testserver.WithClock(serverClock{clk}), testserver.WithKeepAlive(5*time.Millisecond))
	log := newConnLog()
	tr := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := NewClient(WithBaseURL(ts.URL()), WithBearerToken(ts.AppBearerToken()),
		WithHTTPClient(&http.Client{Transport: observingTransport{next: tr, log: log}}), withClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	return ts, c, clk, log
}

// stallNext disconnects the stream of route and has its next connection go silent (no
// keep-alives either); the stall watchdog fires, and the stream reconnects. It returns
// the log's new mark.
func stallNext(t *testing.T, ts *testserver.Server, route string, timers *manualTimers, log *connLog, mark int) int {
	t.Helper()
	ts.Inject(route, testserver.Fault{Kind: testserver.FaultStall, Times: 1, Delay: time.Hour})
	ts.DisconnectStreams("")
	mark = log.waitFor(t, mark, prefix("dropped", "200"))
	if !timers.fire() {
		t.Fatal("no stall watchdog armed")
	}
	return log.waitFor(t, mark, prefix("stalled", "200"))
}

// whileUp is round taking a while by clk (briefAfter), so that the connection it ran on
// counts as a healthy one when it drops.
func whileUp(clk *fakeClock, round func()) func() {
	return func() {
		round()
		clk.advance(briefAfter)
	}
}

// emitAndRead has the server post n Tweets from @XDevelopers (matched by the seeded rule)
// and reads them back.
func emitAndRead(t *testing.T, ts *testserver.Server, s *Stream, n int) (emitted, received []string) {
	t.Helper()
	batch := make([]testserver.Tweet, n)
	for i := range batch {
		batch[i] = testserver.Tweet{AuthorID: testserver.XDevelopersID, MediaKeys: []string{testserver.PhotoMediaKey}}
	}
	for _, tw := range ts.EmitTweet(batch...) {
		emitted = append(emitted, tw.ID)
	}
	for range n {
		m := nextTweet(t, s)
		received = append(received, m.Tweet.Data.ID)
		if m.Tweet.MatchingRules == nil || m.Tweet.MatchingRules[0].ID != testserver.SeedRuleID {
			t.Errorf("Tweet %s: matching rules %+v", m.Tweet.Data.ID, m.Tweet.MatchingRules)
		}
		if inc := m.Tweet.Includes; len(inc.Users) == 0 || inc.Users[0].Username != "XDevelopers" || inc.Media == nil {
			t.Errorf("Tweet %s: includes %+v", m.Tweet.Data.ID, inc)
		}
	}
	return emitted, received
}

// TestFakeStreamFiltered: every Tweet the server emitted arrives once across faults.
func TestFakeStreamFiltered(t *testing.T) {
	noLeaks(t)
	ts, c, clk, log := observedFake(t)
	timers := newManualTimers()
	var evs events
	s, err := c.Stream.Filtered(context.Background(), &StreamOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldCreatedAt, gen.TweetFieldAttachments},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID, gen.TweetExpansionAttachmentsMediaKeys},
		UserFields:  []gen.UserField{gen.UserFieldUsername},
		OnReconnect: func(ev ReconnectEvent) { evs.add(ev); log.add(ev.Cause.String()) },
		afterFunc:   timers.afterFunc,
	})
	if err != nil {
		t.Fatal(err)
	}
	var emitted, received []string
	collect := func(n int) {
		e, r := emitAndRead(t, ts, s, n)
		emitted, received = append(emitted, e...), append(received, r...)
		clk.advance(briefAfter) // the connection stays up a while: a healthy one
	}
	mark := log.waitFor(t, 0, prefix("200"))
	collect(10)

	// An operational disconnect; then a 503, a 429 and a reset before a good connection.
	const route = "streamFiltered"
	ts.Inject(route, testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1})
	ts.Inject(route, testserver.Fault{Kind: testserver.FaultRateLimit, Times: 1})
	ts.Inject(route, testserver.Fault{Kind: testserver.FaultReset, Times: 1})
	if n := ts.DisconnectStreams(""); n != 1 {
		t.Fatalf("disconnected %d streams", n)
	}
	// The reset connection may fail as a drop (its 200 arrived) or as a network error.
	mark = log.waitFor(t, mark, func(since []string) bool {
		return prefix("dropped", "HTTP error", "rate limited", "200", "dropped", "200")(since) ||
			prefix("dropped", "HTTP error", "rate limited", "network error", "200")(since)
	})
	collect(10)

	// A connection that goes silent (no keep-alives either) until the stall timeout.
	stallNext(t, ts, route, timers, log, mark)
	collect(10)

	if diff := cmp.Diff(emitted, received); diff != "" {
		t.Errorf("received differs from emitted (-emitted +received):\n%s", diff)
	}
	if len(received) != 30 {
		t.Errorf("received %d Tweets, want 30", len(received))
	}
	seen := map[string]bool{}
	for _, id := range received {
		if seen[id] {
			t.Errorf("Tweet %s delivered twice", id)
		}
		seen[id] = true
	}
	waits := clk.recorded()
	want := []time.Duration{0, 5 * time.Second, time.Minute, 250 * time.Millisecond, 0, 0}
	if diff := cmp.Diff(want, waits); diff != "" {
		t.Errorf("waits (-want +got):\n%s\nreconnects: %s", diff, evs.summary())
	}

	start := time.Now()
	s.Close()
	if d := time.Since(start); d > promptly {
		t.Errorf("Close took %v", d)
	}
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	for ts.StreamConnections(route) != 0 && ctx.Err() == nil {
		time.Sleep(time.Millisecond)
	}
	if n := ts.StreamConnections(route); n != 0 {
		t.Errorf("server still has %d stream connections after Close", n)
	}
}

func TestFakeStreamSample(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond), testserver.WithMaxStreamConnections(1))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	s, err := c.Stream.Sample(context.Background(), &StreamOptions{TweetFields: []gen.TweetField{gen.TweetFieldLang}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := ts.EmitTweet(testserver.Tweet{Text: "sampled hello", AuthorID: testserver.BobID})
	m := nextTweet(t, s)
	if m.Tweet.Data.ID != out[0].ID || m.Tweet.Data.Lang != "en" {
		t.Errorf("message %+v", m.Tweet.Data)
	}

	// A second connection is over the limit: 429 TooManyConnections, retried, not final.
	clk := newFakeClock()
	var evs events
	c2 := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()), withClock(clk))
	s2, err := c2.Stream.Sample(context.Background(), &StreamOptions{
		OnReconnect:     evs.add,
		ReconnectPolicy: &ReconnectBackoff{MaxAttempts: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	_, err = s2.Next(context.Background())
	if !IsRateLimited(err) || !strings.Contains(err.Error(), "gave up reconnecting after 3 failures") {
		t.Fatalf("second stream: %v", err)
	}
	if got := evs.summary(); got != "rate limited#1/1m0s rate limited#2/2m0s" {
		t.Errorf("reconnects %s", got)
	}
	if e, _ := asError(evs.list()[0].Err); e == nil || e.Problems[0].ConnectionIssue != "TooManyConnections" {
		t.Errorf("429 error %v", evs.list()[0].Err)
	}
}

func TestStreamWithWrongTokenFailsAtOnceAgainstFakeServer(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t)
	c := testStreamClient(t, ts.URL(), WithBearerToken("not-the-token"))
	if _, err := c.Stream.Filtered(context.Background(), nil); !IsUnauthorized(err) || strings.Contains(err.Error(), "not-the-token") {
		t.Fatalf("err = %v", err)
	}
}

// bodyReadTransport signals reading when the stream starts reading the body of an
// answer that is not a 200: by then it has the headers and waits on the body.
type bodyReadTransport struct {
	next    http.RoundTripper
	reading chan struct{}
}

func (b bodyReadTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := b.next.RoundTrip(r)
	if err == nil && resp.StatusCode != http.StatusOK {
		resp.Body = &signalBody{ReadCloser: resp.Body, reading: b.reading}
	}
	return resp, err
}

type signalBody struct {
	io.ReadCloser
	reading chan struct{}
	once    sync.Once
}

func (b *signalBody) Read(p []byte) (int, error) {
	b.once.Do(func() { b.reading <- struct{}{} })
	return b.ReadCloser.Read(p)
}

// A 503 whose body stops after a few bytes cannot hold up a stream: StallTimeout bounds
// the whole answer to a connection attempt, body included, on the first connection
// (Filtered returns) and on a reconnection (the stream connects again).
func TestStreamConnectBoundsTheErrorBody(t *testing.T) {
	noLeaks(t)
	clk := newFakeClock()
	ts := testserver.Start(t, testserver.WithClock(serverClock{clk}), testserver.WithKeepAlive(5*time.Millisecond))
	log := newConnLog()
	reading := make(chan struct{}, 4)
	tr := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := NewClient(WithBaseURL(ts.URL()), WithBearerToken(ts.AppBearerToken()),
		WithHTTPClient(&http.Client{Transport: bodyReadTransport{next: observingTransport{next: tr, log: log}, reading: reading}}), withClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	const route = "streamFiltered"
	timers := newManualTimers()
	passStallTimeout := func() {
		t.Helper()
		select {
		case <-reading:
		case <-time.After(patience):
			t.Fatal("the stalled answer never came")
		}
		if !timers.fire() {
			t.Fatal("nothing bounds the error body: no watchdog armed while it is read")
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var evs events
	type opened struct {
		s   *Stream
		err error
	}
	done := make(chan opened, 1)
	ts.Inject(route, testserver.Fault{Kind: testserver.FaultStalledBody, Times: 1})
	go func() {
		s, err := c.Stream.Filtered(ctx, &StreamOptions{
			OnReconnect: func(ev ReconnectEvent) { evs.add(ev); log.add(ev.Cause.String()) },
			afterFunc:   timers.afterFunc,
		})
		done <- opened{s, err}
	}()
	passStallTimeout()
	o := <-done
	if o.err != nil {
		t.Fatalf("Filtered: %v", o.err)
	}
	s := o.s
	defer s.Close()
	mark := log.waitFor(t, 0, prefix("HTTP error", "200"))
	readEmitted := func() {
		t.Helper()
		tw := ts.EmitTweet(testserver.Tweet{AuthorID: testserver.XDevelopersID})
		if got := nextTweet(t, s).Tweet.Data.ID; got != tw[0].ID {
			t.Errorf("got Tweet %s, want %s", got, tw[0].ID)
		}
	}
	readEmitted()

	ts.Inject(route, testserver.Fault{Kind: testserver.FaultStalledBody, Times: 1})
	ts.DisconnectStreams("")
	passStallTimeout()
	log.waitFor(t, mark, prefix("dropped", "HTTP error", "200"))
	readEmitted()

	for _, i := range []int{0, 2} {
		ev := evs.list()[i]
		if e, ok := asError(ev.Err); !ok || e.StatusCode != 503 || !strings.Contains(ev.Err.Error(), "cut short after 24 bytes: not sent within 21s") {
			t.Errorf("event %d: %s %v", i, ev.Cause, ev.Err)
		}
	}
}

// A server that drops every connection at once, with an operational-disconnect or with
// nothing at all, is reconnected to on the network backoff, not in a storm.
func TestFakeServerDroppingEveryConnectionIsBackedOff(t *testing.T) {
	for _, kind := range []testserver.FaultKind{testserver.FaultDisconnect, testserver.FaultEmptyBody} {
		t.Run(kind.String(), func(t *testing.T) {
			noLeaks(t)
			ts, c, clk, _ := observedFake(t)
			ts.Inject("streamFiltered", testserver.Fault{Kind: kind})
			var evs events
			enough := make(chan struct{})
			s, err := c.Stream.Filtered(context.Background(), &StreamOptions{OnReconnect: func(ev ReconnectEvent) {
				evs.add(ev)
				if len(evs.list()) == 5 {
					close(enough)
				}
			}})
			if err != nil {
				t.Fatal(err)
			}
			select {
			case <-enough:
			case <-time.After(patience):
				t.Fatalf("reconnects: %s", evs.summary())
			}
			if kind == testserver.FaultDisconnect {
				if m := nextWhere(t, s, func(Message) bool { return true }); !m.IsDisconnect() {
					t.Errorf("first message %+v, want the disconnect", m)
				}
			}
			s.Close()
			want := "dropped#1/0s dropped#2/250ms dropped#3/500ms dropped#4/750ms dropped#5/1s"
			if got := evs.summary(); !strings.HasPrefix(got, want) {
				t.Errorf("reconnects %s\nwant %s", got, want)
			}
			if got := clk.recorded(); len(got) < 4 || got[3] != 750*time.Millisecond {
				t.Errorf("waits %v: not waited as reported", got)
			}
		})
	}
}

// Credentials the token endpoint refuses end the stream at its first connection: one
// token request, no reconnection.
func TestStreamWithRefusedCredentialsFailsAtOnce(t *testing.T) {
	ts := testserver.Start(t)
	key, _ := ts.AppCredentials()
	oc := ts.OAuth2Client()
	cfg := &OAuth2Config{ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes: []Scope{ScopeTweetRead, ScopeOfflineAccess}, TokenURL: oc.TokenURL}
	clk := newFakeClock()
	for name, tc := range map[string]struct {
		auth  Option
		check func(error) bool
	}{
		"consumer secret refused": {WithAppCredentials(key, "wrong-secret"), func(err error) bool {
			var te *TokenError
			return errors.As(err, &te) && te.StatusCode == http.StatusForbidden
		}},
		"refresh token refused": {WithOAuth2Token(cfg, &oauth2.Token{AccessToken: "expired", RefreshToken: "spent", Expiry: clk.now().Add(-time.Hour)}),
			IsReauthorizationRequired},
	} {
		t.Run(name, func(t *testing.T) {
			noLeaks(t)
			var tokenRequests atomic.Int32
			tr := &http.Transport{}
			t.Cleanup(tr.CloseIdleConnections)
			counting := roundTripperFunc(func(r *http.Request) (*http.Response, error) {
				if strings.HasSuffix(r.URL.Path, "/oauth2/token") {
					tokenRequests.Add(1)
				}
				return tr.RoundTrip(r)
			})
			c := testStreamClient(t, ts.URL(), tc.auth, WithHTTPClient(&http.Client{Transport: counting}), withClock(clk))
			s, err := c.Stream.Filtered(context.Background(), nil)
			if s != nil {
				s.Close()
				t.Fatalf("the stream opened (to retry in the background); want the refusal")
			}
			if !tc.check(err) || !strings.Contains(err.Error(), "GET /2/tweets/search/stream") {
				t.Fatalf("err = %v", err)
			}
			if n := tokenRequests.Load(); n != 1 {
				t.Errorf("%d token requests, want 1", n)
			}
		})
	}
}

// advance moves a fake clock (shared with the fake server by observedFake) without
// recording a wait.
func advance(clk *fakeClock, d time.Duration) {
	clk.mu.Lock()
	clk.t = clk.t.Add(d)
	clk.mu.Unlock()
}

// emitXDevs has the server post n Tweets from @XDevelopers, which the seeded rule
// matches, and returns their ids.
func emitXDevs(ts *testserver.Server, n int) []string {
	batch := make([]testserver.Tweet, n)
	for i := range batch {
		batch[i].AuthorID = testserver.XDevelopersID
	}
	var ids []string
	for _, tw := range ts.EmitTweet(batch...) {
		ids = append(ids, tw.ID)
	}
	return ids
}

// readUntilAll reads Tweets until every id of want has arrived, and returns the ids of
// all the Tweets read, in order.
func readUntilAll(t *testing.T, s *Stream, want []string) []string {
	t.Helper()
	var got []string
	for slices.ContainsFunc(want, func(id string) bool { return !slices.Contains(got, id) }) {
		got = append(got, nextTweet(t, s).Tweet.Data.ID)
	}
	return got
}

// gapEmitter is an OnReconnect that logs the cause and, as X goes on posting while a
// stream is away, has the server post two Tweets each time: between the drop and the
// connection that follows, so no connection of the stream can carry them live.
type gapEmitter struct {
	ts  *testserver.Server
	log *connLog
	mu  sync.Mutex
	ids []string
}

func (g *gapEmitter) onReconnect(ev ReconnectEvent) {
	ids := emitXDevs(g.ts, 2)
	g.mu.Lock()
	g.ids = append(g.ids, ids...)
	g.mu.Unlock()
	g.log.add(ev.Cause.String())
}

func (g *gapEmitter) emitted() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.ids)
}

// TestFakeStreamBackfillRecoversTheGap: a filtered stream with BackfillMinutes is
// disconnected (an operational disconnect, then a 503 on the first reconnection) while
// Tweets keep being posted; it reconnects by itself, asking again for the backfill, and
// receives every Tweet of the gap, plus (as from X) duplicates of those of the last
// minute it had already had, and nothing older than the minute. Without backfill the
// gap's Tweets are lost: the fake really replays, and only when asked.
func TestFakeStreamBackfillRecoversTheGap(t *testing.T) {
	for _, tc := range []struct {
		name     string
		backfill int
	}{{"backfill one minute", 1}, {"no backfill", 0}} {
		t.Run(tc.name, func(t *testing.T) {
			noLeaks(t)
			ts, c, clk, log := observedFake(t)
			gap := &gapEmitter{ts: ts, log: log}
			s, err := c.Stream.Filtered(context.Background(), &StreamOptions{BackfillMinutes: tc.backfill, OnReconnect: gap.onReconnect})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			mark := log.waitFor(t, 0, prefix("200"))

			old := emitXDevs(ts, 2)
			if got := readIDs(t, s, 2); !slices.Equal(got, old) {
				t.Fatalf("before the gap: %v, want %v", got, old)
			}
			advance(clk, 2*time.Minute)
			recent := emitXDevs(ts, 2)
			if got := readIDs(t, s, 2); !slices.Equal(got, recent) {
				t.Fatalf("before the gap: %v, want %v", got, recent)
			}

			ts.Inject("streamFiltered", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1})
			if n := ts.DisconnectStreams(""); n != 1 {
				t.Fatalf("disconnected %d streams", n)
			}
			log.waitFor(t, mark, prefix("dropped", "HTTP error", "200"))
			after := emitXDevs(ts, 2)
			got := readUntilAll(t, s, after)
			gapIDs := gap.emitted()
			if len(gapIDs) != 4 {
				t.Fatalf("%d Tweets posted during the gap, want 4", len(gapIDs))
			}
			count := func(ids []string) (n int) {
				for _, id := range ids {
					if slices.Contains(got, id) {
						n++
					}
				}
				return n
			}
			if tc.backfill == 0 {
				if n := count(gapIDs) + count(recent) + count(old); n != 0 || !slices.Equal(got, after) {
					t.Errorf("without backfill, after the gap: %v, want only %v (gap %v lost)", got, after, gapIDs)
				}
				return
			}
			// Reconnected 5 s after the drop (the 503's wait): the minute before reaches back
			// past the gap to the recent Tweets, not to the old ones.
			if n := count(gapIDs); n != len(gapIDs) {
				t.Errorf("with backfill, after the gap: %v; want every Tweet of the gap %v", got, gapIDs)
			}
			if n := count(recent); n != len(recent) {
				t.Errorf("with backfill, after the gap: %v; want the recent %v again (duplicates, as X sends)", got, recent)
			}
			if n := count(old); n != 0 {
				t.Errorf("with backfill, after the gap: %v; the old %v are outside the minute", got, old)
			}
			if want := slices.Concat(recent, gapIDs, after); !slices.Equal(got, want) {
				t.Errorf("order after the gap: %v, want %v (the replay oldest first, then live)", got, want)
			}
		})
	}
}

// TestFakeStreamStartTimeOnFirstConnectionOnly: StartTime replays from then on the
// first connection; a reconnection does not ask for it again, so what came before the
// drop is not replayed a second time (and, without backfill, the gap is lost).
func TestFakeStreamStartTimeOnFirstConnectionOnly(t *testing.T) {
	noLeaks(t)
	ts, c, clk, log := observedFake(t)
	older := emitXDevs(ts, 1)
	advance(clk, 3*time.Minute)
	before := emitXDevs(ts, 2)
	advance(clk, time.Minute)
	gap := &gapEmitter{ts: ts, log: log}
	s, err := c.Stream.Filtered(context.Background(), &StreamOptions{StartTime: clk.now().Add(-2 * time.Minute), OnReconnect: gap.onReconnect})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mark := log.waitFor(t, 0, prefix("200"))
	if got := readIDs(t, s, 2); !slices.Equal(got, before) {
		t.Fatalf("first connection replayed %v, want %v (not the older %v)", got, before, older)
	}
	if n := ts.DisconnectStreams(""); n != 1 {
		t.Fatalf("disconnected %d streams", n)
	}
	log.waitFor(t, mark, prefix("dropped", "200"))
	after := emitXDevs(ts, 1)
	if got := readUntilAll(t, s, after); !slices.Equal(got, after) {
		t.Errorf("after reconnecting: %v, want only %v (no replay of %v, gap %v lost)", got, after, before, gap.emitted())
	}
}
