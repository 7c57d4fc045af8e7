package testserver

import "sort"

// World reads the server's current data, so tests can compare what the API returned
// with what the server holds. Every method takes a consistent snapshot and returns
// copies; nothing returned aliases the server's state.
type World struct{ s *Server }

// World returns read-only access to the server's data.
func (s *Server) World() *World { return &World{s: s} }

func (w *World) read(f func(st *state)) {
	w.s.mu.RLock()
	defer w.s.mu.RUnlock()
	f(w.s.w)
}

// User returns the user with this id (seeded or generated follower).
func (w *World) User(id string) (u User, ok bool) {
	w.read(func(st *state) {
		if p := st.user(id); p != nil {
			u, ok = *p, true
		}
	})
	return
}

// UserByUsername returns the user with this handle (any case, without the @).
func (w *World) UserByUsername(username string) (u User, ok bool) {
	w.read(func(st *state) {
		if p := st.userByName(username); p != nil {
			u, ok = *p, true
		}
	})
	return
}

// Tweet returns the Tweet with this id.
func (w *World) Tweet(id string) (t Tweet, ok bool) {
	w.read(func(st *state) {
		if p := st.tweet(id); p != nil {
			t, ok = *p, true
		}
	})
	return
}

// FollowerIDs lists who follows userID, newest first: exactly what listFollowers pages
// through. For a user given 100,000 followers this allocates 100,000 strings.
func (w *World) FollowerIDs(userID string) (ids []string) {
	w.read(func(st *state) {
		n := st.followerCount(userID)
		ids = make([]string, 0, n)
		for i := 0; i < n; i++ {
			ids = append(ids, st.followerAt(userID, i))
		}
	})
	return
}

// FollowerCount is len(FollowerIDs(userID)) without building the list.
func (w *World) FollowerCount(userID string) (n int) {
	w.read(func(st *state) { n = st.followerCount(userID) })
	return
}

// FollowingIDs lists whom userID follows, newest first.
func (w *World) FollowingIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.followingOf(userID)...) })
	return
}

// PendingFollowIDs lists the protected accounts userID asked to follow.
func (w *World) PendingFollowIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.pending[userID]...) })
	return
}

// BlockingIDs lists whom userID blocks, newest first.
func (w *World) BlockingIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.blocks[userID]...) })
	return
}

// MutingIDs lists whom userID mutes, newest first.
func (w *World) MutingIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.mutes[userID]...) })
	return
}

// LikedTweetIDs lists the Tweets userID liked, newest like first.
func (w *World) LikedTweetIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.liked[userID]...) })
	return
}

// LikingUserIDs lists who liked a Tweet, newest first.
func (w *World) LikingUserIDs(tweetID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.likers[tweetID]...) })
	return
}

// RetweeterIDs lists who retweeted a Tweet, newest first.
func (w *World) RetweeterIDs(tweetID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.retweeters[tweetID]...) })
	return
}

// UserTweetIDs lists the Tweets userID posted, newest first.
func (w *World) UserTweetIDs(userID string) (ids []string) {
	w.read(func(st *state) {
		for _, t := range st.byAuthor[userID] {
			ids = append(ids, t.ID)
		}
	})
	return
}

// MentionIDs lists the Tweets that mention userID, newest first.
func (w *World) MentionIDs(userID string) (ids []string) {
	w.read(func(st *state) {
		for _, t := range st.mentions[userID] {
			ids = append(ids, t.ID)
		}
	})
	return
}

// SearchIDs runs a search query over the world as an app-only caller would, newest
// first, without paging: what searchRecentTweets returns page after page.
func (w *World) SearchIDs(query string) ([]string, error) {
	q, err := parseQuery(query)
	if err != nil {
		return nil, err
	}
	var ids []string
	w.read(func(st *state) {
		for _, t := range w.s.search(q, tweetFilter{}, "") {
			ids = append(ids, t.ID)
		}
	})
	return ids, nil
}

// IsHidden tells whether a reply is hidden by the author of its conversation.
func (w *World) IsHidden(tweetID string) (hidden bool) {
	w.read(func(st *state) { hidden = st.hidden[tweetID] })
	return
}

// Space returns the Space with this id.
func (w *World) Space(id string) (sp Space, ok bool) {
	w.read(func(st *state) {
		if p := st.b.spaces[id]; p != nil {
			sp, ok = *p, true
		}
	})
	return
}

// Rules returns the filtered-stream rules in force, oldest first.
func (w *World) Rules() (rules []Rule) {
	w.read(func(st *state) { rules = append([]Rule(nil), st.rules...) })
	return
}

// ComplianceJobs returns the compliance jobs, oldest first, with their status now.
func (w *World) ComplianceJobs() (jobs []ComplianceJob, status []string) {
	w.read(func(st *state) {
		for _, j := range st.jobs {
			jobs = append(jobs, *j)
			status = append(status, w.s.jobStatus(j))
		}
	})
	return
}

// UserIDs lists the seeded users (generated followers are not listed), sorted.
func (w *World) UserIDs() (ids []string) {
	w.read(func(st *state) {
		ids = append([]string(nil), st.b.userOrder...)
	})
	sort.Strings(ids)
	return
}
