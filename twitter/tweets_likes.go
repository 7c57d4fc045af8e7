package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Like makes the authenticated user (userID) like tweetID. Liking a Tweet that does not
// exist is an error (IsNotFound) though X answers it with a 200. Needs a user context
// whose user is userID (scope like.write).
func (s *TweetsService) Like(ctx context.Context, userID, tweetID string) (*gen.UsersLikesCreateResponse, *Response, error) {
	if err := checkUserTweet("Tweets.Like", userID, tweetID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLikeTweet, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LikeTweet(ctx, userID, gen.LikeTweetJSONRequestBody{TweetID: tweetID})
	})
}

// Unlike removes the authenticated user's (userID) like of tweetID. Needs a user context
// whose user is userID (scope like.write).
func (s *TweetsService) Unlike(ctx context.Context, userID, tweetID string) (*gen.UsersLikesDeleteResponse, *Response, error) {
	if err := checkUserTweet("Tweets.Unlike", userID, tweetID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnlikeTweet, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnlikeTweet(ctx, userID, tweetID)
	})
}
