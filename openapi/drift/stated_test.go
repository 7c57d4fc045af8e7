package drift_test

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/openapi/drift"
)

// withStated is base with differences stated at its root.
func withStated(entries string) string {
	return base + "x-differences-from-published:\n" + entries
}

func TestCompareStatedDifference(t *testing.T) {
	// Stated as the reference checker prints it ("lacks newer values", a list); X's
	// document also gains a value the statement does not cover.
	ours := withStated(`
- fact: "GET /2/tweets/{}: expansions lacks newer values ['username', 'referenced_posts']"
  why: "evidence: X's field guide lists no such expansion"
`)
	r := compare(t, ours, func(theirs *openapi3.T) {
		items := param(t, lookup(theirs), "expansions").Schema.Value.Items.Value
		items.Enum = append(items.Enum, "username", "geo.place_id", "referenced_posts")
	})
	wantFacts(t, r, 1,
		"enum-missing: GET /2/tweets/{}: expansions lacks values ['geo.place_id']",
		"enum-missing: GET /2/tweets/{}: expansions lacks values ['referenced_posts']",
		"enum-missing: GET /2/tweets/{}: expansions lacks values ['username']")
	var stated []string
	for _, d := range r.Differences {
		if d.Stated {
			stated = append(stated, d.Fact+" / "+d.Why)
		} else if d.Why != "" {
			t.Errorf("%s: not stated, yet why = %q", d.Fact, d.Why)
		}
	}
	want := []string{
		"GET /2/tweets/{}: expansions lacks values ['referenced_posts'] / evidence: X's field guide lists no such expansion",
		"GET /2/tweets/{}: expansions lacks values ['username'] / evidence: X's field guide lists no such expansion",
	}
	if diff := cmp.Diff(want, stated); diff != "" {
		t.Errorf("stated (-want +got):\n%s", diff)
	}
	if r.StatedCount != 2 || len(r.Stale) != 0 {
		t.Errorf("stated = %d, stale = %v; want 2 and none", r.StatedCount, r.Stale)
	}
}

func TestCompareStatedWholeLine(t *testing.T) {
	ours := withStated(`
- fact: "POST /2/tweets: not an operation of the published API (nor a known legacy one)"
  why: "evidence: X's older SDKs"
`)
	r := compare(t, ours, func(theirs *openapi3.T) { theirs.Paths.Delete("/2/tweets") })
	wantFacts(t, r, 0, "operation-extra: POST /2/tweets: not an operation of the published API")
	if !r.Differences[0].Stated || r.Differences[0].Why != "evidence: X's older SDKs" {
		t.Errorf("difference = %+v, want it stated with its reason", r.Differences[0])
	}
}

func TestCompareStaleStatement(t *testing.T) {
	ours := withStated(`
- fact: "schema Tweet: lacks fields ['article']"
  why: "evidence: not sent to apps without the Articles product"
`)
	r := compare(t, ours, func(*openapi3.T) {})
	wantFacts(t, r, 0)
	want := []drift.Statement{{Fact: "schema Tweet: lacks fields ['article']", Why: "evidence: not sent to apps without the Articles product"}}
	if diff := cmp.Diff(want, r.Stale); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}
}

func TestCompareRejectsStatementWithoutReason(t *testing.T) {
	for name, entries := range map[string]string{
		"no why":      "- fact: \"schema Tweet: lacks fields ['article']\"\n",
		"empty why":   "- fact: \"schema Tweet: lacks fields ['article']\"\n  why: \" \"\n",
		"no fact":     "- why: \"evidence\"\n",
		"not a list":  "  fact: x\n",
		"not objects": "- just a line\n",
	} {
		ours, err := drift.Parse("ours", []byte(withStated(entries)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_, err = drift.Compare(ours, parse(t, base))
		if err == nil || !strings.Contains(err.Error(), "x-differences-from-published") {
			t.Errorf("%s: err = %v, want one naming x-differences-from-published", name, err)
		}
	}
}
