package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Followers lists one page of the accounts that follow userID. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 1000 (X's default is
// 100). Works with an app-only token or a user context.
func (s *UsersService) Followers(ctx context.Context, userID string, opts *UserListOptions) (*gen.UsersFollowingLookupResponse, *Response, error) {
	const method = "Users.Followers"
	if err := checkID(method, "user id", numericID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListFollowersParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListFollowers.size); err != nil {
		return nil, nil, err
	}
	if p.UserFields, p.Expansions, p.TweetFields, err = o.UserOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListFollowers.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListFollowers(ctx, userID, &p)
	})
}

// Following lists one page of the accounts userID follows. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 1000 (X's default is
// 100). Works with an app-only token or a user context.
func (s *UsersService) Following(ctx context.Context, userID string, opts *UserListOptions) (*gen.UsersFollowingLookupResponse, *Response, error) {
	const method = "Users.Following"
	if err := checkID(method, "user id", numericID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListFollowingParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListFollowing.size); err != nil {
		return nil, nil, err
	}
	if p.UserFields, p.Expansions, p.TweetFields, err = o.UserOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListFollowing.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListFollowing(ctx, userID, &p)
	})
}

// Follow makes the authenticated user (userID) follow target. For a protected target the
// follow stays pending until approved: see Data.PendingFollow. Needs a user context whose
// user is userID (scope follows.write).
func (s *UsersService) Follow(ctx context.Context, userID, target string) (*gen.UsersFollowingCreateResponse, *Response, error) {
	if err := checkPair("Users.Follow", userID, target); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opFollowUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.FollowUser(ctx, userID, gen.FollowUserJSONRequestBody{TargetUserID: target})
	})
}

// Unfollow makes the authenticated user (userID) stop following target. Unfollowing an
// account not followed succeeds with Data.Following false. Needs a user context whose
// user is userID (scope follows.write).
func (s *UsersService) Unfollow(ctx context.Context, userID, target string) (*gen.UsersFollowingDeleteResponse, *Response, error) {
	if err := checkPair("Users.Unfollow", userID, target); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnfollowUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnfollowUser(ctx, userID, target)
	})
}
