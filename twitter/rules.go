package twitter

import (
	"context"
	"fmt"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// List returns the filtered-stream rules in force: all of them, or those in
// RuleListOptions.IDs. It pages with pagination_token (RuleListOptions.PaginationToken,
// 16 characters); MaxResults is 1 to 1000. Needs an app-only token.
func (s *RulesService) List(ctx context.Context, opts *RuleListOptions) (*gen.RulesLookupResponse, *Response, error) {
	const method = "Rules.List"
	o := orZero(opts)
	var p gen.ListStreamRulesParams
	for i, id := range o.IDs {
		if err := checkID(method, "rule id", patternRuleId, id); err != nil {
			return nil, nil, fmt.Errorf("%w (item %d)", err, i)
		}
	}
	p.Ids = optional(o.IDs)
	var err error
	if p.MaxResults, err = maxResults(method, o.MaxResults, opListStreamRules.size); err != nil {
		return nil, nil, err
	}
	// The document bounds the token to one length, minLength and maxLength alike.
	if n := len(o.PaginationToken); n > 0 && (n < minLengthListStreamRulesPaginationToken || n > maxLengthListStreamRulesPaginationToken) {
		return nil, nil, invalid(method, "PaginationToken %q is not %d characters long", o.PaginationToken, maxLengthListStreamRulesPaginationToken)
	}
	p.PaginationToken = optString(o.PaginationToken)
	return do(ctx, s.client, &opListStreamRules.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListStreamRules(ctx, &p)
	})
}

// Add adds filtered-stream rules; with RuleChangeOptions.DryRun it only validates them.
// Each rule needs a Value; a Tag is optional. Needs an app-only token.
//
// Rules X refuses (a duplicate of a rule in force, invalid syntax) are listed in
// Response.PartialErrors and the others are still added. When no rule at all was added
// (or, in a dry run, would be) and at least one was refused, Add returns an *Error with
// the 200 status, the refusals as its Problems (ProblemDuplicateRules,
// ProblemInvalidRules, ...), together with the decoded body and its meta.summary. A
// caller for whom a duplicate is success finds the *Error with errors.As and checks
// HasProblem(ProblemDuplicateRules).
func (s *RulesService) Add(ctx context.Context, rules []gen.RuleNoID, opts *RuleChangeOptions) (*gen.AddOrDeleteRulesResponse, *Response, error) {
	const method = "Rules.Add"
	if len(rules) == 0 {
		return nil, nil, invalid(method, "no rules")
	}
	for i, r := range rules {
		if r.Value == "" {
			return nil, nil, invalid(method, "rule %d has an empty value", i)
		}
	}
	var body gen.AddOrDeleteRulesRequest
	if err := body.FromAddRulesRequest(gen.AddRulesRequest{Add: rules}); err != nil {
		return nil, nil, fmt.Errorf("twitter: %s: %w", method, err)
	}
	return s.change(ctx, body, opts, func(sum gen.RulesRequestSummary) bool {
		c, err := sum.AsRulesRequestSummary0()
		return err == nil && c.Created > 0
	})
}

// Delete deletes filtered-stream rules by id; with RuleChangeOptions.DryRun it only
// reports what it would delete. Needs an app-only token.
//
// Ids that could not be deleted are listed in Response.PartialErrors; X reports an
// unknown rule as an invalid-request problem ("Rule does not exist"). When nothing at all
// was deleted and at least one id was refused, Delete returns an *Error with the 200
// status (IsInvalidRequest for unknown ids), together with the decoded body and its
// meta.summary.
func (s *RulesService) Delete(ctx context.Context, ids []string, opts *RuleChangeOptions) (*gen.AddOrDeleteRulesResponse, *Response, error) {
	const method = "Rules.Delete"
	if len(ids) == 0 {
		return nil, nil, invalid(method, "no rule ids")
	}
	for i, id := range ids {
		if err := checkID(method, "rule id", patternRuleId, id); err != nil {
			return nil, nil, fmt.Errorf("%w (item %d)", err, i)
		}
	}
	var req gen.DeleteRulesRequest
	req.Delete.Ids = ids
	return s.delete(ctx, method, req, opts)
}

// DeleteValues deletes filtered-stream rules by their value (the rule text), as Delete
// does by id. Needs an app-only token.
func (s *RulesService) DeleteValues(ctx context.Context, values []string, opts *RuleChangeOptions) (*gen.AddOrDeleteRulesResponse, *Response, error) {
	const method = "Rules.DeleteValues"
	if len(values) == 0 {
		return nil, nil, invalid(method, "no rule values")
	}
	for i, v := range values {
		if v == "" {
			return nil, nil, invalid(method, "value %d is empty", i)
		}
	}
	var req gen.DeleteRulesRequest
	req.Delete.Values = values
	return s.delete(ctx, method, req, opts)
}

func (s *RulesService) delete(ctx context.Context, method string, req gen.DeleteRulesRequest, opts *RuleChangeOptions) (*gen.AddOrDeleteRulesResponse, *Response, error) {
	var body gen.AddOrDeleteRulesRequest
	if err := body.FromDeleteRulesRequest(req); err != nil {
		return nil, nil, fmt.Errorf("twitter: %s: %w", method, err)
	}
	return s.change(ctx, body, opts, func(sum gen.RulesRequestSummary) bool {
		d, err := sum.AsRulesRequestSummary1()
		return err == nil && d.Deleted > 0
	})
}

// change sends an add or delete. applied reports from meta.summary whether anything was
// (or, in a dry run, would be) changed; when it was not and the body carries problems,
// the change failed as a whole.
func (s *RulesService) change(ctx context.Context, body gen.AddOrDeleteRulesRequest, opts *RuleChangeOptions, applied func(gen.RulesRequestSummary) bool) (*gen.AddOrDeleteRulesResponse, *Response, error) {
	var p gen.ChangeStreamRulesParams
	if orZero(opts).DryRun {
		p.DryRun = new(true)
	}
	out, resp, err := do(ctx, s.client, &opChangeStreamRules, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ChangeStreamRules(ctx, &p, body)
	})
	if err != nil || len(resp.PartialErrors) == 0 {
		return out, resp, err
	}
	if !applied(out.Meta.Summary) { // an absent summary fails to decode: nothing applied
		return out, resp, failure(opChangeStreamRules.endpoint, resp)
	}
	return out, resp, nil
}
