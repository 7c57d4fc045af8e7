package twitter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/internal/jsonx"
	"golang.org/x/oauth2"
)

func TestReconnectBackoffFollowsXSchedule(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	rateLimited := func(remaining int, reset time.Duration) error {
		h := http.Header{}
		h.Set("x-rate-limit-limit", "50")
		h.Set("x-rate-limit-remaining", fmt.Sprint(remaining))
		h.Set("x-rate-limit-reset", fmt.Sprint(now.Add(reset).Unix()))
		resp := &http.Response{StatusCode: 429, Header: h}
		return newError(jsonx.Default(), "GET /2/tweets/search/stream", resp, nil, parseRateLimit("GET /2/tweets/search/stream", h))
	}
	retryAfter := func(s string) error {
		h := http.Header{}
		h.Set("Retry-After", s)
		resp := &http.Response{StatusCode: 503, Header: h}
		return newError(jsonx.Default(), "GET /2/tweets/search/stream", resp, nil, RateLimit{})
	}
	tests := []struct {
		cause   ReconnectCause
		attempt int
		err     error
		want    time.Duration
	}{
		{CauseDropped, 1, nil, 0},
		{CauseDropped, 2, nil, 250 * time.Millisecond},
		{CauseDropped, 3, nil, 500 * time.Millisecond},
		{CauseDropped, 100, nil, 16 * time.Second},
		{CauseStalled, 1, nil, 0},
		{CauseStalled, 5, nil, time.Second},
		{CauseNetwork, 1, nil, 250 * time.Millisecond},
		{CauseNetwork, 2, nil, 500 * time.Millisecond},
		{CauseNetwork, 64, nil, 16 * time.Second},
		{CauseNetwork, 1 << 40, nil, 16 * time.Second},
		{CauseHTTP, 1, nil, 5 * time.Second},
		{CauseHTTP, 2, nil, 10 * time.Second},
		{CauseHTTP, 3, nil, 20 * time.Second},
		{CauseHTTP, 7, nil, 320 * time.Second},
		{CauseHTTP, 1000, nil, 320 * time.Second},
		{CauseHTTP, 1, retryAfter("30"), 30 * time.Second},
		{CauseHTTP, 1, retryAfter("3600"), 5 * time.Second}, // beyond HTTPMax: ignored
		{CauseRateLimited, 1, nil, time.Minute},
		{CauseRateLimited, 2, nil, 2 * time.Minute},
		{CauseRateLimited, 5, nil, 16 * time.Minute},
		{CauseRateLimited, 50, nil, 16 * time.Minute},
		{CauseRateLimited, 1, rateLimited(0, 10*time.Minute), 10*time.Minute + time.Second},
		{CauseRateLimited, 1, rateLimited(3, 10*time.Minute), time.Minute}, // TooManyConnections, window not used up
		{CauseRateLimited, 2, rateLimited(0, 30*time.Second), 2 * time.Minute},
	}
	p := DefaultReconnectPolicy()
	for _, tc := range tests {
		wait, ok := p.Next(ReconnectEvent{Cause: tc.cause, Attempt: tc.attempt, Err: tc.err, At: now})
		if !ok || wait != tc.want {
			t.Errorf("%s attempt %d (%v): wait %v %v, want %v", tc.cause, tc.attempt, tc.err, wait, ok, tc.want)
		}
	}
	limited := &ReconnectBackoff{MaxAttempts: 3, NetworkStep: time.Second, NetworkMax: 2 * time.Second}
	for attempt, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 2 * time.Second} {
		if wait, ok := limited.Next(ReconnectEvent{Cause: CauseNetwork, Attempt: attempt}); !ok || wait != want {
			t.Errorf("limited attempt %d: %v %v", attempt, wait, ok)
		}
	}
	if _, ok := limited.Next(ReconnectEvent{Cause: CauseNetwork, Attempt: 4}); ok {
		t.Error("MaxAttempts not honoured")
	}
}

func TestStreamReconnectsOnXSchedule(t *testing.T) {
	noLeaks(t)
	tooMany := `{"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.","connection_issue":"TooManyConnections","type":"https://api.x.com/2/problems/streaming-connection"}`
	unavailable := `{"title":"Service Unavailable","type":"about:blank","status":503}`
	clk := newFakeClock()
	srv := newScriptServer(t,
		sendThenEnd(tweetLines(1, 3)...), // 0: delivers, then the server closes it
		refuse(),                         // 1: network error
		refuse(),                         // 2: network error
		answer(503, unavailable),         // 3
		answer(503, unavailable),         // 4
		answer(429, tooMany),             // 5
		answer(429, tooMany),             // 6
		sendThenEnd(),                    // 7: connects, delivers nothing, ends
		lasting(clk, 2*time.Second, sendThenReset(tweetLines(4, 5), `{"da`)), // 8: delivers for a while, then reset mid-line
		sendThenHold(tweetLine("6")),                                         // 9: delivers, then silence: stalls
		refuse(),                                                             // 10: network error again
		sendThenHold(tweetLines(7, 9)...),                                    // 11: stays up
	)
	timers := newManualTimers()
	var evs events
	s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), &StreamOptions{
		OnReconnect: evs.add, afterFunc: timers.afterFunc,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := readIDs(t, s, 6)
	if !timers.fire() { // connection 9 has gone silent: its stall timeout passes
		t.Fatal("no stall watchdog armed")
	}
	ids = append(ids, readIDs(t, s, 3)...)
	if diff := cmp.Diff(idSeq(1, 9), ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	want := "dropped#1/0s network error#1/250ms network error#2/500ms HTTP error#1/5s HTTP error#2/10s " +
		"rate limited#1/1m0s rate limited#2/2m0s dropped#2/250ms dropped#1/0s stalled#1/0s network error#1/250ms"
	if got := evs.summary(); got != want {
		t.Errorf("reconnects:\n got %s\nwant %s", got, want)
	}
	wantWaits := []time.Duration{0, 250 * time.Millisecond, 500 * time.Millisecond, 5 * time.Second, 10 * time.Second,
		time.Minute, 2 * time.Minute, 250 * time.Millisecond, 0, 0, 250 * time.Millisecond}
	if diff := cmp.Diff(wantWaits, clk.recorded()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	list := evs.list()
	if e, ok := asError(list[3].Err); !ok || e.StatusCode != 503 {
		t.Errorf("HTTP event error %v", list[3].Err)
	}
	if e, ok := asError(list[5].Err); !ok || !e.HasProblem(ProblemConnectionException) || !strings.Contains(e.Error(), "maximum allowed connection") {
		t.Errorf("429 event error %v", list[5].Err)
	}
	// The 4 bytes of the unfinished line may or may not arrive before the reset.
	if msg := list[8].Err.Error(); !strings.Contains(msg, "reset") && !strings.Contains(msg, "unfinished line of 4 bytes") {
		t.Errorf("reset event error %v", list[8].Err)
	}
	if !errors.Is(list[9].Err, ErrStalled) {
		t.Errorf("stall event error %v", list[9].Err)
	}
	if got := srv.connections(); got != 12 {
		t.Errorf("connections = %d, want 12", got)
	}
	if rl, ok := s.c.RateLimit("GET /2/tweets/search/stream"); ok && rl.Endpoint == "" {
		t.Errorf("rate limit %+v", rl)
	}
}

func TestRepeatedDropsBackOffAndPolicyCanGiveUp(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, sendThenEnd()) // every connection: accepted, then closed at once
	clk := newFakeClock()
	var evs events
	s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), &StreamOptions{
		ReconnectPolicy: &ReconnectBackoff{MaxAttempts: 4}, OnReconnect: evs.add,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Next(context.Background())
	if err == nil || !strings.Contains(err.Error(), "gave up reconnecting after 5 failures in a row (dropped)") ||
		!strings.Contains(err.Error(), "connection closed by the server") {
		t.Fatalf("final error %v", err)
	}
	if got, want := evs.summary(), "dropped#1/0s dropped#2/250ms dropped#3/500ms dropped#4/750ms"; got != want {
		t.Errorf("reconnects %s, want %s", got, want)
	}
	if srv.connections() != 5 {
		t.Errorf("connections %d", srv.connections())
	}
}

func TestRateLimitedReconnectWaitsForTheReset(t *testing.T) {
	noLeaks(t)
	clk := newFakeClock()
	reset := fmt.Sprint(clk.now().Add(10 * time.Minute).Unix())
	srv := newScriptServer(t,
		answer(429, `{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`,
			"x-rate-limit-limit", "50", "x-rate-limit-remaining", "0", "x-rate-limit-reset", reset),
		sendThenHold(tweetLine("1")))
	var evs events
	s, err := srv.client(withClock(clk)).Stream.Sample(context.Background(), &StreamOptions{OnReconnect: evs.add})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	nextTweet(t, s)
	if got := evs.summary(); got != "rate limited#1/10m1s" {
		t.Errorf("reconnects %s", got)
	}
	if rl, ok := s.c.RateLimit("GET /2/tweets/sample/stream"); !ok || rl.Remaining != 0 || rl.Limit != 50 {
		t.Errorf("rate limit recorded %+v %v", rl, ok)
	}
}

// recordingPolicy waits a fixed time and remembers what it was asked.
type recordingPolicy struct{ events }

func (p *recordingPolicy) Next(ev ReconnectEvent) (time.Duration, bool) {
	p.add(ev)
	return 42 * time.Millisecond, true
}

func TestReconnectPolicyIsReplaceable(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, refuse(), answer(502, "<html>bad gateway</html>"), sendThenHold(tweetLine("1")))
	clk := newFakeClock()
	p := &recordingPolicy{}
	var seen events
	s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), &StreamOptions{ReconnectPolicy: p, OnReconnect: seen.add})
	if err != nil {
		t.Fatalf("a network error at the first connect must be retried, got %v", err)
	}
	defer s.Close()
	nextTweet(t, s)
	if got := p.summary(); got != "network error#1/0s HTTP error#1/0s" {
		t.Errorf("policy saw %s", got)
	}
	if got := seen.summary(); got != "network error#1/42ms HTTP error#1/42ms" {
		t.Errorf("OnReconnect saw %s", got)
	}
	if e, ok := asError(seen.list()[1].Err); !ok || !strings.Contains(e.Body, "bad gateway") {
		t.Errorf("502 event error %v", seen.list()[1].Err)
	}
	if diff := cmp.Diff([]time.Duration{42 * time.Millisecond, 42 * time.Millisecond}, clk.recorded()); diff != "" {
		t.Errorf("waits:\n%s", diff)
	}
}

func TestConnectWithoutAnswerTimesOut(t *testing.T) {
	noLeaks(t)
	arrived := make(chan struct{})
	srv := newScriptServer(t,
		func(w http.ResponseWriter, r *http.Request) { close(arrived); <-r.Context().Done() }, // never answers
		sendThenHold(tweetLine("1")))
	var evs events
	timers := newManualTimers()
	fired := make(chan bool, 1)
	go func() {
		<-arrived
		fired <- timers.fire() // the first connect waits for an answer: its timeout passes
	}()
	s, err := srv.client(withClock(newFakeClock())).Stream.Filtered(context.Background(), &StreamOptions{
		StallTimeout: 7 * time.Second, OnReconnect: evs.add, afterFunc: timers.afterFunc,
	})
	if !<-fired {
		t.Fatal("no connect watchdog armed")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	nextTweet(t, s)
	list := evs.list()
	if len(list) != 1 || list[0].Cause != CauseNetwork || !strings.Contains(list[0].Err.Error(), "no answer within 7s") {
		t.Errorf("events %s: %v", evs.summary(), list)
	}
}

// The one test of a stall on real timers: a silent connection is closed after
// StallTimeout and the stream reconnects at once.
func TestSilentConnectionStallsOnRealTimers(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, sendThenHold(tweetLine("1")), sendThenHold(tweetLine("2")))
	var evs events
	s, err := srv.client(withClock(newFakeClock())).Stream.Filtered(context.Background(), &StreamOptions{
		StallTimeout: 30 * time.Millisecond, OnReconnect: evs.add,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	if diff := cmp.Diff(idSeq(1, 2), readIDs(t, s, 2)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("reconnected after %v, before the stall timeout", d)
	}
	// Under heavy load a connect can also time out; the stall must be among the causes.
	if !strings.Contains(evs.summary(), "stalled#1/0s") {
		t.Errorf("reconnects %s", evs.summary())
	}
	select {
	case <-srv.ended: // the stalled connection was closed
	case <-time.After(time.Second):
		t.Error("stalled connection still open")
	}
}

// Connections that end at once, with nothing but a disconnect message or within a second
// of connecting, count as drops in a row: after the first, the network backoff.
func TestRapidDropsBackOffLikeNetworkErrors(t *testing.T) {
	clk := newFakeClock()
	for _, tc := range []struct {
		name string
		sess session
	}{
		{"disconnect message only", sendThenEnd(disconnectLine)},
		{"disconnect message only, for two seconds", lasting(clk, 2*time.Second, sendThenEnd(disconnectLine))},
		{"Tweets, closed within a second", sendThenEnd(tweetLine("1"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			noLeaks(t)
			srv := newScriptServer(t, tc.sess)
			var evs events
			enough := make(chan struct{})
			s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), &StreamOptions{OnReconnect: func(ev ReconnectEvent) {
				evs.add(ev)
				if len(evs.list()) == 6 {
					close(enough)
				}
			}})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			select {
			case <-enough:
			case <-time.After(5 * time.Second):
				t.Fatalf("reconnects: %s", evs.summary())
			}
			s.Close()
			want := "dropped#1/0s dropped#2/250ms dropped#3/500ms dropped#4/750ms dropped#5/1s dropped#6/1.25s"
			if got := evs.summary(); !strings.HasPrefix(got, want) {
				t.Errorf("reconnects %s\nwant %s", got, want)
			}
		})
	}
}

// When renewing the credentials is refused after a 401 on a reconnection (the app's
// consumer secret no longer works, the user's refresh token was revoked), the stream ends
// with that error instead of reconnecting with credentials that cannot work.
func TestStreamEndsWhenRenewingCredentialsIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name      string
		auth      func(tokenURL string, clk *fakeClock) Option
		refusal   func(w http.ResponseWriter)
		check     func(error) bool
		okFetches int32 // token requests answered with a token before the refusal
	}{
		{"app credentials", func(string, *fakeClock) Option { return WithAppCredentials("consumer-key", "consumer-secret") },
			func(w http.ResponseWriter) {
				writeJSONStatus(w, http.StatusForbidden, map[string]any{"errors": []map[string]any{{"code": 99, "message": "Unable to verify your credentials"}}})
			},
			func(err error) bool {
				var te *TokenError
				return errors.As(err, &te) && te.StatusCode == http.StatusForbidden
			}, 1},
		{"OAuth 2.0 refresh token", func(tokenURL string, clk *fakeClock) Option {
			cfg := &OAuth2Config{ClientID: "client", RedirectURL: "https://example.com/cb", Scopes: []Scope{ScopeTweetRead, ScopeOfflineAccess}, TokenURL: tokenURL}
			return WithOAuth2Token(cfg, &oauth2.Token{AccessToken: "access", RefreshToken: "refresh", Expiry: clk.now().Add(time.Hour)})
		}, func(w http.ResponseWriter) {
			writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "Value passed for the token was invalid."})
		}, IsReauthorizationRequired, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			noLeaks(t)
			var tokenRequests, connections atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/oauth2/token") {
					if tokenRequests.Add(1) > tc.okFetches {
						tc.refusal(w)
						return
					}
					writeJSONStatus(w, http.StatusOK, map[string]any{"access_token": "app-token", "token_type": "bearer"})
					return
				}
				if connections.Add(1) == 1 {
					sendThenEnd(tweetLine("1"))(w, r)
					return
				}
				answer(http.StatusUnauthorized, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`)(w, r)
			}))
			t.Cleanup(srv.Close)
			clk := newFakeClock()
			s, err := testStreamClient(t, srv.URL, tc.auth(srv.URL+"/2/oauth2/token", clk), withClock(clk)).Stream.Filtered(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			nextTweet(t, s)
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			_, err = s.Next(ctx)
			if !tc.check(err) || !strings.Contains(err.Error(), "GET /2/tweets/search/stream") {
				t.Fatalf("final error %v (after %d connections, %d token requests)", err, connections.Load(), tokenRequests.Load())
			}
			if n, c := tokenRequests.Load(), connections.Load(); n != tc.okFetches+1 || c != 2 {
				t.Errorf("%d token requests and %d connections; want %d and 2", n, c, tc.okFetches+1)
			}
			if waits := clk.recorded(); !cmp.Equal(waits, []time.Duration{0}) {
				t.Errorf("waits %v, want one reconnection at once", waits)
			}
		})
	}
}
