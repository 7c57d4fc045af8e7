package twittertest

import (
	"strconv"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// FaultKind says which failure a Fault makes: one of the Fault... constants.
type FaultKind int

// The failures a Server can inject (see Fault and Server.Inject). Where a kind sends a
// status, Fault.Status sets it; Fault.Delay times the kinds that wait.
const (
	// FaultStatus answers Status (default 503) with a JSON problem, as an overloaded X does.
	FaultStatus FaultKind = iota + 1
	// FaultStatusNoJSON answers Status (default 503) with a short text/plain body.
	FaultStatusNoJSON
	// FaultHTML answers Status (default 502) with an HTML error page, as a proxy in front
	// of X does.
	FaultHTML
	// FaultReset sends the start of a response, then resets the TCP connection.
	FaultReset
	// FaultTruncatedJSON answers 200 with the real body cut short (its Content-Length
	// matching, so only the JSON is broken); a stream sends its first Tweet cut and ends.
	FaultTruncatedJSON
	// FaultStall sends nothing for Delay, then answers normally; a stream sends its
	// headers and then nothing, not even keep-alives, for Delay.
	FaultStall
	// FaultSlowDrip sends the real response a few bytes at a time, Delay (default 5ms)
	// apart.
	FaultSlowDrip
	// FaultRateLimit answers 429 with x-rate-limit-remaining 0 and an
	// x-rate-limit-reset Delay (default one second) ahead of the server clock.
	FaultRateLimit
	// FaultProcessingFailed, on "POST /2/media/upload/{id}/finalize", lets the finalize
	// through and makes the processing of that video or GIF fail, as X's does for a file
	// it cannot decode.
	FaultProcessingFailed
	// FaultEmptyBody answers with the real status (200) and headers but no body at all;
	// a stream is accepted and closed at once.
	FaultEmptyBody
	// FaultProblems answers 200 with only "errors" (one Not Found problem) and no data,
	// as X answers a lookup of an id it cannot find.
	FaultProblems
	// FaultStalledBody answers Status (default 503) whose body stops after its first
	// bytes and then stalls for Delay (0: until the client goes away), to show that a
	// client bounds the whole answer, not only its headers.
	FaultStalledBody
	// FaultDisconnect, on a stream, sends an operational-disconnect message and closes
	// each connection at once.
	FaultDisconnect
	// FaultUnlistedValues answers with the real response (each stream line too) where
	// every object carries a member the API document does not name and every enumerated
	// string holds a value it does not list, as X's answers run ahead of its document.
	FaultUnlistedValues
	// FaultMissingRequired answers with the real response (each stream line too) where
	// every object below the top lacks the members the document marks required, all but
	// "id", as X leaves out fields its document requires.
	FaultMissingRequired
)

// faultKinds maps each FaultKind to the internal server's.
var faultKinds = map[FaultKind]testserver.FaultKind{
	FaultStatus:           testserver.FaultStatus,
	FaultStatusNoJSON:     testserver.FaultStatusNoJSON,
	FaultHTML:             testserver.FaultHTML,
	FaultReset:            testserver.FaultReset,
	FaultTruncatedJSON:    testserver.FaultTruncatedJSON,
	FaultStall:            testserver.FaultStall,
	FaultSlowDrip:         testserver.FaultSlowDrip,
	FaultRateLimit:        testserver.FaultRateLimit,
	FaultProcessingFailed: testserver.FaultProcessingFailed,
	FaultEmptyBody:        testserver.FaultEmptyBody,
	FaultProblems:         testserver.FaultProblems,
	FaultStalledBody:      testserver.FaultStalledBody,
	FaultDisconnect:       testserver.FaultDisconnect,
	FaultUnlistedValues:   testserver.FaultUnlistedValues,
	FaultMissingRequired:  testserver.FaultMissingRequired,
}

// String returns the constant's name, e.g. "FaultHTML".
func (k FaultKind) String() string {
	if f, ok := faultKinds[k]; ok {
		return f.String()
	}
	return "FaultKind(" + strconv.Itoa(int(k)) + ")"
}

// Fault is a failure for Server.Inject to make a route suffer.
type Fault struct {
	Kind   FaultKind     // FaultStatus, FaultHTML, FaultRateLimit, ...
	Status int           // the status of FaultStatus, FaultStatusNoJSON, FaultHTML and FaultStalledBody
	Times  int           // how many requests suffer it; 0 means every one
	After  int           // let this many matching requests through first
	Delay  time.Duration // FaultStall: the pause; FaultSlowDrip: between chunks; FaultRateLimit: until the reset
	// RetryAfter, when set, is sent as a Retry-After header (whole seconds) with the
	// answer, as a 503 saying when to come back.
	RetryAfter time.Duration
}

// Inject makes a route fail: route is "METHOD /2/path/{param}" as in the API document,
// an operationId, or "*" for every operation. Faults are tried in the order injected;
// the first that applies wins. Inject panics on a route the document does not have, or
// a Kind that is none of the Fault... constants.
func (s *Server) Inject(route string, f Fault) {
	k, ok := faultKinds[f.Kind]
	if !ok {
		panic("twittertest: Inject: unknown " + f.Kind.String())
	}
	s.s.Inject(route, testserver.Fault{Kind: k, Status: f.Status, Times: f.Times, After: f.After, Delay: f.Delay, RetryAfter: f.RetryAfter})
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() { s.s.ClearFaults() }
