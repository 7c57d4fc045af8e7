package twitter

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"golang.org/x/oauth2"
)

// nextLike returns the next like of a likes stream, skipping system messages.
func nextLike(t *testing.T, s *LikeStream) *gen.LikeStreamLine {
	t.Helper()
	return nextWhere(t, s, func(m LikeMessage) bool { return m.Like != nil }).Like
}

// likesOf has @alice like new Tweets (ids from first on) until want of the likes fall
// in partition p of n, and returns those; *first moves past the Tweets used.
func likesOf(t *testing.T, ts *testserver.Server, first *uint64, n, p, want int) []testserver.Like {
	t.Helper()
	var out []testserver.Like
	for range 50 * n * want {
		tw := ts.EmitTweet(testserver.Tweet{ID: strconv.FormatUint(*first, 10), AuthorID: testserver.BobID})[0]
		*first++
		l, err := ts.EmitLike(testserver.AliceID, tw.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l.Partition(n) == p {
			if out = append(out, l); len(out) == want {
				return out
			}
		}
	}
	t.Fatalf("only %d likes in partition %d of %d", len(out), p, n)
	return nil
}

func TestFakeStreamLikesFirehose(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()
	for _, p := range []int{0, LikesFirehosePartitions + 1} {
		_, err := c.Stream.LikesFirehose(ctx, p, nil)
		wantInvalid(t, "partition "+strconv.Itoa(p), err)
	}
	_, err := c.Stream.LikesFirehose(ctx, 1, &StreamOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID}})
	wantInvalid(t, "Tweet expansions", err)
	_, err = c.Stream.Firehose(ctx, 1, &StreamOptions{LikeFields: []gen.LikeField{gen.LikeFieldCreatedAt}})
	wantInvalid(t, "like fields on the Tweet firehose", err)

	// The partition Alice's like of @jack's first Tweet falls in (as the API makes it).
	probe, err := ts.EmitLike(testserver.AliceID, testserver.JackFirstTweetID)
	if err != nil {
		t.Fatal(err)
	}
	p := probe.Partition(LikesFirehosePartitions)
	s, err := c.Stream.LikesFirehose(ctx, p, &StreamOptions{
		LikeFields:     []gen.LikeField{gen.LikeFieldCreatedAt, gen.LikeFieldTimestampMs},
		LikeExpansions: []gen.LikeExpansion{gen.LikeExpansionLikedTweetAuthorID, gen.LikeExpansionLikedTweetID},
		UserFields:     []gen.UserField{gen.UserFieldUsername},
		TweetFields:    []gen.TweetField{gen.TweetFieldAuthorID},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Liked through the API: the like, its author and Tweet expanded.
	uc := testStreamClient(t, ts.URL(), WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: ts.UserToken(testserver.AliceID)})))
	if _, _, err := uc.Tweets.Like(ctx, testserver.AliceID, testserver.JackFirstTweetID); err != nil {
		t.Fatal(err)
	}
	l := nextLike(t, s)
	if l.Data.ID != probe.ID || l.Data.LikedTweetID != testserver.JackFirstTweetID || l.Data.TweetAuthorID != testserver.JackID ||
		l.Data.CreatedAt.IsZero() || l.Data.TimestampMs != l.Data.CreatedAt.UnixMilli() {
		t.Errorf("like %+v", l.Data)
	}
	tw, _ := ts.World().Tweet(testserver.JackFirstTweetID)
	if len(l.Includes.Tweets) != 1 || l.Includes.Tweets[0].Text != tw.Text || len(l.Includes.Users) != 1 || l.Includes.Users[0].Username != "jack" {
		t.Errorf("includes %+v", l.Includes)
	}
	// Emitted likes of this partition, in order; the others do not come.
	var want, got []string
	next := uint64(5e18)
	for _, e := range likesOf(t, ts, &next, LikesFirehosePartitions, p, 2) {
		want = append(want, e.ID)
		got = append(got, nextLike(t, s).Data.ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("likes (-want +got):\n%s", diff)
	}
}

// TestFakeStreamLikesSample10: a likes stream reconnects through a disconnect, a 503
// and a stall like any other, and delivers each like of its partition once.
func TestFakeStreamLikesSample10(t *testing.T) {
	noLeaks(t)
	ts, c, clk, log := observedFake(t)
	_, err := c.Stream.LikesSample10(context.Background(), 3, nil)
	wantInvalid(t, "partition 3", err)
	timers := newManualTimers()
	s, err := c.Stream.LikesSample10(context.Background(), 1, &StreamOptions{
		OnReconnect: func(ev ReconnectEvent) { log.add(ev.Cause.String()) },
		afterFunc:   timers.afterFunc,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var want, got []string
	next := uint64(5e18)
	round := func() {
		t.Helper()
		for _, e := range likesOf(t, ts, &next, LikesSample10Partitions, 1, 2) {
			want = append(want, e.ID)
			l := nextLike(t, s)
			got = append(got, l.Data.ID)
			if l.Data.LikedTweetID != e.TweetID || l.Data.TweetAuthorID != "" || l.Includes.Tweets != nil {
				t.Errorf("default like %+v", l)
			}
		}
	}
	throughFaults(t, ts, clk, "streamLikesSample10", timers, log, log.waitFor(t, 0, prefix("200")), round)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("likes (-want +got):\n%s", diff)
	}
}

// expansions=attachments.media_keys on a likes stream brings the liked Tweet's media.
func TestFakeStreamLikesMedia(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	probe, err := ts.EmitLike(testserver.BobID, testserver.MediaTweetID) // before anyone listens: only to learn its partition
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Stream.LikesSample10(context.Background(), probe.Partition(LikesSample10Partitions), &StreamOptions{
		LikeFields:     []gen.LikeField{gen.LikeFieldAttachmentsMediaKeys},
		LikeExpansions: []gen.LikeExpansion{gen.LikeExpansionAttachmentsMediaKeys},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := ts.WaitStreamConnections(context.Background(), "", 1); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.EmitLike(testserver.BobID, testserver.MediaTweetID); err != nil {
		t.Fatal(err)
	}
	l := nextLike(t, s)
	var keys []string
	for _, m := range l.Includes.Media {
		keys = append(keys, m.MediaKey)
	}
	if l.Data.ID != probe.ID || !cmp.Equal(keys, []string{testserver.PhotoMediaKey, testserver.VideoMediaKey}) || l.Includes.Tweets != nil {
		t.Errorf("like %+v with media %v", l.Data, keys)
	}
}
