package twitter

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp/syntax"
	"strconv"
	"strings"
	"testing"

	"github.com/twitterkit/go/openapi"
)

// TestPatternsAreTheDocuments holds every variable of patterns.gen.go to the schema its
// comment points at: the document states that pattern there, and the variable is named
// after the schema (patternUserID) or the schema and its property
// (patternChatGroupCreateRequestTTLMsec).
func TestPatternsAreTheDocuments(t *testing.T) {
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	vars := generatedPatterns(t)
	if len(vars) == 0 {
		t.Fatal("patterns.gen.go declares no pattern")
	}
	for _, v := range vars {
		rest, ok := strings.CutPrefix(v.where, "#/components/schemas/")
		if !ok {
			t.Errorf("%s: %q is not a schema of the document", v.name, v.where)
			continue
		}
		schema, prop, isProp := strings.Cut(rest, "/properties/")
		ref := doc.Components.Schemas[schema]
		if ref == nil || ref.Value == nil {
			t.Errorf("%s: the document has no schema %s", v.name, schema)
			continue
		}
		want, field := ref.Value.Pattern, ""
		if isProp {
			p := ref.Value.Properties[prop]
			if p == nil || p.Value == nil {
				t.Errorf("%s: schema %s has no property %s", v.name, schema, prop)
				continue
			}
			want, field = p.Value.Pattern, strings.ReplaceAll(prop, "_", "")
		}
		if want == "" || v.pattern != want {
			t.Errorf("%s is %q; %s states %q", v.name, v.pattern, v.where, want)
		}
		// The schema's name as the document spells it, then the property's Go name.
		rest, named := strings.CutPrefix(v.name, "pattern"+schema)
		if !named || !strings.EqualFold(rest, field) {
			t.Errorf("the pattern of %s is %s; want it named pattern%s%s", v.where, v.name, schema, field)
		}
	}
}

// TestNoPatternIsRestatedByHand fails when hand-written code of package twitter compiles
// a pattern the document states anywhere (the same expression, however it is spelled):
// name the schema's variable of patterns.gen.go instead, and go generate writes it.
func TestNoPatternIsRestatedByHand(t *testing.T) {
	documented := documentPatterns(t)
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	compiled := 0
	for _, name := range names {
		if strings.HasSuffix(name, ".gen.go") || strings.HasSuffix(name, "_gen_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isRegexpCompile(call.Fun) || len(call.Args) != 1 {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			expr, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			compiled++
			if where, ok := documented[canonical(t, expr)]; ok {
				t.Errorf("%s compiles %q, which the document states at %s: use its variable of patterns.gen.go", fset.Position(lit.Pos()), expr, where)
			}
			return true
		})
	}
	if compiled == 0 {
		t.Fatal("found no regexp.MustCompile in package twitter: is the test looking in the right place?")
	}
}

// isRegexpCompile reports whether fun is regexp.MustCompile, Compile or their POSIX forms.
func isRegexpCompile(fun ast.Expr) bool {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "regexp" && strings.Contains(sel.Sel.Name, "Compile")
}

// generatedPattern is one variable of patterns.gen.go as its source declares it.
type generatedPattern struct{ name, pattern, where string }

// generatedPatterns reads the variables of patterns.gen.go: name, pattern and the schema
// its comment points at.
func generatedPatterns(t *testing.T) []generatedPattern {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "patterns.gen.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var out []generatedPattern
	compiled := map[string]string{} // variable → its pattern
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			name := vs.Names[0].Name
			if len(vs.Names) != 1 || len(vs.Values) != 1 || vs.Doc == nil {
				t.Fatalf("patterns.gen.go: %s is not a pattern under the comment of its schema", name)
			}
			var pattern string
			switch v := vs.Values[0].(type) {
			case *ast.CallExpr: // regexp.MustCompile("...")
				if !isRegexpCompile(v.Fun) {
					t.Fatalf("patterns.gen.go: %s is not a compiled pattern", name)
				}
				p, err := strconv.Unquote(v.Args[0].(*ast.BasicLit).Value)
				if err != nil {
					t.Fatal(err)
				}
				pattern = p
			case *ast.Ident: // an earlier variable of the same pattern, shared
				p, ok := compiled[v.Name]
				if !ok {
					t.Fatalf("patterns.gen.go: %s shares %s, which is not an earlier pattern", name, v.Name)
				}
				pattern = p
			default:
				t.Fatalf("patterns.gen.go: %s is not a pattern under the comment of its schema", name)
			}
			compiled[name] = pattern
			out = append(out, generatedPattern{name, pattern, strings.TrimSpace(vs.Doc.Text())})
		}
	}
	return out
}

// documentPatterns returns every pattern the document states, wherever it states it, in
// canonical form (canonical), with the first place (in order) that states it.
func documentPatterns(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	eachObject(documentTree(t), func(n map[string]any, where string) {
		if p, ok := n["pattern"].(string); ok {
			if c := canonical(t, p); out[c] == "" || where < out[c] {
				out[c] = where // the first place in order, so the error reads the same each run
			}
		}
	})
	if len(out) == 0 {
		t.Fatal("the document states no pattern")
	}
	return out
}

// canonical is one spelling of what a pattern matches, so that ^\d{1,19}$ and
// ^[0-9]{1,19}$ compare equal.
func canonical(t *testing.T, expr string) string {
	t.Helper()
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatalf("%q: %v", expr, err)
	}
	return re.Simplify().String()
}

// The patterns check what they are named after: the error of a bad id still names the
// document's pattern.
func TestPatternErrorsNameTheDocumentsPattern(t *testing.T) {
	err := checkID("Users.ByID", "user id", patternUserID, "x")
	if want := `twitter: Users.ByID: invalid argument: user id "x" is malformed (want ^[0-9]{1,19}$)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestParametersAreCheckedWithTheirSchemasPattern fails when a facade method sends a path
// or query parameter whose schema the document names and gives a pattern (TweetID) without
// checking it against that schema's variable (patternTweetID), in its body or in the
// functions it calls: an id checked against another schema's pattern, or not at all.
func TestParametersAreCheckedWithTheirSchemasPattern(t *testing.T) {
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	// The facade's reasons to check a parameter otherwise, by method and parameter.
	otherwise := map[string]string{
		"Chat.AddMembers id":  "members join groups alone: the id is checked against ChatGroupID's narrower pattern",
		"Broadcasts.List ids": "List sends no ids; Lookup, which shares the operation, sends and checks them",
	}
	uses := patternUses(t)
	for path, item := range doc.Paths.Map() {
		for verb, o := range item.Operations() {
			methods, _ := o.Extensions["x-twitter-facade"].([]any)
			if m, ok := o.Extensions["x-twitter-facade"].(string); ok {
				methods = []any{m}
			}
			for _, p := range append(item.Parameters, o.Parameters...) {
				s := p.Value.Schema
				if s != nil && s.Value != nil && s.Value.Items != nil {
					s = s.Value.Items
				}
				schema, named := strings.CutPrefix(s.Ref, "#/components/schemas/")
				if !named || s.Value.Pattern == "" {
					continue
				}
				for _, m := range methods {
					if key := m.(string) + " " + p.Value.Name; otherwise[key] != "" {
						delete(otherwise, key)
						continue
					}
					if !uses[m.(string)]["pattern"+schema] {
						t.Errorf("%s (%s %s) sends %s without checking it against pattern%s", m, verb, path, p.Value.Name, schema)
					}
				}
			}
		}
	}
	for key, why := range otherwise {
		t.Errorf("%s is no longer checked otherwise (%s): drop it from the list", key, why)
	}
}

// patternUses returns, for each method of the facade ("Users.ByID"), the pattern variables
// it names or the functions it calls name (a call x.f is taken to be any method f).
func patternUses(t *testing.T) map[string]map[string]bool {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	type fn struct {
		patterns map[string]bool
		calls    []string
	}
	funcs := map[string][]*fn{} // by name: "ByID", "checkPair"; several methods share one
	methods := map[string]*fn{} // "Users.ByID"
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			f := &fn{patterns: map[string]bool{}}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.Ident:
					if strings.HasPrefix(n.Name, "pattern") {
						f.patterns[n.Name] = true
					}
				case *ast.CallExpr:
					switch fun := n.Fun.(type) {
					case *ast.Ident:
						f.calls = append(f.calls, fun.Name)
					case *ast.SelectorExpr:
						f.calls = append(f.calls, fun.Sel.Name)
					}
				}
				return true
			})
			funcs[fd.Name.Name] = append(funcs[fd.Name.Name], f)
			if fd.Recv != nil {
				if star, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok {
					if id, ok := star.X.(*ast.Ident); ok {
						methods[strings.TrimSuffix(id.Name, "Service")+"."+fd.Name.Name] = f
					}
				}
			}
		}
	}
	out := map[string]map[string]bool{}
	for name, m := range methods {
		seen, set := map[*fn]bool{}, map[string]bool{}
		var visit func(f *fn)
		visit = func(f *fn) {
			if seen[f] {
				return
			}
			seen[f] = true
			for p := range f.patterns {
				set[p] = true
			}
			for _, c := range f.calls {
				for _, g := range funcs[c] {
					visit(g)
				}
			}
		}
		visit(m)
		out[name] = set
	}
	return out
}

// TestEachPatternIsCompiledOnce: variables of one pattern share one compiled form, so the
// package's start compiles each distinct pattern once (a {1,19} repeat compiles to some
// kilobytes; eighteen schemas share ^[0-9]{1,19}$).
func TestEachPatternIsCompiledOnce(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "patterns.gen.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && isRegexpCompile(call.Fun) {
			p := call.Args[0].(*ast.BasicLit).Value
			if seen[p] {
				t.Errorf("patterns.gen.go compiles %s more than once", p)
			}
			seen[p] = true
		}
		return true
	})
	if len(seen) == 0 {
		t.Fatal("patterns.gen.go compiles no pattern")
	}
}
