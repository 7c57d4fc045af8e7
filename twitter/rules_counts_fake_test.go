package twitter_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeRulesCounts(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()

	res, _, err := c.Rules.Counts(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	mine := int64(len(s.World().Rules()))
	want := gen.RulesCount{
		CapPerClientApp:     strconv.Itoa(testserver.RulesCapPerClientApp),
		CapPerProject:       strconv.Itoa(testserver.RulesCapPerProject),
		ClientAppRulesCount: gen.AppRulesCount{ClientAppID: testserver.ClientAppID, RuleCount: mine},
		ProjectRulesCount:   s.World().ProjectRuleCount(),
	}
	if diff := cmp.Diff(want, res.Data); diff != "" || mine != 1 {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}

	// Rules added through Add are counted; every app's count on request.
	if _, _, err := c.Rules.Add(ctx, []gen.RuleNoID{{Value: "gopher has:media"}, {Value: "golang lang:en"}}, nil); err != nil {
		t.Fatal(err)
	}
	res, _, err = c.Rules.Counts(ctx, &twitter.RuleCountsOptions{RulesCountFields: []gen.RulesCountField{
		gen.RulesCountFieldAllProjectClientApps, gen.RulesCountFieldProjectRulesCount,
	}})
	if err != nil {
		t.Fatal(err)
	}
	wantApps := []gen.AppRulesCount{
		{ClientAppID: testserver.ClientAppID, RuleCount: 3},
		{ClientAppID: testserver.OtherClientAppID, RuleCount: testserver.OtherClientAppRules},
	}
	if diff := cmp.Diff(wantApps, res.Data.AllProjectClientApps); diff != "" {
		t.Errorf("apps (-want +got):\n%s", diff)
	}
	if res.Data.ProjectRulesCount != s.World().ProjectRuleCount() || res.Data.ProjectRulesCount != strconv.Itoa(3+testserver.OtherClientAppRules) ||
		res.Data.CapPerProject != "" {
		t.Errorf("shaped by fields: %+v", res.Data)
	}

	// App-only: a user token is refused.
	_, _, err = userClient(t, s, testserver.AliceID).Rules.Counts(ctx, nil)
	wantUnsupportedAuth(t, err)
	_, _, err = c.Rules.Counts(ctx, &twitter.RuleCountsOptions{RulesCountFields: []gen.RulesCountField{"rules"}})
	if !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("unknown field: err = %v, want ErrInvalidArgument", err)
	}
}
