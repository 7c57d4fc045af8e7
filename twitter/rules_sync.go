package twitter

import (
	"context"
	"errors"
	"slices"

	"github.com/twitterkit/go/gen"
)

// SyncResult is what Rules.Sync changed or, in a dry run, would change.
type SyncResult struct {
	// Kept are the rules in force that were wanted (same value and tag); left alone.
	Kept []gen.Rule
	// Deleted are the rules in force that were not wanted: deleted, or to be deleted.
	Deleted []gen.Rule
	// Added are the wanted rules that were missing, as X created them (with their ids),
	// or would create them (in a dry run, a re-tagged rule comes without an id).
	Added []gen.Rule
	// DryRun says nothing was changed: Deleted and Added are what Sync would do.
	DryRun bool
}

// Changed reports whether the rules in force were (or would be) changed.
func (r SyncResult) Changed() bool { return len(r.Deleted) > 0 || len(r.Added) > 0 }

// Sync makes the filtered stream's rules equal to want, matching rules on value and tag
// (no tag and an empty tag are the same). It lists the rules in force once (more pages
// only past 1000 rules), then sends at most one delete, of the rules not wanted, and at
// most one add, of the wanted rules missing; when nothing differs it changes nothing. A
// rule whose tag alone changes is deleted and added again, as X keys rules by value. An
// empty want deletes every rule. Needs an app-only token.
//
// The delete goes first, so that the add has room under the rule cap and a re-tagged
// value is free. If the add is then refused in part or in whole, the deletions stand:
// the result says what was done and the error is an *Error whose Problems name each
// refused rule (ProblemInvalidRules, ProblemDuplicateRules, ProblemRulesCap, ...; see
// IsRuleProblem and IsRulesCapReached). Run Sync with RuleChangeOptions.DryRun first to
// have X validate the rules without changing anything. In a dry run X checks the add
// against the rules in force, before the delete: Sync ignores the duplicates that the
// delete would clear, but a cap X reports may be one the delete would have made room for.
func (s *RulesService) Sync(ctx context.Context, want []gen.RuleNoID, opts *RuleChangeOptions) (SyncResult, error) {
	const method = "Rules.Sync"
	dry := orZero(opts).DryRun
	res := SyncResult{DryRun: dry}
	wanted, err := wantedRules(method, want)
	if err != nil {
		return res, err
	}
	inForce, err := s.listAll(ctx)
	if err != nil {
		return res, err
	}

	var deleteIDs []string
	freed := map[string]bool{} // values deleted, free to be added again
	present := map[ruleKey]bool{}
	for _, r := range inForce {
		k := ruleKey{value: r.Value, tag: r.Tag}
		if _, ok := wanted[k]; ok && !present[k] {
			present[k] = true
			res.Kept = append(res.Kept, r)
			continue
		}
		if r.ID == "" {
			return res, invalid(method, "rule %q in force came back without an id", r.Value)
		}
		deleteIDs = append(deleteIDs, r.ID)
		freed[r.Value] = true
		res.Deleted = append(res.Deleted, r)
	}
	var adds []gen.RuleNoID
	for _, r := range want {
		if k := (ruleKey{value: r.Value, tag: r.Tag}); !present[k] {
			present[k] = true // a repeat within want is added once
			adds = append(adds, r)
		}
	}

	if len(deleteIDs) > 0 {
		_, resp, err := s.Delete(ctx, deleteIDs, opts)
		if err == nil && resp != nil && len(resp.PartialErrors) > 0 {
			err = failure(opChangeStreamRules.endpoint, resp) // some rules not deleted
		}
		if err != nil {
			asked := res.Deleted
			res.Deleted = nil
			if e, ok := asError(err); ok && e.StatusCode >= 200 && e.StatusCode <= 299 {
				res.Deleted = deletedDespite(asked, e.Problems)
			}
			return res, err // the add is not sent: the rules in force are not what Sync saw
		}
	}
	if len(adds) > 0 {
		out, resp, err := s.Add(ctx, adds, opts)
		if out != nil {
			res.Added = out.Data
		}
		if err == nil && resp != nil && len(resp.PartialErrors) > 0 {
			err = failure(opChangeStreamRules.endpoint, resp) // some rules refused
		}
		if err != nil && dry {
			var cleared []string
			cleared, err = withoutFreedDuplicates(err, freed)
			for _, r := range adds { // would be added once the delete has run; no id yet
				if slices.Contains(cleared, r.Value) {
					res.Added = append(res.Added, gen.Rule{Value: r.Value, Tag: r.Tag})
				}
			}
		}
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// ruleKey identifies a rule for Sync: its value and its tag.
type ruleKey struct{ value, tag string }

// wantedRules checks want and returns it as a set. A value wanted twice with different
// tags is refused: X keeps one rule per value.
func wantedRules(method string, want []gen.RuleNoID) (map[ruleKey]struct{}, error) {
	set := make(map[ruleKey]struct{}, len(want))
	tagOf := make(map[string]string, len(want))
	for i, r := range want {
		if r.Value == "" {
			return nil, invalid(method, "rule %d has an empty value", i)
		}
		k := ruleKey{value: r.Value, tag: r.Tag}
		if tag, seen := tagOf[r.Value]; seen && tag != k.tag {
			return nil, invalid(method, "rule value %q is wanted with two tags, %q and %q; X keeps one rule per value", r.Value, tag, k.tag)
		}
		tagOf[r.Value] = k.tag
		set[k] = struct{}{}
	}
	return set, nil
}

// listAll lists every rule in force, following next_token.
func (s *RulesService) listAll(ctx context.Context) ([]gen.Rule, error) {
	var all []gen.Rule
	o := RuleListOptions{MaxResults: 1000}
	for {
		page, _, err := s.List(ctx, &o)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Data...)
		if page.Meta.NextToken == "" {
			return all, nil
		}
		if page.Meta.NextToken == o.PaginationToken {
			return nil, errors.New("twitter: Rules.Sync: the rules list repeated its next_token")
		}
		o.PaginationToken = page.Meta.NextToken
	}
}

// deletedDespite returns the rules of asked that no problem names (by id or value).
func deletedDespite(asked []gen.Rule, problems []gen.Problem) []gen.Rule {
	refused := map[string]bool{}
	for _, p := range problems {
		if p.ID != "" {
			refused["id:"+p.ID] = true
		}
		if p.Value != "" {
			refused["value:"+p.Value] = true
		}
	}
	var out []gen.Rule
	for _, r := range asked {
		if !refused["id:"+r.ID] && !refused["value:"+r.Value] {
			out = append(out, r)
		}
	}
	return out
}

// withoutFreedDuplicates drops, from a dry-run add's error, the duplicate-rule problems
// for values the dry-run delete would have removed. It returns those values, and the
// error left (nil when no problem is).
func withoutFreedDuplicates(err error, freed map[string]bool) ([]string, error) {
	e, ok := asError(err)
	if !ok {
		return nil, err
	}
	var left []gen.Problem
	var cleared []string
	for _, p := range e.Problems {
		if ProblemType(p.Type) == ProblemDuplicateRules && freed[p.Value] {
			cleared = append(cleared, p.Value)
			continue
		}
		left = append(left, p)
	}
	if len(cleared) == 0 {
		return nil, err
	}
	if len(left) == 0 {
		return cleared, nil
	}
	c := *e
	c.Problems = left
	c.Type, c.Title, c.Detail = ProblemType(left[0].Type), left[0].Title, left[0].Detail
	return cleared, &c
}
