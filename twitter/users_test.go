package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

const userNotFound = `{"errors":[{"value":"2244994946","detail":"Could not find user with id: [2244994946].","title":"Not Found Error","resource_type":"user","parameter":"id","resource_id":"2244994946","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`

func TestUsersRequestsAndResults(t *testing.T) {
	userOpts := &UserOptions{
		UserFields:  []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldPublicMetrics},
		Expansions:  []gen.UserExpansion{gen.UserExpansionPinnedTweetID},
		TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt},
	}
	const userQuery = "user.fields=created_at,public_metrics&expansions=pinned_tweet_id&tweet.fields=created_at"
	runExchanges(t, []exchange{{
		name: "ByID",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.ByID(ctx, "2244994945", userOpts))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945", query: userQuery},
		reply: `{"data":{"id":"2244994945","name":"Developers","username":"XDevelopers","created_at":"2013-12-14T04:35:55.000Z","pinned_tweet_id":"1293593516040269825","public_metrics":{"followers_count":583423,"following_count":2048,"tweet_count":14052,"listed_count":1672}},"includes":{"tweets":[{"id":"1293593516040269825","text":"It's finally here!","created_at":"2020-08-12T17:01:42.000Z","edit_history_tweet_ids":["1293593516040269825"]}]}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.SingleUserLookupResponse](t, out)
			if r.Data.Username != "XDevelopers" || r.Data.PublicMetrics.FollowersCount != 583423 {
				t.Errorf("data = %+v", r.Data)
			}
			if tw := r.Includes.Tweets; len(tw) != 1 || tw[0].ID != r.Data.PinnedTweetID {
				t.Errorf("includes.tweets = %+v", tw)
			}
		},
	}, {
		name: "ByID not found",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.ByID(ctx, "2244994946", nil))
		},
		want:    wire{method: "GET", path: "/2/users/2244994946"},
		reply:   userNotFound,
		wantErr: true,
		check: func(t *testing.T, out any, resp *Response, err error) {
			if !IsNotFound(err) {
				t.Errorf("IsNotFound(%v) = false", err)
			}
			e := apiError(t, err)
			if e.StatusCode != 200 || e.Endpoint != "GET /2/users/{id}" || e.Detail != "Could not find user with id: [2244994946]." {
				t.Errorf("error = %+v", e)
			}
			if as[gen.SingleUserLookupResponse](t, out).Data.ID != "" || len(resp.PartialErrors) != 1 {
				t.Errorf("out = %v, partial errors = %v", out, resp.PartialErrors)
			}
		},
	}, {
		name: "ByUsername",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.ByUsername(ctx, "XDevelopers", userOpts))
		},
		want:  wire{method: "GET", path: "/2/users/by/username/XDevelopers", query: userQuery},
		reply: `{"data":{"id":"2244994945","name":"Developers","username":"XDevelopers"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.SingleUserLookupResponse](t, out); r.Data.ID != "2244994945" {
				t.Errorf("data = %+v", r.Data)
			}
		},
	}, {
		name: "Lookup with partial errors",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Lookup(ctx, []string{"2244994945", "2244994946"}, &UserOptions{UserFields: []gen.UserField{gen.UserFieldVerified}}))
		},
		want:  wire{method: "GET", path: "/2/users", query: "ids=2244994945,2244994946&user.fields=verified"},
		reply: `{"data":[{"id":"2244994945","name":"Developers","username":"XDevelopers","verified":true}],"errors":[{"value":"2244994946","detail":"Could not find user with ids: [2244994946].","title":"Not Found Error","resource_type":"user","parameter":"ids","resource_id":"2244994946","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			r := as[gen.MultiUserLookupResponse](t, out)
			if len(r.Data) != 1 || !r.Data[0].Verified {
				t.Errorf("data = %+v", r.Data)
			}
			if len(resp.PartialErrors) != 1 || resp.PartialErrors[0].ResourceID != "2244994946" {
				t.Errorf("partial errors = %+v", resp.PartialErrors)
			}
		},
	}, {
		name: "Lookup where no id is found is still a result",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Lookup(ctx, []string{"2244994946"}, nil))
		},
		want:  wire{method: "GET", path: "/2/users", query: "ids=2244994946"},
		reply: `{"errors":[{"value":"2244994946","detail":"Could not find user with ids: [2244994946].","title":"Not Found Error","resource_type":"user","parameter":"ids","resource_id":"2244994946","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			if r := as[gen.MultiUserLookupResponse](t, out); r.Data != nil || len(resp.PartialErrors) != 1 {
				t.Errorf("data = %v, partial errors = %v", r.Data, resp.PartialErrors)
			}
		},
	}, {
		name: "LookupByUsernames",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.LookupByUsernames(ctx, []string{"XDevelopers", "jack"}, nil))
		},
		want:  wire{method: "GET", path: "/2/users/by", query: "usernames=XDevelopers,jack"},
		reply: `{"data":[{"id":"2244994945","name":"Developers","username":"XDevelopers"},{"id":"12","name":"jack","username":"jack"}]}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.MultiUserLookupResponse](t, out); len(r.Data) != 2 || r.Data[1].ID != "12" {
				t.Errorf("data = %+v", r.Data)
			}
		},
	}, {
		name: "Followers",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Followers(ctx, "2244994945", &UserListOptions{
				UserOptions: UserOptions{UserFields: []gen.UserField{gen.UserFieldDescription}},
				PageOptions: PageOptions{MaxResults: 1000, PaginationToken: "DFEDBNRFT3MHCZZZ"},
			}))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/followers", query: "max_results=1000&pagination_token=DFEDBNRFT3MHCZZZ&user.fields=description"},
		reply: `{"data":[{"id":"1324848235714736129","name":"Alice","username":"alice","description":"hi"}],"meta":{"result_count":1,"next_token":"DFEDBNRFT3MHCZZY","previous_token":"DFEDBNRFT3MHCZZX"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.UsersFollowingLookupResponse](t, out)
			if r.Meta.NextToken != "DFEDBNRFT3MHCZZY" || r.Meta.ResultCount != 1 || r.Data[0].Description != "hi" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Followers of a missing user",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Followers(ctx, "2244994946", nil))
		},
		want:    wire{method: "GET", path: "/2/users/2244994946/followers"},
		reply:   userNotFound,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsNotFound(err) {
				t.Errorf("IsNotFound(%v) = false", err)
			}
		},
	}, {
		name: "Following with no one followed",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Following(ctx, "12", &UserListOptions{PageOptions: PageOptions{MaxResults: 1}}))
		},
		want:  wire{method: "GET", path: "/2/users/12/following", query: "max_results=1"},
		reply: `{"meta":{"result_count":0}}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			if r := as[gen.UsersFollowingLookupResponse](t, out); r.Data != nil || r.Meta.ResultCount != 0 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Blocking",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Blocking(ctx, "12", &UserListOptions{UserOptions: UserOptions{Expansions: []gen.UserExpansion{gen.UserExpansionPinnedTweetID}}}))
		},
		want:  wire{method: "GET", path: "/2/users/12/blocking", query: "expansions=pinned_tweet_id"},
		reply: `{"data":[{"id":"783214","name":"X","username":"X"}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericMultipleUsersLookupResponse](t, out); r.Data[0].Username != "X" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Blocking with an app token",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Blocking(ctx, "12", nil))
		},
		want:    wire{method: "GET", path: "/2/users/12/blocking"},
		status:  403,
		reply:   `{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsUnsupportedAuthentication(err) || !IsForbidden(err) || out != nil {
				t.Errorf("out = %v, err = %v", out, err)
			}
		},
	}, {
		name: "Follow",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Follow(ctx, "12", "2244994945"))
		},
		want:  wire{method: "POST", path: "/2/users/12/following", body: `{"target_user_id":"2244994945"}`},
		reply: `{"data":{"following":false,"pending_follow":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersFollowingCreateResponse](t, out); r.Data.Following || !r.Data.PendingFollow {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Follow a missing user fails though X answers 200",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Follow(ctx, "12", "2244994946"))
		},
		want:    wire{method: "POST", path: "/2/users/12/following", body: `{"target_user_id":"2244994946"}`},
		reply:   `{"data":{"following":false},"errors":[{"value":"2244994946","detail":"Could not find user with target_user_id: [2244994946].","title":"Not Found Error","resource_type":"user","parameter":"target_user_id","resource_id":"2244994946","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsNotFound(err) || apiError(t, err).Endpoint != "POST /2/users/{id}/following" {
				t.Errorf("err = %v", err)
			}
			if r := as[gen.UsersFollowingCreateResponse](t, out); r.Data.Following {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Unfollow",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Unfollow(ctx, "12", "2244994945"))
		},
		want:  wire{method: "DELETE", path: "/2/users/12/following/2244994945"},
		reply: `{"data":{"following":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersFollowingDeleteResponse](t, out); r.Data.Following {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Block",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Block(ctx, "12", "783214"))
		},
		want:  wire{method: "POST", path: "/2/users/12/blocking", body: `{"target_user_id":"783214"}`},
		reply: `{"data":{"blocking":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersBlockingMutationResponse](t, out); !r.Data.Blocking {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Unblock",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Unblock(ctx, "12", "783214"))
		},
		want:  wire{method: "DELETE", path: "/2/users/12/blocking/783214"},
		reply: `{"data":{"blocking":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersBlockingMutationResponse](t, out); r.Data.Blocking {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Mute",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Mute(ctx, "12", "783214"))
		},
		want:  wire{method: "POST", path: "/2/users/12/muting", body: `{"target_user_id":"783214"}`},
		reply: `{"data":{"muting":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersMutingMutationResponse](t, out); !r.Data.Muting {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Unmute",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Users.Unmute(ctx, "12", "783214"))
		},
		want:  wire{method: "DELETE", path: "/2/users/12/muting/783214"},
		reply: `{"data":{"muting":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersMutingMutationResponse](t, out); r.Data.Muting {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}})
}

func TestUsersRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	ids101 := make([]string, 101)
	for i := range ids101 {
		ids101[i] = "12"
	}
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"ByID empty", func() error { _, _, err := c.Users.ByID(ctx, "", nil); return err }, "twitter: Users.ByID: invalid argument: empty user id"},
		{"ByID username", func() error { _, _, err := c.Users.ByID(ctx, "jack", nil); return err }, `user id "jack" is malformed`},
		{"ByUsername with @", func() error { _, _, err := c.Users.ByUsername(ctx, "@jack", nil); return err }, `Users.ByUsername: invalid argument: username "@jack" is malformed`},
		{"ByUsername empty", func() error { _, _, err := c.Users.ByUsername(ctx, "", nil); return err }, "empty username"},
		{"Lookup none", func() error { _, _, err := c.Users.Lookup(ctx, nil, nil); return err }, "Users.Lookup: invalid argument: no user ids"},
		{"Lookup 101", func() error { _, _, err := c.Users.Lookup(ctx, ids101, nil); return err }, "101 user ids; the API takes at most 100 a call"},
		{"Lookup bad item", func() error { _, _, err := c.Users.Lookup(ctx, []string{"12", ""}, nil); return err }, "empty user id (item 1)"},
		{"LookupByUsernames long", func() error {
			_, _, err := c.Users.LookupByUsernames(ctx, []string{"abcdefghijklmnop"}, nil)
			return err
		}, `username "abcdefghijklmnop" is malformed`},
		{"Followers page too big", func() error {
			_, _, err := c.Users.Followers(ctx, "12", &UserListOptions{PageOptions: PageOptions{MaxResults: 1001}})
			return err
		}, "Users.Followers: invalid argument: MaxResults 1001 out of range [1, 1000]"},
		{"Following negative page", func() error {
			_, _, err := c.Users.Following(ctx, "12", &UserListOptions{PageOptions: PageOptions{MaxResults: -1}})
			return err
		}, "MaxResults -1 out of range"},
		{"Blocking empty id", func() error { _, _, err := c.Users.Blocking(ctx, "", nil); return err }, "Users.Blocking: invalid argument: empty user id"},
		{"Follow no target", func() error { _, _, err := c.Users.Follow(ctx, "12", ""); return err }, "Users.Follow: invalid argument: empty target user id"},
		{"Unfollow no user", func() error { _, _, err := c.Users.Unfollow(ctx, "", "12"); return err }, "Users.Unfollow: invalid argument: empty user id"},
		{"Block", func() error { _, _, err := c.Users.Block(ctx, "12", "x/y"); return err }, `Users.Block: invalid argument: target user id "x/y" is malformed`},
		{"Unblock", func() error { _, _, err := c.Users.Unblock(ctx, "12", ""); return err }, "Users.Unblock: invalid argument"},
		{"Mute", func() error { _, _, err := c.Users.Mute(ctx, "", "12"); return err }, "Users.Mute: invalid argument"},
		{"Unmute", func() error { _, _, err := c.Users.Unmute(ctx, "12", "1 2"); return err }, "Users.Unmute: invalid argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}

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
