package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

func TestSpacesRequestsAndResults(t *testing.T) {
	spaceOpts := &SpaceOptions{
		SpaceFields: []gen.SpaceField{gen.SpaceFieldTitle, gen.SpaceFieldHostIds},
		Expansions:  []gen.SpaceExpansion{gen.SpaceExpansionHostIds},
		UserFields:  []gen.UserField{gen.UserFieldUsername},
		TopicFields: []gen.TopicField{gen.TopicFieldName},
	}
	const spaceQuery = "space.fields=title,host_ids&expansions=host_ids&user.fields=username&topic.fields=name"
	const space = `{"id":"1DXxyRYNejbKM","state":"live","title":"Hello world 👋","host_ids":["2244994945"]}`
	const hosts = `{"users":[{"id":"2244994945","name":"Developers","username":"XDevelopers"}]}`
	checkSpace := func(t *testing.T, sp gen.Space, inc *gen.Expansions) {
		t.Helper()
		if sp.ID != "1DXxyRYNejbKM" || sp.Title != "Hello world 👋" || sp.HostIds[0] != "2244994945" {
			t.Errorf("space = %s", asJSON(t, sp))
		}
		if inc == nil || inc.Users[0].Username != "XDevelopers" {
			t.Errorf("includes = %s", asJSON(t, inc))
		}
	}
	runExchanges(t, []exchange{{
		name: "ByID",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.ByID(ctx, "1DXxyRYNejbKM", spaceOpts))
		},
		want:  wire{method: "GET", path: "/2/spaces/1DXxyRYNejbKM", query: spaceQuery},
		reply: `{"data":` + space + `,"includes":` + hosts + `}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.SingleSpaceLookupResponse](t, out)
			checkSpace(t, r.Data, &r.Includes)
		},
	}, {
		name: "ByID not found",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.ByID(ctx, "1YqKDqWqdPLsV", nil))
		},
		want:    wire{method: "GET", path: "/2/spaces/1YqKDqWqdPLsV"},
		reply:   `{"errors":[{"value":"1YqKDqWqdPLsV","detail":"Could not find space with id: [1YqKDqWqdPLsV].","title":"Not Found Error","resource_type":"space","parameter":"id","resource_id":"1YqKDqWqdPLsV","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsNotFound(err) {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "Lookup with a missing id",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.Lookup(ctx, []string{"1DXxyRYNejbKM", "1YqKDqWqdPLsV"}, spaceOpts))
		},
		want:  wire{method: "GET", path: "/2/spaces", query: "ids=1DXxyRYNejbKM,1YqKDqWqdPLsV&" + spaceQuery},
		reply: `{"data":[` + space + `],"includes":` + hosts + `,"errors":[{"value":"1YqKDqWqdPLsV","detail":"Could not find space with ids: [1YqKDqWqdPLsV].","title":"Not Found Error","resource_type":"space","parameter":"ids","resource_id":"1YqKDqWqdPLsV","type":"https://api.twitter.com/2/problems/resource-not-found"}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			r := as[gen.MultiSpaceLookupResponse](t, out)
			checkSpace(t, r.Data[0], &r.Includes)
			if len(resp.PartialErrors) != 1 {
				t.Errorf("partial errors = %+v", resp.PartialErrors)
			}
		},
	}, {
		name: "ByCreators",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.ByCreators(ctx, []string{"2244994945", "6253282"}, nil))
		},
		want:  wire{method: "GET", path: "/2/spaces/by/creator_ids", query: "user_ids=2244994945,6253282"},
		reply: `{"data":[` + space + `],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.MultiSpaceLookupResponse](t, out); r.Data[0].ID != "1DXxyRYNejbKM" || r.Meta.ResultCount != 1 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Search",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.Search(ctx, "hello", &SpaceSearchOptions{State: "live", MaxResults: 100, SpaceOptions: *spaceOpts}))
		},
		want:  wire{method: "GET", path: "/2/spaces/search", query: "query=hello&state=live&max_results=100&" + spaceQuery},
		reply: `{"data":[` + space + `],"includes":` + hosts + `,"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.MultiSpaceLookupResponse](t, out)
			checkSpace(t, r.Data[0], &r.Includes)
		},
	}})
}

func TestSpacesRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"ByID empty", func() error { _, _, err := c.Spaces.ByID(ctx, "", nil); return err }, "Spaces.ByID: invalid argument: empty space id"},
		{"ByID long", func() error { _, _, err := c.Spaces.ByID(ctx, "1DXxyRYNejbKMx", nil); return err }, `space id "1DXxyRYNejbKMx" is malformed`},
		{"Lookup none", func() error { _, _, err := c.Spaces.Lookup(ctx, nil, nil); return err }, "Spaces.Lookup: invalid argument: no space ids"},
		{"ByCreators 101", func() error { _, _, err := c.Spaces.ByCreators(ctx, make([]string, 101), nil); return err }, "Spaces.ByCreators: invalid argument: 101 user ids"},
		{"ByCreators bad id", func() error { _, _, err := c.Spaces.ByCreators(ctx, []string{"XDevelopers"}, nil); return err }, `user id "XDevelopers" is malformed (want ^[0-9]{1,19}$) (item 0)`},
		{"Search empty", func() error { _, _, err := c.Spaces.Search(ctx, "", nil); return err }, "Spaces.Search: invalid argument: empty query"},
		{"Search long", func() error { _, _, err := c.Spaces.Search(ctx, strings.Repeat("a", 2049), nil); return err }, "query is 2049 characters; the API takes at most 2048"},
		{"Search state", func() error {
			_, _, err := c.Spaces.Search(ctx, "go", &SpaceSearchOptions{State: "ended"})
			return err
		}, `State "ended" is not one of live, scheduled, all`},
		{"Search page", func() error {
			_, _, err := c.Spaces.Search(ctx, "go", &SpaceSearchOptions{MaxResults: 101})
			return err
		}, "MaxResults 101 out of range [1, 100]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}

// The Tweets shared in a Space and its ticket buyers.
func TestSpaceContentRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "Tweets",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.Tweets(ctx, "1DXxyRYNejbKM", &SpaceTweetsOptions{TweetOptions: allTweetOpts, MaxResults: 5}))
		},
		want:  wire{method: "GET", path: "/2/spaces/1DXxyRYNejbKM/tweets", query: "max_results=5&" + tweetQuery},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericTweetsTimelineResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
		},
	}, {
		name: "Buyers",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.Buyers(ctx, "1DXxyRYNejbKM", &UserListOptions{
				UserOptions: UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt}},
				PageOptions: PageOptions{MaxResults: 100, PaginationToken: "1ZZZZZZZZZZZZ"},
			}))
		},
		want:  wire{method: "GET", path: "/2/spaces/1DXxyRYNejbKM/buyers", query: "pagination_token=1ZZZZZZZZZZZZ&max_results=100&user.fields=created_at"},
		reply: `{"data":[{"id":"2244994945","name":"Developers","username":"XDevelopers","created_at":"2013-12-14T04:35:55.000Z"}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericMultipleUsersLookupResponse](t, out); r.Data[0].Username != "XDevelopers" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Buyers of someone else's Space",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Spaces.Buyers(ctx, "1DXxyRYNejbKM", nil))
		},
		want:    wire{method: "GET", path: "/2/spaces/1DXxyRYNejbKM/buyers"},
		status:  403,
		reply:   `{"detail":"Only the creator of the Space can see its ticket buyers.","type":"about:blank","title":"Forbidden","status":403}`,
		wantErr: true,
	}})
}

func TestSpaceContentRejectsBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"Tweets id", func() error { _, _, err := c.Spaces.Tweets(ctx, "1DXxyRYNejbKM!", nil); return err }, `Spaces.Tweets: invalid argument: space id "1DXxyRYNejbKM!" is malformed`},
		{"Tweets page", func() error {
			_, _, err := c.Spaces.Tweets(ctx, "1DXxyRYNejbKM", &SpaceTweetsOptions{MaxResults: 101})
			return err
		}, "MaxResults 101 out of range [1, 100]"},
		{"Buyers id", func() error { _, _, err := c.Spaces.Buyers(ctx, "", nil); return err }, "Spaces.Buyers: invalid argument: empty space id"},
		{"Buyers page", func() error {
			_, _, err := c.Spaces.Buyers(ctx, "1DXxyRYNejbKM", &UserListOptions{PageOptions: PageOptions{MaxResults: 1000}})
			return err
		}, "MaxResults 1000 out of range [1, 100]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
