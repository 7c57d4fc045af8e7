package testserver

import (
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"
)

func searchAll(t *testing.T, c *tc, path, query string, max int) (ids []string, pages int) {
	t.Helper()
	token := ""
	for {
		p := path + "?max_results=" + strconv.Itoa(max) + "&query=" + url.QueryEscape(query)
		if token != "" {
			p += "&next_token=" + token
		}
		r := c.get(p, c.app())
		wantStatus(t, r, 200)
		pages++
		for _, d := range r.list("data") {
			ids = append(ids, d.(map[string]any)["id"].(string))
		}
		if token = r.str("meta", "next_token"); token == "" {
			return
		}
	}
}

func TestSearchThousand(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	ids, pages := searchAll(t, c, "/2/tweets/search/recent", SearchThousandQuery, 100)
	if len(ids) != SearchThousandCount || pages != 10 {
		t.Fatalf("got %d in %d pages", len(ids), pages)
	}
	want, _ := s.World().SearchIDs(SearchThousandQuery)
	if !slices.Equal(ids, want) {
		t.Errorf("differs from World().SearchIDs")
	}
	ids, pages = searchAll(t, c, "/2/tweets/search/all", SearchThousandQuery, 500)
	if len(ids) != SearchThousandCount || pages != 2 {
		t.Errorf("all: got %d in %d pages", len(ids), pages)
	}
}

func TestSearchOperators(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	count := func(q string) int {
		t.Helper()
		ids, err := s.World().SearchIDs(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return len(ids)
	}
	all := count("gopher")
	noRT := count("gopher -is:retweet")
	rts := count("gopher is:retweet")
	if noRT+rts != all || rts == 0 {
		t.Errorf("retweets %d + others %d != %d", rts, noRT, all)
	}
	if n := count("gopher is:reply"); n == 0 || n >= all {
		t.Errorf("is:reply: %d", n)
	}
	if n := count("gopher has:media"); n == 0 || n >= all {
		t.Errorf("has:media: %d", n)
	}
	if n := count("from:gopher01"); n != count("from:1000000101") || n != 50 {
		t.Errorf("from: %d", n)
	}
	if count("from:alice OR from:bob") != count("from:alice")+count("from:bob") {
		t.Errorf("OR")
	}
	if n := count("(from:alice OR from:bob) #golang"); n == 0 {
		t.Errorf("group: %d", n)
	}
	if n := count(`"developer update 1:"`); n != 1 {
		t.Errorf("phrase: %d", n)
	}
	if count("@alice gopher") == 0 || count("$GOOG") == 0 || count("lang:es") == 0 || count("has:geo") == 0 {
		t.Errorf("mention/cashtag/lang/geo")
	}
	// Protected Tweets are not searchable.
	if count("secret plans") != 0 {
		t.Errorf("protected tweet found")
	}

	r := c.get("/2/tweets/search/recent?query="+url.QueryEscape("gopher -is:retweet has:media")+"&max_results=10&tweet.fields=attachments,referenced_tweets&expansions=attachments.media_keys", c.app())
	wantStatus(t, r, 200)
	for i := range r.list("data") {
		if !r.has("data", i, "attachments") || r.has("data", i, "referenced_tweets") && r.str("data", i, "referenced_tweets", 0, "type") == "retweeted" {
			t.Errorf("result %d does not match: %v", i, r.at("data", i))
		}
	}
	if len(r.list("includes", "media")) != 10 {
		t.Errorf("includes.media: %d", len(r.list("includes", "media")))
	}
	if r.str("meta", "newest_id") != r.str("data", 0, "id") || r.str("meta", "oldest_id") != r.str("data", 9, "id") {
		t.Errorf("meta: %v", r.obj("meta"))
	}

	// Time and id windows.
	ids, _ := s.World().SearchIDs("gopher")
	r = c.get("/2/tweets/search/recent?query=gopher&since_id="+ids[20]+"&until_id="+ids[9], c.app())
	if r.num("meta", "result_count") != 10 || r.str("data", 0, "id") != ids[10] {
		t.Errorf("since/until: %.300s", r.raw)
	}
	start := SeedTime.Add(-24 * time.Hour).Format(time.RFC3339)
	end := SeedTime.Add(-23 * time.Hour).Format(time.RFC3339)
	r = c.get("/2/tweets/search/recent?query=gopher&max_results=100&tweet.fields=created_at&start_time="+start+"&end_time="+end, c.app())
	n := r.num("meta", "result_count")
	if n == 0 || n > 20 {
		t.Errorf("one hour window: %d", n)
	}
	for i := 0; i < n; i++ {
		at, _ := time.Parse(time.RFC3339, r.str("data", i, "created_at"))
		if at.Before(SeedTime.Add(-24*time.Hour)) || !at.Before(SeedTime.Add(-23*time.Hour)) {
			t.Errorf("out of window: %v", at)
		}
	}
	r = c.get("/2/tweets/search/recent?query=nothingmatchesthis", c.app())
	wantStatus(t, r, 200)
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("no match: %s", r.raw)
	}
}

func TestSearchErrors(t *testing.T) {
	s := Start(t, WithInvalidRequestsAllowed())
	c := newTC(t, s)
	for _, q := range []string{"foo:bar", "(gopher", "-gopher", "is:nonsense", `"open`, "gopher OR"} {
		r := c.get("/2/tweets/search/recent?query="+url.QueryEscape(q), c.app())
		if r.status != 400 || r.str("type") != "https://api.twitter.com/2/problems/invalid-request" {
			t.Errorf("%q: %d %s", q, r.status, r.raw)
		}
	}
	wantStatus(t, c.get("/2/tweets/search/recent?query=gopher&max_results=9", c.app()), 400)
	wantStatus(t, c.get("/2/tweets/search/all?query=gopher&max_results=501", c.app()), 400)
	wantStatus(t, c.get("/2/tweets/search/recent", c.app()), 400)
	wantStatus(t, c.get("/2/tweets/search/recent?query=gopher&next_token=zzzz", c.app()), 400)
	// Full-archive search is app-only.
	r := c.get("/2/tweets/search/all?query=gopher", s.UserToken(AliceID))
	wantStatus(t, r, 403)
	if r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("all with user token: %s", r.raw)
	}
}

func TestCounts(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	// Default window: the seven days before now (SeedTime), hourly.
	r := c.get("/2/tweets/counts/recent?query=gopher", c.app())
	wantStatus(t, r, 200)
	if r.num("meta", "total_tweet_count") != SearchThousandCount {
		t.Errorf("total: %d", r.num("meta", "total_tweet_count"))
	}
	buckets := r.list("data")
	if len(buckets) < 7*24 || len(buckets) > 7*24+1 {
		t.Errorf("hour buckets: %d", len(buckets))
	}
	sum := 0
	for i := range buckets {
		sum += r.num("data", i, "tweet_count")
	}
	if sum != SearchThousandCount {
		t.Errorf("bucket sum %d", sum)
	}
	start := SeedTime.Add(-48 * time.Hour).Format(time.RFC3339)
	end := SeedTime.Add(-24 * time.Hour).Format(time.RFC3339)
	r = c.get("/2/tweets/counts/recent?query=gopher&granularity=day&start_time="+start+"&end_time="+end, c.app())
	if len(r.list("data")) != 1 || r.str("data", 0, "start") != SeedTime.Add(-48*time.Hour).Format("2006-01-02T15:04:05.000Z") {
		t.Errorf("day: %s", r.raw)
	}
	ids, _ := s.World().SearchIDs("gopher")
	inWindow := 0
	for _, id := range ids {
		tw, _ := s.World().Tweet(id)
		if !tw.CreatedAt.Before(SeedTime.Add(-48*time.Hour)) && tw.CreatedAt.Before(SeedTime.Add(-24*time.Hour)) {
			inWindow++
		}
	}
	if r.num("data", 0, "tweet_count") != inWindow || r.num("meta", "total_tweet_count") != inWindow {
		t.Errorf("day count %d, want %d", r.num("data", 0, "tweet_count"), inWindow)
	}
	r = c.get("/2/tweets/counts/all?query=gopher&granularity=minute&start_time="+start+"&end_time="+SeedTime.Add(-47*time.Hour).Format(time.RFC3339)+"&search_count.fields=tweet_count", c.app())
	if len(r.list("data")) != 60 || r.has("data", 0, "start") || !r.has("data", 0, "tweet_count") {
		t.Errorf("minute: %d buckets; %.200s", len(r.list("data")), r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/tweets/counts/recent?query=gopher&granularity=week", c2.app()), 400)
	wantStatus(t, c2.get("/2/tweets/counts/recent?query=foo:bar", c2.app()), 400)
	wantStatus(t, c2.get("/2/tweets/counts/recent?query=gopher", s2.UserToken(AliceID)), 403)
}

// searchPages pages a search through every result and returns each page's response.
func searchPages(t *testing.T, c *tc, path string, q url.Values) []resp {
	t.Helper()
	var pages []resp
	for tok := ""; len(pages) < 50; {
		pq := url.Values{}
		for k, v := range q {
			pq[k] = v
		}
		if tok != "" {
			pq.Set("next_token", tok)
		}
		r := c.get(path+"?"+pq.Encode(), c.app())
		wantStatus(t, r, 200)
		pages = append(pages, r)
		if tok = r.str("meta", "next_token"); tok == "" {
			break
		}
	}
	return pages
}

func TestSearchRelevancy(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	q := url.Values{"query": {SearchThousandQuery}, "max_results": {"100"}, "sort_order": {"relevancy"},
		"tweet.fields": {"public_metrics"}}
	type hit struct {
		id    uint64
		score int
	}
	var hits []hit
	seen := map[string]bool{}
	for i, r := range searchPages(t, c, "/2/tweets/search/recent", q) {
		var newest, oldest uint64
		for j := range r.list("data") {
			id := r.str("data", j, "id")
			if seen[id] {
				t.Fatalf("%s served twice", id)
			}
			seen[id] = true
			n, _ := strconv.ParseUint(id, 10, 64)
			score := 0
			for _, m := range []string{"like_count", "retweet_count", "reply_count", "quote_count", "bookmark_count"} {
				score += r.num("data", j, "public_metrics", m)
			}
			hits = append(hits, hit{n, score})
			if newest == 0 || n > newest {
				newest = n
			}
			if oldest == 0 || n < oldest {
				oldest = n
			}
		}
		// meta names the page's newest and oldest ids, wherever they stand in it.
		if r.str("meta", "newest_id") != strconv.FormatUint(newest, 10) || r.str("meta", "oldest_id") != strconv.FormatUint(oldest, 10) {
			t.Errorf("page %d meta %v; newest %d oldest %d", i, r.obj("meta"), newest, oldest)
		}
	}
	recency, _ := s.World().SearchIDs(SearchThousandQuery)
	if len(hits) != len(recency) {
		t.Fatalf("relevancy served %d Tweets, recency %d", len(hits), len(recency))
	}
	same := true
	for i, h := range hits {
		if !seen[recency[i]] {
			t.Errorf("recency result %s missing under relevancy", recency[i])
		}
		if strconv.FormatUint(h.id, 10) != recency[i] {
			same = false
		}
		if i > 0 {
			p := hits[i-1]
			if p.score < h.score || p.score == h.score && p.id < h.id {
				t.Fatalf("result %d (%d, engagement %d) after (%d, engagement %d): not by engagement, then id descending", i, h.id, h.score, p.id, p.score)
			}
		}
	}
	if same || hits[0].score == 0 {
		t.Errorf("relevancy is the recency order (first engagement %d)", hits[0].score)
	}

	// Engagement moves a Tweet: three likes put the oldest match first.
	oldest := recency[len(recency)-1]
	for _, u := range []string{AliceID, BobID, CarolID} {
		wantStatus(t, c.do("POST", "/2/users/"+u+"/likes", s.UserToken(u), map[string]string{"tweet_id": oldest}), 200)
	}
	q.Set("max_results", "10")
	if r := c.get("/2/tweets/search/all?"+q.Encode(), c.app()); r.str("data", 0, "id") != oldest {
		t.Errorf("liked three times, %s is not first: %.300s", oldest, r.raw)
	}
	// Without sort_order, and with recency, the order is unchanged.
	for _, order := range []string{"", "recency"} {
		rq := url.Values{"query": {SearchThousandQuery}, "max_results": {"10"}}
		if order != "" {
			rq.Set("sort_order", order)
		}
		if r := c.get("/2/tweets/search/recent?"+rq.Encode(), c.app()); r.str("data", 0, "id") != recency[0] {
			t.Errorf("sort_order %q: first %s, want %s", order, r.str("data", 0, "id"), recency[0])
		}
	}
	// A token of one order does not page the other.
	tok := c.get("/2/tweets/search/recent?query=gopher", c.app()).str("meta", "next_token")
	r := c.get("/2/tweets/search/recent?query=gopher&sort_order=relevancy&next_token="+tok, c.app())
	if r.status != 400 || r.str("errors", 0, "parameters", "next_token", 0) != tok {
		t.Errorf("recency token under relevancy: %d %s", r.status, r.raw)
	}
}
