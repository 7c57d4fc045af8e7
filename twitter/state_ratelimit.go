package twitter

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/twitterkit/go/gen"
)

// resetSlack is how long after a window's Reset the window is taken to be over: X's
// resets are whole seconds (serverWait waits as long).
const resetSlack = time.Second

// stateNow is the time the State is told: the Client's clock less the slack.
func (c *Client) stateNow() time.Time { return c.cfg.now().Add(-resetSlack) }

// windowKey names the shared window of an endpoint for the client's credentials.
func (c *Client) windowKey(ep endpoint) string { return c.cfg.stateID + " " + ep.name }

// reserve takes one request from the shared window of ep, waiting for a spent window's
// reset when WithRateLimitWait allows. It returns the 429 error X would answer when the
// window is spent and the client may not wait, and the State's own failures.
func (c *Client) reserve(ctx context.Context, ep endpoint) error {
	key := c.windowKey(ep)
	for {
		res, err := c.cfg.state.Reserve(ctx, key, c.stateNow())
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("twitter: %s: %w", ep.name, ctx.Err())
			}
			return fmt.Errorf("twitter: %s: reserving a request from the shared rate-limit window: %w", ep.name, err)
		}
		if res.Granted {
			return nil
		}
		res.Window.Endpoint = ep.name
		spent := spentError(ep, res.Window)
		wait, ok := spentWait(res.Window, c.cfg.now())
		if c.cfg.rateLimitWait <= 0 || !ok || wait > c.cfg.rateLimitWait {
			return spent
		}
		c.cfg.logger.LogAttrs(ctx, slog.LevelInfo, "twitter: shared rate-limit window spent; waiting for reset",
			slog.String("endpoint", ep.name), slog.Duration("wait", wait))
		if err := c.cfg.sleep(ctx, wait); err != nil {
			return fmt.Errorf("%w (while waiting for the rate-limit reset: %w)", spent, err)
		}
	}
}

// recordWindow shares the window a response reported. A failure does not fail the call,
// whose answer has come: it is logged, and the next reservation meets it too.
func (c *Client) recordWindow(ctx context.Context, ep endpoint, rl RateLimit) {
	if !rl.Known() && rl.App24Hour == nil && rl.User24Hour == nil {
		return
	}
	if err := c.cfg.state.Record(ctx, c.windowKey(ep), c.stateNow(), rl); err != nil {
		c.cfg.logger.LogAttrs(ctx, slog.LevelWarn, "twitter: could not record the rate-limit window in the shared state",
			slog.String("endpoint", ep.name), slog.Any("error", err))
	}
}

// spentWait is how long until the spent windows of w are over, by the client's clock:
// a second past the latest Reset of a spent window. A spent window that started over
// (Reset zero) is asked about again after a second.
func spentWait(w RateLimit, now time.Time) (time.Duration, bool) {
	var until time.Time
	spent := false
	for _, q := range []*Quota{{Limit: w.Limit, Remaining: w.Remaining, Reset: w.Reset}, w.App24Hour, w.User24Hour} {
		if q == nil || q.Limit <= 0 || q.Remaining > 0 {
			continue
		}
		spent = true
		t := q.Reset
		if t.IsZero() {
			t = now
		}
		if t.After(until) {
			until = t
		}
	}
	if !spent {
		return 0, false
	}
	return max(until.Sub(now)+resetSlack, 0), true
}

// spentError is the answer X gives a request over the limit, for one the Client did not
// send because the shared window was spent.
func spentError(ep endpoint, w RateLimit) *Error {
	const (
		title  = "Too Many Requests"
		detail = "Too Many Requests (the shared rate-limit window is spent; the request was not sent)"
	)
	return &Error{
		StatusCode: http.StatusTooManyRequests,
		Type:       ProblemGeneric,
		Title:      title,
		Detail:     detail,
		Problems:   []gen.Problem{{Type: ProblemGeneric, Title: title, Detail: detail, Status: http.StatusTooManyRequests}},
		RateLimit:  w,
		Endpoint:   ep.name,
	}
}
