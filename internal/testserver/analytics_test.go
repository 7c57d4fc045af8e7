package testserver

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestTweetAnalyticsBuckets(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	window := "&start_time=" + url.QueryEscape(SeedTime.Add(-15*24*time.Hour).Format(time.RFC3339)) +
		"&end_time=" + url.QueryEscape(SeedTime.Format(time.RFC3339))
	sum := func(granularity string) (n int, buckets int) {
		t.Helper()
		r := c.get("/2/tweets/analytics?ids="+MediaTweetID+"&granularity="+granularity+window, alice)
		wantStatus(t, r, http.StatusOK)
		for i := range r.list("data", 0, "timestamped_metrics") {
			n += r.num("data", 0, "timestamped_metrics", i, "metrics", "impressions")
		}
		return n, len(r.list("data", 0, "timestamped_metrics"))
	}
	total, one := sum("total")
	daily, days := sum("daily")
	weekly, weeks := sum("weekly")
	if one != 1 || days != 15 || weeks != 3 || daily != total || weekly != total || total == 0 {
		t.Errorf("total %d (%d), daily %d (%d), weekly %d (%d)", total, one, daily, days, weekly, weeks)
	}
	// Another's Tweet is an error entry; an app token is refused; a backward window is a 400.
	r := c.get("/2/tweets/analytics?ids="+JackFirstTweetID+"&granularity=total"+window, alice)
	if r.has("data") || r.str("errors", 0, "value") != JackFirstTweetID {
		t.Errorf("Jack's Tweet: %s", r.raw)
	}
	wantStatus(t, c.get("/2/tweets/analytics?ids="+MediaTweetID+"&granularity=total"+window, c.app()), http.StatusForbidden)
	back := "&start_time=" + url.QueryEscape(SeedTime.Format(time.RFC3339)) + "&end_time=" + url.QueryEscape(SeedTime.Add(-time.Hour).Format(time.RFC3339))
	wantStatus(t, c.get("/2/tweets/analytics?ids="+MediaTweetID+"&granularity=total"+back, alice), http.StatusBadRequest)
}
