package testserver

import (
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestNews(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	app := c.app()

	r := c.get("/2/news/"+NewsGoReleaseID, app)
	wantStatus(t, r, http.StatusOK)
	if r.str("data", "id") != NewsGoReleaseID || r.str("data", "name") != "Go 1.26 is out" || r.has("data", "summary") {
		t.Errorf("default fields: %s", r.raw)
	}
	r = c.get("/2/news/"+NewsGoReleaseID+"?news.fields=summary,keywords,updated_at,cluster_posts_results,contexts,category", s.UserToken(AliceID))
	n, _ := s.World().News(NewsGoReleaseID)
	if r.str("data", "summary") != n.Summary || r.str("data", "keywords", 0) != "go" ||
		r.str("data", "updated_at") != SeedTime.Add(-3*time.Hour).Format(time.RFC3339) ||
		r.str("data", "cluster_posts_results", 1, "post_id") != MediaTweetID ||
		r.str("data", "contexts", "topics", 0) != "Programming" || r.str("data", "category") != "Technology" {
		t.Errorf("all fields: %s", r.raw)
	}
	r = c.get("/2/news/"+NonexistentID, app)
	if r.has("data") || r.str("errors", 0, "resource_id") != NonexistentID {
		t.Errorf("unknown story: %s", r.raw)
	}

	search := func(q string, extra string) resp {
		t.Helper()
		r := c.get("/2/news/search?query="+url.QueryEscape(q)+extra, app)
		wantStatus(t, r, http.StatusOK)
		return r
	}
	ids := func(r resp) (out []string) {
		for i := range r.list("data") {
			out = append(out, r.str("data", i, "id"))
		}
		return
	}
	// "go" within a week: the release, then GopherCon; not the 40-day-old retrospective.
	if got := ids(search("Go", "")); len(got) != 2 || got[0] != NewsGoReleaseID || got[1] != NewsGopherConID {
		t.Errorf("go: %v", got)
	}
	if got := ids(search("go", "&max_results=1")); len(got) != 1 || got[0] != NewsGoReleaseID {
		t.Errorf("go, 1 result: %v", got)
	}
	if got := ids(search("go conference", "")); len(got) != 1 || got[0] != NewsGopherConID {
		t.Errorf("every word: %v", got)
	}
	if got := ids(search("go", "&max_age_hours=10")); len(got) != 1 {
		t.Errorf("10 hours: %v", got)
	}
	if got := ids(search("chips", "")); len(got) != 0 {
		t.Errorf("10-day-old story within a week: %v", got)
	}
	if got := ids(search("chips", "&max_age_hours=720")); len(got) != 1 || got[0] != NewsChipRallyID {
		t.Errorf("within 30 days: %v", got)
	}
	r = search("nothing matches this", "")
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("no match: %s", r.raw)
	}
	wantStatus(t, c.get("/2/news/search?query=go", s.UserToken(AliceID, "users.read")), http.StatusForbidden)
}
