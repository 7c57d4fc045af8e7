package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// RuleCountsOptions selects the fields of the rule counts.
type RuleCountsOptions struct {
	// RulesCountFields names the fields to return instead of X's defaults (the caps, this
	// app's count and the project's); all_project_client_apps lists every app's count.
	RulesCountFields []gen.RulesCountField
}

// Counts reports how many filtered-stream rules this app and its whole project have, and
// the caps per app and per project, to see how much room is left before Add meets
// ProblemRulesCap. X sends the caps and the project's count as decimal strings
// (RulesCount.CapPerProject, ...), as the API document says. Needs an app-only token.
func (s *RulesService) Counts(ctx context.Context, opts *RuleCountsOptions) (*gen.RuleCountsResponse, *Response, error) {
	const method = "Rules.Counts"
	o := orZero(opts)
	if err := checkSet(method, "RulesCountFields", o.RulesCountFields); err != nil {
		return nil, nil, err
	}
	p := gen.CountStreamRulesParams{RulesCountFields: optional(o.RulesCountFields)}
	return do(ctx, s.client, &opCountStreamRules, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CountStreamRules(ctx, &p)
	})
}
