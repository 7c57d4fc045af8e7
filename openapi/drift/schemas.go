package drift

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// maxDepth bounds the walk through allOf, oneOf and anyOf (and guards against cycles).
const maxDepth = 8

// fields lists the property names of an object schema: its own, those of its allOf parts,
// and the union of its oneOf and anyOf alternatives.
func fields(s *openapi3.SchemaRef) []string {
	set := map[string]bool{}
	walkProperties(s, 0, func(name string, _ *openapi3.SchemaRef) {
		set[name] = true
	})
	return sorted(set)
}

// property finds a property by name as fields walks them; nil when there is none.
func property(s *openapi3.SchemaRef, name string) *openapi3.SchemaRef {
	var found *openapi3.SchemaRef
	walkProperties(s, 0, func(n string, p *openapi3.SchemaRef) {
		if n == name && found == nil && p != nil && p.Value != nil {
			found = p
		}
	})
	return found
}

func walkProperties(s *openapi3.SchemaRef, depth int, fn func(string, *openapi3.SchemaRef)) {
	if s == nil || s.Value == nil || depth > maxDepth {
		return
	}
	v := s.Value
	for _, name := range sortedKeys(v.Properties) {
		fn(name, v.Properties[name])
	}
	for _, list := range []openapi3.SchemaRefs{v.AllOf, v.OneOf, v.AnyOf} {
		for _, sub := range list {
			walkProperties(sub, depth+1, fn)
		}
	}
}

// schemas compares the objects (components/schemas) both documents name: their fields,
// their enum values, and the enum values of the fields both have. An object of ours is
// matched with X's of the same name, or with X's "post" name for it (Tweet and Post).
// Objects only one document names are not compared: names of schemas are organisation,
// and what the API sends is compared through the operations.
func (c *comparer) schemas(ours, theirs *openapi3.T) {
	if ours.Components == nil || theirs.Components == nil {
		return
	}
	their := theirs.Components.Schemas
	twins := map[string]string{}
	for name := range their {
		if tw, ok := tweetName(name); ok {
			if _, clash := their[tw]; !clash {
				twins[tw] = name
			}
		}
	}
	for _, name := range sortedKeys(ours.Components.Schemas) {
		t, ok := their[name]
		if !ok {
			if twin, found := twins[name]; found {
				t = their[twin]
			}
		}
		if t == nil {
			continue
		}
		c.schema("schema "+name, ours.Components.Schemas[name], t)
	}
}

func (c *comparer) schema(subject string, ours, theirs *openapi3.SchemaRef) {
	both := c.names(subject, "field", fields(ours), fields(theirs),
		func(n string) { c.add(ObjectFieldMissing, subject, subject+": lacks fields", n) },
		func(n string) { c.add(ObjectFieldExtra, subject, subject+": has fields the API lacks", n) })
	if ours.Value != nil && theirs.Value != nil {
		c.enums(subject, "", enumOf(ours.Value), enumOf(theirs.Value))
	}
	for _, n := range sortedKeys(both) {
		m, t := property(ours, n), property(theirs, both[n])
		if m == nil || t == nil {
			continue
		}
		// A field that refers to a named object is compared with that object, once.
		if m.Ref != "" && t.Ref != "" {
			continue
		}
		c.enums(subject, n, paramEnum(m), paramEnum(t))
	}
}
