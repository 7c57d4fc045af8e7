package twitter_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// retryingClient is an app client that retries quickly: the faults below are what its
// retry policy and error handling are for.
func retryingClient(t *testing.T, s *testserver.Server, opts ...twitter.Option) *twitter.Client {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	all := append([]twitter.Option{
		twitter.WithBaseURL(s.URL()),
		twitter.WithBearerToken(s.AppBearerToken()),
		twitter.WithHTTPClient(&http.Client{Transport: tr, Timeout: 2 * time.Second}),
		twitter.WithRetryPolicy(&twitter.Backoff{MaxAttempts: 3, Initial: time.Millisecond, Max: 5 * time.Millisecond}),
	}, opts...)
	c, err := twitter.NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const userRoute = "GET /2/users/by/username/{username}"

// Each fault the server can inject, once, is survived by a retrying client on an
// idempotent call: the call succeeds on the next attempt and the Response says so.
func TestFaultsAreRetried(t *testing.T) {
	for _, f := range []struct {
		name  string
		fault testserver.Fault
	}{
		{"503 with a problem", testserver.Fault{Kind: testserver.FaultStatus, Status: 503}},
		{"503 without JSON", testserver.Fault{Kind: testserver.FaultStatusNoJSON, Status: 503}},
		{"HTML 502 from a proxy", testserver.Fault{Kind: testserver.FaultHTML, Status: 502}},
		{"connection reset mid-body", testserver.Fault{Kind: testserver.FaultReset}},
		{"429 burst", testserver.Fault{Kind: testserver.FaultRateLimit, Delay: time.Millisecond}},
	} {
		t.Run(f.name, func(t *testing.T) {
			s := fake(t)
			f.fault.Times = 1
			s.Inject(userRoute, f.fault)
			c := retryingClient(t, s)
			res, resp, err := c.Users.ByUsername(context.Background(), "jack", nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Data.ID != testserver.JackID || resp.Attempts != 2 {
				t.Errorf("user %s after %d attempts", res.Data.ID, resp.Attempts)
			}
		})
	}
}

// Without retries, each fault comes back as a clear error.
func TestFaultsBecomeClearErrors(t *testing.T) {
	for _, f := range []struct {
		name  string
		fault testserver.Fault
		check func(t *testing.T, err error)
	}{
		{"HTML 502", testserver.Fault{Kind: testserver.FaultHTML, Status: 502}, func(t *testing.T, err error) {
			e := wantError(t, err, 502, "")
			if e.Body == "" || !strings.Contains(err.Error(), "502") {
				t.Errorf("no excerpt of the page: %v", err)
			}
		}},
		{"503 without JSON", testserver.Fault{Kind: testserver.FaultStatusNoJSON, Status: 503}, func(t *testing.T, err error) {
			if !twitter.IsServerError(err) {
				t.Errorf("err = %v", err)
			}
		}},
		{"truncated JSON", testserver.Fault{Kind: testserver.FaultTruncatedJSON}, func(t *testing.T, err error) {
			if err == nil || !strings.Contains(err.Error(), "decoding 200 response") {
				t.Errorf("err = %v", err)
			}
		}},
		{"connection reset", testserver.Fault{Kind: testserver.FaultReset}, func(t *testing.T, err error) {
			var e *twitter.Error
			if err == nil || errors.As(err, &e) {
				t.Errorf("err = %v, want a network error", err)
			}
		}},
		{"429", testserver.Fault{Kind: testserver.FaultRateLimit, Delay: time.Hour}, func(t *testing.T, err error) {
			e := wantError(t, err, http.StatusTooManyRequests, "")
			if !twitter.IsRateLimited(err) || e.RateLimit.Remaining != 0 || e.RateLimit.Reset.IsZero() {
				t.Errorf("err = %v, rate limit %+v", err, e.RateLimit)
			}
		}},
	} {
		t.Run(f.name, func(t *testing.T) {
			s := fake(t)
			s.Inject(userRoute, f.fault)
			c := appClient(t, s) // no retries
			_, _, err := c.Users.ByUsername(context.Background(), "jack", nil)
			f.check(t, err)
		})
	}
}

// A stall longer than the HTTP client's timeout fails that attempt; the retry succeeds.
func TestStallBeyondTimeoutIsRetried(t *testing.T) {
	s := fake(t)
	s.Inject(userRoute, testserver.Fault{Kind: testserver.FaultStall, Delay: 500 * time.Millisecond, Times: 1})
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c := retryingClient(t, s, twitter.WithHTTPClient(&http.Client{Transport: tr, Timeout: 100 * time.Millisecond}))
	_, resp, err := c.Users.ByUsername(context.Background(), "jack", nil)
	if err != nil || resp.Attempts != 2 {
		t.Fatalf("err %v resp %+v", err, resp)
	}
}

// A slow-drip body is read to the end, not mistaken for a failure.
func TestSlowDripIsReadWhole(t *testing.T) {
	s := fake(t)
	s.Inject(userRoute, testserver.Fault{Kind: testserver.FaultSlowDrip, Delay: time.Millisecond})
	res, _, err := appClient(t, s).Users.ByUsername(context.Background(), "jack", nil)
	if err != nil || res.Data.ID != testserver.JackID {
		t.Fatalf("err %v", err)
	}
}

// With WithRateLimitWait, a call that meets an exhausted window waits for its reset and
// goes on; the server's window is real (two requests per second here).
func TestRateLimitWaitAgainstTheServer(t *testing.T) {
	s := fake(t, testserver.WithRateLimit(userRoute, 2, time.Second))
	c := retryingClient(t, s, twitter.WithRetryPolicy(twitter.NoRetries()), twitter.WithRateLimitWait(5*time.Second))
	ctx := context.Background()
	for i := range 3 {
		_, resp, err := c.Users.ByUsername(ctx, "jack", nil)
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		if i == 2 && resp.Attempts != 2 {
			t.Errorf("third call: %d attempts, want a wait and a second attempt", resp.Attempts)
		}
	}
	rl, ok := c.RateLimit(userRoute)
	if !ok || rl.Limit != 2 {
		t.Errorf("client's rate limit = %+v, %v", rl, ok)
	}
}

// Without the opt-in the 429 is returned at once, and cancelling a wait stops it.
func TestRateLimitWaitIsCancellable(t *testing.T) {
	s := fake(t, testserver.WithRateLimit(userRoute, 1, time.Hour))
	c := retryingClient(t, s, twitter.WithRetryPolicy(twitter.NoRetries()), twitter.WithRateLimitWait(2*time.Hour))
	if _, _, err := c.Users.ByUsername(context.Background(), "jack", nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, _, err := c.Users.ByUsername(ctx, "jack", nil)
	if !twitter.IsRateLimited(err) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the 429 and the deadline", err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("wait not cancelled promptly: %v", time.Since(start))
	}
}
