// Package drift holds the module's API document against the one X publishes and lists every
// fact where they differ: operations either side lacks, parameters (name, place, required),
// enum values, request-body fields, response fields, success statuses and the fields of the
// objects both documents name.
//
// Facts are compared, not wording or organisation. X's newest documents rename many "tweet"
// wire names to "post" (tweet.fields becomes post.fields); where our document has the tweet
// name and X's has the post name in its place, the difference is reported as a rename, not as
// a missing field. Differences our document keeps on purpose are stated at its root,
//
//	x-differences-from-published:
//	  - fact: "GET /2/tweets/{}: expansions lacks values ['username']"
//	    why: "evidence: ..."
//
// and are reported as stated, with their reason. Fact lines name operations by method and
// path with every path parameter written {}, as X's and our documents name them differently.
package drift

import (
	"fmt"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
)

// Kind says what a Difference is about and which side lacks it. "Missing" kinds are facts
// X's document has and ours lacks; "Extra" kinds are facts ours has and X's lacks.
type Kind string

// The kinds of difference.
const (
	OperationMissing     Kind = "operation-missing"
	OperationExtra       Kind = "operation-extra"
	ParameterMissing     Kind = "parameter-missing"
	ParameterExtra       Kind = "parameter-extra"
	ParameterRequired    Kind = "parameter-required" // both have it; one requires it
	EnumMissing          Kind = "enum-missing"
	EnumExtra            Kind = "enum-extra"
	BodyFieldMissing     Kind = "body-field-missing"
	BodyFieldExtra       Kind = "body-field-extra"
	ResponseFieldMissing Kind = "response-field-missing"
	ResponseFieldExtra   Kind = "response-field-extra"
	ObjectFieldMissing   Kind = "object-field-missing"
	ObjectFieldExtra     Kind = "object-field-extra"
	StatusChanged        Kind = "status-changed" // the success statuses differ
	// Rename is a "post" name of X's document where ours has the "tweet" name. Real
	// responses carry the tweet names, which our document keeps; a rename is reported but
	// is not drift.
	Rename Kind = "rename"
)

// A Difference is one fact on which the two documents disagree.
type Difference struct {
	Kind Kind `json:"kind"`
	// Side says which document has what the other lacks: OnlyTheirs, OnlyOurs or Both.
	Side string `json:"side"`
	// Subject is the operation ("GET /2/tweets/{}") or object ("schema Tweet") concerned.
	Subject string `json:"subject"`
	// Fact is the difference as one line. Facts about several names (fields, enum values)
	// are one Difference per name, each line ending in a one-name list: "... lacks ['x']".
	Fact string `json:"fact"`
	// Stated is set when our document states the difference on purpose; Why is its reason.
	Stated bool   `json:"stated,omitempty"`
	Why    string `json:"why,omitempty"`

	group string // Fact without its trailing list: lines of one group print as one
	value string // the name in the trailing list, if any
}

// Drift reports whether d counts against our document: not stated, not a rename.
func (d Difference) Drift() bool { return !d.Stated && d.Kind != Rename }

// The sides of a difference (Difference.Side).
const (
	OnlyTheirs = "theirs" // X's document has the fact, ours lacks it
	OnlyOurs   = "ours"   // ours has the fact, X's document lacks it
	Both       = "both"   // both have it and disagree, or name it differently
)

// sideOf says which document has what the other lacks.
func sideOf(k Kind) string {
	switch k {
	case OperationMissing, ParameterMissing, EnumMissing, BodyFieldMissing, ResponseFieldMissing, ObjectFieldMissing:
		return OnlyTheirs
	case OperationExtra, ParameterExtra, EnumExtra, BodyFieldExtra, ResponseFieldExtra, ObjectFieldExtra:
		return OnlyOurs
	}
	return Both
}

// Source describes one of the two documents.
type Source struct {
	Name       string `json:"name"` // a file name or URL
	Title      string `json:"title"`
	Version    string `json:"version"`
	Operations int    `json:"operations"`
}

// Report is the result of Compare.
type Report struct {
	Ours   Source `json:"ours"`
	Theirs Source `json:"theirs"`
	// Shared is the number of operations both documents have.
	Shared int `json:"shared_operations"`
	// Differences, ordered by Fact.
	Differences []Difference `json:"differences"`
	// Stale lists the stated differences that no longer occur: the statement can go.
	Stale []Statement `json:"stale_statements,omitempty"`
	// Counts by standing.
	DriftCount  int `json:"drift"`
	StatedCount int `json:"stated"`
	RenameCount int `json:"renames"`
}

// Parse reads an OpenAPI 3 document (JSON or YAML) with kin-openapi, resolving its
// internal references. name is used in errors and in the report.
func Parse(name string, data []byte) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("drift: read %s: %w", name, err)
	}
	if doc.Paths == nil || doc.Paths.Len() == 0 {
		return nil, fmt.Errorf("drift: %s has no paths: not an API document", name)
	}
	return doc, nil
}

// Compare lists the facts on which ours (the module's document) and theirs (X's) differ,
// and marks those ours states on purpose. The documents are only read.
func Compare(ours, theirs *openapi3.T) (*Report, error) {
	stmts, err := statements(ours)
	if err != nil {
		return nil, err
	}
	c := &comparer{}
	myOps, theirOps := operations(ours), operations(theirs)
	shared := c.operations(myOps, theirOps)
	c.schemas(ours, theirs)

	r := &Report{
		Ours:   source(ours, len(myOps)),
		Theirs: source(theirs, len(theirOps)),
		Shared: shared,
	}
	r.Differences, r.Stale = stmts.mark(c.diffs)
	sort.SliceStable(r.Differences, func(i, j int) bool { return r.Differences[i].Fact < r.Differences[j].Fact })
	for _, d := range r.Differences {
		switch {
		case d.Kind == Rename:
			r.RenameCount++
		case d.Stated:
			r.StatedCount++
		default:
			r.DriftCount++
		}
	}
	return r, nil
}

func source(doc *openapi3.T, ops int) Source {
	s := Source{Operations: ops}
	if doc.Info != nil {
		s.Title, s.Version = doc.Info.Title, doc.Info.Version
	}
	return s
}

// comparer collects differences.
type comparer struct{ diffs []Difference }

// add records a difference about one name (a field, a parameter, an enum value): its fact
// line is group followed by the name as a one-element list.
func (c *comparer) add(kind Kind, subject, group, value string) {
	c.diffs = append(c.diffs, Difference{
		Kind: kind, Side: sideOf(kind), Subject: subject, Fact: group + " " + pyList(value), group: group, value: value,
	})
}

// addLine records a difference whose fact is a whole line.
func (c *comparer) addLine(kind Kind, subject, fact string) {
	c.diffs = append(c.diffs, Difference{Kind: kind, Side: sideOf(kind), Subject: subject, Fact: fact, group: fact})
}

// names compares two sets of names under one subject: what theirs has and ours lacks is
// missing, the reverse extra, and a "post" name of theirs in place of our "tweet" name a
// rename (what says what the names are, for the rename line). It returns the pairs of
// names both have, ours to theirs.
func (c *comparer) names(subject, what string, ours, theirs []string, missing, extra func(name string)) map[string]string {
	mine, their := setOf(ours), setOf(theirs)
	both := map[string]string{}
	for _, n := range sorted(mine) {
		if their[n] {
			both[n] = n
		}
	}
	for _, t := range sorted(their) {
		if mine[t] {
			continue
		}
		if tw, ok := tweetName(t); ok && mine[tw] && !their[tw] {
			both[tw] = t
			c.addLine(Rename, subject, fmt.Sprintf("%s: %s %s is %s in X's document", subject, what, tw, t))
			continue
		}
		missing(t)
	}
	for _, n := range sorted(mine) {
		if _, ok := both[n]; !ok && !their[n] {
			extra(n)
		}
	}
	return both
}

func setOf(names []string) map[string]bool {
	s := make(map[string]bool, len(names))
	for _, n := range names {
		s[n] = true
	}
	return s
}

func sorted(s map[string]bool) []string {
	out := make([]string, 0, len(s))
	for n := range s {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// pyList writes one name as the list spec-facts prints: ['name'].
func pyList(name string) string { return "['" + name + "']" }
