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
	return do[gen.UsersMutingMutationResponse](ctx, s.client, mutation(http.MethodPost, "/2/users/{id}/muting"), allOrNothing, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.MuteUser(ctx, userID, gen.MuteUserJSONRequestBody{TargetUserID: target})
	})
}

// Unmute makes the authenticated user (userID) unmute target. Needs a user context whose
// user is userID (scope mute.write).
func (s *UsersService) Unmute(ctx context.Context, userID, target string) (*gen.UsersMutingMutationResponse, *Response, error) {
	if err := checkPair("Users.Unmute", userID, target); err != nil {
		return nil, nil, err
	}
	return do[gen.UsersMutingMutationResponse](ctx, s.client, mutation(http.MethodDelete, "/2/users/{source_user_id}/muting/{target_user_id}"), allOrNothing, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnmuteUser(ctx, userID, target)
	})
}
