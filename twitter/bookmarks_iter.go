package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

func (s *BookmarksService) listPager(userID string, opts *TweetListOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListBookmarks, opts, it, tweetListPaging,
		func(ctx context.Context, o *TweetListOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.List(ctx, userID, o)
		})
}

// ListPages pages through the Tweets userID (the authenticated user) bookmarked, up to
// 100 a page. See IterOptions for limits and resuming, and PageError for failures.
func (s *BookmarksService) ListPages(ctx context.Context, userID string, opts *TweetListOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.listPager(userID, opts, it).pages(ctx)
}

// ListIter yields the Tweets userID (the authenticated user) bookmarked, one by one.
func (s *BookmarksService) ListIter(ctx context.Context, userID string, opts *TweetListOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.listPager(userID, opts, it).items(ctx)
}
