package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

// The authenticated user, the muting list and the user search.
func TestUsersMoreRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "Me",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Me(ctx, &UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldVerified}}))
		},
		want:  wire{method: "GET", path: "/2/users/me", query: "user.fields=created_at,verified"},
		reply: `{"data":{"id":"2244994945","name":"Developers","username":"XDevelopers","created_at":"2013-12-14T04:35:55.000Z","verified":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.SingleUserLookupResponse](t, out)
			if r.Data.ID != "2244994945" || !r.Data.Verified || r.Data.CreatedAt.Year() != 2013 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Me with an app-only token",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Me(ctx, nil))
		},
		want:    wire{method: "GET", path: "/2/users/me"},
		status:  403,
		reply:   `{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsUnsupportedAuthentication(err) || apiError(t, err).Endpoint != "GET /2/users/me" {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "Muting",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Muting(ctx, "2244994945", &UserListOptions{
				UserOptions: UserOptions{UserFields: []gen.UserField{gen.UserFieldDescription}},
				PageOptions: PageOptions{MaxResults: 1000, PaginationToken: "HCZ8ENU6I0C0DS8ZZZZZ"},
			}))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/muting", query: "max_results=1000&pagination_token=HCZ8ENU6I0C0DS8ZZZZZ&user.fields=description"},
		reply: `{"data":[{"id":"1065249714214457345","name":"Spaces","username":"TwitterSpaces","description":"Twitter Spaces is where live audio conversations happen."}],"meta":{"result_count":1,"next_token":"HCZ8ENU6I0C0DS8ZZZZY"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericMultipleUsersLookupResponse](t, out)
			if r.Data[0].Username != "TwitterSpaces" || r.Meta.NextToken != "HCZ8ENU6I0C0DS8ZZZZY" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Search",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Search(ctx, "XDevelopers", &UserSearchOptions{
				UserOptions: UserOptions{Expansions: []gen.UserExpansion{gen.UserExpansionPinnedTweetID}},
				MaxResults:  1000,
				NextToken:   "b26v89c19zqg8o3frr3n7ooqjgm4zn7oc7w8t5tnq5epp",
			}))
		},
		want:  wire{method: "GET", path: "/2/users/search", query: "query=XDevelopers&max_results=1000&next_token=b26v89c19zqg8o3frr3n7ooqjgm4zn7oc7w8t5tnq5epp&expansions=pinned_tweet_id"},
		reply: `{"data":[{"id":"2244994945","name":"Developers","username":"XDevelopers","pinned_tweet_id":"1293593516040269825"}],"includes":{"tweets":[{"id":"1293593516040269825","text":"It's finally here!","edit_history_tweet_ids":["1293593516040269825"]}]},"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericMultipleUsersLookupResponse](t, out)
			if r.Data[0].ID != "2244994945" || r.Includes.Tweets[0].ID != "1293593516040269825" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Search with spaces and an apostrophe",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Search(ctx, "o'brien dev", nil))
		},
		want:  wire{method: "GET", path: "/2/users/search", query: "query=o%27brien+dev"},
		reply: `{"meta":{"result_count":0}}`,
	}})
}

func TestUsersMoreRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"Muting id", func() error { _, _, err := c.Users.Muting(ctx, "", nil); return err }, "Users.Muting: invalid argument: empty user id"},
		{"Muting page", func() error {
			_, _, err := c.Users.Muting(ctx, "12", &UserListOptions{PageOptions: PageOptions{MaxResults: 1001}})
			return err
		}, "MaxResults 1001 out of range [1, 1000]"},
		{"Search empty", func() error { _, _, err := c.Users.Search(ctx, "", nil); return err }, "Users.Search: invalid argument: empty query"},
		{"Search operators", func() error { _, _, err := c.Users.Search(ctx, "from:jack", nil); return err }, `query "from:jack" is not 1 to 50 letters`},
		{"Search long", func() error { _, _, err := c.Users.Search(ctx, strings.Repeat("a", 51), nil); return err }, "is not 1 to 50"},
		{"Search page", func() error {
			_, _, err := c.Users.Search(ctx, "jack", &UserSearchOptions{MaxResults: -5})
			return err
		}, "MaxResults -5 out of range [1, 1000]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
