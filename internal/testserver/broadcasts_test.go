package testserver

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestBroadcasts(t *testing.T) {
	mc := NewManualClock(time.Time{})
	s := Start(t, WithClock(mc))
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	ms := func(d time.Duration) string { return strconv.FormatInt(mc.Now().Add(d).UnixMilli(), 10) }

	r := c.get("/2/broadcasts?broadcast.fields=id,state,share_url,width", alice)
	wantStatus(t, r, http.StatusOK)
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "id") != AliceLiveBroadcastID || r.num("data", 0, "width") != 1280 ||
		r.str("data", 0, "share_url") == "" || r.has("data", 0, "title") {
		t.Errorf("broadcasts: %s", r.raw)
	}
	// ids go with neither a page size nor a token.
	wantStatus(t, c.get("/2/broadcasts?ids="+AliceLiveBroadcastID+"&max_results=5", alice), http.StatusBadRequest)
	if r := c.get("/2/broadcasts?ids="+AliceLiveBroadcastID+","+AliceScheduledBroadcastID, alice); r.num("meta", "result_count") != 1 ||
		r.str("errors", 0, "resource_id") != AliceScheduledBroadcastID {
		t.Errorf("lookup: %s", r.raw)
	}

	// A schedule starting in an hour, for two: it starts by itself and ends on the clock.
	body := map[string]any{"source_id": "rtmp-2", "scheduled_start_ms": ms(time.Hour), "scheduled_end_ms": ms(2 * time.Hour),
		"title": "Q&A", "chat_option": "2", "recurrence": map[string]any{"frequency": "Daily", "repeats": "2"}}
	r = c.do(http.MethodPost, "/2/broadcasts/scheduled", alice, body)
	wantStatus(t, r, http.StatusCreated)
	id := r.str("data", "broadcast_id")
	if len(id) != 13 || r.str("data", "state") != "Scheduled" || r.str("data", "chat_option") != "2" || r.str("data", "recurring_schedule_id") == "" {
		t.Errorf("created: %s", r.raw)
	}
	// The window of the schedules list takes RFC 3339 or milliseconds.
	if r := c.get("/2/broadcasts/scheduled?oldest_start_time="+ms(30*time.Minute)+"&newest_start_time="+mc.Now().Add(90*time.Minute).Format(time.RFC3339), alice); r.num("meta", "result_count") != 1 ||
		r.str("data", 0, "broadcast_id") != id {
		t.Errorf("window: %s", r.raw)
	}
	wantStatus(t, c.get("/2/broadcasts/scheduled?oldest_start_time=yesterday", alice), http.StatusBadRequest)
	mc.Advance(90 * time.Minute)
	if r := c.get("/2/broadcasts/"+id+"?broadcast.fields=state,start_ms", alice); r.str("data", "state") != "Running" || r.str("data", "start_ms") == "" {
		t.Errorf("at its time: %s", r.raw)
	}
	mc.Advance(time.Hour)
	if r := c.get("/2/broadcasts/scheduled/"+id, alice); r.str("data", "state") != "Ended" {
		t.Errorf("after its end: %s", r.raw)
	}
	if r := c.get("/2/broadcasts/scheduled", alice); r.num("meta", "result_count") != 1 {
		t.Errorf("an ended schedule is still listed: %s", r.raw)
	}

	// Changing the broadcasts takes broadcast.write; the schedules are the owner's.
	wantStatus(t, c.do(http.MethodPost, "/2/broadcasts/scheduled", s.UserToken(AliceID, "broadcast.read", "users.read"), body), http.StatusForbidden)
	wantStatus(t, c.do(http.MethodPost, "/2/broadcasts/scheduled/"+AliceScheduledBroadcastID+"/live", s.UserToken(BobID), nil), http.StatusNotFound)
	wantStatus(t, c.do(http.MethodDelete, "/2/broadcasts/scheduled/"+AliceScheduledBroadcastID, s.UserToken(BobID), nil), http.StatusNotFound)
	if v := s.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

func TestBroadcastChat(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice, bob := s.UserToken(AliceID), s.UserToken(BobID)
	chat := "/2/broadcasts/" + AliceLiveBroadcastID + "/chat"

	for i := range 4 {
		wantStatus(t, c.do(http.MethodPost, chat, bob, map[string]any{"text": "message " + strconv.Itoa(i)}), http.StatusOK)
	}
	// Newest first, two a page; the token is the last id shown.
	r := c.get(chat+"?max_results=2", alice)
	next := r.str("meta", "next_token")
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "text") != "message 3" || next != r.str("data", 1, "id") || r.has("data", 0, "author_name") ||
		r.str("data", 0, "author_id") != BobID {
		t.Fatalf("first page: %s", r.raw)
	}
	seen := 2
	for next != "" {
		r = c.get(chat+"?max_results=2&pagination_token="+next, alice)
		wantStatus(t, r, http.StatusOK)
		seen += r.num("meta", "result_count")
		next = r.str("meta", "next_token")
	}
	if seen != 4+len(BroadcastChatSeed()) {
		t.Errorf("paged through %d messages", seen)
	}
	wantStatus(t, c.get(chat+"?pagination_token=abc", alice), http.StatusBadRequest)
	// A broadcast yet to start has no chat.
	wantStatus(t, c.do(http.MethodPost, "/2/broadcasts/"+AliceScheduledBroadcastID+"/chat", bob, map[string]any{"text": "early"}), http.StatusNotFound)
	// Chatting takes broadcast.write.
	wantStatus(t, c.do(http.MethodPost, chat, s.UserToken(BobID, "broadcast.read", "users.read"), map[string]any{"text": "read-only"}), http.StatusForbidden)

	// A lasting mute, until lifted.
	wantStatus(t, c.do(http.MethodPost, chat+"/mutes", alice, map[string]any{"user_id": BobID}), http.StatusOK)
	wantStatus(t, c.do(http.MethodPost, chat, bob, map[string]any{"text": "muted?"}), http.StatusForbidden)
	if b, _ := s.World().Broadcast(AliceLiveBroadcastID); !b.Mutes[BobID].IsZero() || len(b.Mutes) != 1 {
		t.Errorf("mutes: %v", b.Mutes)
	}
	r = c.do(http.MethodDelete, chat+"/mutes/"+BobID, alice, nil)
	if r.status != http.StatusOK || r.at("data", "muted") != false {
		t.Errorf("unmute: %s", r.raw)
	}
	wantStatus(t, c.do(http.MethodPost, chat, bob, map[string]any{"text": "free"}), http.StatusOK)
	wantStatus(t, c.do(http.MethodDelete, chat+"/"+NonexistentID, alice, nil), http.StatusNotFound)
	if v := s.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}
