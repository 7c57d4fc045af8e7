package twitter

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// advance moves a fake clock (shared with the fake server by observedFake) without
// recording a wait.
func advance(clk *fakeClock, d time.Duration) {
	clk.mu.Lock()
	clk.t = clk.t.Add(d)
	clk.mu.Unlock()
}

// emitXDevs has the server post n Tweets from @XDevelopers, which the seeded rule
// matches, and returns their ids.
func emitXDevs(ts *testserver.Server, n int) []string {
	batch := make([]testserver.Tweet, n)
	for i := range batch {
		batch[i].AuthorID = testserver.XDevelopersID
	}
	var ids []string
	for _, tw := range ts.EmitTweet(batch...) {
		ids = append(ids, tw.ID)
	}
	return ids
}

// readUntilAll reads Tweets until every id of want has arrived, and returns the ids of
// all the Tweets read, in order.
func readUntilAll(t *testing.T, s *Stream, want []string) []string {
	t.Helper()
	var got []string
	for slices.ContainsFunc(want, func(id string) bool { return !slices.Contains(got, id) }) {
		got = append(got, nextTweet(t, s).Tweet.Data.ID)
	}
	return got
}

// gapEmitter is an OnReconnect that logs the cause and, as X goes on posting while a
// stream is away, has the server post two Tweets each time: between the drop and the
// connection that follows, so no connection of the stream can carry them live.
type gapEmitter struct {
	ts  *testserver.Server
	log *connLog
	mu  sync.Mutex
	ids []string
}

func (g *gapEmitter) onReconnect(ev ReconnectEvent) {
	ids := emitXDevs(g.ts, 2)
	g.mu.Lock()
	g.ids = append(g.ids, ids...)
	g.mu.Unlock()
	g.log.add(ev.Cause.String())
}

func (g *gapEmitter) emitted() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.ids)
}

// TestFakeStreamBackfillRecoversTheGap: a filtered stream with BackfillMinutes is
// disconnected (an operational disconnect, then a 503 on the first reconnection) while
// Tweets keep being posted; it reconnects by itself, asking again for the backfill, and
// receives every Tweet of the gap, plus (as from X) duplicates of those of the last
// minute it had already had, and nothing older than the minute. Without backfill the
// gap's Tweets are lost: the fake really replays, and only when asked.
func TestFakeStreamBackfillRecoversTheGap(t *testing.T) {
	for _, tc := range []struct {
		name     string
		backfill int
	}{{"backfill one minute", 1}, {"no backfill", 0}} {
		t.Run(tc.name, func(t *testing.T) {
			noLeaks(t)
			ts, c, clk, log := observedFake(t)
			gap := &gapEmitter{ts: ts, log: log}
			s, err := c.Stream.Filtered(context.Background(), &StreamOptions{BackfillMinutes: tc.backfill, OnReconnect: gap.onReconnect})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			mark := log.waitFor(t, 0, prefix("200"))

			old := emitXDevs(ts, 2)
			if got := readIDs(t, s, 2); !slices.Equal(got, old) {
				t.Fatalf("before the gap: %v, want %v", got, old)
			}
			advance(clk, 2*time.Minute)
			recent := emitXDevs(ts, 2)
			if got := readIDs(t, s, 2); !slices.Equal(got, recent) {
				t.Fatalf("before the gap: %v, want %v", got, recent)
			}

			ts.Inject("streamFiltered", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1})
			if n := ts.DisconnectStreams(""); n != 1 {
				t.Fatalf("disconnected %d streams", n)
			}
			log.waitFor(t, mark, prefix("dropped", "HTTP error", "200"))
			after := emitXDevs(ts, 2)
			got := readUntilAll(t, s, after)
			gapIDs := gap.emitted()
			if len(gapIDs) != 4 {
				t.Fatalf("%d Tweets posted during the gap, want 4", len(gapIDs))
			}
			count := func(ids []string) (n int) {
				for _, id := range ids {
					if slices.Contains(got, id) {
						n++
					}
				}
				return n
			}
			if tc.backfill == 0 {
				if n := count(gapIDs) + count(recent) + count(old); n != 0 || !slices.Equal(got, after) {
					t.Errorf("without backfill, after the gap: %v, want only %v (gap %v lost)", got, after, gapIDs)
				}
				return
			}
			// Reconnected 5 s after the drop (the 503's wait): the minute before reaches back
			// past the gap to the recent Tweets, not to the old ones.
			if n := count(gapIDs); n != len(gapIDs) {
				t.Errorf("with backfill, after the gap: %v; want every Tweet of the gap %v", got, gapIDs)
			}
			if n := count(recent); n != len(recent) {
				t.Errorf("with backfill, after the gap: %v; want the recent %v again (duplicates, as X sends)", got, recent)
			}
			if n := count(old); n != 0 {
				t.Errorf("with backfill, after the gap: %v; the old %v are outside the minute", got, old)
			}
			if want := slices.Concat(recent, gapIDs, after); !slices.Equal(got, want) {
				t.Errorf("order after the gap: %v, want %v (the replay oldest first, then live)", got, want)
			}
		})
	}
}

// TestFakeStreamStartTimeOnFirstConnectionOnly: StartTime replays from then on the
// first connection; a reconnection does not ask for it again, so what came before the
// drop is not replayed a second time (and, without backfill, the gap is lost).
func TestFakeStreamStartTimeOnFirstConnectionOnly(t *testing.T) {
	noLeaks(t)
	ts, c, clk, log := observedFake(t)
	older := emitXDevs(ts, 1)
	advance(clk, 3*time.Minute)
	before := emitXDevs(ts, 2)
	advance(clk, time.Minute)
	gap := &gapEmitter{ts: ts, log: log}
	s, err := c.Stream.Filtered(context.Background(), &StreamOptions{StartTime: clk.now().Add(-2 * time.Minute), OnReconnect: gap.onReconnect})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mark := log.waitFor(t, 0, prefix("200"))
	if got := readIDs(t, s, 2); !slices.Equal(got, before) {
		t.Fatalf("first connection replayed %v, want %v (not the older %v)", got, before, older)
	}
	if n := ts.DisconnectStreams(""); n != 1 {
		t.Fatalf("disconnected %d streams", n)
	}
	log.waitFor(t, mark, prefix("dropped", "200"))
	after := emitXDevs(ts, 1)
	if got := readUntilAll(t, s, after); !slices.Equal(got, after) {
		t.Errorf("after reconnecting: %v, want only %v (no replay of %v, gap %v lost)", got, after, before, gap.emitted())
	}
}
