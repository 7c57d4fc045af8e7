package twitter

import (
	"context"
	"net/http"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// BookmarkFolderPage is a page of the authenticated user's bookmark folders.
type BookmarkFolderPage = Page[gen.BookmarkFolder]

// Folders returns one page of the folders the authenticated user (userID) files bookmarks
// into, in the order they were made. It pages with pagination_token
// (PageOptions.PaginationToken); MaxResults is 1 to 100. Needs a user context whose user
// is userID (scope bookmark.read).
func (s *BookmarksService) Folders(ctx context.Context, userID string, opts *PageOptions) (*gen.BookmarkFoldersResponse, *Response, error) {
	const method = "Bookmarks.Folders"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	var p gen.ListBookmarkFoldersParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, *orZero(opts), opListBookmarkFolders.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListBookmarkFolders.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListBookmarkFolders(ctx, userID, &p)
	})
}

// CreateFolder makes an empty bookmark folder called name (1 to 25 characters) for the
// authenticated user (userID) and returns it with its id. Needs an OAuth 2.0 user context
// whose user is userID (scope bookmark.write); OAuth 1.0a is not accepted.
func (s *BookmarksService) CreateFolder(ctx context.Context, userID, name string) (*gen.BookmarkFolderCreateResponse, *Response, error) {
	const method = "Bookmarks.CreateFolder"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	if n := utf8.RuneCountInString(name); n < minLengthBookmarkFolderCreateRequestName || n > maxLengthBookmarkFolderCreateRequestName {
		return nil, nil, invalid(method, "folder name of %d characters; want %d to %d", n, minLengthBookmarkFolderCreateRequestName, maxLengthBookmarkFolderCreateRequestName)
	}
	return do(ctx, s.client, &opCreateBookmarkFolder, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateBookmarkFolder(ctx, userID, gen.CreateBookmarkFolderJSONRequestBody{Name: name})
	})
}

// FolderTweets returns the ids of the Tweets the authenticated user (userID) filed in the
// bookmark folder folderID, most recently filed first; look them up with
// TweetsService.Lookup for their content. A folder that is not the user's is a
// resource-not-found error. Needs a user context whose user is userID (scope
// bookmark.read).
func (s *BookmarksService) FolderTweets(ctx context.Context, userID, folderID string) (*gen.BookmarkFolderTweetsResponse, *Response, error) {
	const method = "Bookmarks.FolderTweets"
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	if err := checkID(method, "folder id", patternBookmarkFolderID, folderID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListBookmarkFolderTweets, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListBookmarkFolderTweets(ctx, userID, folderID)
	})
}
