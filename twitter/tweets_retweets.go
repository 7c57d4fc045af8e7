package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

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
