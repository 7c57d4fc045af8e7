package twitter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"
)

// endpoint identifies an operation for rate-limit bookkeeping and error messages; the
// facts of each operation (operations.gen.go) carry its endpoint.
type endpoint struct {
	name       string // "GET /2/users/{id}", as in the API document
	idempotent bool   // safe to send again after a failure
	public     bool   // needs no credentials: its security in the API document is empty
}

// ErrEmptyBody is wrapped by the error of a call answered 2xx with an empty (or
// whitespace-only) body where the operation always sends one: a lookup, a page of an
// iteration, a media status. The call fails rather than return zero values; an iterator
// yields it in a *PageError whose ResumeToken carries on from the page that failed. A 204
// answer is not affected.
var ErrEmptyBody = errors.New("empty response body where the operation always sends JSON")

// sender performs one attempt: typically a method of the generated client.
type sender func(ctx context.Context) (*http.Response, error)

// call sends a request through the generated client, with retries, rate-limit waits and
// bookkeeping, and decodes a successful body into out (a pointer to a generated response
// type, or nil to discard it). Reading the body's problems is do's part.
func (c *Client) call(ctx context.Context, ep endpoint, send sender, out any) (*Response, error) {
	if ctx == nil {
		return nil, errors.New("twitter: nil context")
	}
	if err := c.needCredentials(ep.name); err != nil {
		return nil, err
	}
	ctx, o := c.observeCall(ctx, ep.name)
	r, err := c.attempts(ctx, ep, send, out, &o)
	o.end(ctx, err)
	return r, err
}

// attempts is call's loop: it sends, retries and waits, and tells o about each attempt
// and wait.
func (c *Client) attempts(ctx context.Context, ep endpoint, send sender, out any, o *callObservation) (*Response, error) {
	retryable := ep.idempotent || c.cfg.retryMutations
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("twitter: %s: %w", ep.name, err)
		}
		if c.cfg.state != nil {
			if err := c.reserve(ctx, ep); err != nil {
				return nil, err
			}
		}
		o.startAttempt()
		resp, body, err := c.attempt(ctx, send)
		if err != nil {
			if ctx.Err() != nil {
				err = fmt.Errorf("twitter: %s: %w", ep.name, ctx.Err())
				o.endAttempt(ctx, 0, RateLimit{}, err)
				return nil, err
			}
			err = fmt.Errorf("twitter: %s: %w", ep.name, err)
			o.endAttempt(ctx, 0, RateLimit{}, err)
			if wait, ok := c.shouldRetry(retryable, attempt, nil, err); ok {
				c.cfg.logger.LogAttrs(ctx, slog.LevelWarn, "twitter: retrying after network error",
					slog.String("endpoint", ep.name), slog.Int("attempt", attempt), slog.Duration("wait", wait), slog.Any("error", err))
				if serr := o.wait(ctx, WaitRetry, attempt, wait); serr != nil {
					return nil, fmt.Errorf("twitter: %s: %w", ep.name, serr)
				}
				continue
			}
			return nil, err
		}

		rl := parseRateLimit(ep.name, resp.Header)
		c.limits.record(rl)
		if c.cfg.state != nil {
			c.recordWindow(ctx, ep, rl)
		}
		r := &Response{Response: resp, RateLimit: rl, RequestID: requestID(resp.Header), Attempts: attempt}

		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			apiErr := newError(c.cfg.decoder, ep.name, resp, body, rl).arrived(c.cfg.now())
			o.endAttempt(ctx, resp.StatusCode, rl, apiErr)
			if wait, ok := c.rateLimitWait(apiErr); ok {
				c.cfg.logger.LogAttrs(ctx, slog.LevelInfo, "twitter: rate limited; waiting for reset",
					slog.String("endpoint", ep.name), slog.Duration("wait", wait), slog.Time("reset", rl.Reset))
				if serr := o.wait(ctx, WaitRateLimit, attempt, wait); serr != nil {
					return r, fmt.Errorf("%w (while waiting for the rate-limit reset: %w)", apiErr, serr)
				}
				continue
			}
			if wait, ok := c.shouldRetry(retryable, attempt, resp, apiErr); ok {
				c.cfg.logger.LogAttrs(ctx, slog.LevelWarn, "twitter: retrying",
					slog.String("endpoint", ep.name), slog.Int("status", resp.StatusCode), slog.Int("attempt", attempt), slog.Duration("wait", wait))
				if serr := o.wait(ctx, WaitRetry, attempt, wait); serr != nil {
					return r, fmt.Errorf("%w (retry abandoned: %w)", apiErr, serr)
				}
				continue
			}
			return r, apiErr
		}
		o.endAttempt(ctx, resp.StatusCode, rl, nil)

		if out != nil && resp.StatusCode != http.StatusNoContent {
			if len(bytes.TrimSpace(body)) == 0 {
				// Every operation answers 2xx with a JSON body (204 aside): without one
				// there is no data, and taking it for zero values would lose it silently.
				return r, fmt.Errorf("twitter: %s: decoding %d response: %w", ep.name, resp.StatusCode, ErrEmptyBody)
			}
			if err := c.decode(body, out); err != nil {
				return r, fmt.Errorf("twitter: %s: decoding %d response: %w (body starts %q)",
					ep.name, resp.StatusCode, err, excerpt(body))
			}
		}
		return r, nil
	}
}

// attempt sends once and reads the body, capped: error bodies at maxErrorBodySize, others
// at maxBodySize.
func (c *Client) attempt(ctx context.Context, send sender) (*http.Response, []byte, error) {
	resp, err := send(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	limit := c.cfg.maxBodySize
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		limit = c.cfg.maxErrorBodySize
	}
	body, err := readSized(resp.Body, resp.ContentLength, limit)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %d response body: %w", resp.StatusCode, err)
	}
	if int64(len(body)) > limit {
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			return nil, nil, fmt.Errorf("response body larger than %d bytes", limit)
		}
		body = body[:limit] // an error excerpt is enough
	}
	return resp, body, nil
}

// readSized reads r to its end, or to limit+1 bytes. size is the Content-Length (-1 when
// unknown): a body that says how long it is is read into a buffer of that size, where
// io.ReadAll would grow one from 512 bytes by copying, which for a 1.5 MB page
// allocates twice the page. A body longer than it said still reads whole.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	if size < 0 || size > limit {
		return io.ReadAll(io.LimitReader(r, limit+1))
	}
	// One byte more than announced, so that the read which finds the end needs no
	// growing. Reads stop at limit+1 bytes, as through io.LimitReader.
	b := make([]byte, 0, size+1)
	for int64(len(b)) <= limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		end := min(int64(cap(b)), limit+1)
		n, err := r.Read(b[len(b):end])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
	return b, nil
}

func (c *Client) shouldRetry(retryable bool, attempt int, resp *http.Response, err error) (time.Duration, bool) {
	// Rejected credentials fail the same way every time, whatever the policy says.
	if !retryable || permanentAuthError(err) {
		return 0, false
	}
	return c.cfg.retry.Next(attempt, resp, err)
}

// rateLimitWait reports whether to wait for the reset of a 429 window (WithRateLimitWait).
func (c *Client) rateLimitWait(e *Error) (time.Duration, bool) {
	if c.cfg.rateLimitWait <= 0 || e.StatusCode != http.StatusTooManyRequests || e.HasProblem(ProblemUsageCapExceeded) {
		return 0, false
	}
	wait, ok := serverWait(e.Response, e.RateLimit, c.cfg.now())
	if !ok || wait > c.cfg.rateLimitWait {
		return 0, false
	}
	return wait, true
}

// decode is the one place response bodies are decoded.
func (c *Client) decode(body []byte, out any) error {
	return c.cfg.decoder.Unmarshal(body, out)
}
