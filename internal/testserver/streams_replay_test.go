package testserver

import (
	"errors"
	"io"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// dataIDs reads n lines of a stream and returns their data ids.
func dataIDs(t *testing.T, st *stream, n int) []string {
	t.Helper()
	var out []string
	for range n {
		v := st.next()
		d, _ := v["data"].(map[string]any)
		id, _ := d["id"].(string)
		if id == "" {
			t.Fatalf("line without data.id: %v", v)
		}
		out = append(out, id)
	}
	return out
}

// wantEnd asserts that the server ends the stream next (keep-alives aside).
func wantEnd(t *testing.T, st *stream) {
	t.Helper()
	for {
		l, err := st.line()
		if l == "\r\n" {
			continue
		}
		if !errors.Is(err, io.EOF) || l != "" {
			t.Fatalf("want the end of the stream, got %q, %v", l, err)
		}
		return
	}
}

func idsOf(ts ...Tweet) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

func rfc3339(t time.Time) string { return url.QueryEscape(t.UTC().Format(time.RFC3339)) }

// TestStreamBackfillReplaysWhatTheConnectionWouldHaveCarried: backfill_minutes=N replays,
// oldest first and before anything live, what was sent in the last N minutes by the
// server clock and matched this connection: the filtered stream's rules (as they were
// when it was sent, with matching_rules), a firehose's language and partition.
func TestStreamBackfillReplaysWhatTheConnectionWouldHaveCarried(t *testing.T) {
	clk := NewManualClock(time.Time{})
	s := Start(t, WithKeepAlive(time.Hour), WithClock(clk), WithoutSeedRules())
	c := newTC(t, s)
	r := c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"add": []map[string]string{{"value": "from:bob", "tag": "bob"}}})
	wantStatus(t, r, 200)
	ruleID := r.str("data", 0, "id")

	old := s.EmitTweet(Tweet{AuthorID: BobID})
	clk.Advance(3 * time.Minute)
	recent := s.EmitTweet(Tweet{AuthorID: BobID}, Tweet{AuthorID: CarolID}, Tweet{AuthorID: BobID, Lang: "ja"}, Tweet{AuthorID: CarolID, Lang: "ja"})
	clk.Advance(time.Minute)

	filtered := openStream(t, c, "/2/tweets/search/stream?backfill_minutes=2")
	sample := openStream(t, c, "/2/tweets/sample/stream?backfill_minutes=5")
	plain := openStream(t, c, "/2/tweets/sample/stream")
	jaPart := StreamPartition(recent[2].num, 2)
	ja := openStream(t, c, "/2/tweets/firehose/stream/lang/ja?backfill_minutes=5&partition="+strconv.Itoa(jaPart))
	live := s.EmitTweet(Tweet{AuthorID: BobID, Lang: "ja"})

	// The filtered stream: Bob's Tweets of the last two minutes, then the live one.
	v := filtered.next()
	if id := v["data"].(map[string]any)["id"]; id != recent[0].ID {
		t.Fatalf("first replayed line %v, want Tweet %s", v, recent[0].ID)
	}
	if mr := v["matching_rules"].([]any); len(mr) != 1 || mr[0].(map[string]any)["id"] != ruleID {
		t.Errorf("replayed matching_rules %v", mr)
	}
	if got, want := dataIDs(t, filtered, 2), []string{recent[2].ID, live[0].ID}; !cmp.Equal(got, want) {
		t.Errorf("filtered stream: %v, want %v (old %s, Carol's %s and %s left out)", got, want, old[0].ID, recent[1].ID, recent[3].ID)
	}
	// The sample stream with five minutes: everything, in the order it was sent.
	want := append(append(idsOf(old...), idsOf(recent...)...), live[0].ID)
	if got := dataIDs(t, sample, len(want)); !cmp.Equal(got, want) {
		t.Errorf("sample stream with backfill: %v, want %v", got, want)
	}
	// Without backfill_minutes: live only.
	if got := dataIDs(t, plain, 1); got[0] != live[0].ID {
		t.Errorf("sample stream without backfill starts with %v, want the live %s", got, live[0].ID)
	}
	// The Japanese firehose's partition: Japanese Tweets of that partition only.
	want = nil
	for _, tw := range append(recent, live...) {
		if tw.Lang == "ja" && StreamPartition(tw.num, 2) == jaPart {
			want = append(want, tw.ID)
		}
	}
	if got := dataIDs(t, ja, len(want)); !cmp.Equal(got, want) {
		t.Errorf("ja firehose partition %d: %v, want %v", jaPart, got, want)
	}
}

// TestStreamStartAndEndTime: start_time replays what was sent since then; end_time leaves
// out what comes later and ends the stream once the clock has passed it, at once when it
// already has (a recovered window).
func TestStreamStartAndEndTime(t *testing.T) {
	clk := NewManualClock(time.Time{})
	s := Start(t, WithKeepAlive(time.Hour), WithClock(clk))
	c := newTC(t, s)
	t0 := clk.Now()
	first := s.EmitTweet(Tweet{})
	clk.Advance(10 * time.Minute)
	second := s.EmitTweet(Tweet{})
	clk.Advance(10 * time.Minute)
	third := s.EmitTweet(Tweet{})
	clk.Advance(time.Minute)

	// A window in the past: replayed, then the end.
	window := openStream(t, c, "/2/tweets/sample10/stream?partition=1&start_time="+rfc3339(t0.Add(5*time.Minute))+
		"&end_time="+rfc3339(t0.Add(15*time.Minute)))
	window2 := openStream(t, c, "/2/tweets/sample10/stream?partition=2&start_time="+rfc3339(t0.Add(5*time.Minute))+
		"&end_time="+rfc3339(t0.Add(15*time.Minute)))
	// Since the start, with both partitions read, every Tweet once, then the end.
	got := map[string]int{}
	for _, st := range []*stream{window, window2} {
		for {
			l, err := st.line()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got[l]++
		}
	}
	if len(got) != 1 {
		t.Fatalf("the window of the second Tweet (%s) carried %v", second[0].ID, got)
	}
	for l := range got {
		if !strings.Contains(l, `"id":"`+second[0].ID+`"`) {
			t.Errorf("the window carried %q, want Tweet %s", l, second[0].ID)
		}
	}

	// start_time only, on the filtered stream (the seeded rule matches @XDevelopers).
	since := openStream(t, c, "/2/tweets/search/stream?start_time="+rfc3339(t0.Add(time.Minute)))
	xd := s.EmitTweet(Tweet{AuthorID: XDevelopersID})
	if got := dataIDs(t, since, 1); got[0] != xd[0].ID {
		t.Errorf("filtered stream from start_time: %v, want only the matching %s (not %s %s %s)", got, xd[0].ID, first[0].ID, second[0].ID, third[0].ID)
	}

	// end_time still to come: live until the clock passes it.
	until := openStream(t, c, "/2/tweets/firehose/stream?partition="+strconv.Itoa(StreamPartition(xd[0].num+1, 20))+
		"&end_time="+rfc3339(clk.Now().Add(time.Minute)))
	before := s.EmitTweet(Tweet{})
	if StreamPartition(before[0].num, 20) != StreamPartition(xd[0].num+1, 20) {
		t.Fatalf("Tweet %s is not on the partition chosen", before[0].ID)
	}
	if got := dataIDs(t, until, 1); got[0] != before[0].ID {
		t.Errorf("before end_time: %v, want %s", got, before[0].ID)
	}
	clk.Advance(2 * time.Minute)
	wantEnd(t, until)
}

// TestStreamReplayOfOtherFamilies: compliance events and likes are kept and replayed too,
// each to its own streams only.
func TestStreamReplayOfOtherFamilies(t *testing.T) {
	clk := NewManualClock(time.Time{})
	s := Start(t, WithKeepAlive(time.Hour), WithClock(clk))
	c := newTC(t, s)
	if err := s.EmitComplianceEvent(ComplianceEvent{Stream: LikeComplianceStream, Kind: "delete", TweetID: PollTweetID, UserID: BobID}); err != nil {
		t.Fatal(err)
	}
	like, err := s.EmitLike(BobID, PollTweetID)
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(30 * time.Second)
	lc := openStream(t, c, "/2/likes/compliance/stream?backfill_minutes=1")
	lf := openStream(t, c, "/2/likes/sample10/stream?backfill_minutes=1&partition="+strconv.Itoa(like.Partition(2)))
	if v := lc.next(); v["data"].(map[string]any)["delete"].(map[string]any)["favorite"].(map[string]any)["id"] != PollTweetID {
		t.Errorf("likes compliance replay %v", v)
	}
	if got := dataIDs(t, lf, 1); got[0] != like.ID {
		t.Errorf("likes replay %v, want %s", got, like.ID)
	}
	// Nothing else was kept for them: the next lines are live.
	live, err := s.EmitLike(BobID, PollTweetID)
	if err != nil {
		t.Fatal(err)
	}
	if got := dataIDs(t, lf, 1); got[0] != live.ID {
		t.Errorf("after the replay %v, want the live like %s", got, live.ID)
	}
}

// TestStreamHistoryIsBounded: the server keeps at most WithStreamHistory events per
// family and nothing older than 24 hours; start_time further back replays what is kept.
func TestStreamHistoryIsBounded(t *testing.T) {
	clk := NewManualClock(time.Time{})
	s := Start(t, WithKeepAlive(time.Hour), WithClock(clk), WithStreamHistory(3))
	c := newTC(t, s)
	day := s.EmitTweet(Tweet{})
	clk.Advance(25 * time.Hour)
	kept := s.EmitTweet(Tweet{}, Tweet{}, Tweet{}, Tweet{})
	st := openStream(t, c, "/2/tweets/sample10/stream?partition=1&start_time="+rfc3339(clk.Now().Add(-30*time.Hour)))
	st2 := openStream(t, c, "/2/tweets/sample10/stream?partition=2&start_time="+rfc3339(clk.Now().Add(-30*time.Hour)))
	var want1, want2 []string
	for _, tw := range kept[1:] {
		if StreamPartition(tw.num, 2) == 1 {
			want1 = append(want1, tw.ID)
		} else {
			want2 = append(want2, tw.ID)
		}
	}
	marker := s.EmitTweet(Tweet{}, Tweet{})
	for _, tw := range marker {
		if StreamPartition(tw.num, 2) == 1 {
			want1 = append(want1, tw.ID)
		} else {
			want2 = append(want2, tw.ID)
		}
	}
	got1, got2 := dataIDs(t, st, len(want1)), dataIDs(t, st2, len(want2))
	if !cmp.Equal(got1, want1) || !cmp.Equal(got2, want2) {
		t.Errorf("replayed %v and %v, want %v and %v (the oldest %s and the day-old %s dropped)", got1, got2, want1, want2, kept[0].ID, day[0].ID)
	}
	s.hub.mu.Lock()
	n := len(s.hub.past[familyTweets])
	s.hub.mu.Unlock()
	if n != 3 {
		t.Errorf("kept %d Tweets, want 3", n)
	}

	none := Start(t, WithKeepAlive(time.Hour), WithStreamHistory(-1))
	none.EmitTweet(Tweet{})
	st = openStream(t, newTC(t, none), "/2/tweets/sample/stream?backfill_minutes=5")
	live := none.EmitTweet(Tweet{})
	if got := dataIDs(t, st, 1); got[0] != live[0].ID {
		t.Errorf("with no history: %v, want the live %s", got, live[0].ID)
	}
}
