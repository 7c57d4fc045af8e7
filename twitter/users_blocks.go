package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Block makes the authenticated user (userID) block target. X dropped this endpoint from
// its published API in 2023; apps that still have it can use it. Needs a user context
// whose user is userID (scope block.write).
func (s *UsersService) Block(ctx context.Context, userID, target string) (*gen.UsersBlockingMutationResponse, *Response, error) {
	if err := checkPair("Users.Block", userID, target); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opBlockUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.BlockUser(ctx, userID, gen.BlockUserJSONRequestBody{TargetUserID: target})
	})
}

// Unblock makes the authenticated user (userID) unblock target. Like Block, it is no
// longer in X's published API. Needs a user context whose user is userID (scope
// block.write).
func (s *UsersService) Unblock(ctx context.Context, userID, target string) (*gen.UsersBlockingMutationResponse, *Response, error) {
	if err := checkPair("Users.Unblock", userID, target); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnblockUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnblockUser(ctx, userID, target)
	})
}
