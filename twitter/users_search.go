package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Search returns one page of the accounts that match query, a name or handle (up to 50
// letters, digits, underscores, apostrophes and spaces). It pages with
// next_token (UserSearchOptions.NextToken); MaxResults is 1 to 1000. Needs a user context
// (scopes tweet.read and users.read).
func (s *UsersService) Search(ctx context.Context, query string, opts *UserSearchOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
	const method = "Users.Search"
	if query == "" {
		return nil, nil, invalid(method, "empty query")
	}
	if !patternUserSearchQueryVnext.MatchString(query) {
		return nil, nil, invalid(method, "query %q is not 1 to 50 letters, digits, underscores, apostrophes and spaces", query)
	}
	o := orZero(opts)
	p := gen.SearchUsersParams{Query: query, NextToken: optString(o.NextToken)}
	var err error
	if p.MaxResults, err = maxResults(method, o.MaxResults, opSearchUsers.size); err != nil {
		return nil, nil, err
	}
	if p.UserFields, p.Expansions, p.TweetFields, err = o.UserOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSearchUsers.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchUsers(ctx, &p)
	})
}
