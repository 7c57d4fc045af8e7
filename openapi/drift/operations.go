package drift

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// operation is one operation of a document with the parameters of its path item.
type operation struct {
	op     *openapi3.Operation
	shared openapi3.Parameters
}

var pathParam = regexp.MustCompile(`\{[^}]+\}`)

// operations indexes a document's operations by key: "GET /2/tweets/{}".
func operations(doc *openapi3.T) map[string]operation {
	ops := map[string]operation{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops[opKey(method, path)] = operation{op: op, shared: item.Parameters}
		}
	}
	return ops
}

func opKey(method, path string) string {
	return strings.ToUpper(method) + " " + pathParam.ReplaceAllString(path, "{}")
}

// operations compares the operations of both documents and returns how many both have.
func (c *comparer) operations(ours, theirs map[string]operation) int {
	shared := 0
	for _, key := range sortedKeys(theirs) {
		if _, ok := ours[key]; !ok {
			c.addLine(OperationMissing, key, "published operation not in the document: "+key)
		}
	}
	for _, key := range sortedKeys(ours) {
		t, ok := theirs[key]
		if !ok {
			c.addLine(OperationExtra, key, key+": not an operation of the published API")
			continue
		}
		shared++
		c.operation(key, ours[key], t)
	}
	return shared
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (c *comparer) operation(key string, ours, theirs operation) {
	c.parameters(key, params(ours), params(theirs))
	c.fieldSets(key, "request body field", BodyFieldMissing, BodyFieldExtra,
		"request body lacks", "request body has fields the API lacks",
		bodyFields(ours.op), bodyFields(theirs.op))
	mineTop, mineData := responseFields(ours.op)
	theirTop, theirData := responseFields(theirs.op)
	c.fieldSets(key, "response field", ResponseFieldMissing, ResponseFieldExtra,
		"response lacks top-level", "response has top-level fields the API lacks", mineTop, theirTop)
	c.fieldSets(key, "response data field", ResponseFieldMissing, ResponseFieldExtra,
		"response data lacks", "response data has fields the API lacks", mineData, theirData)
	if m, t := successes(ours.op), successes(theirs.op); strings.Join(m, " ") != strings.Join(t, " ") {
		c.addLine(StatusChanged, key, fmt.Sprintf("%s: answers %s, API says %s", key, orList(m), orList(t)))
	}
}

// fieldSets compares two lists of field names, one Difference per field.
func (c *comparer) fieldSets(key, what string, missingKind, extraKind Kind, missing, extra string, ours, theirs []string) {
	c.names(key, what, ours, theirs,
		func(n string) { c.add(missingKind, key, key+": "+missing, n) },
		func(n string) { c.add(extraKind, key, key+": "+extra, n) })
}

// param is what is compared of a parameter.
type param struct {
	in, name string
	required bool
	enum     []string
}

// params lists an operation's parameters other than path parameters (whose names differ
// between documents and whose number is in the key), the operation's own overriding its
// path item's.
func params(o operation) map[string]param {
	out := map[string]param{}
	for _, list := range []openapi3.Parameters{o.shared, o.op.Parameters} {
		for _, ref := range list {
			p := ref.Value
			if p == nil || p.Name == "" || p.In == openapi3.ParameterInPath {
				continue
			}
			out[p.In+" "+p.Name] = param{in: p.In, name: p.Name, required: p.Required, enum: paramEnum(p.Schema)}
		}
	}
	return out
}

func paramEnum(s *openapi3.SchemaRef) []string {
	if s == nil || s.Value == nil {
		return nil
	}
	if s.Value.Type.Is(openapi3.TypeArray) && s.Value.Items != nil && s.Value.Items.Value != nil {
		return enumOf(s.Value.Items.Value)
	}
	return enumOf(s.Value)
}

func enumOf(s *openapi3.Schema) []string {
	out := make([]string, 0, len(s.Enum))
	for _, v := range s.Enum {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// parameters compares parameters by place and name, then the required flag and enum
// values of those both have.
func (c *comparer) parameters(key string, ours, theirs map[string]param) {
	for _, in := range places(ours, theirs) {
		mine, their := byName(ours, in), byName(theirs, in)
		both := c.names(key, in+" parameter", sortedKeys(mine), sortedKeys(their),
			func(n string) {
				c.addLine(ParameterMissing, key, fmt.Sprintf("%s: missing %s parameter %s", key, in, n))
			},
			func(n string) {
				c.addLine(ParameterExtra, key, fmt.Sprintf("%s: %s parameter %s is not in the published API", key, in, n))
			})
		for _, n := range sortedKeys(both) {
			m, t := mine[n], their[both[n]]
			if m.required != t.required {
				c.addLine(ParameterRequired, key, fmt.Sprintf("%s: %s parameter %s required=%s, API says %s",
					key, in, n, pyBool(m.required), pyBool(t.required)))
			}
			c.enums(key, n, m.enum, t.enum)
		}
	}
}

// enums compares the enum values of a parameter or field (name), or of the subject itself
// when name is empty.
func (c *comparer) enums(subject, name string, ours, theirs []string) {
	prefix, what := subject+": "+name, name+" value"
	if name == "" {
		prefix, what = subject+":", "value"
	}
	c.names(subject, what, ours, theirs,
		func(v string) { c.add(EnumMissing, subject, prefix+" lacks values", v) },
		func(v string) { c.add(EnumExtra, subject, prefix+" has values the API lacks", v) })
}

func places(a, b map[string]param) []string {
	set := map[string]bool{}
	for _, m := range []map[string]param{a, b} {
		for _, p := range m {
			set[p.in] = true
		}
	}
	return sorted(set)
}

func byName(m map[string]param, in string) map[string]param {
	out := map[string]param{}
	for _, p := range m {
		if p.in == in {
			out[p.name] = p
		}
	}
	return out
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// bodyFields lists the fields of an operation's JSON request body.
func bodyFields(op *openapi3.Operation) []string {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil {
		return fields(mt.Schema)
	}
	return nil
}

// responseFields lists the top-level fields of an operation's JSON success response and
// the fields of its data (of each element, when data is a list).
func responseFields(op *openapi3.Operation) (top, data []string) {
	if op.Responses == nil {
		return nil, nil
	}
	for _, code := range []string{"200", "201"} {
		resp := op.Responses.Value(code)
		if resp == nil || resp.Value == nil {
			continue
		}
		for _, ctype := range sortedKeys(resp.Value.Content) {
			if !strings.Contains(ctype, "json") {
				continue
			}
			s := resp.Value.Content[ctype].Schema
			top = fields(s)
			if d := property(s, "data"); d != nil {
				if d.Value.Type.Is(openapi3.TypeArray) && d.Value.Items != nil {
					d = d.Value.Items
				}
				data = fields(d)
			}
			return top, data
		}
	}
	return nil, nil
}

// successes lists an operation's 2xx statuses, in order.
func successes(op *openapi3.Operation) []string {
	var out []string
	if op.Responses != nil {
		for code := range op.Responses.Map() {
			if strings.HasPrefix(code, "2") {
				out = append(out, code)
			}
		}
	}
	sort.Strings(out)
	return out
}

func orList(codes []string) string {
	if len(codes) == 0 {
		return "no success status"
	}
	return strings.Join(codes, " or ")
}
