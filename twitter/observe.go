package twitter

import (
	"context"
	"errors"
	"time"
)

// An Observer sees each logical call a Client makes: when it starts, each attempt, each
// wait before another attempt (a retry's backoff, a rate-limit reset), and how it ended;
// and each reconnection of a stream. Set one with WithObserver, for tracing and metrics
// (the module github.com/twitterkit/go/otel adapts OpenTelemetry) or logs of your own.
//
// For one call the order is StartCall, then EndAttempt for every attempt with StartWait
// between two attempts, then EndCall, all on the caller's goroutine. Calls run
// concurrently, so an Observer must be safe for concurrent use. Its methods run inside
// the call: they should return quickly and must not call the Client. Embed NoObserver to
// implement only some of them.
type Observer interface {
	// StartCall is called before anything is sent. The context it returns is the one
	// the call's requests and later hooks get: put a span in it.
	StartCall(ctx context.Context, ev CallStart) context.Context
	// EndAttempt is called when an attempt has its answer, or failed without one.
	EndAttempt(ctx context.Context, ev Attempt)
	// StartWait is called before the call waits to try again.
	StartWait(ctx context.Context, ev Wait)
	// EndCall is called once the call has its result.
	EndCall(ctx context.Context, ev CallEnd)
	// Reconnect is called when a stream lost its connection (or failed to make one)
	// and is about to wait and connect again; ctx is the stream's.
	Reconnect(ctx context.Context, ev StreamReconnect)
}

// CallStart describes a call about to be made.
type CallStart struct {
	// Endpoint is the operation, as "GET /2/users/{id}" (for Client.Do, the path as sent).
	Endpoint string
	// At is when the call started, by the client's clock.
	At time.Time
}

// Attempt describes one attempt of a call: one request and its answer.
type Attempt struct {
	Endpoint string
	// Number counts the call's attempts from 1.
	Number int
	// StatusCode is the HTTP status; 0 when no answer came (a network error).
	StatusCode int
	// Err is the network error or the *Error of a non-2xx answer; nil for a 2xx.
	Err error
	// Duration is how long the attempt took, body read included.
	Duration time.Duration
	// RateLimit is the rate-limit state the answer reported (not Known when it had none).
	RateLimit RateLimit
}

// WaitReason says why a call waits before its next attempt.
type WaitReason int

const (
	// WaitRetry is the retry policy's wait after a failed attempt.
	WaitRetry WaitReason = iota + 1
	// WaitRateLimit is a wait for a rate-limit window to reset (WithRateLimitWait).
	WaitRateLimit
)

func (r WaitReason) String() string {
	switch r {
	case WaitRetry:
		return "retry"
	case WaitRateLimit:
		return "rate-limit"
	}
	return "unknown"
}

// Wait describes a wait between two attempts of a call.
type Wait struct {
	Endpoint string
	Reason   WaitReason
	// Attempt is the number of the attempt that failed; the next one is Attempt+1.
	Attempt int
	// Duration is how long the call waits (less if its context ends first).
	Duration time.Duration
}

// CallEnd describes how a call ended.
type CallEnd struct {
	Endpoint string
	// Attempts is how many requests were sent (0 when the call failed before sending).
	Attempts int
	// StatusCode is the last answer's HTTP status; 0 when none came.
	StatusCode int
	// Err is the call's error; nil for a success.
	Err error
	// Duration is the call's whole time, waits included.
	Duration time.Duration
	// RateLimit is the last answer's rate-limit state.
	RateLimit RateLimit
}

// StreamReconnect describes a stream about to connect again.
type StreamReconnect struct {
	// Endpoint is the stream's operation, as "GET /2/tweets/search/stream".
	Endpoint string
	// Event is what the stream's OnReconnect also gets.
	Event ReconnectEvent
}

// NoObserver does nothing. Embed it in an Observer that needs only some of the hooks.
type NoObserver struct{}

func (NoObserver) StartCall(ctx context.Context, _ CallStart) context.Context { return ctx }
func (NoObserver) EndAttempt(context.Context, Attempt)                        {}
func (NoObserver) StartWait(context.Context, Wait)                            {}
func (NoObserver) EndCall(context.Context, CallEnd)                           {}
func (NoObserver) Reconnect(context.Context, StreamReconnect)                 {}

// WithObserver makes the Client report its calls, attempts, waits and stream
// reconnections to o. See Observer.
func WithObserver(o Observer) Option {
	return func(c *config) error {
		if o == nil {
			return errors.New("WithObserver: nil Observer")
		}
		c.observer = o
		return nil
	}
}

// callObservation follows one call for the Observer. With no Observer set (NoObserver)
// it reads no clock and reports nothing.
type callObservation struct {
	c        *Client
	endpoint string
	none     bool // the Observer is NoObserver
	start    time.Time
	attempt  time.Time // when the current attempt started
	attempts int       // attempts started
	status   int       // the last answer's status
	rl       RateLimit // the last answer's rate limit
}

// observeCall tells the Observer a call starts and returns the context to make it with.
// The observation is a value, so that it can live on the caller's stack.
func (c *Client) observeCall(ctx context.Context, endpoint string) (context.Context, callObservation) {
	if _, none := c.cfg.observer.(NoObserver); none {
		return ctx, callObservation{c: c, endpoint: endpoint, none: true}
	}
	o := callObservation{c: c, endpoint: endpoint, start: c.cfg.now()}
	return c.cfg.observer.StartCall(ctx, CallStart{Endpoint: endpoint, At: o.start}), o
}

// startAttempt marks the start of an attempt.
func (o *callObservation) startAttempt() {
	o.attempts++
	if !o.none {
		o.attempt = o.c.cfg.now()
	}
}

// endAttempt reports an attempt's outcome: status 0 for no answer.
func (o *callObservation) endAttempt(ctx context.Context, status int, rl RateLimit, err error) {
	o.status, o.rl = status, rl
	if o.none {
		return
	}
	o.c.cfg.observer.EndAttempt(ctx, Attempt{
		Endpoint: o.endpoint, Number: o.attempts, StatusCode: status, Err: err,
		Duration: o.c.cfg.now().Sub(o.attempt), RateLimit: rl,
	})
}

// wait reports a wait and waits it, or until ctx is done.
func (o *callObservation) wait(ctx context.Context, why WaitReason, attempt int, d time.Duration) error {
	o.c.cfg.observer.StartWait(ctx, Wait{Endpoint: o.endpoint, Reason: why, Attempt: attempt, Duration: d})
	return o.c.cfg.sleep(ctx, d)
}

// end reports the call's result.
func (o *callObservation) end(ctx context.Context, err error) {
	if o.none {
		return
	}
	o.c.cfg.observer.EndCall(ctx, CallEnd{
		Endpoint: o.endpoint, Attempts: o.attempts, StatusCode: o.status, Err: err,
		Duration: o.c.cfg.now().Sub(o.start), RateLimit: o.rl,
	})
}
