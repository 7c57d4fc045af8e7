package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// LikedTweets returns one page of the Tweets userID liked, most recent like first. It
// pages with pagination_token (PageOptions.PaginationToken); MaxResults is 5 to 100.
// Needs a user context (scope like.read).
func (s *TweetsService) LikedTweets(ctx context.Context, userID string, opts *LikedTweetsOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Tweets.LikedTweets"
	if err := checkID(method, "user id", numericID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListLikedTweetsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListLikedTweets.size); err != nil {
		return nil, nil, err
	}
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListLikedTweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListLikedTweets(ctx, userID, &p)
	})
}

// LikingUsers returns one page of the users who liked tweetID. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 100. Needs a user
// context (scope like.read).
func (s *TweetsService) LikingUsers(ctx context.Context, tweetID string, opts *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
	const method = "Tweets.LikingUsers"
	if err := checkID(method, "tweet id", numericID, tweetID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListLikingUsersParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListLikingUsers.size); err != nil {
		return nil, nil, err
	}
	if p.UserFields, p.Expansions, p.TweetFields, err = o.UserOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListLikingUsers.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListLikingUsers(ctx, tweetID, &p)
	})
}

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
