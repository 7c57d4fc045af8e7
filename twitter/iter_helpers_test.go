package twitter

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

// Helpers for the iterator tests against the fake X API (internal/testserver).

// requestLog is a transport that records the query of every request the client sends.
type requestLog struct {
	next http.RoundTripper
	mu   sync.Mutex
	reqs []*url.URL
}

func (l *requestLog) RoundTrip(r *http.Request) (*http.Response, error) {
	l.mu.Lock()
	l.reqs = append(l.reqs, r.URL)
	l.mu.Unlock()
	return l.next.RoundTrip(r)
}

// queries returns the query of each request so far to path.
func (l *requestLog) queries(path string) []url.Values {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []url.Values
	for _, u := range l.reqs {
		if u.Path == path {
			out = append(out, u.Query())
		}
	}
	return out
}

// withServerClock makes the client read the fake server's manual clock and, instead of
// sleeping, move it forward: rate-limit waits and retry backoffs take no real time, and a
// wait for a rate-limit reset really reaches the reset on the server.
func withServerClock(mc *testserver.ManualClock) Option {
	return func(c *config) error {
		c.now = mc.Now
		c.sleep = func(ctx context.Context, d time.Duration) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			mc.Advance(d)
			return nil
		}
		if b, ok := c.retry.(*Backoff); ok {
			b.now = mc.Now
		}
		return nil
	}
}

// startFake starts the fake X API for one test and, when the test ends and the server and
// the clients' transports are closed, checks that no goroutine the test started is left:
// an iteration that ends, breaks or fails leaves nothing running.
func startFake(t *testing.T, opts ...testserver.Option) *testserver.Server {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) }) // registered first, so it runs last
	return testserver.Start(t, opts...)
}

// iterClient returns a client of s authenticated with token, with its own transport (closed
// when the test ends) and a log of its requests. Options go after the defaults.
func iterClient(t testing.TB, s *testserver.Server, token string, opts ...Option) (*Client, *requestLog) {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	log := &requestLog{next: tr}
	all := append([]Option{WithBaseURL(s.URL()), WithBearerToken(token), WithHTTPClient(&http.Client{Transport: log})}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, log
}

// ids collects the ids of an item iterator, failing the test on an error.
func ids[T any](t *testing.T, seq func(yield func(T, error) bool), id func(T) string) []string {
	t.Helper()
	var out []string
	for v, err := range seq {
		if err != nil {
			t.Fatalf("after %d items: %v", len(out), err)
		}
		out = append(out, id(v))
	}
	return out
}

func userID(u gen.User) string   { return u.ID }
func tweetID(t gen.Tweet) string { return t.ID }

// noDuplicates reports the first id seen twice.
func noDuplicates(t *testing.T, got []string) {
	t.Helper()
	seen := make(map[string]bool, len(got))
	for _, id := range got {
		if seen[id] {
			t.Fatalf("id %s came twice", id)
		}
		seen[id] = true
	}
}
