package testserver

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// recorder is a testing.TB that keeps what Errorf says instead of failing.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
	r.mu.Unlock()
}

func (r *recorder) Helper() {}

func (r *recorder) messages() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errs...)
}

func TestValidationCatchesMalformedResponse(t *testing.T) {
	rec := &recorder{TB: t}
	breakID := func(op string, status int, body []byte) []byte {
		if op == "lookupTweet" {
			// A Tweet id must be a numeric string: break it.
			return bytes.Replace(body, []byte(`"id":"`+JackFirstTweetID+`"`), []byte(`"id":"not-a-number"`), 1)
		}
		return body
	}
	s := Start(rec, WithResponseMutator(breakID))
	c := newTC(t, s)
	r := c.get("/2/tweets/"+JackFirstTweetID, c.app())
	wantStatus(t, r, 200) // the response still goes out
	if r.str("data", "id") != "not-a-number" {
		t.Fatalf("mutator not applied: %s", r.raw)
	}
	msgs := rec.messages()
	if len(msgs) == 0 {
		t.Fatal("malformed response not reported")
	}
	if !strings.Contains(msgs[0], "lookupTweet") || !strings.Contains(msgs[0], `"/data/id"`) {
		t.Errorf("report should name the operation and the field: %s", msgs[0])
	}
	v := s.Violations()
	if len(v) != 1 || v[0].OperationID != "lookupTweet" || v[0].Kind != "response" || v[0].Status != 200 {
		t.Errorf("violations: %+v", v)
	}
	// Other operations are untouched.
	r = c.get("/2/users/"+JackID, c.app())
	wantStatus(t, r, 200)
	if len(s.Violations()) != 1 {
		t.Errorf("unexpected: %v", s.Violations())
	}
}

func TestValidationCatchesMissingRequiredField(t *testing.T) {
	s, err := New(WithResponseMutator(func(op string, status int, body []byte) []byte {
		return bytes.Replace(body, []byte(`,"username":"jack"`), nil, 1)
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := newTC(t, s)
	c.get("/2/users/"+JackID, c.app())
	v := s.Violations()
	if len(v) == 0 || !strings.Contains(v[0].Message, "username") {
		t.Fatalf("missing required username not caught: %+v", v)
	}
}

func TestRequestViolationFailsTest(t *testing.T) {
	rec := &recorder{TB: t}
	s := Start(rec)
	c := newTC(t, s)
	r := c.get("/2/tweets/search/recent?query=gopher&max_results=500", c.app())
	wantStatus(t, r, 400)
	if r.at("errors", 0, "parameters", "max_results") == nil ||
		r.str("errors", 0, "message") != "The `max_results` query parameter value [500] is not between 10 and 100" {
		t.Errorf("invalid request body: %s", r.raw)
	}
	msgs := rec.messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0], "searchRecentTweets") || !strings.Contains(msgs[0], "max_results") {
		t.Errorf("request violation report: %v", msgs)
	}
}

func TestUnknownRoute(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/nothing/here", c.app())
	wantStatus(t, r, 404)
	r = c.get("/2/openapi.json", "")
	wantStatus(t, r, 200)
	if r.str("openapi") != "3.0.3" {
		t.Errorf("openapi document: %.200s", r.raw)
	}
}

// TestProblemContentType pins how problems go out: as application/json, as X sends them,
// which the document's error responses accept in both shapes X uses there.
func TestProblemContentType(t *testing.T) {
	c, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	problem, _ := json.Marshal(badParam("next_token", "zzzz", "The `next_token` query parameter value [zzzz] is not valid"))
	older := []byte(`{"code":215,"message":"Bad Authentication data."}`)
	for _, op := range []string{"searchRecentTweets", "countAllTweets", "lookupUser", "createTweet"} {
		rt := c.lookupRoute(op)
		in := &openapi3filter.RequestValidationInput{
			Request: httptest.NewRequest(rt.method, "http://127.0.0.1"+rt.path, nil),
			Route:   rt.kin, Options: filterOptions,
		}
		for _, body := range [][]byte{problem, older} {
			if msgs := validateResponse(context.Background(), in, 400, "application/json; charset=utf-8", body); len(msgs) != 0 {
				t.Errorf("%s: %s as application/json breaks the document: %v", op, body, msgs)
			}
		}
		if msgs := validateResponse(context.Background(), in, 400, "application/json", []byte(`{"detail":"no type, no title"}`)); len(msgs) == 0 {
			t.Errorf("%s: an error body of neither shape is accepted", op)
		}
	}
	// And the server sends them so.
	s := Start(t)
	r := newTC(t, s).get("/2/tweets/search/recent?query=gopher&next_token=zzzz", s.AppBearerToken())
	if r.status != 400 || r.header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("problem sent as %q (%d)", r.header.Get("Content-Type"), r.status)
	}
}

// TestSchemaPatternsAreTheDocuments: every schema the fake's checks name (schemaPattern)
// states a pattern in the document, and schemaPattern gives it, so no check panics on a
// path the tests do not take; a name without one panics.
func TestSchemaPatternsAreTheDocuments(t *testing.T) {
	c, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	for _, schema := range literalArgs(t, "schemaPattern") {
		ref := c.doc.Components.Schemas[schema]
		if ref == nil || ref.Value == nil || ref.Value.Pattern == "" {
			t.Errorf("schemaPattern(%q): the document states no pattern for it", schema)
			continue
		}
		if got := schemaPattern(schema).String(); got != ref.Value.Pattern {
			t.Errorf("schemaPattern(%q) = %s; the document says %s", schema, got, ref.Value.Pattern)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("schemaPattern of a schema without a pattern did not panic")
		}
	}()
	schemaPattern("Problem")
}

// TestSchemaEnumsAreTheDocuments: every enum the fake's checks name (schemaEnum) is one
// the document states, whole, so no check panics on a path the tests do not take; a
// name without one panics.
func TestSchemaEnumsAreTheDocuments(t *testing.T) {
	if got := schemaEnum("MediaCategory"); !slices.Contains(got, "tweet_image") || !slices.Contains(got, "subtitles") {
		t.Errorf("schemaEnum(MediaCategory) = %v", got)
	}
	if got := schemaEnum("MediaUploadConfigRequest.media_type"); !slices.Contains(got, "video/mp4") {
		t.Errorf("schemaEnum(MediaUploadConfigRequest.media_type) = %v", got)
	}
	for _, name := range literalArgs(t, "schemaEnum") {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("schemaEnum(%q): %v", name, r)
				}
			}()
			schemaEnum(name)
		}()
	}
	for _, name := range []string{"Problem", "MediaUploadConfigRequest.total_bytes", "NoSuchSchema"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("schemaEnum(%q), of no enum, did not panic", name)
				}
			}()
			schemaEnum(name)
		}()
	}
}

// TestSchemaLimitsAreTheDocuments: every limit the fake's checks name (schemaMaxLength
// and the others) is one the document states there, read here from the document itself
// (the schema, or its property written in place), so no check panics on a path the tests
// do not take and none holds another number; a name without one panics.
func TestSchemaLimitsAreTheDocuments(t *testing.T) {
	c, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	// documented is what the document states under keyword for name, read from its schema.
	documented := func(keyword, name string) (float64, bool) {
		schema, prop, isProp := strings.Cut(name, ".")
		ref := c.doc.Components.Schemas[schema]
		if ref == nil || ref.Value == nil {
			return 0, false
		}
		s := ref.Value
		if isProp {
			p := s.Properties[prop]
			if p == nil || p.Value == nil || p.Ref != "" {
				return 0, false
			}
			s = p.Value
		}
		raw, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		v, ok := m[keyword].(float64)
		return v, ok
	}
	for _, fn := range []struct {
		name, keyword string
		limit         func(string) int
	}{
		{"schemaMaxLength", "maxLength", schemaMaxLength},
		{"schemaMinLength", "minLength", schemaMinLength},
		{"schemaMaxItems", "maxItems", schemaMaxItems},
		{"schemaMinItems", "minItems", schemaMinItems},
		{"schemaMaximum", "maximum", schemaMaximum},
		{"schemaMinimum", "minimum", schemaMinimum},
	} {
		for _, name := range literalArgs(t, fn.name) {
			want, ok := documented(fn.keyword, name)
			if !ok {
				t.Errorf("%s(%q): the document states no %s for it", fn.name, name, fn.keyword)
				continue
			}
			if got := fn.limit(name); float64(got) != want {
				t.Errorf("%s(%q) = %d; the document says %v", fn.name, name, got, want)
			}
		}
	}
	for _, name := range []string{"Problem", "ListCreateRequest.name.x", "NoSuchSchema", "ListCreateRequest.description"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("schemaMinLength(%q), of no minLength, did not panic", name)
				}
			}()
			schemaMinLength(name)
		}()
	}
}

// literalArgs lists the string literals the package's sources give fn, its only
// argument, failing t for a call with another argument or when no call has one.
func literalArgs(t *testing.T, fn string) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if id, isID := callee(call, ok); !isID || id != fn || len(call.Args) != 1 {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				t.Errorf("%s: %s of a name that is not a literal", name, fn)
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			names = append(names, s)
			return true
		})
	}
	if len(names) == 0 {
		t.Fatalf("no check calls %s", fn)
	}
	return names
}

// callee is the name of the function a call calls, when it is a plain identifier.
func callee(call *ast.CallExpr, ok bool) (string, bool) {
	if !ok {
		return "", false
	}
	id, isID := call.Fun.(*ast.Ident)
	if !isID {
		return "", false
	}
	return id.Name, true
}
