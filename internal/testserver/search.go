package testserver

import (
	"net/http"
	"sort"
	"time"
)

type searchMeta struct {
	NewestID    string `json:"newest_id,omitempty"`
	OldestID    string `json:"oldest_id,omitempty"`
	ResultCount int    `json:"result_count"`
	NextToken   string `json:"next_token,omitempty"`
}

// search returns the visible Tweets matching a query and filter, newest first.
func (s *Server) search(q qnode, f tweetFilter, viewer string) []*Tweet {
	var out []*Tweet
	for _, t := range s.w.order {
		if f.ok(t) && s.w.canSee(viewer, t.AuthorID) && q.eval(s.w, t) {
			out = append(out, t)
		}
	}
	return out
}

func queryProblem(c *call, err error) *apiProblem {
	return badParam("query", c.q.Get("query"), "%s", err.Error())
}

// searchFeature registers the operations this file serves.
func searchFeature() feature {
	return feature{ops: map[string]operation{
		"searchAllTweets":    {(*Server).searchTweets, reads},
		"searchRecentTweets": {(*Server).searchTweets, reads},
		"countAllTweets":     {(*Server).countTweets, reads},
		"countRecentTweets":  {(*Server).countTweets, reads},
	}}
}

// searchTweets serves recent and full-archive search. The seeded world is small, so
// both search all of it (recent search does not drop Tweets older than seven days).
// Results are newest first, or by the fake's engagement stand-in for
// sort_order=relevancy (see byRelevancy).
func (s *Server) searchTweets(c *call) (int, any) {
	q, err := parseQuery(c.q.Get("query"))
	if err != nil {
		return http.StatusBadRequest, queryProblem(c, err)
	}
	f, pr := parseTweetFilter(c)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	key := filterKey(c, "query", "since_id", "until_id", "start_time", "end_time")
	relevancy := c.q.Get("sort_order") == "relevancy"
	if relevancy {
		key += "|relevancy" // tokens of one order do not page the other
	}
	p, pr := pageParams(c, key, 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	list := s.search(q, f, c.who.viewer())
	if relevancy {
		s.w.byRelevancy(list)
	}
	from, to, next, _ := p.window(len(list))
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	var data []wTweet
	for _, t := range list[from:to] {
		data = append(data, r.tweet(t))
	}
	m := searchMeta{ResultCount: len(data), NextToken: next}
	env := envelope{Meta: m, Includes: r.includes(), Errors: r.errs}
	if len(data) > 0 {
		// The page's newest and oldest ids: its first and last under recency, found
		// among its Tweets under relevancy.
		newest, oldest := list[from], list[from]
		for _, t := range list[from:to] {
			if t.num > newest.num {
				newest = t
			}
			if t.num < oldest.num {
				oldest = t
			}
		}
		m.NewestID, m.OldestID = newest.ID, oldest.ID
		env.Meta = m
		env.Data = data
	}
	return http.StatusOK, env
}

// byRelevancy sorts search results for sort_order=relevancy. X ranks by a relevance
// model of its own; the fake's stand-in is engagement: the sum of the public metrics
// a Tweet shows (likes, Retweets, replies, quotes, bookmarks; not impressions), most
// engaged first, ties newest (highest id) first. It is deterministic and, wherever
// engagement differs, not the recency order.
func (st *state) byRelevancy(list []*Tweet) {
	score := make(map[*Tweet]int, len(list))
	for _, t := range list {
		score[t] = st.engagement(t)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if a, b := score[list[i]], score[list[j]]; a != b {
			return a > b
		}
		return list[i].num > list[j].num
	})
}

// engagement is the sum of a Tweet's public metrics other than impressions, counted
// the way public_metrics renders them.
func (st *state) engagement(t *Tweet) int {
	return len(st.likers[t.ID]) + len(st.retweeters[t.ID]) + st.replies[t.ID] + st.quotes[t.ID] + len(st.bookmarkers[t.ID])
}

type countBucket struct {
	End        string `json:"end,omitempty"`
	Start      string `json:"start,omitempty"`
	TweetCount *int   `json:"tweet_count,omitempty"`
}

type countMeta struct {
	TotalTweetCount int    `json:"total_tweet_count"`
	NextToken       string `json:"next_token,omitempty"`
}

// countPageSpan is how much of the window one page of counts covers. X pages Tweet counts
// by 31 days: 31 day buckets, 744 hour buckets or 44,640 minute buckets a page, and a
// window that holds more is continued with meta.next_token. The fake does the same for
// both counts operations (the document gives each next_token and pagination_token).
const countPageSpan = 31 * 24 * time.Hour

// countTweets buckets matching Tweets by minute, hour or day between start_time
// (default: seven days, or thirty for the archive, before end_time) and end_time
// (default: now on the server clock).
//
// Buckets are aligned on the granularity; the first and last of the window may be
// partial. The first page holds the newest buckets of the window, oldest first within
// the page; each next_token leads to the page of buckets just before it, until the one
// that starts at start_time. A token names the bucket its page ends before, counted
// from the window's first bucket, so it stays valid while end_time defaults to a moving
// now; it is bound to the query, window and granularity, and any other token is X's 400.
// meta.total_tweet_count is the sum of the page's buckets.
func (s *Server) countTweets(c *call) (int, any) {
	q, err := parseQuery(c.q.Get("query"))
	if err != nil {
		return http.StatusBadRequest, queryProblem(c, err)
	}
	f, pr := parseTweetFilter(c)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	gran := time.Hour
	switch c.q.Get("granularity") {
	case "minute":
		gran = time.Minute
	case "day":
		gran = 24 * time.Hour
	}
	end := f.end
	if end.IsZero() {
		end = s.clock.Now().Add(-10 * time.Second).UTC()
	}
	start := f.start
	if start.IsZero() {
		days := 7
		if c.rt.opID == "countAllTweets" {
			days = 30
		}
		start = end.Add(-time.Duration(days) * 24 * time.Hour)
	}
	if !start.Before(end) {
		return http.StatusBadRequest, badParam("start_time", c.q.Get("start_time"), "Invalid 'start_time'. 'start_time' must be before 'end_time'")
	}

	// Bucket k of the window is [max(start, first+k*gran), min(end, first+(k+1)*gran)).
	first := start.Truncate(gran)
	n := int((end.Sub(first) + gran - 1) / gran)
	bucket := func(k int) (time.Time, time.Time) {
		bs, be := first.Add(time.Duration(k)*gran), first.Add(time.Duration(k+1)*gran)
		if bs.Before(start) {
			bs = start
		}
		if be.After(end) {
			be = end
		}
		return bs, be
	}
	p, pr := pageParams(c, filterKey(c, "query", "since_id", "until_id", "start_time", "end_time", "granularity"), int(countPageSpan/gran))
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	hi := n // this page is buckets [lo, hi)
	if p.token != "" {
		// pageParams checked the token's list; its offset must fall inside this window.
		if p.offset <= 0 || p.offset >= n {
			return http.StatusBadRequest, badParam(p.param, p.token, "The `%s` query parameter value [%s] is not valid", p.param, p.token)
		}
		hi = p.offset
	}
	lo := max(0, hi-p.max)
	next := ""
	if lo > 0 {
		next = encodeToken(p.key, lo)
	}

	fields := listParam(c.q, "search_count.fields")
	f.start, _ = bucket(lo)
	_, f.end = bucket(hi - 1)
	list := s.search(q, f, "")

	var buckets []countBucket
	total := 0
	i := len(list) - 1 // list is newest first; walk oldest first
	for k := lo; k < hi; k++ {
		bs, be := bucket(k)
		n := 0
		for i >= 0 && list[i].CreatedAt.Before(be) {
			n++
			i--
		}
		total += n
		b := countBucket{}
		if fields == nil || fields["start"] {
			b.Start = fmtTime(bs)
		}
		if fields == nil || fields["end"] {
			b.End = fmtTime(be)
		}
		if fields == nil || fields["tweet_count"] {
			v := n
			b.TweetCount = &v
		}
		buckets = append(buckets, b)
	}
	env := envelope{Meta: countMeta{TotalTweetCount: total, NextToken: next}}
	if len(buckets) > 0 {
		env.Data = buckets
	}
	return http.StatusOK, env
}
