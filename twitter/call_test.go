package twitter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"
)

// fakeClock records the waits a client asks for and moves time forward instead of sleeping.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	waits []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Unix(1_700_000_000, 0)} }

func (f *fakeClock) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.waits = append(f.waits, d)
	f.t = f.t.Add(d)
	return nil
}

func (f *fakeClock) recorded() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.waits...)
}

// withClock makes the client use clk for rate-limit waits and retry sleeps.
func withClock(clk *fakeClock) Option {
	return func(c *config) error {
		c.now, c.sleep = clk.now, clk.sleep
		if b, ok := c.retry.(*Backoff); ok {
			b.now = clk.now
		}
		return nil
	}
}

func fastBackoff(clk *fakeClock) *Backoff {
	return &Backoff{Initial: 10 * time.Millisecond, Max: 80 * time.Millisecond, Jitter: -1, now: clk.now}
}

const okUser = `{"data":{"id":"1","name":"A","username":"a"}}`

func TestRetriesIdempotentCallsOn5xx(t *testing.T) {
	var calls atomic.Int32
	clk := newFakeClock()
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, `{"title":"Service Unavailable","type":"about:blank"}`)
			return
		}
		fmt.Fprint(w, okUser)
	}, WithRetryPolicy(fastBackoff(clk)), withClock(clk))
	res, resp, err := c.Users.ByUsername(context.Background(), "a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != "1" || resp.Attempts != 3 {
		t.Errorf("data %+v attempts %d", res.Data, resp.Attempts)
	}
	if got := clk.recorded(); len(got) != 2 || got[0] != 10*time.Millisecond || got[1] != 20*time.Millisecond {
		t.Errorf("waits = %v, want [10ms 20ms]", got)
	}
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	var calls atomic.Int32
	clk := newFakeClock()
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusBadGateway)
	}, WithRetryPolicy(&Backoff{MaxAttempts: 3, Initial: time.Millisecond, Jitter: -1}), withClock(clk))
	_, resp, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !IsServerError(err) || calls.Load() != 3 || resp.Attempts != 3 {
		t.Fatalf("err %v calls %d", err, calls.Load())
	}
}

func TestMutationsAreNotRetriedUnlessAsked(t *testing.T) {
	for _, allow := range []bool{false, true} {
		t.Run(fmt.Sprintf("WithRetryMutations=%v", allow), func(t *testing.T) {
			var calls atomic.Int32
			clk := newFakeClock()
			opts := []Option{WithRetryPolicy(fastBackoff(clk)), withClock(clk)}
			if allow {
				opts = append(opts, WithRetryMutations())
			}
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				if calls.Add(1) == 1 {
					w.WriteHeader(http.StatusServiceUnavailable)
					return
				}
				fmt.Fprint(w, `{"data":{"following":true}}`)
			}, opts...)
			_, _, err := c.Users.Follow(context.Background(), "1", "2")
			want := int32(1)
			if allow {
				want = 2
			}
			if calls.Load() != want {
				t.Errorf("calls = %d, want %d (err %v)", calls.Load(), want, err)
			}
			if allow != (err == nil) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestNetworkErrorsAreRetried(t *testing.T) {
	var calls atomic.Int32
	clk := newFakeClock()
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			hj, _ := w.(http.Hijacker)
			conn, _, _ := hj.Hijack()
			conn.Close() // connection reset before any response
			return
		}
		fmt.Fprint(w, okUser)
	}, WithRetryPolicy(fastBackoff(clk)), withClock(clk))
	_, resp, err := c.Users.ByUsername(context.Background(), "a", nil)
	if err != nil || resp.Attempts != 2 {
		t.Fatalf("err %v, attempts %v", err, resp)
	}
}

func rateLimited(w http.ResponseWriter, reset time.Time, body string) {
	w.Header().Set("x-rate-limit-limit", "15")
	w.Header().Set("x-rate-limit-remaining", "0")
	w.Header().Set("x-rate-limit-reset", strconv.FormatInt(reset.Unix(), 10))
	w.WriteHeader(http.StatusTooManyRequests)
	fmt.Fprint(w, body)
}

func TestRateLimitWaitWaitsForReset(t *testing.T) {
	clk := newFakeClock()
	reset := clk.now().Add(90 * time.Second)
	var calls atomic.Int32
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			rateLimited(w, reset, `{"title":"Too Many Requests","type":"about:blank","status":429}`)
			return
		}
		fmt.Fprint(w, okUser)
	}, WithRetryPolicy(NoRetries()), WithRateLimitWait(5*time.Minute), withClock(clk))
	_, resp, err := c.Users.ByUsername(context.Background(), "a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := clk.recorded(); len(got) != 1 || got[0] != 91*time.Second {
		t.Errorf("waits = %v, want [91s] (reset + 1s slack)", got)
	}
	if resp.Attempts != 2 {
		t.Errorf("attempts = %d", resp.Attempts)
	}
}

func TestRateLimitWaitIsBounded(t *testing.T) {
	clk := newFakeClock()
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		rateLimited(w, clk.now().Add(15*time.Minute), `{"title":"Too Many Requests","type":"about:blank"}`)
	}, WithRetryPolicy(NoRetries()), WithRateLimitWait(time.Minute), withClock(clk))
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !IsRateLimited(err) {
		t.Fatalf("err = %v", err)
	}
	if len(clk.recorded()) != 0 {
		t.Errorf("waited %v beyond the bound", clk.recorded())
	}
	var e *Error
	errors.As(err, &e)
	if e.RateLimit.Remaining != 0 || e.RateLimit.Limit != 15 {
		t.Errorf("rate limit snapshot = %+v", e.RateLimit)
	}
}

func TestUsageCapIsNeverWaitedOrRetried(t *testing.T) {
	clk := newFakeClock()
	var calls atomic.Int32
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		rateLimited(w, clk.now().Add(time.Second), `{"title":"UsageCapExceeded","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}`)
	}, WithRetryPolicy(fastBackoff(clk)), WithRateLimitWait(time.Hour), withClock(clk))
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !IsUsageCapExceeded(err) || IsRateLimited(err) {
		t.Fatalf("err = %v", err)
	}
	if calls.Load() != 1 || len(clk.recorded()) != 0 {
		t.Errorf("calls %d waits %v", calls.Load(), clk.recorded())
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	clk := newFakeClock()
	var calls atomic.Int32
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, okUser)
	}, WithRetryPolicy(fastBackoff(clk)), withClock(clk))
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	if got := clk.recorded(); len(got) != 1 || got[0] != 7*time.Second {
		t.Errorf("waits = %v, want [7s]", got)
	}
}

func TestCancelledContextStopsRetrying(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		cancel()
		w.WriteHeader(http.StatusServiceUnavailable)
	}, WithRetryPolicy(&Backoff{Initial: time.Hour}))
	start := time.Now()
	_, _, err := c.Users.ByUsername(ctx, "a", nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if time.Since(start) > promptly || calls.Load() != 1 {
		t.Errorf("took %v, calls %d", time.Since(start), calls.Load())
	}
}

func TestDecodeFailuresAreClear(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"truncated", `{"data":{"id":"1","name":"A","userna`, "decoding 200 response"},
		{"html with 200", `<html><body>captive portal</body></html>`, "captive portal"},
		{"wrong type", `{"data":{"id":1}}`, "decoding 200 response"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := setup(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, tc.body) })
			_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestBodySizeIsCapped(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"data":{"id":"1","name":"%s","username":"a"}}`, strings.Repeat("n", 2048))
	}, func(c *config) error { c.maxBodySize = 1024; return nil })
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if err == nil || !strings.Contains(err.Error(), "larger than 1024 bytes") {
		t.Fatalf("err = %v", err)
	}
}

func TestPartialErrorsBesideData(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"data":{"id":"1","name":"A","username":"a"},"errors":[{"value":"x","detail":"Could not find user","title":"Not Found Error","resource_type":"user","parameter":"username","resource_id":"x","type":"https://api.x.com/2/problems/resource-not-found"}]}`)
	})
	res, resp, err := c.Users.ByUsername(context.Background(), "a", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != "1" || len(resp.PartialErrors) != 1 || ProblemType(resp.PartialErrors[0].Type) != ProblemResourceNotFound {
		t.Errorf("data %+v partial %+v", res.Data, resp.PartialErrors)
	}
}

func TestNilContextIsAnError(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) { t.Error("request sent") })
	//lint:ignore SA1012 a nil context must be refused, not dereferenced
	if _, _, err := c.Users.ByUsername(nil, "a", nil); err == nil {
		t.Fatal("nil context accepted")
	}
}

// A 2xx body with nothing but whitespace is as empty as no body; a 204 is a success.
func TestBlankBodyIsAnErrorButNoContentIsNot(t *testing.T) {
	status := http.StatusOK
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
		if status != http.StatusNoContent {
			fmt.Fprint(w, " \r\n\t\n")
		}
	})
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !errors.Is(err, ErrEmptyBody) || !strings.Contains(err.Error(), "GET /2/users/by/username/{username}: decoding 200 response") {
		t.Errorf("whitespace body: err = %v", err)
	}
	status = http.StatusNoContent
	if _, resp, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Errorf("204: err = %v", err)
	}
}

// TestReadSizedReadsWhatReadAllWould: whatever the body's announced size, readSized gives
// what io.ReadAll of the body cut at limit+1 bytes gives, errors included.
func TestReadSizedReadsWhatReadAllWould(t *testing.T) {
	body := strings.Repeat("0123456789", 10) // 100 bytes
	failing := errors.New("connection reset")
	for _, c := range []struct {
		name        string
		size, limit int64
		reader      func() io.Reader
	}{
		{"as announced", 100, 1000, func() io.Reader { return strings.NewReader(body) }},
		{"byte by byte", 100, 1000, func() io.Reader { return iotest.OneByteReader(strings.NewReader(body)) }},
		{"with EOF on the last read", 100, 1000, func() io.Reader { return iotest.DataErrReader(strings.NewReader(body)) }},
		{"longer than announced", 10, 1000, func() io.Reader { return strings.NewReader(body) }},
		{"shorter than announced", 500, 1000, func() io.Reader { return strings.NewReader(body) }},
		{"announced within the limit, longer than it", 50, 60, func() io.Reader { return strings.NewReader(body) }},
		{"exactly the limit", 100, 100, func() io.Reader { return strings.NewReader(body) }},
		{"one past the limit", 99, 99, func() io.Reader { return strings.NewReader(body) }},
		{"unknown size", -1, 1000, func() io.Reader { return strings.NewReader(body) }},
		{"announced over the limit", 200, 50, func() io.Reader { return strings.NewReader(body) }},
		{"empty", 0, 1000, func() io.Reader { return strings.NewReader("") }},
		{"failing midway", 100, 1000, func() io.Reader {
			return io.MultiReader(strings.NewReader(body[:40]), iotest.ErrReader(failing))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, wantErr := io.ReadAll(io.LimitReader(c.reader(), c.limit+1))
			got, err := readSized(c.reader(), c.size, c.limit)
			if string(got) != string(want) || !errors.Is(err, wantErr) && err != wantErr {
				t.Errorf("readSized = %d bytes, %v; io.ReadAll gives %d bytes, %v", len(got), err, len(want), wantErr)
			}
		})
	}
}
