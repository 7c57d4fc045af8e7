package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

// Iterators over the paginated operations of the Tweets service: searches, counts,
// timelines, liked Tweets, and the users who liked or retweeted a Tweet. See IterOptions
// for limits and resuming, and PageError for failures.
//
// Unless the options set MaxResults, every page asks for the operation's largest page
// size (not X's smaller default), so a full iteration makes as few requests, and spends
// as little rate limit, as it can.

func searchPaging(o *SearchOptions) (*int, *string) { return &o.MaxResults, &o.NextToken }

func timelinePaging(o *TimelineOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func likedPaging(o *LikedTweetsOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func countPaging(o *CountOptions) (*int, *string) { return nil, &o.NextToken }

// Searches.

func (s *TweetsService) searchRecentPager(query string, opts *SearchOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opSearchRecentTweets, opts, it, searchPaging,
		func(ctx context.Context, o *SearchOptions) (*gen.TweetSearchResponse, *Response, error) {
			return s.SearchRecent(ctx, query, o)
		})
}

// SearchRecentPages pages through the Tweets of the last seven days that match query, up
// to 100 a page (the largest, unless opts.MaxResults sets the size), following next_token.
// The window of opts (StartTime, EndTime, SinceID, UntilID) applies to every page.
func (s *TweetsService) SearchRecentPages(ctx context.Context, query string, opts *SearchOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.searchRecentPager(query, opts, it).pages(ctx)
}

// SearchRecentIter yields the Tweets of the last seven days that match query, one by one.
// See SearchRecentPages; use it instead when the Tweets' includes are needed.
func (s *TweetsService) SearchRecentIter(ctx context.Context, query string, opts *SearchOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.searchRecentPager(query, opts, it).items(ctx)
}

func (s *TweetsService) searchAllPager(query string, opts *SearchOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opSearchAllTweets, opts, it, searchPaging,
		func(ctx context.Context, o *SearchOptions) (*gen.TweetSearchResponse, *Response, error) {
			return s.SearchAll(ctx, query, o)
		})
}

// SearchAllPages pages through the full archive of Tweets that match query, up to 500 a
// page, following next_token. The window of opts applies to every page. Full-archive
// search is rate limited to one request a second: combine it with WithRateLimitWait.
func (s *TweetsService) SearchAllPages(ctx context.Context, query string, opts *SearchOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.searchAllPager(query, opts, it).pages(ctx)
}

// SearchAllIter yields the Tweets of the full archive that match query, one by one.
func (s *TweetsService) SearchAllIter(ctx context.Context, query string, opts *SearchOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.searchAllPager(query, opts, it).items(ctx)
}

// Counts.

func (s *TweetsService) countRecentPager(query string, opts *CountOptions, it *IterOptions) *pager[gen.SearchCount] {
	return opPager(&opCountRecentTweets, opts, it, countPaging,
		func(ctx context.Context, o *CountOptions) (*gen.TweetCountsResponse, *Response, error) {
			return s.CountRecent(ctx, query, o)
		})
}

// CountRecentPages pages through the count buckets of the Tweets of the last seven days
// that match query, following next_token. The window of opts applies to every page; each
// page's Meta.TotalTweetCount sums its own buckets.
func (s *TweetsService) CountRecentPages(ctx context.Context, query string, opts *CountOptions, it *IterOptions) iter.Seq2[*CountPage, error] {
	return s.countRecentPager(query, opts, it).pages(ctx)
}

// CountRecentIter yields the count buckets of the last seven days, one by one.
func (s *TweetsService) CountRecentIter(ctx context.Context, query string, opts *CountOptions, it *IterOptions) iter.Seq2[gen.SearchCount, error] {
	return s.countRecentPager(query, opts, it).items(ctx)
}

func (s *TweetsService) countAllPager(query string, opts *CountOptions, it *IterOptions) *pager[gen.SearchCount] {
	return opPager(&opCountAllTweets, opts, it, countPaging,
		func(ctx context.Context, o *CountOptions) (*gen.TweetCountsResponse, *Response, error) {
			return s.CountAll(ctx, query, o)
		})
}

// CountAllPages pages through the count buckets of the full archive that match query,
// following next_token. The window of opts applies to every page.
func (s *TweetsService) CountAllPages(ctx context.Context, query string, opts *CountOptions, it *IterOptions) iter.Seq2[*CountPage, error] {
	return s.countAllPager(query, opts, it).pages(ctx)
}

// CountAllIter yields the count buckets of the full archive, one by one.
func (s *TweetsService) CountAllIter(ctx context.Context, query string, opts *CountOptions, it *IterOptions) iter.Seq2[gen.SearchCount, error] {
	return s.countAllPager(query, opts, it).items(ctx)
}

// Timelines.

func (s *TweetsService) userTimelinePager(userID string, opts *TimelineOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListUserTweets, opts, it, timelinePaging,
		func(ctx context.Context, o *TimelineOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.UserTimeline(ctx, userID, o)
		})
}

// UserTimelinePages pages through the Tweets userID posted, newest first, up to 100 a
// page, following pagination_token. The window of opts applies to every page. X serves at
// most the 3,200 most recent Tweets this way.
func (s *TweetsService) UserTimelinePages(ctx context.Context, userID string, opts *TimelineOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.userTimelinePager(userID, opts, it).pages(ctx)
}

// UserTimelineIter yields the Tweets userID posted, newest first, one by one.
func (s *TweetsService) UserTimelineIter(ctx context.Context, userID string, opts *TimelineOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.userTimelinePager(userID, opts, it).items(ctx)
}

func (s *TweetsService) mentionsPager(userID string, opts *TimelineOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListMentions, opts, it, timelinePaging,
		func(ctx context.Context, o *TimelineOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.Mentions(ctx, userID, o)
		})
}

// MentionsPages pages through the Tweets that mention userID, newest first, up to 100 a
// page. The window of opts applies to every page.
func (s *TweetsService) MentionsPages(ctx context.Context, userID string, opts *TimelineOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.mentionsPager(userID, opts, it).pages(ctx)
}

// MentionsIter yields the Tweets that mention userID, newest first, one by one.
func (s *TweetsService) MentionsIter(ctx context.Context, userID string, opts *TimelineOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.mentionsPager(userID, opts, it).items(ctx)
}

func (s *TweetsService) likedTweetsPager(userID string, opts *LikedTweetsOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListLikedTweets, opts, it, likedPaging,
		func(ctx context.Context, o *LikedTweetsOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.LikedTweets(ctx, userID, o)
		})
}

// LikedTweetsPages pages through the Tweets userID liked, up to 100 a page.
func (s *TweetsService) LikedTweetsPages(ctx context.Context, userID string, opts *LikedTweetsOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.likedTweetsPager(userID, opts, it).pages(ctx)
}

// LikedTweetsIter yields the Tweets userID liked, one by one.
func (s *TweetsService) LikedTweetsIter(ctx context.Context, userID string, opts *LikedTweetsOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.likedTweetsPager(userID, opts, it).items(ctx)
}

// Users of a Tweet.

func (s *TweetsService) likingUsersPager(tweetID string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListLikingUsers, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.LikingUsers(ctx, tweetID, o)
		})
}

// LikingUsersPages pages through the users who liked tweetID, up to 100 a page.
func (s *TweetsService) LikingUsersPages(ctx context.Context, tweetID string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.likingUsersPager(tweetID, opts, it).pages(ctx)
}

// LikingUsersIter yields the users who liked tweetID, one by one.
func (s *TweetsService) LikingUsersIter(ctx context.Context, tweetID string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.likingUsersPager(tweetID, opts, it).items(ctx)
}

func (s *TweetsService) retweetedByPager(tweetID string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListRetweeters, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.RetweetedBy(ctx, tweetID, o)
		})
}

// RetweetedByPages pages through the users who retweeted tweetID, up to 100 a page.
func (s *TweetsService) RetweetedByPages(ctx context.Context, tweetID string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.retweetedByPager(tweetID, opts, it).pages(ctx)
}

// RetweetedByIter yields the users who retweeted tweetID, one by one.
func (s *TweetsService) RetweetedByIter(ctx context.Context, tweetID string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.retweetedByPager(tweetID, opts, it).items(ctx)
}

// Quotes, Retweets and the home timeline.

func quotePaging(o *QuoteTweetsOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func tweetListPaging(o *TweetListOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func (s *TweetsService) quoteTweetsPager(tweetID string, opts *QuoteTweetsOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListQuoteTweets, opts, it, quotePaging,
		func(ctx context.Context, o *QuoteTweetsOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.QuoteTweets(ctx, tweetID, o)
		})
}

// QuoteTweetsPages pages through the Tweets that quote tweetID, newest first, up to 100 a
// page, following pagination_token.
func (s *TweetsService) QuoteTweetsPages(ctx context.Context, tweetID string, opts *QuoteTweetsOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.quoteTweetsPager(tweetID, opts, it).pages(ctx)
}

// QuoteTweetsIter yields the Tweets that quote tweetID, newest first, one by one.
func (s *TweetsService) QuoteTweetsIter(ctx context.Context, tweetID string, opts *QuoteTweetsOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.quoteTweetsPager(tweetID, opts, it).items(ctx)
}

func (s *TweetsService) retweetsPager(tweetID string, opts *TweetListOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListRetweets, opts, it, tweetListPaging,
		func(ctx context.Context, o *TweetListOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.Retweets(ctx, tweetID, o)
		})
}

// RetweetsPages pages through the Retweets of tweetID, up to 100 a page.
func (s *TweetsService) RetweetsPages(ctx context.Context, tweetID string, opts *TweetListOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.retweetsPager(tweetID, opts, it).pages(ctx)
}

// RetweetsIter yields the Retweets of tweetID one by one.
func (s *TweetsService) RetweetsIter(ctx context.Context, tweetID string, opts *TweetListOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.retweetsPager(tweetID, opts, it).items(ctx)
}

func (s *TweetsService) homeTimelinePager(userID string, opts *TimelineOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opHomeTimeline, opts, it, timelinePaging,
		func(ctx context.Context, o *TimelineOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.HomeTimeline(ctx, userID, o)
		})
}

// HomeTimelinePages pages through the home timeline of userID (the authenticated user),
// newest first, up to 100 a page. The window of opts applies to every page.
func (s *TweetsService) HomeTimelinePages(ctx context.Context, userID string, opts *TimelineOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.homeTimelinePager(userID, opts, it).pages(ctx)
}

// HomeTimelineIter yields the home timeline of userID (the authenticated user), newest
// first, one by one.
func (s *TweetsService) HomeTimelineIter(ctx context.Context, userID string, opts *TimelineOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.homeTimelinePager(userID, opts, it).items(ctx)
}
