package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Lookup looks up 1 to 100 Tweets by id in one call. Tweets that cannot be returned
// (deleted, protected, not found) are not an error: they are listed in
// Response.PartialErrors beside the Tweets that were found. Works with an app-only token
// or a user context.
func (s *TweetsService) Lookup(ctx context.Context, ids []string, opts *TweetOptions) (*gen.MultiTweetLookupResponse, *Response, error) {
	const method = "Tweets.Lookup"
	if err := checkIDs(method, "tweet id", patternTweetID, maxItemsLookupTweetsIds, ids); err != nil {
		return nil, nil, err
	}
	p := gen.LookupTweetsParams{Ids: ids}
	var err error
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupTweets, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupTweets(ctx, &p)
	})
}

// ByID looks up one Tweet by id. A Tweet that does not exist, or that the caller may not
// see, is an error (IsNotFound, or a not-authorized-for-resource problem) even though X
// answers it with a 200. Works with an app-only token or a user context.
func (s *TweetsService) ByID(ctx context.Context, id string, opts *TweetOptions) (*gen.SingleTweetLookupResponse, *Response, error) {
	const method = "Tweets.ByID"
	if err := checkID(method, "tweet id", patternTweetID, id); err != nil {
		return nil, nil, err
	}
	var p gen.LookupTweetParams
	var err error
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupTweet, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupTweet(ctx, id, &p)
	})
}
