package testserver

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"
)

// TestConnections: the server lists the app's open stream connections and those that
// ended, and closes them by id, by stream or all; a closed one ends at once and makes
// room under the connection limit.
func TestConnections(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour), WithMaxStreamConnections(2))
	c := newTC(t, s)
	app := c.app()
	a := openStream(t, c, "/2/tweets/sample/stream")
	b := openStream(t, c, "/2/tweets/sample/stream")
	f := openStream(t, c, "/2/tweets/search/stream")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.WaitStreamConnections(ctx, "", 3); err != nil {
		t.Fatal(err)
	}
	// The limit is per stream: a third sample connection is refused.
	third := c.get("/2/tweets/sample/stream", app)
	if third.status != http.StatusTooManyRequests || third.str("connection_issue") != "TooManyConnections" {
		t.Fatalf("third connection: %d %s", third.status, third.raw)
	}

	r := c.get("/2/connections", app)
	wantStatus(t, r, http.StatusOK)
	if len(r.list("data")) != 3 || r.num("meta", "result_count") != 3 || r.str("data", 0, "endpoint_name") != "filtered_stream" ||
		r.str("data", 1, "endpoint_name") != "sample_stream" || r.has("data", 0, "client_ip") {
		t.Fatalf("open connections: %s", r.raw)
	}
	sampleID := r.str("data", 2, "id")
	r = c.get("/2/connections?endpoints=sample_stream&connection.fields=client_ip,connected_at&max_results=1", app)
	next := r.str("meta", "next_token")
	if len(r.list("data")) != 1 || r.str("data", 0, "client_ip") != "127.0.0.1" || !r.has("data", 0, "connected_at") || next == "" {
		t.Fatalf("sample page 1: %s", r.raw)
	}
	r = c.get("/2/connections?endpoints=sample_stream&connection.fields=client_ip,connected_at&max_results=1&pagination_token="+next, app)
	if len(r.list("data")) != 1 || r.str("data", 0, "id") != sampleID || r.has("meta", "next_token") {
		t.Errorf("sample page 2: %s", r.raw)
	}
	wantStatus(t, c.get("/2/connections", s.UserToken(AliceID)), http.StatusForbidden)

	// By id: the oldest sample connection ends, and a new one fits under the limit.
	r = c.do(http.MethodDelete, "/2/connections", app, map[string]any{"uuids": []string{sampleID, "no-such-connection"}})
	wantStatus(t, r, http.StatusOK)
	if r.num("data", "successful_kills") != 1 || r.num("data", "failed_kills") != 1 || r.at("data", "results", 1, "success") != false ||
		r.str("data", "results", 0, "uuid") != sampleID {
		t.Errorf("close by id: %s", r.raw)
	}
	if _, err := a.rd.ReadString('x'); !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("closed connection still open: %v", err)
	}
	a2 := openStream(t, c, "/2/tweets/sample/stream")
	if a2.res.StatusCode != http.StatusOK {
		t.Errorf("after closing one: %d", a2.res.StatusCode)
	}
	r = c.get("/2/connections?status=inactive&connection.fields=disconnect_reason,disconnected_at", app)
	if len(r.list("data")) != 1 || r.str("data", 0, "id") != sampleID || r.str("data", 0, "disconnect_reason") != ReasonClosedByRequest ||
		!r.has("data", 0, "disconnected_at") {
		t.Errorf("inactive: %s", r.raw)
	}

	// By stream, then all.
	r = c.do(http.MethodDelete, "/2/connections/sample_stream", app, nil)
	if r.num("data", "successful_kills") != 2 || r.num("data", "failed_kills") != 0 {
		t.Errorf("close sample_stream: %s", r.raw)
	}
	for _, st := range []*stream{b, a2} {
		if _, err := io.ReadAll(st.rd); err != nil {
			t.Errorf("sample stream after closing its endpoint: %v", err)
		}
	}
	if n := s.StreamConnections("GET /2/tweets/search/stream"); n != 1 {
		t.Errorf("the filtered stream was closed too: %d open", n)
	}
	r = c.do(http.MethodDelete, "/2/connections/all", app, nil)
	if r.num("data", "successful_kills") != 1 {
		t.Errorf("close all: %s", r.raw)
	}
	if _, err := io.ReadAll(f.rd); err != nil {
		t.Errorf("filtered stream after closing all: %v", err)
	}
	r = c.get("/2/connections", app)
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("none open: %s", r.raw)
	}
	if all := s.Connections(); len(all) != 4 || all[0].Reason != ReasonClosedByRequest || all[3].ID != sampleID {
		t.Errorf("history %+v", all)
	}
}
