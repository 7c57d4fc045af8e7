package testserver

import (
	"hash/fnv"
	"net/http"
	"strings"
	"time"
)

// Analytics of the caller's Tweets (GET /2/tweets/analytics) and videos (GET
// /2/media/analytics) over a period [start_time, end_time), cut into buckets by
// granularity (hourly, daily, weekly for Tweets, or total; days and weeks start at
// midnight UTC, a week on the day of start_time).
//
// Impressions (Tweets) and video views (media) come hour by hour from a hash of the id and
// the hour, between the Tweet's creation (a video's upload) and the server clock's hour:
// none before, none in the future. So buckets of any size add up to the same totals.
// Engagement is the world's: the likes, Retweets, replies, quotes and bookmarks a Tweet
// has now count in the bucket that holds the server clock's current hour, when the period
// reaches it; engagements is their sum. A video's playback counts follow its views
// (started = views, 25% = 3/4 of them, ...), 4 seconds watched a view. An id of someone
// else's Tweet or media is an entry in errors. Without analytics.fields (or
// media_analytics.fields) an entry has its id and every metric of every bucket.

var tweetMetricNames = []string{"app_install_attempts", "app_opens", "bookmarks", "detail_expands", "email_tweet", "engagements",
	"follows", "hashtag_clicks", "impressions", "likes", "media_views", "permalink_clicks", "quote_tweets", "replies", "retweets",
	"shares", "unfollows", "unlikes", "url_clicks", "user_profile_clicks"}

var mediaMetricNames = []string{"cta_url_clicks", "cta_watch_clicks", "play_from_tap", "playback25", "playback50", "playback75",
	"playback_complete", "playback_start", "video_views", "watch_time_ms"}

// hourly is a deterministic count for id in the hour starting at h, below mod.
func hourly(id string, h time.Time, mod uint32) int64 {
	f := fnv.New32a()
	f.Write([]byte(id))
	f.Write([]byte(h.UTC().Format(time.RFC3339)))
	return int64(f.Sum32() % mod)
}

// buckets cuts [start, end) by granularity.
func buckets(start, end time.Time, granularity string) [][2]time.Time {
	start, end = start.UTC(), end.UTC()
	var step func(time.Time) time.Time
	from := start
	switch granularity {
	case "hourly":
		from = start.Truncate(time.Hour)
		step = func(t time.Time) time.Time { return t.Add(time.Hour) }
	case "daily":
		from = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	case "weekly":
		from = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	default: // total
		return [][2]time.Time{{start, end}}
	}
	var out [][2]time.Time
	for t := from; t.Before(end); t = step(t) {
		out = append(out, [2]time.Time{t, step(t)})
	}
	return out
}

// hoursIn sums per-hour counts for the hours of [from, to) within [born, now].
func hoursIn(id string, from, to, born, now time.Time, mod uint32) int64 {
	var n int64
	first := from.Truncate(time.Hour)
	if b := born.Truncate(time.Hour); first.Before(b) {
		first = b
	}
	for h := first; h.Before(to) && !h.After(now); h = h.Add(time.Hour) {
		n += hourly(id, h, mod)
	}
	return n
}

// analyticsWindow reads start_time, end_time and granularity (validated by the document).
func analyticsWindow(c *call) (start, end time.Time, granularity string, pr *apiProblem) {
	start, _ = time.Parse(time.RFC3339, c.q.Get("start_time"))
	end, _ = time.Parse(time.RFC3339, c.q.Get("end_time"))
	if !end.After(start) {
		return start, end, "", badParam("end_time", c.q.Get("end_time"), "The `end_time` query parameter must be after start_time")
	}
	return start, end, c.q.Get("granularity"), nil
}

// renderMetrics keeps the metrics fields asks for (all when fields is empty).
func renderMetrics(all map[string]int64, names []string, fields set) map[string]int64 {
	out := map[string]int64{}
	for _, n := range names {
		if len(fields) == 0 || fields[n] {
			out[n] = all[n]
		}
	}
	return out
}

// analyticsEntry renders an entry: key holds the id under its field name.
func analyticsEntry(key, id string, start, end time.Time, bs [][2]time.Time, metrics func(from, to time.Time) map[string]int64, names []string, f set) map[string]any {
	e := map[string]any{key: id}
	if len(f) > 0 && !f[key] {
		delete(e, key)
	}
	totals := metrics(start, end)
	if len(f) > 0 {
		for k, v := range renderMetrics(totals, names, f) {
			e[k] = v
		}
		if f["timestamp"] {
			e["timestamp"] = start.UTC().Format(time.RFC3339)
		}
	}
	if len(f) == 0 || f["timestamped_metrics"] {
		var list []map[string]any
		for _, b := range bs {
			// A bucket counts only what falls within the period.
			from, to := b[0], b[1]
			if from.Before(start) {
				from = start
			}
			if to.After(end) {
				to = end
			}
			list = append(list, map[string]any{"timestamp": b[0].Format(time.RFC3339), "metrics": renderMetrics(metrics(from, to), names, f)})
		}
		e["timestamped_metrics"] = list
	}
	return e
}

// analyticsFeature registers the operations this file serves.
func analyticsFeature() feature {
	return feature{ops: map[string]operation{
		"getTweetAnalytics": {(*Server).getTweetAnalytics, reads},
		"getMediaAnalytics": {(*Server).getMediaAnalytics, reads},
	}}
}

func (s *Server) getTweetAnalytics(c *call) (int, any) {
	start, end, granularity, pr := analyticsWindow(c)
	if pr != nil {
		return pr.Status, pr
	}
	f := listParam(c.q, "analytics.fields")
	now := s.clock.Now().UTC()
	var data []map[string]any
	var errs []apiProblem
	for _, id := range strings.Split(c.q.Get("ids"), ",") {
		t := s.w.tweet(id)
		switch {
		case t == nil || s.w.deleted[id]:
			errs = append(errs, notFound("tweet", "ids", id))
			continue
		case t.AuthorID != c.who.userID:
			errs = append(errs, notAuthorized("tweet", "ids", id))
			continue
		}
		engaged := map[string]int64{
			"likes": int64(len(s.w.likers[id])), "retweets": int64(len(s.w.retweeters[id])),
			"replies": int64(s.w.replies[id]), "quote_tweets": int64(s.w.quotes[id]), "bookmarks": int64(len(s.w.bookmarkers[id])),
		}
		nowHour := now.Truncate(time.Hour)
		metrics := func(from, to time.Time) map[string]int64 {
			m := map[string]int64{"impressions": hoursIn(id, from, to, t.CreatedAt, now, 50)}
			if !nowHour.Before(from.Truncate(time.Hour)) && nowHour.Before(to) {
				for k, v := range engaged {
					m[k] = v
					m["engagements"] += v
				}
			}
			return m
		}
		data = append(data, analyticsEntry("id", id, start, end, buckets(start, end, granularity), metrics, tweetMetricNames, f))
	}
	env := envelope{Errors: errs}
	if data != nil {
		env.Data = data
	}
	return http.StatusOK, env
}

// mediaBorn is when the caller's media came into the world, and whether it is theirs: an
// upload of theirs, or media of one of their Tweets. Call with s.mu held.
func (st *state) mediaBorn(key, userID string) (time.Time, bool) {
	for _, u := range st.uploads {
		if u.MediaKey == key && u.ownedBy(userID) {
			return u.CreatedAt, true
		}
	}
	for _, t := range st.tweets {
		if t.AuthorID == userID && contains(t.MediaKeys, key) && !st.deleted[t.ID] {
			return t.CreatedAt, true
		}
	}
	return time.Time{}, false
}

func (s *Server) getMediaAnalytics(c *call) (int, any) {
	start, end, granularity, pr := analyticsWindow(c)
	if pr != nil {
		return pr.Status, pr
	}
	f := listParam(c.q, "media_analytics.fields")
	now := s.clock.Now().UTC()
	var data []map[string]any
	var errs []apiProblem
	for _, key := range strings.Split(c.q.Get("media_keys"), ",") {
		born, ok := s.w.mediaBorn(key, c.who.userID)
		if !ok {
			errs = append(errs, notFound("media", "media_keys", key))
			continue
		}
		metrics := func(from, to time.Time) map[string]int64 {
			v := hoursIn(key, from, to, born, now, 20)
			return map[string]int64{"video_views": v, "playback_start": v, "playback25": v * 3 / 4, "playback50": v / 2,
				"playback75": v / 3, "playback_complete": v / 4, "play_from_tap": v / 5, "watch_time_ms": v * 4000}
		}
		data = append(data, analyticsEntry("media_key", key, start, end, buckets(start, end, granularity), metrics, mediaMetricNames, f))
	}
	env := envelope{Errors: errs}
	if data != nil {
		env.Data = data
	}
	return http.StatusOK, env
}
