package testserver

import (
	"net/http"
	"strconv"
)

// Bookmark folders: named folders a user files bookmarks into.
//
// Seeded: Alice has two folders, AliceGoFolderID ("Go", her three newest gopher
// bookmarks) and AliceReadingFolderID ("Reading", her bookmark of MediaTweetID). A
// folder lists only the Tweets still bookmarked: removing a bookmark takes it out of its
// folder too. New folders get ids counting up from after the seeded ones.
const (
	AliceGoFolderID      = "1580000000000000001"
	AliceReadingFolderID = "1580000000000000002"
)

// BookmarkFolder is one folder of a user's bookmarks.
type BookmarkFolder struct {
	ID       string
	Name     string
	TweetIDs []string // newest filed first
}

// bookmarkFolders is the folders of every user; s.mu guards it.
type bookmarkFolders struct {
	byUser map[string][]*BookmarkFolder // in the order they were made
	seq    uint64
}

func seedBookmarkFolders(st *state) {
	marks := st.bookmarks[AliceID]
	st.bmFolders = &bookmarkFolders{seq: 1580000000000000003, byUser: map[string][]*BookmarkFolder{
		AliceID: {
			{ID: AliceGoFolderID, Name: "Go", TweetIDs: append([]string(nil), marks[2:5]...)},
			{ID: AliceReadingFolderID, Name: "Reading", TweetIDs: []string{MediaTweetID}},
		},
	}}
}

type wBookmarkFolder struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type nextMeta struct {
	NextToken string `json:"next_token,omitempty"`
}

// bookmarkFoldersFeature registers the operations this file serves and what it seeds into a new world.
func bookmarkFoldersFeature() feature {
	return feature{seed: seedBookmarkFolders, ops: map[string]operation{
		"listBookmarkFolders":      {(*Server).listBookmarkFolders, reads},
		"createBookmarkFolder":     {(*Server).createBookmarkFolder, writes},
		"listBookmarkFolderTweets": {(*Server).listBookmarkFolderTweets, reads},
	}}
}

// listBookmarkFolders serves the caller's folders, oldest first.
func (s *Server) listBookmarkFolders(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	all := s.w.bmFolders.byUser[c.who.userID]
	from, to, next, _ := p.window(len(all))
	out := make([]wBookmarkFolder, 0, to-from)
	for _, f := range all[from:to] {
		out = append(out, wBookmarkFolder{ID: f.ID, Name: f.Name})
	}
	env := envelope{Meta: nextMeta{NextToken: next}}
	if len(out) > 0 {
		env.Data = out
	}
	return http.StatusOK, env
}

// createBookmarkFolder makes an empty folder; the document bounds the name's length.
func (s *Server) createBookmarkFolder(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	var b struct {
		Name string `json:"name"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	fs := s.w.bmFolders
	f := &BookmarkFolder{ID: strconv.FormatUint(fs.seq, 10), Name: b.Name}
	fs.seq++
	fs.byUser[c.who.userID] = append(fs.byUser[c.who.userID], f)
	return http.StatusCreated, envelope{Data: wBookmarkFolder{ID: f.ID, Name: f.Name}}
}

// listBookmarkFolderTweets serves the ids of a folder's Tweets that are still bookmarked
// and visible, newest filed first; another user's or an unknown folder is not found.
func (s *Server) listBookmarkFolderTweets(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	me, id := c.who.userID, c.path["folder_id"]
	f := s.w.folder(me, id)
	if f == nil {
		return notFoundAnswer("bookmark folder", "folder_id", id)
	}
	type idOnly struct {
		ID string `json:"id"`
	}
	out := []idOnly{}
	for _, tid := range f.TweetIDs {
		if t := s.w.tweet(tid); t != nil && contains(s.w.bookmarks[me], tid) && s.w.canSee(me, t.AuthorID) {
			out = append(out, idOnly{ID: tid})
		}
	}
	return http.StatusOK, envelope{Data: out}
}

// folder returns userID's folder id, or nil.
func (st *state) folder(userID, id string) *BookmarkFolder {
	for _, f := range st.bmFolders.byUser[userID] {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// BookmarkFolders lists userID's folders in the order they were made, with the Tweets
// filed in each (including any no longer bookmarked, which the API leaves out).
func (w *World) BookmarkFolders(userID string) (folders []BookmarkFolder) {
	w.read(func(st *state) {
		for _, f := range st.bmFolders.byUser[userID] {
			folders = append(folders, BookmarkFolder{ID: f.ID, Name: f.Name, TweetIDs: append([]string(nil), f.TweetIDs...)})
		}
	})
	return
}
