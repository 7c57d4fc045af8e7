package twitter

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

// emitSpread has the server post n Tweets (in lang, "" for English) with the ids from
// first on, and returns the ids of those that fall in partition p of a stream of parts
// partitions, in order. Ids are given, not left to the server's clock, so that which
// partition each falls in is the same on every run.
func emitSpread(t *testing.T, ts *testserver.Server, first uint64, n int, lang string, parts, p int) []string {
	t.Helper()
	in := make([]testserver.Tweet, n)
	for i := range in {
		in[i].Lang = lang
		in[i].ID = strconv.FormatUint(first+uint64(i), 10)
	}
	var want []string
	for _, tw := range ts.EmitTweet(in...) {
		num, err := strconv.ParseUint(tw.ID, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		if testserver.StreamPartition(num, parts) == p {
			want = append(want, tw.ID)
		}
	}
	return want
}

// wantInvalid checks that err is an ErrInvalidArgument.
func wantInvalid(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("%s: err = %v, want ErrInvalidArgument", what, err)
	}
}

func TestFakeStreamFirehose(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()
	for _, p := range []int{0, -1, FirehosePartitions + 1} {
		_, err := c.Stream.Firehose(ctx, p, nil)
		wantInvalid(t, "partition "+strconv.Itoa(p), err)
	}
	_, err := c.Stream.Firehose(ctx, 1, &StreamOptions{BackfillMinutes: 6})
	wantInvalid(t, "backfill 6", err)

	s, err := c.Stream.Firehose(ctx, 7, &StreamOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// 60 Tweets: about three land in partition 7, and only those may arrive.
	want := emitSpread(t, ts, 5e18, 60, "", FirehosePartitions, 7)
	if len(want) == 0 {
		t.Fatal("no emitted Tweet is in partition 7")
	}
	var got []string
	for range want {
		m := nextTweet(t, s)
		got = append(got, m.Tweet.Data.ID)
		if tw, ok := ts.World().Tweet(m.Tweet.Data.ID); !ok || tw.AuthorID != m.Tweet.Data.AuthorID {
			t.Errorf("Tweet %s: author %q, world has %+v", m.Tweet.Data.ID, m.Tweet.Data.AuthorID, tw)
		}
		if len(m.Tweet.Includes.Users) != 1 || m.Tweet.Includes.Users[0].ID != m.Tweet.Data.AuthorID {
			t.Errorf("Tweet %s: includes %+v", m.Tweet.Data.ID, m.Tweet.Includes)
		}
		if m.Tweet.MatchingRules != nil {
			t.Errorf("firehose Tweet with matching rules %+v", m.Tweet.MatchingRules)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("partition 7 (-want +got):\n%s", diff)
	}

	// A user token is refused at once: app-only.
	uc := testStreamClient(t, ts.URL(), WithBearerToken(ts.UserToken(testserver.AliceID)))
	if _, err := uc.Stream.Firehose(ctx, 1, nil); !IsForbidden(err) {
		t.Errorf("user token: %v", err)
	}
}

func TestFakeStreamFirehoseLang(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()
	for _, bad := range []struct {
		lang string
		p    int
	}{{"fr", 1}, {"", 1}, {"EN", 1}, {"en", 9}, {"ja", 3}, {"ko", 0}} {
		_, err := c.Stream.FirehoseLang(ctx, bad.lang, bad.p, nil)
		wantInvalid(t, bad.lang+"/"+strconv.Itoa(bad.p), err)
	}
	next := uint64(5e18)
	for _, tc := range []struct {
		lang  string
		parts int
	}{{"en", FirehoseEnPartitions}, {"ja", FirehoseLangPartitions}, {"ko", FirehoseLangPartitions}, {"pt", FirehoseLangPartitions}} {
		s, err := c.Stream.FirehoseLang(ctx, tc.lang, 2, &StreamOptions{TweetFields: []gen.TweetField{gen.TweetFieldLang}})
		if err != nil {
			t.Fatalf("%s: %v", tc.lang, err)
		}
		// Tweets in another language first: none of them may arrive.
		other := "en"
		if tc.lang == "en" {
			other = "ja"
		}
		emitSpread(t, ts, next, 10, other, tc.parts, 2)
		want := emitSpread(t, ts, next+10, 20, tc.lang, tc.parts, 2)
		next += 30
		for _, id := range want {
			m := nextTweet(t, s)
			if m.Tweet.Data.ID != id || m.Tweet.Data.Lang != tc.lang {
				t.Errorf("%s: got Tweet %s (%s), want %s", tc.lang, m.Tweet.Data.ID, m.Tweet.Data.Lang, id)
			}
		}
		s.Close()
	}
}

// throughFaults runs round on the stream of route three times: on its first connection,
// after an operational disconnect and a 503, and after a stall (see stallNext). mark is
// the log's mark after the first connection. Each round takes a while by clk, so that
// the connection it ran on counts as a healthy one.
func throughFaults(t *testing.T, ts *testserver.Server, clk *fakeClock, route string, timers *manualTimers, log *connLog, mark int, round func()) {
	t.Helper()
	round = whileUp(clk, round)
	round()
	ts.Inject(route, testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1})
	if n := ts.DisconnectStreams(""); n != 1 {
		t.Fatalf("disconnected %d streams", n)
	}
	mark = log.waitFor(t, mark, prefix("dropped", "HTTP error", "200"))
	round()
	stallNext(t, ts, route, timers, log, mark)
	round()
}

// TestFakeStreamSample10: a partition of the 10% sample delivers each of its Tweets once
// across an operational disconnect, a 503 and a stall, on X's reconnection schedule.
func TestFakeStreamSample10(t *testing.T) {
	noLeaks(t)
	ts, c, clk, log := observedFake(t)
	if _, err := c.Stream.Sample10(context.Background(), 3, nil); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("partition 3: %v", err)
	}
	timers := newManualTimers()
	s, err := c.Stream.Sample10(context.Background(), 2, &StreamOptions{
		OnReconnect: func(ev ReconnectEvent) { log.add(ev.Cause.String()) },
		afterFunc:   timers.afterFunc,
	})
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	next := uint64(5e18)
	collect := func() {
		ids := emitSpread(t, ts, next, 10, "", Sample10Partitions, 2)
		next += 10
		want = append(want, ids...)
		for range ids {
			got = append(got, nextTweet(t, s).Tweet.Data.ID)
		}
	}
	const route = "streamSample10"
	throughFaults(t, ts, clk, route, timers, log, log.waitFor(t, 0, prefix("200")), collect)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("received differs from emitted (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]time.Duration{0, 5 * time.Second, 0, 0}, clk.recorded()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	s.Close()
	if n := ts.StreamConnections(route); n != 0 {
		// The server notices the closed connection shortly after.
		ctx, cancel := context.WithTimeout(context.Background(), patience)
		defer cancel()
		for ts.StreamConnections(route) != 0 && ctx.Err() == nil {
			time.Sleep(time.Millisecond)
		}
		if n := ts.StreamConnections(route); n != 0 {
			t.Errorf("server still has %d connections after Close", n)
		}
	}
}
