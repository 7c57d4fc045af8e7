package main

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// The facade checks ids, handles and a few other strings against the patterns the
// document states, before it sends them. Every such pattern is a variable of
// twitter/patterns.gen.go named after the schema that states it:
//
//	patternUserID                          components/schemas/UserID
//	patternChatGroupCreateRequestTTLMsec   property ttl_msec of components/schemas/ChatGroupCreateRequest
//
// A variable is generated when the facade's hand-written code names it, or a generated
// method (methods.gen.go) checks its path parameter with it; a name the document has no
// pattern for is an error. So the facade restates no pattern: it names the schema.

// patternPrefix begins the name of every pattern variable.
const patternPrefix = "pattern"

// schemaPattern is one pattern of the document, under the name of its variable.
type schemaPattern struct {
	Var, Pattern string
	Where        string // "#/components/schemas/UserID", ".../ChatGroupCreateRequest/properties/ttl_msec"
	// Same is the variable of an earlier pattern written the same, which this one shares:
	// each distinct pattern is compiled once (a {1,19} repeat compiles to some kilobytes,
	// at every program's start).
	Same string
}

// documentPatterns returns every pattern the document states on a named schema or on a
// property (written in place) of a named object schema, by variable name.
func (g *generator) documentPatterns(doc *openapi3.T) (map[string]schemaPattern, error) {
	out := map[string]schemaPattern{}
	add := func(name, pattern, where string) error {
		if prev, ok := out[name]; ok {
			return fmt.Errorf("%s and %s would both be %s", prev.Where, where, name)
		}
		if _, err := regexp.Compile(pattern); err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		out[name] = schemaPattern{Var: name, Pattern: pattern, Where: where}
		return nil
	}
	for _, name := range slices.Sorted(mapKeys(doc.Components.Schemas)) {
		s := doc.Components.Schemas[name].Value
		if s == nil {
			continue
		}
		where := "#/components/schemas/" + name
		if s.Pattern != "" {
			if err := add(patternName(name, ""), s.Pattern, where); err != nil {
				return nil, err
			}
		}
		for _, prop := range slices.Sorted(mapKeys(s.Properties)) {
			p := s.Properties[prop]
			if p.Ref != "" || p.Value == nil || p.Value.Pattern == "" {
				continue // a $ref states its pattern under its own name
			}
			if err := add(patternName(name, g.fieldName(name, prop)), p.Value.Pattern, where+"/properties/"+prop); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// patternName is the variable of the pattern of schema, or of its field (the Go name of
// one of its properties): patternUserID, patternChatGroupCreateRequestTTLMsec.
func patternName(schema, field string) string {
	return patternPrefix + schema + field
}

// fieldName is the Go name of property prop of schema as the generated client spells it
// (ttl_msec: TTLMsec), or prop in camel case (TtlMsec) where gen has no such field.
func (g *generator) fieldName(schema, prop string) string {
	if g.gen != nil {
		if obj := g.gen.Scope().Lookup(schema); obj != nil {
			if st, ok := obj.Type().Underlying().(*types.Struct); ok {
				for i := range st.NumFields() {
					tag, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
					if tag == prop {
						return st.Field(i).Name()
					}
				}
			}
		}
	}
	return camel(prop)
}

// isPatternName reports whether an identifier of the facade names a pattern variable:
// the prefix and then a capital letter.
func isPatternName(id string) bool {
	rest, ok := strings.CutPrefix(id, patternPrefix)
	return ok && rest != "" && unicode.IsUpper(rune(rest[0]))
}

// usePatterns records the pattern variables a hand-written file of the facade names.
func (f *facade) usePatterns(file *ast.File, base string) {
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && isPatternName(id.Name) {
			if _, seen := f.patterns[id.Name]; !seen {
				f.patterns[id.Name] = base
			}
		}
		return true
	})
}

// patterns returns the pattern variables to generate: those the facade names and those
// the generated methods check with, sorted by name.
func (g *generator) patterns(doc *openapi3.T, f *facade, ms []method) []schemaPattern {
	all, err := g.documentPatterns(doc)
	if err != nil {
		g.fail("patterns", "%v", err)
		return nil
	}
	used := map[string]string{} // variable → who uses it
	for name, file := range f.patterns {
		used[name] = "twitter/" + file
	}
	for _, m := range ms {
		if m.Param != "" {
			used[m.Pattern] = m.Full + " (x-twitter-method)"
		}
	}
	var out []schemaPattern
	first := map[string]string{} // pattern → the variable that compiles it
	for _, name := range slices.Sorted(mapKeys(used)) {
		p, ok := all[name]
		if !ok {
			g.fail("patterns", "%s names %s, but no schema of the document states that pattern (%s<Schema> or %s<Schema><Property>)", used[name], name, patternPrefix, patternPrefix)
			continue
		}
		if v, ok := first[p.Pattern]; ok {
			p.Same = v
		} else {
			first[p.Pattern] = p.Var
		}
		out = append(out, p)
	}
	return out
}

var patternTmpl = template.Must(template.New("patterns").Parse(`// Code generated by internal/cmd/opfacts from openapi/twitter-v2.yaml. DO NOT EDIT.

package twitter

import "regexp"

// The patterns the facade checks arguments against before sending, each named after the
// schema of the document that states it (patternUserID: the schema UserID;
// patternChatGroupCreateRequestTTLMsec: the property ttl_msec of ChatGroupCreateRequest).
// A pattern is here when the facade or a generated method uses it; one written as an
// earlier one shares its compiled form.
var (
{{- range $i, $p := .}}
{{- if $i}}
{{end}}
	// {{$p.Where}}
{{- if $p.Same}}
	{{$p.Var}} = {{$p.Same}} // {{printf "%q" $p.Pattern}}
{{- else}}
	{{$p.Var}} = regexp.MustCompile({{printf "%q" $p.Pattern}})
{{- end}}
{{- end}}
)
`))
