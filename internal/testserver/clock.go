package testserver

import (
	"sync"
	"time"
)

// Clock tells the server what time it is. It reads it for rate-limit windows, token
// expiry, OAuth 1.0a timestamps, compliance job progress and the time of new Tweets.
type Clock interface{ Now() time.Time }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

// ManualClock is a Clock that moves only when told to, so tests can cross a rate-limit
// reset or finish a compliance job without waiting. Safe for concurrent use.
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewManualClock returns a ManualClock showing t; a zero t means SeedTime, the instant
// the seeded world was built around.
func NewManualClock(t time.Time) *ManualClock {
	if t.IsZero() {
		t = SeedTime
	}
	return &ManualClock{now: t}
}

// Now returns the clock's current time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// Set moves the clock to t.
func (c *ManualClock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}
