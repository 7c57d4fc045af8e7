package main

import (
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func ptr[T any](v T) *T { return &v }

// limitDoc is a document with a list schema of its own bounds, an object schema whose
// properties state lengths (one on its items), a named parameter and an operation with
// a parameter written in place.
func limitDoc(nameMax uint64) *openapi3.T {
	names := openapi3.NewArraySchema()
	names.MinItems, names.MaxItems = 2, ptr(uint64(49))
	names.Items = openapi3.NewSchemaRef("#/components/schemas/UserID", openapi3.NewStringSchema())
	options := openapi3.NewArraySchema()
	options.Items = openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"string"}, MinLength: 1, MaxLength: ptr(uint64(25))})
	req := openapi3.NewObjectSchema()
	req.Properties = openapi3.Schemas{
		"name":     openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"string"}, MinLength: 1, MaxLength: ptr(nameMax)}),
		"options":  openapi3.NewSchemaRef("", options),
		"names":    openapi3.NewSchemaRef("#/components/schemas/Names", names), // a $ref: under its own name
		"ttl_msec": openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"integer"}, Min: ptr(-180.0), Max: ptr(17179869184.0)}),
	}
	doc := patternDoc(map[string]*openapi3.Schema{"Names": names, "ChatGroupCreateRequest": req})
	backfill := openapi3.NewQueryParameter("backfill_minutes").WithSchema(&openapi3.Schema{Type: &openapi3.Types{"integer"}, Min: ptr(0.0), Max: ptr(5.0)})
	doc.Components.Parameters = openapi3.ParametersMap{"StreamBackfillMinutes": &openapi3.ParameterRef{Value: backfill}}
	o := openapi3.NewOperation()
	o.OperationID = "searchNews"
	o.Parameters = openapi3.Parameters{
		{Ref: "#/components/parameters/StreamBackfillMinutes", Value: backfill},
		{Value: openapi3.NewQueryParameter("max_age_hours").WithSchema(&openapi3.Schema{Type: &openapi3.Types{"integer"}, Min: ptr(1.0), Max: ptr(720.0)})},
	}
	doc.Paths = openapi3.NewPaths(openapi3.WithPath("/2/news/search", &openapi3.PathItem{Get: o}))
	return doc
}

func TestDocumentLimitsAreNamedAfterTheirPlace(t *testing.T) {
	g := newTestGenerator(t)
	got, err := g.documentLimits(limitDoc(25))
	if err != nil {
		t.Fatal(err)
	}
	// ChatGroupCreateRequest is a type of gen: ttl_msec is named as gen names its field
	// (TTLMsec); SearchNewsParams is gen's type of the operation's parameters.
	req := "#/components/schemas/ChatGroupCreateRequest/properties/"
	want := map[string]schemaLimit{
		"minItemsNames":                               {"minItemsNames", "2", "#/components/schemas/Names/minItems"},
		"maxItemsNames":                               {"maxItemsNames", "49", "#/components/schemas/Names/maxItems"},
		"minLengthChatGroupCreateRequestName":         {"minLengthChatGroupCreateRequestName", "1", req + "name/minLength"},
		"maxLengthChatGroupCreateRequestName":         {"maxLengthChatGroupCreateRequestName", "25", req + "name/maxLength"},
		"minLengthChatGroupCreateRequestOptionsItems": {"minLengthChatGroupCreateRequestOptionsItems", "1", req + "options/items/minLength"},
		"maxLengthChatGroupCreateRequestOptionsItems": {"maxLengthChatGroupCreateRequestOptionsItems", "25", req + "options/items/maxLength"},
		"minimumChatGroupCreateRequestTTLMsec":        {"minimumChatGroupCreateRequestTTLMsec", "-180", req + "ttl_msec/minimum"},
		"maximumChatGroupCreateRequestTTLMsec":        {"maximumChatGroupCreateRequestTTLMsec", "17179869184", req + "ttl_msec/maximum"},
		"minimumStreamBackfillMinutes":                {"minimumStreamBackfillMinutes", "0", "#/components/parameters/StreamBackfillMinutes/schema/minimum"},
		"maximumStreamBackfillMinutes":                {"maximumStreamBackfillMinutes", "5", "#/components/parameters/StreamBackfillMinutes/schema/maximum"},
		"minimumSearchNewsMaxAgeHours":                {"minimumSearchNewsMaxAgeHours", "1", "#/paths/~12~1news~1search/get/parameters/1/schema/minimum"},
		"maximumSearchNewsMaxAgeHours":                {"maximumSearchNewsMaxAgeHours", "720", "#/paths/~12~1news~1search/get/parameters/1/schema/maximum"},
	}
	if len(got) != len(want) {
		t.Errorf("limits %v, want %v", slices.Sorted(mapKeys(got)), slices.Sorted(mapKeys(want)))
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %+v, want %+v", name, got[name], w)
		}
	}
	// The constant follows the document: a changed limit is a changed constant.
	if got, _ := g.documentLimits(limitDoc(30)); got["maxLengthChatGroupCreateRequestName"].Value != "30" {
		t.Errorf("after the document's change: %+v", got["maxLengthChatGroupCreateRequestName"])
	}
}

func TestDocumentLimitsRefuseTwoPlacesUnderOneName(t *testing.T) {
	doc := limitDoc(25)
	doc.Components.Schemas["ChatGroupCreateRequestName"] = openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"string"}, MaxLength: ptr(uint64(3))})
	g := &generator{}
	if _, err := g.documentLimits(doc); err == nil || !strings.Contains(err.Error(), "would both be maxLengthChatGroupCreateRequestName") {
		t.Errorf("%v, want an error about two places under one name", err)
	}
}

func TestLimitsAreTheOnesTheFacadeUses(t *testing.T) {
	src := `package twitter

func check(n int) error {
	maximum := 3 // not a limit's name: nothing after the keyword
	if n > maxLengthChatGroupCreateRequestName || n > maximum {
		return invalid("m", "at most %d", maxLengthChatGroupCreateRequestName)
	}
	_, err := bounded("m", "MaxAgeHours", n, minimumSearchNewsMaxAgeHours, maximumSearchNewsMaxAgeHours)
	return err
}
`
	file, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	f := &facade{limits: map[string]string{}}
	f.useLimits(file, "x.go")
	g := &generator{}
	var names []string
	for _, l := range g.limits(limitDoc(25), f) {
		names = append(names, l.Const)
	}
	if want := []string{"maxLengthChatGroupCreateRequestName", "maximumSearchNewsMaxAgeHours", "minimumSearchNewsMaxAgeHours"}; len(g.errs) != 0 || !slices.Equal(names, want) {
		t.Errorf("limits %v, errors %q; want %v", names, g.errs, want)
	}

	f.limits["maxLengthSearchNewsQuery"] = "news.go"
	g = &generator{}
	g.limits(limitDoc(25), f)
	if len(g.errs) != 1 || !strings.Contains(g.errs[0], "twitter/news.go names maxLengthSearchNewsQuery, but the document states no such limit") {
		t.Errorf("a name the document lacks: errors %q", g.errs)
	}
}

func TestLimitsFileIsGoAndNamesItsPlaces(t *testing.T) {
	src, err := execute(limitTmpl, []schemaLimit{{"maxItemsNames", "49", "#/components/schemas/Names/maxItems"}, {"minimumGeoBboxItems", "-180", "#/components/schemas/Geo/properties/bbox/items/minimum"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\t// #/components/schemas/Names/maxItems\n\tmaxItemsNames = 49\n", "\tminimumGeoBboxItems = -180\n"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("limits.gen.go lacks %q:\n%s", want, src)
		}
	}
}
