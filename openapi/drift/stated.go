package drift

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// statedKey is the root extension of our document that lists differences kept on purpose.
const statedKey = "x-differences-from-published"

// A Statement is one entry of x-differences-from-published: a fact line and the evidence
// for keeping it.
type Statement struct {
	Fact string `json:"fact"`
	Why  string `json:"why"`
}

// stated maps each fact a statement covers to its statement. A statement about a list
// ("... lacks values ['a', 'b']") covers each name of it on its own line.
type stated struct {
	facts map[string]*Statement
	used  map[*Statement]bool
	order []*Statement
}

// statements reads x-differences-from-published from doc. An entry without a fact or a
// reason is an error: a difference is stated with its evidence or not at all.
func statements(doc *openapi3.T) (*stated, error) {
	s := &stated{facts: map[string]*Statement{}, used: map[*Statement]bool{}}
	raw, ok := doc.Extensions[statedKey]
	if !ok || raw == nil {
		return s, nil
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("drift: %s is not a list", statedKey)
	}
	for i, e := range list {
		m, _ := e.(map[string]any)
		fact, _ := m["fact"].(string)
		why, _ := m["why"].(string)
		fact, why = strings.TrimSpace(fact), strings.TrimSpace(why)
		if fact == "" || why == "" {
			return nil, fmt.Errorf("drift: %s entry %d needs both a fact and a why", statedKey, i+1)
		}
		st := &Statement{Fact: fact, Why: why}
		s.order = append(s.order, st)
		for _, f := range expand(fact) {
			s.facts[f] = st
		}
	}
	return s, nil
}

// expand turns a statement's fact into the one-name lines Compare writes. It also reads
// the words the project's reference checker (spec-facts) writes for the same facts: "lacks
// newer values" for values of X's newest document, and its note on legacy operations.
func expand(fact string) []string {
	fact = strings.TrimSuffix(fact, " (nor a known legacy one)")
	fact = strings.Replace(fact, " lacks newer values ", " lacks values ", 1)
	fact = strings.Replace(fact, " lacks newer fields ", " lacks fields ", 1)
	open := strings.LastIndex(fact, " [")
	if open < 0 || !strings.HasSuffix(fact, "]") {
		return []string{fact}
	}
	group, items := fact[:open], fact[open+2:len(fact)-1]
	var out []string
	for _, it := range strings.Split(items, ",") {
		it = strings.Trim(strings.TrimSpace(it), `'"`)
		if it != "" {
			out = append(out, group+" "+pyList(it))
		}
	}
	return out
}

// mark sets Stated and Why on the differences the statements cover, and returns the
// statements that covered none.
func (s *stated) mark(diffs []Difference) ([]Difference, []Statement) {
	for i := range diffs {
		if st, ok := s.facts[diffs[i].Fact]; ok {
			diffs[i].Stated, diffs[i].Why = true, st.Why
			s.used[st] = true
		}
	}
	var stale []Statement
	for _, st := range s.order {
		if !s.used[st] {
			stale = append(stale, *st)
		}
	}
	return diffs, stale
}
