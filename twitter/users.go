package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// ByID looks up one user by id. A user that does not exist or is suspended is an error
// (IsNotFound). Works with an app-only token or a user context.
func (s *UsersService) ByID(ctx context.Context, id string, opts *UserOptions) (*gen.SingleUserLookupResponse, *Response, error) {
	const method = "Users.ByID"
	if err := checkID(method, "user id", patternUserID, id); err != nil {
		return nil, nil, err
	}
	var err error
	var p gen.LookupUserParams
	if p.UserFields, p.Expansions, p.TweetFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupUser(ctx, id, &p)
	})
}

// ByUsername looks up one user by handle (without the @). A handle that does not exist is
// an error (IsNotFound). Works with an app-only token or a user context.
func (s *UsersService) ByUsername(ctx context.Context, username string, opts *UserOptions) (*gen.SingleUserLookupResponse, *Response, error) {
	const method = "Users.ByUsername"
	if err := checkID(method, "username", patternUserName, username); err != nil {
		return nil, nil, err
	}
	var p gen.LookupUserByUsernameParams
	var err error
	if p.UserFields, p.Expansions, p.TweetFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupUserByUsername, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupUserByUsername(ctx, username, &p)
	})
}

// Lookup looks up 1 to 100 users by id in one call. Ids that cannot be returned (not
// found, suspended) are not an error: they are listed in Response.PartialErrors beside the
// users that were found. Works with an app-only token or a user context.
func (s *UsersService) Lookup(ctx context.Context, ids []string, opts *UserOptions) (*gen.MultiUserLookupResponse, *Response, error) {
	const method = "Users.Lookup"
	if err := checkIDs(method, "user id", patternUserID, maxItemsLookupUsersIds, ids); err != nil {
		return nil, nil, err
	}
	p := gen.LookupUsersParams{Ids: ids}
	var err error
	if p.UserFields, p.Expansions, p.TweetFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupUsers, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupUsers(ctx, &p)
	})
}

// LookupByUsernames looks up 1 to 100 users by handle (without the @) in one call.
// Handles that cannot be returned are listed in Response.PartialErrors beside the users
// that were found. Works with an app-only token or a user context.
func (s *UsersService) LookupByUsernames(ctx context.Context, usernames []string, opts *UserOptions) (*gen.MultiUserLookupResponse, *Response, error) {
	const method = "Users.LookupByUsernames"
	if err := checkIDs(method, "username", patternUserName, maxItemsLookupUsersByUsernamesUsernames, usernames); err != nil {
		return nil, nil, err
	}
	var err error
	p := gen.LookupUsersByUsernamesParams{Usernames: usernames}
	if p.UserFields, p.Expansions, p.TweetFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupUsersByUsernames, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupUsersByUsernames(ctx, &p)
	})
}

// Me looks up the authenticated user: the account a user-context token acts for, whose id
// the methods that act on behalf of a user take. Needs a user context (scopes tweet.read
// and users.read); an app-only token is an error (IsUnsupportedAuthentication).
func (s *UsersService) Me(ctx context.Context, opts *UserOptions) (*gen.SingleUserLookupResponse, *Response, error) {
	const method = "Users.Me"
	var p gen.LookupMeParams
	var err error
	if p.UserFields, p.Expansions, p.TweetFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupMe, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupMe(ctx, &p)
	})
}
