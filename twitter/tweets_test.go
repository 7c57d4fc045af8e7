package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
)

// allTweetOpts asks for one of everything a Tweet lookup takes.
var allTweetOpts = TweetOptions{
	TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt, gen.TweetFieldAuthorID},
	Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID, gen.TweetExpansionAttachmentsMediaKeys},
	MediaFields: []gen.MediaField{gen.MediaFieldURL},
	PollFields:  []gen.PollField{gen.PollFieldOptions},
	UserFields:  []gen.UserField{gen.UserFieldUsername},
	PlaceFields: []gen.PlaceField{gen.PlaceFieldCountryCode},
}

const tweetQuery = "tweet.fields=created_at,author_id&expansions=author_id,attachments.media_keys&media.fields=url&poll.fields=options&user.fields=username&place.fields=country_code"

const tweetData = `{"id":"1460323737035677698","text":"Introducing a new era for the Twitter Developer Platform!","author_id":"2244994945","created_at":"2021-11-15T19:08:05.000Z","edit_history_tweet_ids":["1460323737035677698"],"attachments":{"media_keys":["3_1460323694132674560"]}}`

const tweetIncludes = `{"users":[{"id":"2244994945","name":"Developers","username":"XDevelopers"}],"media":[{"media_key":"3_1460323694132674560","type":"photo","url":"https://pbs.twimg.com/media/FEN0bpFXoAAs5fx.jpg"}]}`

// checkTweet asserts the Tweet of tweetData and its expanded author and media.
func checkTweet(t *testing.T, tw gen.Tweet, inc *gen.Expansions) {
	t.Helper()
	if tw.ID != "1460323737035677698" || tw.AuthorID != "2244994945" || tw.CreatedAt.Year() != 2021 {
		t.Errorf("tweet = %s", asJSON(t, tw))
	}
	if inc == nil || inc.Users == nil || inc.Users[0].Username != "XDevelopers" || inc.Media == nil || len(inc.Media) != 1 {
		t.Errorf("includes = %s", asJSON(t, inc))
	}
}

func TestTweetsRequestsAndResults(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	runExchanges(t, []exchange{{
		name: "Lookup with a missing id",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Lookup(ctx, []string{"1460323737035677698", "1"}, &allTweetOpts))
		},
		want:  wire{method: "GET", path: "/2/tweets", query: "ids=1460323737035677698,1&" + tweetQuery},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"errors":[{"value":"1","detail":"Could not find tweet with ids: [1].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			r := as[gen.MultiTweetLookupResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
			if len(resp.PartialErrors) != 1 || ProblemType(resp.PartialErrors[0].Type) != ProblemResourceNotFound {
				t.Errorf("partial errors = %+v", resp.PartialErrors)
			}
		},
	}, {
		name: "ByID",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.ByID(ctx, "1460323737035677698", &allTweetOpts))
		},
		want:  wire{method: "GET", path: "/2/tweets/1460323737035677698", query: tweetQuery},
		reply: `{"data":` + tweetData + `,"includes":` + tweetIncludes + `}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.SingleTweetLookupResponse](t, out)
			checkTweet(t, r.Data, &r.Includes)
		},
	}, {
		name: "ByID of a protected Tweet",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.ByID(ctx, "1455953449422516226", nil))
		},
		want:    wire{method: "GET", path: "/2/tweets/1455953449422516226"},
		reply:   `{"errors":[{"value":"1455953449422516226","detail":"Sorry, you are not authorized to see the Tweet with id: [1455953449422516226].","title":"Authorization Error","resource_type":"tweet","parameter":"id","resource_id":"1455953449422516226","type":"https://api.twitter.com/2/problems/not-authorized-for-resource"}]}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			e := apiError(t, err)
			if !e.HasProblem(ProblemResourceUnauthorized) || IsNotFound(err) || e.Title != "Authorization Error" {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "SearchRecent with every option",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.SearchRecent(ctx, "from:XDevelopers -is:retweet", &SearchOptions{
				TweetOptions: TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt}},
				MaxResults:   100, NextToken: "b26v89c19zqg8o3fpzbkk8bmzsl1c5a0i0ahl5yhfkpq5",
				SinceID: "1460323737035677600", UntilID: "1460323737035677699",
				StartTime: time.Date(2026, 11, 20, 7, 0, 0, 0, est), EndTime: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
				SortOrder: "recency",
			}))
		},
		want: wire{method: "GET", path: "/2/tweets/search/recent", query: "query=from%3AXDevelopers+-is%3Aretweet&start_time=2026-11-20T12%3A00%3A00Z&end_time=2026-11-27T00%3A00%3A00Z" +
			"&since_id=1460323737035677600&until_id=1460323737035677699&max_results=100&next_token=b26v89c19zqg8o3fpzbkk8bmzsl1c5a0i0ahl5yhfkpq5&sort_order=recency&tweet.fields=created_at"},
		reply: `{"data":[` + tweetData + `],"meta":{"newest_id":"1460323737035677698","oldest_id":"1460323737035677698","result_count":1,"next_token":"b26v89c19zqg8o3fpzbkk8bmzsl1c5a0i0ahl5yhfkpq6"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.TweetSearchResponse](t, out)
			if len(r.Data) != 1 || r.Meta.NextToken != "b26v89c19zqg8o3fpzbkk8bmzsl1c5a0i0ahl5yhfkpq6" || r.Meta.ResultCount != 1 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "SearchRecent with no match",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.SearchRecent(ctx, "nothing matches this", nil))
		},
		want:  wire{method: "GET", path: "/2/tweets/search/recent", query: "query=nothing+matches+this"},
		reply: `{"meta":{"result_count":0}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.TweetSearchResponse](t, out); r.Data != nil || r.Meta.ResultCount != 0 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "SearchRecent with a bad query",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.SearchRecent(ctx, "(unbalanced", nil))
		},
		want:    wire{method: "GET", path: "/2/tweets/search/recent", query: "query=%28unbalanced"},
		status:  400,
		reply:   `{"errors":[{"parameters":{"query":["(unbalanced"]},"message":"There were errors processing your request: missing ')' (at position 11)"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsInvalidRequest(err) || apiError(t, err).Endpoint != "GET /2/tweets/search/recent" {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "SearchAll",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.SearchAll(ctx, "#nowplaying", &SearchOptions{MaxResults: 500, SortOrder: "relevancy", TweetOptions: TweetOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID}}}))
		},
		want:  wire{method: "GET", path: "/2/tweets/search/all", query: "query=%23nowplaying&max_results=500&sort_order=relevancy&expansions=author_id"},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"meta":{"newest_id":"1460323737035677698","oldest_id":"1460323737035677698","result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.TweetSearchResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
		},
	}, {
		name: "CountRecent",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.CountRecent(ctx, "lakers", &CountOptions{Granularity: gen.GranularityDay, NextToken: "1jzu9lk96gu5npw1kwbwq5r1pkpd1mrd", SearchCountFields: []gen.SearchCountField{gen.SearchCountFieldTweetCount}}))
		},
		want:  wire{method: "GET", path: "/2/tweets/counts/recent", query: "query=lakers&next_token=1jzu9lk96gu5npw1kwbwq5r1pkpd1mrd&granularity=day&search_count.fields=tweet_count"},
		reply: `{"data":[{"end":"2026-11-21T00:00:00.000Z","start":"2026-11-20T00:00:00.000Z","tweet_count":1512},{"end":"2026-11-22T00:00:00.000Z","start":"2026-11-21T00:00:00.000Z","tweet_count":3141}],"meta":{"total_tweet_count":4653}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.TweetCountsResponse](t, out)
			if len(r.Data) != 2 || r.Data[1].TweetCount != 3141 || r.Meta.TotalTweetCount != 4653 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "CountAll",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.CountAll(ctx, "lakers", &CountOptions{StartTime: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), Granularity: gen.GranularityMinute}))
		},
		want:  wire{method: "GET", path: "/2/tweets/counts/all", query: "query=lakers&start_time=2010-01-01T00%3A00%3A00Z&granularity=minute"},
		reply: `{"data":[{"end":"2010-01-01T00:01:00.000Z","start":"2010-01-01T00:00:00.000Z","tweet_count":2}],"meta":{"total_tweet_count":2}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.TweetCountsResponse](t, out); r.Data[0].TweetCount != 2 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "CountAll with an app that lacks full-archive access",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.CountAll(ctx, "lakers", nil))
		},
		want:    wire{method: "GET", path: "/2/tweets/counts/all", query: "query=lakers"},
		status:  403,
		reply:   `{"client_id":"1","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsForbidden(err) || !apiError(t, err).HasProblem(ProblemClientForbidden) {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "UserTimeline",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.UserTimeline(ctx, "2244994945", &TimelineOptions{
				TweetOptions: allTweetOpts,
				PageOptions:  PageOptions{MaxResults: 5, PaginationToken: "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"},
				Exclude:      []gen.ListUserTweetsParamsExclude{gen.ListUserTweetsParamsExcludeReplies, gen.ListUserTweetsParamsExcludeRetweets},
				SinceID:      "1",
				EndTime:      time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
			}))
		},
		want: wire{method: "GET", path: "/2/users/2244994945/tweets", query: "since_id=1&max_results=5&pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i" +
			"&exclude=replies,retweets&end_time=2026-11-27T00%3A00%3A00Z&" + tweetQuery},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"meta":{"result_count":1,"newest_id":"1460323737035677698","oldest_id":"1460323737035677698","next_token":"7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5j"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericTweetsTimelineResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
			if r.Meta.NextToken != "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5j" {
				t.Errorf("meta = %s", asJSON(t, r.Meta))
			}
		},
	}, {
		name: "Mentions",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Mentions(ctx, "2244994945", &TimelineOptions{PageOptions: PageOptions{MaxResults: 100}, UntilID: "1460323737035677698", StartTime: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/mentions", query: "until_id=1460323737035677698&max_results=100&start_time=2026-11-01T00%3A00%3A00Z"},
		reply: `{"data":[{"id":"1375152598945312768","text":"@XDevelopers hello","edit_history_tweet_ids":["1375152598945312768"]}],"meta":{"result_count":1,"newest_id":"1375152598945312768","oldest_id":"1375152598945312768"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericTweetsTimelineResponse](t, out); !strings.HasPrefix(r.Data[0].Text, "@XDevelopers") {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "LikedTweets",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.LikedTweets(ctx, "2244994945", &LikedTweetsOptions{TweetOptions: TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldPublicMetrics}}, PageOptions: PageOptions{MaxResults: 5}}))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/liked_tweets", query: "max_results=5&tweet.fields=public_metrics"},
		reply: `{"data":[{"id":"1362449997430542337","text":"Honored to be the first developer to be featured in @XDevelopers","edit_history_tweet_ids":["1362449997430542337"],"public_metrics":{"retweet_count":5,"reply_count":2,"like_count":58,"quote_count":1}}],"meta":{"result_count":1,"next_token":"7140dibdnow9c7btw3w29n4v5h9f6g3hqmgqhbt4t7dsq"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericTweetsTimelineResponse](t, out); r.Data[0].PublicMetrics.LikeCount != 58 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "LikingUsers",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.LikingUsers(ctx, "1460323737035677698", &UserListOptions{PageOptions: PageOptions{MaxResults: 100}, UserOptions: UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt}}}))
		},
		want:  wire{method: "GET", path: "/2/tweets/1460323737035677698/liking_users", query: "max_results=100&user.fields=created_at"},
		reply: `{"data":[{"id":"1065249714214457345","name":"Spaces","username":"XSpaces","created_at":"2018-11-21T14:24:58.000Z"}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericMultipleUsersLookupResponse](t, out); r.Data[0].CreatedAt.Year() != 2018 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "RetweetedBy",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.RetweetedBy(ctx, "1460323737035677698", &UserListOptions{PageOptions: PageOptions{PaginationToken: "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"}}))
		},
		want:  wire{method: "GET", path: "/2/tweets/1460323737035677698/retweeted_by", query: "pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"},
		reply: `{"data":[{"id":"1065249714214457345","name":"Spaces","username":"XSpaces"}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericMultipleUsersLookupResponse](t, out); r.Data[0].Username != "XSpaces" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Like",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Like(ctx, "2244994945", "1460323737035677698"))
		},
		want:  wire{method: "POST", path: "/2/users/2244994945/likes", body: `{"tweet_id":"1460323737035677698"}`},
		reply: `{"data":{"liked":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersLikesCreateResponse](t, out); !r.Data.Liked {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Like a missing Tweet",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Like(ctx, "2244994945", "1"))
		},
		want:    wire{method: "POST", path: "/2/users/2244994945/likes", body: `{"tweet_id":"1"}`},
		reply:   `{"data":{"liked":false},"errors":[{"value":"1","detail":"Could not find tweet with tweet_id: [1].","title":"Not Found Error","resource_type":"tweet","parameter":"tweet_id","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsNotFound(err) || as[gen.UsersLikesCreateResponse](t, out).Data.Liked {
				t.Errorf("out = %v, err = %v", out, err)
			}
		},
	}, {
		name: "Unlike",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Unlike(ctx, "2244994945", "1460323737035677698"))
		},
		want:  wire{method: "DELETE", path: "/2/users/2244994945/likes/1460323737035677698"},
		reply: `{"data":{"liked":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersLikesDeleteResponse](t, out); r.Data.Liked {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Retweet",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Retweet(ctx, "2244994945", "1460323737035677698"))
		},
		want:  wire{method: "POST", path: "/2/users/2244994945/retweets", body: `{"tweet_id":"1460323737035677698"}`},
		reply: `{"data":{"id":"1460323737035677698","retweeted":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersRetweetsCreateResponse](t, out); !r.Data.Retweeted || r.Data.ID != "1460323737035677698" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Retweet with an app token",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Retweet(ctx, "2244994945", "1460323737035677698"))
		},
		want:    wire{method: "POST", path: "/2/users/2244994945/retweets", body: `{"tweet_id":"1460323737035677698"}`},
		status:  403,
		reply:   `{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}`,
		wantErr: true,
		check: func(t *testing.T, _ any, resp *Response, err error) {
			if !IsUnsupportedAuthentication(err) || resp.Attempts != 1 {
				t.Errorf("err = %v, attempts = %d", err, resp.Attempts)
			}
		},
	}, {
		name: "Unretweet",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Unretweet(ctx, "2244994945", "1460323737035677698"))
		},
		want:  wire{method: "DELETE", path: "/2/users/2244994945/retweets/1460323737035677698"},
		reply: `{"data":{"retweeted":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.UsersRetweetsDeleteResponse](t, out); r.Data.Retweeted {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "HideReply",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.HideReply(ctx, "1460323737035677698", true))
		},
		want:  wire{method: "PUT", path: "/2/tweets/1460323737035677698/hidden", body: `{"hidden":true}`},
		reply: `{"data":{"hidden":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.TweetHideResponse](t, out); !r.Data.Hidden {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "HideReply false shows the reply again",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.HideReply(ctx, "1460323737035677698", false))
		},
		want:  wire{method: "PUT", path: "/2/tweets/1460323737035677698/hidden", body: `{"hidden":false}`},
		reply: `{"data":{"hidden":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.TweetHideResponse](t, out); r.Data.Hidden {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}})
}

func TestTweetsRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	t0 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	long := strings.Repeat("é", maxLengthSearchRecentTweetsQuery+1)
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"Lookup none", func() error { _, _, err := c.Tweets.Lookup(ctx, []string{}, nil); return err }, "Tweets.Lookup: invalid argument: no tweet ids"},
		{"Lookup 101", func() error { _, _, err := c.Tweets.Lookup(ctx, make([]string, 101), nil); return err }, "101 tweet ids"},
		{"ByID url", func() error {
			_, _, err := c.Tweets.ByID(ctx, "https://x.com/XDevelopers/status/1460323737035677698", nil)
			return err
		}, "Tweets.ByID: invalid argument: tweet id"},
		{"ByID 20 digits", func() error { _, _, err := c.Tweets.ByID(ctx, "12345678901234567890", nil); return err }, "is malformed"},
		{"SearchRecent empty", func() error { _, _, err := c.Tweets.SearchRecent(ctx, "", nil); return err }, "Tweets.SearchRecent: invalid argument: empty query"},
		{"SearchRecent long", func() error { _, _, err := c.Tweets.SearchRecent(ctx, long, nil); return err }, "query is 4097 characters; the API takes at most 4096"},
		{"SearchRecent page 9", func() error {
			_, _, err := c.Tweets.SearchRecent(ctx, "go", &SearchOptions{MaxResults: 9})
			return err
		}, "MaxResults 9 out of range [10, 100]"},
		{"SearchRecent page 101", func() error {
			_, _, err := c.Tweets.SearchRecent(ctx, "go", &SearchOptions{MaxResults: 101})
			return err
		}, "MaxResults 101 out of range [10, 100]"},
		{"SearchAll page 501", func() error {
			_, _, err := c.Tweets.SearchAll(ctx, "go", &SearchOptions{MaxResults: 501})
			return err
		}, "Tweets.SearchAll: invalid argument: MaxResults 501 out of range [10, 500]"},
		{"SearchAll sort", func() error {
			_, _, err := c.Tweets.SearchAll(ctx, "go", &SearchOptions{SortOrder: "newest"})
			return err
		}, `SortOrder "newest" is not one of recency, relevancy`},
		{"SearchRecent window", func() error {
			_, _, err := c.Tweets.SearchRecent(ctx, "go", &SearchOptions{StartTime: t0, EndTime: t0})
			return err
		}, "EndTime 2026-11-20T00:00:00Z is not after StartTime 2026-11-20T00:00:00Z"},
		{"SearchRecent since", func() error {
			_, _, err := c.Tweets.SearchRecent(ctx, "go", &SearchOptions{SinceID: "abc"})
			return err
		}, `SinceID "abc" is malformed`},
		{"CountRecent granularity", func() error {
			_, _, err := c.Tweets.CountRecent(ctx, "go", &CountOptions{Granularity: "week"})
			return err
		}, `Tweets.CountRecent: invalid argument: Granularity "week" is not one of minute, hour, day`},
		{"CountAll empty", func() error { _, _, err := c.Tweets.CountAll(ctx, "", nil); return err }, "Tweets.CountAll: invalid argument: empty query"},
		{"CountAll until", func() error {
			_, _, err := c.Tweets.CountAll(ctx, "go", &CountOptions{UntilID: "-1"})
			return err
		}, `UntilID "-1" is malformed`},
		{"UserTimeline page 4", func() error {
			_, _, err := c.Tweets.UserTimeline(ctx, "12", &TimelineOptions{PageOptions: PageOptions{MaxResults: 4}})
			return err
		}, "Tweets.UserTimeline: invalid argument: MaxResults 4 out of range [5, 100]"},
		{"UserTimeline exclude", func() error {
			_, _, err := c.Tweets.UserTimeline(ctx, "12", &TimelineOptions{Exclude: []gen.ListUserTweetsParamsExclude{"quotes"}})
			return err
		}, `Exclude "quotes" is not one of replies, retweets`},
		{"UserTimeline exclude twice", func() error {
			_, _, err := c.Tweets.UserTimeline(ctx, "12", &TimelineOptions{Exclude: []gen.ListUserTweetsParamsExclude{"replies", "replies"}})
			return err
		}, `Exclude lists "replies" twice`},
		{"Mentions exclude", func() error {
			_, _, err := c.Tweets.Mentions(ctx, "12", &TimelineOptions{Exclude: []gen.ListUserTweetsParamsExclude{"replies"}})
			return err
		}, "Tweets.Mentions: invalid argument: Exclude is only accepted by Tweets.UserTimeline"},
		{"Mentions user", func() error { _, _, err := c.Tweets.Mentions(ctx, "", nil); return err }, "Tweets.Mentions: invalid argument: empty user id"},
		{"LikedTweets page", func() error {
			_, _, err := c.Tweets.LikedTweets(ctx, "12", &LikedTweetsOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "Tweets.LikedTweets: invalid argument: MaxResults 101 out of range [5, 100]"},
		{"LikingUsers page", func() error {
			_, _, err := c.Tweets.LikingUsers(ctx, "1", &UserListOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "Tweets.LikingUsers: invalid argument: MaxResults 101 out of range [1, 100]"},
		{"RetweetedBy id", func() error { _, _, err := c.Tweets.RetweetedBy(ctx, "", nil); return err }, "Tweets.RetweetedBy: invalid argument: empty tweet id"},
		{"Like", func() error { _, _, err := c.Tweets.Like(ctx, "12", ""); return err }, "Tweets.Like: invalid argument: empty tweet id"},
		{"Unlike", func() error { _, _, err := c.Tweets.Unlike(ctx, "", "1"); return err }, "Tweets.Unlike: invalid argument: empty user id"},
		{"Retweet", func() error { _, _, err := c.Tweets.Retweet(ctx, "@jack", "1"); return err }, "Tweets.Retweet: invalid argument"},
		{"Unretweet", func() error { _, _, err := c.Tweets.Unretweet(ctx, "12", "1.5"); return err }, "Tweets.Unretweet: invalid argument"},
		{"HideReply", func() error { _, _, err := c.Tweets.HideReply(ctx, "", true); return err }, "Tweets.HideReply: invalid argument: empty tweet id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}

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
