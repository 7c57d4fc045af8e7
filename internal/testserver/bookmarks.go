package testserver

import (
	"net/http"
	"strings"
)

// AliceBookmarkCount is how many Tweets @alice has bookmarked in the seeded world: her
// media Tweet, Bob's poll, and the newest gopher Tweets, newest bookmark first.
const AliceBookmarkCount = 20

func seedBookmarks(st *state) {
	st.bookmarks = map[string][]string{}
	st.bookmarkers = map[string][]string{}
	ids := []string{MediaTweetID, PollTweetID}
	for _, t := range st.b.order {
		if len(ids) == AliceBookmarkCount {
			break
		}
		if strings.HasPrefix(st.b.users[t.AuthorID].Username, "gopher") && hasRef(t, "retweeted") == "" {
			ids = append(ids, t.ID)
		}
	}
	st.bookmarks[AliceID] = ids
	for _, id := range ids {
		st.bookmarkers[id] = []string{AliceID}
	}
}

// bookmarksFeature registers the operations this file serves and what it seeds into a new world.
func bookmarksFeature() feature {
	return feature{seed: seedBookmarks, ops: map[string]operation{
		"listBookmarks":  {(*Server).listBookmarks, reads},
		"addBookmark":    {(*Server).addBookmark, writes},
		"removeBookmark": {(*Server).removeBookmark, writes},
	}}
}

// listBookmarks serves the user's bookmarks, newest first; deleted Tweets and Tweets the
// user may no longer see drop out.
func (s *Server) listBookmarks(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	var list []*Tweet
	for _, id := range s.w.bookmarks[c.who.userID] {
		if t := s.w.tweet(id); t != nil && s.w.canSee(c.who.userID, t.AuthorID) {
			list = append(list, t)
		}
	}
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, false)
}

func (s *Server) addBookmark(c *call) (int, any) {
	return s.addMark(c, bookmarkMark())
}
func (s *Server) removeBookmark(c *call) (int, any) {
	return s.removeMark(c, bookmarkMark())
}
