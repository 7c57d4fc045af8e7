package twitter

import (
	"context"
	"iter"
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
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, 1, 100); err != nil {
		return nil, nil, err
	}
	p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields = o.TweetOptions.params()
	return do(ctx, s.client, &opListRepostsOfMe.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListRepostsOfMe(ctx, &p)
	})
}

func (s *UsersService) repostsOfMePager(opts *TweetListOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListRepostsOfMe, opts, it, tweetListPaging, s.RepostsOfMe)
}

// RepostsOfMePages pages through the Retweets of the authenticated user's Tweets, up to
// 100 a page. See IterOptions for limits and resuming, and PageError for failures.
func (s *UsersService) RepostsOfMePages(ctx context.Context, opts *TweetListOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.repostsOfMePager(opts, it).pages(ctx)
}

// RepostsOfMeIter yields the Retweets of the authenticated user's Tweets, newest first,
// one by one.
func (s *UsersService) RepostsOfMeIter(ctx context.Context, opts *TweetListOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.repostsOfMePager(opts, it).items(ctx)
}
