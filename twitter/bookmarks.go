package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// List returns one page of the Tweets the authenticated user (userID) bookmarked, most
// recent bookmark first. It pages with pagination_token (PageOptions.PaginationToken);
// MaxResults is 1 to 100. Needs an OAuth 2.0 user context whose user is userID (scope
// bookmark.read); OAuth 1.0a is not accepted.
func (s *BookmarksService) List(ctx context.Context, userID string, opts *TweetListOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Bookmarks.List"
	if err := checkID(method, "user id", numericID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListBookmarksParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListBookmarks.size); err != nil {
		return nil, nil, err
	}
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListBookmarks.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListBookmarks(ctx, userID, &p)
	})
}

// Add bookmarks tweetID for the authenticated user (userID); Data.Bookmarked reports the
// result. Needs an OAuth 2.0 user context whose user is userID (scope bookmark.write).
func (s *BookmarksService) Add(ctx context.Context, userID, tweetID string) (*gen.BookmarkMutationResponse, *Response, error) {
	if err := checkUserTweet("Bookmarks.Add", userID, tweetID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opAddBookmark, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.AddBookmark(ctx, userID, gen.AddBookmarkJSONRequestBody{TweetID: tweetID})
	})
}

// Remove removes the authenticated user's (userID) bookmark of tweetID. Needs an OAuth 2.0
// user context whose user is userID (scope bookmark.write).
func (s *BookmarksService) Remove(ctx context.Context, userID, tweetID string) (*gen.BookmarkMutationResponse, *Response, error) {
	if err := checkUserTweet("Bookmarks.Remove", userID, tweetID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opRemoveBookmark, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.RemoveBookmark(ctx, userID, tweetID)
	})
}
