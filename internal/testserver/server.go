// Package testserver is a fake X API v2 for tests: a real HTTP server on 127.0.0.1 that
// serves every operation of openapi/twitter-v2.yaml from a deterministic, stateful world,
// checks credentials the way X does (app bearer, OAuth 2.0 user tokens with scopes,
// OAuth 1.0a signatures), applies rate limits, injects faults on demand, and validates
// every request and every response against the same document. A response that breaks
// the document fails the test that caused it (under Start) or is listed by Violations.
//
// The seeded world is described in world.go; its well-known ids are exported constants
// (JackID, XDevelopersID, AliceID, ... MediaTweetID, LiveSpaceID, GophersListID,
// AliceBobConversationID, ...).
//
// Typical use in a test:
//
//	s := testserver.Start(t)                       // closes itself; violations fail t
//	c := myclient.New(s.URL(), s.AppBearerToken())  // or s.UserToken(testserver.AliceID), s.OAuth1(...)
//	s.Inject("GET /2/users/{id}/followers", testserver.Fault{Kind: testserver.FaultStatus, Times: 1})
//	... call the API through c, compare with s.World().FollowerIDs(testserver.JackID) ...
//
// Each feature file (users.go, lists.go, dm.go, ...) registers the operations it serves
// in a table (usersFeature, ...) with how each touches the world, and seeds its part of
// it; server.go collects the tables (features) and takes the world's lock around each
// handler as its registration says.
//
// Problems (error bodies) are sent as application/json, as X sends them; the document's
// error responses take a problem or the older {code, message} shape there
// (TestProblemContentType). Requests that break the
// document are answered with X's 400 invalid-request problem and, under Start, fail the
// test; tests that send bad requests on purpose use WithInvalidRequestsAllowed.
package testserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// Server is a running fake X API. Create it with New or Start; it is safe for concurrent use.
type Server struct {
	cfg   config
	clock Clock
	c     *contract
	reg   *registry
	ln    net.Listener
	hs    *http.Server
	base  string
	tb    testing.TB
	done  chan struct{}
	once  sync.Once

	mu sync.RWMutex // guards w; taken by run for each operation (see access)
	w  *state

	auth   *authState
	rl     *rateLimiter
	faults *faultSet
	hub    *hub
	usage  *usageCounter

	vmu        sync.Mutex
	violations []Violation

	imu      sync.Mutex
	closed   bool
	inflight sync.WaitGroup
	conns    map[net.Conn]struct{} // hijacked connections, closed by Close
}

// New starts a server listening on 127.0.0.1 at a free port (see WithAddr). Contract
// violations are collected for Violations; nothing fails a test. Call Close when done.
func New(opts ...Option) (*Server, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	c, err := loadContract()
	if err != nil {
		return nil, err
	}
	reg, err := registered()
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:   cfg,
		clock: cfg.clock,
		c:     c,
		reg:   reg,
		done:  make(chan struct{}),
		conns: map[net.Conn]struct{}{},
	}
	s.w = newState(&cfg, s.clock, reg.features)
	s.auth = newAuthState()
	s.rl = newRateLimiter(s)
	s.faults = &faultSet{}
	s.hub = newHub()
	s.usage = &usageCounter{days: map[string]int{}}
	for _, rl := range cfg.rateLimits {
		if rl.route != "*" && c.lookupRoute(rl.route) == nil {
			return nil, fmt.Errorf("testserver: WithRateLimit: no operation %q in the document", rl.route)
		}
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return nil, fmt.Errorf("testserver: listen: %w", err)
	}
	s.ln = ln
	s.base = "http://" + ln.Addr().String()
	s.hs = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)}
	go func() { _ = s.hs.Serve(ln) }()
	return s, nil
}

// Start is New for tests: it fails tb if the server cannot start, closes the server when
// the test ends, and turns every contract violation into tb.Errorf naming the operation
// and the field.
func Start(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s, err := New(opts...)
	if err != nil {
		tb.Fatalf("testserver: %v", err)
		return nil
	}
	s.tb = tb
	tb.Cleanup(s.Close)
	return s
}

// URL returns the base URL, e.g. "http://127.0.0.1:41234"; the API is under /2/.
func (s *Server) URL() string { return s.base }

// Close stops the server: streams end, connections close, and no goroutine of the
// server is left when it returns. Calling it again does nothing.
func (s *Server) Close() {
	s.once.Do(func() {
		s.imu.Lock()
		s.closed = true
		close(s.done)
		for c := range s.conns {
			_ = c.Close()
		}
		s.imu.Unlock()
		_ = s.hs.Close()
		s.inflight.Wait()
	})
}

// enter registers a request in flight; it fails once Close has begun.
func (s *Server) enter() bool {
	s.imu.Lock()
	defer s.imu.Unlock()
	if s.closed {
		return false
	}
	s.inflight.Add(1)
	return true
}

func (s *Server) trackConn(c net.Conn) bool {
	s.imu.Lock()
	defer s.imu.Unlock()
	if s.closed {
		return false
	}
	s.conns[c] = struct{}{}
	return true
}

func (s *Server) untrackConn(c net.Conn) {
	s.imu.Lock()
	delete(s.conns, c)
	s.imu.Unlock()
}

// call is one API request on its way through the server.
type call struct {
	s      *Server
	w      http.ResponseWriter
	r      *http.Request
	rt     *route
	path   map[string]string
	q      url.Values
	body   []byte
	who    principal
	rv     *openapi3filter.RequestValidationInput
	fault  *Fault
	rlHead http.Header
}

// ServeHTTP serves the API. Requests outside the document (OAuth endpoints, compliance
// upload and download links) are served too; anything else is X's 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.enter() {
		http.Error(w, "server closed", http.StatusServiceUnavailable)
		return
	}
	defer s.inflight.Done()
	switch {
	case r.URL.Path == "/oauth2/token":
		s.serveAppToken(w, r)
		return
	case r.URL.Path == "/2/oauth2/token":
		s.serveOAuth2Token(w, r)
		return
	case r.URL.Path == "/2/oauth2/revoke":
		s.serveOAuth2Revoke(w, r)
		return
	case r.URL.Path == "/i/oauth2/authorize":
		s.serveAuthorize(w, r)
		return
	case strings.HasPrefix(r.URL.Path, complianceFilesPrefix):
		s.serveComplianceFile(w, r)
		return
	}
	rt, pp := s.c.match(r.Method, r.URL.Path)
	if rt == nil {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"errors":[{"message":"Sorry, that page does not exist","code":34}]}`)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	c := &call{s: s, w: w, r: r, rt: rt, path: pp, q: r.URL.Query(), body: body}

	c.fault = s.faults.take(rt)
	if c.fault != nil && s.serveFaultBefore(c) {
		return
	}
	who, authErr := s.authenticate(c)
	c.who = who
	c.rlHead = http.Header{}
	if s.rl.limit(c) {
		return
	}
	if authErr != nil {
		s.send(c, authErr.Status, authErr)
		return
	}
	in, issues := validateRequest(r.Context(), rt, r, pp, body)
	c.rv = in
	if len(issues) > 0 {
		for _, is := range issues {
			s.report(Violation{OperationID: rt.opID, Route: rt.key, Kind: "request",
				Message: fmt.Sprintf("parameter %q: %s", is.name, is.message)})
		}
		s.send(c, http.StatusBadRequest, invalidRequest(issues...))
		return
	}
	if isStream(rt.opID) {
		s.serveStream(c)
		return
	}
	op, ok := s.reg.ops[rt.opID]
	if !ok {
		s.send(c, http.StatusNotFound, &apiProblem{Type: "about:blank", Title: "Not Found", Status: 404, Detail: "not implemented"})
		return
	}
	status, v := s.run(op, c)
	s.send(c, status, v)
}

// access is how an operation touches the world (s.w). The dispatcher takes s.mu for it
// around the handler, so handlers do not lock the world themselves; the answer is
// encoded and sent after the lock is released.
type access int

const (
	reads  access = iota + 1 // the dispatcher holds s.mu.RLock while the handler runs
	writes                   // the dispatcher holds s.mu.Lock while the handler runs
	// apart: the handler takes its locks itself, narrowly, because it calls out over
	// HTTP (webhook CRC checks, replays) and must not hold the world while it waits, or
	// because it touches only the stream hub, which has a lock of its own.
	apart
)

// operation is the implementation of one operationId and how it touches the world.
type operation struct {
	serve  func(*Server, *call) (int, any)
	access access
}

// run serves c with op under the lock op.access asks for.
func (s *Server) run(op operation, c *call) (int, any) {
	switch op.access {
	case reads:
		s.mu.RLock()
		defer s.mu.RUnlock()
	case writes:
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	return op.serve(s, c)
}

// feature is one feature file's part of the fake: the operations it serves, by
// operationId, and what it seeds into every new world (nil: nothing).
type feature struct {
	ops  map[string]operation
	seed func(*state)
}

// registry is every feature, and their operations by operationId, collected once.
type registry struct {
	features []feature
	ops      map[string]operation
}

// registered is the registry of features(), built once and never changed after.
var registered = sync.OnceValues(func() (*registry, error) { return collect(features()) })

// collect merges the features' operations; an operationId registered twice is an error.
func collect(fs []feature) (*registry, error) {
	r := &registry{features: fs, ops: map[string]operation{}}
	for _, f := range fs {
		for id, op := range f.ops {
			if _, dup := r.ops[id]; dup {
				return nil, fmt.Errorf("testserver: operation %s is registered twice", id)
			}
			if op.serve == nil || op.access == 0 {
				return nil, fmt.Errorf("testserver: operation %s is registered without a handler or an access", id)
			}
			r.ops[id] = op
		}
	}
	return r, nil
}

// features are the fake's feature files, each registering its operations and seeding
// its part of a new world, in the order the seeds run (a seed may use what an earlier one
// made). Streams are served apart (streamKinds).
func features() []feature {
	return []feature{
		bookmarksFeature(),
		bookmarkFoldersFeature(),
		affiliatesFeature(),
		newsFeature(),
		listsFeature(),
		dmFeature(),
		dmBlocksFeature(),
		webhooksFeature(),
		activityFeature(),
		broadcastsFeature(),
		chatFeature(),
		chatKeysFeature(),
		accountActivityFeature(),
		analyticsFeature(),
		articlesFeature(),
		broadcastsChatFeature(),
		chatEventsFeature(),
		chatGroupsFeature(),
		chatMediaFeature(),
		communitiesFeature(),
		complianceFeature(),
		connectionsFeature(),
		dmEventFeature(),
		dmMediaFeature(),
		generalFeature(),
		mediaFeature(),
		mediaMetadataFeature(),
		mediaOneshotFeature(),
		notesFeature(),
		postingFeature(),
		repostsOfMeFeature(),
		ruleCountsFeature(),
		rulesFeature(),
		searchFeature(),
		spacesFeature(),
		streamWebhooksFeature(),
		trendsFeature(),
		tweetsFeature(),
		usageFeature(),
		usersFeature(),
		webhookReplayFeature(),
	}
}

// rawJSON is a body that is already encoded.
type rawJSON []byte

// encode turns a handler's value into bytes and a content type.
func encode(v any) ([]byte, string) {
	switch b := v.(type) {
	case rawJSON:
		return b, "application/json"
	case binaryBody:
		return b, "application/octet-stream"
	case *apiProblem:
		out, _ := json.Marshal(b)
		return out, "application/json"
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), "application/json"
}

// send encodes v, lets the mutator at it, validates it against the document and writes it,
// applying an output fault (truncation, slow drip) when one was injected.
func (s *Server) send(c *call, status int, v any) {
	if status == http.StatusOK && c.r.Method == http.MethodGet {
		s.usage.count(s.clock.Now(), postsIn(v))
	}
	body, ct := encode(v)
	if s.cfg.mutator != nil {
		body = s.cfg.mutator(c.rt.opID, status, body)
	}
	if !s.cfg.noRespValidation {
		rv := c.rv
		if rv == nil {
			// Refusals before request validation (auth, rate limits) are still checked.
			rv = &openapi3filter.RequestValidationInput{Request: c.r, PathParams: c.path, Route: c.rt.kin, Options: filterOptions}
		}
		for _, m := range validateResponse(c.r.Context(), rv, status, ct, body) {
			s.report(Violation{OperationID: c.rt.opID, Route: c.rt.key, Kind: "response", Status: status, Message: m})
		}
	}
	if ct == "application/json" {
		body = s.drift(c, status, body)
	}
	h := c.w.Header()
	for k, v := range c.rlHead {
		h[k] = v
	}
	if ct == "application/octet-stream" {
		h.Set("Content-Type", ct)
	} else {
		h.Set("Content-Type", ct+"; charset=utf-8")
	}
	if c.fault != nil && s.serveFaultBody(c, status, body) {
		return
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	c.w.WriteHeader(status)
	_, _ = c.w.Write(body)
}

// errClosed is returned by waits that end because the server closed.
var errClosed = errors.New("testserver: closed")

// sleep waits for d, or until the request or the server ends.
func (s *Server) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-s.done:
		return errClosed
	}
}
