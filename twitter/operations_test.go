package twitter

import (
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/openapi"
)

// TestOperationsAreTheDocuments checks operations.gen.go against the document it is
// generated from: one entry for each operation, under its method and path (the name rate
// limits are kept and errors reported by), safe to repeat exactly when it is a GET; and
// every operation names the facade methods that call it, which exist.
func TestOperationsAreTheDocuments(t *testing.T) {
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // operationId → endpoint name
	for path, item := range doc.Paths.Map() {
		for method, o := range item.Operations() {
			want[o.OperationID] = method + " " + path
		}
	}
	got := map[string]*opFacts{}
	for _, op := range operations {
		if got[op.id] != nil {
			t.Errorf("%s twice", op.id)
		}
		got[op.id] = op
	}
	if len(got) != len(want) {
		t.Errorf("%d operations, the document has %d", len(got), len(want))
	}
	c, err := NewClient()
	if err != nil {
		t.Fatal(err)
	}
	for id, name := range want {
		op := got[id]
		if op == nil {
			t.Errorf("%s (%s) is missing: run go generate ./...", id, name)
			continue
		}
		if op.name != name || op.idempotent != strings.HasPrefix(name, "GET ") {
			t.Errorf("%s: endpoint %+v, want %q", id, op.endpoint, name)
		}
		if len(op.facade) == 0 {
			t.Errorf("%s (%s): no facade method calls it (x-twitter-facade)", id, name)
		}
		for _, m := range op.facade {
			if !hasMethod(c, m) {
				t.Errorf("%s: x-twitter-facade names %s, which is not a method of the facade", id, m)
			}
		}
	}
}

// hasMethod reports whether "Service.Method" (or "Client.Method") is a method of c.
func hasMethod(c *Client, name string) bool {
	service, method, _ := strings.Cut(name, ".")
	v := reflect.ValueOf(c)
	if service != "Client" {
		v = v.Elem().FieldByName(service)
		if !v.IsValid() {
			return false
		}
	}
	return v.MethodByName(method).IsValid()
}

// TestEveryOperationReadsProblemsAsDeclared sends every operation of the document to the
// fake X API, which answers 200 with a body of only "errors", and checks that do reads it
// as the operation's declared outcome: perItem returns the problem as a partial error,
// needData (no data beside it) and allOrNothing fail with an *Error carrying the 200 and
// the problem, and none ignores the body. It goes through the typed accessors
// operations.gen.go writes for each response type, so an operation whose type lost its
// "errors" (as the hidden-reply answer had) fails here.
func TestEveryOperationReadsProblemsAsDeclared(t *testing.T) {
	s := testserver.Start(t)
	c, err := NewClient(WithBaseURL(s.URL()), WithBearerToken(s.AppBearerToken()), WithRetryPolicy(NoRetries()))
	if err != nil {
		t.Fatal(err)
	}
	if len(operationCalls) != len(operations) {
		t.Fatalf("%d calls for %d operations: run go generate ./...", len(operationCalls), len(operations))
	}
	ctx := context.Background()
	for _, op := range operations {
		call := operationCalls[op.id]
		if call == nil {
			t.Errorf("%s: no call", op.id)
			continue
		}
		s.Inject(op.id, testserver.Fault{Kind: testserver.FaultProblems, Times: 1})
		method, path, _ := strings.Cut(op.name, " ")
		send := func(ctx context.Context) (*http.Response, error) {
			req, err := http.NewRequestWithContext(ctx, method, s.URL()+fillPath(path), nil)
			if err != nil {
				return nil, err
			}
			return c.httpClient.Do(req)
		}
		resp, err := call(ctx, c, send)
		var apiErr *Error
		switch op.outcome {
		case perItem:
			if err != nil || resp == nil || len(resp.PartialErrors) != 1 {
				t.Errorf("%s (perItem): %v, %+v; want success with one partial error", op.id, err, resp)
			}
		case needData, allOrNothing:
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusOK || len(apiErr.Problems) != 1 ||
				apiErr.Endpoint != op.name || !apiErr.HasProblem(ProblemResourceNotFound) {
				t.Errorf("%s (%v): %v; want an *Error with status 200 and the problem", op.id, op.outcome, err)
			}
		case none:
			if err != nil || resp == nil || len(resp.PartialErrors) != 0 {
				t.Errorf("%s (none): %v, %+v; want success, the body unread", op.id, err, resp)
			}
		default:
			t.Errorf("%s: outcome %v", op.id, op.outcome)
		}
	}
	if v := s.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

// fillPath puts a numeric id into each parameter of a path template.
func fillPath(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, "{") {
			parts[i] = "1"
		}
	}
	return strings.Join(parts, "/")
}

// TestPagedOperationsHaveTheirFacts: every operation that takes a pagination token has its
// page facts, and its page function reads the token of the next page.
func TestPagedOperationsHaveTheirFacts(t *testing.T) {
	n := 0
	for _, op := range operations {
		if op.paging == nil {
			continue
		}
		n++
		p := op.paging
		if !slices.Contains([]string{"pagination_token", "next_token"}, p.tokenParam) || p.nextToken != "next_token" || p.item == "" {
			t.Errorf("%s: page facts %+v", op.id, p)
		}
		if (p.sizeParam == "") != (op.size == pageSize{}) || op.size.min > op.size.max {
			t.Errorf("%s: page size %+v for %q", op.id, op.size, p.sizeParam)
		}
	}
	if n == 0 {
		t.Fatal("no paginated operation")
	}
	r := opListFollowers.page(&gen.UsersFollowingLookupResponse{Data: []gen.User{{ID: "1"}}, Meta: gen.UsersFollowingLookupResponseMeta{NextToken: "n", ResultCount: 1}})
	if r.NextToken != "n" || len(r.Items) != 1 || r.Meta.ResultCount != 1 || r.Includes == nil {
		t.Errorf("page of a followers response: %+v", r)
	}
}

// TestREADMEListsEveryIterator checks the iterators column of README's coverage table
// against the facts: it names exactly the facade methods of the document's paginated
// operations that have <Method>Iter and <Method>Pages, so the list cannot drift from the
// document. A cell names the service with its first method (`Users.Followers`,
// `Following`).
func TestREADMEListsEveryIterator(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const header = "| area | methods (`c.<Service>.<Method>`) | iterators (`<Method>Iter`, `<Method>Pages`) |\n"
	_, table, ok := strings.Cut(string(readme), header)
	if !ok {
		t.Fatalf("README has no coverage table with the header %q", header)
	}
	name := regexp.MustCompile("`([A-Za-z]+(?:\\.[A-Za-z]+)?)`")
	listed := map[string]bool{}
	for row := range strings.SplitSeq(table, "\n") {
		if !strings.HasPrefix(row, "| ") {
			break
		}
		cells := strings.Split(row, "|") // "", area, methods, iterators, ""
		if len(cells) != 5 {
			t.Fatalf("README row %q has %d cells, want 3", row, len(cells)-2)
		}
		service := ""
		for _, m := range name.FindAllStringSubmatch(cells[3], -1) {
			method := m[1]
			if s, rest, ok := strings.Cut(method, "."); ok {
				service, method = s, rest
			}
			if service == "" {
				t.Errorf("README row %q: iterator %s names no service", cells[1], method)
				continue
			}
			listed[service+"."+method] = true
		}
	}
	c, err := NewClient()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, op := range operations {
		for _, m := range op.facade {
			if op.paging != nil && hasMethod(c, m+"Iter") && hasMethod(c, m+"Pages") {
				want[m] = true
			}
		}
	}
	if len(want) < 30 {
		t.Fatalf("only %d facade methods with iterators: the facts are not what this test reads", len(want))
	}
	for _, m := range slices.Sorted(maps.Keys(want)) {
		if !listed[m] {
			t.Errorf("README's iterators column leaves out %s (%sIter, %sPages)", m, m, m)
		}
	}
	for _, m := range slices.Sorted(maps.Keys(listed)) {
		if !want[m] {
			t.Errorf("README's iterators column lists %s, which has no iterators", m)
		}
	}
}

// TestDocCommentsStateTheDocumentsPageSizes holds every doc comment that names page sizes
// ("MaxResults is 1 to 100") to the operation's facts: a method's, and an option struct's
// when the methods that take it share one range. So a bound the document changes cannot
// live on in a hand-written comment.
func TestDocCommentsStateTheDocumentsPageSizes(t *testing.T) {
	sizes := map[string]pageSize{}
	for _, op := range operations {
		for _, m := range op.facade {
			if op.size.max > 0 {
				sizes[m] = op.size
			}
		}
	}
	bounds := regexp.MustCompile(`MaxResults is (\d+) to (\d+)`)
	say := func(where string, doc *ast.CommentGroup, size pageSize) bool {
		if doc == nil {
			return false
		}
		m := bounds.FindStringSubmatch(strings.Join(strings.Fields(doc.Text()), " "))
		if m == nil {
			return false
		}
		if m[1] != strconv.Itoa(size.min) || m[2] != strconv.Itoa(size.max) {
			t.Errorf("%s: the doc comment says MaxResults is %s to %s, the document %d to %d", where, m[1], m[2], size.min, size.max)
		}
		return true
	}
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var decls []ast.Decl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		decls = append(decls, f.Decls...)
	}
	// The ranges of the methods that take each option struct.
	optionSizes := map[string]map[pageSize]bool{}
	checked := 0
	for _, d := range decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil {
			continue
		}
		star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
		if !ok {
			continue
		}
		recv, ok := star.X.(*ast.Ident)
		if !ok {
			continue
		}
		method := strings.TrimSuffix(recv.Name, "Service") + "." + fn.Name.Name
		size, known := sizes[method]
		if !known {
			continue
		}
		if say(method, fn.Doc, size) {
			checked++
		}
		if ps := fn.Type.Params.List; len(ps) > 0 {
			if opt, ok := ps[len(ps)-1].Type.(*ast.StarExpr); ok {
				if id, ok := opt.X.(*ast.Ident); ok {
					if optionSizes[id.Name] == nil {
						optionSizes[id.Name] = map[pageSize]bool{}
					}
					optionSizes[id.Name][size] = true
				}
			}
		}
	}
	for _, d := range decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			ts, ok := spec.(*ast.TypeSpec)
			if !ok {
				continue
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok || len(optionSizes[ts.Name.Name]) != 1 {
				continue
			}
			var size pageSize
			for s := range optionSizes[ts.Name.Name] {
				size = s
			}
			for _, f := range st.Fields.List {
				if say(ts.Name.Name, f.Doc, size) {
					checked++
				}
			}
		}
	}
	if checked < 30 {
		t.Errorf("only %d doc comments checked", checked)
	}
}
