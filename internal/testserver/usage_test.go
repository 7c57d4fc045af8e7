package testserver

import (
	"strconv"
	"testing"
	"time"
)

func TestTweetUsage(t *testing.T) {
	clock := NewManualClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	r := c.get("/2/usage/tweets", c.app())
	wantStatus(t, r, 200)
	// Defaults: the four totals, nothing used yet, four days left in November.
	if d := r.obj("data"); len(d) != 4 || r.str("data", "project_id") != ProjectID || r.str("data", "project_cap") != strconv.Itoa(ProjectCap) ||
		r.str("data", "project_usage") != "0" || r.num("data", "cap_reset_day") != 4 {
		t.Errorf("defaults: %s", r.raw)
	}
	// Eight Tweets served yesterday (a lookup of three, a timeline page of five), ten today.
	clock.Advance(-24 * time.Hour)
	c.get("/2/tweets?ids="+MediaTweetID+","+PollTweetID+","+PlaceTweetID+"&tweet.fields=author_id", c.app())
	c.get("/2/users/"+XDevelopersID+"/tweets?max_results=5", c.app())
	c.get("/2/tweets/"+NonexistentID, c.app()) // nothing served
	clock.Advance(24 * time.Hour)
	c.get("/2/tweets/search/recent?query=gopher&max_results=10", c.app())
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if s.World().TweetUsage(today) != 10 || s.World().TweetUsage(today.AddDate(0, 0, -1)) != 8 {
		t.Fatalf("usage in world: %d today, %d yesterday", s.World().TweetUsage(today), s.World().TweetUsage(today.AddDate(0, 0, -1)))
	}
	r = c.get("/2/usage/tweets?days=3&usage.fields=daily_project_usage,daily_client_app_usage,project_usage", c.app())
	wantStatus(t, r, 200)
	days := r.list("data", "daily_project_usage", "usage")
	if len(days) != 3 || r.str("data", "daily_project_usage", "usage", 2, "date") != "2026-11-27T00:00:00.000Z" ||
		r.str("data", "daily_project_usage", "usage", 2, "usage") != "10" || r.str("data", "daily_project_usage", "usage", 1, "usage") != "8" ||
		r.str("data", "daily_project_usage", "usage", 0, "usage") != "0" || r.str("data", "project_usage") != "18" {
		t.Errorf("daily: %s", r.raw)
	}
	if r.str("data", "daily_client_app_usage", 0, "client_app_id") != ClientAppID || r.num("data", "daily_client_app_usage", 0, "usage_result_count") != 3 ||
		r.has("data", "project_cap") || r.has("data", "cap_reset_day") {
		t.Errorf("shaped by usage.fields: %s", r.raw)
	}
	// The month's usage starts again on the first.
	clock.Set(time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC))
	r = c.get("/2/usage/tweets?usage.fields=project_usage,cap_reset_day", c.app())
	if r.num("data", "project_usage") != 0 || r.num("data", "cap_reset_day") != 31 {
		t.Errorf("new month: %s", r.raw)
	}
	// App-only bearer only.
	r = c.get("/2/usage/tweets", s.UserToken(AliceID))
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("user token: %s", r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/usage/tweets?days=91", c2.app()), 400)
	wantStatus(t, c2.get("/2/usage/tweets?usage.fields=everything", c2.app()), 400)
}
