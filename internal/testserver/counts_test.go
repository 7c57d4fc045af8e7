package testserver

import (
	"net/url"
	"testing"
	"time"
)

const wireTime = "2006-01-02T15:04:05.000Z"

// countPage is one page of a counts response, reduced to what the paging tests check.
type countPage struct {
	starts, ends []string
	sum, total   int
	next         string
}

func getCounts(t *testing.T, c *tc, path string, q url.Values) countPage {
	t.Helper()
	r := c.get(path+"?"+q.Encode(), c.app())
	wantStatus(t, r, 200)
	var p countPage
	for i := range r.list("data") {
		p.starts = append(p.starts, r.str("data", i, "start"))
		p.ends = append(p.ends, r.str("data", i, "end"))
		p.sum += r.num("data", i, "tweet_count")
	}
	p.total = r.num("meta", "total_tweet_count")
	p.next = r.str("meta", "next_token")
	if p.total != p.sum {
		t.Errorf("%s: total_tweet_count %d, buckets sum to %d", path, p.total, p.sum)
	}
	return p
}

func TestCountsPageBy31Days(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	start, end := SeedTime.AddDate(0, 0, -100), SeedTime
	q := url.Values{"query": {SearchThousandQuery}, "granularity": {"day"},
		"start_time": {start.Format(time.RFC3339)}, "end_time": {end.Format(time.RFC3339)}}

	// 100 day buckets: pages of 31, 31, 31 and 7, newest first, each oldest first.
	// The first page is asked with no token, the second with next_token, the rest
	// with pagination_token: the document gives the operation both.
	var pages []countPage
	param := ""
	for tok := ""; ; {
		pq := url.Values{}
		for k, v := range q {
			pq[k] = v
		}
		if tok != "" {
			pq.Set(param, tok)
		}
		p := getCounts(t, c, "/2/tweets/counts/all", pq)
		pages = append(pages, p)
		if tok = p.next; tok == "" || len(pages) > 10 {
			break
		}
		param = map[bool]string{true: "next_token", false: "pagination_token"}[len(pages) == 1]
	}
	sizes := []int{}
	for _, p := range pages {
		sizes = append(sizes, len(p.starts))
	}
	if len(pages) != 4 || sizes[0] != 31 || sizes[1] != 31 || sizes[2] != 31 || sizes[3] != 7 {
		t.Fatalf("page sizes %v, want [31 31 31 7]", sizes)
	}
	if pages[0].starts[0] != end.AddDate(0, 0, -31).Format(wireTime) || pages[0].ends[30] != end.Format(wireTime) {
		t.Errorf("first page is not the newest 31 days: %s .. %s", pages[0].starts[0], pages[0].ends[30])
	}
	// Every seeded Tweet is in the last week: the first page holds them all.
	if pages[0].total != SearchThousandCount || pages[1].total+pages[2].total+pages[3].total != 0 {
		t.Errorf("totals %d %d %d %d, want %d 0 0 0", pages[0].total, pages[1].total, pages[2].total, pages[3].total, SearchThousandCount)
	}
	// Read oldest page first, the buckets tile the window: no gap, no overlap.
	at := start.Format(wireTime)
	for i := len(pages) - 1; i >= 0; i-- {
		for j := range pages[i].starts {
			if pages[i].starts[j] != at {
				t.Fatalf("page %d bucket %d starts %s, want %s", i, j, pages[i].starts[j], at)
			}
			at = pages[i].ends[j]
		}
	}
	if at != end.Format(wireTime) {
		t.Errorf("last bucket ends %s, want %s", at, end.Format(wireTime))
	}
	// Tokens are deterministic: the same request gives the same token.
	if again := getCounts(t, c, "/2/tweets/counts/all", q); again.next != pages[0].next {
		t.Errorf("next_token changed between identical requests: %q then %q", pages[0].next, again.next)
	}
}

func TestCountsPageSizeFollowsGranularity(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	// 40 days of hours: 744 (31 days) on the first page, 216 on the second.
	q := url.Values{"query": {SearchThousandQuery}, "granularity": {"hour"},
		"start_time": {SeedTime.AddDate(0, 0, -40).Format(time.RFC3339)}, "end_time": {SeedTime.Format(time.RFC3339)}}
	p1 := getCounts(t, c, "/2/tweets/counts/recent", q)
	if len(p1.starts) != 744 || p1.next == "" {
		t.Fatalf("first page: %d buckets, next_token %q; want 744 and a token", len(p1.starts), p1.next)
	}
	q.Set("next_token", p1.next)
	p2 := getCounts(t, c, "/2/tweets/counts/recent", q)
	if len(p2.starts) != 216 || p2.next != "" || p2.ends[215] != p1.starts[0] {
		t.Errorf("second page: %d buckets, next_token %q, ends %s (first page starts %s)", len(p2.starts), p2.next, p2.ends[len(p2.ends)-1], p1.starts[0])
	}
	// A window of 31 days or less is one page, partial buckets included.
	q.Del("next_token")
	q.Set("start_time", SeedTime.AddDate(0, 0, -31).Add(30*time.Minute).Format(time.RFC3339))
	if p := getCounts(t, c, "/2/tweets/counts/recent", q); len(p.starts) != 744 || p.next != "" {
		t.Errorf("31 days: %d buckets, next_token %q; want 744 and none", len(p.starts), p.next)
	}
}

// TestCountsTokenSurvivesMovingEnd pages a window whose end defaults to now while the
// clock moves between the pages: the second page continues where the first began.
func TestCountsTokenSurvivesMovingEnd(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	q := url.Values{"query": {SearchThousandQuery}, "granularity": {"day"},
		"start_time": {SeedTime.AddDate(0, 0, -40).Format(time.RFC3339)}}
	p1 := getCounts(t, c, "/2/tweets/counts/all", q)
	if p1.next == "" {
		t.Fatal("no next_token for 40 days")
	}
	clock.Advance(36 * time.Hour)
	q.Set("next_token", p1.next)
	p2 := getCounts(t, c, "/2/tweets/counts/all", q)
	if len(p2.ends) == 0 || p2.ends[len(p2.ends)-1] != p1.starts[0] || p2.starts[0] != SeedTime.AddDate(0, 0, -40).Format(wireTime) {
		t.Errorf("second page %v..%v does not end where the first (%s) began", p2.starts, p2.ends, p1.starts[0])
	}
}

func TestCountsBadTokens(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	window := url.Values{"query": {SearchThousandQuery}, "granularity": {"day"},
		"start_time": {SeedTime.AddDate(0, 0, -100).Format(time.RFC3339)}, "end_time": {SeedTime.Format(time.RFC3339)}}
	good := getCounts(t, c, "/2/tweets/counts/all", window).next
	searchTok := c.get("/2/tweets/search/recent?query=gopher", c.app()).str("meta", "next_token")
	if good == "" || searchTok == "" {
		t.Fatalf("tokens: counts %q, search %q", good, searchTok)
	}
	// A made-up token, the way the other paginated operations answer it.
	ref := c.get("/2/tweets/search/recent?query=gopher&next_token=zzzz", c.app())
	wantStatus(t, ref, 400)

	with := func(k, v string, over ...string) url.Values {
		q := url.Values{}
		for k, v := range window {
			q[k] = v
		}
		for i := 0; i+1 < len(over); i += 2 {
			q.Set(over[i], over[i+1])
		}
		q.Set(k, v)
		return q
	}
	cases := []struct {
		name, path, param, token string
		q                        url.Values
	}{
		{"made up", "/2/tweets/counts/all", "next_token", "zzzz", with("next_token", "zzzz")},
		{"made up, pagination_token", "/2/tweets/counts/recent", "pagination_token", "zzzz", with("pagination_token", "zzzz")},
		{"a search token", "/2/tweets/counts/all", "next_token", searchTok, with("next_token", searchTok)},
		{"the other counts operation", "/2/tweets/counts/recent", "next_token", good, with("next_token", good)},
		{"another query", "/2/tweets/counts/all", "next_token", good, with("next_token", good, "query", "from:alice")},
		{"another granularity", "/2/tweets/counts/all", "next_token", good, with("next_token", good, "granularity", "hour")},
		{"another window", "/2/tweets/counts/all", "next_token", good, with("next_token", good, "start_time", SeedTime.AddDate(0, 0, -99).Format(time.RFC3339))},
		// A token of this window's list that points past its first page.
		{"out of the window", "/2/tweets/counts/all", "next_token", encodeToken(countsKey(window), 100), with("next_token", encodeToken(countsKey(window), 100))},
	}
	for _, tc := range cases {
		r := c.get(tc.path+"?"+tc.q.Encode(), c.app())
		if r.status != 400 || r.str("type") != ref.str("type") || r.str("title") != ref.str("title") ||
			r.str("errors", 0, "message") != "The `"+tc.param+"` query parameter value ["+tc.token+"] is not valid" ||
			r.str("errors", 0, "parameters", tc.param, 0) != tc.token {
			t.Errorf("%s: %d %s", tc.name, r.status, r.raw)
		}
	}
	// The good token still works where it belongs.
	if p := getCounts(t, c, "/2/tweets/counts/all", with("next_token", good)); len(p.starts) != 31 {
		t.Errorf("good token: %d buckets", len(p.starts))
	}
}

// countsKey is the list key countTweets binds the tokens of a counts/all window to.
func countsKey(q url.Values) string {
	return "countAllTweets|" + q.Get("query") + "|" + q.Get("since_id") + "|" + q.Get("until_id") + "|" +
		q.Get("start_time") + "|" + q.Get("end_time") + "|" + q.Get("granularity")
}
