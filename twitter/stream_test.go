package twitter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/gen"
)

func TestStreamDeliversLinesInOrder(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		fl := w.(http.Flusher)
		writeLines(w, "", tweetLine("1"), "")
		// A line cut over several writes, and one ended by a bare "\n".
		l := tweetLine("2")
		for _, part := range []string{l[:5], l[5:40], l[40:], "\r", "\n"} {
			fmt.Fprint(w, part)
			fl.Flush()
		}
		fmt.Fprint(w, tweetLine("3")+"\n\r\n  \r\n")
		fmt.Fprint(w, `{"data":{"id":"4","text":"partial errors"},"errors":[{"title":"Not Found Error","type":"https://api.x.com/2/problems/resource-not-found","detail":"Could not find tweet with ids: [9]."}],"matching_rules":[{"id":"7"}]}`+"\r\n")
		writeLines(w, disconnectLine)
		fl.Flush()
		<-r.Context().Done()
	})
	c := srv.client()
	s, err := c.Stream.Filtered(context.Background(), &StreamOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldCreatedAt},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
		UserFields:  []gen.UserField{gen.UserFieldUsername},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	var got []string
	for len(got) < 5 {
		m, err := s.Next(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case m.Tweet != nil:
			got = append(got, m.Tweet.Data.ID)
			if m.Tweet.Data.ID == "4" {
				if m.Tweet.Errors == nil || ProblemType(m.Tweet.Errors[0].Type) != ProblemResourceNotFound {
					t.Errorf("partial errors of Tweet 4: %+v", m.Tweet.Errors)
				}
				if m.Tweet.MatchingRules == nil || m.Tweet.MatchingRules[0].ID != "7" {
					t.Errorf("matching rules of Tweet 4: %+v", m.Tweet.MatchingRules)
				}
			}
		case m.IsDisconnect():
			got = append(got, "disconnect:"+m.Problems[0].DisconnectType)
		default:
			t.Fatalf("unexpected message %+v", m)
		}
	}
	want := []string{"1", "2", "3", "4", "disconnect:UpstreamOperationalDisconnect"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
	q := srv.request(0).URL.Query()
	if q.Get("tweet.fields") != "author_id,created_at" || q.Get("expansions") != "author_id" || q.Get("user.fields") != "username" {
		t.Errorf("query = %v", q)
	}
	if srv.request(0).URL.Path != "/2/tweets/search/stream" || srv.request(0).Header.Get("Authorization") != "Bearer test-token" {
		t.Errorf("request %s %v", srv.request(0).URL.Path, srv.request(0).Header)
	}
}

func TestSampleStreamDecodesSampleLines(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, sendThenHold(`{"data":{"id":"5","text":"sampled"},"includes":{"users":[{"id":"9","name":"N","username":"n"}]}}`))
	s, err := srv.client().Stream.Sample(context.Background(), &StreamOptions{BackfillMinutes: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := nextTweet(t, s)
	if m.Tweet.Data.Text != "sampled" || m.Tweet.MatchingRules != nil || len(m.Tweet.Includes.Users) != 1 {
		t.Errorf("message %+v", m.Tweet)
	}
	if r := srv.request(0); r.URL.Path != "/2/tweets/sample/stream" || r.URL.Query().Get("backfill_minutes") != "2" {
		t.Errorf("request %v", r.URL)
	}
}

func TestStreamLargeLines(t *testing.T) {
	noLeaks(t)
	// Built by concatenation: %q over megabytes is slow under the race detector.
	bigLine := `{"data":{"id":"1","text":"` + strings.Repeat("x", 1<<20) + `"}}` // 1 MiB of text
	tooBig := `{"data":{"id":"2","text":"` + strings.Repeat("y", 3<<20) + `"}}`
	srv := newScriptServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		writeLines(w, bigLine, tooBig, tweetLine("3"))
		<-r.Context().Done()
	})
	s, err := srv.client().Stream.Filtered(context.Background(), &StreamOptions{MaxLineSize: 2 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	m, err := s.Next(ctx)
	if err != nil || m.Tweet == nil || len(m.Tweet.Data.Text) != 1<<20 {
		t.Fatalf("1 MiB line: err %v", err)
	}
	_, err = s.Next(ctx)
	var le *LineError
	if !errors.As(err, &le) || !errors.Is(err, ErrLineTooLong) || le.Size != len(tooBig) {
		t.Fatalf("too long line: %v (%+v)", err, le)
	}
	if !strings.Contains(err.Error(), "MaxLineSize") || len(err.Error()) > 300 {
		t.Errorf("error %q", err)
	}
	if m := nextTweet(t, s); m.Tweet.Data.ID != "3" {
		t.Errorf("after the long line: %v", m.Tweet.Data.ID)
	}
}

func TestStreamBadLinesAreReportedAndSkipped(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, sendThenHold(`{"data":{"id":`, `<html>proxy error</html>`, `{"meta":{}}`, tweetLine("1")))
	s, err := srv.client().Stream.Filtered(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var msgs []string
	for msg, err := range s.Messages() {
		var le *LineError
		if errors.As(err, &le) {
			msgs = append(msgs, le.Excerpt)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, msg.Tweet.Data.ID)
		break
	}
	want := []string{`{"data":{"id":`, `<html>proxy error</html>`, `{"meta":{}}`, "1"}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestStreamOptionsAreChecked(t *testing.T) {
	noLeaks(t)
	c := testStreamClient(t, "http://127.0.0.1:1")
	now := time.Now()
	for name, o := range map[string]*StreamOptions{
		"backfill":   {BackfillMinutes: 6},
		"negative":   {BackfillMinutes: -1},
		"stall":      {StallTimeout: -time.Second},
		"buffer":     {BufferSize: -1},
		"line size":  {MaxLineSize: -1},
		"time order": {StartTime: now, EndTime: now.Add(-time.Minute)},
	} {
		if _, err := c.Stream.Filtered(context.Background(), o); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := c.Stream.Sample(context.Background(), &StreamOptions{StartTime: now}); !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "filtered stream only") {
		t.Errorf("Sample with StartTime: %v", err)
	}
	//lint:ignore SA1012 a nil context must be refused, not dereferenced
	if _, err := c.Stream.Sample(nil, nil); err == nil {
		t.Error("nil context accepted")
	}
}

func TestStreamFinalAnswersAreReturnedAtOnce(t *testing.T) {
	noLeaks(t)
	tests := []struct {
		name   string
		status int
		body   string
		check  func(error) bool
	}{
		{"401", 401, `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`, IsUnauthorized},
		{"403", 403, `{"title":"Forbidden","type":"https://api.x.com/2/problems/client-forbidden","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","reason":"client-not-enrolled"}`, IsForbidden},
		{"400 bad field", 400, `{"errors":[{"parameters":{"tweet.fields":["bogus"]},"message":"The query parameter [tweet.fields] is invalid"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}`, IsInvalidRequest},
		{"usage cap", 429, `{"title":"UsageCapExceeded","type":"https://api.x.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}`, IsUsageCapExceeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newScriptServer(t, answer(tc.status, tc.body))
			clk := newFakeClock()
			s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), nil)
			if s != nil || !tc.check(err) {
				t.Fatalf("stream %v, err %v", s, err)
			}
			if srv.connections() != 1 || len(clk.recorded()) != 0 {
				t.Errorf("connections %d, waits %v", srv.connections(), clk.recorded())
			}
		})
	}
}

func TestStreamEndsOnFinalAnswerAfterReconnecting(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t,
		sendThenEnd(tweetLine("1")),
		answer(403, `{"title":"Forbidden","type":"about:blank","detail":"Your app is suspended"}`))
	clk := newFakeClock()
	s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	var final error
	for msg, err := range s.Messages() {
		if err != nil {
			final = err
			break
		}
		ids = append(ids, msg.Tweet.Data.ID)
	}
	if !IsForbidden(final) || !strings.Contains(final.Error(), "suspended") || len(ids) != 1 {
		t.Fatalf("ids %v final %v", ids, final)
	}
	if _, err := s.Next(context.Background()); !IsForbidden(err) {
		t.Errorf("Next after the end: %v", err)
	}
	select {
	case <-s.Done():
	case <-time.After(time.Second):
		t.Fatal("Done not closed after the final error")
	}
}

func TestStreamCloseIsPrompt(t *testing.T) {
	noLeaks(t)
	var bodyGone atomic.Bool
	srv := newScriptServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		writeLines(w, tweetLine("1"))
		<-r.Context().Done()
		bodyGone.Store(true)
	})
	s, err := srv.client().Stream.Filtered(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	nextTweet(t, s)
	start := time.Now()
	s.Close()
	if d := time.Since(start); d > promptly {
		t.Errorf("Close took %v", d)
	}
	if _, err := s.Next(context.Background()); !errors.Is(err, ErrStreamClosed) {
		t.Errorf("Next after Close: %v", err)
	}
	for range s.Messages() {
		t.Error("Messages yielded after Close")
	}
	select {
	case <-srv.ended:
	case <-time.After(time.Second):
		t.Fatal("server still streaming after Close")
	}
	if !bodyGone.Load() {
		t.Error("connection not closed")
	}
	s.Close() // again: no effect
}

func TestStreamContextCancelIsPrompt(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, sendThenHold())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := srv.client().Stream.Filtered(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	errc := make(chan error, 1)
	go func() {
		_, err := s.Next(context.Background())
		errc <- err
	}()
	time.Sleep(5 * time.Millisecond)
	start := time.Now()
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Next: %v", err)
		}
		if d := time.Since(start); d > promptly {
			t.Errorf("cancel took %v", d)
		}
	case <-time.After(time.Second):
		t.Fatal("Next still blocked after cancel")
	}
	<-s.Done()
}

func TestStreamCloseDuringBackoffIsPrompt(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, sendThenEnd(tweetLine("1")), answer(503, `{"title":"Service Unavailable","type":"about:blank"}`))
	waiting := make(chan struct{})
	s, err := srv.client().Stream.Filtered(context.Background(), &StreamOptions{
		OnReconnect: func(ev ReconnectEvent) {
			if ev.Cause == CauseHTTP {
				close(waiting) // about to wait 5 s, for real
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	nextTweet(t, s)
	<-waiting
	start := time.Now()
	s.Close()
	if d := time.Since(start); d > promptly {
		t.Errorf("Close during a 5 s backoff took %v", d)
	}
}

func TestStreamCloseFromOnReconnect(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, sendThenEnd(tweetLine("1")))
	var s *Stream
	ready := make(chan struct{})
	s, err := srv.client().Stream.Filtered(context.Background(), &StreamOptions{
		OnReconnect: func(ReconnectEvent) {
			<-ready
			s.Close() // must not deadlock
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	close(ready)
	nextTweet(t, s)
	select {
	case <-s.Done():
	case <-time.After(time.Second):
		t.Fatal("stream did not end after Close in OnReconnect")
	}
	if _, err := s.Next(context.Background()); !errors.Is(err, ErrStreamClosed) {
		t.Errorf("Next: %v", err)
	}
}

func TestSlowConsumerGetsBackpressureNotStalls(t *testing.T) {
	noLeaks(t)
	const n = 200
	srv := newScriptServer(t, sendThenHold(tweetLines(1, n)...))
	timers := newManualTimers()
	var evs events
	s, err := srv.client().Stream.Filtered(context.Background(), &StreamOptions{
		BufferSize: 4, OnReconnect: evs.add, afterFunc: timers.afterFunc,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The consumer is away: the stream fills its buffer, then waits, not reading, with no
	// stall watchdog running (a slow consumer is not a silent server).
	deadline := time.Now().Add(5 * time.Second)
	for len(s.items) != cap(s.items) || timers.armedCount() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("buffered %d of %d, %d watchdogs armed", len(s.items), cap(s.items), timers.armedCount())
		}
		time.Sleep(time.Millisecond)
	}
	if diff := cmp.Diff(idSeq(1, n), readIDs(t, s, n)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if got := evs.summary(); got != "" || srv.connections() != 1 {
		t.Errorf("reconnected: %s", got)
	}
}

func TestStreamEndsAtEndTime(t *testing.T) {
	noLeaks(t)
	clk := newFakeClock()
	srv := newScriptServer(t, sendThenEnd(tweetLine("1")))
	s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), &StreamOptions{
		StartTime: clk.now().Add(-time.Hour), EndTime: clk.now(),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	for msg, err := range s.Messages() {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, msg.Tweet.Data.ID)
	}
	if len(ids) != 1 || srv.connections() != 1 {
		t.Errorf("ids %v, connections %d", ids, srv.connections())
	}
	if _, err := s.Next(context.Background()); err != io.EOF {
		t.Errorf("Next = %v, want io.EOF", err)
	}
	q := srv.request(0).URL.Query()
	if q.Get("start_time") != "2023-11-14T21:13:20Z" || q.Get("end_time") != "2023-11-14T22:13:20Z" {
		t.Errorf("query %v", q)
	}
}

func TestStartTimeIsSentOnTheFirstConnectionOnly(t *testing.T) {
	noLeaks(t)
	clk := newFakeClock()
	srv := newScriptServer(t, sendThenEnd(tweetLine("1")), sendThenHold(tweetLine("2")))
	s, err := srv.client(withClock(clk)).Stream.Filtered(context.Background(), &StreamOptions{
		StartTime: clk.now().Add(-time.Hour), BackfillMinutes: 5,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	readIDs(t, s, 2)
	first, second := srv.request(0).URL.Query(), srv.request(1).URL.Query()
	if first.Get("start_time") == "" || second.Get("start_time") != "" {
		t.Errorf("start_time: first %q, second %q", first.Get("start_time"), second.Get("start_time"))
	}
	if first.Get("backfill_minutes") != "5" || second.Get("backfill_minutes") != "5" {
		t.Errorf("backfill: %v %v", first, second)
	}
}

func TestStreamIgnoresTheHTTPClientTimeout(t *testing.T) {
	noLeaks(t)
	srv := newScriptServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		for i := 1; i <= 4; i++ {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(15 * time.Millisecond):
			}
			writeLines(w, tweetLine(fmt.Sprint(i)))
		}
		<-r.Context().Done()
	})
	tr := &http.Transport{DisableKeepAlives: true}
	defer tr.CloseIdleConnections()
	c, err := NewClient(WithBaseURL(srv.srv.URL), WithBearerToken("t"),
		WithHTTPClient(&http.Client{Transport: tr, Timeout: 20 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Stream.Filtered(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if diff := cmp.Diff(idSeq(1, 4), readIDs(t, s, 4)); diff != "" || srv.connections() != 1 {
		t.Errorf("connections %d, ids (-want +got):\n%s", srv.connections(), diff)
	}
}

// A consumer's heap does not grow with the Tweets it has read: the stream keeps none of
// them (nor their lines) once Next has handed them over.
func TestStreamHeapIsFlat(t *testing.T) {
	srv := streamServer(t, realShapedLines(t, 64))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := benchClient(t, srv.URL).Stream.Filtered(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	read := func(n int) {
		t.Helper()
		for i := range n {
			if m, err := s.Next(ctx); err != nil || m.Tweet == nil || m.Tweet.Data.ID == "" {
				t.Fatalf("message %d: %v", i, err)
			}
		}
	}
	read(1000) // buffers, connection and decoder caches reach their size
	before := heapInUse()
	const more = 10_000
	read(more)
	after := heapInUse()
	// Each Tweet decodes to several KiB with its includes: holding 10,000 would be tens
	// of MiB. 2 MiB allows for the runtime and the server.
	if growth := int64(after) - int64(before); growth > 2<<20 {
		t.Errorf("the heap grew by %d KiB over %d Tweets: the stream holds what it delivered", growth>>10, more)
	}
}
