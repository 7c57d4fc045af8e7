package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Event looks up one event of a conversation the authenticated user takes part in: a
// message, or participants joining or leaving a group. An event that does not exist,
// was deleted or belongs to a conversation the user is not in is an error (IsNotFound)
// even though X answers it with a 200. Needs a user context (OAuth 2.0 scopes dm.read,
// tweet.read and users.read, or OAuth 1.0a).
func (s *DirectMessagesService) Event(ctx context.Context, eventID string, opts *DMEventOptions) (*gen.SingleDmEventLookupResponse, *Response, error) {
	const method = "DirectMessages.Event"
	if err := checkID(method, "event id", patternDmEventID, eventID); err != nil {
		return nil, nil, err
	}
	var p gen.LookupDMEventParams
	var err error
	if p.DmEventFields, p.Expansions, p.MediaFields, p.UserFields, p.TweetFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupDMEvent, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupDMEvent(ctx, eventID, &p)
	})
}

// DeleteEvent deletes a message the authenticated user sent; afterwards no event list or
// lookup returns it. Another participant's message is refused (403), as are join and
// leave events. As a mutation it is not retried unless WithRetryMutations is set. Needs a
// user context (OAuth 2.0 scopes dm.read and dm.write, or OAuth 1.0a).
func (s *DirectMessagesService) DeleteEvent(ctx context.Context, eventID string) (*gen.DmEventDeleteResponse, *Response, error) {
	if err := checkID("DirectMessages.DeleteEvent", "event id", patternDmEventID, eventID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteDMEvent, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteDMEvent(ctx, eventID)
	})
}
