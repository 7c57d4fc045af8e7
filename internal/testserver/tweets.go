package testserver

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// tweetFilter is since_id / until_id / start_time / end_time of a timeline or search.
type tweetFilter struct {
	since, until uint64
	start, end   time.Time
}

func parseTweetFilter(c *call) (tweetFilter, *apiProblem) {
	var f tweetFilter
	if v := c.q.Get("since_id"); v != "" {
		f.since, _ = strconv.ParseUint(v, 10, 64)
	}
	if v := c.q.Get("until_id"); v != "" {
		f.until, _ = strconv.ParseUint(v, 10, 64)
	}
	if v := c.q.Get("start_time"); v != "" {
		f.start, _ = time.Parse(time.RFC3339, v)
	}
	if v := c.q.Get("end_time"); v != "" {
		f.end, _ = time.Parse(time.RFC3339, v)
	}
	if !f.start.IsZero() && !f.end.IsZero() && !f.start.Before(f.end) {
		return f, badParam("start_time", c.q.Get("start_time"),
			"Invalid 'start_time':'%s'. 'start_time' must be before 'end_time':'%s'", c.q.Get("start_time"), c.q.Get("end_time"))
	}
	if f.since != 0 && f.until != 0 && f.since >= f.until {
		return f, badParam("since_id", c.q.Get("since_id"), "'since_id' must be less than 'until_id'")
	}
	return f, nil
}

func (f tweetFilter) ok(t *Tweet) bool {
	if f.since != 0 && t.num <= f.since {
		return false
	}
	if f.until != 0 && t.num >= f.until {
		return false
	}
	if !f.start.IsZero() && t.CreatedAt.Before(f.start) {
		return false
	}
	if !f.end.IsZero() && !t.CreatedAt.Before(f.end) {
		return false
	}
	return true
}

func filterKey(c *call, names ...string) string {
	var b strings.Builder
	b.WriteString(c.rt.opID)
	for _, v := range c.path {
		b.WriteString("|" + v)
	}
	for _, n := range names {
		b.WriteString("|" + c.q.Get(n))
	}
	return b.String()
}

// tweetPage renders a page of Tweets with includes, partial errors and timeline meta.
func (s *Server) tweetPage(c *call, list []*Tweet, p pageReq, idMeta bool) (int, any) {
	from, to, next, prev := p.window(len(list))
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	env := envelope{}
	var data []wTweet
	for _, t := range list[from:to] {
		data = append(data, r.tweet(t))
	}
	if len(data) > 0 {
		env.Data = data
	}
	env.Includes = r.includes()
	env.Errors = r.errs
	if idMeta {
		m := timelineMeta{ResultCount: len(data), NextToken: next, PreviousToken: prev}
		if len(data) > 0 {
			m.NewestID, m.OldestID = data[0].ID, data[len(data)-1].ID
		}
		env.Meta = m
	} else {
		env.Meta = listMeta{ResultCount: len(data), NextToken: next, PreviousToken: prev}
	}
	return http.StatusOK, env
}

// tweetsFeature registers the operations this file serves.
func tweetsFeature() feature {
	return feature{ops: map[string]operation{
		"lookupTweet":     {(*Server).lookupTweet, reads},
		"lookupTweets":    {(*Server).lookupTweets, reads},
		"listUserTweets":  {(*Server).listUserTweets, reads},
		"listMentions":    {(*Server).listMentions, reads},
		"listLikedTweets": {(*Server).listLikedTweets, reads},
		"listLikingUsers": {(*Server).listLikingUsers, reads},
		"listRetweeters":  {(*Server).listRetweeters, reads},
		"likeTweet":       {(*Server).likeTweet, writes},
		"unlikeTweet":     {(*Server).unlikeTweet, writes},
		"retweet":         {(*Server).retweet, writes},
		"unretweet":       {(*Server).unretweet, writes},
		"hideReply":       {(*Server).hideReply, writes},
		"listQuoteTweets": {(*Server).listQuoteTweets, reads},
		"listRetweets":    {(*Server).listRetweets, reads},
		"homeTimeline":    {(*Server).homeTimeline, reads},
	}}
}

func (s *Server) lookupTweet(c *call) (int, any) {
	id := c.path["id"]
	t := s.w.tweet(id)
	if t == nil {
		return notFoundAnswer("tweet", "id", id)
	}
	if !s.w.canSee(c.who.viewer(), t.AuthorID) {
		return http.StatusOK, envelope{Errors: []apiProblem{notAuthorized("tweet", "id", id)}}
	}
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	data := r.tweet(t)
	return http.StatusOK, envelope{Data: data, Includes: r.includes(), Errors: r.errs}
}

func (s *Server) lookupTweets(c *call) (int, any) {
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	var data []wTweet
	var errs []apiProblem
	for _, id := range strings.Split(c.q.Get("ids"), ",") {
		t := s.w.tweet(id)
		switch {
		case t == nil:
			errs = append(errs, notFound("tweet", "ids", id))
		case !s.w.canSee(c.who.viewer(), t.AuthorID):
			errs = append(errs, notAuthorized("tweet", "ids", id))
		default:
			data = append(data, r.tweet(t))
		}
	}
	env := envelope{Includes: r.includes(), Errors: append(errs, r.errs...)}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

// timelineOwner checks the user of path parameter id whose Tweets or follows are listed:
// nil and the partial error X answers with 200 when it does not exist or is protected
// from the caller.
func (s *Server) timelineOwner(c *call) (*User, any) {
	id := c.path["id"]
	u := s.w.user(id)
	if u == nil {
		return nil, envelope{Errors: []apiProblem{notFound("user", "id", id)}}
	}
	if !s.w.canSee(c.who.viewer(), id) {
		return nil, envelope{Errors: []apiProblem{notAuthorized("user", "id", id)}}
	}
	return u, nil
}

func (s *Server) listUserTweets(c *call) (int, any) {
	u, fail := s.timelineOwner(c)
	if u == nil {
		return http.StatusOK, fail
	}
	f, pr := parseTweetFilter(c)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	exclude := listParam(c.q, "exclude")
	var list []*Tweet
	for _, t := range s.w.byAuthor[u.ID] {
		if len(list) >= 3200 {
			break // X serves the 3,200 most recent
		}
		if !f.ok(t) || exclude["replies"] && hasRef(t, "replied_to") != "" || exclude["retweets"] && hasRef(t, "retweeted") != "" {
			continue
		}
		list = append(list, t)
	}
	p, pr := pageParams(c, filterKey(c, "exclude", "since_id", "until_id", "start_time", "end_time"), 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, true)
}

func (s *Server) listMentions(c *call) (int, any) {
	u, fail := s.timelineOwner(c)
	if u == nil {
		return http.StatusOK, fail
	}
	f, pr := parseTweetFilter(c)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	var list []*Tweet
	for _, t := range s.w.mentions[u.ID] {
		if len(list) >= 800 {
			break
		}
		if f.ok(t) && s.w.canSee(c.who.viewer(), t.AuthorID) {
			list = append(list, t)
		}
	}
	p, pr := pageParams(c, filterKey(c, "since_id", "until_id", "start_time", "end_time"), 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, true)
}

func (s *Server) listLikedTweets(c *call) (int, any) {
	u, fail := s.timelineOwner(c)
	if u == nil {
		return http.StatusOK, fail
	}
	var list []*Tweet
	for _, id := range s.w.liked[u.ID] {
		if t := s.w.tweet(id); t != nil && s.w.canSee(c.who.viewer(), t.AuthorID) {
			list = append(list, t)
		}
	}
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, false)
}

// tweetUsers serves the users related to a Tweet (likers, retweeters).
func (s *Server) tweetUsers(c *call, rel map[string][]string) (int, any) {
	id := c.path["id"]
	if s.w.tweet(id) == nil {
		return notFoundAnswer("tweet", "id", id)
	}
	return s.idsPage(c, rel[id])
}

func (s *Server) listLikingUsers(c *call) (int, any) { return s.tweetUsers(c, s.w.likers) }
func (s *Server) listRetweeters(c *call) (int, any)  { return s.tweetUsers(c, s.w.retweeters) }

func decodeBody(c *call, v any) *apiProblem {
	if err := json.Unmarshal(c.body, v); err != nil {
		return invalidRequest(paramIssue{name: "body", message: "The request body is not valid JSON: " + err.Error()})
	}
	return nil
}

// mark is a relation between users and Tweets that the authenticated user adds to and
// removes from one Tweet at a time (likes, bookmarks). maps picks its two sides, each
// newest first; key names the answer ({"liked": true}); added and removed, when set, tell
// the rest of the world (streams, activity) of a mark made or taken back.
type mark struct {
	key     string
	maps    func(*state) (byUser, byTweet map[string][]string)
	added   func(s *Server, userID string, t *Tweet)
	removed func(s *Server, userID, tweetID string)
}

// likeMark is the likes: the likes streams and X Activity hear of each new one, the likes
// compliance stream of each taken back.
func likeMark() mark {
	return mark{key: "liked",
		maps: func(w *state) (byUser, byTweet map[string][]string) { return w.liked, w.likers },
		added: func(s *Server, userID string, t *Tweet) {
			s.liked(userID, t)
			s.likeActivity(userID, t)
		},
		removed: (*Server).unliked,
	}
}

// bookmarkMark is the bookmarks, which only their owner sees.
func bookmarkMark() mark {
	return mark{key: "bookmarked",
		maps: func(w *state) (byUser, byTweet map[string][]string) { return w.bookmarks, w.bookmarkers }}
}

// markedTweet reads the body {"tweet_id"} of POST /2/users/{id}/<relation> for the acting
// user: the Tweet, which they must be able to see, or else nil and the answer to send (a
// problem, or {key: false} with X's partial not-found error).
func (s *Server) markedTweet(c *call, key string) (*Tweet, int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return nil, pr.Status, pr
	}
	var body struct {
		TweetID string `json:"tweet_id"`
	}
	if pr := decodeBody(c, &body); pr != nil {
		return nil, pr.Status, pr
	}
	t := s.w.tweet(body.TweetID)
	if t == nil || !s.w.canSee(c.who.userID, t.AuthorID) {
		return nil, http.StatusOK, envelope{Data: map[string]bool{key: false}, Errors: []apiProblem{notFound("tweet", "tweet_id", body.TweetID)}}
	}
	return t, 0, nil
}

// addMark serves POST /2/users/{id}/<relation> with body {"tweet_id"}: the user marks a
// Tweet they can see; marking it again changes nothing.
func (s *Server) addMark(c *call, m mark) (int, any) {
	t, status, answer := s.markedTweet(c, m.key)
	if t == nil {
		return status, answer
	}
	me := c.who.userID
	if m.put(s.w, me, t.ID) && m.added != nil {
		m.added(s, me, t)
	}
	return http.StatusOK, envelope{Data: map[string]bool{m.key: true}}
}

// put marks tweetID for userID, newest first on both sides, and tells whether the mark is
// new.
func (m mark) put(st *state, userID, tweetID string) bool {
	byUser, byTweet := m.maps(st)
	if contains(byUser[userID], tweetID) {
		return false
	}
	byUser[userID] = prepend(byUser[userID], tweetID)
	byTweet[tweetID] = prepend(byTweet[tweetID], userID)
	return true
}

// removeMark serves DELETE /2/users/{id}/<relation>/{tweet_id}.
func (s *Server) removeMark(c *call, m mark) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	me, id := c.who.userID, c.path["tweet_id"]
	byUser, byTweet := m.maps(s.w)
	if m.removed != nil && contains(byUser[me], id) {
		m.removed(s, me, id)
	}
	byUser[me] = without(byUser[me], id)
	byTweet[id] = without(byTweet[id], me)
	return http.StatusOK, envelope{Data: map[string]bool{m.key: false}}
}

func (s *Server) likeTweet(c *call) (int, any)   { return s.addMark(c, likeMark()) }
func (s *Server) unlikeTweet(c *call) (int, any) { return s.removeMark(c, likeMark()) }

// retweet serves POST /2/users/{id}/retweets, read as a mark is: the user retweets a
// Tweet they can see; retweeting it again answers the Retweet there is.
func (s *Server) retweet(c *call) (int, any) {
	src, status, answer := s.markedTweet(c, "retweeted")
	if src == nil {
		return status, answer
	}
	me := c.who.userID
	if id, ok := s.w.retweetOf[me+"/"+src.ID]; ok {
		return http.StatusOK, envelope{Data: map[string]any{"id": id, "retweeted": true}}
	}
	if u := s.w.user(src.AuthorID); u != nil && u.Protected && src.AuthorID != me {
		return http.StatusForbidden, forbidden("You cannot retweet a Tweet from a protected account.")
	}
	rt := s.w.retweet(me, src)
	s.tweetActivity(rt)
	return http.StatusOK, envelope{Data: map[string]any{"id": rt.ID, "retweeted": true}}
}

// retweet stores userID's Retweet of src, dated now, and returns it.
func (st *state) retweet(userID string, src *Tweet) *Tweet {
	n := st.newTweetID()
	author := st.user(src.AuthorID)
	rt := &Tweet{num: n, ID: strconv.FormatUint(n, 10), AuthorID: userID, CreatedAt: st.clock.Now().UTC().Truncate(time.Millisecond),
		Text: "RT @" + author.Username + ": " + src.Text, Lang: src.Lang, Source: "twitterkit testserver", ReplySettings: "everyone",
		ReferencedTweets: []ReferencedTweet{{Type: "retweeted", ID: src.ID}}}
	rt.ConversationID = rt.ID
	st.addTweet(rt)
	st.retweetOf[userID+"/"+src.ID] = rt.ID
	st.retweeters[src.ID] = prepend(st.retweeters[src.ID], userID)
	return rt
}

func (s *Server) unretweet(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	me, src := c.who.userID, c.path["source_tweet_id"]
	if id, ok := s.w.retweetOf[me+"/"+src]; ok {
		if t := s.w.tweet(id); t != nil {
			s.w.removeTweet(t)
		}
		delete(s.w.retweetOf, me+"/"+src)
		s.w.retweeters[src] = without(s.w.retweeters[src], me)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"retweeted": false}}
}

func (s *Server) hideReply(c *call) (int, any) {
	var body struct {
		Hidden *bool `json:"hidden"`
	}
	if len(c.body) == 0 {
		return http.StatusBadRequest, invalidRequest(paramIssue{name: "hidden", message: "The `hidden` field is required in the request body"})
	}
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	id := c.path["tweet_id"]
	t := s.w.tweet(id)
	if t == nil {
		pr := notFound("tweet", "tweet_id", id)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	root := s.w.tweet(t.ConversationID)
	if hasRef(t, "replied_to") == "" || root == nil || root.AuthorID != c.who.userID {
		return http.StatusForbidden, forbidden("You can only hide or unhide replies in conversations you started.")
	}
	s.w.hidden[id] = *body.Hidden
	if !*body.Hidden {
		delete(s.w.hidden, id)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"hidden": *body.Hidden}}
}

// referencing lists the visible Tweets that reference id with the given type (quoted,
// retweeted), newest first.
func (s *Server) referencing(c *call, id, typ string, exclude set) []*Tweet {
	var list []*Tweet
	for _, t := range s.w.order {
		if hasRef(t, typ) != id || !s.w.canSee(c.who.viewer(), t.AuthorID) {
			continue
		}
		if exclude["replies"] && hasRef(t, "replied_to") != "" || exclude["retweets"] && hasRef(t, "retweeted") != "" {
			continue
		}
		list = append(list, t)
	}
	return list
}

// referencedTweet checks the Tweet of the path of a quotes or Retweets listing.
func (s *Server) referencedTweet(c *call) (*Tweet, any) {
	id := c.path["id"]
	t := s.w.tweet(id)
	if t == nil {
		return nil, envelope{Errors: []apiProblem{notFound("tweet", "id", id)}}
	}
	if !s.w.canSee(c.who.viewer(), t.AuthorID) {
		return nil, envelope{Errors: []apiProblem{notAuthorized("tweet", "id", id)}}
	}
	return t, nil
}

func (s *Server) listQuoteTweets(c *call) (int, any) {
	t, fail := s.referencedTweet(c)
	if t == nil {
		return http.StatusOK, fail
	}
	list := s.referencing(c, t.ID, "quoted", listParam(c.q, "exclude"))
	p, pr := pageParams(c, filterKey(c, "exclude"), 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, false)
}

// listRetweets serves the Retweets of a Tweet that are Tweets of the world. The generated
// accounts that retweeted JackPinnedTweetID count in retweeted_by and public_metrics but
// have no Retweet Tweets, so they are not listed here.
func (s *Server) listRetweets(c *call) (int, any) {
	t, fail := s.referencedTweet(c)
	if t == nil {
		return http.StatusOK, fail
	}
	list := s.referencing(c, t.ID, "retweeted", nil)
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, false)
}

// homeTimeline serves the reverse-chronological home timeline: the Tweets (Retweets
// included) of the accounts the user follows and the user's own, newest first, leaving
// out accounts the user mutes or blocks; at most the 800 most recent, as X.
func (s *Server) homeTimeline(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	f, pr := parseTweetFilter(c)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	p, pr := pageParams(c, filterKey(c, "exclude", "since_id", "until_id", "start_time", "end_time"), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	exclude := listParam(c.q, "exclude")
	var list []*Tweet
	for _, t := range s.w.home(c.who.userID) {
		if !f.ok(t) || exclude["replies"] && hasRef(t, "replied_to") != "" || exclude["retweets"] && hasRef(t, "retweeted") != "" {
			continue
		}
		list = append(list, t)
	}
	list = list[:min(len(list), 800)]
	return s.tweetPage(c, list, p, true)
}

// home lists the Tweets of whom userID follows and the user's own, newest first, without
// the accounts the user mutes or blocks.
func (st *state) home(userID string) []*Tweet {
	var list []*Tweet
	for _, a := range append([]string{userID}, st.followingOf(userID)...) {
		if a != userID && (contains(st.mutes[userID], a) || contains(st.blocks[userID], a)) || !st.canSee(userID, a) {
			continue
		}
		list = append(list, st.byAuthor[a]...)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].num > list[j].num })
	return list
}
