package testserver

import (
	"fmt"
	"net"
	"net/http"
	"sort"
	"time"
)

// Connections. The server knows the app's open stream connections and remembers the last
// connectionHistory that ended, with when and why. GET /2/connections lists them (open
// ones by default, newest first); the DELETE operations close open ones by id, by
// stream, or all: the connection ends at once, as if X had cut it, and no longer counts
// against WithMaxStreamConnections. Only the streams of ConnectionEndpoint are listed and
// closed by stream (the activity stream has no endpoint name in X's documents); CloseAll
// and closing by id reach every stream.

// connectionHistory is how many ended connections the server remembers.
const connectionHistory = 100

// Why a connection ended, as GET /2/connections tells it.
const (
	ReasonClosedByRequest  = "ClosedByRequest"  // the Connections API closed it
	ReasonClientDisconnect = "ClientDisconnect" // the client went away, or the server closed
	// A connection the server ended with an operational-disconnect has its disconnect_type
	// (OperationalDisconnect, SlowReader...) as the reason.
)

// connectionEndpoints names the streams as the Connections API does, by operationId.
var connectionEndpoints = map[string]string{
	"streamFiltered":        "filtered_stream",
	"streamSample":          "sample_stream",
	"streamSample10":        "sample10_stream",
	"streamFirehose":        "firehose_stream",
	"streamFirehoseEn":      "firehose_stream_lang_en",
	"streamFirehoseJa":      "firehose_stream_lang_ja",
	"streamFirehoseKo":      "firehose_stream_lang_ko",
	"streamFirehosePt":      "firehose_stream_lang_pt",
	"streamTweetCompliance": "tweets_compliance_stream",
	"streamUserCompliance":  "users_compliance_stream",
	"streamTweetLabels":     "tweet_label_stream",
	"streamLikesFirehose":   "likes_firehose_stream",
	"streamLikesSample10":   "likes_sample10_stream",
	"streamLikeCompliance":  "likes_compliance_stream",
}

// Connection is a stream connection as GET /2/connections describes it.
type Connection struct {
	ID             string
	Endpoint       string // a ConnectionEndpoint name; "" for a stream without one
	ClientIP       string
	ConnectedAt    time.Time
	DisconnectedAt time.Time // zero while open
	Reason         string    // why it ended; "" while open
}

// connInfo is what the hub knows of a connection beyond its events.
type connInfo struct {
	Connection
	stop chan struct{} // closed to end the connection
}

// opened registers what is known of a new connection; call with h.mu held.
func (h *hub) opened(conn *streamConn, c *call, now time.Time) {
	h.connSeq++
	ip, _, err := net.SplitHostPort(c.r.RemoteAddr)
	if err != nil {
		ip = c.r.RemoteAddr
	}
	conn.info = connInfo{stop: make(chan struct{}), Connection: Connection{
		ID:       fmt.Sprintf("%08x-7a11-4c0e-8000-%012x", h.connSeq, h.connSeq),
		Endpoint: connectionEndpoints[conn.opID], ClientIP: ip, ConnectedAt: now,
	}}
}

// ended takes a connection out of the open ones and remembers why it ended; call with h.mu
// held. A connection closed by request has been taken out already.
func (h *hub) ended(conn *streamConn, reason string, now time.Time) {
	if _, open := h.conns[conn]; !open {
		return
	}
	delete(h.conns, conn)
	h.changed()
	conn.info.DisconnectedAt, conn.info.Reason = now, reason
	h.history = append(h.history, conn.info.Connection)
	if n := len(h.history) - connectionHistory; n > 0 {
		h.history = h.history[n:]
	}
}

// kill closes the open connections that match; call with h.mu held. It returns their ids.
func (h *hub) kill(match func(*streamConn) bool, now time.Time) []string {
	var ids []string
	for conn := range h.conns {
		if match(conn) {
			ids = append(ids, conn.info.ID)
			close(conn.info.stop)
			h.ended(conn, ReasonClosedByRequest, now)
		}
	}
	sort.Strings(ids)
	return ids
}

// Connections lists the open stream connections, newest first, then the ended ones the
// server remembers, newest first.
func (s *Server) Connections() []Connection {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.hub.connections("all")
}

func (h *hub) connections(status string) []Connection {
	var out []Connection
	if status != "inactive" {
		for conn := range h.conns {
			out = append(out, conn.info.Connection)
		}
		sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	}
	if status != "active" {
		for i := len(h.history) - 1; i >= 0; i-- {
			out = append(out, h.history[i])
		}
	}
	return out
}

type wConnection struct {
	ID               string `json:"id,omitempty"`
	EndpointName     string `json:"endpoint_name,omitempty"`
	ClientIP         string `json:"client_ip,omitempty"`
	ConnectedAt      string `json:"connected_at,omitempty"`
	DisconnectedAt   string `json:"disconnected_at,omitempty"`
	DisconnectReason string `json:"disconnect_reason,omitempty"`
}

// renderConnection sends id and endpoint_name, and the other fields asked for.
func renderConnection(c Connection, fields set) wConnection {
	w := wConnection{ID: c.ID, EndpointName: c.Endpoint}
	pick(fields, "client_ip", &w.ClientIP, c.ClientIP)
	pick(fields, "connected_at", &w.ConnectedAt, fmtTime(c.ConnectedAt))
	if fields["disconnected_at"] && !c.DisconnectedAt.IsZero() {
		w.DisconnectedAt = fmtTime(c.DisconnectedAt)
	}
	pick(fields, "disconnect_reason", &w.DisconnectReason, c.Reason)
	return w
}

// connectionsFeature registers the operations this file serves; they touch only the
// stream hub, under its own lock, so they are apart from the world's.
func connectionsFeature() feature {
	return feature{ops: map[string]operation{
		"listConnections":          {(*Server).listConnections, apart},
		"closeAllConnections":      {(*Server).closeAllConnections, apart},
		"closeEndpointConnections": {(*Server).closeEndpointConnections, apart},
		"closeConnections":         {(*Server).closeConnections, apart},
	}}
}

func (s *Server) listConnections(c *call) (int, any) {
	status := c.q.Get("status")
	if status == "" {
		status = "active"
	}
	endpoints := listParam(c.q, "endpoints")
	p, pr := pageParams(c, "connections:"+status+":"+c.q.Get("endpoints"), 10)
	if pr != nil {
		return pr.Status, pr
	}
	s.hub.mu.Lock()
	all := s.hub.connections(status)
	s.hub.mu.Unlock()
	var listed []Connection
	for _, conn := range all {
		if conn.Endpoint != "" && (endpoints == nil || endpoints[conn.Endpoint]) {
			listed = append(listed, conn)
		}
	}
	fields := listParam(c.q, "connection.fields")
	start := min(p.offset, len(listed))
	end := min(start+p.max, len(listed))
	var data []wConnection
	for _, conn := range listed[start:end] {
		data = append(data, renderConnection(conn, fields))
	}
	meta := listMeta{ResultCount: len(data)}
	if end < len(listed) {
		meta.NextToken = encodeToken(p.key, end)
	}
	env := envelope{Meta: meta}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

type wKill struct {
	UUID         string `json:"uuid"`
	Success      bool   `json:"success"`
	ErrorMessage string `json:"error_message,omitempty"`
}

type wKills struct {
	SuccessfulKills int     `json:"successful_kills"`
	FailedKills     int     `json:"failed_kills"`
	Results         []wKill `json:"results"`
}

func killed(ids []string) wKills {
	out := wKills{SuccessfulKills: len(ids), Results: []wKill{}}
	for _, id := range ids {
		out.Results = append(out.Results, wKill{UUID: id, Success: true})
	}
	return out
}

// closeWhere closes the open connections that match and answers how it went.
func (s *Server) closeWhere(match func(*streamConn) bool) (int, any) {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return http.StatusOK, envelope{Data: killed(s.hub.kill(match, s.clock.Now()))}
}

func (s *Server) closeAllConnections(*call) (int, any) {
	return s.closeWhere(func(*streamConn) bool { return true })
}

func (s *Server) closeEndpointConnections(c *call) (int, any) {
	ep := c.path["endpoint_id"]
	return s.closeWhere(func(conn *streamConn) bool { return conn.info.Endpoint == ep })
}

func (s *Server) closeConnections(c *call) (int, any) {
	var b struct {
		UUIDs []string `json:"uuids"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	want := set{}
	for _, id := range b.UUIDs {
		want[id] = true
	}
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	done := set{}
	for _, id := range s.hub.kill(func(conn *streamConn) bool { return want[conn.info.ID] }, s.clock.Now()) {
		done[id] = true
	}
	out := wKills{Results: []wKill{}}
	for _, id := range b.UUIDs {
		if done[id] {
			out.SuccessfulKills++
			out.Results = append(out.Results, wKill{UUID: id, Success: true})
			continue
		}
		out.FailedKills++
		out.Results = append(out.Results, wKill{UUID: id, ErrorMessage: "No open connection of this app has this id."})
	}
	return http.StatusOK, envelope{Data: out}
}
