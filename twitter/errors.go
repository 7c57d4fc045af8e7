package twitter

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
)

// Problem type URIs, without their host. X sends them under both
// https://api.twitter.com/2/problems/ and https://api.x.com/2/problems/; ProblemType
// strips either prefix so the kinds compare equal.
const (
	ProblemInvalidRequest            = "invalid-request"
	ProblemResourceNotFound          = "resource-not-found"
	ProblemResourceUnauthorized      = "not-authorized-for-resource"
	ProblemFieldUnauthorized         = "not-authorized-for-field"
	ProblemResourceUnavailable       = "resource-unavailable"
	ProblemDisallowedResource        = "disallowed-resource"
	ProblemClientForbidden           = "client-forbidden"
	ProblemUnsupportedAuthentication = "unsupported-authentication"
	ProblemUsageCapExceeded          = "usage-capped"
	ProblemRateLimited               = "rate-limit-exceeded"
	ProblemConnectionException       = "streaming-connection"
	ProblemOperationalDisconnect     = "operational-disconnect"
	ProblemClientDisconnected        = "client-disconnected"
	ProblemRulesCap                  = "rule-cap"
	ProblemInvalidRules              = "invalid-rules"
	ProblemDuplicateRules            = "duplicate-rules"
	ProblemNonCompliantRules         = "noncompliant-rules"
	ProblemConflict                  = "conflict"
	ProblemGeneric                   = "about:blank"
)

var problemPrefixes = []string{
	"https://api.twitter.com/2/problems/",
	"https://api.x.com/2/problems/",
}

// ProblemType returns the kind of a problem type URI with X's host prefix removed
// ("https://api.x.com/2/problems/usage-capped" -> "usage-capped"). Unknown URIs are
// returned unchanged.
func ProblemType(uri string) string {
	for _, p := range problemPrefixes {
		if strings.HasPrefix(uri, p) {
			return uri[len(p):]
		}
	}
	return uri
}

// Error is a failed call: a non-2xx response, described by the problem document X sent
// (or by an excerpt of the body when it was not one), or a 2xx response whose problems
// mean the request failed as a whole (StatusCode is then the 2xx status; see the package
// documentation). Find it with errors.As, or use the Is... predicates.
type Error struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Type is the problem kind without X's host prefix (see ProblemType), "" when the
	// body was not a problem document.
	Type string
	// Title and Detail are the problem's summary and explanation.
	Title  string
	Detail string
	// Problems lists every problem of the body: the top-level one and any in "errors".
	Problems []gen.Problem
	// Messages are the details X lists inside a problem document's "errors": for an
	// invalid request, which parameter was wrong and why ("The `ids` query parameter value
	// [abc] does not match ^[0-9]{1,19}$"). The message of the error includes them.
	Messages []string
	// RequestID is X's id of the request, for support.
	RequestID string
	// RateLimit is the rate-limit state the error response reported.
	RateLimit RateLimit
	// Endpoint is the operation that failed, as "METHOD /2/path/{param}".
	Endpoint string
	// Body is a short excerpt of the response body when it was not a problem document
	// (an HTML page from a proxy, say). Empty otherwise.
	Body string
	// Response is the HTTP response; its body has been read and closed.
	Response *http.Response `json:"-"`
	// Received is when the answer arrived, by the client's clock; the message of a 429
	// says how long after it the window resets. Zero when unknown.
	Received time.Time
}

// Error describes the failure in one shape: the endpoint, the status, the problem's title
// and detail (each once, and only when they say more than the status), the problem kind,
// and for a rate limit when its window resets:
//
//	twitter: GET /2/users/{id}: 429 Too Many Requests; resets 14:05:31 UTC, in 4m12s
//	twitter: GET /2/tweets: 400 Bad Request: Invalid Request: One or more parameters to your request was invalid.: The `ids` query parameter value [abc] does not match ^[0-9]{1,19}$ [invalid-request]
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("twitter: ")
	if e.Endpoint != "" {
		b.WriteString(e.Endpoint)
		b.WriteString(": ")
	}
	status := http.StatusText(e.StatusCode)
	if status == "" {
		fmt.Fprintf(&b, "status %d", e.StatusCode)
	} else {
		fmt.Fprintf(&b, "%d %s", e.StatusCode, status)
	}
	said := []string{status}
	for _, s := range append([]string{e.Title, e.Detail}, e.Messages...) {
		s = strings.TrimSpace(s)
		if s == "" || slices.ContainsFunc(said, func(t string) bool { return strings.EqualFold(s, t) }) {
			continue
		}
		said = append(said, s)
		b.WriteString(": ")
		b.WriteString(s)
	}
	if len(said) == 1 && e.Body != "" {
		fmt.Fprintf(&b, ": body %q", e.Body)
	}
	if e.Type != "" && e.Type != ProblemGeneric {
		fmt.Fprintf(&b, " [%s]", e.Type)
	}
	if n := len(e.Problems) - 1; n > 0 {
		fmt.Fprintf(&b, " (and %s)", plural(n, "more problem"))
	}
	b.WriteString(e.waitHint())
	return b.String()
}

// whenText says when t is, in UTC, and how long after at (the answer's arrival; unknown
// when zero) that is: "14:05:31 UTC, in 4m12s". A t on another day than at carries its
// date.
func whenText(t, at time.Time) string {
	t = t.UTC()
	layout := "15:04:05 UTC"
	if at.IsZero() || t.YearDay() != at.UTC().YearDay() || t.Year() != at.UTC().Year() {
		layout = "2006-01-02 15:04:05 UTC"
	}
	s := t.Format(layout)
	if at.IsZero() {
		return s
	}
	if d := t.Sub(at).Round(time.Second); d > 0 {
		return s + ", in " + d.String()
	}
	return s + ", already passed"
}

// HasProblem reports whether any problem of the error is of the given kind.
func (e *Error) HasProblem(kind string) bool {
	if e.Type == kind {
		return true
	}
	for _, p := range e.Problems {
		if ProblemType(p.Type) == kind {
			return true
		}
	}
	return false
}

// maxExcerpt is how many bytes of an error body an error quotes: the facade's own choice,
// not the API's.
const maxExcerpt = 256

// newError builds the error for a non-2xx response from its (size-capped) body, decoded
// with dec (the client's decoder, so WithStandardJSON holds for error bodies too).
func newError(dec jsonx.Decoder, endpoint string, resp *http.Response, body []byte, rl RateLimit) *Error {
	e := &Error{
		StatusCode: resp.StatusCode,
		RequestID:  requestID(resp.Header),
		RateLimit:  rl,
		Endpoint:   endpoint,
		Response:   resp,
	}
	if !parseProblemBody(dec, e, body) {
		e.Body = excerpt(body)
	}
	return e
}

// arrived records when the answer arrived, by the client's clock, so the message can say
// how long until a rate limit resets.
func (e *Error) arrived(at time.Time) *Error {
	e.Received = at
	return e
}

// parseProblemBody fills e from a problem document, an {"errors": [...]} envelope, or
// the older {"errors":[{"code","message"}]} shape. It reports whether it found any.
func parseProblemBody(dec jsonx.Decoder, e *Error, body []byte) bool {
	var doc struct {
		gen.Problem
		Errors []json.RawMessage `json:"errors"`
		// v1.1-style fields some endpoints still use
		Error string `json:"error"`
	}
	if len(body) == 0 || dec.Unmarshal(body, &doc) != nil {
		return false
	}
	found := false
	if doc.Type != "" || doc.Title != "" {
		e.Type = ProblemType(doc.Type)
		e.Title = doc.Title
		e.Detail = doc.Detail
		e.Problems = append(e.Problems, doc.Problem)
		found = true
	}
	for _, raw := range doc.Errors {
		var p gen.Problem
		if dec.Unmarshal(raw, &p) != nil {
			continue
		}
		if p.Type == "" && p.Title == "" && !found {
			// The older shape: {"errors":[{"code":89,"message":"..."}]}. Inside a problem
			// document, "errors" holds that problem's details instead, not more problems.
			var legacy struct {
				Code    *int32 `json:"code"`
				Message string `json:"message"`
			}
			if dec.Unmarshal(raw, &legacy) == nil && legacy.Code != nil && legacy.Message != "" {
				p.Title = legacy.Message
				p.Detail = legacy.Message
				p.Type = fmt.Sprintf("code:%d", *legacy.Code)
			}
		}
		if p.Type == "" && p.Title == "" {
			// A detail of the problem document: {"parameters":{...},"message":"..."}.
			var detail struct {
				Message string `json:"message"`
			}
			if found && dec.Unmarshal(raw, &detail) == nil && strings.TrimSpace(detail.Message) != "" {
				e.Messages = append(e.Messages, detail.Message)
			}
			continue
		}
		e.Problems = append(e.Problems, p)
		if !found {
			e.Type = ProblemType(p.Type)
			e.Title = p.Title
			e.Detail = p.Detail
			found = true
		}
	}
	if !found && doc.Error != "" {
		e.Title = doc.Error
		found = true
	}
	return found
}

// excerpt returns the start of a body as valid UTF-8 with whitespace collapsed.
func excerpt(body []byte) string {
	if len(body) > maxExcerpt {
		body = body[:maxExcerpt]
	}
	s := strings.ToValidUTF8(string(body), "\uFFFD")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxExcerpt {
		s = s[:maxExcerpt]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return s
}

func asError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// IsNotFound reports whether err is a 404 or a resource-not-found problem.
func IsNotFound(err error) bool {
	e, ok := asError(err)
	return ok && (e.StatusCode == http.StatusNotFound || e.HasProblem(ProblemResourceNotFound))
}

// IsRateLimited reports whether err is a 429 rate-limit answer. A usage cap is not a rate
// limit: see IsUsageCapExceeded.
func IsRateLimited(err error) bool {
	e, ok := asError(err)
	return ok && e.StatusCode == http.StatusTooManyRequests && !e.HasProblem(ProblemUsageCapExceeded)
}

// IsUsageCapExceeded reports whether the project's or account's post cap is used up.
// Waiting minutes does not help; the cap resets daily or monthly.
func IsUsageCapExceeded(err error) bool {
	e, ok := asError(err)
	return ok && e.HasProblem(ProblemUsageCapExceeded)
}

// IsUnauthorized reports whether the credentials were missing, wrong or expired (401).
func IsUnauthorized(err error) bool {
	e, ok := asError(err)
	return ok && e.StatusCode == http.StatusUnauthorized
}

// IsForbidden reports whether the credentials are valid but not allowed to do this (403),
// including an app-only token used where a user context is needed.
func IsForbidden(err error) bool {
	e, ok := asError(err)
	return ok && e.StatusCode == http.StatusForbidden
}

// IsUnsupportedAuthentication reports whether the endpoint needs another kind of
// authentication, such as a user token instead of an app-only bearer token.
func IsUnsupportedAuthentication(err error) bool {
	e, ok := asError(err)
	return ok && e.HasProblem(ProblemUnsupportedAuthentication)
}

// IsInvalidRequest reports whether the request was malformed (400 invalid-request).
func IsInvalidRequest(err error) bool {
	e, ok := asError(err)
	return ok && (e.HasProblem(ProblemInvalidRequest) || e.StatusCode == http.StatusBadRequest)
}

// IsServerError reports whether X (or a proxy in front of it) failed with a 5xx.
func IsServerError(err error) bool {
	e, ok := asError(err)
	return ok && e.StatusCode >= 500
}

// IsRuleProblem reports whether err carries a filtered-stream rule that X refused: a
// duplicate of a rule in force, invalid syntax, a rule X will not accept
// (noncompliant-rules), or one over the rule cap. Each refused rule is one of the
// *Error's Problems, with its Value.
func IsRuleProblem(err error) bool {
	e, ok := asError(err)
	return ok && (e.HasProblem(ProblemDuplicateRules) || e.HasProblem(ProblemInvalidRules) ||
		e.HasProblem(ProblemNonCompliantRules) || e.HasProblem(ProblemRulesCap))
}

// IsRulesCapReached reports whether a rule was refused because the project already has
// as many filtered-stream rules as its plan allows.
func IsRulesCapReached(err error) bool {
	e, ok := asError(err)
	return ok && e.HasProblem(ProblemRulesCap)
}
