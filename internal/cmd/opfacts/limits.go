package main

import (
	"fmt"
	"go/ast"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// The facade checks lengths, counts and ranges before it sends them, against the limits
// the document states. Every such limit is a constant of twitter/limits.gen.go named after
// its keyword and the place that states it:
//
//	maxItemsDmParticipants                       components/schemas/DmParticipants
//	maxLengthListCreateRequestName               property name of components/schemas/ListCreateRequest
//	maxLengthTweetCreateRequestPollOptionsItems  the items of property options of TweetCreateRequestPoll
//	maximumStreamBackfillMinutes                 components/parameters/StreamBackfillMinutes
//	maxLengthSearchRecentTweetsQuery             parameter query of operation searchRecentTweets
//
// A constant is generated when the facade's hand-written code names it; a name the
// document has no such limit for is an error. So the facade restates no limit: it names
// the place that states it, as it names a schema for its pattern (patterns.go).

// limitKinds are the keywords of a limit, which begin the names of their constants.
var limitKinds = []string{"maxLength", "minLength", "maxItems", "minItems", "maximum", "minimum"}

// schemaLimit is one limit of the document, under the name of its constant.
type schemaLimit struct {
	Const string
	Value string // a Go constant: 25, 17179869184, -180
	Where string // "#/components/schemas/ListCreateRequest/properties/name/maxLength"
}

// limitsOf returns the limits schema s states, by keyword, in the order of limitKinds.
// minLength and minItems of 0 state nothing (kin-openapi cannot tell them from absent, and
// nothing is shorter than empty).
func limitsOf(s *openapi3.Schema) [][2]string {
	var out [][2]string
	count := func(kind string, n uint64) {
		if n > 0 {
			out = append(out, [2]string{kind, strconv.FormatUint(n, 10)})
		}
	}
	bound := func(kind string, f *float64) {
		if f == nil {
			return
		}
		v := strconv.FormatFloat(*f, 'g', -1, 64)
		if *f == math.Trunc(*f) && math.Abs(*f) < 1<<53 {
			v = strconv.FormatInt(int64(*f), 10)
		}
		out = append(out, [2]string{kind, v})
	}
	if s.MaxLength != nil {
		count("maxLength", *s.MaxLength)
	}
	count("minLength", s.MinLength)
	if s.MaxItems != nil {
		count("maxItems", *s.MaxItems)
	}
	count("minItems", s.MinItems)
	bound("maximum", s.Max)
	bound("minimum", s.Min)
	return out
}

// inline is the schema written in place at ref; nil for a $ref, which states its limits
// under its own name.
func inline(ref *openapi3.SchemaRef) *openapi3.Schema {
	if ref == nil || ref.Ref != "" {
		return nil
	}
	return ref.Value
}

// documentLimits returns every limit the document states on a named schema, on a property
// (written in place) of one, on the items (written in place) of either, on a named
// parameter or on a parameter written in place in an operation, by constant name.
func (g *generator) documentLimits(doc *openapi3.T) (map[string]schemaLimit, error) {
	out := map[string]schemaLimit{}
	var err error
	add := func(name, where string, s *openapi3.Schema) {
		if s == nil {
			return
		}
		for _, l := range limitsOf(s) {
			c := l[0] + name
			if prev, ok := out[c]; ok && err == nil {
				err = fmt.Errorf("%s and %s would both be %s", prev.Where, where+"/"+l[0], c)
			}
			out[c] = schemaLimit{Const: c, Value: l[1], Where: where + "/" + l[0]}
		}
		if it := inline(s.Items); it != nil {
			for _, l := range limitsOf(it) {
				c := l[0] + name + "Items"
				if prev, ok := out[c]; ok && err == nil {
					err = fmt.Errorf("%s and %s would both be %s", prev.Where, where+"/items/"+l[0], c)
				}
				out[c] = schemaLimit{Const: c, Value: l[1], Where: where + "/items/" + l[0]}
			}
		}
	}
	if doc.Components != nil {
		for _, name := range slices.Sorted(mapKeys(doc.Components.Schemas)) {
			s := doc.Components.Schemas[name].Value
			if s == nil {
				continue
			}
			where := "#/components/schemas/" + name
			add(name, where, s)
			for _, prop := range slices.Sorted(mapKeys(s.Properties)) {
				add(name+g.fieldName(name, prop), where+"/properties/"+prop, inline(s.Properties[prop]))
			}
		}
		for _, name := range slices.Sorted(mapKeys(doc.Components.Parameters)) {
			if p := doc.Components.Parameters[name].Value; p != nil {
				add(name, "#/components/parameters/"+name+"/schema", inline(p.Schema))
			}
		}
	}
	if doc.Paths != nil {
		for _, path := range slices.Sorted(mapKeys(doc.Paths.Map())) {
			item := doc.Paths.Find(path)
			for _, method := range []string{"GET", "PUT", "POST", "DELETE", "PATCH"} {
				o := item.GetOperation(method)
				if o == nil || o.OperationID == "" {
					continue
				}
				op := strings.ToUpper(o.OperationID[:1]) + o.OperationID[1:]
				for i, p := range o.Parameters {
					if p.Ref != "" || p.Value == nil {
						continue // a named parameter states its limits under its own name
					}
					where := fmt.Sprintf("#/paths/%s/%s/parameters/%d/schema", pointerToken(path), strings.ToLower(method), i)
					add(op+g.fieldName(op+"Params", p.Value.Name), where, inline(p.Value.Schema))
				}
			}
		}
	}
	return out, err
}

// pointerToken escapes s as one token of a JSON pointer (RFC 6901).
func pointerToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// isLimitName reports whether an identifier of the facade names a limit constant: a
// keyword of limitKinds and then a capital letter.
func isLimitName(id string) bool {
	for _, k := range limitKinds {
		if rest, ok := strings.CutPrefix(id, k); ok && rest != "" && unicode.IsUpper(rune(rest[0])) {
			return true
		}
	}
	return false
}

// useLimits records the limit constants a hand-written file of the facade names.
func (f *facade) useLimits(file *ast.File, base string) {
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && isLimitName(id.Name) {
			if _, seen := f.limits[id.Name]; !seen {
				f.limits[id.Name] = base
			}
		}
		return true
	})
}

// limits returns the limit constants the facade names, sorted by name.
func (g *generator) limits(doc *openapi3.T, f *facade) []schemaLimit {
	all, err := g.documentLimits(doc)
	if err != nil {
		g.fail("limits", "%v", err)
		return nil
	}
	var out []schemaLimit
	for _, name := range slices.Sorted(mapKeys(f.limits)) {
		l, ok := all[name]
		if !ok {
			g.fail("limits", "twitter/%s names %s, but the document states no such limit (<keyword><Schema>, <keyword><Schema><Property>, <keyword><Parameter> or <keyword><OperationId><Parameter>, with Items after the name for its items)", f.limits[name], name)
			continue
		}
		out = append(out, l)
	}
	return out
}

var limitTmpl = template.Must(template.New("limits").Parse(`// Code generated by internal/cmd/opfacts from openapi/twitter-v2.yaml. DO NOT EDIT.

package twitter

// The limits the facade checks arguments against before sending, each named after its
// keyword and the place of the document that states it (maxLengthListCreateRequestName:
// the maxLength of property name of ListCreateRequest; maxItemsLookupTweetsIds: the
// maxItems of parameter ids of operation lookupTweets). A limit is here when the facade
// uses it.
const (
{{- range $i, $l := .}}
{{- if $i}}
{{end}}
	// {{$l.Where}}
	{{$l.Const}} = {{$l.Value}}
{{- end}}
)
`))
