package testserver

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// AddBookmarkFolder adds a bookmark folder of userID, as the newest of their folders, as
// creating one does, with the Tweets of TweetIDs (newest filed first) filed in it: each
// bookmarked by the user (AddBookmark), once. Name has 1 to 25 characters; the ID is the
// server's. It returns the folder as stored.
func (s *Server) AddBookmarkFolder(userID string, f BookmarkFolder) (BookmarkFolder, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	const op = "AddBookmarkFolder"
	if err := s.w.knownUser(op, userID); err != nil {
		return BookmarkFolder{}, err
	}
	// The name's bounds are what POST /2/users/{id}/bookmarks/folders takes.
	least, most := schemaMinLength("BookmarkFolderCreateRequest.name"), schemaMaxLength("BookmarkFolderCreateRequest.name")
	switch n := utf8.RuneCountInString(f.Name); {
	case f.ID != "":
		return BookmarkFolder{}, fmt.Errorf("testserver: %s: the ID is the server's to set", op)
	case n < least || n > most:
		return BookmarkFolder{}, fmt.Errorf("testserver: %s: the name %q has %d characters; a folder's has %d to %d", op, f.Name, n, least, most)
	}
	for i, id := range f.TweetIDs {
		if _, err := s.w.knownTweet(op, id); err != nil {
			return BookmarkFolder{}, err
		}
		if !contains(s.w.bookmarks[userID], id) {
			return BookmarkFolder{}, fmt.Errorf("testserver: %s: user %q has not bookmarked Tweet %q (AddBookmark first)", op, userID, id)
		}
		if contains(f.TweetIDs[:i], id) {
			return BookmarkFolder{}, fmt.Errorf("testserver: %s: Tweet %q is twice in TweetIDs", op, id)
		}
	}
	fs := s.w.bmFolders
	stored := &BookmarkFolder{ID: strconv.FormatUint(fs.seq, 10), Name: f.Name, TweetIDs: slices.Clone(f.TweetIDs)}
	fs.seq++
	fs.byUser[userID] = append(fs.byUser[userID], stored)
	return BookmarkFolder{ID: stored.ID, Name: stored.Name, TweetIDs: slices.Clone(stored.TweetIDs)}, nil
}
