package twitter_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// countingTransport counts requests by method and query ("GET", "POST dry_run=true").
type countingTransport struct {
	next http.RoundTripper
	mu   sync.Mutex
	n    map[string]int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	key := r.Method
	if q := r.URL.RawQuery; q != "" && r.Method == http.MethodPost {
		key += " " + q
	}
	c.mu.Lock()
	c.n[key]++
	c.mu.Unlock()
	return c.next.RoundTrip(r)
}

// take returns the counts so far and starts again.
func (c *countingTransport) take() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.n
	c.n = map[string]int{}
	return n
}

func syncClient(t *testing.T, s *testserver.Server) (*twitter.Client, *countingTransport) {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	ct := &countingTransport{next: tr, n: map[string]int{}}
	c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.AppBearerToken()),
		twitter.WithHTTPClient(&http.Client{Transport: ct}), twitter.WithRetryPolicy(twitter.NoRetries()))
	if err != nil {
		t.Fatal(err)
	}
	return c, ct
}

func rule(value, tag string) gen.RuleNoID {
	r := gen.RuleNoID{Value: value}
	if tag != "" {
		r.Tag = tag
	}
	return r
}

// values lists "value/tag" of rules, sorted.
func values[R gen.Rule | testserver.Rule](rules []R) []string {
	var out []string
	for _, r := range rules {
		switch r := any(r).(type) {
		case gen.Rule:
			out = append(out, r.Value+"/"+r.Tag)
		case testserver.Rule:
			out = append(out, r.Value+"/"+r.Tag)
		}
	}
	sort.Strings(out)
	return out
}

func TestFakeRulesSync(t *testing.T) {
	s := fake(t)
	c, calls := syncClient(t, s)
	ctx := context.Background()
	check := func(step string, res twitter.SyncResult, kept, deleted, added, world []string, wantCalls map[string]int) {
		t.Helper()
		got := map[string][]string{"kept": values(res.Kept), "deleted": values(res.Deleted), "added": values(res.Added), "world": values(s.World().Rules())}
		want := map[string][]string{"kept": kept, "deleted": deleted, "added": added, "world": world}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", step, diff)
		}
		if diff := cmp.Diff(wantCalls, calls.take()); diff != "" {
			t.Errorf("%s: calls (-want +got):\n%s", step, diff)
		}
	}
	seed := "from:XDevelopers/xdevs"

	want := []gen.RuleNoID{rule("from:XDevelopers", "xdevs"), rule("gopher lang:en", "gophers"), rule("cats has:images", ""), rule("cats has:images", "")}
	res, err := c.Rules.Sync(ctx, want, nil)
	if err != nil || !res.Changed() || res.DryRun {
		t.Fatalf("res %+v, err %v", res, err)
	}
	all := []string{"cats has:images/", seed, "gopher lang:en/gophers"}
	check("add two", res, []string{seed}, nil, []string{"cats has:images/", "gopher lang:en/gophers"}, all,
		map[string]int{"GET": 1, "POST": 1})
	for _, r := range res.Added {
		if r.ID == "" {
			t.Errorf("added rule without id: %+v", r)
		}
	}

	res, err = c.Rules.Sync(ctx, want, nil)
	if err != nil || res.Changed() {
		t.Fatalf("second sync: %+v, %v", res, err)
	}
	check("nothing to do", res, all, nil, nil, all, map[string]int{"GET": 1})

	// Re-tag one rule and drop another; first as a dry run, which changes nothing and is
	// not upset that the re-tagged value is still in force.
	retag := []gen.RuleNoID{rule("from:XDevelopers", "devs"), rule("cats has:images", "")}
	res, err = c.Rules.Sync(ctx, retag, &twitter.RuleChangeOptions{DryRun: true})
	if err != nil || !res.DryRun {
		t.Fatalf("dry run: %+v, %v", res, err)
	}
	check("dry run", res, []string{"cats has:images/"}, []string{seed, "gopher lang:en/gophers"}, []string{"from:XDevelopers/devs"}, all,
		map[string]int{"GET": 1, "POST dry_run=true": 2})
	res, err = c.Rules.Sync(ctx, retag, nil)
	if err != nil {
		t.Fatal(err)
	}
	check("re-tag", res, []string{"cats has:images/"}, []string{seed, "gopher lang:en/gophers"}, []string{"from:XDevelopers/devs"},
		[]string{"cats has:images/", "from:XDevelopers/devs"}, map[string]int{"GET": 1, "POST": 2})

	// A dry run keeps the real problems and drops only the duplicates its delete clears.
	res, err = c.Rules.Sync(ctx, []gen.RuleNoID{rule("from:XDevelopers", "other"), rule("(bad", "")}, &twitter.RuleChangeOptions{DryRun: true})
	e := wantError(t, err, 200, twitter.ProblemInvalidRules)
	if e.HasProblem(twitter.ProblemDuplicateRules) || len(e.Problems) != 1 {
		t.Errorf("dry-run problems %+v", e.Problems)
	}
	check("dry run with an invalid rule", res, nil, []string{"cats has:images/", "from:XDevelopers/devs"}, []string{"from:XDevelopers/other"},
		[]string{"cats has:images/", "from:XDevelopers/devs"}, map[string]int{"GET": 1, "POST dry_run=true": 2})

	// An invalid rule: the delete stands, the add is refused with a typed error.
	res, err = c.Rules.Sync(ctx, []gen.RuleNoID{rule("cats has:images", ""), rule("(unbalanced", "bad")}, nil)
	e = wantError(t, err, 200, twitter.ProblemInvalidRules)
	if !twitter.IsRuleProblem(err) || twitter.IsRulesCapReached(err) || e.Problems[0].Value != "(unbalanced" {
		t.Errorf("err %+v", e)
	}
	check("invalid", res, []string{"cats has:images/"}, []string{"from:XDevelopers/devs"}, nil, []string{"cats has:images/"},
		map[string]int{"GET": 1, "POST": 2})

	res, err = c.Rules.Sync(ctx, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	check("empty want", res, nil, []string{"cats has:images/"}, nil, nil, map[string]int{"GET": 1, "POST": 1})
}

func TestFakeRulesSyncOverTheCap(t *testing.T) {
	s := fake(t, testserver.WithoutSeedRules())
	c, _ := syncClient(t, s)
	var want []gen.RuleNoID
	for i := range 1001 {
		want = append(want, rule(fmt.Sprintf("word%d", i), ""))
	}
	res, err := c.Rules.Sync(context.Background(), want, nil)
	if !twitter.IsRulesCapReached(err) || !twitter.IsRuleProblem(err) {
		t.Fatalf("err = %v", err)
	}
	e := wantError(t, err, 200, twitter.ProblemRulesCap)
	if len(e.Problems) != 1 || e.Problems[0].Value != "word1000" || len(res.Added) != 1000 || len(s.World().Rules()) != 1000 {
		t.Errorf("problems %+v, added %d, world %d", e.Problems, len(res.Added), len(s.World().Rules()))
	}
}

func TestRulesSyncChecksItsArguments(t *testing.T) {
	s := fake(t)
	c, calls := syncClient(t, s)
	for name, want := range map[string][]gen.RuleNoID{
		"empty value":  {rule("cats", ""), rule("", "x")},
		"two tags":     {rule("cats", "a"), rule("dogs", ""), rule("cats", "b")},
		"tag and none": {rule("cats", "a"), rule("cats", "")},
	} {
		_, err := c.Rules.Sync(context.Background(), want, nil)
		if !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if n := calls.take(); len(n) != 0 {
		t.Errorf("requests sent: %v", n)
	}
	if _, err := c.Rules.Sync(context.Background(), []gen.RuleNoID{rule("cats", "a"), rule("cats", "a")}, nil); err != nil {
		t.Fatal(err)
	}
	if got := values(s.World().Rules()); !cmp.Equal(got, []string{"cats/a"}) {
		t.Errorf("the same rule wanted twice: world %v", got)
	}
}
