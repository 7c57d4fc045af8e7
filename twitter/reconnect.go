package twitter

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// ReconnectCause says why a stream is reconnecting.
type ReconnectCause int

const (
	// CauseDropped: an established connection ended (the server closed it, often after an
	// operational-disconnect message, or the network broke it mid-stream).
	CauseDropped ReconnectCause = iota + 1
	// CauseStalled: an established connection sent neither data nor a keep-alive for
	// StreamOptions.StallTimeout, so the stream closed it.
	CauseStalled
	// CauseNetwork: a connection attempt failed before any HTTP answer (refused, reset,
	// DNS, TLS), or no answer came within StallTimeout.
	CauseNetwork
	// CauseHTTP: a connection attempt was answered with an HTTP error worth retrying
	// (5xx, 408).
	CauseHTTP
	// CauseRateLimited: a connection attempt was answered 429 (or the legacy 420): too
	// many connections, or the connect rate limit is used up.
	CauseRateLimited
)

const numCauses = int(CauseRateLimited) + 1

func (c ReconnectCause) String() string {
	switch c {
	case CauseDropped:
		return "dropped"
	case CauseStalled:
		return "stalled"
	case CauseNetwork:
		return "network error"
	case CauseHTTP:
		return "HTTP error"
	case CauseRateLimited:
		return "rate limited"
	}
	return fmt.Sprintf("ReconnectCause(%d)", int(c))
}

// ErrStalled is the Err of a CauseStalled reconnect: the server sent nothing, not even a
// keep-alive, for StreamOptions.StallTimeout.
var ErrStalled = errors.New("twitter: stream stalled: no data and no keep-alive within the stall timeout")

// ReconnectEvent describes one reconnection of a stream. The ReconnectPolicy sees it
// before the wait is chosen; StreamOptions.OnReconnect sees it with Wait filled in,
// before the stream waits.
type ReconnectEvent struct {
	// Cause is the kind of failure.
	Cause ReconnectCause
	// Attempt counts the failures of this Cause in a row: 1 for the first. Dropped and
	// stalled connections count from the last healthy connection: one that stayed up at
	// least a second and delivered an event (system messages such as the
	// operational-disconnect do not count), or stayed up a minute. The other causes count
	// from the last successful connect.
	Attempt int
	// Err is what happened: a network error, the *Error of the HTTP answer, ErrStalled,
	// or why an established connection ended.
	Err error
	// At is when the failure was seen, read from the client's clock.
	At time.Time
	// Wait is how long the stream waits before connecting again (zero for the policy).
	Wait time.Duration
}

// ReconnectPolicy decides how long a stream waits before reconnecting. It is consulted
// only for failures worth retrying: answers that retrying cannot fix (401, 403, other
// 4xx, a usage cap) and refused credentials end the stream without asking it. A policy must be safe for use by
// several streams at once; ReconnectBackoff is.
type ReconnectPolicy interface {
	// Next returns the wait before the next connection attempt, and false to give up, in
	// which case the stream ends with an error wrapping ev.Err.
	Next(ev ReconnectEvent) (wait time.Duration, retry bool)
}

// ReconnectBackoff is X's published reconnection schedule for streams:
//
//   - after an established connection drops or stalls, reconnect at once; if the next
//     one drops too without having been healthy (up a second with an event delivered,
//     or up a minute; see ReconnectEvent.Attempt), back off linearly like a network
//     error: a server that drops every connection at once, with or without a
//     disconnect message, is reconnected to after 0, 250 ms, 500 ms, ... 16 s;
//   - network errors: back off linearly, NetworkStep more each attempt, up to NetworkMax
//     (250 ms, 500 ms, ... 16 s);
//   - HTTP errors: back off exponentially from HTTPInitial, doubling up to HTTPMax
//     (5 s, 10 s, ... 320 s);
//   - 429: back off exponentially from RateLimitInitial, doubling up to RateLimitMax
//     (1 min, 2 min, ... 16 min), and at least until the rate-limit window resets when
//     the answer said none are left.
//
// The waits carry no jitter, so they are what X asks for and tests can assert them
// exactly. Zero fields take the defaults above.
type ReconnectBackoff struct {
	NetworkStep, NetworkMax        time.Duration
	HTTPInitial, HTTPMax           time.Duration
	RateLimitInitial, RateLimitMax time.Duration
	// MaxAttempts gives up after this many failures of one cause in a row; 0 means never
	// give up (the stream then ends only on a final error, Close or its context).
	MaxAttempts int
}

// DefaultReconnectPolicy returns X's schedule with its defaults, never giving up.
func DefaultReconnectPolicy() *ReconnectBackoff { return &ReconnectBackoff{} }

func (b *ReconnectBackoff) withDefaults() ReconnectBackoff {
	d := *b
	def := func(v *time.Duration, x time.Duration) {
		if *v <= 0 {
			*v = x
		}
	}
	def(&d.NetworkStep, 250*time.Millisecond)
	def(&d.NetworkMax, 16*time.Second)
	def(&d.HTTPInitial, 5*time.Second)
	def(&d.HTTPMax, 320*time.Second)
	def(&d.RateLimitInitial, time.Minute)
	def(&d.RateLimitMax, 16*time.Minute)
	return d
}

// Next implements ReconnectPolicy.
func (b *ReconnectBackoff) Next(ev ReconnectEvent) (time.Duration, bool) {
	p := b.withDefaults()
	n := max(ev.Attempt, 1)
	if p.MaxAttempts > 0 && n > p.MaxAttempts {
		return 0, false
	}
	switch ev.Cause {
	case CauseDropped, CauseStalled:
		return linear(p.NetworkStep, n-1, p.NetworkMax), true
	case CauseNetwork:
		return linear(p.NetworkStep, n, p.NetworkMax), true
	case CauseHTTP:
		wait := doubling(p.HTTPInitial, n, p.HTTPMax)
		if e, ok := asError(ev.Err); ok && e.Response != nil {
			if server, ok := serverWait(e.Response, RateLimit{}, ev.At); ok && server <= p.HTTPMax {
				wait = max(wait, server) // Retry-After on a 503
			}
		}
		return wait, true
	case CauseRateLimited:
		wait := doubling(p.RateLimitInitial, n, p.RateLimitMax)
		if e, ok := asError(ev.Err); ok && e.RateLimit.Known() && e.RateLimit.Remaining == 0 {
			if server, ok := serverWait(nil, e.RateLimit, ev.At); ok {
				wait = max(wait, server) // no connection allowed before the reset
			}
		}
		return wait, true
	}
	return linear(p.NetworkStep, n, p.NetworkMax), true
}

// linear is step·n, capped at most.
func linear(step time.Duration, n int, most time.Duration) time.Duration {
	if n <= 0 {
		return 0
	}
	if time.Duration(n) > most/step {
		return most
	}
	return min(step*time.Duration(n), most)
}

// doubling is first·2^(n-1), capped at most: the growth of both Backoff (retries) and
// ReconnectPolicy (stream reconnections).
func doubling(first time.Duration, n int, most time.Duration) time.Duration {
	d := first
	for i := 1; i < n && d < most; i++ {
		d *= 2
	}
	return min(d, most)
}

// classifyConnect sorts a non-200 answer to a connection attempt: the cause to retry it
// under, or false when retrying cannot help and the stream must end with it.
func classifyConnect(e *Error) (ReconnectCause, bool) {
	switch {
	case e.HasProblem(ProblemUsageCapExceeded):
		return 0, false // resets daily or monthly: reconnecting only burns requests
	case e.StatusCode == http.StatusTooManyRequests || e.StatusCode == 420:
		return CauseRateLimited, true
	case e.StatusCode >= 500 && e.StatusCode != http.StatusNotImplemented,
		e.StatusCode == http.StatusRequestTimeout:
		return CauseHTTP, true
	}
	return 0, false // 400 bad parameters, 401, 403, 404, 409 ...: the caller must act
}
