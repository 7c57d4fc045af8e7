package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Affiliates lists one page of the accounts the organization userID affiliates with
// itself (its staff, brands or programmes, each showing the organization's badge). It
// pages with pagination_token (PageOptions.PaginationToken, at most 19 characters);
// MaxResults is 1 to 1000. Works with an app-only token or a user context.
func (s *UsersService) Affiliates(ctx context.Context, userID string, opts *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
	const method = "Users.Affiliates"
	if err := checkID(method, "user id", numericID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	if n := len(o.PaginationToken); n > 19 {
		return nil, nil, invalid(method, "pagination token of %d characters; the API takes at most 19", n)
	}
	var p gen.ListAffiliatesParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListAffiliates.size); err != nil {
		return nil, nil, err
	}
	if p.UserFields, p.Expansions, p.TweetFields, err = o.UserOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListAffiliates.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListAffiliates(ctx, userID, &p)
	})
}
