package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Mute makes the authenticated user (userID) mute target: target's Tweets leave userID's
// timelines without target being told. Needs a user context whose user is userID (scope
// mute.write).
func (s *UsersService) Mute(ctx context.Context, userID, target string) (*gen.UsersMutingMutationResponse, *Response, error) {
	if err := checkPair("Users.Mute", userID, target); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opMuteUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.MuteUser(ctx, userID, gen.MuteUserJSONRequestBody{TargetUserID: target})
	})
}

// Unmute makes the authenticated user (userID) unmute target. Needs a user context whose
// user is userID (scope mute.write).
func (s *UsersService) Unmute(ctx context.Context, userID, target string) (*gen.UsersMutingMutationResponse, *Response, error) {
	if err := checkPair("Users.Unmute", userID, target); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnmuteUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnmuteUser(ctx, userID, target)
	})
}

// Muting lists one page of the accounts the authenticated user (userID) mutes. It pages
// with pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 1000. Needs a
// user context whose user is userID (scope mute.read).
func (s *UsersService) Muting(ctx context.Context, userID string, opts *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
	const method = "Users.Muting"
	if err := checkID(method, "user id", numericID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListMutingParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListMuting.size); err != nil {
		return nil, nil, err
	}
	if p.UserFields, p.Expansions, p.TweetFields, err = o.UserOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListMuting.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListMuting(ctx, userID, &p)
	})
}
