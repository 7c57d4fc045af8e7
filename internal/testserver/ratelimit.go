package testserver

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Default limits per 15-minute window, per token, when no WithRateLimit names a route.
// They are in the range of X's own, high enough that ordinary tests never meet them.
const (
	defaultWindow      = 15 * time.Minute
	defaultReadLimit   = 900
	defaultAppLimit    = 450
	defaultWriteLimit  = 300
	defaultStreamLimit = 50
)

type bucket struct {
	limit  int
	window time.Duration
	used   int
	reset  time.Time
}

// rateLimiter counts requests per operation and per token in fixed windows that start
// with the first request and end at x-rate-limit-reset.
type rateLimiter struct {
	s       *Server
	mu      sync.Mutex
	buckets map[string]*bucket
}

func newRateLimiter(s *Server) *rateLimiter {
	return &rateLimiter{s: s, buckets: map[string]*bucket{}}
}

func (rl *rateLimiter) policy(rt *route, who principal) (int, time.Duration) {
	limit, window := defaultReadLimit, defaultWindow
	switch {
	case isStream(rt.opID):
		limit = defaultStreamLimit
	case rt.method != http.MethodGet:
		limit = defaultWriteLimit
	case who.kind == authApp:
		limit = defaultAppLimit
	}
	for _, o := range rl.s.cfg.rateLimits {
		if o.route == "*" || o.route == rt.key || o.route == rt.opID {
			limit, window = o.limit, o.window
		}
	}
	return limit, window
}

// limit counts the request and sets the x-rate-limit-* headers; when the window is used
// up it answers 429 with a problem and returns true.
func (rl *rateLimiter) limit(c *call) bool {
	limit, window := rl.policy(c.rt, c.who)
	now := rl.s.clock.Now()
	key := c.rt.key + "|" + c.who.rateKey()
	rl.mu.Lock()
	b := rl.buckets[key]
	if b == nil || !now.Before(b.reset) || b.limit != limit {
		b = &bucket{limit: limit, window: window, reset: now.Add(window)}
		rl.buckets[key] = b
	}
	over := b.used >= b.limit && !rl.s.cfg.noRateLimits
	if !over && !rl.s.cfg.noRateLimits {
		b.used++
	}
	remaining := b.limit - b.used
	reset := b.reset
	rl.mu.Unlock()
	setRateHeaders(c.rlHead, limit, remaining, reset)
	if over {
		rl.s.send(c, http.StatusTooManyRequests, tooManyRequests())
		return true
	}
	return false
}

func setRateHeaders(h http.Header, limit, remaining int, reset time.Time) {
	// Reset is whole unix seconds, rounded up so a client that waits until then is safe.
	secs := reset.Unix()
	if reset.Nanosecond() > 0 {
		secs++
	}
	h.Set("x-rate-limit-limit", strconv.Itoa(limit))
	h.Set("x-rate-limit-remaining", strconv.Itoa(max(remaining, 0)))
	h.Set("x-rate-limit-reset", strconv.FormatInt(secs, 10))
}

// ResetRateLimits forgets every rate-limit window, as if all had just reset.
func (s *Server) ResetRateLimits() {
	s.rl.mu.Lock()
	s.rl.buckets = map[string]*bucket{}
	s.rl.mu.Unlock()
}
