package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Block stops userID from sending direct messages to the authenticated user. It is
// narrower than UsersService.Block: follows and timelines are left alone, only messages
// from userID are refused. Data.Blocked is true on success. Needs a user context (scope
// dm.write).
func (s *DirectMessagesService) Block(ctx context.Context, userID string) (*gen.DMBlockResponse, *Response, error) {
	if err := checkID("DirectMessages.Block", "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opBlockUserDMs, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.BlockUserDMs(ctx, userID)
	})
}

// Unblock lets userID send direct messages to the authenticated user again, undoing
// Block. Data.Blocked is false on success. Needs a user context (scope dm.write).
func (s *DirectMessagesService) Unblock(ctx context.Context, userID string) (*gen.DMBlockResponse, *Response, error) {
	if err := checkID("DirectMessages.Unblock", "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnblockUserDMs, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnblockUserDMs(ctx, userID)
	})
}
