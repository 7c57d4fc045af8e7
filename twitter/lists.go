package twitter

import (
	"context"
	"net/http"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// ByID looks up one List by id. A List that does not exist, or a private one the caller
// may not see, is an error even though X answers it with a 200. Works with an app-only
// token or a user context.
func (s *ListsService) ByID(ctx context.Context, id string, opts *ListOptions) (*gen.SingleListLookupResponse, *Response, error) {
	const method = "Lists.ByID"
	if err := checkID(method, "list id", patternListID, id); err != nil {
		return nil, nil, err
	}
	var p gen.LookupListParams
	var err error
	if p.ListFields, p.Expansions, p.UserFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupList(ctx, id, &p)
	})
}

// Create creates a List owned by the authenticated user: a name of 1 to 25 characters, an
// optional description of up to 100, public unless Private is true. It returns the new
// List's id and name. As a mutation it is not retried unless WithRetryMutations is set.
// Needs a user context (scope list.write).
func (s *ListsService) Create(ctx context.Context, req gen.ListCreateRequest) (*gen.ListCreateResponse, *Response, error) {
	const method = "Lists.Create"
	if err := checkListText(method, &req.Name, &req.Description, minLengthListCreateRequestName, maxLengthListCreateRequestName, maxLengthListCreateRequestDescription); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opCreateList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateList(ctx, req)
	})
}

// Update changes the name, description or privacy of a List the authenticated user owns;
// fields left nil stay as they are, and at least one must be set. Needs a user context of
// the owner (scope list.write).
func (s *ListsService) Update(ctx context.Context, id string, req gen.ListUpdateRequest) (*gen.ListUpdateResponse, *Response, error) {
	const method = "Lists.Update"
	if err := checkID(method, "list id", patternListID, id); err != nil {
		return nil, nil, err
	}
	if req.Name == nil && req.Description == nil && req.Private == nil {
		return nil, nil, invalid(method, "nothing to update: set Name, Description or Private")
	}
	if err := checkListText(method, req.Name, req.Description, minLengthListUpdateRequestName, maxLengthListUpdateRequestName, maxLengthListUpdateRequestDescription); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUpdateList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UpdateList(ctx, id, req)
	})
}

// Delete deletes a List the authenticated user owns. Needs a user context of the owner
// (scope list.write).
func (s *ListsService) Delete(ctx context.Context, id string) (*gen.ListDeleteResponse, *Response, error) {
	if err := checkID("Lists.Delete", "list id", patternListID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteList, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteList(ctx, id)
	})
}

// Owned returns one page of the Lists userID owns. It pages with pagination_token
// (PageOptions.PaginationToken); MaxResults is 1 to 100. Works with an app-only token or a
// user context.
func (s *ListsService) Owned(ctx context.Context, userID string, opts *ListPageOptions) (*gen.MultiListLookupResponse, *Response, error) {
	const method = "Lists.Owned"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListOwnedListsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListOwnedLists.size); err != nil {
		return nil, nil, err
	}
	if p.ListFields, p.Expansions, p.UserFields, err = o.ListOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListOwnedLists.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListOwnedLists(ctx, userID, &p)
	})
}

// checkListText validates a List's name (when given) and description (when given), in
// characters, against the bounds of the request that sends them.
func checkListText(method string, name, description *string, minName, maxName, maxDescription int) error {
	if name != nil {
		if n := utf8.RuneCountInString(*name); n < minName || n > maxName {
			return invalid(method, "name is %d characters; a List's takes %d to %d", n, minName, maxName)
		}
	}
	if description != nil {
		if n := utf8.RuneCountInString(*description); n > maxDescription {
			return invalid(method, "description is %d characters; a List's takes at most %d", n, maxDescription)
		}
	}
	return nil
}

// checkUserList validates the acting user and the List of a follow or pin.
func checkUserList(method, userID, listID string) error {
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return err
	}
	return checkID(method, "list id", patternListID, listID)
}
