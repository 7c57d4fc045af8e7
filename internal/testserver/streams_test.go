package testserver

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// stream is an open stream connection read line by line.
type stream struct {
	t   *testing.T
	res *http.Response
	rd  *bufio.Reader
}

func openStream(t *testing.T, c *tc, path string) *stream {
	t.Helper()
	req := mustReq(t, "GET", c.s.URL()+path, "")
	req.Header.Set("Authorization", "Bearer "+c.s.AppBearerToken())
	res, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return &stream{t: t, res: res, rd: bufio.NewReader(res.Body)}
}

// line returns the next line with its "\r\n" (or an error).
func (s *stream) line() (string, error) {
	l, err := s.rd.ReadString('\n')
	return l, err
}

// next skips keep-alives and decodes the next JSON line.
func (s *stream) next() map[string]any {
	s.t.Helper()
	for {
		l, err := s.line()
		if err != nil {
			s.t.Fatalf("stream: %v (partial %q)", err, l)
		}
		if !strings.HasSuffix(l, "\r\n") {
			s.t.Fatalf("line without CRLF: %q", l)
		}
		if l == "\r\n" {
			continue
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			s.t.Fatalf("bad line %q: %v", l, err)
		}
		return v
	}
}

func TestSampleStreamKeepAliveAndTweets(t *testing.T) {
	s := Start(t, WithKeepAlive(10*time.Millisecond))
	c := newTC(t, s)
	st := openStream(t, c, "/2/tweets/sample/stream?tweet.fields=author_id,created_at&expansions=author_id")
	if st.res.StatusCode != 200 || s.StreamConnections("GET /2/tweets/sample/stream") != 1 {
		t.Fatalf("connect: %d", st.res.StatusCode)
	}
	for i := 0; i < 2; i++ {
		l, err := st.line()
		if err != nil || l != "\r\n" {
			t.Fatalf("keep-alive %d: %q %v", i, l, err)
		}
	}
	out := s.EmitTweet(Tweet{Text: "hello stream", AuthorID: BobID}, Tweet{})
	if len(out) != 2 || out[0].ID == "" || out[1].AuthorID != AliceID {
		t.Fatalf("emitted: %+v", out)
	}
	v := st.next()
	data := v["data"].(map[string]any)
	if data["id"] != out[0].ID || data["text"] != "hello stream" || data["author_id"] != BobID ||
		v["includes"].(map[string]any)["users"].([]any)[0].(map[string]any)["id"] != BobID {
		t.Errorf("line: %v", v)
	}
	if _, ok := v["matching_rules"]; ok {
		t.Errorf("sample stream has matching_rules: %v", v)
	}
	v = st.next()
	if v["data"].(map[string]any)["id"] != out[1].ID {
		t.Errorf("second: %v", v)
	}
	// Emitted Tweets are in the world.
	r := c.get("/2/tweets/"+out[0].ID, c.app())
	if r.str("data", "text") != "hello stream" {
		t.Errorf("lookup emitted: %s", r.raw)
	}
}

func TestFilteredStreamMatchingRules(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour), WithoutSeedRules())
	c := newTC(t, s)
	r := c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"add": []map[string]string{
		{"value": "gopher has:media", "tag": "gophers with pictures"},
		{"value": "from:bob"},
	}})
	wantStatus(t, r, 200)
	idMedia, idBob := r.str("data", 0, "id"), r.str("data", 1, "id")
	st := openStream(t, c, "/2/tweets/search/stream")
	s.EmitTweet(
		Tweet{Text: "no match here", AuthorID: CarolID},
		Tweet{Text: "a gopher picture", AuthorID: BobID, MediaKeys: []string{PhotoMediaKey}},
		Tweet{Text: "bob talks", AuthorID: BobID},
	)
	v := st.next()
	if v["data"].(map[string]any)["text"] != "a gopher picture" {
		t.Fatalf("first delivered: %v", v)
	}
	mr := v["matching_rules"].([]any)
	if len(mr) != 2 || mr[0].(map[string]any)["id"] != idMedia || mr[0].(map[string]any)["tag"] != "gophers with pictures" ||
		mr[1].(map[string]any)["id"] != idBob {
		t.Errorf("matching_rules: %v", mr)
	}
	v = st.next()
	if v["data"].(map[string]any)["text"] != "bob talks" || len(v["matching_rules"].([]any)) != 1 {
		t.Errorf("second: %v", v)
	}
}

func TestStreamDisconnect(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour))
	c := newTC(t, s)
	st := openStream(t, c, "/2/tweets/sample/stream")
	if n := s.DisconnectStreams(""); n != 1 {
		t.Fatalf("disconnected %d", n)
	}
	v := st.next()
	e := v["errors"].([]any)[0].(map[string]any)
	if e["type"] != "https://api.twitter.com/2/problems/operational-disconnect" || e["disconnect_type"] != "OperationalDisconnect" {
		t.Errorf("disconnect line: %v", v)
	}
	if _, err := st.line(); err != io.EOF {
		t.Errorf("stream not closed: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	for s.StreamConnections("") != 0 && ctx.Err() == nil {
		time.Sleep(time.Millisecond)
	}
}

func TestStreamConnectionLimitAndAuth(t *testing.T) {
	s := Start(t, WithMaxStreamConnections(1), WithKeepAlive(time.Hour))
	c := newTC(t, s)
	openStream(t, c, "/2/tweets/search/stream")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.WaitStreamConnections(ctx, "streamFiltered", 1); err != nil {
		t.Fatal(err)
	}
	r := c.get("/2/tweets/search/stream", c.app())
	wantStatus(t, r, 429)
	if r.str("connection_issue") != "TooManyConnections" || r.str("type") != "https://api.twitter.com/2/problems/streaming-connection" {
		t.Errorf("second connection: %s", r.raw)
	}
	wantStatus(t, c.get("/2/tweets/sample/stream", s.UserToken(AliceID)), 403)
	wantStatus(t, c.get("/2/tweets/sample/stream", ""), 401)
}

func TestStreamFaults(t *testing.T) {
	s := Start(t, WithKeepAlive(5*time.Millisecond))
	c := newTC(t, s)
	route := "GET /2/tweets/sample/stream"

	s.Inject(route, Fault{Kind: FaultStatus, Status: 503, Times: 1})
	wantStatus(t, c.get("/2/tweets/sample/stream", c.app()), 503)

	// Stall: headers, then silence (no keep-alives) for the delay.
	s.Inject(route, Fault{Kind: FaultStall, Delay: 200 * time.Millisecond, Times: 1})
	start := time.Now()
	st := openStream(t, c, "/2/tweets/sample/stream")
	if l, err := st.line(); err != nil || l != "\r\n" || time.Since(start) < 200*time.Millisecond {
		t.Errorf("stall: %q %v after %v", l, err, time.Since(start))
	}
	st.res.Body.Close()

	// Truncated: the first Tweet line is cut and the stream ends.
	s.Inject(route, Fault{Kind: FaultTruncatedJSON, Times: 1})
	st = openStream(t, c, "/2/tweets/sample/stream")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = s.WaitStreamConnections(ctx, route, 1)
	s.EmitTweet(Tweet{Text: "this line will be cut in half"})
	var rest strings.Builder
	for {
		l, err := st.line()
		if l != "\r\n" {
			rest.WriteString(l)
		}
		if err != nil {
			break
		}
	}
	if got := rest.String(); got == "" || strings.HasSuffix(got, "\r\n") || json.Valid([]byte(got)) {
		t.Errorf("truncated line: %q", got)
	}

	// Slow drip: the line arrives whole, slowly.
	s.Inject(route, Fault{Kind: FaultSlowDrip, Delay: time.Millisecond, Times: 1})
	st = openStream(t, c, "/2/tweets/sample/stream")
	s.EmitTweet(Tweet{Text: "drip drip drip drip drip"})
	if v := st.next(); v["data"].(map[string]any)["text"] != "drip drip drip drip drip" {
		t.Errorf("drip: %v", v)
	}
	st.res.Body.Close()

	// Reset: the connection dies.
	s.Inject(route, Fault{Kind: FaultReset, Times: 1})
	req := mustReq(t, "GET", s.URL()+"/2/tweets/sample/stream", "")
	req.Header.Set("Authorization", "Bearer "+s.AppBearerToken())
	res, err := c.hc.Do(req)
	if err == nil {
		_, err = io.ReadAll(res.Body)
		res.Body.Close()
	}
	if err == nil {
		t.Error("reset stream ended cleanly")
	}
	if len(s.Violations()) != 0 {
		t.Errorf("violations: %v", s.Violations())
	}
}

func TestStreamLineValidation(t *testing.T) {
	rec := &recorder{TB: t}
	s := Start(rec, WithKeepAlive(time.Hour), WithResponseMutator(func(op string, status int, body []byte) []byte {
		if op == "streamSample" {
			return []byte(strings.Replace(string(body), `"text":`, `"text":42,"was":`, 1))
		}
		return body
	}))
	c := newTC(t, s)
	st := openStream(t, c, "/2/tweets/sample/stream")
	s.EmitTweet(Tweet{Text: "x"})
	st.next()
	if msgs := rec.messages(); len(msgs) == 0 || !strings.Contains(msgs[0], "streamSample") || !strings.Contains(msgs[0], "/data/text") {
		t.Errorf("stream line violation: %v", msgs)
	}
}

func TestStreamClosesOnServerClose(t *testing.T) {
	s, err := New(WithKeepAlive(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	c := newTC(t, s)
	st := openStream(t, c, "/2/tweets/sample/stream")
	done := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, st.res.Body)
		close(done)
	}()
	s.Close()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("stream still open after Close")
	}
}
