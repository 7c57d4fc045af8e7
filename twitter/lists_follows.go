package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Followed returns one page of the Lists userID follows. It pages with pagination_token
// (PageOptions.PaginationToken); MaxResults is 1 to 100. Works with an app-only token or a
// user context.
func (s *ListsService) Followed(ctx context.Context, userID string, opts *ListPageOptions) (*gen.MultiListLookupResponse, *Response, error) {
	const method = "Lists.Followed"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListFollowedListsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListFollowedLists.size); err != nil {
		return nil, nil, err
	}
	if p.ListFields, p.Expansions, p.UserFields, err = o.ListOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListFollowedLists.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListFollowedLists(ctx, userID, &p)
	})
}

// Follow makes the authenticated user (userID) follow listID; Data.Following reports the
// result. Needs a user context whose user is userID (scope list.write).
func (s *ListsService) Follow(ctx context.Context, userID, listID string) (*gen.ListFollowedResponse, *Response, error) {
	if err := checkUserList("Lists.Follow", userID, listID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opFollowList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.FollowList(ctx, userID, gen.FollowListJSONRequestBody{ListID: listID})
	})
}

// Unfollow makes the authenticated user (userID) stop following listID. Needs a user
// context whose user is userID (scope list.write).
func (s *ListsService) Unfollow(ctx context.Context, userID, listID string) (*gen.ListFollowedResponse, *Response, error) {
	if err := checkUserList("Lists.Unfollow", userID, listID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnfollowList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnfollowList(ctx, userID, listID)
	})
}
