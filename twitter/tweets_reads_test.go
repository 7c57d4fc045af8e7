package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
)

// Quote Tweets, the Retweets list and the home timeline.
func TestTweetReadsRequestsAndResults(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	runExchanges(t, []exchange{{
		name: "QuoteTweets",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.QuoteTweets(ctx, "1409931481552543749", &QuoteTweetsOptions{
				TweetOptions: allTweetOpts,
				PageOptions:  PageOptions{MaxResults: 10, PaginationToken: "axdnb97mbwoq"},
				Exclude:      []gen.ListQuoteTweetsParamsExclude{gen.ListQuoteTweetsParamsExcludeReplies},
			}))
		},
		want:  wire{method: "GET", path: "/2/tweets/1409931481552543749/quote_tweets", query: "max_results=10&pagination_token=axdnb97mbwoq&exclude=replies&" + tweetQuery},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"meta":{"result_count":1,"next_token":"axdnb97mbwor"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericTweetsTimelineResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
			if r.Meta.NextToken != "axdnb97mbwor" {
				t.Errorf("meta = %s", asJSON(t, r.Meta))
			}
		},
	}, {
		name: "QuoteTweets of a Tweet nobody quoted",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.QuoteTweets(ctx, "20", nil))
		},
		want:  wire{method: "GET", path: "/2/tweets/20/quote_tweets"},
		reply: `{"meta":{"result_count":0}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericTweetsTimelineResponse](t, out); r.Data != nil || r.Meta.ResultCount != 0 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Retweets",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Retweets(ctx, "1460323737035677698", &TweetListOptions{
				TweetOptions: TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldReferencedTweets}},
				PageOptions:  PageOptions{MaxResults: 100},
			}))
		},
		want:  wire{method: "GET", path: "/2/tweets/1460323737035677698/retweets", query: "max_results=100&tweet.fields=referenced_tweets"},
		reply: `{"data":[{"id":"1460324105396031490","text":"RT @XDevelopers: Introducing a new era for the Twitter Developer Platform!","edit_history_tweet_ids":["1460324105396031490"],"referenced_tweets":[{"type":"retweeted","id":"1460323737035677698"}]}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericTweetsTimelineResponse](t, out)
			if ref := r.Data[0].ReferencedTweets[0]; ref.ID != "1460323737035677698" || ref.Type != "retweeted" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Retweets of a missing Tweet",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Retweets(ctx, "1", nil))
		},
		want:    wire{method: "GET", path: "/2/tweets/1/retweets"},
		reply:   `{"errors":[{"value":"1","detail":"Could not find tweet with id: [1].","title":"Not Found Error","resource_type":"tweet","parameter":"id","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsNotFound(err) || apiError(t, err).Endpoint != "GET /2/tweets/{id}/retweets" {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "HomeTimeline",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.HomeTimeline(ctx, "2244994945", &TimelineOptions{
				TweetOptions: allTweetOpts,
				PageOptions:  PageOptions{MaxResults: 1, PaginationToken: "7140dibdnow9c7btw421dyz6jism75z99gyxd8egarsc4"},
				SinceID:      "1000", UntilID: "2000000000000000000",
				StartTime: time.Date(2022, 5, 1, 7, 0, 0, 0, est), EndTime: time.Date(2022, 5, 2, 7, 0, 0, 0, est),
				Exclude: []gen.ListUserTweetsParamsExclude{gen.ListUserTweetsParamsExcludeRetweets, gen.ListUserTweetsParamsExcludeReplies},
			}))
		},
		want: wire{method: "GET", path: "/2/users/2244994945/timelines/reverse_chronological", query: "since_id=1000&until_id=2000000000000000000" +
			"&max_results=1&pagination_token=7140dibdnow9c7btw421dyz6jism75z99gyxd8egarsc4&exclude=retweets,replies" +
			"&start_time=2022-05-01T12%3A00%3A00Z&end_time=2022-05-02T12%3A00%3A00Z&" + tweetQuery},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"meta":{"result_count":1,"newest_id":"1460323737035677698","oldest_id":"1460323737035677698","next_token":"7140dibdnow9c7btw421dyz6jism75z99gyxd8egarsc5"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericTweetsTimelineResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
			if r.Meta.NewestID != "1460323737035677698" {
				t.Errorf("meta = %s", asJSON(t, r.Meta))
			}
		},
	}, {
		name: "HomeTimeline of another user",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.HomeTimeline(ctx, "12", nil))
		},
		want:    wire{method: "GET", path: "/2/users/12/timelines/reverse_chronological"},
		status:  403,
		reply:   `{"title":"Forbidden","type":"about:blank","status":403,"detail":"You can only request the home timeline of the authenticated user."}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsForbidden(err) {
				t.Errorf("err = %v", err)
			}
		},
	}})
}

func TestTweetReadsRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	jan, feb := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"QuoteTweets id", func() error { _, _, err := c.Tweets.QuoteTweets(ctx, "", nil); return err }, "Tweets.QuoteTweets: invalid argument: empty tweet id"},
		{"QuoteTweets page too small", func() error {
			_, _, err := c.Tweets.QuoteTweets(ctx, "20", &QuoteTweetsOptions{PageOptions: PageOptions{MaxResults: 9}})
			return err
		}, "MaxResults 9 out of range [10, 100]"},
		{"QuoteTweets exclude", func() error {
			_, _, err := c.Tweets.QuoteTweets(ctx, "20", &QuoteTweetsOptions{Exclude: []gen.ListQuoteTweetsParamsExclude{"quotes"}})
			return err
		}, `Exclude "quotes" is not one of replies, retweets`},
		{"QuoteTweets exclude twice", func() error {
			_, _, err := c.Tweets.QuoteTweets(ctx, "20", &QuoteTweetsOptions{Exclude: []gen.ListQuoteTweetsParamsExclude{"replies", "replies"}})
			return err
		}, `Exclude lists "replies" twice`},
		{"Retweets id", func() error { _, _, err := c.Tweets.Retweets(ctx, "x", nil); return err }, `Tweets.Retweets: invalid argument: tweet id "x" is malformed`},
		{"Retweets page", func() error {
			_, _, err := c.Tweets.Retweets(ctx, "20", &TweetListOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "MaxResults 101 out of range [1, 100]"},
		{"HomeTimeline id", func() error { _, _, err := c.Tweets.HomeTimeline(ctx, "me", nil); return err }, "Tweets.HomeTimeline: invalid argument"},
		{"HomeTimeline page", func() error {
			_, _, err := c.Tweets.HomeTimeline(ctx, "12", &TimelineOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "MaxResults 101 out of range [1, 100]"},
		{"HomeTimeline window", func() error {
			_, _, err := c.Tweets.HomeTimeline(ctx, "12", &TimelineOptions{StartTime: feb, EndTime: jan})
			return err
		}, "EndTime 2026-01-01T00:00:00Z is not after StartTime"},
		{"HomeTimeline since", func() error {
			_, _, err := c.Tweets.HomeTimeline(ctx, "12", &TimelineOptions{SinceID: "yesterday"})
			return err
		}, `SinceID "yesterday" is malformed`},
		{"HomeTimeline exclude", func() error {
			_, _, err := c.Tweets.HomeTimeline(ctx, "12", &TimelineOptions{Exclude: []gen.ListUserTweetsParamsExclude{"likes"}})
			return err
		}, `Exclude "likes" is not one of`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
