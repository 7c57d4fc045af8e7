package twitter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"

	"golang.org/x/oauth2"
)

// tokenProvider supplies the bearer tokens of a tokenTransport.
type tokenProvider interface {
	// token returns the token to send.
	token(ctx context.Context) (*oauth2.Token, error)
	// renew is called once the API answered 401 to a request sent with stale. It returns
	// another token to try once more, or an error.
	renew(ctx context.Context, stale *oauth2.Token) (*oauth2.Token, error)
}

// errKeep401 is what a provider's renew returns when it has no other token to try:
// tokenTransport then returns the 401 it got.
var errKeep401 = errors.New("no other token")

// tokenTransport sends each request with a bearer token from a provider. When the API
// answers 401 it asks the provider to renew the token and sends the request once more,
// never more: a second 401 is returned to the caller.
type tokenTransport struct {
	next   http.RoundTripper
	src    tokenProvider
	logger *slog.Logger
}

func (t *tokenTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx := r.Context()
	tok, err := t.src.token(ctx)
	if err != nil {
		closeRequestBody(r)
		return nil, err
	}
	// Keep a way to send the body again before next consumes it.
	canResend := r.Body == nil || r.Body == http.NoBody || r.GetBody != nil
	resp, err := t.next.RoundTrip(withBearer(r, tok, r.Body))
	if err != nil || resp.StatusCode != http.StatusUnauthorized || !canResend {
		return resp, err
	}

	t.logger.LogAttrs(ctx, slog.LevelInfo, "twitter: API answered 401; renewing the token and sending once more",
		slog.String("method", r.Method), slog.String("path", r.URL.Path))
	fresh, err := t.src.renew(ctx, tok)
	if errors.Is(err, errKeep401) {
		return resp, nil
	}
	if err != nil {
		discard(resp)
		return nil, err
	}
	body := r.Body
	if r.GetBody != nil && body != nil && body != http.NoBody {
		if body, err = r.GetBody(); err != nil {
			discard(resp)
			return nil, fmt.Errorf("twitter: resending the request body after a 401: %w", err)
		}
	}
	discard(resp)
	return t.next.RoundTrip(withBearer(r, fresh, body))
}

// withBearer returns a copy of r, with body, authorized by tok.
func withBearer(r *http.Request, tok *oauth2.Token, body io.ReadCloser) *http.Request {
	r2 := r.Clone(r.Context())
	r2.Body = body
	r2.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return r2
}

// discard reads a little of a response body, so the connection can be reused, and
// closes it.
func discard(resp *http.Response) {
	_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
	resp.Body.Close()
}

// closeRequestBody closes the body of a request that will not be sent, as a RoundTripper
// must.
func closeRequestBody(r *http.Request) {
	if r.Body != nil {
		r.Body.Close()
	}
}

// tokenCache holds one token and renews it with fetch, so that many concurrent callers
// cause at most one fetch: the first caller fetches, the others wait for its result (or
// for their own context to end).
type tokenCache struct {
	// fetch gets a new token. cur is the cached token (nil at first); forced is true
	// when the API rejected cur. It may return cur itself when cur can still be used.
	fetch func(ctx context.Context, cur *oauth2.Token, forced bool) (*oauth2.Token, error)
	// usable reports whether a cached token can be sent without fetching first.
	usable func(*oauth2.Token) bool

	mu     sync.Mutex
	tok    *oauth2.Token
	flight *tokenFlight
	fatal  error // sticky: a failure only the user can fix; no further fetches
	// revive, when set, is asked before fatal is returned whether what caused it has
	// changed (a new authorization stored in the State): if so, fatal is forgotten and
	// the token fetched again.
	revive func(ctx context.Context) bool

	waiting atomic.Int32 // callers waiting for another's fetch; tests watch it
}

// tokenFlight is one fetch in progress.
type tokenFlight struct {
	done chan struct{}
	tok  *oauth2.Token
	err  error
}

func (c *tokenCache) token(ctx context.Context) (*oauth2.Token, error) {
	return c.get(ctx, nil)
}

func (c *tokenCache) renew(ctx context.Context, stale *oauth2.Token) (*oauth2.Token, error) {
	return c.get(ctx, stale)
}

// get returns the cached token if it is usable (and is not stale), else fetches one or
// waits for the fetch in progress. A caller takes part in one fetch at most, so a fetch
// that keeps returning an unusable token cannot make it loop.
func (c *tokenCache) get(ctx context.Context, stale *oauth2.Token) (*oauth2.Token, error) {
	retried := false
	for {
		c.mu.Lock()
		if fatal := c.fatal; fatal != nil {
			c.mu.Unlock()
			if c.revive == nil || retried || !c.revive(ctx) {
				return nil, fatal
			}
			c.mu.Lock()
			if c.fatal == fatal {
				c.fatal, c.tok = nil, nil
			}
			c.mu.Unlock()
			retried = true
			continue
		}
		cur := c.tok
		if cur != nil && (stale == nil || cur.AccessToken != stale.AccessToken) && c.usable(cur) {
			c.mu.Unlock()
			return cur, nil
		}
		if f := c.flight; f != nil {
			c.mu.Unlock()
			c.waiting.Add(1)
			select {
			case <-f.done:
				c.waiting.Add(-1)
			case <-ctx.Done():
				c.waiting.Add(-1)
				return nil, ctx.Err()
			}
			// The fetching caller's context ended, not ours: fetch ourselves, once.
			if f.err != nil && isContextError(f.err) && ctx.Err() == nil && !retried {
				retried = true
				continue
			}
			return f.tok, f.err
		}
		f := &tokenFlight{done: make(chan struct{})}
		c.flight = f
		c.mu.Unlock()
		return c.lead(ctx, f, cur, stale != nil)
	}
}

// lead runs the fetch of flight f and publishes its result, even if fetch panics.
func (c *tokenCache) lead(ctx context.Context, f *tokenFlight, cur *oauth2.Token, forced bool) (tok *oauth2.Token, err error) {
	finished := false
	defer func() {
		if !finished {
			err = errors.New("twitter: token fetch panicked")
		}
		c.mu.Lock()
		if err == nil {
			c.tok = tok
		} else if IsReauthorizationRequired(err) {
			c.fatal = err
		}
		c.flight = nil
		f.tok, f.err = tok, err
		close(f.done)
		c.mu.Unlock()
	}()
	tok, err = c.fetch(ctx, cur, forced)
	if err == nil && tok == nil {
		err = errors.New("twitter: token fetch returned no token")
	}
	finished = true
	return tok, err
}

func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
