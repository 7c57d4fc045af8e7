package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

// Iterators over the paginated user lists of the Users service: followers, following and
// blocked accounts. See IterOptions for limits and resuming, and PageError for failures.

// userListPaging gives opPager the page size and token of a UserListOptions.
func userListPaging(o *UserListOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func (s *UsersService) followersPager(userID string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListFollowers, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.UsersFollowingLookupResponse, *Response, error) {
			return s.Followers(ctx, userID, o)
		})
}

// FollowersPages pages through the accounts that follow userID, up to 1000 a page (the
// largest, unless opts.MaxResults sets the size). opts.PaginationToken, when set, is where
// to start (or use it.StartToken).
func (s *UsersService) FollowersPages(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.followersPager(userID, opts, it).pages(ctx)
}

// FollowersIter yields the accounts that follow userID, one by one, fetching up to 1000 a
// page as the loop asks for more. See FollowersPages.
func (s *UsersService) FollowersIter(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.followersPager(userID, opts, it).items(ctx)
}

func (s *UsersService) followingPager(userID string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListFollowing, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.UsersFollowingLookupResponse, *Response, error) {
			return s.Following(ctx, userID, o)
		})
}

// FollowingPages pages through the accounts userID follows, up to 1000 a page.
func (s *UsersService) FollowingPages(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.followingPager(userID, opts, it).pages(ctx)
}

// FollowingIter yields the accounts userID follows, one by one.
func (s *UsersService) FollowingIter(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.followingPager(userID, opts, it).items(ctx)
}

func (s *UsersService) blockingPager(userID string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListBlocking, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.Blocking(ctx, userID, o)
		})
}

// BlockingPages pages through the accounts userID (the authenticated user) blocks, up to
// 1000 a page. It needs a user context.
func (s *UsersService) BlockingPages(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.blockingPager(userID, opts, it).pages(ctx)
}

// BlockingIter yields the accounts userID (the authenticated user) blocks, one by one.
func (s *UsersService) BlockingIter(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.blockingPager(userID, opts, it).items(ctx)
}

func (s *UsersService) mutingPager(userID string, opts *UserListOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opListMuting, opts, it, userListPaging,
		func(ctx context.Context, o *UserListOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.Muting(ctx, userID, o)
		})
}

// MutingPages pages through the accounts userID (the authenticated user) mutes, up to
// 1000 a page. It needs a user context.
func (s *UsersService) MutingPages(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.mutingPager(userID, opts, it).pages(ctx)
}

// MutingIter yields the accounts userID (the authenticated user) mutes, one by one.
func (s *UsersService) MutingIter(ctx context.Context, userID string, opts *UserListOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.mutingPager(userID, opts, it).items(ctx)
}

func userSearchPaging(o *UserSearchOptions) (*int, *string) { return &o.MaxResults, &o.NextToken }

func (s *UsersService) searchPager(query string, opts *UserSearchOptions, it *IterOptions) *pager[gen.User] {
	return opPager(&opSearchUsers, opts, it, userSearchPaging,
		func(ctx context.Context, o *UserSearchOptions) (*gen.GenericMultipleUsersLookupResponse, *Response, error) {
			return s.Search(ctx, query, o)
		})
}

// SearchPages pages through the accounts that match query, up to 1000 a page, following
// next_token. It needs a user context.
func (s *UsersService) SearchPages(ctx context.Context, query string, opts *UserSearchOptions, it *IterOptions) iter.Seq2[*UserPage, error] {
	return s.searchPager(query, opts, it).pages(ctx)
}

// SearchIter yields the accounts that match query, one by one.
func (s *UsersService) SearchIter(ctx context.Context, query string, opts *UserSearchOptions, it *IterOptions) iter.Seq2[gen.User, error] {
	return s.searchPager(query, opts, it).items(ctx)
}
