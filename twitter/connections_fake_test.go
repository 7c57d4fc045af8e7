package twitter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// holdStream opens a stream connection of the app and holds it, unread, as a consumer
// that went away without closing would; it returns the response, whose body ends when
// the connection is closed.
func holdStream(t *testing.T, s *testserver.Server, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+s.AppBearerToken())
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	res, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, res.StatusCode)
	}
	return res
}

// wantClosed checks that a held stream connection was ended by the server.
func wantClosed(t *testing.T, res *http.Response) {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := io.ReadAll(res.Body)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("reading the closed connection: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("the connection is still open")
		res.Body.Close()
		<-done
	}
}

func connectionIDs(cs []gen.Connection) []string {
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

func TestFakeConnectionsList(t *testing.T) {
	s := fake(t, testserver.WithKeepAlive(time.Hour))
	ctx := context.Background()
	c := appClient(t, s)
	holdStream(t, s, "/2/tweets/sample/stream")
	holdStream(t, s, "/2/tweets/search/stream")
	holdStream(t, s, "/2/tweets/compliance/stream?partition=2")
	res, _, err := c.Connections.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 3 || res.Data[0].EndpointName != string(gen.ConnectionEndpointTweetsComplianceStream) || res.Data[0].ID == "" ||
		res.Meta.ResultCount != 3 {
		t.Errorf("open %+v", res)
	}
	res, _, err = c.Connections.List(ctx, &twitter.ConnectionOptions{
		Endpoints:        []gen.ConnectionEndpoint{gen.ConnectionEndpointSampleStream, gen.ConnectionEndpointFilteredStream},
		ConnectionFields: []gen.ConnectionField{gen.ConnectionFieldConnectedAt, gen.ConnectionFieldClientIP},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 2 || res.Data[1].EndpointName != "sample_stream" || res.Data[1].ClientIP != "127.0.0.1" || res.Data[1].ConnectedAt.IsZero() {
		t.Errorf("two streams %+v", res)
	}
	var all []string
	for p, err := range c.Connections.ListPages(ctx, &twitter.ConnectionOptions{PageOptions: twitter.PageOptions{MaxResults: 1}}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Items) != 1 {
			t.Errorf("page of %d", len(p.Items))
		}
		all = append(all, connectionIDs(p.Items)...)
	}
	if want := connectionIDs(res.Data); len(all) != 3 || all[1] != want[0] {
		t.Errorf("pages %v", all)
	}
	n := 0
	for conn, err := range c.Connections.ListIter(ctx, &twitter.ConnectionOptions{Status: gen.ConnectionStatusInactive}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		n += len(conn.ID)
	}
	if n != 0 {
		t.Errorf("inactive connections before any ended")
	}
	for name, bad := range map[string]*twitter.ConnectionOptions{
		"status":   {Status: "open"},
		"endpoint": {Endpoints: []gen.ConnectionEndpoint{"activity_stream"}},
		"field":    {ConnectionFields: []gen.ConnectionField{"bytes"}},
		"size":     {PageOptions: twitter.PageOptions{MaxResults: 101}},
	} {
		if _, _, err := c.Connections.List(ctx, bad); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
	_, _, err = userClient(t, s, testserver.AliceID).Connections.List(ctx, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeConnectionsClose(t *testing.T) {
	s := fake(t, testserver.WithKeepAlive(time.Hour))
	ctx := context.Background()
	c := appClient(t, s)
	stale := holdStream(t, s, "/2/tweets/sample/stream")
	holdStream(t, s, "/2/tweets/sample/stream")
	open := s.Connections()
	res, _, err := c.Connections.Close(ctx, []string{open[1].ID, "not-a-connection"})
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Data; d.SuccessfulKills != 1 || d.FailedKills != 1 || len(d.Results) != 2 || !d.Results[0].Success ||
		d.Results[1].Success || d.Results[1].ErrorMessage == "" {
		t.Errorf("closed %+v", res)
	}
	wantClosed(t, stale)
	if n := s.StreamConnections("GET /2/tweets/sample/stream"); n != 1 {
		t.Errorf("%d sample connections open, want the other one", n)
	}
	ended, _, err := c.Connections.List(ctx, &twitter.ConnectionOptions{Status: gen.ConnectionStatusInactive,
		ConnectionFields: []gen.ConnectionField{gen.ConnectionFieldDisconnectReason, gen.ConnectionFieldDisconnectedAt}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ended.Data) != 1 || ended.Data[0].ID != open[1].ID || ended.Data[0].DisconnectReason != testserver.ReasonClosedByRequest ||
		ended.Data[0].DisconnectedAt.IsZero() {
		t.Errorf("ended %+v", ended)
	}
	if _, _, err := c.Connections.Close(ctx, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("no ids: %v", err)
	}
}

func TestFakeConnectionsCloseEndpoint(t *testing.T) {
	s := fake(t, testserver.WithKeepAlive(time.Hour))
	ctx := context.Background()
	c := appClient(t, s)
	a := holdStream(t, s, "/2/tweets/sample/stream")
	b := holdStream(t, s, "/2/tweets/sample/stream")
	holdStream(t, s, "/2/tweets/search/stream")
	res, _, err := c.Connections.CloseEndpoint(ctx, gen.ConnectionEndpointSampleStream)
	if err != nil || res.Data.SuccessfulKills != 2 || res.Data.FailedKills != 0 {
		t.Fatalf("closed %+v %v", res, err)
	}
	wantClosed(t, a)
	wantClosed(t, b)
	if n := s.StreamConnections("GET /2/tweets/search/stream"); n != 1 {
		t.Errorf("filtered stream: %d open", n)
	}
	if _, _, err := c.Connections.CloseEndpoint(ctx, "activity_stream"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("unknown stream: %v", err)
	}
}

func TestFakeConnectionsCloseAll(t *testing.T) {
	s := fake(t, testserver.WithKeepAlive(time.Hour))
	ctx := context.Background()
	c := appClient(t, s)
	a := holdStream(t, s, "/2/tweets/sample/stream")
	b := holdStream(t, s, "/2/likes/compliance/stream")
	res, _, err := c.Connections.CloseAll(ctx)
	if err != nil || res.Data.SuccessfulKills != 2 || len(res.Data.Results) != 2 {
		t.Fatalf("closed %+v %v", res, err)
	}
	wantClosed(t, a)
	wantClosed(t, b)
	if n := s.StreamConnections(""); n != 0 {
		t.Errorf("%d still open", n)
	}
}
