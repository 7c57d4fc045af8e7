package twitter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/jsonx"
)

func TestBackoffJitterStaysInBounds(t *testing.T) {
	b := (&Backoff{Initial: 100 * time.Millisecond, Max: time.Second, Jitter: 0.5}).withDefaults()
	for attempt := 1; attempt <= 6; attempt++ {
		full := min(100*time.Millisecond<<(attempt-1), time.Second)
		for range 200 {
			d := b.backoff(attempt)
			if d < full/2 || d > full {
				t.Fatalf("attempt %d: wait %v outside [%v, %v]", attempt, d, full/2, full)
			}
		}
	}
}

func TestBackoffDecisions(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	b := &Backoff{Initial: time.Second, Jitter: -1, MaxWait: time.Minute, now: func() time.Time { return now }}
	status := func(code int, body string, h http.Header) (*http.Response, error) {
		resp := &http.Response{StatusCode: code, Header: h}
		if resp.Header == nil {
			resp.Header = http.Header{}
		}
		return resp, newError(jsonx.Default(), "GET /2/x", resp, []byte(body), parseRateLimit("GET /2/x", resp.Header))
	}
	reset := func(d time.Duration) http.Header {
		h := http.Header{}
		h.Set("x-rate-limit-reset", fmt.Sprint(now.Add(d).Unix()))
		return h
	}
	retryAfter := func(v string) http.Header {
		h := http.Header{}
		h.Set("Retry-After", v)
		return h
	}
	tests := []struct {
		name     string
		attempt  int
		build    func() (*http.Response, error)
		wantOK   bool
		wantWait time.Duration
	}{
		{"network error", 1, func() (*http.Response, error) { return nil, errors.New("connection reset") }, true, time.Second},
		{"third network error", 3, func() (*http.Response, error) { return nil, errors.New("reset") }, true, 4 * time.Second},
		{"out of attempts", 4, func() (*http.Response, error) { return nil, errors.New("reset") }, false, 0},
		{"cancelled", 1, func() (*http.Response, error) { return nil, fmt.Errorf("x: %w", context.Canceled) }, false, 0},
		{"503", 1, func() (*http.Response, error) { return status(503, "", nil) }, true, time.Second},
		{"501 is not transient", 1, func() (*http.Response, error) { return status(501, "", nil) }, false, 0},
		{"400", 1, func() (*http.Response, error) { return status(400, "", nil) }, false, 0},
		{"401", 1, func() (*http.Response, error) { return status(401, "", nil) }, false, 0},
		{"429 waits for reset", 1, func() (*http.Response, error) { return status(429, "", reset(30*time.Second)) }, true, 31 * time.Second},
		{"429 reset too far", 1, func() (*http.Response, error) { return status(429, "", reset(time.Hour)) }, false, 0},
		{"503 waits for Retry-After", 1, func() (*http.Response, error) { return status(503, "", retryAfter("30")) }, true, 30 * time.Second},
		{"503 Retry-After too far", 1, func() (*http.Response, error) { return status(503, "", retryAfter("120")) }, false, 0},
		{"429 Retry-After too far", 1, func() (*http.Response, error) { return status(429, "", retryAfter("3600")) }, false, 0},
		{"429 usage cap", 1, func() (*http.Response, error) {
			return status(429, `{"title":"UsageCapExceeded","type":"https://api.x.com/2/problems/usage-capped"}`, reset(time.Second))
		}, false, 0},
		{"success is not retried", 1, func() (*http.Response, error) { return &http.Response{StatusCode: 200}, nil }, false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := tc.build()
			wait, ok := b.Next(tc.attempt, resp, err)
			if ok != tc.wantOK || wait != tc.wantWait {
				t.Errorf("Next = %v, %v; want %v, %v", wait, ok, tc.wantWait, tc.wantOK)
			}
		})
	}
}

func TestNoRetries(t *testing.T) {
	if _, ok := NoRetries().Next(1, nil, errors.New("x")); ok {
		t.Error("NoRetries retried")
	}
}

func TestSleepStopsWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := sleep(ctx, time.Hour); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > promptly {
		t.Error("sleep ignored the context")
	}
}

func TestParseRateLimitHeaders(t *testing.T) {
	h := http.Header{}
	h.Set("x-rate-limit-limit", "300")
	h.Set("x-rate-limit-remaining", "299")
	h.Set("x-rate-limit-reset", "1700000000")
	h.Set("x-app-limit-24hour-limit", "10000")
	h.Set("x-app-limit-24hour-remaining", "9999")
	h.Set("x-app-limit-24hour-reset", "1700086400")
	h.Set("x-user-limit-24hour-limit", "bogus")
	rl := parseRateLimit("GET /2/tweets", h)
	if rl.Limit != 300 || rl.Remaining != 299 || rl.Reset.Unix() != 1700000000 || !rl.Known() {
		t.Errorf("window = %+v", rl)
	}
	if rl.App24Hour == nil || rl.App24Hour.Limit != 10000 || rl.App24Hour.Remaining != 9999 || rl.App24Hour.Reset.Unix() != 1700086400 {
		t.Errorf("app quota = %+v", rl.App24Hour)
	}
	if rl.User24Hour != nil {
		t.Errorf("malformed user quota parsed: %+v", rl.User24Hour)
	}
	// The keys are read as net/http spells them (canonical), whatever case they came in.
	u := http.Header{}
	u.Set("x-user-limit-24hour-limit", "25")
	u.Set("X-USER-LIMIT-24HOUR-REMAINING", "24")
	u.Set("x-user-limit-24hour-reset", "1700086400")
	if q := parseRateLimit("x", u).User24Hour; q == nil || q.Limit != 25 || q.Remaining != 24 || q.Reset.Unix() != 1700086400 {
		t.Errorf("user quota = %+v", q)
	}
	if (parseRateLimit("x", http.Header{})).Known() {
		t.Error("no headers reported as known")
	}
}
