package twitter

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy decides whether a failed attempt is tried again, and when.
//
// The client consults it only for requests that are safe to repeat (GET, and mutations
// when WithRetryMutations is set) and never once the context is done. err is a network
// error or a *Error for a non-2xx answer; resp is nil for network errors.
type RetryPolicy interface {
	// Next is called after attempt number attempt (1 for the first) failed. It returns how
	// long to wait before the next attempt, and false to give up.
	Next(attempt int, resp *http.Response, err error) (wait time.Duration, retry bool)
}

// Backoff retries network errors, 5xx answers and 429 rate limits with exponential
// backoff and jitter. When the answer says how long to wait (Retry-After, or a 429's
// rate-limit reset) it waits at least that long, and does not retry at all when that is
// longer than MaxWait: the error is returned at once. It never retries a usage cap, a 4xx
// other than 429, or a cancelled request.
type Backoff struct {
	// MaxAttempts counts every attempt, the first included. Default 4.
	MaxAttempts int
	// Initial is the wait after the first failure. Default 500 ms.
	Initial time.Duration
	// Max caps one wait computed by backoff. Default 30 s.
	Max time.Duration
	// MaxWait caps a wait asked for by the server (Retry-After on a 429 or a 5xx, a 429's
	// rate-limit reset); a longer one is not waited for: the error is returned at once,
	// saying when the server allows the next try. Default 1 minute.
	MaxWait time.Duration
	// Jitter is the fraction (up to 1) of each wait that is randomised, so that many
	// clients do not retry in step. Zero means the default, 0.5; negative means none.
	Jitter float64

	now func() time.Time // for tests
}

// DefaultRetryPolicy returns a Backoff with its defaults.
func DefaultRetryPolicy() *Backoff { return &Backoff{} }

// NoRetries returns a policy that never retries.
func NoRetries() RetryPolicy { return noRetries{} }

type noRetries struct{}

func (noRetries) Next(int, *http.Response, error) (time.Duration, bool) { return 0, false }

func (b *Backoff) withDefaults() Backoff {
	d := *b
	if d.MaxAttempts <= 0 {
		d.MaxAttempts = 4
	}
	if d.Initial <= 0 {
		d.Initial = 500 * time.Millisecond
	}
	if d.Max <= 0 {
		d.Max = 30 * time.Second
	}
	if d.MaxWait <= 0 {
		d.MaxWait = time.Minute
	}
	switch {
	case d.Jitter == 0:
		d.Jitter = 0.5
	case d.Jitter < 0:
		d.Jitter = 0
	case d.Jitter > 1:
		d.Jitter = 1
	}
	if d.now == nil {
		d.now = time.Now
	}
	return d
}

// Next implements RetryPolicy.
func (b *Backoff) Next(attempt int, resp *http.Response, err error) (time.Duration, bool) {
	p := b.withDefaults()
	if attempt >= p.MaxAttempts || err == nil {
		return 0, false
	}
	// A cancelled request is not retried. A deadline is: it is how http.Client.Timeout
	// reports a stalled attempt, and the client stops by itself once the caller's own
	// context is done.
	if errors.Is(err, context.Canceled) {
		return 0, false
	}
	wait := p.backoff(attempt)
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		return wait, true // network error
	}
	switch {
	case apiErr.HasProblem(ProblemUsageCapExceeded):
		return 0, false
	case apiErr.StatusCode == http.StatusTooManyRequests:
		server, known := serverWait(resp, apiErr.RateLimit, p.now())
		return p.serverBounded(wait, server, known)
	case apiErr.StatusCode >= 500 && apiErr.StatusCode != http.StatusNotImplemented:
		server, known := serverWait(resp, RateLimit{}, p.now()) // Retry-After on a 503
		return p.serverBounded(wait, server, known)
	}
	return 0, false
}

// serverBounded is the wait before a retry the server answered with a wait of its own
// (server, when known): at least that long, and no retry at all when it is longer than
// MaxWait, for a 429 and a 5xx alike. The error then goes back to the caller, who can
// read when to try again from it (see Error.Error).
func (p Backoff) serverBounded(wait, server time.Duration, known bool) (time.Duration, bool) {
	if !known {
		return wait, true
	}
	if server > p.MaxWait {
		return 0, false
	}
	return max(wait, server), true
}

// backoff is Initial·2^(attempt-1), capped at Max, with the Jitter fraction randomised.
func (p Backoff) backoff(attempt int) time.Duration {
	d := doubling(p.Initial, attempt, p.Max) // the same doubling as the reconnect policy's
	if p.Jitter > 0 {
		fixed := time.Duration(float64(d) * (1 - p.Jitter))
		d = fixed + time.Duration(rand.Float64()*float64(d-fixed))
	}
	return d
}

// serverWait is how long the server asked to wait: Retry-After (seconds or an HTTP date),
// else the rate-limit reset.
func serverWait(resp *http.Response, rl RateLimit, now time.Time) (time.Duration, bool) {
	if resp != nil {
		if v := resp.Header.Get("Retry-After"); v != "" {
			if s, err := strconv.Atoi(v); err == nil && s >= 0 {
				return time.Duration(s) * time.Second, true
			}
			if t, err := http.ParseTime(v); err == nil {
				return max(t.Sub(now), 0), true
			}
		}
	}
	if !rl.Reset.IsZero() {
		// X's reset is in whole seconds; a second of slack avoids arriving just early.
		return max(rl.Reset.Sub(now)+time.Second, 0), true
	}
	return 0, false
}

// waitHint says when the server allows the request again, for the error's message (see
// Error.Error): the Retry-After it sent ("; retry after 2m0s"), and for a 429 the
// rate-limit reset ("; resets 14:05:31 UTC, in 4m12s"). "" when it said neither.
func (e *Error) waitHint() string {
	var b strings.Builder
	if e.Response != nil {
		if v := e.Response.Header.Get("Retry-After"); v != "" {
			if s, err := strconv.Atoi(v); err == nil && s >= 0 {
				b.WriteString("; retry after " + (time.Duration(s) * time.Second).String())
			} else if t, err := http.ParseTime(v); err == nil {
				b.WriteString("; retry after " + whenText(t, e.Received))
			} else {
				b.WriteString("; Retry-After " + strconv.Quote(v))
			}
		}
	}
	if e.StatusCode == http.StatusTooManyRequests && !e.HasProblem(ProblemUsageCapExceeded) && !e.RateLimit.Reset.IsZero() {
		b.WriteString("; resets " + whenText(e.RateLimit.Reset, e.Received))
	}
	return b.String()
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
