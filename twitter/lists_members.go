package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// AddMember adds userID to List id, which the authenticated user owns; Data.IsMember
// reports the result. Needs a user context of the owner (scope list.write).
func (s *ListsService) AddMember(ctx context.Context, id, userID string) (*gen.ListMutateResponse, *Response, error) {
	if err := checkListUser("Lists.AddMember", id, userID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opAddListMember, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.AddListMember(ctx, id, gen.AddListMemberJSONRequestBody{UserID: userID})
	})
}

// RemoveMember removes userID from List id, which the authenticated user owns. Needs a
// user context of the owner (scope list.write).
func (s *ListsService) RemoveMember(ctx context.Context, id, userID string) (*gen.ListMutateResponse, *Response, error) {
	if err := checkListUser("Lists.RemoveMember", id, userID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opRemoveListMember, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.RemoveListMember(ctx, id, userID)
	})
}

// Memberships returns one page of the Lists userID is a member of. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 100. Works with an
// app-only token or a user context.
func (s *ListsService) Memberships(ctx context.Context, userID string, opts *ListPageOptions) (*gen.MultiListLookupResponse, *Response, error) {
	const method = "Lists.Memberships"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListListMembershipsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListListMemberships.size); err != nil {
		return nil, nil, err
	}
	if p.ListFields, p.Expansions, p.UserFields, err = o.ListOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListListMemberships.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListListMemberships(ctx, userID, &p)
	})
}

// checkListUser validates the List and the user of a membership change.
func checkListUser(method, listID, userID string) error {
	if err := checkID(method, "list id", patternListID, listID); err != nil {
		return err
	}
	return checkID(method, "user id", patternUserID, userID)
}
