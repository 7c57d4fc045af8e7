package testserver

import (
	"context"
	"sort"
	"testing"
	"time"
)

// TestPartitionedTweetStreams: each Tweet goes to exactly one partition of the
// firehose and of the 10% sample; the language firehoses carry only their language.
func TestPartitionedTweetStreams(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour))
	c := newTC(t, s)
	p1 := openStream(t, c, "/2/tweets/sample10/stream?partition=1&tweet.fields=lang")
	p2 := openStream(t, c, "/2/tweets/sample10/stream?partition=2")
	ja := openStream(t, c, "/2/tweets/firehose/stream/lang/ja?partition=1&tweet.fields=lang")
	ja2 := openStream(t, c, "/2/tweets/firehose/stream/lang/ja?partition=2&tweet.fields=lang")
	fh := openStream(t, c, "/2/tweets/firehose/stream?partition=3")
	for _, st := range []*stream{p1, p2, ja, ja2, fh} {
		if st.res.StatusCode != 200 {
			t.Fatalf("connect: %d", st.res.StatusCode)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.WaitStreamConnections(ctx, "", 5); err != nil {
		t.Fatal(err)
	}
	var in []Tweet
	for i := range 8 {
		lang := "en"
		if i%2 == 1 {
			lang = "ja"
		}
		in = append(in, Tweet{Lang: lang})
	}
	out := s.EmitTweet(in...)
	var want1, want2, wantJa1, wantJa2, wantFh3 []string
	for _, tw := range out {
		p := StreamPartition(tw.num, 2)
		if p == 1 {
			want1 = append(want1, tw.ID)
		} else {
			want2 = append(want2, tw.ID)
		}
		if tw.Lang == "ja" {
			if p == 1 {
				wantJa1 = append(wantJa1, tw.ID)
			} else {
				wantJa2 = append(wantJa2, tw.ID)
			}
		}
		if StreamPartition(tw.num, 20) == 3 {
			wantFh3 = append(wantFh3, tw.ID)
		}
	}
	if len(want1) == 0 || len(want2) == 0 || len(wantJa1)+len(wantJa2) != 4 {
		t.Fatalf("emitted ids do not spread over the partitions: %v %v", want1, want2)
	}
	read := func(st *stream, n int, lang string) []string {
		var ids []string
		for range n {
			d := st.next()["data"].(map[string]any)
			if lang != "" && d["lang"] != lang {
				t.Errorf("Tweet %v: lang %v, want %s", d["id"], d["lang"], lang)
			}
			ids = append(ids, d["id"].(string))
		}
		return ids
	}
	same := func(what string, got, want []string) {
		t.Helper()
		sort.Strings(got)
		sort.Strings(want)
		if len(got) != len(want) {
			t.Errorf("%s: got %v, want %v", what, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: got %v, want %v", what, got, want)
				return
			}
		}
	}
	same("sample10 partition 1", read(p1, len(want1), ""), want1)
	same("sample10 partition 2", read(p2, len(want2), ""), want2)
	same("ja partition 1", read(ja, len(wantJa1), "ja"), wantJa1)
	same("ja partition 2", read(ja2, len(wantJa2), "ja"), wantJa2)
	same("firehose partition 3", read(fh, len(wantFh3), ""), wantFh3)

	// One more Tweet in partition 1 only: partition 2 must not see it before it.
	more := s.EmitTweet(Tweet{ID: "1900000000000000002"}, Tweet{ID: "1900000000000000001"})
	if got := p1.next()["data"].(map[string]any)["id"]; got != more[0].ID {
		t.Errorf("partition 1 got %v, want %s", got, more[0].ID)
	}
	if got := p2.next()["data"].(map[string]any)["id"]; got != more[1].ID {
		t.Errorf("partition 2 got %v, want %s", got, more[1].ID)
	}
}

// TestPartitionedStreamRequests: the partition is required and bounded per stream, and
// the streams are app-only.
func TestPartitionedStreamRequests(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour), WithInvalidRequestsAllowed())
	c := newTC(t, s)
	for _, path := range []string{
		"/2/tweets/sample10/stream",
		"/2/tweets/sample10/stream?partition=3",
		"/2/tweets/firehose/stream?partition=0",
		"/2/tweets/firehose/stream?partition=21",
		"/2/tweets/firehose/stream/lang/en?partition=9",
		"/2/tweets/firehose/stream/lang/pt?partition=3",
	} {
		r := c.get(path, c.app())
		wantStatus(t, r, 400)
		if r.str("type") != "https://api.twitter.com/2/problems/invalid-request" {
			t.Errorf("%s: %s", path, r.raw)
		}
	}
	wantStatus(t, c.get("/2/tweets/firehose/stream?partition=1", s.UserToken(AliceID)), 403)
	wantStatus(t, c.get("/2/tweets/firehose/stream/lang/ko?partition=1", ""), 401)
}
