package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

func (s *SpacesService) buyersPager(id string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListSpaceBuyers, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.Buyers(ctx, id, o)
		})
}

// BuyersPages pages through the ticket buyers of Space id, up to 100 a page. Only the
// Space's creator may ask. See IterOptions for limits and resuming, and PageError for
// failures.
func (s *SpacesService) BuyersPages(ctx context.Context, id string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.buyersPager(id, opts, it).pages(ctx)
}

// BuyersIter yields the ticket buyers of Space id one by one.
func (s *SpacesService) BuyersIter(ctx context.Context, id string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.buyersPager(id, opts, it).items(ctx)
}
