package testserver

import "net/http"

// repostsOf lists the Retweets other accounts made of userID's Tweets that userID may
// see, newest first; s.mu is held.
func (st *state) repostsOf(userID string) []*Tweet {
	var out []*Tweet
	for _, t := range st.order {
		src := st.tweet(hasRef(t, "retweeted"))
		if src == nil || src.AuthorID != userID || t.AuthorID == userID || !st.canSee(userID, t.AuthorID) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// RepostIDs lists the ids of the Retweets of userID's Tweets by others, newest first:
// what GET /2/users/reposts_of_me pages through for userID.
func (w *World) RepostIDs(userID string) (ids []string) {
	w.read(func(st *state) {
		for _, t := range st.repostsOf(userID) {
			ids = append(ids, t.ID)
		}
	})
	return
}

// repostsOfMeFeature registers the operations this file serves.
func repostsOfMeFeature() feature {
	return feature{ops: map[string]operation{
		"listRepostsOfMe": {(*Server).listRepostsOfMe, reads},
	}}
}

// listRepostsOfMe pages through the Retweets of the caller's Tweets, 100 a page unless
// max_results says otherwise.
func (s *Server) listRepostsOfMe(c *call) (int, any) {
	p, pr := pageParams(c, filterKey(c)+"|"+c.who.userID, 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, s.w.repostsOf(c.who.userID), p, false)
}
