package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

// Iterators over the rules of the filtered stream. See IterOptions for limits and
// resuming, and PageError for failures.

func rulesPaging(o *RuleListOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func rulesPage(r *gen.RulesLookupResponse) *RulePage {
	return newPage(r.Data, nil, r.Meta.NextToken, PageMeta{ResultCount: int(r.Meta.ResultCount)})
}

func (s *RulesService) listPager(opts *RuleListOptions, it *IterOptions) *pager[gen.Rule] {
	return opPager("Rules.List", pageSize{min: 1, max: 1000}, opts, it, rulesPaging, s.List, rulesPage)
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
