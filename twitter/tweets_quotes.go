package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// QuoteTweets returns one page of the Tweets that quote tweetID, newest first; Exclude can
// leave out replies or Retweets. It pages with pagination_token
// (PageOptions.PaginationToken); MaxResults is 10 to 100. Works with an app-only token or
// a user context.
func (s *TweetsService) QuoteTweets(ctx context.Context, tweetID string, opts *QuoteTweetsOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Tweets.QuoteTweets"
	if err := checkID(method, "tweet id", patternTweetID, tweetID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	if err := checkSet(method, "Exclude", o.Exclude); err != nil {
		return nil, nil, err
	}
	var p gen.ListQuoteTweetsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListQuoteTweets.size); err != nil {
		return nil, nil, err
	}
	p.Exclude = optional(o.Exclude)
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListQuoteTweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListQuoteTweets(ctx, tweetID, &p)
	})
}
