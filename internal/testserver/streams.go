package testserver

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// streamBuffer is how many events a connection may fall behind before it is dropped
// with a SlowReader disconnect, as X does.
const streamBuffer = 1024

type streamEvent struct {
	t     *Tweet
	rules []matchingRule
	// family is the kind of stream the event is for (familyTweets for a Tweet); line is
	// the event of any other family, encoded as it is; key picks its partition.
	family streamFamily
	line   any
	like   *Like // a like, rendered for each connection
	key    uint64
	at     time.Time // when it was sent, by the server clock
}

type streamConn struct {
	opID      string
	partition int // 1-based; 0 for a stream without partitions
	events    chan streamEvent
	kick      chan *apiProblem // a disconnect problem; the stream ends after sending it
	// since and until bound the events the connection carries by when they were sent:
	// since also starts its replay (see setWindow). Zero means unbounded.
	since, until time.Time
	info         connInfo // its id, stream, address and times (connections.go)
}

type hub struct {
	mu    sync.Mutex
	conns map[*streamConn]struct{}
	wait  chan struct{}                  // closed and replaced whenever a connection comes or goes
	past  map[streamFamily][]streamEvent // what was sent, oldest first, for replay

	connSeq uint64       // connections opened so far (connections.go)
	history []Connection // the last connections that ended, oldest first
}

func newHub() *hub {
	return &hub{conns: map[*streamConn]struct{}{}, wait: make(chan struct{}), past: map[streamFamily][]streamEvent{}}
}

func (h *hub) changed() {
	close(h.wait)
	h.wait = make(chan struct{})
}

func (h *hub) count(opID string) int {
	n := 0
	for c := range h.conns {
		if opID == "" || c.opID == opID {
			n++
		}
	}
	return n
}

func streamOpID(s *Server, route string) string {
	if route == "" {
		return ""
	}
	if rt := s.c.lookupRoute(route); rt != nil {
		return rt.opID
	}
	return route
}

// StreamConnections counts the open connections of a stream route ("GET
// /2/tweets/sample/stream", "streamFiltered", ...); "" counts every stream.
func (s *Server) StreamConnections(route string) int {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.hub.count(streamOpID(s, route))
}

// WaitStreamConnections waits until a stream route has at least n open connections
// (see StreamConnections), or ctx ends. A client's stream request returns only once the
// server has registered it, so most tests need not call this.
func (s *Server) WaitStreamConnections(ctx context.Context, route string, n int) error {
	op := streamOpID(s, route)
	for {
		s.hub.mu.Lock()
		have, wait := s.hub.count(op), s.hub.wait
		s.hub.mu.Unlock()
		if have >= n {
			return nil
		}
		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		case <-s.done:
			return errClosed
		}
	}
}

// EmitTweet adds Tweets to the world and pushes them to the connected streams: the
// sample stream gets every one; the filtered stream gets those matching a rule in force,
// with matching_rules. Zero fields are filled in: ID (a new id above all others),
// AuthorID (AliceID), CreatedAt (the server clock), Text (a generated one),
// ConversationID, Lang and Source. The streams keep them, by the server clock, for later
// connections that ask for backfill_minutes or start_time. It returns the Tweets as stored.
func (s *Server) EmitTweet(tweets ...Tweet) []Tweet {
	if len(tweets) == 0 {
		tweets = []Tweet{{}}
	}
	out := make([]Tweet, 0, len(tweets))
	var events []streamEvent
	s.mu.Lock()
	for _, in := range tweets {
		t := in
		s.fillTweet(&t)
		stored := t
		s.w.addTweet(&stored)
		out = append(out, stored)
		events = append(events, s.streamEventOf(&stored))
		s.tweetActivity(&stored)
	}
	s.mu.Unlock()
	s.push(events)
	return out
}

// fillTweet fills in the zero fields of a new Tweet as EmitTweet documents; call with
// s.mu held.
func (s *Server) fillTweet(t *Tweet) {
	if t.ID == "" {
		t.num = s.w.newTweetID()
		t.ID = strconv.FormatUint(t.num, 10)
	} else if n, err := strconv.ParseUint(t.ID, 10, 64); err == nil {
		t.num = n
	}
	if t.AuthorID == "" {
		t.AuthorID = AliceID
	}
	if t.CreatedAt.IsZero() {
		t.CreatedAt = s.clock.Now().UTC().Truncate(time.Millisecond)
	}
	if t.Text == "" {
		t.Text = fmt.Sprintf("Emitted Tweet number %d", s.w.tweetSeq)
	}
	if t.ConversationID == "" {
		t.ConversationID = t.ID
	}
	if t.Lang == "" {
		t.Lang = "en"
	}
	if t.Source == "" {
		t.Source = "twitterkit testserver"
	}
	if t.ReplySettings == "" {
		t.ReplySettings = "everyone"
	}
}

// streamEventOf matches a new Tweet against the rules in force; call with s.mu held.
func (s *Server) streamEventOf(t *Tweet) streamEvent {
	ev := streamEvent{t: t, key: t.num}
	for _, r := range s.w.rules {
		q, err := parseQuery(r.Value)
		if err == nil && q.eval(s.w, t) {
			ev.rules = append(ev.rules, matchingRule{ID: r.ID, Tag: r.Tag})
		}
	}
	if len(ev.rules) > 0 {
		s.queueStreamWebhooks(t, ev.rules)
	}
	return ev
}

// push sends new events to the connected streams and keeps them for replay. It takes
// only the hub's lock, so it may be called with s.mu held.
func (s *Server) push(events []streamEvent) {
	now := s.clock.Now()
	for i := range events {
		events[i].at = now
	}
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.hub.remember(events, now, s.cfg.streamHistory)
	for c := range s.hub.conns {
		for _, ev := range events {
			if !c.wants(ev) {
				continue
			}
			select {
			case c.events <- ev:
			default:
				select {
				case c.kick <- disconnectProblem("SlowReader"):
				default:
				}
			}
		}
	}
}

func disconnectProblem(kind string) *apiProblem {
	return &apiProblem{Title: "operational-disconnect", DisconnectType: kind,
		Detail: "This stream has been disconnected upstream for operational reasons.",
		Type:   problemBase + "operational-disconnect"}
}

// DisconnectStreams ends every open stream with an in-stream operational-disconnect
// problem line of the given disconnect_type (default "OperationalDisconnect"), as X does
// before it closes a stream. It returns how many streams it ended.
func (s *Server) DisconnectStreams(disconnectType string) int {
	if disconnectType == "" {
		disconnectType = "OperationalDisconnect"
	}
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	n := 0
	for c := range s.hub.conns {
		select {
		case c.kick <- disconnectProblem(disconnectType):
			n++
		default:
		}
	}
	return n
}

// serveStream holds a stream open: first what it asked to replay (backfill_minutes,
// start_time), then keep-alives, events as they are emitted, faults, and its end at
// end_time.
func (s *Server) serveStream(c *call) {
	conn := newStreamConn(c)
	conn.setWindow(c, s.clock.Now())
	s.hub.mu.Lock()
	if max := s.cfg.maxStreamConns; max > 0 && s.hub.count(c.rt.opID) >= max {
		s.hub.mu.Unlock()
		s.send(c, http.StatusTooManyRequests, &apiProblem{Title: "ConnectionException", Type: problemBase + "streaming-connection",
			Status: http.StatusTooManyRequests, ConnectionIssu: "TooManyConnections",
			Detail: "This stream is currently at the maximum allowed connection limit."})
		return
	}
	s.hub.conns[conn] = struct{}{}
	s.hub.opened(conn, c, s.clock.Now())
	s.hub.changed()
	replay := s.hub.replay(conn)
	s.hub.mu.Unlock()
	endReason := ReasonClientDisconnect
	defer func() {
		s.hub.mu.Lock()
		s.hub.ended(conn, endReason, s.clock.Now())
		s.hub.mu.Unlock()
	}()

	if c.fault != nil && c.fault.Kind == FaultReset {
		s.reset(c, "\r\n")
		return
	}
	h := c.w.Header()
	for k, v := range c.rlHead {
		h[k] = v
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	c.w.WriteHeader(http.StatusOK)
	fl, _ := c.w.(http.Flusher)
	flush := func() {
		if fl != nil {
			fl.Flush()
		}
	}
	flush()
	if c.fault != nil && c.fault.Kind == FaultEmptyBody {
		return
	}
	if c.fault != nil && c.fault.Kind == FaultDisconnect {
		line, _ := encode(envelope{Errors: []apiProblem{*disconnectProblem("OperationalDisconnect")}})
		s.checkLine(c, line)
		_, _ = c.w.Write(append(line, '\r', '\n'))
		flush()
		return
	}
	ctx := c.r.Context()
	if c.fault != nil && c.fault.Kind == FaultStall {
		if s.sleep(ctx, c.fault.Delay) != nil {
			return
		}
	}
	sh := parseShape(c.q)
	// send writes one event; false means the stream is over.
	send := func(ev streamEvent) bool {
		line := s.streamLine(c, sh, ev)
		s.checkLine(c, line)
		line = append(s.drift(c, http.StatusOK, line), '\r', '\n')
		if c.fault != nil {
			switch c.fault.Kind {
			case FaultTruncatedJSON:
				_, _ = c.w.Write(line[:len(line)/2])
				flush()
				return false
			case FaultSlowDrip:
				return s.drip(c, line)
			}
		}
		if _, err := c.w.Write(line); err != nil {
			return false
		}
		flush()
		return true
	}
	for _, ev := range replay {
		if ctx.Err() != nil || !send(ev) {
			return
		}
	}
	ka := time.NewTicker(s.cfg.keepAlive)
	defer ka.Stop()
	// The clock may be a manual one that tells no one when it moves: a stream with an
	// end_time looks at it often.
	var endCheck <-chan time.Time
	if !conn.until.IsZero() {
		t := time.NewTicker(endCheckEvery)
		defer t.Stop()
		endCheck = t.C
	}
	for {
		if conn.ended(s.clock.Now()) {
			return
		}
		select {
		case <-s.done:
			return
		case <-ctx.Done():
			return
		case <-endCheck:
		case <-conn.info.stop:
			return
		case <-ka.C:
			if _, err := c.w.Write([]byte("\r\n")); err != nil {
				return
			}
			flush()
		case pr := <-conn.kick:
			endReason = pr.DisconnectType
			line, _ := encode(envelope{Errors: []apiProblem{*pr}})
			s.checkLine(c, line)
			_, _ = c.w.Write(append(line, '\r', '\n'))
			flush()
			return
		case ev := <-conn.events:
			if !send(ev) {
				return
			}
		}
	}
}

// checkLine validates one stream line against the operation's 200 response.
func (s *Server) checkLine(c *call, line []byte) {
	if s.cfg.noRespValidation {
		return
	}
	for _, m := range validateResponse(c.r.Context(), c.rv, http.StatusOK, "application/json", line) {
		s.report(Violation{OperationID: c.rt.opID, Route: c.rt.key, Kind: "response", Status: http.StatusOK, Message: "stream line: " + m})
	}
}
