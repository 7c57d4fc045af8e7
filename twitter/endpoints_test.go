package twitter

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/twitterkit/go/openapi"
)

// TestEndpointsAreTheDocumentsOperations reads the facade's source: every endpoint a
// method names (get(path), mutation(method, path), streamName(path)) must be an operation of the API
// document, method and path template exactly, since rate limits are kept and errors
// reported by that name. And every operation of the document but the two streams (served
// by StreamService's own request path) must be named by some method.
func TestEndpointsAreTheDocumentsOperations(t *testing.T) {
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			ops[method+" "+path] = true
		}
	}

	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	// Arguments are string literals, package constants (rulesPath) or http.Method*.
	consts := map[string]string{}
	for _, f := range parsed {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if i < len(vs.Values) {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							consts[id.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
		}
	}
	str := func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			if e.Kind == token.STRING {
				v, err := strconv.Unquote(e.Value)
				return v, err == nil
			}
		case *ast.Ident:
			v, ok := consts[e.Name]
			return v, ok
		case *ast.SelectorExpr:
			if x, ok := e.X.(*ast.Ident); ok && x.Name == "http" && strings.HasPrefix(e.Sel.Name, "Method") {
				return strings.ToUpper(strings.TrimPrefix(e.Sel.Name, "Method")), true
			}
		}
		return "", false
	}
	named := map[string]string{} // endpoint → where
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := call.Fun.(*ast.Ident)
			if !ok || (fn.Name != "get" && fn.Name != "mutation" && fn.Name != "streamName") {
				return true
			}
			var name string
			switch {
			case (fn.Name == "get" || fn.Name == "streamName") && len(call.Args) == 1:
				if p, ok := str(call.Args[0]); ok {
					name = "GET " + p
				}
			case fn.Name == "mutation" && len(call.Args) == 2:
				m, ok1 := str(call.Args[0])
				p, ok2 := str(call.Args[1])
				if ok1 && ok2 {
					name = m + " " + p
				}
			}
			where := fset.Position(call.Pos()).String()
			if name == "" {
				t.Errorf("%s: endpoint arguments are not constant strings", where)
				return true
			}
			if !ops[name] {
				t.Errorf("%s: endpoint %q is not an operation of the document", where, name)
			}
			named[name] = where
			return true
		})
	}

	var missing []string
	for op := range ops {
		if op == "GET /2/tweets/sample/stream" || op == "GET /2/tweets/search/stream" {
			continue
		}
		if _, ok := named[op]; !ok {
			missing = append(missing, op)
		}
	}
	sort.Strings(missing)
	for _, op := range missing {
		t.Errorf("no facade method names %s", op)
	}
}
