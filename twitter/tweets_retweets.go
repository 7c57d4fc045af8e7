package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// RetweetedBy returns one page of the users who retweeted tweetID. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 100. Works with an
// app-only token or a user context.
func (s *TweetsService) RetweetedBy(ctx context.Context, tweetID string, opts *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
	const method = "Tweets.RetweetedBy"
	if err := checkID(method, "tweet id", numericID, tweetID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListRetweetersParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListRetweeters.size); err != nil {
		return nil, nil, err
	}
	if p.UserFields, p.Expansions, p.TweetFields, err = o.UserOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListRetweeters.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListRetweeters(ctx, tweetID, &p)
	})
}

// Retweet makes the authenticated user (userID) retweet tweetID. Needs a user context
// whose user is userID (scope tweet.write).
func (s *TweetsService) Retweet(ctx context.Context, userID, tweetID string) (*gen.UsersRetweetsCreateResponse, *Response, error) {
	if err := checkUserTweet("Tweets.Retweet", userID, tweetID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opRetweet, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.Retweet(ctx, userID, gen.RetweetJSONRequestBody{TweetID: tweetID})
	})
}

// Unretweet removes the authenticated user's (userID) Retweet of tweetID. Needs a user
// context whose user is userID (scope tweet.write).
func (s *TweetsService) Unretweet(ctx context.Context, userID, tweetID string) (*gen.UsersRetweetsDeleteResponse, *Response, error) {
	if err := checkUserTweet("Tweets.Unretweet", userID, tweetID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnretweet, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.Unretweet(ctx, userID, tweetID)
	})
}

// Retweets returns one page of the Retweets of tweetID (the Tweets, where RetweetedBy
// returns their authors). It pages with pagination_token (PageOptions.PaginationToken);
// MaxResults is 1 to 100. Works with an app-only token or a user context.
func (s *TweetsService) Retweets(ctx context.Context, tweetID string, opts *TweetListOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Tweets.Retweets"
	if err := checkID(method, "tweet id", numericID, tweetID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListRetweetsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListRetweets.size); err != nil {
		return nil, nil, err
	}
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListRetweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListRetweets(ctx, tweetID, &p)
	})
}
