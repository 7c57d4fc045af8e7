package testserver

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Text limits of a new Tweet: 280, 25,000 for verified accounts, as on X. Both are
// weighted lengths (tweetLength: URLs count 23, emoji and CJK characters 2).
const (
	maxTweetChars         = 280
	maxVerifiedTweetChars = 25000
)

// Editing (edit_options.previous_post_id) posts a new version: a Tweet of its own, whose
// edit_history_tweet_ids, like every version's, lists them all, oldest first. As on X, only
// an X Premium (here: verified) author edits, their own latest version, up to maxEdits
// times within editWindow of the first version.
const (
	maxEdits   = 5
	editWindow = time.Hour
)

// editEligible tells whether a Tweet may ever be edited: not one with a poll, nor a
// reply, quote or Retweet.
func editEligible(t *Tweet) bool { return len(t.ReferencedTweets) == 0 && t.PollID == "" }

// editHistory lists the versions of t, oldest first: t alone when it was never edited.
func (st *state) editHistory(t *Tweet) []string {
	if h := st.edits[t.ID]; h != nil {
		return h
	}
	return []string{t.ID}
}

// editable checks that me may edit prevID now, and returns its versions.
func (st *state) editable(me, prevID string, now time.Time) ([]string, int, *apiProblem) {
	prev := st.tweet(prevID)
	if prev == nil {
		return nil, http.StatusBadRequest, badParam("edit_options.previous_post_id", prevID, "The Tweet to edit [%s] does not exist.", prevID)
	}
	h := st.editHistory(prev)
	first := st.tweet(h[0])
	switch u := st.user(me); {
	case prev.AuthorID != me:
		return nil, http.StatusForbidden, forbidden("You can only edit your own Tweets.")
	case u == nil || !u.Verified:
		return nil, http.StatusForbidden, forbidden("Editing Tweets needs an X Premium subscription.")
	case first == nil || !editEligible(first):
		return nil, http.StatusForbidden, forbidden("This Tweet cannot be edited.")
	case h[len(h)-1] != prevID:
		return nil, http.StatusBadRequest, badParam("edit_options.previous_post_id", prevID, "Tweet [%s] has a newer version; edit that one.", prevID)
	case len(h)-1 >= maxEdits || now.Sub(first.CreatedAt) > editWindow:
		return nil, http.StatusForbidden, forbidden("This Tweet can no longer be edited.")
	}
	return h, 0, nil
}

type createTweetBody struct {
	Text          *string `json:"text"`
	QuoteTweetID  string  `json:"quote_tweet_id"`
	ReplySettings string  `json:"reply_settings"`
	CardURI       string  `json:"card_uri"`
	Paid          bool    `json:"paid_partnership"`
	EditOptions   *struct {
		PreviousPostID string `json:"previous_post_id"`
	} `json:"edit_options"`
	Reply *struct {
		InReplyToTweetID    string   `json:"in_reply_to_tweet_id"`
		ExcludeReplyUserIDs []string `json:"exclude_reply_user_ids"`
	} `json:"reply"`
	Poll *struct {
		Options         []string `json:"options"`
		DurationMinutes int      `json:"duration_minutes"`
		ReplySettings   string   `json:"reply_settings"`
	} `json:"poll"`
	Media *struct {
		MediaIDs      []string `json:"media_ids"`
		TaggedUserIDs []string `json:"tagged_user_ids"`
	} `json:"media"`
	Geo *struct {
		PlaceID string `json:"place_id"`
	} `json:"geo"`
}

// mayReply tells whether me may answer parent under its reply settings.
func (st *state) mayReply(me string, parent *Tweet) bool {
	author := parent.AuthorID
	if me == author || parent.ReplySettings == "" || parent.ReplySettings == "everyone" {
		return true
	}
	switch parent.ReplySettings {
	case "following":
		return st.isFollowing(author, me) || st.mentionedIn(me, parent)
	case "mentionedUsers":
		return st.mentionedIn(me, parent)
	case "verified":
		u := st.user(me)
		return u != nil && u.Verified || st.mentionedIn(me, parent)
	}
	return st.subscribesTo(me, author) || st.mentionedIn(me, parent) // subscribers
}

func (st *state) mentionedIn(userID string, t *Tweet) bool {
	u := st.user(userID)
	return u != nil && containsFold(t.parsed().mentions, u.Username)
}

// postingFeature registers the operations this file serves.
func postingFeature() feature {
	return feature{ops: map[string]operation{
		"createTweet": {(*Server).createTweet, writes},
		"deleteTweet": {(*Server).deleteTweet, writes},
	}}
}

// createTweet posts a Tweet as the authenticated user: text, a reply, a quote, a poll or
// finished uploads, with reply settings. New Tweets reach the streams like EmitTweet's.
func (s *Server) createTweet(c *call) (int, any) {
	var b createTweetBody
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	text := ""
	if b.Text != nil {
		text = *b.Text
	}
	hasMedia := b.Media != nil && len(b.Media.MediaIDs) > 0
	switch {
	case text == "" && !hasMedia:
		return http.StatusBadRequest, badParam("text", "", "The `text` field is required in the request body unless media is attached")
	case b.Poll != nil && (hasMedia || b.QuoteTweetID != "" || b.CardURI != ""):
		return http.StatusBadRequest, badParam("poll", "", "A poll cannot be combined with media, a quote_tweet_id or a card_uri")
	case hasMedia && b.CardURI != "":
		return http.StatusBadRequest, badParam("media", "", "Media cannot be combined with a card_uri")
	}

	t, status, fail := s.newTweet(c, &b, text)
	if t == nil {
		return status, fail
	}
	events := []streamEvent{s.streamEventOf(t)}
	s.tweetActivity(t)
	s.push(events)
	return http.StatusCreated, envelope{Data: map[string]string{"id": t.ID, "text": t.Text}}
}

// newTweet checks a createTweet body against the world and stores the Tweet; s.mu is held.
func (s *Server) newTweet(c *call, b *createTweetBody, text string) (*Tweet, int, any) {
	st, me := s.w, c.who.userID
	limit := maxTweetChars
	if u := st.user(me); u != nil && u.Verified {
		limit = maxVerifiedTweetChars
	}
	if tweetLength(text) > limit {
		return nil, http.StatusForbidden, forbidden("Your Tweet text is too long.")
	}
	if text != "" {
		for _, old := range st.byAuthor[me] {
			if old.Text == text && hasRef(old, "retweeted") == "" {
				return nil, http.StatusForbidden, forbidden("You are not allowed to create a Tweet with duplicate content.")
			}
		}
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	t := &Tweet{AuthorID: me, Text: text, CreatedAt: now, Lang: "en", Source: "twitterkit testserver", ReplySettings: "everyone",
		CardURI: b.CardURI, PaidPartnership: b.Paid}
	var history []string
	if b.EditOptions != nil {
		h, status, pr := st.editable(me, b.EditOptions.PreviousPostID, now)
		if pr != nil {
			return nil, status, pr
		}
		// The new version keeps the conversation and reply settings of the first.
		first := st.tweet(h[0])
		t.ConversationID, t.ReplySettings = first.ConversationID, first.ReplySettings
		history = h
	}
	if b.Reply != nil {
		id := b.Reply.InReplyToTweetID
		parent := st.tweet(id)
		if parent == nil || !st.canSee(me, parent.AuthorID) {
			return nil, http.StatusBadRequest, badParam("reply.in_reply_to_tweet_id", id,
				"The Tweet you are replying to [%s] has been deleted or is not visible to you.", id)
		}
		if contains(st.blocks[parent.AuthorID], me) || !st.mayReply(me, parent) {
			return nil, http.StatusForbidden, forbidden("Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.")
		}
		t.ConversationID = parent.ConversationID
		t.InReplyToUserID = parent.AuthorID
		t.ReferencedTweets = append(t.ReferencedTweets, ReferencedTweet{Type: "replied_to", ID: parent.ID})
	}
	if id := b.QuoteTweetID; id != "" {
		q := st.tweet(id)
		if q == nil || !st.canSee(me, q.AuthorID) {
			return nil, http.StatusBadRequest, badParam("quote_tweet_id", id, "The quoted Tweet [%s] has been deleted or is not visible to you.", id)
		}
		t.ReferencedTweets = append(t.ReferencedTweets, ReferencedTweet{Type: "quoted", ID: q.ID})
	}
	if b.Geo != nil && b.Geo.PlaceID != "" {
		if st.b.places[b.Geo.PlaceID] == nil {
			return nil, http.StatusBadRequest, badParam("geo.place_id", b.Geo.PlaceID, "The place [%s] does not exist.", b.Geo.PlaceID)
		}
		t.PlaceID = b.Geo.PlaceID
	}
	if b.Media != nil {
		for _, id := range b.Media.MediaIDs {
			u, why := s.usableUpload(id, me, false)
			if u == nil {
				return nil, http.StatusBadRequest, badParam("media.media_ids", id, "Your media IDs are invalid: %s", why)
			}
			t.MediaKeys = append(t.MediaKeys, u.MediaKey)
		}
		if len(t.MediaKeys) > 1 {
			for _, k := range t.MediaKeys {
				if m := st.mediaOf(k); m == nil || m.Type != "photo" {
					return nil, http.StatusBadRequest, badParam("media.media_ids", "", "Attach up to four photos, or one video or GIF")
				}
			}
		}
	}
	switch {
	case b.ReplySettings != "":
		t.ReplySettings = b.ReplySettings
	case b.Poll != nil && b.Poll.ReplySettings != "":
		t.ReplySettings = b.Poll.ReplySettings
	}
	t.num = st.newTweetID()
	t.ID = strconv.FormatUint(t.num, 10)
	if t.ConversationID == "" {
		t.ConversationID = t.ID
	}
	if b.Poll != nil {
		p := &Poll{ID: st.newPollID(), DurationMinutes: b.Poll.DurationMinutes,
			EndDatetime: now.Add(time.Duration(b.Poll.DurationMinutes) * time.Minute), VotingStatus: "open"}
		for i, o := range b.Poll.Options {
			p.Options = append(p.Options, PollOption{Position: i + 1, Label: o})
		}
		st.polls[p.ID] = p
		t.PollID = p.ID
	}
	st.addTweet(t)
	if history != nil {
		h := append(slices.Clone(history), t.ID)
		for _, id := range h {
			st.edits[id] = h
		}
	}
	return t, 0, nil
}

// deleteTweet deletes a Tweet of the authenticated user.
func (s *Server) deleteTweet(c *call) (int, any) {
	id := c.path["id"]
	t := s.w.tweet(id)
	if t == nil {
		pr := notFound("tweet", "id", id)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	if t.AuthorID != c.who.userID {
		return http.StatusForbidden, forbidden("You are not allowed to delete a Tweet you did not post.")
	}
	s.w.deleteTweet(t)
	s.tweetDeleted(t)
	s.tweetDeletedActivity(t)
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}

// deleteTweet removes a Tweet from every lookup, search, timeline, like, bookmark and
// count, together with the Retweets of it, as X does.
func (st *state) deleteTweet(t *Tweet) {
	for key, rtID := range st.retweetOf {
		if rt := st.tweet(rtID); rt != nil && hasRef(rt, "retweeted") == t.ID {
			delete(st.retweetOf, key)
			st.deleteTweet(rt)
		}
	}
	st.removeTweet(t)
	st.deleted[t.ID] = true
	for _, r := range t.ReferencedTweets {
		switch r.Type {
		case "replied_to":
			st.replies[r.ID]--
		case "quoted":
			st.quotes[r.ID]--
		case "retweeted":
			delete(st.retweetOf, t.AuthorID+"/"+r.ID)
			st.retweeters[r.ID] = without(st.retweeters[r.ID], t.AuthorID)
		}
	}
	for _, u := range st.likers[t.ID] {
		if l, ok := st.liked[u]; ok {
			st.liked[u] = without(l, t.ID)
		}
	}
	for _, u := range st.bookmarkers[t.ID] {
		st.bookmarks[u] = without(st.bookmarks[u], t.ID)
	}
	delete(st.likers, t.ID)
	delete(st.bookmarkers, t.ID)
	delete(st.retweeters, t.ID)
	delete(st.hidden, t.ID)
}
