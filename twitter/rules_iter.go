package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

// Iterators over the rules of the filtered stream. See IterOptions for limits and
// resuming, and PageError for failures.

func rulesPaging(o *RuleListOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func (s *RulesService) listPager(opts *RuleListOptions, it *IterOptions) *pager[gen.Rule] {
	return opPager(&opListStreamRules, opts, it, rulesPaging, s.List)
}

// ListPages pages through the filtered stream's rules (those named by opts.IDs, or all),
// up to 1000 a page, following pagination_token.
func (s *RulesService) ListPages(ctx context.Context, opts *RuleListOptions, it *IterOptions) iter.Seq2[*RulePage, error] {
	return s.listPager(opts, it).pages(ctx)
}

// ListIter yields the filtered stream's rules one by one.
func (s *RulesService) ListIter(ctx context.Context, opts *RuleListOptions, it *IterOptions) iter.Seq2[gen.Rule, error] {
	return s.listPager(opts, it).items(ctx)
}
