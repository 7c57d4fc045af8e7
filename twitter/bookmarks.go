package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

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
