// Command opfacts writes the facade's per-operation facts (twitter/operations.gen.go) from
// the API document, so that the document is the one place that describes an operation.
//
// For every operation it states the endpoint name ("GET /2/users/{id}/followers"), whether
// it is safe to send again, the facade methods that call it, the outcome of a 2xx answer
// that carries "errors", typed accessors for the "errors" and "data" members of its
// response type (no reflection in the call path) and, for a paginated operation, its page
// sizes, pagination token names and a function that turns a response into a Page.
//
// The facade's own facts live in the document as extensions of each operation:
//
//	x-twitter-facade: Users.Followers     # or a list; absent: reached only through Raw
//	x-twitter-outcome: needData           # perItem, needData, allOrNothing or none
//
// An absent outcome defaults to needData for a GET and allOrNothing for other methods when
// the response type has "errors", and to none when it has not. A declared outcome that the
// response type cannot carry (no "errors", or needData without "data") is an error, as is a
// response type the generated client does not have.
//
// The Go types of the generated client (package gen) are read with go/types, so run it
// after oapi-codegen: `go generate ./...` does, since gen comes before twitter.
//
// It also lists the values of every enum of the generated client (twitter/enums.gen.go), in
// the document's order, so that an option or request value outside the document's enum is
// refused with the values it takes.
//
// The single-page methods of plain paginated reads are generated too (twitter/methods.gen.go)
// when their operation carries x-twitter-method (see methods.go), and the iterators of
// every paginated operation (twitter/iterators.gen.go) around its single-page method, and
// the patterns the facade checks arguments against (twitter/patterns.gen.go, see patterns.go),
// each named after the schema that states it, and the lengths, counts and ranges it checks
// them against (twitter/limits.gen.go, see limits.go), each named after its keyword and the
// place that states it.
//
// Usage (from package twitter): opfacts -spec ../openapi/twitter-v2.yaml -o operations.gen.go
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"slices"
	"sort"
	"strings"
	"text/template"

	"github.com/getkin/kin-openapi/openapi3"
)

const genPath = "github.com/twitterkit/go/gen"

func main() {
	spec := flag.String("spec", "../openapi/twitter-v2.yaml", "the API document")
	out := flag.String("o", "operations.gen.go", "the file to write")
	testOut := flag.String("test", "operations_gen_test.go", "the test file to write (each operation's call through do)")
	iterOut := flag.String("iter", "iterators.gen.go", "the file of iterators to write")
	enumOut := flag.String("enums", "enums.gen.go", "the file of enum values to write (for argument errors)")
	methodOut := flag.String("methods", "methods.gen.go", "the file of generated single-page methods to write (x-twitter-method)")
	patternOut := flag.String("patterns", "patterns.gen.go", "the file of the patterns the facade checks to write")
	limitOut := flag.String("limits", "limits.gen.go", "the file of the limits the facade checks to write")
	facade := flag.String("facade", ".", "the folder of package twitter, whose single-page methods the iterators wrap")
	flag.Parse()
	files, err := generate(*spec, *facade)
	for _, f := range []struct {
		name string
		src  []byte
	}{{*out, files.facts}, {*methodOut, files.methods}, {*patternOut, files.patterns}, {*limitOut, files.limits}, {*enumOut, files.enums}, {*iterOut, files.iters}, {*testOut, files.test}} {
		if err == nil {
			err = os.WriteFile(f.name, f.src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "opfacts:", err)
		os.Exit(1)
	}
}

// output is what generate writes: the source of each generated file of package twitter.
type output struct {
	facts, test, iters, enums, methods, patterns, limits []byte
}

// op is what the template needs of one operation.
type op struct {
	ID, Var, Method, Path string
	Idempotent            bool
	Public                bool // its security is empty: no credentials needed
	Facade                []string
	Outcome               string
	Type                  string // Go type of the 2xx body, as written in package twitter
	Errors                bool   // the type has Errors []gen.Problem
	HasData               string // Go expression over r: is "data" present; "" when none
	Min, Max              int    // the bounds of max_results; 0, 0 when the operation takes none
	Paging                *paging
}

type paging struct {
	Min, Max        int    // max_results bounds; 0, 0 when the operation has no page size
	SizeParam       string // "max_results" or ""
	TokenParam      string // the query parameter that takes a token: pagination_token, next_token
	NextToken       string // the meta member with the next page's token
	Item            string // Go type of an item: gen.User
	ItemName        string // User
	Includes        string // expression for *gen.Expansions: "&r.Includes", "r.Includes" or "nil"
	Meta            []string
	PageMetaLiteral string
}

type generator struct {
	doc      *openapi3.T
	gen      *types.Package
	problems types.Type
	helpers  map[string]string // nonZero helper name -> body
	errs     []string
}

func generate(spec, facadeDir string) (out output, err error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(spec)
	if err != nil {
		return output{}, fmt.Errorf("reading %s: %w", spec, err)
	}
	pkg, err := importer.ForCompiler(token.NewFileSet(), "source", nil).Import(genPath)
	if err != nil {
		return output{}, fmt.Errorf("type-checking %s: %w", genPath, err)
	}
	g := &generator{doc: doc, gen: pkg, helpers: map[string]string{}}
	p := pkg.Scope().Lookup("Problem")
	if p == nil {
		return output{}, errors.New("gen has no Problem type")
	}
	g.problems = types.NewSlice(p.Type())

	var ops []op
	byID := map[string]*openapi3.Operation{}
	paths := doc.Paths.InMatchingOrder()
	sort.Strings(paths)
	for _, path := range paths {
		item := doc.Paths.Find(path)
		for _, method := range []string{"GET", "PUT", "POST", "DELETE", "PATCH"} {
			o := item.GetOperation(method)
			if o == nil {
				continue
			}
			if r, ok := g.operation(method, path, o); ok {
				ops = append(ops, r)
				byID[r.ID] = o
			}
		}
	}
	facade, err := readFacade(facadeDir)
	if err != nil {
		return output{}, err
	}
	ms := g.methods(doc, ops, byID)
	patterns := g.patterns(doc, facade, ms)
	limits := g.limits(doc, facade)
	if len(g.errs) == 0 {
		if out.methods, err = execute(methodTmpl, ms); err != nil {
			return output{}, err
		}
		if err = facade.addMethods(out.methods); err != nil {
			return output{}, err
		}
		if out.patterns, err = execute(patternTmpl, patterns); err != nil {
			return output{}, err
		}
		if out.limits, err = execute(limitTmpl, limits); err != nil {
			return output{}, err
		}
	}
	var its []iterator
	for _, o := range ops {
		if it, ok := g.iterator(facade, o); ok {
			its = append(its, it)
		}
	}
	enumList := g.enums()
	if len(g.errs) > 0 {
		return output{}, fmt.Errorf("%s: %d problems:\n\t%s", spec, len(g.errs), strings.Join(g.errs, "\n\t"))
	}
	var helpers []string
	for _, name := range slices.Sorted(mapKeys(g.helpers)) {
		helpers = append(helpers, g.helpers[name])
	}
	data := struct {
		Ops     []op
		Helpers []string
	}{ops, helpers}
	if out.facts, err = execute(tmpl, data); err != nil {
		return output{}, err
	}
	if out.test, err = execute(testTmpl, data); err != nil {
		return output{}, err
	}
	if out.iters, err = execute(iterTmpl, its); err != nil {
		return output{}, err
	}
	if out.enums, err = execute(enumTmpl, enumList); err != nil {
		return output{}, err
	}
	return out, nil
}

func execute(t *template.Template, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, err
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the generated code: %w\n%s", err, buf.Bytes())
	}
	return src, nil
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func (g *generator) fail(id, format string, args ...any) {
	g.errs = append(g.errs, id+": "+fmt.Sprintf(format, args...))
}

func (g *generator) operation(method, path string, o *openapi3.Operation) (op, bool) {
	id := o.OperationID
	if id == "" {
		g.fail(method+" "+path, "no operationId")
		return op{}, false
	}
	r := op{ID: id, Var: "op" + strings.ToUpper(id[:1]) + id[1:], Method: method, Path: path, Idempotent: method == "GET"}
	sec := o.Security
	if sec == nil && g.doc != nil {
		sec = &g.doc.Security
	}
	r.Public = sec != nil && len(*sec) == 0
	facade, err := stringList(o.Extensions["x-twitter-facade"])
	if err != nil {
		g.fail(id, "x-twitter-facade: %v", err)
	}
	r.Facade = facade
	for _, f := range facade {
		if svc, m, ok := strings.Cut(f, "."); !ok || svc == "" || m == "" || !isUpper(svc) || !isUpper(m) {
			g.fail(id, "x-twitter-facade %q is not Service.Method", f)
		}
	}

	// The Go type of the 2xx body.
	schemaName, inline := successSchema(o)
	var st *types.Struct
	switch {
	case schemaName != "":
		obj := g.gen.Scope().Lookup(schemaName)
		if obj == nil {
			g.fail(id, "its 2xx schema %s has no type in package gen", schemaName)
			return op{}, false
		}
		r.Type = "gen." + schemaName
		st, _ = obj.Type().Underlying().(*types.Struct)
	case inline:
		r.Type = "json.RawMessage" // an inline schema: the facade takes the body as it is
	default:
		r.Type = "struct{}" // no JSON body (a stream, 204)
	}
	var errorsField, dataField *types.Var
	if st != nil {
		errorsField, dataField = field(st, "Errors"), field(st, "Data")
	}
	r.Errors = errorsField != nil && types.Identical(errorsField.Type(), g.problems)
	if errorsField != nil && !r.Errors {
		g.fail(id, "%s.Errors is %s, not []gen.Problem", r.Type, errorsField.Type())
	}
	if dataField != nil {
		r.HasData = g.nonZero("r.Data", dataField.Type())
	}

	outcome, _ := o.Extensions["x-twitter-outcome"].(string)
	switch outcome {
	case "":
		switch {
		case !r.Errors:
			outcome = "none"
		case method == "GET":
			outcome = "needData"
		default:
			outcome = "allOrNothing"
		}
	case "perItem", "needData", "allOrNothing":
		if !r.Errors {
			g.fail(id, "x-twitter-outcome %s, but its response type %s has no errors member to carry problems in (add errors: {$ref: Problems} to the schema)", outcome, r.Type)
		}
		if outcome == "needData" && r.HasData == "" {
			g.fail(id, "x-twitter-outcome needData, but its response type %s has no data member", r.Type)
		}
	case "none":
	default:
		g.fail(id, "x-twitter-outcome %q is not perItem, needData, allOrNothing or none", outcome)
	}
	r.Outcome = outcome
	for _, pr := range o.Parameters {
		if pr.Value == nil || pr.Value.In != "query" || pr.Value.Name != "max_results" {
			continue
		}
		s := pr.Value.Schema
		if s == nil || s.Value == nil || s.Value.Min == nil || s.Value.Max == nil {
			g.fail(id, "max_results has no minimum and maximum")
			continue
		}
		r.Min, r.Max = int(*s.Value.Min), int(*s.Value.Max)
	}
	if st != nil {
		r.Paging = g.paging(id, o, st)
	}
	if r.Paging != nil {
		r.Paging.Min, r.Paging.Max = r.Min, r.Max
		if r.Max > 0 {
			r.Paging.SizeParam = "max_results"
		}
	}
	return r, true
}

func isUpper(s string) bool { return s[0] >= 'A' && s[0] <= 'Z' }

// stringList reads an extension that is a string or a list of strings.
func stringList(v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{v}, nil
	case []any:
		var out []string
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("%v is not a string", e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%v is neither a string nor a list of strings", v)
}

// successSchema returns the component name of the first 2xx JSON body's schema, or inline
// true when that schema is written in place.
func successSchema(o *openapi3.Operation) (name string, inline bool) {
	if o.Responses == nil {
		return "", false
	}
	for _, code := range []string{"200", "201", "202"} {
		resp := o.Responses.Value(code)
		if resp == nil || resp.Value == nil {
			continue
		}
		mt := resp.Value.Content.Get("application/json")
		if mt == nil || mt.Schema == nil {
			return "", false
		}
		if ref := mt.Schema.Ref; ref != "" {
			return strings.TrimPrefix(ref, "#/components/schemas/"), false
		}
		return "", true
	}
	return "", false
}

func field(st *types.Struct, name string) *types.Var {
	for f := range st.Fields() {
		if f.Name() == name {
			return f
		}
	}
	return nil
}

// paging returns the pagination facts of an operation that takes a pagination token and
// answers with meta.next_token; nil for others.
func (g *generator) paging(id string, o *openapi3.Operation, st *types.Struct) *paging {
	var p paging
	for _, pr := range o.Parameters {
		if pr.Value == nil || pr.Value.In != "query" {
			continue
		}
		switch name := pr.Value.Name; name {
		case "pagination_token", "next_token":
			// Searches take both; next_token is the one they document.
			if p.TokenParam != "next_token" {
				p.TokenParam = name
			}
		}
	}
	if p.TokenParam == "" {
		return nil
	}
	meta := field(st, "Meta")
	data := field(st, "Data")
	if meta == nil || data == nil {
		g.fail(id, "takes %s but its response has no meta or no data", p.TokenParam)
		return nil
	}
	mst, ok := meta.Type().Underlying().(*types.Struct)
	if !ok {
		g.fail(id, "meta is %s, not an object", meta.Type())
		return nil
	}
	if field(mst, "NextToken") == nil {
		g.fail(id, "takes %s but its meta has no next_token", p.TokenParam)
		return nil
	}
	p.NextToken = "next_token"
	sl, ok := data.Type().(*types.Slice)
	if !ok {
		g.fail(id, "paginated, but data is %s, not a list", data.Type())
		return nil
	}
	named, ok := sl.Elem().(*types.Named)
	if !ok || named.Obj().Pkg() != g.gen {
		g.fail(id, "paginated, but its items are %s, not a type of gen", sl.Elem())
		return nil
	}
	p.ItemName = named.Obj().Name()
	p.Item = "gen." + p.ItemName
	p.Includes = "nil"
	if inc := field(st, "Includes"); inc != nil {
		if _, ptr := inc.Type().(*types.Pointer); ptr {
			p.Includes = "r.Includes"
		} else {
			p.Includes = "&r.Includes"
		}
	}
	var lit []string
	if field(mst, "ResultCount") != nil {
		lit = append(lit, "ResultCount: int(r.Meta.ResultCount)")
	} else {
		lit = append(lit, "ResultCount: len(r.Data)")
	}
	for _, f := range []struct{ meta, page string }{
		{"NewestID", "NewestID"}, {"OldestID", "OldestID"}, {"PreviousToken", "PreviousToken"},
	} {
		if field(mst, f.meta) != nil {
			lit = append(lit, f.page+": r.Meta."+f.meta)
		}
	}
	if field(mst, "TotalTweetCount") != nil {
		lit = append(lit, "TotalTweetCount: int(r.Meta.TotalTweetCount)")
	}
	p.PageMetaLiteral = "PageMeta{" + strings.Join(lit, ", ") + "}"
	return &p
}

// nonZero returns a Go expression that is true when expr, of type t, is not its zero value:
// what reflect.Value.IsZero would say, written out so that nothing reflects at run time.
func (g *generator) nonZero(expr string, t types.Type) string {
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface, *types.Signature, *types.Chan:
		return expr + " != nil"
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return expr
		case u.Info()&types.IsString != 0:
			return expr + ` != ""`
		default:
			return expr + " != 0"
		}
	case *types.Struct:
		if m, _, _ := types.LookupFieldOrMethod(t, true, nil, "IsZero"); m != nil {
			if fn, ok := m.(*types.Func); ok && fn.Exported() {
				return "!" + expr + ".IsZero()"
			}
		}
		named, isNamed := t.(*types.Named)
		if isNamed && named.Obj().Pkg() == g.gen {
			name := "nonZero" + named.Obj().Name()
			if _, done := g.helpers[name]; !done {
				g.helpers[name] = "" // recursion guard
				g.helpers[name] = fmt.Sprintf("func %s(v *gen.%s) bool {\n\treturn %s\n}", name, named.Obj().Name(), g.anyField("v", u))
			}
			return name + "(&" + expr + ")"
		}
		return "(" + g.anyField(expr, u) + ")"
	}
	g.errs = append(g.errs, fmt.Sprintf("cannot tell whether %s (%s) is zero", expr, t))
	return "false"
}

// anyField is the disjunction of nonZero over the fields of a struct.
func (g *generator) anyField(expr string, st *types.Struct) string {
	var terms []string
	for f := range st.Fields() {
		if !f.Exported() {
			g.errs = append(g.errs, fmt.Sprintf("cannot tell whether %s is zero: unexported field %s", expr, f.Name()))
			continue
		}
		terms = append(terms, g.nonZero(expr+"."+f.Name(), f.Type()))
	}
	if len(terms) == 0 {
		return "false"
	}
	return strings.Join(terms, " ||\n\t\t")
}

var tmpl = template.Must(template.New("facts").Funcs(template.FuncMap{
	"quote": func(s string) string { return fmt.Sprintf("%q", s) },
	"join":  func(s []string) string { return strings.Join(s, ", ") },
}).Parse(`// Code generated by internal/cmd/opfacts from openapi/twitter-v2.yaml. DO NOT EDIT.

package twitter

import (
	"encoding/json"

	"github.com/twitterkit/go/gen"
)

// operations lists the facts of every operation of the document, ordered by path.
var operations = []*opFacts{
{{- range .Ops}}
	&{{.Var}}.opFacts,
{{- end}}
}
{{range .Ops}}
// {{.Var}} is {{.Method}} {{.Path}}{{if .Facade}} ({{join .Facade}}){{end}}.
var {{.Var}} = {{if .Paging}}paged[{{.Type}}, {{.Paging.Item}}]{
operation: {{end}}operation[{{.Type}}]{
	opFacts: opFacts{
		id:       {{quote .ID}},
		endpoint: endpoint{name: {{quote (print .Method " " .Path)}}{{if .Idempotent}}, idempotent: true{{end}}{{if .Public}}, public: true{{end}}},
		{{- if .Facade}}
		facade:   []string{ {{- range $i, $f := .Facade}}{{if $i}}, {{end}}{{quote $f}}{{end -}} },
		{{- end}}
		outcome:  {{.Outcome}},
		{{- if .Max}}
		size:     pageSize{min: {{.Min}}, max: {{.Max}}},
		{{- end}}
		{{- if .Paging}}
		paging:   &pageFacts{sizeParam: {{quote .Paging.SizeParam}}, tokenParam: {{quote .Paging.TokenParam}}, nextToken: {{quote .Paging.NextToken}}, item: {{quote .Paging.ItemName}}},
		{{- end}}
	},
	{{- if .Errors}}
	problems: func(r *{{.Type}}) []gen.Problem { return r.Errors },
	{{- end}}
	{{- if .HasData}}
	hasData:  func(r *{{.Type}}) bool { return {{.HasData}} },
	{{- end}}
}{{if .Paging}},
	page: func(r *{{.Type}}) *Page[{{.Paging.Item}}] {
		return newPage(r.Data, {{.Paging.Includes}}, r.Meta.NextToken, {{.Paging.PageMetaLiteral}})
	},
}{{end}}
{{end}}
{{range .Helpers}}
{{.}}
{{end}}
`))

var testTmpl = template.Must(template.New("calls").Parse(`// Code generated by internal/cmd/opfacts from openapi/twitter-v2.yaml. DO NOT EDIT.

package twitter

import "context"

// operationCalls sends each operation of the document, by operationId, through do with its
// own response type: tests reach every operation's typed accessors through it.
var operationCalls = map[string]func(context.Context, *Client, sender) (*Response, error){
{{- range .Ops}}
	"{{.ID}}": func(ctx context.Context, c *Client, send sender) (*Response, error) {
		_, resp, err := do(ctx, c, &{{.Var}}{{if .Paging}}.operation{{end}}, send)
		return resp, err
	},
{{- end}}
}
`))
