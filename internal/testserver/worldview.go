package testserver

import (
	"sort"
	"time"
)

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
		if p := st.spaces[id]; p != nil {
			sp, ok = copySpace(p), true
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

// UserIDs lists the seeded users and those AddUser added (generated followers are not
// listed), sorted.
func (w *World) UserIDs() (ids []string) {
	w.read(func(st *state) {
		ids = append(append([]string(nil), st.b.userOrder...), st.addedUserIDs()...)
	})
	sort.Strings(ids)
	return
}

// IsDeleted tells whether a Tweet was deleted through DELETE /2/tweets/{id} (or as a
// Retweet of a deleted Tweet).
func (w *World) IsDeleted(tweetID string) (deleted bool) {
	w.read(func(st *state) { deleted = st.deleted[tweetID] })
	return
}

// HomeTimelineIDs lists what GET /2/users/{id}/timelines/reverse_chronological pages
// through for userID with no filter: the Tweets of whom the user follows and the user's
// own, newest first, without muted or blocked accounts, at most 800.
func (w *World) HomeTimelineIDs(userID string) (ids []string) {
	w.read(func(st *state) {
		list := st.home(userID)
		for _, t := range list[:min(len(list), 800)] {
			ids = append(ids, t.ID)
		}
	})
	return
}

// Poll returns a poll, seeded or posted with a Tweet. Its VotingStatus is the one the
// API shows now: an open poll is closed once the server clock reaches its EndDatetime.
func (w *World) Poll(id string) (p Poll, ok bool) {
	w.read(func(st *state) {
		if x := st.poll(id); x != nil {
			p, ok = *x, true
			p.VotingStatus = x.statusAt(st.clock.Now())
			p.Options = append([]PollOption(nil), x.Options...)
		}
	})
	return
}

// Media returns media by key: seeded, or made by a finished upload.
func (w *World) Media(key string) (m Media, ok bool) {
	w.read(func(st *state) {
		if x := st.mediaOf(key); x != nil {
			m, ok = *x, true
		}
	})
	return
}

func copyList(l *List) List {
	out := *l
	out.MemberIDs = append([]string(nil), l.MemberIDs...)
	out.FollowerIDs = append([]string(nil), l.FollowerIDs...)
	return out
}

// List returns a List, private ones included, with its members and followers.
func (w *World) List(id string) (l List, ok bool) {
	w.read(func(st *state) {
		if x := st.lists.byID[id]; x != nil {
			l, ok = copyList(x), true
		}
	})
	return
}

// ListIDs lists every List, private ones included, newest first.
func (w *World) ListIDs() (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.lists.order...) })
	return
}

// OwnedListIDs lists the Lists userID owns, private ones included, newest first.
func (w *World) OwnedListIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = st.ownedLists(userID) })
	return
}

// ListMembershipIDs lists the Lists userID is a member of, private ones included, newest first.
func (w *World) ListMembershipIDs(userID string) (ids []string) {
	w.read(func(st *state) {
		for _, id := range st.lists.order {
			if contains(st.lists.byID[id].MemberIDs, userID) {
				ids = append(ids, id)
			}
		}
	})
	return
}

// FollowedListIDs lists the Lists userID follows, newest first.
func (w *World) FollowedListIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.lists.followed[userID]...) })
	return
}

// PinnedListIDs lists the Lists userID pinned, newest first.
func (w *World) PinnedListIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.lists.pinned[userID]...) })
	return
}

// BookmarkIDs lists the Tweets userID bookmarked, newest bookmark first.
func (w *World) BookmarkIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.bookmarks[userID]...) })
	return
}

// DMConversation returns a direct-message conversation with its current participants.
func (w *World) DMConversation(id string) (conv DMConversation, ok bool) {
	w.read(func(st *state) {
		if x := st.dms.convs[id]; x != nil {
			conv, ok = *x, true
			conv.ParticipantIDs = append([]string(nil), x.ParticipantIDs...)
		}
	})
	return
}

// DMEvents lists the events userID sees, newest first: every event of the conversations
// the user takes part in, or of one conversation when conversationID is not "". It is
// what GET /2/dm_events (or a conversation's dm_events) pages through.
func (w *World) DMEvents(userID, conversationID string) (events []DMEvent) {
	w.read(func(st *state) {
		for _, e := range st.dmEventsOf(userID, conversationID, nil) {
			events = append(events, *e)
		}
	})
	return
}

// Upload returns a media upload by its media id, with the segments received so far.
func (w *World) Upload(mediaID string) (u Upload, ok bool) {
	w.read(func(st *state) {
		if x := st.uploads[mediaID]; x != nil {
			u, ok = *x, true
			u.Segments = make(map[int]int, len(x.Segments))
			for k, v := range x.Segments {
				u.Segments[k] = v
			}
			u.AdditionalOwners = append([]string(nil), x.AdditionalOwners...)
			u.Data = append([]byte(nil), x.Data...)
		}
	})
	return
}

// UploadState returns the processing state of a finalized upload now: "" for uploads
// that need no processing (photos) or are not finalized, else pending, in_progress or
// succeeded.
func (w *World) UploadState(mediaID string) (processing string) {
	w.read(func(st *state) {
		if x := st.uploads[mediaID]; x != nil {
			processing, _, _ = x.processing(w.s.clock.Now())
		}
	})
	return
}

// TweetUsage is how many Tweets the server's responses carried on a UTC day: what
// GET /2/usage/tweets reports for that day.
func (w *World) TweetUsage(day time.Time) int { return w.s.usage.on(day) }
