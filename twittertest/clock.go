package twittertest

import (
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// Clock is a time source for the server (WithClock): a *ManualClock, or your own.
type Clock interface{ Now() time.Time }

// ManualClock is a Clock that moves only when told (Advance, Set), so a test can cross a
// rate-limit reset, finish a compliance job or close a poll without waiting. It is safe
// for concurrent use.
type ManualClock struct{ c *testserver.ManualClock }

// NewManualClock returns a clock showing t; a zero t means SeedTime.
func NewManualClock(t time.Time) *ManualClock {
	return &ManualClock{c: testserver.NewManualClock(t)}
}

// Now returns the clock's current time.
func (c *ManualClock) Now() time.Time { return c.c.Now() }

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) { c.c.Advance(d) }

// Set moves the clock to t.
func (c *ManualClock) Set(t time.Time) { c.c.Set(t) }

// SeedTime is the instant the seeded world was written at: its Tweets' ages count back
// from it, and NewManualClock(time.Time{}) starts there.
var SeedTime = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
