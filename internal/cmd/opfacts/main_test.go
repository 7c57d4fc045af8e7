package main

import (
	"go/importer"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

var (
	genOnce sync.Once
	genPkg  *types.Package
	genDoc  *openapi3.T
	genErr  error
)

// newTestGenerator returns a generator over package gen, type-checked once (as generate
// does) for all the tests.
func newTestGenerator(t *testing.T) *generator {
	t.Helper()
	genOnce.Do(func() {
		if genDoc, genErr = openapi3.NewLoader().LoadFromFile("../../../openapi/twitter-v2.yaml"); genErr == nil {
			genPkg, genErr = importer.ForCompiler(token.NewFileSet(), "source", nil).Import(genPath)
		}
	})
	if genErr != nil {
		t.Fatal(genErr)
	}
	return &generator{doc: genDoc, gen: genPkg, helpers: map[string]string{}, problems: types.NewSlice(genPkg.Scope().Lookup("Problem").Type())}
}

// operationAnswering is a GET whose 200 body is the component schema named schema.
func operationAnswering(id, schema string, ext map[string]any) *openapi3.Operation {
	resp := openapi3.NewResponse().WithDescription("ok").
		WithContent(openapi3.NewContentWithJSONSchemaRef(openapi3.NewSchemaRef("#/components/schemas/"+schema, nil)))
	o := openapi3.NewOperation()
	o.OperationID = id
	o.Extensions = ext
	o.Responses = openapi3.NewResponses(openapi3.WithStatus(200, &openapi3.ResponseRef{Value: resp}))
	return o
}

func TestOutcomesTheTypeCannotCarryAreErrors(t *testing.T) {
	g := newTestGenerator(t)
	for _, tc := range []struct {
		id, schema, outcome, want string
	}{
		// gen.Rule has no errors member: no outcome but none fits it.
		{"noErrors", "Rule", "allOrNothing", "has no errors member"},
		{"noErrorsPerItem", "Rule", "perItem", "has no errors member"},
		{"unknown", "SingleUserLookupResponse", "sometimes", "is not perItem, needData, allOrNothing or none"},
		{"missingType", "NoSuchSchema", "needData", "has no type in package gen"},
	} {
		g.errs = nil
		g.operation("GET", "/2/x", operationAnswering(tc.id, tc.schema, map[string]any{"x-twitter-outcome": tc.outcome}))
		if len(g.errs) != 1 || !strings.Contains(g.errs[0], tc.id) || !strings.Contains(g.errs[0], tc.want) {
			t.Errorf("%s: errors %q, want one about %q", tc.id, g.errs, tc.want)
		}
	}
}

func TestOutcomeDefaultsAndAccessors(t *testing.T) {
	g := newTestGenerator(t)
	for _, tc := range []struct {
		method, schema, outcome string
		errors                  bool
	}{
		{"GET", "SingleUserLookupResponse", "needData", true},
		{"POST", "UsersFollowingCreateResponse", "allOrNothing", true},
		{"GET", "Rule", "none", false},
	} {
		g.errs = nil
		op, ok := g.operation(tc.method, "/2/x", operationAnswering("op", tc.schema, nil))
		if !ok || len(g.errs) != 0 || op.Outcome != tc.outcome || op.Errors != tc.errors || op.Idempotent != (tc.method == "GET") {
			t.Errorf("%s %s: %+v (errors %q), want outcome %s", tc.method, tc.schema, op, g.errs, tc.outcome)
		}
	}
	// The data check of a single user is written out over the user's fields.
	op, _ := g.operation("GET", "/2/x", operationAnswering("op", "SingleUserLookupResponse", nil))
	if op.HasData != "nonZeroUser(&r.Data)" || !strings.Contains(g.helpers["nonZeroUser"], "v.ID != \"\"") {
		t.Errorf("HasData %q, helper %q", op.HasData, g.helpers["nonZeroUser"])
	}
}

func TestFacadeNamesAreChecked(t *testing.T) {
	g := newTestGenerator(t)
	g.operation("GET", "/2/x", operationAnswering("bad", "SingleUserLookupResponse", map[string]any{"x-twitter-facade": "users.byID"}))
	if len(g.errs) != 1 || !strings.Contains(g.errs[0], "is not Service.Method") {
		t.Errorf("errors %q", g.errs)
	}
	if got, err := stringList([]any{"Rules.Add", "Rules.Delete"}); err != nil || len(got) != 2 {
		t.Errorf("stringList = %v, %v", got, err)
	}
	if _, err := stringList(3); err == nil {
		t.Error("stringList(3): no error")
	}
}

// TestEnumsAreTheDocuments checks that every enum schema of the document's components is
// listed with exactly its values, in the document's order (gen's constants are sorted).
func TestEnumsAreTheDocuments(t *testing.T) {
	g := newTestGenerator(t)
	got := map[string][]string{}
	for _, e := range g.enums() {
		got[e.Type] = e.Values
	}
	if len(g.errs) != 0 {
		t.Fatalf("errors %q", g.errs)
	}
	n := 0
	for name, s := range g.doc.Components.Schemas {
		if s.Value == nil || len(s.Value.Enum) == 0 || !s.Value.Type.Is("string") || g.gen.Scope().Lookup(name) == nil {
			continue
		}
		var want []string
		for _, v := range s.Value.Enum {
			if !slices.Contains(want, v.(string)) {
				want = append(want, v.(string))
			}
		}
		if !slices.Equal(got[name], want) {
			t.Errorf("%s: %q, the document says %q", name, got[name], want)
		}
		n++
	}
	if n < 20 {
		t.Errorf("only %d enum schemas compared", n)
	}
	// Enums declared inline, on a parameter or a property, keep their order too.
	for typ, want := range map[string][]string{
		"SearchSpacesParamsState":         {"live", "scheduled", "all"},
		"TweetCreateRequestReplySettings": {"following", "mentionedUsers", "subscribers", "verified"},
		"ComplianceJobStatus":             {"created", "in_progress", "failed", "complete", "expired"},
		"Granularity":                     {"minute", "hour", "day"},
	} {
		if !slices.Equal(got[typ], want) {
			t.Errorf("%s: %q, want %q", typ, got[typ], want)
		}
	}
	if hasValid(g.gen.Scope().Lookup("Problem").Type()) || !hasValid(g.gen.Scope().Lookup("UserField").Type()) {
		t.Error("hasValid does not tell an enum (UserField) from a struct (Problem)")
	}
}

// TestEnumOrderMustBeKnown: values the document lists in two orders take the order of the
// type's own component schema; without one, or with values the document does not have,
// generation fails rather than guess.
func TestEnumOrderMustBeKnown(t *testing.T) {
	enumSchema := func(values ...any) *openapi3.SchemaRef {
		s := openapi3.NewStringSchema()
		s.Enum = values
		return s.NewRef()
	}
	doc := &openapi3.T{Paths: openapi3.NewPaths(), Components: &openapi3.Components{Schemas: openapi3.Schemas{
		"Tick": enumSchema("day", "hour", "minute"),
		"Tock": {Value: openapi3.NewObjectSchema().WithPropertyRef("size", enumSchema("hour", "minute", "day"))},
	}}}
	g := &generator{doc: doc}
	orders := documentEnums(doc)
	values := []string{"day", "hour", "minute"}
	if got, ok := g.documentOrder(orders, "Granularity", values); ok || len(g.errs) != 1 || !strings.Contains(g.errs[0], "no component schema Granularity says which") {
		t.Errorf("ambiguous order: %q, %v, errors %q", got, ok, g.errs)
	}
	doc.Components.Schemas["Granularity"] = enumSchema("minute", "day", "hour")
	orders = documentEnums(doc)
	g.errs = nil
	if got, ok := g.documentOrder(orders, "Granularity", values); !ok || !slices.Equal(got, []string{"minute", "day", "hour"}) || len(g.errs) != 0 {
		t.Errorf("own schema: %q, %v, errors %q", got, ok, g.errs)
	}
	if got, ok := g.documentOrder(orders, "TockSize", values); ok || len(g.errs) != 1 {
		t.Errorf("three orders, none its own: %q, %v, errors %q", got, ok, g.errs)
	}
	g.errs = nil
	if _, ok := g.documentOrder(orders, "Other", []string{"week"}); ok || len(g.errs) != 1 || !strings.Contains(g.errs[0], "no enum of the document has the values week") {
		t.Errorf("unknown values: errors %q", g.errs)
	}
}
