package twitter

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/gen"
)

func TestRulesListIterPagesToTheEnd(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	var add []gen.RuleNoID
	for i := range 24 {
		tag := fmt.Sprintf("tag %d", i)
		add = append(add, gen.RuleNoID{Value: fmt.Sprintf("from:gopher%02d has:media", i%20+1) + fmt.Sprintf(" lang:%s", []string{"en", "es"}[i/20]), Tag: tag})
	}
	if _, _, err := c.Rules.Add(ctx, add, nil); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range s.World().Rules() {
		want = append(want, r.ID)
	}
	if len(want) != 25 {
		t.Fatalf("the world has %d rules, want the seeded one and 24 added", len(want))
	}

	ruleID := func(r gen.Rule) string { return r.ID }
	log.reqs = nil
	got := ids(t, c.Rules.ListIter(ctx, &RuleListOptions{MaxResults: 7}, nil), ruleID)
	noDuplicates(t, got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules (-world +iterated):\n%s", diff)
	}
	if n := len(log.queries("/2/tweets/search/stream/rules")); n != 4 {
		t.Errorf("%d requests for 25 rules at 7 a page, want 4", n)
	}

	// Selected ids, a page at a time, resumed half way.
	sel := []string{want[3], want[9], want[20], want[24]}
	var pages []*RulePage
	for p, err := range c.Rules.ListPages(ctx, &RuleListOptions{IDs: sel, MaxResults: 2}, &IterOptions{MaxPages: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) != 1 || pages[0].NextToken == "" || pages[0].Meta.ResultCount != 2 {
		t.Fatalf("first page of the selection: %+v", pages)
	}
	rest := ids(t, c.Rules.ListIter(ctx, &RuleListOptions{IDs: sel, MaxResults: 2}, &IterOptions{StartToken: pages[0].NextToken}), ruleID)
	if diff := cmp.Diff(sel, append([]string{pages[0].Items[0].ID, pages[0].Items[1].ID}, rest...)); diff != "" {
		t.Errorf("selected rules (-want +got):\n%s", diff)
	}

	// By default a page is the largest, 1000: one request.
	log.reqs = nil
	if got := ids(t, c.Rules.ListIter(ctx, nil, nil), ruleID); len(got) != 25 {
		t.Errorf("%d rules", len(got))
	}
	if qs := log.queries("/2/tweets/search/stream/rules"); len(qs) != 1 || qs[0].Get("max_results") != "1000" {
		t.Errorf("requests %v, want one with max_results=1000", qs)
	}
}
