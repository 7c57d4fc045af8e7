package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
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
	// The deadline must leave time for the 429 to arrive on a loaded machine (-race, two
	// cores), and is far shorter than the hour-long wait it cuts.
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_, _, err := c.Users.ByUsername(ctx, "jack", nil)
	if !twitter.IsRateLimited(err) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the 429 and the deadline", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("wait not cancelled promptly: %v", time.Since(start))
	}
}

// A 200 with an empty body, where the operation always sends JSON, is an error naming the
// endpoint: never a success with zero values.
func TestEmptyBodyIsAnError(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		route string
		call  func(c *twitter.Client) error
	}{
		{"GET /2/users/{id}", func(c *twitter.Client) error {
			_, _, err := c.Users.ByID(ctx, testserver.JackID, nil)
			return err
		}},
		{"GET /2/users", func(c *twitter.Client) error {
			_, _, err := c.Users.Lookup(ctx, []string{testserver.JackID, testserver.AliceID}, nil)
			return err
		}},
		{"GET /2/tweets/search/recent", func(c *twitter.Client) error {
			_, _, err := c.Tweets.SearchRecent(ctx, testserver.SearchThousandQuery, nil)
			return err
		}},
	} {
		t.Run(tc.route, func(t *testing.T) {
			s := fake(t)
			s.Inject(tc.route, testserver.Fault{Kind: testserver.FaultEmptyBody, Times: 1})
			err := tc.call(appClient(t, s))
			if !errors.Is(err, twitter.ErrEmptyBody) || !strings.Contains(err.Error(), tc.route+": decoding 200 response") {
				t.Errorf("err = %v, want ErrEmptyBody naming %s", err, tc.route)
			}
		})
	}
}

// An empty page in the middle of an iteration stops it with a *PageError to resume from,
// instead of ending it quietly as if the list were over.
func TestEmptyPageStopsTheIterationResumably(t *testing.T) {
	s := fake(t)
	s.Inject("GET /2/users/{id}/followers", testserver.Fault{Kind: testserver.FaultEmptyBody, After: 2, Times: 1})
	c := appClient(t, s)
	ctx := context.Background()
	opts := &twitter.UserListOptions{PageOptions: twitter.PageOptions{MaxResults: 10}}
	var ids []string
	var pe *twitter.PageError
	for u, err := range c.Users.FollowersIter(ctx, testserver.JackID, opts, &twitter.IterOptions{MaxItems: 50}) {
		if err != nil {
			if !errors.As(err, &pe) || !errors.Is(err, twitter.ErrEmptyBody) {
				t.Fatalf("err = %v, want a *PageError wrapping ErrEmptyBody", err)
			}
			break
		}
		ids = append(ids, u.ID)
	}
	if pe == nil || pe.Items != 20 || pe.Pages != 2 || pe.ResumeToken == "" || len(ids) != 20 {
		t.Fatalf("iteration ended after %d items with %v; want a resumable error after 20", len(ids), pe)
	}
	for u, err := range c.Users.FollowersIter(ctx, testserver.JackID, opts, &twitter.IterOptions{MaxItems: 30, StartToken: pe.ResumeToken}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	var want []string
	for u, err := range c.Users.FollowersIter(ctx, testserver.JackID, opts, &twitter.IterOptions{MaxItems: 50}) {
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, u.ID)
	}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("resumed iteration gave\n%v\nwant\n%v", ids, want)
	}
}

// An upload whose finalize is answered with an empty 200 fails; it does not return a
// media id of "".
func TestUploadWithEmptyFinalizeFails(t *testing.T) {
	s := fake(t)
	s.Inject("POST /2/media/upload/{id}/finalize", testserver.Fault{Kind: testserver.FaultEmptyBody})
	img := []byte("GIF89a-not-really-an-image")
	res, _, err := userClient(t, s, testserver.AliceID).Media.Upload(context.Background(), bytes.NewReader(img), int64(len(img)), gen.MediaUploadConfigRequestMediaTypeImageGif, nil)
	if !errors.Is(err, twitter.ErrEmptyBody) || !strings.Contains(err.Error(), "POST /2/media/upload/{id}/finalize") {
		t.Fatalf("Upload = %v, %v; want ErrEmptyBody from finalize", res, err)
	}
}

// A server wait beyond the retry policy's MaxWait is not waited for, whether a 429's
// reset or a 503's Retry-After: the error comes back after one attempt and says when.
func TestServerWaitBeyondMaxWaitIsNotRetried(t *testing.T) {
	ctx := context.Background()
	s := fake(t)
	s.Inject(userRoute, testserver.Fault{Kind: testserver.FaultRateLimit, Delay: 15 * time.Minute, Times: 1})
	c := retryingClient(t, s, twitter.WithRetryPolicy(twitter.DefaultRetryPolicy())) // MaxWait 1 minute
	_, resp, err := c.Users.ByUsername(ctx, "jack", nil)
	if !twitter.IsRateLimited(err) || resp.Attempts != 1 {
		t.Fatalf("err = %v after %d attempts, want the 429 at once", err, resp.Attempts)
	}
	if reset := resp.RateLimit.Reset.UTC().Format("15:04:05 UTC"); !strings.Contains(err.Error(), "; resets ") || !strings.Contains(err.Error(), reset+", in ") {
		t.Errorf("err = %v, want it to say the reset, %s", err, reset)
	}

	s.Inject(userRoute, testserver.Fault{Kind: testserver.FaultStatus, Status: 503, RetryAfter: 2 * time.Minute, Times: 1})
	_, resp, err = c.Users.ByUsername(ctx, "jack", nil)
	if !twitter.IsServerError(err) || resp.Attempts != 1 || !strings.HasSuffix(err.Error(), "; retry after 2m0s") {
		t.Fatalf("err = %v after %d attempts, want the 503 at once with its Retry-After", err, resp.Attempts)
	}
}
