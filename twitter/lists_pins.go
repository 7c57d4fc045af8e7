package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Pinned returns the Lists the authenticated user (userID) pinned; the list does not page.
// Needs a user context whose user is userID (scope list.read).
func (s *ListsService) Pinned(ctx context.Context, userID string, opts *ListOptions) (*gen.MultiListLookupResponse, *Response, error) {
	const method = "Lists.Pinned"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	var p gen.ListPinnedListsParams
	var err error
	if p.ListFields, p.Expansions, p.UserFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListPinnedLists, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListPinnedLists(ctx, userID, &p)
	})
}

// Pin pins listID for the authenticated user (userID); Data.Pinned reports the result.
// Needs a user context whose user is userID (scope list.write).
func (s *ListsService) Pin(ctx context.Context, userID, listID string) (*gen.ListPinnedResponse, *Response, error) {
	if err := checkUserList("Lists.Pin", userID, listID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opPinList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.PinList(ctx, userID, gen.PinListJSONRequestBody{ListID: listID})
	})
}

// Unpin unpins listID for the authenticated user (userID). Needs a user context whose user
// is userID (scope list.write).
func (s *ListsService) Unpin(ctx context.Context, userID, listID string) (*gen.ListUnpinResponse, *Response, error) {
	if err := checkUserList("Lists.Unpin", userID, listID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnpinList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnpinList(ctx, userID, listID)
	})
}
