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
	"golang.org/x/oauth2"
)

// nextEvent returns the next event of a compliance stream, skipping system messages.
func nextEvent[T any](t *testing.T, s *ComplianceStream[T]) *T {
	t.Helper()
	return nextWhere(t, s, func(m Event[T]) bool { return m.Data != nil }).Data
}

func emitCompliance(t *testing.T, ts *testserver.Server, evs ...testserver.ComplianceEvent) {
	t.Helper()
	if err := ts.EmitComplianceEvent(evs...); err != nil {
		t.Fatal(err)
	}
}

// tweetInPartition returns the id of a Tweet of the world (created for the purpose,
// by @alice) that falls in partition p of n.
func tweetInPartition(t *testing.T, ts *testserver.Server, first uint64, n, p int) string {
	t.Helper()
	for id := first; ; id++ {
		if testserver.StreamPartition(id, n) == p {
			return ts.EmitTweet(testserver.Tweet{ID: strconv.FormatUint(id, 10), AuthorID: testserver.AliceID})[0].ID
		}
	}
}

// TestFakeStreamTweetCompliance: the events of one partition arrive once each across an
// operational disconnect, a 503 and a stall, as for a stream of Tweets; deleting a Tweet
// through the API is one of them.
func TestFakeStreamTweetCompliance(t *testing.T) {
	noLeaks(t)
	ts, c, clk, log := observedFake(t)
	ctx := context.Background()
	for _, p := range []int{0, 5} {
		_, err := c.Stream.TweetCompliance(ctx, p, nil)
		wantInvalid(t, "partition "+strconv.Itoa(p), err)
	}
	_, err := c.Stream.TweetCompliance(ctx, 1, &StreamOptions{TweetFields: []gen.TweetField{gen.TweetFieldLang}})
	wantInvalid(t, "tweet.fields", err)

	timers := newManualTimers()
	s, err := c.Stream.TweetCompliance(ctx, 3, &StreamOptions{
		OnReconnect: func(ev ReconnectEvent) { log.add(ev.Cause.String()) },
		afterFunc:   timers.afterFunc,
	})
	if err != nil {
		t.Fatal(err)
	}
	mark := log.waitFor(t, 0, prefix("200"))
	var want, got []string
	next := uint64(5e18)
	round := func() {
		t.Helper()
		in := tweetInPartition(t, ts, next, ComplianceStreamPartitions, 3)
		out := tweetInPartition(t, ts, next+8, ComplianceStreamPartitions, 4)
		next += 16
		emitCompliance(t, ts,
			testserver.ComplianceEvent{Stream: testserver.TweetComplianceStream, Kind: "withheld", TweetID: out},
			testserver.ComplianceEvent{Stream: testserver.TweetComplianceStream, Kind: "withheld", TweetID: in, Countries: []string{"FR", "DE"}},
			testserver.ComplianceEvent{Stream: testserver.TweetComplianceStream, Kind: "tweet_edit", TweetID: in, EditTweetIDs: []string{"5", in}},
		)
		ev := nextEvent(t, s)
		if ev.Withheld == nil || ev.Withheld.Tweet.ID != in || ev.Withheld.Tweet.AuthorID != testserver.AliceID ||
			!cmp.Equal(ev.Withheld.WithheldInCountries, []string{"FR", "DE"}) || ev.Withheld.EventAt.IsZero() || ev.Delete != nil {
			t.Fatalf("withheld event %+v", ev)
		}
		ev = nextEvent(t, s)
		if ev.TweetEdit == nil || ev.TweetEdit.InitialTweetID != "5" || !cmp.Equal(ev.TweetEdit.EditTweetIds, []string{"5", in}) {
			t.Fatalf("edit event %+v", ev)
		}
		// Deleting it through the API: the Tweet is gone and its delete event comes.
		uc := testStreamClient(t, ts.URL(), WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: ts.UserToken(testserver.AliceID)})))
		if _, _, err := uc.Tweets.Delete(ctx, in); err != nil {
			t.Fatal(err)
		}
		if _, ok := ts.World().Tweet(in); ok {
			t.Fatalf("Tweet %s still in the world", in)
		}
		ev = nextEvent(t, s)
		if ev.Delete == nil || ev.Delete.Tweet.ID != in || ev.Delete.Tweet.AuthorID != testserver.AliceID {
			t.Fatalf("delete event %+v", ev)
		}
		want = append(want, in)
		got = append(got, ev.Delete.Tweet.ID)
	}
	throughFaults(t, ts, clk, "streamTweetCompliance", timers, log, mark, round)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("deleted (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]time.Duration{0, 5 * time.Second, 0, 0}, clk.recorded()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
	s.Close()
	if _, err := s.Next(ctx); !errors.Is(err, ErrStreamClosed) {
		t.Errorf("Next after Close: %v", err)
	}
}

func TestFakeStreamUserCompliance(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()
	_, err := c.Stream.UserCompliance(ctx, 5, nil)
	wantInvalid(t, "partition 5", err)
	uc := testStreamClient(t, ts.URL(), WithBearerToken(ts.UserToken(testserver.AliceID)))
	if _, err := uc.Stream.UserCompliance(ctx, 1, nil); !IsForbidden(err) {
		t.Errorf("user token: %v", err)
	}

	bob, _ := strconv.ParseUint(testserver.BobID, 10, 64)
	s, err := c.Stream.UserCompliance(ctx, testserver.StreamPartition(bob, ComplianceStreamPartitions), &StreamOptions{BackfillMinutes: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	emitCompliance(t, ts,
		testserver.ComplianceEvent{Stream: testserver.UserComplianceStream, Kind: "user_suspend", UserID: testserver.BobID},
		testserver.ComplianceEvent{Stream: testserver.UserComplianceStream, Kind: "user_profile_modification", UserID: testserver.BobID,
			ProfileField: "name", NewValue: "Robert"},
		testserver.ComplianceEvent{Stream: testserver.UserComplianceStream, Kind: "scrub_geo", UserID: testserver.BobID, UpToTweetID: testserver.PollTweetID},
	)
	ev := nextEvent(t, s)
	if ev.UserSuspend == nil || ev.UserSuspend.User.ID != testserver.BobID || ev.UserDelete != nil {
		t.Errorf("suspend %+v", ev)
	}
	ev = nextEvent(t, s)
	if m := ev.UserProfileModification; m == nil || m.ProfileField != "name" || m.NewValue != "Robert" || m.User.ID != testserver.BobID {
		t.Errorf("profile modification %+v", ev)
	}
	ev = nextEvent(t, s)
	if g := ev.ScrubGeo; g == nil || g.UpToTweetID != testserver.PollTweetID {
		t.Errorf("scrub geo %+v", ev)
	}
}

func TestFakeStreamLikeCompliance(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()
	_, err := c.Stream.LikeCompliance(ctx, &StreamOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID}})
	wantInvalid(t, "expansions", err)
	s, err := c.Stream.LikeCompliance(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	emitCompliance(t, ts, testserver.ComplianceEvent{Stream: testserver.LikeComplianceStream, Kind: "delete",
		TweetID: testserver.PollTweetID, UserID: testserver.CarolID})
	ev := nextEvent(t, s)
	if ev.Delete == nil || ev.Delete.Favorite.ID != testserver.PollTweetID || ev.Delete.Favorite.UserID != testserver.CarolID {
		t.Errorf("like delete %+v", ev)
	}
	// A system message is delivered as problems, and says it is a disconnect.
	ts.DisconnectStreams("")
	m, err := s.Next(ctx)
	if err != nil || m.Data != nil || !m.IsDisconnect() {
		t.Errorf("disconnect message %+v, %v", m, err)
	}
}

func TestFakeStreamTweetLabels(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()
	_, err := c.Stream.TweetLabels(ctx, &StreamOptions{StallTimeout: -1})
	wantInvalid(t, "negative stall timeout", err)
	s, err := c.Stream.TweetLabels(ctx, &StreamOptions{StartTime: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	emitCompliance(t, ts,
		testserver.ComplianceEvent{Stream: testserver.TweetLabelStream, Kind: "public_tweet_notice", TweetID: testserver.QuoteTweetID,
			Label: "misleading", Details: "Context was added"},
		testserver.ComplianceEvent{Stream: testserver.TweetLabelStream, Kind: "public_tweet_unviewable", TweetID: testserver.QuoteTweetID, Application: "remove"})
	ev := nextEvent(t, s)
	if n := ev.PublicTweetNotice; n == nil || n.Tweet.ID != testserver.QuoteTweetID || n.Tweet.AuthorID != testserver.CarolID ||
		n.EventType != "misleading" || n.Details != "Context was added" || n.Application != "apply" {
		t.Errorf("notice %+v", ev)
	}
	ev = nextEvent(t, s)
	if u := ev.PublicTweetUnviewable; u == nil || u.Application != "remove" || ev.PublicTweetNotice != nil {
		t.Errorf("unviewable %+v", ev)
	}
}

// TestEventLines: an event of a kind the client does not know is delivered with no
// member set; a line with neither data nor errors, or not JSON, is a *LineError.
func TestEventLines(t *testing.T) {
	c, err := NewClient(WithBearerToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	dec := decodeEvent(func(l *gen.TweetComplianceStreamLine) (*gen.TweetComplianceEvent, []gen.Problem) {
		return l.Data, l.Errors
	})
	m, problems, err := dec(c, []byte(`{"data":{"tweet_vanish":{"tweet":{"id":"1"}}}}`))
	if err != nil || m.Data == nil || *m.Data != (gen.TweetComplianceEvent{}) || problems != nil {
		t.Errorf("unknown kind: %+v %v %v", m, problems, err)
	}
	for _, line := range []string{`{}`, `{"data":`, `[1]`} {
		if _, _, err := dec(c, []byte(line)); err == nil {
			t.Errorf("%s: no error", line)
		}
	}
}
