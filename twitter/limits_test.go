package twitter

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/twitterkit/go/openapi"
)

// limitKeywords are the keywords of the document's limits, which begin the names of the
// constants of limits.gen.go.
var limitKeywords = []string{"maxLength", "minLength", "maxItems", "minItems", "maximum", "minimum"}

// documentTree is the document as JSON values, to follow JSON pointers in and walk.
func documentTree(t *testing.T) any {
	t.Helper()
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(raw, &tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

// eachObject calls f with every object of tree and its JSON pointer ("#/paths/~12~1users").
func eachObject(tree any, f func(obj map[string]any, where string)) {
	var walk func(n any, where string)
	walk = func(n any, where string) {
		switch n := n.(type) {
		case map[string]any:
			f(n, where)
			for k, v := range n {
				walk(v, where+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"))
			}
		case []any:
			for i, v := range n {
				walk(v, where+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(tree, "#")
}

// resolve follows a JSON pointer ("#/components/schemas/X/maxLength") in tree.
func resolve(tree any, pointer string) (any, bool) {
	rest, ok := strings.CutPrefix(pointer, "#/")
	if !ok {
		return nil, false
	}
	n := tree
	for _, tok := range strings.Split(rest, "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch v := n.(type) {
		case map[string]any:
			if n, ok = v[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) {
				return nil, false
			}
			n = v[i]
		default:
			return nil, false
		}
	}
	return n, true
}

// TestLimitsAreTheDocuments holds every constant of limits.gen.go to the place its comment
// points at: the document states that number there, under the keyword the constant's
// name begins with, and the rest of the name is that place's (the schema, its property
// and Items for the items of either; a named parameter; or the operation and its
// parameter). A hand-edited or stale constant fails here (TestStaleLimitsAreFound).
func TestLimitsAreTheDocuments(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "limits.gen.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	n, problems := checkLimits(documentTree(t), file)
	for _, p := range problems {
		t.Error(p)
	}
	if n == 0 {
		t.Fatal("limits.gen.go declares no limit")
	}
}

// TestStaleLimitsAreFound: checkLimits finds a constant whose number is not the
// document's, one named after another place, and one pointing nowhere.
func TestStaleLimitsAreFound(t *testing.T) {
	src := `package twitter

const (
	// #/components/schemas/ListCreateRequest/properties/name/maxLength
	maxLengthListCreateRequestName = 24

	// #/components/schemas/ListCreateRequest/properties/description/maxLength
	maxLengthListCreateRequestName2 = 100

	// #/paths/~12~1tweets~1search~1recent/get/parameters/0/schema/maxLength
	maxLengthSearchRecentTweetsQuery = 4096

	// #/components/schemas/NoSuchSchema/maxLength
	maxLengthNoSuchSchema = 1
)
`
	file, err := parser.ParseFile(token.NewFileSet(), "limits.gen.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	n, problems := checkLimits(documentTree(t), file)
	want := []string{
		"maxLengthListCreateRequestName is 24; the document states 25 at #/components/schemas/ListCreateRequest/properties/name/maxLength",
		"the limit at #/components/schemas/ListCreateRequest/properties/description/maxLength is maxLengthListCreateRequestName2; want it named maxLengthListCreateRequestdescription (in any case)",
		"maxLengthNoSuchSchema: the document has nothing at #/components/schemas/NoSuchSchema/maxLength",
	}
	if n != 4 || !slices.Equal(problems, want) {
		t.Errorf("%d limits, problems:\n%s\nwant:\n%s", n, strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}

// checkLimits checks the constants of file, a limits.gen.go, against the document (tree):
// how many it declares, and what is wrong with them.
func checkLimits(tree any, file *ast.File) (n int, problems []string) {
	eachConst(file, func(_ *ast.GenDecl, vs *ast.ValueSpec) {
		name := vs.Names[0].Name
		var lit *ast.BasicLit
		if len(vs.Names) == 1 && len(vs.Values) == 1 {
			lit, _ = vs.Values[0].(*ast.BasicLit)
		}
		if lit == nil || vs.Doc == nil {
			problems = append(problems, name+" is not a number under the comment of its place")
			return
		}
		n++
		where := strings.TrimSpace(vs.Doc.Text())
		got, ok := resolve(tree, where)
		if !ok {
			problems = append(problems, name+": the document has nothing at "+where)
			return
		}
		if f, ok := got.(float64); !ok || strconv.FormatFloat(f, 'f', -1, 64) != lit.Value {
			problems = append(problems, fmt.Sprintf("%s is %s; the document states %v at %s", name, lit.Value, got, where))
		}
		want, err := limitName(tree, where)
		switch {
		case err != nil:
			problems = append(problems, name+": "+err.Error())
		case !strings.EqualFold(name, want):
			problems = append(problems, fmt.Sprintf("the limit at %s is %s; want it named %s (in any case)", where, name, want))
		}
	})
	return n, problems
}

// limitName is the name of the constant of the limit at where, without regard to case or
// the spelling of a property's Go name: keyword, then the place.
func limitName(tree any, where string) (string, error) {
	parts := strings.Split(strings.TrimPrefix(where, "#/"), "/")
	keyword := parts[len(parts)-1]
	if !slices.Contains(limitKeywords, keyword) {
		return "", fmt.Errorf("%s: %s is not a limit keyword", where, keyword)
	}
	parts = parts[:len(parts)-1]
	var place string
	switch {
	case len(parts) >= 3 && parts[0] == "components" && parts[1] == "schemas":
		// schemas/S[/properties/p][/items]
		place = parts[2]
		rest := parts[3:]
		if len(rest) >= 2 && rest[0] == "properties" {
			place += rest[1]
			rest = rest[2:]
		}
		if len(rest) == 1 && rest[0] == "items" {
			place += "Items"
			rest = nil
		}
		if len(rest) != 0 {
			return "", fmt.Errorf("%s: not a schema, a property or the items of either", where)
		}
	case len(parts) == 4 && parts[0] == "components" && parts[1] == "parameters" && parts[3] == "schema":
		place = parts[2]
	case len(parts) == 6 && parts[0] == "paths" && parts[3] == "parameters" && parts[5] == "schema":
		op, _ := resolve(tree, "#/"+strings.Join(parts[:3], "/"))
		param, _ := resolve(tree, "#/"+strings.Join(parts[:5], "/"))
		o, _ := op.(map[string]any)
		p, _ := param.(map[string]any)
		id, _ := o["operationId"].(string)
		pname, _ := p["name"].(string)
		if id == "" || pname == "" {
			return "", fmt.Errorf("%s: not a parameter of an operation", where)
		}
		place = id + pname
	default:
		return "", fmt.Errorf("%s: not a schema, a property, a parameter or an operation's parameter", where)
	}
	return keyword + strings.NewReplacer("_", "", ".", "").Replace(place), nil
}

// notDocumentFacts are numbers of package twitter that equal a limit of the document but
// are not that limit, by file and value, with where each comes from.
var notDocumentFacts = map[string]string{
	"auth_endpoint.go 10": "the redirects a token request follows, as net/http's client does",
	"auth_errors.go 4":    "the shortest secret redact replaces (a shorter one would garble the text)",
	"stream.go 64":        "DefaultStreamBuffer, the messages a stream reads ahead: the facade's own choice",
}

// TestNoLimitIsRestatedByHand fails when hand-written code of package twitter writes a
// number the document states as a limit (maxLength, minLength, maxItems, minItems,
// maximum, minimum) anywhere: name the limit's constant of limits.gen.go instead, and go
// generate writes it.
//
// What counts as writing a limit: a constant declared by hand whose value (an expression
// of literals alone, evaluated) is such a number, and an integer literal that is an
// operand of a comparison or an argument of a function of the package (bounded(m, "Days",
// n, 1, 90)). A constant defined from a generated one (maxSegments = maximumX + 1) is not
// a restatement. Ruled out, so that the test does not cry wolf: 0 and 1 (every list and
// text is bounded below by one or the other, and both are everywhere in code), a literal
// compared with a StatusCode (HTTP statuses are not limits), and the numbers of
// notDocumentFacts, each with its source. A limit multiplied into another unit by hand
// (5 * time.Minute) is not seen: such constants are written from the generated ones.
func TestNoLimitIsRestatedByHand(t *testing.T) {
	documented := documentLimits(t)
	fset, files := handWritten(t)
	found, allowed := restatedLimits(fset, files, documented, notDocumentFacts)
	for _, f := range found {
		t.Error(f)
	}
	for key, why := range notDocumentFacts {
		if !allowed[key] {
			t.Errorf("%q (%s) is no longer written in package twitter: drop it from notDocumentFacts", key, why)
		}
	}
}

// handWritten parses the hand-written files of package twitter (neither generated nor
// tests), with their comments.
func handWritten(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, ".gen.go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	if len(files) < 20 {
		t.Fatalf("read %d files of package twitter: is the test looking in the right place?", len(files))
	}
	return fset, files
}

// eachConst calls f with every constant declaration of file and its group.
func eachConst(file *ast.File, f func(gd *ast.GenDecl, vs *ast.ValueSpec)) {
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.CONST {
			for _, spec := range gd.Specs {
				f(gd, spec.(*ast.ValueSpec))
			}
		}
	}
}

// documentLimits returns every number the document states under a limit keyword, but 0
// and 1, with the first place (in order) that states it.
func documentLimits(t *testing.T) map[int64]string {
	t.Helper()
	out := map[int64]string{}
	eachObject(documentTree(t), func(n map[string]any, where string) {
		for _, k := range limitKeywords {
			if f, ok := n[k].(float64); ok && f == float64(int64(f)) && (f < 0 || f > 1) {
				if w := where + "/" + k; out[int64(f)] == "" || w < out[int64(f)] {
					out[int64(f)] = w // the first place in order, so the error reads the same each run
				}
			}
		}
	})
	if len(out) == 0 {
		t.Fatal("the document states no limit")
	}
	return out
}

// restatedLimits returns where files write a documented number (see
// TestNoLimitIsRestatedByHand), and which keys ("file value") of allow they write.
func restatedLimits(fset *token.FileSet, files []*ast.File, documented map[int64]string, allow map[string]string) (found []string, allowed map[string]bool) {
	allowed = map[string]bool{}
	funcs := map[string]bool{} // the package's functions
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				funcs[fd.Name.Name] = true
			}
		}
	}
	check := func(what string, pos token.Pos, v int64) {
		where, ok := documented[v]
		if !ok {
			return
		}
		p := fset.Position(pos)
		if key := filepath.Base(p.Filename) + " " + strconv.FormatInt(v, 10); allow[key] != "" {
			allowed[key] = true
			return
		}
		found = append(found, p.String()+": "+what+" "+strconv.FormatInt(v, 10)+", which the document states at "+where+": use its constant of limits.gen.go")
	}
	literal := func(e ast.Expr) (int64, bool) {
		lit, ok := ast.Unparen(e).(*ast.BasicLit)
		if !ok || lit.Kind != token.INT {
			return 0, false
		}
		v, err := strconv.ParseInt(strings.ReplaceAll(lit.Value, "_", ""), 0, 64)
		return v, err == nil
	}
	isStatus := func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			return e.Sel.Name == "StatusCode"
		case *ast.Ident:
			return e.Name == "StatusCode"
		}
		return false
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GenDecl:
				if n.Tok != token.CONST {
					return true
				}
				for _, spec := range n.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, e := range vs.Values {
						// An expression of literals alone evaluates in the universe scope;
						// one that names a constant (generated or not) or a package fails.
						tv, err := types.Eval(fset, nil, token.NoPos, types.ExprString(e))
						if err != nil || tv.Value == nil || tv.Value.Kind() != constant.Int {
							continue
						}
						if v, exact := constant.Int64Val(tv.Value); exact && i < len(vs.Names) {
							check("the constant "+vs.Names[i].Name+" is", e.Pos(), v)
						}
					}
				}
				return false
			case *ast.BinaryExpr:
				switch n.Op {
				case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
					if isStatus(n.X) || isStatus(n.Y) {
						return true
					}
					for _, side := range []ast.Expr{n.X, n.Y} {
						if v, ok := literal(side); ok {
							check("compares with", side.Pos(), v)
						}
					}
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && funcs[id.Name] {
					for _, a := range n.Args {
						if v, ok := literal(a); ok {
							check("passes "+id.Name, a.Pos(), v)
						}
					}
				}
			}
			return true
		})
	}
	return found, allowed
}

// TestRestatedLimitsAreFound: restatedLimits finds a documented number in a constant of
// literals, in a comparison and in a call of the package's function, and leaves alone a
// constant defined from a generated one, 0 and 1, a status code, an argument of another
// package's function and a number notDocumentFacts-like allow lists.
func TestRestatedLimitsAreFound(t *testing.T) {
	src := `package twitter

const maxName = 25

const (
	maxDerived = maxLengthListCreateRequestName + 1
	wide       = 5 << 20
)

func check(n int, resp *http.Response) error {
	if n > 140 || n < 1 {
		return nil
	}
	if resp.StatusCode >= 200 {
		return nil
	}
	_ = strconv.Itoa(25)
	if n == 10 {
		return nil
	}
	_, err := bounded("m", "Days", n, 1, 90)
	return err
}

func bounded(method, name string, n, lo, hi int) (*int32, error) { return nil, nil }
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "x.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	documented := map[int64]string{25: "#/a", 26: "#/b", 140: "#/c", 90: "#/d", 200: "#/e", 10: "#/f"}
	found, allowed := restatedLimits(fset, []*ast.File{file}, documented, map[string]string{"x.go 10": "a reason"})
	want := []string{
		"x.go:3:17: the constant maxName is 25, which the document states at #/a: use its constant of limits.gen.go",
		"x.go:11:9: compares with 140, which the document states at #/c: use its constant of limits.gen.go",
		"x.go:21:39: passes bounded 90, which the document states at #/d: use its constant of limits.gen.go",
	}
	if !slices.Equal(found, want) || !allowed["x.go 10"] || len(allowed) != 1 {
		t.Errorf("found:\n%s\nwant:\n%s\nallowed %v", strings.Join(found, "\n"), strings.Join(want, "\n"), allowed)
	}
}

// TestLimitsNotInTheDocumentSayWhereTheyComeFrom: a constant of package twitter named as a
// limit (maxChunkSize, minPollDuration) that is not defined from a generated one carries a
// comment, on itself or its group, that says where its number comes from.
func TestLimitsNotInTheDocumentSayWhereTheyComeFrom(t *testing.T) {
	fset, files := handWritten(t)
	seen := 0
	for _, file := range files {
		eachConst(file, func(gd *ast.GenDecl, vs *ast.ValueSpec) {
			for i, id := range vs.Names {
				rest, isLimit := strings.CutPrefix(id.Name, "max")
				if !isLimit {
					rest, isLimit = strings.CutPrefix(id.Name, "min")
				}
				if !isLimit || rest == "" || rest[0] < 'A' || rest[0] > 'Z' || i >= len(vs.Values) || namesLimit(vs.Values[i]) {
					continue
				}
				seen++
				if vs.Doc == nil && vs.Comment == nil && gd.Doc == nil {
					t.Errorf("%s: %s has no comment saying where its number comes from", fset.Position(id.Pos()), id.Name)
				}
			}
		})
	}
	if seen == 0 {
		t.Fatal("found no limit of package twitter's own: is the test looking in the right place?")
	}
}

// namesLimit reports whether e names a constant of limits.gen.go.
func namesLimit(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			for _, k := range limitKeywords {
				if rest, ok := strings.CutPrefix(id.Name, k); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// TestExportedPartitionsAreEachStreams: an exported count that stands for several
// streams is each one's documented count, so its doc comment stays true.
func TestExportedPartitionsAreEachStreams(t *testing.T) {
	for name, c := range map[string][2]int{
		"FirehoseLangPartitions (ja)":         {FirehoseLangPartitions, maximumStreamFirehoseJaPartition},
		"FirehoseLangPartitions (ko)":         {FirehoseLangPartitions, maximumStreamFirehoseKoPartition},
		"FirehoseLangPartitions (pt)":         {FirehoseLangPartitions, maximumStreamFirehosePtPartition},
		"ComplianceStreamPartitions (Tweets)": {ComplianceStreamPartitions, maximumStreamTweetCompliancePartition},
		"ComplianceStreamPartitions (users)":  {ComplianceStreamPartitions, maximumStreamUserCompliancePartition},
	} {
		if c[0] != c[1] {
			t.Errorf("%s is %d; the document states %d", name, c[0], c[1])
		}
	}
}
