package testserver

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// TestLikesStreams: a like made through the API goes to its partition of the likes
// streams with the fields and expansions asked for; taking it back sends a likes
// compliance event; a like of a protected account's Tweet is not public.
func TestLikesStreams(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour))
	c := newTC(t, s)
	// Where Bob's like of the poll Tweet will go.
	s.mu.RLock()
	want := s.newLike(BobID, s.w.tweet(PollTweetID))
	s.mu.RUnlock()
	fp, sp := want.Partition(20), want.Partition(2)
	fh := openStream(t, c, "/2/likes/firehose/stream?partition="+strconv.Itoa(fp)+
		"&like_with_tweet_author.fields=created_at,timestamp_ms&expansions=liked_tweet_id,liked_tweet_author_id&user.fields=username&tweet.fields=author_id")
	other := openStream(t, c, "/2/likes/firehose/stream?partition="+strconv.Itoa(fp%20+1))
	s10 := openStream(t, c, "/2/likes/sample10/stream?partition="+strconv.Itoa(sp))
	lc := openStream(t, c, "/2/likes/compliance/stream")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.WaitStreamConnections(ctx, "", 4); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, c.do("POST", "/2/users/"+BobID+"/likes", s.UserToken(BobID), map[string]string{"tweet_id": PollTweetID}), 200)
	v := fh.next()
	d := v["data"].(map[string]any)
	if d["id"] != want.ID || d["liked_tweet_id"] != PollTweetID || d["tweet_author_id"] != BobID ||
		d["created_at"] == nil || d["timestamp_ms"] == nil {
		t.Errorf("like line %v", v)
	}
	inc := v["includes"].(map[string]any)
	if inc["tweets"].([]any)[0].(map[string]any)["id"] != PollTweetID || inc["users"].([]any)[0].(map[string]any)["username"] != "bob" {
		t.Errorf("includes %v", inc)
	}
	v = s10.next()
	if d := v["data"].(map[string]any); d["id"] != want.ID || d["created_at"] != nil || d["tweet_author_id"] != nil || v["includes"] != nil {
		t.Errorf("default like line %v", v)
	}
	// Liked again: nothing new (the next line of fh and s10 is the like emitted below).
	wantStatus(t, c.do("POST", "/2/users/"+BobID+"/likes", s.UserToken(BobID), map[string]string{"tweet_id": PollTweetID}), 200)
	// Taken back: the likes compliance event.
	wantStatus(t, c.do("DELETE", "/2/users/"+BobID+"/likes/"+PollTweetID, s.UserToken(BobID), nil), 200)
	f := lc.next()["data"].(map[string]any)["delete"].(map[string]any)["favorite"].(map[string]any)
	if f["id"] != PollTweetID || f["user_id"] != BobID {
		t.Errorf("unlike event %v", f)
	}
	// EmitLike: the same line, without a like in the world.
	l, err := s.EmitLike(AliceID, PollTweetID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmitLike(AliceID, "999"); err == nil {
		t.Error("EmitLike of an unknown Tweet")
	}
	for _, st := range []*stream{fh, other, s10} {
		part := l.Partition(20)
		if st == s10 {
			part = l.Partition(2)
		}
		if (st == fh && part != fp) || (st == other && part != fp%20+1) || (st == s10 && part != sp) {
			continue // not this connection's partition
		}
		if d := st.next()["data"].(map[string]any); d["id"] != l.ID {
			t.Errorf("emitted like: %v", d)
		}
	}
	s.DisconnectStreams("")
	for _, st := range []*stream{fh, other, s10} {
		if v := st.next(); v["errors"] == nil {
			t.Errorf("unexpected line %v", v)
		}
	}
}

// TestLikesStreamRequests: partitions, the like fields and expansions are checked.
func TestLikesStreamRequests(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour), WithInvalidRequestsAllowed())
	c := newTC(t, s)
	for _, path := range []string{
		"/2/likes/firehose/stream",
		"/2/likes/firehose/stream?partition=21",
		"/2/likes/sample10/stream?partition=3",
		"/2/likes/sample10/stream?partition=1&expansions=author_id",
		"/2/likes/sample10/stream?partition=1&like_with_tweet_author.fields=text",
	} {
		wantStatus(t, c.get(path, c.app()), 400)
	}
	wantStatus(t, c.get("/2/likes/firehose/stream?partition=1", s.UserToken(AliceID)), 403)
}
