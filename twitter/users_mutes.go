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
