package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

func TestBookmarksRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "List",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Bookmarks.List(ctx, "2244994945", &TweetListOptions{TweetOptions: allTweetOpts, PageOptions: PageOptions{MaxResults: 2, PaginationToken: "zldjwdz3w6sba13nbs0mbravfipbtqvbiqplg9h0p4k"}}))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/bookmarks", query: "max_results=2&pagination_token=zldjwdz3w6sba13nbs0mbravfipbtqvbiqplg9h0p4k&" + tweetQuery},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"meta":{"result_count":1,"next_token":"zldjwdz3w6sba13nbs0mbravfipbtqvbiqplg9h0p4l"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericTweetsTimelineResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
		},
	}, {
		name: "List with OAuth 1.0a",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Bookmarks.List(ctx, "2244994945", nil))
		},
		want:    wire{method: "GET", path: "/2/users/2244994945/bookmarks"},
		status:  403,
		reply:   `{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsUnsupportedAuthentication(err) {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "Add",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Bookmarks.Add(ctx, "2244994945", "1460323737035677698"))
		},
		want:  wire{method: "POST", path: "/2/users/2244994945/bookmarks", body: `{"tweet_id":"1460323737035677698"}`},
		reply: `{"data":{"bookmarked":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.BookmarkMutationResponse](t, out); !r.Data.Bookmarked {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Add a missing Tweet fails though X answers 200",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Bookmarks.Add(ctx, "2244994945", "1"))
		},
		want:    wire{method: "POST", path: "/2/users/2244994945/bookmarks", body: `{"tweet_id":"1"}`},
		reply:   `{"errors":[{"value":"1","detail":"Could not find tweet with tweet_id: [1].","title":"Not Found Error","resource_type":"tweet","parameter":"tweet_id","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsNotFound(err) || apiError(t, err).Endpoint != "POST /2/users/{id}/bookmarks" {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "Remove",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Bookmarks.Remove(ctx, "2244994945", "1460323737035677698"))
		},
		want:  wire{method: "DELETE", path: "/2/users/2244994945/bookmarks/1460323737035677698"},
		reply: `{"data":{"bookmarked":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.BookmarkMutationResponse](t, out); r.Data.Bookmarked {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}})
}

func TestBookmarksRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"List id", func() error { _, _, err := c.Bookmarks.List(ctx, "", nil); return err }, "Bookmarks.List: invalid argument: empty user id"},
		{"List page", func() error {
			_, _, err := c.Bookmarks.List(ctx, "12", &TweetListOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "MaxResults 101 out of range [1, 100]"},
		{"Add user", func() error { _, _, err := c.Bookmarks.Add(ctx, "me", "20"); return err }, `Bookmarks.Add: invalid argument: user id "me" is malformed`},
		{"Add tweet", func() error { _, _, err := c.Bookmarks.Add(ctx, "12", ""); return err }, "empty tweet id"},
		{"Remove", func() error { _, _, err := c.Bookmarks.Remove(ctx, "12", "x"); return err }, `Bookmarks.Remove: invalid argument: tweet id "x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
