package testserver

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
)

// The faults that make an answer drift from the document the way X's real answers do,
// without breaking JSON: FaultUnlistedValues and FaultMissingRequired. The body is
// rendered and checked against the document as usual, then drifted, so the drift is the
// only difference between it and a correct answer.
const (
	// driftMember is the member FaultUnlistedValues adds to every object: a name the
	// document has nowhere, holding a value of every JSON kind, to be skipped whole.
	driftMember = "drift_unknown_member"
	// driftValue is the value FaultUnlistedValues gives every enumerated string: letters
	// only, as X's own values are, and listed by no schema of the document.
	driftValue = "unlistedByTheDocument"
)

// driftMemberValue is what driftMember holds.
func driftMemberValue() any {
	return map[string]any{"nested": []any{json.Number("1"), "two", nil, true, map[string]any{}}}
}

// isDrift reports whether k is a kind that drifts the real body instead of replacing it.
func isDrift(k FaultKind) bool { return k == FaultUnlistedValues || k == FaultMissingRequired }

// drift returns body as the fault of c drifts it: body itself when c suffers no drift
// fault, the document states no JSON schema for the answer, or body is not JSON.
func (s *Server) drift(c *call, status int, body []byte) []byte {
	if c.fault == nil || !isDrift(c.fault.Kind) {
		return body
	}
	schema := responseSchema(c.rt.op, status)
	if schema == nil {
		return body
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return body
	}
	d := drifter{unlisted: c.fault.Kind == FaultUnlistedValues, omitRequired: c.fault.Kind == FaultMissingRequired}
	v = d.value(v, combined(schema, nil), true)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return body
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// responseSchema is the JSON schema the document gives op's answer of status (its
// default answer when it lists no such status), or nil.
func responseSchema(op *openapi3.Operation, status int) *openapi3.Schema {
	if op == nil || op.Responses == nil {
		return nil
	}
	r := op.Responses.Status(status)
	if r == nil {
		r = op.Responses.Default()
	}
	if r == nil || r.Value == nil {
		return nil
	}
	mt := r.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	return mt.Schema.Value
}

// combined appends s and every schema it combines (allOf, oneOf, anyOf, at any depth) to
// out: a value of s may take the members of any of them.
func combined(s *openapi3.Schema, out []*openapi3.Schema) []*openapi3.Schema {
	if s == nil || slices.Contains(out, s) {
		return out
	}
	out = append(out, s)
	for _, refs := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, r := range refs {
			out = combined(r.Value, out)
		}
	}
	return out
}

// drifter changes a decoded JSON value beside the schemas that describe it.
type drifter struct {
	unlisted     bool // add driftMember to objects, give enumerated strings driftValue
	omitRequired bool // drop required members below the top, all but "id"
}

func (d drifter) value(v any, schemas []*openapi3.Schema, top bool) any {
	switch v := v.(type) {
	case map[string]any:
		return d.object(v, schemas, top)
	case []any:
		var items []*openapi3.Schema
		for _, s := range schemas {
			if s.Items != nil {
				items = combined(s.Items.Value, items)
			}
		}
		for i, e := range v {
			v[i] = d.value(e, items, false)
		}
		return v
	case string:
		if d.unlisted && enumerated(schemas) {
			return driftValue
		}
	}
	return v
}

func (d drifter) object(v map[string]any, schemas []*openapi3.Schema, top bool) any {
	if d.omitRequired && !top {
		for _, s := range schemas {
			for _, name := range s.Required {
				if name != "id" {
					delete(v, name)
				}
			}
		}
	}
	for name, member := range v {
		var of []*openapi3.Schema
		for _, s := range schemas {
			if p := s.Properties[name]; p != nil {
				of = combined(p.Value, of)
			} else if ap := s.AdditionalProperties.Schema; ap != nil {
				of = combined(ap.Value, of)
			}
		}
		v[name] = d.value(member, of, false)
	}
	if d.unlisted {
		v[driftMember] = driftMemberValue()
	}
	return v
}

// enumerated reports whether one of schemas limits a string to listed values.
func enumerated(schemas []*openapi3.Schema) bool {
	for _, s := range schemas {
		for _, e := range s.Enum {
			if _, ok := e.(string); ok {
				return true
			}
		}
	}
	return false
}
