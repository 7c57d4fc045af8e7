package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

// Iterators over the paginated operations of the Lists service: a List's members,
// followers and Tweets, and the Lists a user follows, owns or belongs to. See IterOptions
// for limits and resuming, and PageError for failures.

func listPagePaging(o *ListPageOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func (s *ListsService) membersPager(id string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListListMembers, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.Members(ctx, id, o)
		})
}

// MembersPages pages through the members of List id, up to 100 a page.
func (s *ListsService) MembersPages(ctx context.Context, id string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.membersPager(id, opts, it).pages(ctx)
}

// MembersIter yields the members of List id one by one.
func (s *ListsService) MembersIter(ctx context.Context, id string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.membersPager(id, opts, it).items(ctx)
}

func (s *ListsService) followersPager(id string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListListFollowers, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.Followers(ctx, id, o)
		})
}

// FollowersPages pages through the followers of List id, up to 100 a page.
func (s *ListsService) FollowersPages(ctx context.Context, id string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.followersPager(id, opts, it).pages(ctx)
}

// FollowersIter yields the followers of List id one by one.
func (s *ListsService) FollowersIter(ctx context.Context, id string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.followersPager(id, opts, it).items(ctx)
}

func (s *ListsService) tweetsPager(id string, opts *TweetListOptions, it *IterOptions) *pager[gen.Tweet] {
	return opPager(&opListListTweets, opts, it, tweetListPaging,
		func(ctx context.Context, o *TweetListOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
			return s.Tweets(ctx, id, o)
		})
}

// TweetsPages pages through the Tweets of List id's members, newest first, up to 100 a
// page.
func (s *ListsService) TweetsPages(ctx context.Context, id string, opts *TweetListOptions, it *IterOptions) iter.Seq2[*TweetPage, error] {
	return s.tweetsPager(id, opts, it).pages(ctx)
}

// TweetsIter yields the Tweets of List id's members, newest first, one by one.
func (s *ListsService) TweetsIter(ctx context.Context, id string, opts *TweetListOptions, it *IterOptions) iter.Seq2[gen.Tweet, error] {
	return s.tweetsPager(id, opts, it).items(ctx)
}

func (s *ListsService) followedPager(userID string, opts *ListPageOptions, it *IterOptions) *pager[gen.List] {
	return opPager(&opListFollowedLists, opts, it, listPagePaging,
		func(ctx context.Context, o *ListPageOptions) (*gen.MultiListLookupResponse, *Response, error) {
			return s.Followed(ctx, userID, o)
		})
}

// FollowedPages pages through the Lists userID follows, up to 100 a page.
func (s *ListsService) FollowedPages(ctx context.Context, userID string, opts *ListPageOptions, it *IterOptions) iter.Seq2[*ListPage, error] {
	return s.followedPager(userID, opts, it).pages(ctx)
}

// FollowedIter yields the Lists userID follows one by one.
func (s *ListsService) FollowedIter(ctx context.Context, userID string, opts *ListPageOptions, it *IterOptions) iter.Seq2[gen.List, error] {
	return s.followedPager(userID, opts, it).items(ctx)
}

func (s *ListsService) ownedPager(userID string, opts *ListPageOptions, it *IterOptions) *pager[gen.List] {
	return opPager(&opListOwnedLists, opts, it, listPagePaging,
		func(ctx context.Context, o *ListPageOptions) (*gen.MultiListLookupResponse, *Response, error) {
			return s.Owned(ctx, userID, o)
		})
}

// OwnedPages pages through the Lists userID owns, up to 100 a page.
func (s *ListsService) OwnedPages(ctx context.Context, userID string, opts *ListPageOptions, it *IterOptions) iter.Seq2[*ListPage, error] {
	return s.ownedPager(userID, opts, it).pages(ctx)
}

// OwnedIter yields the Lists userID owns one by one.
func (s *ListsService) OwnedIter(ctx context.Context, userID string, opts *ListPageOptions, it *IterOptions) iter.Seq2[gen.List, error] {
	return s.ownedPager(userID, opts, it).items(ctx)
}

func (s *ListsService) membershipsPager(userID string, opts *ListPageOptions, it *IterOptions) *pager[gen.List] {
	return opPager(&opListListMemberships, opts, it, listPagePaging,
		func(ctx context.Context, o *ListPageOptions) (*gen.MultiListLookupResponse, *Response, error) {
			return s.Memberships(ctx, userID, o)
		})
}

// MembershipsPages pages through the Lists userID is a member of, up to 100 a page.
func (s *ListsService) MembershipsPages(ctx context.Context, userID string, opts *ListPageOptions, it *IterOptions) iter.Seq2[*ListPage, error] {
	return s.membershipsPager(userID, opts, it).pages(ctx)
}

// MembershipsIter yields the Lists userID is a member of, one by one.
func (s *ListsService) MembershipsIter(ctx context.Context, userID string, opts *ListPageOptions, it *IterOptions) iter.Seq2[gen.List, error] {
	return s.membershipsPager(userID, opts, it).items(ctx)
}
