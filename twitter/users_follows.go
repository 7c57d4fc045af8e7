package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

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
