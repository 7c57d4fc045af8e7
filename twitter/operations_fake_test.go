package twitter_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/twitterkit/go/twitter"
)

// TestEveryMethodMeetsTheFakeServer holds the bar of the facade: each method of the
// services below, and each method of Client that calls the API, has a test named
// TestFake<Service><Method> that runs it against internal/testserver, where requests and
// responses are checked against the document. Iterators (…Iter, …Pages) are built on
// these methods and are tested with them.
func TestEveryMethodMeetsTheFakeServer(t *testing.T) {
	tests := map[string]bool{}
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "TestFake") {
				tests[fn.Name.Name] = true
			}
		}
	}

	c, err := twitter.NewClient()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"TestFakeOpenAPIDocument"}
	// Every service of Client: each exported field whose type is a *…Service.
	ct := reflect.TypeOf(c).Elem()
	for f := range ct.Fields() {
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		service, typ := f.Name, f.Type
		for i := range typ.NumMethod() {
			m := typ.Method(i).Name
			if strings.HasSuffix(m, "Iter") || strings.HasSuffix(m, "Pages") {
				continue
			}
			want = append(want, "TestFake"+service+m)
		}
	}
	if len(want) < 40 {
		t.Fatalf("found only %d methods: %v", len(want), want)
	}
	for _, name := range want {
		if !tests[name] {
			t.Errorf("no %s: every facade method needs a test against the fake server", name)
		}
	}
}
