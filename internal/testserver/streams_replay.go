package testserver

import (
	"strconv"
	"time"
)

// What the streams carried, kept so that a connection can ask for it again: with
// backfill_minutes (1 to 5) after a disconnect, or with start_time (and end_time) to
// recover a window, as X's streams allow. X keeps 24 hours for recovery; the fake keeps
// as much, read from the server clock, and at most WithStreamHistory events per family
// of stream (Tweets, each compliance or label stream, likes), dropping the oldest first.
const (
	streamHistoryWindow  = 24 * time.Hour
	defaultStreamHistory = 10000
	// endCheckEvery is how often a stream with an end_time reads the clock.
	endCheckEvery = 10 * time.Millisecond
)

// WithStreamHistory bounds how many past events of each stream family (Tweets, the
// events of each compliance or label stream, likes) the server keeps for replay through
// backfill_minutes and start_time (default 10000; events older than 24 hours by the
// server clock are dropped too). A negative n keeps none, so nothing is replayed.
func WithStreamHistory(n int) Option { return func(c *config) { c.streamHistory = n } }

// remember keeps what push sent, for later connections to replay; call with h.mu held.
// Events older than streamHistoryWindow (by now) and above limit per family are dropped,
// oldest first.
func (h *hub) remember(events []streamEvent, now time.Time, limit int) {
	if limit < 0 {
		return
	}
	for _, ev := range events {
		h.past[ev.family] = append(h.past[ev.family], ev)
	}
	cutoff := now.Add(-streamHistoryWindow)
	for fam, past := range h.past {
		drop := max(len(past)-limit, 0)
		for drop < len(past) && past[drop].at.Before(cutoff) {
			drop++
		}
		if drop > 0 {
			// Copy the survivors so the dropped events' backing array can be freed.
			h.past[fam] = append([]streamEvent(nil), past[drop:]...)
		}
	}
}

// replay returns, oldest first, the past events a new connection asked for and would
// have carried; call with h.mu held, in the same critical section that registers the
// connection, so that nothing falls between the replay and the live events.
func (h *hub) replay(c *streamConn) []streamEvent {
	if c.since.IsZero() {
		return nil
	}
	var out []streamEvent
	for _, ev := range h.past[streamKinds[c.opID].family] {
		if c.wants(ev) {
			out = append(out, ev)
		}
	}
	return out
}

// setWindow reads a connection's backfill_minutes, start_time and end_time (validated
// against the document already, so backfill is 0 to 5 and the times parse) at now:
//
//   - backfill_minutes=N replays what was sent in the N minutes before now;
//   - start_time replays what was sent since then (at most 24 hours back: that is all
//     that is kept), and what is sent before it (a start_time still to come) is left
//     out; with both, the earlier of the two wins;
//   - end_time leaves out whatever is sent after it, and the stream ends once the clock
//     has passed it (at once, after the replay, when it has already passed).
func (c *streamConn) setWindow(call *call, now time.Time) {
	q := call.q
	if n, err := strconv.Atoi(q.Get("backfill_minutes")); err == nil && n > 0 {
		c.since = now.Add(-time.Duration(min(n, 5)) * time.Minute)
	}
	if s := q.Get("start_time"); s != "" {
		if start, err := time.Parse(time.RFC3339, s); err == nil {
			start = later(start, now.Add(-streamHistoryWindow))
			if c.since.IsZero() || start.Before(c.since) {
				c.since = start
			}
		}
	}
	if s := q.Get("end_time"); s != "" {
		if end, err := time.Parse(time.RFC3339, s); err == nil {
			c.until = end
		}
	}
}

func later(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}

// inWindow reports whether an event was sent within the connection's start and end.
func (c *streamConn) inWindow(ev streamEvent) bool {
	return (c.since.IsZero() || !ev.at.Before(c.since)) && (c.until.IsZero() || !ev.at.After(c.until))
}

// ended reports whether the connection's end_time has passed at now.
func (c *streamConn) ended(now time.Time) bool { return !c.until.IsZero() && now.After(c.until) }
