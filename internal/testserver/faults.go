package testserver

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// FaultKind is a kind of failure Inject can make a route suffer.
type FaultKind int

const (
	// FaultStatus answers with Status (default 503) and a JSON problem body.
	FaultStatus FaultKind = iota + 1
	// FaultStatusNoJSON answers with Status (default 503) and a short text/plain body.
	FaultStatusNoJSON
	// FaultHTML answers with Status (default 502) and an HTML error page, as a proxy does.
	FaultHTML
	// FaultReset sends the start of a response, then resets the TCP connection.
	FaultReset
	// FaultTruncatedJSON sends 200 with the real body cut short (Content-Length matches
	// the cut body, so only the JSON is broken). On a stream, the first Tweet line is cut
	// and the stream ends. A file (DM media) declares its full length, sends half and
	// drops the connection.
	FaultTruncatedJSON
	// FaultStall sends nothing for Delay, then answers normally. On a stream, the headers
	// go out and then nothing (not even keep-alives) for Delay.
	FaultStall
	// FaultSlowDrip sends the real response a few bytes at a time, Delay (default 5ms)
	// apart.
	FaultSlowDrip
	// FaultRateLimit answers 429 with a problem and x-rate-limit-remaining 0; the
	// x-rate-limit-reset header is Delay (default one second) from the server clock.
	FaultRateLimit
	// FaultProcessingFailed, on "POST /2/media/upload/{id}/finalize"
	// (finalizeMediaUpload), lets the finalize through and makes the processing of that
	// upload fail: pending, then in_progress, then failed halfway, as X reports a video it
	// cannot decode. The upload cannot be attached anywhere. Uploads that X does not
	// process (photos, subtitles) and other routes are unaffected.
	FaultProcessingFailed
	// FaultEmptyBody carries the request out and answers with its real status (200) and
	// headers but no body at all (Content-Length: 0), as a broken proxy or cache does. On
	// a stream, the connection is accepted (200) and closed at once, with nothing sent.
	FaultEmptyBody
	// FaultProblems answers 200 with a body that holds only "errors" (one Not Found
	// problem) and no data, as X answers a lookup whose one id it cannot find, or a change it
	// refused.
	FaultProblems
	// FaultStalledBody answers with Status (default 503) and a JSON problem body of
	// which only the first bytes are sent: the headers announce the whole (a
	// Content-Length of 1000), then nothing comes for Delay, or until the client goes
	// away when Delay is 0. A client must bound the whole answer, body included, not only
	// its headers. Streams suffer it the same way.
	FaultStalledBody
	// FaultDisconnect, on a stream, accepts each connection, sends one operational-
	// disconnect message and closes it at once: a server that drops every connection.
	// Other routes answer normally.
	FaultDisconnect
	// FaultUnlistedValues answers with the real response, each stream line too, changed as
	// X's answers run ahead of its document: every object carries a member the document
	// does not name, and every string the document limits to listed values holds one it
	// does not list. A client must read such answers, keeping the values as sent.
	FaultUnlistedValues
	// FaultMissingRequired answers with the real response, each stream line too, where every
	// object below the top lacks the members the document marks required, all but "id", as
	// X leaves out fields its document requires. A client must read such answers.
	FaultMissingRequired
)

func (k FaultKind) String() string {
	switch k {
	case FaultStatus:
		return "FaultStatus"
	case FaultStatusNoJSON:
		return "FaultStatusNoJSON"
	case FaultHTML:
		return "FaultHTML"
	case FaultReset:
		return "FaultReset"
	case FaultTruncatedJSON:
		return "FaultTruncatedJSON"
	case FaultStall:
		return "FaultStall"
	case FaultSlowDrip:
		return "FaultSlowDrip"
	case FaultRateLimit:
		return "FaultRateLimit"
	case FaultProcessingFailed:
		return "FaultProcessingFailed"
	case FaultEmptyBody:
		return "FaultEmptyBody"
	case FaultProblems:
		return "FaultProblems"
	case FaultStalledBody:
		return "FaultStalledBody"
	case FaultDisconnect:
		return "FaultDisconnect"
	case FaultUnlistedValues:
		return "FaultUnlistedValues"
	case FaultMissingRequired:
		return "FaultMissingRequired"
	}
	return fmt.Sprintf("FaultKind(%d)", int(k))
}

// Fault describes an injected failure. Faulty responses are deliberately malformed, so
// they are not checked against the document (a drifted one is checked before it drifts).
type Fault struct {
	Kind   FaultKind
	Status int           // for FaultStatus, FaultStatusNoJSON, FaultHTML
	Times  int           // how many requests suffer it; 0 means every one
	After  int           // let this many matching requests through first
	Delay  time.Duration // FaultStall: the pause; FaultSlowDrip: between chunks; FaultRateLimit: until reset
	// RetryAfter, when set, is sent as a Retry-After header (in whole seconds) with the
	// answer of a request that suffers the fault: with FaultStatus, say, a 503 saying
	// when to come back.
	RetryAfter time.Duration
}

type faultEntry struct {
	route string
	f     Fault
	seen  int
	fired int
}

type faultSet struct {
	mu      sync.Mutex
	entries []*faultEntry
}

// Inject makes a route fail. route is "METHOD /2/path/{param}" as in the document
// (e.g. "GET /2/users/{id}/followers"), an operationId, or "*" for every operation.
// Faults are tried in the order they were injected; the first that applies wins.
// Inject panics on a route the document does not have: that is a bug in the test.
func (s *Server) Inject(route string, f Fault) {
	if route != "*" {
		rt := s.c.lookupRoute(route)
		if rt == nil {
			panic(fmt.Sprintf("testserver: Inject: no operation %q in the document", route))
		}
		route = rt.key
	}
	s.faults.mu.Lock()
	s.faults.entries = append(s.faults.entries, &faultEntry{route: route, f: f})
	s.faults.mu.Unlock()
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	s.faults.entries = nil
	s.faults.mu.Unlock()
}

// take returns the fault a request to rt suffers, if any, and counts it.
func (fs *faultSet) take(rt *route) *Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, e := range fs.entries {
		if e.route != "*" && e.route != rt.key {
			continue
		}
		e.seen++
		if e.seen <= e.f.After {
			continue
		}
		if e.f.Times > 0 && e.fired >= e.f.Times {
			continue
		}
		e.fired++
		f := e.f
		return &f
	}
	return nil
}

// stalledBodyStart is how much of its body FaultStalledBody sends.
const stalledBodyStart = 24

func statusOr(status, def int) int {
	if status == 0 {
		return def
	}
	return status
}

// serveFaultBefore serves the faults that replace the response; it returns true when
// the request has been answered. FaultStall waits here for non-stream routes.
func (s *Server) serveFaultBefore(c *call) bool {
	f := c.fault
	w := c.w
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(int64((f.RetryAfter+time.Second-1)/time.Second)))
	}
	switch f.Kind {
	case FaultStatus:
		st := statusOr(f.Status, http.StatusServiceUnavailable)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(st)
		body, _ := encode(&apiProblem{Title: http.StatusText(st), Type: "about:blank", Status: st, Detail: http.StatusText(st)})
		_, _ = w.Write(body)
		return true
	case FaultStatusNoJSON:
		st := statusOr(f.Status, http.StatusServiceUnavailable)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(st)
		_, _ = fmt.Fprintf(w, "%d %s\n", st, http.StatusText(st))
		return true
	case FaultHTML:
		st := statusOr(f.Status, http.StatusBadGateway)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(st)
		_, _ = fmt.Fprintf(w, "<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n<center><h1>%d %s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
			st, http.StatusText(st), st, http.StatusText(st))
		return true
	case FaultRateLimit:
		d := f.Delay
		if d <= 0 {
			d = time.Second
		}
		limit, _ := s.rl.policy(c.rt, principal{})
		setRateHeaders(w.Header(), limit, 0, s.clock.Now().Add(d))
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusTooManyRequests)
		body, _ := encode(tooManyRequests())
		_, _ = w.Write(body)
		return true
	case FaultReset:
		s.reset(c, `{"data":[{"id":"`)
		return true
	case FaultProblems:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"errors":[{"value":"1","detail":"Could not find the object.","title":"Not Found Error","resource_type":"tweet","parameter":"id","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`)
		return true
	case FaultStalledBody:
		st := statusOr(f.Status, http.StatusServiceUnavailable)
		body, _ := encode(&apiProblem{Title: http.StatusText(st), Type: "about:blank", Status: st, Detail: http.StatusText(st)})
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(st)
		_, _ = w.Write(body[:min(len(body), stalledBodyStart)])
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		if f.Delay > 0 {
			_ = s.sleep(c.r.Context(), f.Delay)
		} else {
			select {
			case <-c.r.Context().Done():
			case <-s.done:
			}
		}
		return true
	case FaultStall:
		if isStream(c.rt.opID) {
			return false
		}
		return s.sleep(c.r.Context(), f.Delay) != nil
	}
	return false
}

// reset writes the start of a 200 response on the raw connection and resets it.
func (s *Server) reset(c *call, partial string) {
	hj, ok := c.w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, rw, err := hj.Hijack()
	if err != nil {
		return
	}
	if !s.trackConn(conn) {
		_ = conn.Close()
		return
	}
	defer s.untrackConn(conn)
	writeResetStart(rw, partial)
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0) // close sends RST, not FIN
	}
	_ = conn.Close()
}

func writeResetStart(rw *bufio.ReadWriter, partial string) {
	fmt.Fprintf(rw, "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", 4096, partial)
	_ = rw.Flush()
}

// serveFaultBody applies the faults that change how a real body is sent; it returns
// true when it has written the response.
func (s *Server) serveFaultBody(c *call, status int, body []byte) bool {
	switch c.fault.Kind {
	case FaultTruncatedJSON:
		cut := body[:len(body)/2]
		if c.w.Header().Get("Content-Type") == "application/octet-stream" {
			// A file: its full length is declared, half of it is sent, and the
			// connection is dropped, as when a download breaks off.
			c.w.Header().Set("Content-Length", fmt.Sprint(len(body)))
			c.w.WriteHeader(status)
			_, _ = c.w.Write(cut)
			panic(http.ErrAbortHandler)
		}
		c.w.Header().Set("Content-Length", fmt.Sprint(len(cut)))
		c.w.WriteHeader(status)
		_, _ = c.w.Write(cut)
		return true
	case FaultSlowDrip:
		c.w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		c.w.WriteHeader(status)
		s.drip(c, body)
		return true
	case FaultEmptyBody:
		c.w.Header().Set("Content-Length", "0")
		c.w.WriteHeader(status)
		return true
	}
	return false
}

// drip writes b a few bytes at a time.
func (s *Server) drip(c *call, b []byte) bool {
	d := c.fault.Delay
	if d <= 0 {
		d = 5 * time.Millisecond
	}
	fl, _ := c.w.(http.Flusher)
	const chunk = 16
	for len(b) > 0 {
		n := min(chunk, len(b))
		if _, err := c.w.Write(b[:n]); err != nil {
			return false
		}
		if fl != nil {
			fl.Flush()
		}
		b = b[n:]
		if len(b) > 0 && s.sleep(c.r.Context(), d) != nil {
			return false
		}
	}
	return true
}
