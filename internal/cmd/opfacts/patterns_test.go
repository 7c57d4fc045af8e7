package main

import (
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// patternDoc is a document whose schemas are named (name → schema).
func patternDoc(schemas map[string]*openapi3.Schema) *openapi3.T {
	doc := &openapi3.T{Components: &openapi3.Components{Schemas: openapi3.Schemas{}}}
	for name, s := range schemas {
		doc.Components.Schemas[name] = openapi3.NewSchemaRef("", s)
	}
	return doc
}

func stringWith(pattern string) *openapi3.Schema {
	return &openapi3.Schema{Type: &openapi3.Types{"string"}, Pattern: pattern}
}

// request is an object schema with a property ttl_msec of its own pattern and a property
// user_id that refers to UserID.
func request() *openapi3.Schema {
	s := openapi3.NewObjectSchema()
	s.Properties = openapi3.Schemas{
		"ttl_msec": openapi3.NewSchemaRef("", stringWith("^[0-9]+$")),
		"user_id":  openapi3.NewSchemaRef("#/components/schemas/UserID", stringWith("^[0-9]{1,19}$")),
		"text":     openapi3.NewSchemaRef("", openapi3.NewStringSchema()),
	}
	return s
}

func TestDocumentPatternsAreNamedAfterTheirSchema(t *testing.T) {
	g := newTestGenerator(t)
	// ChatGroupCreateRequest is a type of package gen: its property is named as gen names
	// its field; GroupRequest is not, and its property's name is camel-cased.
	got, err := g.documentPatterns(patternDoc(map[string]*openapi3.Schema{
		"UserID":                 stringWith("^[0-9]{1,19}$"),
		"GroupRequest":           request(),
		"ChatGroupCreateRequest": request(),
		"Text":                   openapi3.NewStringSchema(),
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]schemaPattern{
		"patternUserID":                        {Var: "patternUserID", Pattern: "^[0-9]{1,19}$", Where: "#/components/schemas/UserID"},
		"patternGroupRequestTtlMsec":           {Var: "patternGroupRequestTtlMsec", Pattern: "^[0-9]+$", Where: "#/components/schemas/GroupRequest/properties/ttl_msec"},
		"patternChatGroupCreateRequestTTLMsec": {Var: "patternChatGroupCreateRequestTTLMsec", Pattern: "^[0-9]+$", Where: "#/components/schemas/ChatGroupCreateRequest/properties/ttl_msec"},
	}
	if len(got) != len(want) {
		t.Errorf("patterns %v, want %v", got, want)
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %+v, want %+v", name, got[name], w)
		}
	}
}

func TestDocumentPatternsRefuse(t *testing.T) {
	for _, tc := range []struct {
		name    string
		schemas map[string]*openapi3.Schema
		want    string
	}{
		{"two schemas under one name", map[string]*openapi3.Schema{"GroupRequest": request(), "GroupRequestTtlMsec": stringWith("^x$")}, "would both be patternGroupRequestTtlMsec"},
		{"a pattern Go cannot compile", map[string]*openapi3.Schema{"Note": stringWith("^(?=https://)")}, "#/components/schemas/Note: error parsing regexp"},
	} {
		g := &generator{}
		if _, err := g.documentPatterns(patternDoc(tc.schemas)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error about %q", tc.name, err, tc.want)
		}
	}
}

func TestPatternsAreTheOnesTheFacadeUses(t *testing.T) {
	doc := patternDoc(map[string]*openapi3.Schema{"UserID": stringWith("^[0-9]{1,19}$"), "ListID": stringWith("^[0-9]{1,19}$"), "GroupRequest": request()})
	src := `package twitter

func check(id string, pattern string) error {
	patterned := patternUserID.MatchString(id)
	_ = patterned
	return checkID("m", "ttl", patternGroupRequestTtlMsec, id)
}
`
	file, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	f := &facade{patterns: map[string]string{}}
	f.usePatterns(file, "x.go")
	if names := slices.Sorted(mapKeys(f.patterns)); !slices.Equal(names, []string{"patternGroupRequestTtlMsec", "patternUserID"}) {
		t.Fatalf("the facade names %v", names)
	}
	g := &generator{}
	got := g.patterns(doc, f, []method{{Full: "Lists.Members", Param: "id", Pattern: "patternListID"}, {Full: "Users.Me"}})
	var names []string
	for _, p := range got {
		names = append(names, p.Var)
	}
	if len(g.errs) != 0 || !slices.Equal(names, []string{"patternGroupRequestTtlMsec", "patternListID", "patternUserID"}) {
		t.Errorf("patterns %v, errors %q", names, g.errs)
	}

	f.patterns["patternSpaceID"] = "spaces.go"
	g = &generator{}
	g.patterns(doc, f, nil)
	if len(g.errs) != 1 || !strings.Contains(g.errs[0], "twitter/spaces.go names patternSpaceID, but no schema of the document states that pattern") {
		t.Errorf("a name the document lacks: errors %q", g.errs)
	}
}
