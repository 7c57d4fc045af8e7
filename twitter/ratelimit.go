package twitter

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// RateLimit is the state of one rate-limit window as the API reported it in a response's
// x-rate-limit-* headers, plus the 24-hour app and user quotas some endpoints report.
type RateLimit struct {
	// Endpoint names the window, as "METHOD /2/path/{param}".
	Endpoint string
	// Limit is the number of requests allowed in the window; 0 when the response had no
	// rate-limit headers.
	Limit int
	// Remaining is the number of requests left in the window.
	Remaining int
	// Reset is when the window starts over.
	Reset time.Time
	// App24Hour and User24Hour are the daily quotas (x-app-limit-24hour-*,
	// x-user-limit-24hour-*), nil when the response did not report them.
	App24Hour  *Quota
	User24Hour *Quota
}

// Quota is a daily request allowance.
type Quota struct {
	Limit     int
	Remaining int
	Reset     time.Time
}

// Known reports whether the response carried rate-limit headers at all.
func (r RateLimit) Known() bool { return r.Limit > 0 || !r.Reset.IsZero() }

// parseRateLimit reads the rate-limit headers. Malformed values are ignored rather than
// failing the call: they are advisory.
func parseRateLimit(endpoint string, h http.Header) RateLimit {
	rl := RateLimit{Endpoint: endpoint}
	rl.Limit, _ = headerInt(h, "X-Rate-Limit-Limit")
	rl.Remaining, _ = headerInt(h, "X-Rate-Limit-Remaining")
	rl.Reset = headerUnix(h, "X-Rate-Limit-Reset")
	rl.App24Hour = parseQuota(h, "X-App-Limit-24hour-Limit", "X-App-Limit-24hour-Remaining", "X-App-Limit-24hour-Reset")
	rl.User24Hour = parseQuota(h, "X-User-Limit-24hour-Limit", "X-User-Limit-24hour-Remaining", "X-User-Limit-24hour-Reset")
	return rl
}

func parseQuota(h http.Header, limitKey, remainingKey, resetKey string) *Quota {
	limit, ok := headerInt(h, limitKey)
	if !ok {
		return nil
	}
	q := &Quota{Limit: limit}
	q.Remaining, _ = headerInt(h, remainingKey)
	q.Reset = headerUnix(h, resetKey)
	return q
}

// header is h.Get(key) for a key spelled canonically ("X-Rate-Limit-Limit"), as every key
// the client reads on each request or response is: the map is read directly, without
// canonicalizing the key again each time.
func header(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func headerInt(h http.Header, key string) (int, bool) {
	v := header(h, key)
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

func headerUnix(h http.Header, key string) time.Time {
	v := header(h, key)
	if v == "" {
		return time.Time{}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 || n > 1<<40 {
		return time.Time{}
	}
	return time.Unix(n, 0)
}

// rateLimitTable keeps the latest known window per endpoint.
type rateLimitTable struct {
	mu sync.RWMutex
	m  map[string]RateLimit
}

func newRateLimitTable() *rateLimitTable { return &rateLimitTable{m: map[string]RateLimit{}} }

func (t *rateLimitTable) record(rl RateLimit) {
	if !rl.Known() {
		return
	}
	t.mu.Lock()
	t.m[rl.Endpoint] = rl
	t.mu.Unlock()
}

func (t *rateLimitTable) get(endpoint string) (RateLimit, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	rl, ok := t.m[endpoint]
	return rl, ok
}

// RateLimit returns the last rate-limit state seen for an endpoint ("GET /2/users/{id}"),
// and whether any response from it has been seen.
func (c *Client) RateLimit(endpoint string) (RateLimit, bool) { return c.limits.get(endpoint) }

// RateLimits returns the last known state of every endpoint the client has called.
func (c *Client) RateLimits() map[string]RateLimit {
	c.limits.mu.RLock()
	defer c.limits.mu.RUnlock()
	out := make(map[string]RateLimit, len(c.limits.m))
	for k, v := range c.limits.m {
		out[k] = v
	}
	return out
}
