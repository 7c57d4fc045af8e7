package testserver

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestComplianceStreamsCarryEveryKind: each kind of event of each stream goes out on
// its stream (and partition) only, valid against the document.
func TestComplianceStreamsCarryEveryKind(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour))
	c := newTC(t, s)
	tweetPart := StreamPartition(mustNum(t, MediaTweetID), 4)
	userPart := StreamPartition(mustNum(t, BobID), 4)
	tw := openStream(t, c, "/2/tweets/compliance/stream?partition="+strconv.Itoa(tweetPart))
	twOther := openStream(t, c, "/2/tweets/compliance/stream?partition="+strconv.Itoa(tweetPart%4+1))
	us := openStream(t, c, "/2/users/compliance/stream?partition="+strconv.Itoa(userPart))
	lk := openStream(t, c, "/2/likes/compliance/stream")
	lb := openStream(t, c, "/2/tweets/label/stream?backfill_minutes=2")
	fh := openStream(t, c, "/2/tweets/sample/stream")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.WaitStreamConnections(ctx, "", 6); err != nil {
		t.Fatal(err)
	}
	var evs []ComplianceEvent
	for stream, k := range complianceKinds {
		for _, kind := range k.kinds {
			ev := ComplianceEvent{Stream: stream, Kind: kind, TweetID: MediaTweetID}
			if stream == UserComplianceStream || stream == LikeComplianceStream {
				ev.UserID = BobID
			}
			evs = append(evs, ev)
		}
	}
	if err := s.EmitComplianceEvent(evs...); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	read := func(st *stream, name string, n int) {
		for range n {
			v := st.next()
			for kind, body := range v["data"].(map[string]any) {
				got[name] = append(got[name], kind)
				b := body.(map[string]any)
				if _, ok := b["event_at"].(string); !ok {
					t.Errorf("%s %s: no event_at: %v", name, kind, v)
				}
				if u, ok := b["user"].(map[string]any); ok && u["id"] != BobID {
					t.Errorf("%s %s: user %v", name, kind, u)
				}
				if tw, ok := b["tweet"].(map[string]any); ok && tw["id"] != MediaTweetID {
					t.Errorf("%s %s: tweet %v", name, kind, tw)
				}
				if tw, ok := b["tweet"].(map[string]any); ok && kind != "tweet_edit" && tw["author_id"] != AliceID {
					t.Errorf("%s %s: tweet author %v", name, kind, tw)
				}
			}
		}
	}
	read(tw, "tweets", 5)
	read(us, "users", 9)
	read(lk, "likes", 1)
	read(lb, "labels", 2)
	for name, want := range map[string][]string{
		"tweets": complianceKinds[TweetComplianceStream].kinds, "users": complianceKinds[UserComplianceStream].kinds,
		"likes": {"delete"}, "labels": complianceKinds[TweetLabelStream].kinds,
	} {
		if strings.Join(got[name], ",") != strings.Join(want, ",") {
			t.Errorf("%s stream: kinds %v, want %v", name, got[name], want)
		}
	}

	// Deleting a Tweet through the API sends its delete event; the other partition and
	// the Tweet stream see neither.
	wantStatus(t, c.do("DELETE", "/2/tweets/"+MediaTweetID, s.UserToken(AliceID), nil), 200)
	d := tw.next()["data"].(map[string]any)["delete"].(map[string]any)
	if d["tweet"].(map[string]any)["id"] != MediaTweetID {
		t.Errorf("delete event %v", d)
	}
	if n := s.DisconnectStreams(""); n != 6 {
		t.Errorf("disconnected %d", n)
	}
	for _, st := range []*stream{twOther, fh} {
		if v := st.next(); v["errors"] == nil {
			t.Errorf("a stream got an event not for it: %v", v)
		}
	}
	if len(s.Violations()) != 0 {
		t.Errorf("violations: %v", s.Violations())
	}
}

func TestEmitComplianceEventRefusesBadEvents(t *testing.T) {
	s := Start(t)
	for _, ev := range []ComplianceEvent{
		{Stream: "spaces", Kind: "delete", TweetID: "1"},
		{Stream: TweetComplianceStream, Kind: "user_delete", TweetID: "1"},
		{Stream: TweetComplianceStream, Kind: "delete"},
		{Stream: TweetComplianceStream, Kind: "delete", TweetID: "424242"}, // unknown Tweet, no author given
		{Stream: UserComplianceStream, Kind: "user_delete", UserID: "bob"},
		{Stream: LikeComplianceStream, Kind: "delete", TweetID: "1"},
	} {
		if err := s.EmitComplianceEvent(ComplianceEvent{Stream: LikeComplianceStream, Kind: "delete", TweetID: "1", UserID: "2"}, ev); err == nil ||
			!strings.Contains(err.Error(), "event 1") {
			t.Errorf("%+v: err = %v", ev, err)
		}
	}
}

// TestComplianceStreamRequests: partitions are required and bounded where the stream
// has them, refused where it has none; the streams are app-only.
func TestComplianceStreamRequests(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour), WithInvalidRequestsAllowed())
	c := newTC(t, s)
	for _, path := range []string{
		"/2/tweets/compliance/stream",
		"/2/tweets/compliance/stream?partition=5",
		"/2/users/compliance/stream?partition=0",
		"/2/likes/compliance/stream?backfill_minutes=6",
		"/2/tweets/label/stream?tweet.fields=lang",
	} {
		wantStatus(t, c.get(path, c.app()), 400)
	}
	wantStatus(t, c.get("/2/users/compliance/stream?partition=1", s.UserToken(AliceID)), 403)
	wantStatus(t, c.get("/2/likes/compliance/stream", ""), 401)
}

func mustNum(t *testing.T, id string) uint64 {
	t.Helper()
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
