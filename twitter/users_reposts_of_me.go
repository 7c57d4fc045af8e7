package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// RepostsOfMe returns one page of the Retweets other accounts made of the authenticated
// user's Tweets, newest first: each item is the Retweet (its author is who retweeted;
// referenced_tweets names the original). It pages with pagination_token
// (PageOptions.PaginationToken); MaxResults is 1 to 100. Needs a user context (OAuth 2.0
// scopes timeline.read and tweet.read, or OAuth 1.0a).
func (s *UsersService) RepostsOfMe(ctx context.Context, opts *TweetListOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Users.RepostsOfMe"
	o := orZero(opts)
	var p gen.ListRepostsOfMeParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListRepostsOfMe.size); err != nil {
		return nil, nil, err
	}
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListRepostsOfMe.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListRepostsOfMe(ctx, &p)
	})
}
