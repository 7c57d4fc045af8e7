package twitter

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/internal/testserver"
)

type ctxKey struct{}

// hookLog is an Observer that writes each hook as a line, and checks that the context
// StartCall returned reaches the later hooks.
type hookLog struct {
	t     *testing.T
	mu    sync.Mutex
	lines []string
	ends  []CallEnd
}

func (r *hookLog) add(ctx context.Context, format string, args ...any) {
	if ctx.Value(ctxKey{}) != "call" {
		r.t.Errorf("hook %q without the context StartCall returned", fmt.Sprintf(format, args...))
	}
	r.mu.Lock()
	r.lines = append(r.lines, fmt.Sprintf(format, args...))
	r.mu.Unlock()
}

func (r *hookLog) StartCall(ctx context.Context, ev CallStart) context.Context {
	ctx = context.WithValue(ctx, ctxKey{}, "call")
	r.add(ctx, "start %s", ev.Endpoint)
	return ctx
}

func (r *hookLog) EndAttempt(ctx context.Context, ev Attempt) {
	r.add(ctx, "attempt %d: %d, error %t, remaining %d", ev.Number, ev.StatusCode, ev.Err != nil, ev.RateLimit.Remaining)
}

func (r *hookLog) StartWait(ctx context.Context, ev Wait) {
	r.add(ctx, "wait %s after attempt %d: %v", ev.Reason, ev.Attempt, ev.Duration.Round(10*time.Millisecond))
}

func (r *hookLog) EndCall(ctx context.Context, ev CallEnd) {
	r.add(ctx, "end %s: %d attempts, %d, error %t", ev.Endpoint, ev.Attempts, ev.StatusCode, ev.Err != nil)
	r.mu.Lock()
	r.ends = append(r.ends, ev)
	r.mu.Unlock()
}

func (r *hookLog) Reconnect(ctx context.Context, ev StreamReconnect) {
	r.mu.Lock()
	r.lines = append(r.lines, fmt.Sprintf("reconnect %s: %s", ev.Endpoint, ev.Event.Cause))
	r.mu.Unlock()
}

func (r *hookLog) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.lines...)
}

// TestObserverSeesRetriesAndWaitsInOrder: a call that meets a 503, then a 429, then
// succeeds reports each attempt and each wait between them, in order, with the context
// StartCall returned, which its requests carry too.
func TestObserverSeesRetriesAndWaitsInOrder(t *testing.T) {
	clk := newFakeClock()
	ts := testserver.Start(t, testserver.WithClock(serverClock{clk}), testserver.WithRateLimit("GET /2/users/by/username/{username}", 5, 15*time.Minute))
	ts.Inject("GET /2/users/by/username/{username}", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1})
	ts.Inject("GET /2/users/by/username/{username}", testserver.Fault{Kind: testserver.FaultRateLimit, Delay: 30 * time.Second, Times: 1})
	rec := &hookLog{t: t}
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	requests := 0
	carry := roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		requests++
		if r.Context().Value(ctxKey{}) != "call" {
			t.Errorf("request %d lacks the observer's context", requests)
		}
		return tr.RoundTrip(r)
	})
	c, err := NewClient(WithBaseURL(ts.URL()), WithBearerToken(ts.AppBearerToken()), WithHTTPClient(&http.Client{Transport: carry}),
		WithRetryPolicy(fastBackoff(clk)), WithRateLimitWait(time.Minute), withClock(clk), WithObserver(rec))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Users.ByUsername(context.Background(), "jack", nil); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"start GET /2/users/by/username/{username}",
		"attempt 1: 503, error true, remaining 0",
		"wait retry after attempt 1: 10ms",
		"attempt 2: 429, error true, remaining 0",
		"wait rate-limit after attempt 2: 31.99s",
		"attempt 3: 200, error false, remaining 4",
		"end GET /2/users/by/username/{username}: 3 attempts, 200, error false",
	}
	if diff := cmp.Diff(want, rec.got()); diff != "" {
		t.Errorf("hooks (-want +got):\n%s", diff)
	}
	if end := rec.ends[0]; end.Duration < 31*time.Second || end.RateLimit.Remaining != 4 {
		t.Errorf("CallEnd %+v: want the waits in its duration and the last rate limit", end)
	}

	// A call that fails reports the failure; one refused before sending reports nothing.
	rec.lines = nil
	ts.Inject("GET /2/users/by/username/{username}", testserver.Fault{Kind: testserver.FaultStatus, Status: 404, Times: 1})
	if _, _, err := c.Users.ByUsername(context.Background(), "jack", nil); err == nil {
		t.Fatal("no error for the 404")
	}
	if _, _, err := c.Users.ByUsername(context.Background(), "@jack", nil); err == nil {
		t.Fatal("no error for a bad username")
	}
	want = []string{
		"start GET /2/users/by/username/{username}",
		"attempt 1: 404, error true, remaining 0",
		"end GET /2/users/by/username/{username}: 1 attempts, 404, error true",
	}
	if diff := cmp.Diff(want, rec.got()); diff != "" {
		t.Errorf("hooks of a failure (-want +got):\n%s", diff)
	}
}

// TestObserverSeesStreamReconnects: a dropped stream reports its reconnection.
func TestObserverSeesStreamReconnects(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	rec := &hookLog{t: t}
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()), WithObserver(rec))
	s, err := c.Stream.Sample(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := ts.DisconnectStreams(""); n != 1 {
		t.Fatalf("disconnected %d streams", n)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(strings.Join(rec.got(), "\n"), "reconnect GET /2/tweets/sample/stream: ") {
		if time.Now().After(deadline) {
			t.Fatalf("no reconnect reported; hooks: %q", rec.got())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestWithObserverRefusesNil(t *testing.T) {
	if _, err := NewClient(WithObserver(nil)); err == nil || err.Error() != "twitter: WithObserver: nil Observer" {
		t.Errorf("WithObserver(nil): %v", err)
	}
}
