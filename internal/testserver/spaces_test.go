package testserver

import (
	"net/url"
	"slices"
	"testing"
	"time"
)

func TestSpaces(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/spaces/"+LiveSpaceID, c.app())
	wantStatus(t, r, 200)
	if d := r.obj("data"); len(d) != 2 || d["id"] != LiveSpaceID || d["state"] != "live" {
		t.Errorf("defaults: %s", r.raw)
	}
	r = c.get("/2/spaces/"+LiveSpaceID+"?space.fields=title,host_ids,speaker_ids,participant_count,topic_ids,started_at&expansions=creator_id,speaker_ids,topic_ids&user.fields=description&topic.fields=name,description", s.UserToken(BobID))
	wantStatus(t, r, 200)
	if r.str("data", "title") != "Go and the X API" || r.num("data", "participant_count") != 42 || len(r.list("data", "speaker_ids")) != 2 {
		t.Errorf("fields: %s", r.raw)
	}
	if len(r.list("includes", "users")) != 3 || r.str("includes", "topics", 0, "name") != "Go" || !r.has("includes", "users", 0, "description") {
		t.Errorf("includes: %s", r.raw)
	}
	r = c.get("/2/spaces?ids="+LiveSpaceID+","+ScheduledSpaceID+",zzzzzzzzzzzzz", c.app())
	if len(r.list("data")) != 2 || r.str("errors", 0, "resource_type") != "space" {
		t.Errorf("lookup many: %s", r.raw)
	}
	r = c.get("/2/spaces/zzzzzzzzzzzzz", c.app())
	if r.has("data") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/resource-not-found" {
		t.Errorf("missing: %s", r.raw)
	}
	r = c.get("/2/spaces/by/creator_ids?user_ids="+AliceID+","+JackID+","+XDevelopersID, c.app())
	if r.num("meta", "result_count") != 2 {
		t.Errorf("by creators (ended ones left out): %s", r.raw)
	}
	r = c.get("/2/spaces/search?query=Go&state=live&space.fields=title", c.app())
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != LiveSpaceID {
		t.Errorf("search live: %s", r.raw)
	}
	r = c.get("/2/spaces/search?query="+url.QueryEscape("Go")+"&state=scheduled&space.fields=scheduled_start", c.app())
	if r.str("data", 0, "id") != ScheduledSpaceID || r.str("data", 0, "scheduled_start") != SeedTime.Add(24*time.Hour).Format("2006-01-02T15:04:05.000Z") {
		t.Errorf("search scheduled: %s", r.raw)
	}
	r = c.get("/2/spaces/search?query=nothing", c.app())
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("search none: %s", r.raw)
	}
	// space.read is needed.
	wantStatus(t, c.get("/2/spaces/"+LiveSpaceID, s.UserToken(BobID, "tweet.read", "users.read")), 403)
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/spaces/not_valid!", c2.app()), 400)
	wantStatus(t, c2.get("/2/spaces/search?query=Go&state=gone", c2.app()), 400)
}

func TestComplianceJobs(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	r := c.get("/2/compliance/jobs?type=tweets", c.app())
	wantStatus(t, r, 200)
	if r.str("data", 0, "id") != SeedComplianceJobID || r.str("data", 0, "status") != "complete" {
		t.Errorf("seeded job: %s", r.raw)
	}
	r = c.do("POST", "/2/compliance/jobs", c.app(), map[string]any{"type": "users", "name": "my job"})
	wantStatus(t, r, 200)
	id := r.str("data", "id")
	if r.str("data", "status") != "created" || r.str("data", "upload_url") == "" || r.str("data", "name") != "my job" {
		t.Fatalf("create: %s", r.raw)
	}
	// One job of a type at a time.
	wantStatus(t, c.do("POST", "/2/compliance/jobs", c.app(), map[string]any{"type": "users"}), 409)
	// Upload ids while created.
	req := mustReq(t, "PUT", r.str("data", "upload_url"), "12\n"+NonexistentID+"\n")
	if res := c.send(req); res.status != 200 {
		t.Fatalf("upload: %d", res.status)
	}
	status := func() string {
		r := c.get("/2/compliance/jobs/"+id+"?compliance_job.fields=status", c.app())
		wantStatus(t, r, 200)
		if r.has("data", "download_url") {
			t.Errorf("field not asked for: %s", r.raw)
		}
		return r.str("data", "status")
	}
	if st := status(); st != "created" {
		t.Errorf("status %s", st)
	}
	clock.Advance(time.Minute)
	if st := status(); st != "in_progress" {
		t.Errorf("status %s", st)
	}
	r = c.get("/2/compliance/jobs?type=users&status=in_progress", c.app())
	if r.num("meta", "result_count") != 1 {
		t.Errorf("filter by status: %s", r.raw)
	}
	clock.Advance(4 * time.Minute)
	if st := status(); st != "complete" {
		t.Errorf("status %s", st)
	}
	r = c.get("/2/compliance/jobs/"+id, c.app())
	dl := c.send(mustReq(t, "GET", r.str("data", "download_url"), ""))
	if dl.status != 200 || string(dl.raw) == "" || !containsStr(string(dl.raw), NonexistentID) || containsStr(string(dl.raw), `"12"`) {
		t.Errorf("download: %d %s", dl.status, dl.raw)
	}
	wantStatus(t, c.get("/2/compliance/jobs/1234", c.app()), 404)
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/compliance/jobs", c2.app()), 400)
	wantStatus(t, c2.do("POST", "/2/compliance/jobs", c2.app(), map[string]any{"type": "spaces"}), 400)
	wantStatus(t, c2.get("/2/compliance/jobs?type=tweets", s2.UserToken(AliceID)), 403)
}

func TestSpaceTweetsAndBuyers(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/spaces/"+LiveSpaceID+"/tweets?tweet.fields=author_id&expansions=author_id,attachments.poll_ids", c.app())
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 3 || r.str("data", 0, "id") != PollTweetID || r.str("data", 2, "id") != ConversationRootID ||
		len(r.list("includes", "users")) != 2 || r.str("includes", "polls", 0, "id") != PollID {
		t.Errorf("Space Tweets: %s", r.raw)
	}
	r = c.get("/2/spaces/"+LiveSpaceID+"/tweets?max_results=1", c.app())
	if r.num("meta", "result_count") != 1 {
		t.Errorf("max_results: %s", r.raw)
	}
	// A deleted Tweet is no longer shared.
	wantStatus(t, c.do("DELETE", "/2/tweets/"+PollTweetID, s.UserToken(BobID), nil), 200)
	r = c.get("/2/spaces/"+LiveSpaceID+"/tweets", c.app())
	if r.num("meta", "result_count") != 2 {
		t.Errorf("after delete: %s", r.raw)
	}
	r = c.get("/2/spaces/"+ScheduledSpaceID+"/tweets", c.app())
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("no Tweets: %s", r.raw)
	}
	r = c.get("/2/spaces/zzzzzzzzzzzzz/tweets", c.app())
	if r.str("errors", 0, "resource_type") != "space" {
		t.Errorf("missing Space: %s", r.raw)
	}

	// Buyers: the creator only.
	r = c.get("/2/spaces/"+TicketedSpaceID+"/buyers?user.fields=username", s.UserToken(BobID))
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 3 || r.str("data", 0, "id") != DaveID || r.str("data", 2, "username") != "alice" {
		t.Errorf("buyers: %s", r.raw)
	}
	ids, pages := pageAll(t, c, "/2/spaces/"+TicketedSpaceID+"/buyers", s.UserToken(BobID), 2)
	if len(ids) != 3 || pages != 2 {
		t.Errorf("buyer pages: %v in %d", ids, pages)
	}
	r = c.get("/2/spaces/"+TicketedSpaceID+"/buyers", s.UserToken(AliceID))
	wantStatus(t, r, 403)
	r = c.get("/2/spaces/"+TicketedSpaceID+"/buyers", c.app())
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only buyers: %s", r.raw)
	}
	r = c.get("/2/spaces/"+TicketedSpaceID+"?space.fields=is_ticketed,creator_id", c.app())
	if r.at("data", "is_ticketed") != true || r.str("data", "creator_id") != BobID {
		t.Errorf("ticketed Space: %s", r.raw)
	}
	r = c.get("/2/spaces/"+LiveSpaceID+"/buyers", s.UserToken(AliceID))
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("buyers of a free Space: %s", r.raw)
	}
}

// A Space's expanded users come in one order, answer after answer: the creator, then the
// hosts, the invited users and the speakers, each user once.
func TestSpaceIncludesComeInOneOrder(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	path := "/2/spaces/" + LiveSpaceID + "?space.fields=host_ids,speaker_ids,invited_user_ids&expansions=creator_id,host_ids,invited_user_ids,speaker_ids"
	var first []string
	for i := range 20 {
		r := c.get(path, c.app())
		wantStatus(t, r, 200)
		var ids []string
		for j := range r.list("includes", "users") {
			ids = append(ids, r.str("includes", "users", j, "id"))
		}
		if i == 0 {
			first = ids
			if len(ids) < 2 {
				t.Fatalf("includes users %v: want the creator and the speakers", ids)
			}
			continue
		}
		if !slices.Equal(ids, first) {
			t.Fatalf("answer %d: includes users %v, first %v", i, ids, first)
		}
	}
}
