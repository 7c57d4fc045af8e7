package main

import (
	"go/constant"
	"go/types"
	"maps"
	"slices"
	"strings"
	"text/template"

	"github.com/getkin/kin-openapi/openapi3"
)

// enum is one string enum of the generated client: a type with a Valid method and the
// constants oapi-codegen writes for the document's values.
type enum struct {
	Type   string   // UserField
	Values []string // the document's values, in the document's order
}

// enums returns every string type of package gen that has a Valid method, with its values
// in the order the document lists them, ordered by type name. oapi-codegen writes an
// enum's constants sorted, so the order is the document's: the enum of the document with
// the same values, or, when the document lists those values in more than one order, the
// component schema of the type's name. A type whose values no enum of the document has,
// or has in several orders none of which is its own schema's, is a generation error.
func (g *generator) enums() []enum {
	byType := map[*types.TypeName][]string{}
	scope := g.gen.Scope()
	for _, name := range scope.Names() {
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || c.Val().Kind() != constant.String {
			continue
		}
		named, ok := c.Type().(*types.Named)
		if !ok || named.Obj().Pkg() != g.gen {
			continue
		}
		byType[named.Obj()] = append(byType[named.Obj()], constant.StringVal(c.Val()))
	}
	orders := documentEnums(g.doc)
	var out []enum
	for tn, values := range byType {
		if !hasValid(tn.Type()) {
			continue
		}
		values, ok := g.documentOrder(orders, tn.Name(), values)
		if !ok {
			continue
		}
		out = append(out, enum{Type: tn.Name(), Values: values})
	}
	slices.SortFunc(out, func(a, b enum) int { return strings.Compare(a.Type, b.Type) })
	return out
}

// documentOrder returns the values of the generated enum typ in the document's order.
func (g *generator) documentOrder(orders map[string][][]string, typ string, values []string) ([]string, bool) {
	key := enumKey(values)
	candidates := orders[key]
	switch {
	case len(candidates) == 1:
		return candidates[0], true
	case len(candidates) == 0:
		g.errs = append(g.errs, "enum gen."+typ+": no enum of the document has the values "+strings.Join(values, ", "))
		return nil, false
	}
	if s := g.doc.Components.Schemas[typ]; s != nil && s.Value != nil {
		if own := stringEnum(s.Value); own != nil && enumKey(own) == key {
			return own, true
		}
	}
	var listed []string
	for _, c := range candidates {
		listed = append(listed, "["+strings.Join(c, ", ")+"]")
	}
	g.errs = append(g.errs, "enum gen."+typ+": the document lists its values in "+
		strings.Join(listed, " and ")+" and no component schema "+typ+" says which")
	return nil, false
}

// enumKey identifies a set of enum values whatever their order.
func enumKey(values []string) string {
	s := slices.Clone(values)
	slices.Sort(s)
	return strings.Join(slices.Compact(s), "\x00")
}

// stringEnum is the string values of s's enum in the document's order, each once; nil
// when s is no string enum.
func stringEnum(s *openapi3.Schema) []string {
	if len(s.Enum) == 0 || !s.Type.Is("string") {
		return nil
	}
	var out []string
	for _, v := range s.Enum {
		if v, ok := v.(string); ok && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// documentEnums collects every string enum of the document (its component schemas,
// parameters, request bodies and responses, at any depth) by its set of values, each
// distinct order once.
func documentEnums(doc *openapi3.T) map[string][][]string {
	out := map[string][][]string{}
	seen := map[*openapi3.Schema]bool{}
	var walk func(r *openapi3.SchemaRef)
	walkAll := func(rs openapi3.SchemaRefs) {
		for _, r := range rs {
			walk(r)
		}
	}
	walk = func(r *openapi3.SchemaRef) {
		if r == nil || r.Value == nil || seen[r.Value] {
			return
		}
		s := r.Value
		seen[s] = true
		if values := stringEnum(s); values != nil {
			key := enumKey(values)
			if !slices.ContainsFunc(out[key], func(o []string) bool { return slices.Equal(o, values) }) {
				out[key] = append(out[key], values)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			walk(s.Properties[name])
		}
		walk(s.Items)
		walk(s.Not)
		walk(s.AdditionalProperties.Schema)
		walkAll(s.AllOf)
		walkAll(s.OneOf)
		walkAll(s.AnyOf)
	}
	content := func(c openapi3.Content) {
		for _, mt := range slices.Sorted(maps.Keys(c)) {
			walk(c[mt].Schema)
		}
	}
	parameters := func(ps openapi3.Parameters) {
		for _, p := range ps {
			if p.Value != nil {
				walk(p.Value.Schema)
				content(p.Value.Content)
			}
		}
	}
	if doc.Components != nil {
		for _, name := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
			walk(doc.Components.Schemas[name])
		}
		for _, name := range slices.Sorted(maps.Keys(doc.Components.Parameters)) {
			parameters(openapi3.Parameters{doc.Components.Parameters[name]})
		}
	}
	for _, path := range slices.Sorted(maps.Keys(doc.Paths.Map())) {
		item := doc.Paths.Value(path)
		parameters(item.Parameters)
		for _, o := range item.Operations() {
			parameters(o.Parameters)
			if o.RequestBody != nil && o.RequestBody.Value != nil {
				content(o.RequestBody.Value.Content)
			}
			if o.Responses != nil {
				for _, r := range o.Responses.Map() {
					if r.Value != nil {
						content(r.Value.Content)
					}
				}
			}
		}
	}
	return out
}

// hasValid reports whether t has the method Valid() bool that oapi-codegen writes for an
// enum.
func hasValid(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, "Valid")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 &&
		types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool])
}

var enumTmpl = template.Must(template.New("enums").Funcs(template.FuncMap{
	"join": func(s []string) string { return strings.Join(s, ", ") },
}).Parse(`// Code generated by internal/cmd/opfacts from openapi/twitter-v2.yaml. DO NOT EDIT.

package twitter

import "github.com/twitterkit/go/gen"

// enumValues lists the document's values of v's enum type, for the error that rejects a
// value outside them; "" when v is not one of the generated client's enums.
func enumValues(v any) string {
	switch v.(type) {
	{{- range .}}
	case gen.{{.Type}}:
		return {{printf "%q" (join .Values)}}
	{{- end}}
	}
	return ""
}
`))
