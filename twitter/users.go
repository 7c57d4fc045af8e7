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
