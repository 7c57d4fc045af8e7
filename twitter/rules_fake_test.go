package twitter_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// ruleList reads decoded rules in the world's shape, to compare the two.
func ruleList(rules []gen.Rule) []testserver.Rule {
	var out []testserver.Rule
	for _, r := range rules {
		out = append(out, testserver.Rule{ID: r.ID, Value: r.Value, Tag: r.Tag})
	}
	return out
}

func TestFakeRulesList(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	if _, _, err := c.Rules.Add(ctx, []gen.RuleNoID{{Value: "gopher has:media"}, {Value: "gopher has:images"}}, nil); err != nil {
		t.Fatal(err)
	}
	world := s.World().Rules()
	res, _, err := c.Rules.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(world, ruleList(res.Data)); diff != "" || len(world) != 3 {
		t.Errorf("rules (-world +got):\n%s", diff)
	}

	// Page by two, then select by id.
	page, _, err := c.Rules.List(ctx, &twitter.RuleListOptions{MaxResults: 2})
	if err != nil {
		t.Fatal(err)
	}
	page2, _, err := c.Rules.List(ctx, &twitter.RuleListOptions{MaxResults: 2, PaginationToken: page.Meta.NextToken})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(world, append(ruleList(page.Data), ruleList(page2.Data)...)); diff != "" {
		t.Errorf("paged rules (-world +got):\n%s", diff)
	}
	one, _, err := c.Rules.List(ctx, &twitter.RuleListOptions{IDs: []string{world[1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(world[1:2], ruleList(one.Data)); diff != "" {
		t.Errorf("rule by id (-world +got):\n%s", diff)
	}

	_, _, err = userClient(t, s, testserver.AliceID).Rules.List(ctx, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeRulesAdd(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	tag := "gophers"
	before := s.World().Rules()

	dry, _, err := c.Rules.Add(ctx, []gen.RuleNoID{{Value: "gopher lang:en", Tag: tag}}, &twitter.RuleChangeOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(dry.Data) != 1 || cmp.Diff(before, s.World().Rules()) != "" {
		t.Errorf("dry run answered %+v and changed the world to %+v", dry.Data, s.World().Rules())
	}

	res, resp, err := c.Rules.Add(ctx, []gen.RuleNoID{{Value: "gopher lang:en", Tag: tag}, {Value: "from:XDevelopers"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	added := ruleList(res.Data)
	if diff := cmp.Diff(append(before, added...), s.World().Rules()); diff != "" || len(added) != 1 || added[0].Tag != tag {
		t.Errorf("rules after add (-want +world):\n%s", diff)
	}
	sum, _ := res.Meta.Summary.AsRulesRequestSummary0()
	if sum.Created != 1 || sum.NotCreated != 1 || len(resp.PartialErrors) != 1 ||
		twitter.ProblemType(resp.PartialErrors[0].Type) != twitter.ProblemDuplicateRules {
		t.Errorf("summary = %+v, partial errors = %+v", sum, resp.PartialErrors)
	}

	// Nothing added: every rule refused.
	res, _, err = c.Rules.Add(ctx, []gen.RuleNoID{{Value: "from:XDevelopers"}, {Value: "(unbalanced"}}, nil)
	e := wantError(t, err, 200, twitter.ProblemDuplicateRules)
	if !e.HasProblem(twitter.ProblemInvalidRules) || res == nil {
		t.Fatalf("err = %+v, res = %+v", e, res)
	}
	if sum, err := res.Meta.Summary.AsRulesRequestSummary0(); err != nil || sum.NotCreated != 2 {
		t.Errorf("err = %+v, res = %+v", e, res)
	}
}

func TestFakeRulesDelete(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	if _, _, err := c.Rules.Delete(ctx, []string{testserver.SeedRuleID}, &twitter.RuleChangeOptions{DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if len(s.World().Rules()) != 1 {
		t.Fatalf("dry run deleted: %+v", s.World().Rules())
	}
	res, _, err := c.Rules.Delete(ctx, []string{testserver.SeedRuleID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum, _ := res.Meta.Summary.AsRulesRequestSummary1()
	if sum.Deleted != 1 || len(s.World().Rules()) != 0 {
		t.Errorf("summary = %+v, world rules = %+v", sum, s.World().Rules())
	}

	_, _, err = c.Rules.Delete(ctx, []string{testserver.SeedRuleID}, nil) // gone now
	wantError(t, err, 200, twitter.ProblemInvalidRequest)
}

func TestFakeRulesDeleteValues(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	res, resp, err := c.Rules.DeleteValues(ctx, []string{"from:XDevelopers", "no such rule"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum, _ := res.Meta.Summary.AsRulesRequestSummary1()
	if sum.Deleted != 1 || sum.NotDeleted != 1 || len(resp.PartialErrors) != 1 || len(s.World().Rules()) != 0 {
		t.Errorf("summary = %+v, partial errors = %+v, world rules = %+v", sum, resp.PartialErrors, s.World().Rules())
	}

	_, _, err = c.Rules.DeleteValues(ctx, []string{"from:XDevelopers"}, nil)
	if !twitter.IsInvalidRequest(err) {
		t.Errorf("err = %v, want the invalid-request of an unknown rule", err)
	}
	_, _, err = userClient(t, s, testserver.AliceID).Rules.DeleteValues(ctx, []string{"x"}, nil)
	wantUnsupportedAuth(t, err)
}
