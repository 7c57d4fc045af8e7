package testserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/twitterkit/go/openapi"
)

// Violation is one way a request or a response broke the API document.
type Violation struct {
	OperationID string // operationId in the document, e.g. "lookupTweet"
	Route       string // "METHOD /2/path/{param}" as in the document
	Kind        string // "request" or "response"
	Status      int    // status of the response (for Kind "response")
	Message     string // what broke, naming the parameter or the JSON field
}

func (v Violation) String() string {
	if v.Kind == "response" {
		return fmt.Sprintf("contract violation: response %d of %s (%s): %s", v.Status, v.OperationID, v.Route, v.Message)
	}
	return fmt.Sprintf("contract violation: request to %s (%s): %s", v.OperationID, v.Route, v.Message)
}

// route is one operation of the document, ready to match requests against.
type route struct {
	opID     string
	method   string
	path     string
	key      string // "GET /2/users/{id}"
	segs     []string
	nparams  int
	op       *openapi3.Operation
	security openapi3.SecurityRequirements
	query    map[string]bool // query parameters the operation declares
	kin      *routers.Route
}

// contract is the parsed document and its routes, built once per process and shared by
// every Server (read-only after construction).
type contract struct {
	doc     *openapi3.T
	routes  []*route
	byKey   map[string]*route
	docJSON []byte
	// patterns are the patterns of the document's named schemas, compiled, by schema name
	// (those Go's regexp cannot compile, as a lookahead, are left out).
	patterns map[string]*regexp.Regexp
	// limits are the lengths, counts and ranges the document states on its named schemas
	// and their properties written in place, by keyword ("maxLength") and then name
	// ("ListCreateRequest.name", "PollOptionLabel").
	limits map[string]map[string]int
}

var loadContract = sync.OnceValues(func() (*contract, error) {
	doc, err := openapi.Load()
	if err != nil {
		return nil, err
	}
	c := &contract{doc: doc, byKey: map[string]*route{}}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			rt := &route{
				opID:   op.OperationID,
				method: method,
				path:   path,
				key:    method + " " + path,
				segs:   strings.Split(strings.Trim(path, "/"), "/"),
				op:     op,
				query:  map[string]bool{},
			}
			for _, s := range rt.segs {
				if strings.HasPrefix(s, "{") {
					rt.nparams++
				}
			}
			if op.Security != nil {
				rt.security = *op.Security
			} else {
				rt.security = doc.Security
			}
			params := append(openapi3.Parameters{}, item.Parameters...)
			params = append(params, op.Parameters...)
			for _, p := range params {
				if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
					rt.query[p.Value.Name] = true
				}
			}
			rt.kin = &routers.Route{Spec: doc, Path: path, PathItem: item, Method: method, Operation: op}
			c.routes = append(c.routes, rt)
			c.byKey[rt.key] = rt
			c.byKey[rt.opID] = rt
		}
	}
	// Literal segments beat parameters: /2/users/by before /2/users/{id}.
	sort.Slice(c.routes, func(i, j int) bool {
		if c.routes[i].nparams != c.routes[j].nparams {
			return c.routes[i].nparams < c.routes[j].nparams
		}
		return c.routes[i].key < c.routes[j].key
	})
	c.docJSON, err = json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	// Schemas of one pattern share its compiled form (the document's 32 patterns are 13).
	c.patterns = map[string]*regexp.Regexp{}
	compiled := map[string]*regexp.Regexp{}
	for name, ref := range doc.Components.Schemas {
		if ref.Value == nil || ref.Value.Pattern == "" {
			continue
		}
		re, seen := compiled[ref.Value.Pattern]
		if !seen {
			re, _ = regexp.Compile(ref.Value.Pattern) // nil: one Go cannot compile
			compiled[ref.Value.Pattern] = re
		}
		if re != nil {
			c.patterns[name] = re
		}
	}
	c.limits = map[string]map[string]int{}
	for name, ref := range doc.Components.Schemas {
		if ref.Value == nil {
			continue
		}
		c.addLimits(name, ref.Value)
		for prop, p := range ref.Value.Properties {
			if p.Ref == "" && p.Value != nil { // a $ref states its limits under its own name
				c.addLimits(name+"."+prop, p.Value)
			}
		}
	}
	return c, nil
})

// addLimits records the limits schema s states, under name. A minLength or minItems of 0
// states nothing (kin-openapi cannot tell it from none).
func (c *contract) addLimits(name string, s *openapi3.Schema) {
	add := func(keyword string, v int) {
		if c.limits[keyword] == nil {
			c.limits[keyword] = map[string]int{}
		}
		c.limits[keyword][name] = v
	}
	if s.MaxLength != nil {
		add("maxLength", int(*s.MaxLength))
	}
	if s.MinLength > 0 {
		add("minLength", int(s.MinLength))
	}
	if s.MaxItems != nil {
		add("maxItems", int(*s.MaxItems))
	}
	if s.MinItems > 0 {
		add("minItems", int(s.MinItems))
	}
	if s.Max != nil {
		add("maximum", int(*s.Max))
	}
	if s.Min != nil {
		add("minimum", int(*s.Min))
	}
}

// schemaLimit is the limit (keyword: "maxLength") the document states for a named schema
// ("PollOptionLabel") or a property of one ("ListCreateRequest.name"), for the seeding and
// handler checks, so that they restate no limit of the document; schemaMaxLength and the
// others name the keyword. A name without one is the fake's own mistake, and panics at its
// first use in the tests.
func schemaLimit(keyword, name string) int {
	c, err := loadContract()
	if err != nil {
		panic(fmt.Sprintf("testserver: the API document: %v", err))
	}
	v, ok := c.limits[keyword][name]
	if !ok {
		panic("testserver: the API document states no " + keyword + " for " + name)
	}
	return v
}

func schemaMaxLength(name string) int { return schemaLimit("maxLength", name) }
func schemaMinLength(name string) int { return schemaLimit("minLength", name) }
func schemaMaxItems(name string) int  { return schemaLimit("maxItems", name) }
func schemaMinItems(name string) int  { return schemaLimit("minItems", name) }
func schemaMaximum(name string) int   { return schemaLimit("maximum", name) }
func schemaMinimum(name string) int   { return schemaLimit("minimum", name) }

// schemaPattern is the pattern the document states for the named schema ("UserID"), for
// the seeding checks, so that they restate no pattern of the document. A name without
// one is the fake's own mistake, and panics at its first use in the tests.
func schemaPattern(name string) *regexp.Regexp {
	c, err := loadContract()
	if err != nil {
		panic(fmt.Sprintf("testserver: the API document: %v", err))
	}
	re := c.patterns[name]
	if re == nil {
		panic("testserver: the API document states no pattern for schema " + name)
	}
	return re
}

// schemaEnum is the enum the document states for a named schema ("MediaCategory") or a
// property of one ("MediaUploadConfigRequest.media_type"), for the seeding checks, as
// schemaPattern is for patterns. A name without one is the fake's own mistake, and
// panics at its first use in the tests.
func schemaEnum(name string) []string {
	c, err := loadContract()
	if err != nil {
		panic(fmt.Sprintf("testserver: the API document: %v", err))
	}
	schema, prop, _ := strings.Cut(name, ".")
	var enum []any
	if ref := c.doc.Components.Schemas[schema]; ref != nil && ref.Value != nil {
		enum = ref.Value.Enum
		if prop != "" {
			enum = nil
			if p := ref.Value.Properties[prop]; p != nil && p.Value != nil {
				enum = p.Value.Enum
			}
		}
	}
	out := make([]string, 0, len(enum))
	for _, v := range enum {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		panic("testserver: the API document states no enum of strings for " + name)
	}
	return out
}

// match finds the operation for a method and path, with its path parameters.
func (c *contract) match(method, path string) (*route, map[string]string) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for _, rt := range c.routes {
		if rt.method != method || len(rt.segs) != len(segs) {
			continue
		}
		var params map[string]string
		ok := true
		for i, s := range rt.segs {
			if strings.HasPrefix(s, "{") {
				if segs[i] == "" {
					ok = false
					break
				}
				if params == nil {
					params = map[string]string{}
				}
				params[strings.Trim(s, "{}")] = segs[i]
			} else if s != segs[i] {
				ok = false
				break
			}
		}
		if ok {
			return rt, params
		}
	}
	return nil, nil
}

// lookupRoute resolves a route name as used by Inject and WithRateLimit: "METHOD /path"
// or an operationId.
func (c *contract) lookupRoute(name string) *route { return c.byKey[name] }

var filterOptions = &openapi3filter.Options{
	MultiError:         true,
	AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
	// The server checks credentials itself, per operation, from the document.
}

var responseOptions = &openapi3filter.Options{
	MultiError:            true,
	IncludeResponseStatus: true,
	AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
}

// paramIssue is one bad parameter, for X's invalid-request problem.
type paramIssue struct {
	name, value, message string
}

// validateRequest checks r (whose body has been read into body) against the operation.
// It returns nothing when the request is fine.
func validateRequest(ctx context.Context, rt *route, r *http.Request, pathParams map[string]string, body []byte) (*openapi3filter.RequestValidationInput, []paramIssue) {
	var issues []paramIssue
	q := r.URL.Query()
	var unknown []string
	for name := range q {
		if !rt.query[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		allowed := make([]string, 0, len(rt.query))
		for n := range rt.query {
			allowed = append(allowed, n)
		}
		sort.Strings(allowed)
		issues = append(issues, paramIssue{name: name, value: q.Get(name),
			message: fmt.Sprintf("The query parameter [%s] is not one of [%s]", name, strings.Join(allowed, ","))})
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: pathParams,
		Route:      rt.kin,
		Options:    filterOptions,
	}
	if len(unknown) > 0 {
		// Leave the unknown ones out so kin-openapi judges only the known parameters.
		known := url.Values{}
		for k, v := range q {
			if rt.query[k] {
				known[k] = v
			}
		}
		in.QueryParams = known
	}
	err := openapi3filter.ValidateRequest(ctx, in)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		issues = append(issues, requestIssues(err, q, pathParams)...)
	}
	return in, issues
}

func requestIssues(err error, q url.Values, pathParams map[string]string) []paramIssue {
	var out []paramIssue
	for _, e := range flatten(err) {
		var re *openapi3filter.RequestError
		if errors.As(e, &re) {
			if p := re.Parameter; p != nil {
				value := q.Get(p.Name)
				if p.In == openapi3.ParameterInPath {
					value = pathParams[p.Name]
				}
				out = append(out, paramIssue{name: p.Name, value: value, message: paramMessage(p, value, re)})
				continue
			}
			if re.RequestBody != nil {
				out = append(out, paramIssue{name: "body", message: "The request body is not valid: " + strings.Join(schemaMessages(re.Err), "; ")})
				continue
			}
			out = append(out, paramIssue{name: "request", message: re.Error()})
			continue
		}
		out = append(out, paramIssue{name: "request", message: e.Error()})
	}
	return out
}

// paramMessage words a bad parameter the way X does.
func paramMessage(p *openapi3.Parameter, value string, re *openapi3filter.RequestError) string {
	where := p.In
	if re.Err == nil && strings.Contains(re.Reason, "required") || value == "" && p.Required {
		return fmt.Sprintf("The `%s` %s parameter can not be empty", p.Name, where)
	}
	if s := p.Schema; s != nil && s.Value != nil && (s.Value.Min != nil || s.Value.Max != nil) && s.Value.Type.Is("integer") {
		lo, hi := "", ""
		if s.Value.Min != nil {
			lo = fmt.Sprint(*s.Value.Min)
		}
		if s.Value.Max != nil {
			hi = fmt.Sprint(*s.Value.Max)
		}
		return fmt.Sprintf("The `%s` %s parameter value [%s] is not between %s and %s", p.Name, where, value, lo, hi)
	}
	return fmt.Sprintf("The `%s` %s parameter value [%s] is not valid: %s", p.Name, where, value, strings.Join(schemaMessages(re.Err), "; "))
}

// flatten unwraps kin-openapi's multi-errors into single errors.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if me, ok := err.(openapi3.MultiError); ok {
		var out []error
		for _, e := range me {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// schemaMessages words schema errors with the JSON pointer of the field at fault.
func schemaMessages(err error) []string {
	var out []string
	for _, e := range flatten(err) {
		var se *openapi3.SchemaError
		if errors.As(e, &se) {
			ptr := "/" + strings.Join(se.JSONPointer(), "/")
			out = append(out, fmt.Sprintf("field %q: %s", ptr, se.Reason))
			continue
		}
		var re *openapi3filter.ResponseError
		if errors.As(e, &re) && re.Err != nil {
			msgs := schemaMessages(re.Err)
			if len(msgs) == 1 && msgs[0] == re.Err.Error() {
				out = append(out, re.Reason+": "+msgs[0])
			} else {
				out = append(out, msgs...)
			}
			continue
		}
		if e != nil {
			out = append(out, e.Error())
		}
	}
	return out
}

// validateResponse checks one response (or one stream line) against the operation.
func validateResponse(ctx context.Context, in *openapi3filter.RequestValidationInput, status int, contentType string, body []byte) []string {
	h := http.Header{}
	h.Set("Content-Type", contentType)
	rin := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 status,
		Header:                 h,
		Options:                responseOptions,
	}
	rin.SetBodyBytes(body)
	err := openapi3filter.ValidateResponse(ctx, rin)
	if err == nil {
		return nil
	}
	return schemaMessages(err)
}

// report records a violation and, under Start, fails the test that caused it.
func (s *Server) report(v Violation) {
	s.vmu.Lock()
	s.violations = append(s.violations, v)
	s.vmu.Unlock()
	if s.tb != nil && !(v.Kind == "request" && s.cfg.invalidRequestsOK) {
		s.tb.Errorf("testserver: %s", v)
	}
}

// Violations returns every contract violation seen so far: requests and responses that
// broke the API document. Under Start each one has also failed the test.
func (s *Server) Violations() []Violation {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	return append([]Violation(nil), s.violations...)
}
