package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

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
