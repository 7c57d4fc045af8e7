package twitter

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// TestFakeStreamCloseStaleConnections: a consumer restarted while its old connection
// still counts is refused with TooManyConnections; with CloseStaleConnections it closes
// the stale connection through the Connections API and connects at once, without it it
// waits out the rate-limit backoff and leaves the other connection alone.
func TestFakeStreamCloseStaleConnections(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond), testserver.WithMaxStreamConnections(1))
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()

	// The old consumer's connection, never read again.
	req, err := http.NewRequest(http.MethodGet, ts.URL()+"/2/tweets/sample/stream", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+ts.AppBearerToken())
	stale, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stale.Body.Close()

	// Without the option: 429, retried after a minute; the stale connection stays.
	refused := make(chan ReconnectEvent, 1)
	waiting, err := c.Stream.Sample(ctx, &StreamOptions{OnReconnect: func(ev ReconnectEvent) { refused <- ev }})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case ev := <-refused:
		if e, ok := asError(ev.Err); ev.Cause != CauseRateLimited || !ok || !tooManyConnections(e) || ev.Wait < time.Minute {
			t.Errorf("reconnect %+v", ev)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reconnect reported")
	}
	waiting.Close()
	if n := ts.StreamConnections("GET /2/tweets/sample/stream"); n != 1 {
		t.Fatalf("%d sample connections, want the stale one", n)
	}

	// With it: the stale connection is closed and the stream connects.
	s, err := c.Stream.Sample(ctx, &StreamOptions{CloseStaleConnections: true, OnReconnect: func(ev ReconnectEvent) {
		t.Errorf("reconnect %+v", ev)
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := io.ReadAll(stale.Body); err != nil {
		t.Errorf("stale connection: %v", err)
	}
	tw := ts.EmitTweet(testserver.Tweet{})[0]
	if m := nextTweet(t, s); m.Tweet.Data.ID != tw.ID {
		t.Errorf("Tweet %s, want %s", m.Tweet.Data.ID, tw.ID)
	}
	conns := ts.Connections()
	if len(conns) != 2 || !conns[0].DisconnectedAt.IsZero() || conns[1].Reason != testserver.ReasonClosedByRequest {
		t.Errorf("connections %+v", conns)
	}
}
