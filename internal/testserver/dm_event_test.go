package testserver

import (
	"slices"
	"testing"
)

// dmEventWith finds a seeded event of a conversation, sent by sender ("" for any) and
// of the given type.
func dmEventWith(t *testing.T, s *Server, viewer, conv, sender, typ string) DMEvent {
	t.Helper()
	for _, e := range s.World().DMEvents(viewer, conv) {
		if e.EventType == typ && (sender == "" || e.SenderID == sender) {
			return e
		}
	}
	t.Fatalf("no %s event by %q in %s", typ, sender, conv)
	return DMEvent{}
}

func TestDMEventLookup(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	var photo DMEvent
	for _, e := range s.World().DMEvents(AliceID, AliceBobConversationID) {
		if len(e.MediaKeys) > 0 {
			photo = e
		}
	}
	r := c.get("/2/dm_events/"+photo.ID+"?dm_event.fields=sender_id,dm_conversation_id,attachments,created_at&expansions=sender_id,attachments.media_keys&media.fields=url", alice)
	wantStatus(t, r, 200)
	if r.str("data", "id") != photo.ID || r.str("data", "text") != photo.Text || r.str("data", "sender_id") != photo.SenderID ||
		r.str("data", "dm_conversation_id") != AliceBobConversationID || r.str("data", "attachments", "media_keys", 0) != DMPhotoMediaKey ||
		r.str("includes", "users", 0, "id") != photo.SenderID || r.str("includes", "media", 0, "url") == "" {
		t.Errorf("photo event: %s", r.raw)
	}
	// Defaults only: id, event_type, text.
	r = c.get("/2/dm_events/"+photo.ID, s.UserToken(BobID, "dm.read", "tweet.read", "users.read"))
	if d := r.obj("data"); len(d) != 3 || d["event_type"] != "MessageCreate" {
		t.Errorf("defaults: %s", r.raw)
	}
	// A join event of the group.
	join := dmEventWith(t, s, CarolID, GroupConversationID, "", "ParticipantsJoin")
	r = c.get("/2/dm_events/"+join.ID+"?dm_event.fields=participant_ids", s.UserToken(CarolID))
	if r.str("data", "event_type") != "ParticipantsJoin" || len(r.list("data", "participant_ids")) != 3 {
		t.Errorf("join: %s", r.raw)
	}
	// Carol is not in Alice and Bob's conversation: not found, as is an id nobody has.
	for _, id := range []string{photo.ID, NonexistentID} {
		r = c.get("/2/dm_events/"+id, s.UserToken(CarolID))
		wantStatus(t, r, 200)
		if r.has("data") || r.str("errors", 0, "type") != problemBase+"resource-not-found" || r.str("errors", 0, "resource_id") != id {
			t.Errorf("%s for Carol: %s", id, r.raw)
		}
	}
	r = c.get("/2/dm_events/"+photo.ID, c.app())
	wantStatus(t, r, 403)
	r = c.get("/2/dm_events/"+photo.ID, s.UserToken(AliceID, "tweet.read", "users.read"))
	wantStatus(t, r, 403)
}

func TestDMEventDelete(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	mine := dmEventWith(t, s, AliceID, AliceBobConversationID, AliceID, "MessageCreate")
	bobs := dmEventWith(t, s, AliceID, AliceBobConversationID, BobID, "MessageCreate")
	join := dmEventWith(t, s, AliceID, GroupConversationID, "", "ParticipantsJoin")
	before := len(s.World().DMEvents(AliceID, ""))

	// Someone else's message, a join event, a message Carol cannot see: refused or unknown.
	wantStatus(t, c.do("DELETE", "/2/dm_events/"+bobs.ID, alice, nil), 403)
	wantStatus(t, c.do("DELETE", "/2/dm_events/"+join.ID, alice, nil), 403)
	wantStatus(t, c.do("DELETE", "/2/dm_events/"+mine.ID, s.UserToken(CarolID), nil), 404)
	wantStatus(t, c.do("DELETE", "/2/dm_events/"+mine.ID, s.UserToken(AliceID, "dm.read"), nil), 403)
	if _, ok := s.World().DMEvent(mine.ID); !ok {
		t.Fatal("a refused delete removed the event")
	}

	r := c.do("DELETE", "/2/dm_events/"+mine.ID, s.UserToken(AliceID, "dm.read", "dm.write"), nil)
	wantStatus(t, r, 200)
	if r.obj("data")["deleted"] != true {
		t.Errorf("delete: %s", r.raw)
	}
	if _, ok := s.World().DMEvent(mine.ID); ok {
		t.Error("deleted event still in the world")
	}
	// Gone for both participants, from lookups and lists; a second delete is a 404.
	for _, who := range []string{AliceID, BobID} {
		r = c.get("/2/dm_events/"+mine.ID, s.UserToken(who))
		if r.has("data") || r.str("errors", 0, "type") != problemBase+"resource-not-found" {
			t.Errorf("lookup after delete as %s: %s", who, r.raw)
		}
		if ids := eventIDs(s.World().DMEvents(who, AliceBobConversationID)); slices.Contains(ids, mine.ID) {
			t.Errorf("%s still lists the event", who)
		}
	}
	r = c.get("/2/dm_conversations/"+AliceBobConversationID+"/dm_events?max_results=100", alice)
	if r.num("meta", "result_count") != AliceBobMessageCount-1 {
		t.Errorf("conversation after delete: %d events", r.num("meta", "result_count"))
	}
	if n := len(s.World().DMEvents(AliceID, "")); n != before-1 {
		t.Errorf("Alice sees %d events, want %d", n, before-1)
	}
	wantStatus(t, c.do("DELETE", "/2/dm_events/"+mine.ID, alice, nil), 404)
}
