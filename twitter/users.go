package twitter

import (
	"context"
	"errors"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// ByUsername looks up one user by handle (without the @).
func (s *UsersService) ByUsername(ctx context.Context, username string, opts *UserOptions) (*gen.SingleUserLookupResponse, *Response, error) {
	if username == "" {
		return nil, nil, errors.New("twitter: Users.ByUsername: empty username")
	}
	var p gen.LookupUserByUsernameParams
	if opts != nil {
		p.UserFields, p.Expansions, p.TweetFields = optional(opts.UserFields), optional(opts.Expansions), optional(opts.TweetFields)
	}
	var out gen.SingleUserLookupResponse
	resp, err := s.client.call(ctx, get("/2/users/by/username/{username}"), func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupUserByUsername(ctx, username, &p)
	}, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}

// Follow makes the authenticated user (userID) follow target. For a protected target the
// follow stays pending until approved: see Data.PendingFollow.
func (s *UsersService) Follow(ctx context.Context, userID, target string) (*gen.UsersFollowingCreateResponse, *Response, error) {
	if userID == "" || target == "" {
		return nil, nil, errors.New("twitter: Users.Follow: empty user id")
	}
	var out gen.UsersFollowingCreateResponse
	resp, err := s.client.call(ctx, mutation(http.MethodPost, "/2/users/{id}/following"), func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.FollowUser(ctx, userID, gen.FollowUserJSONRequestBody{TargetUserID: target})
	}, &out)
	if err != nil {
		return nil, resp, err
	}
	return &out, resp, nil
}
