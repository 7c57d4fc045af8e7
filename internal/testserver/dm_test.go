package testserver

import (
	"slices"
	"testing"
	"time"
)

func eventIDs(events []DMEvent) []string {
	var ids []string
	for _, e := range events {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestDMEventsRead(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	r := c.get("/2/dm_events", alice)
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != AliceDMEventCount {
		t.Errorf("all events: %d", r.num("meta", "result_count"))
	}
	// Defaults: id, event_type and (for messages) text.
	if d := r.obj("data", 0); len(d) != 3 || d["event_type"] != "MessageCreate" || d["text"] != "See you at the Space" {
		t.Errorf("newest event: %v", d)
	}
	ids, pages := pageAll(t, c, "/2/dm_events", alice, 10)
	if !slices.Equal(ids, eventIDs(s.World().DMEvents(AliceID, ""))) || pages != 4 {
		t.Errorf("paged %d in %d", len(ids), pages)
	}

	// One-to-one with Bob: fields and every expansion.
	q := "?max_results=5&dm_event.fields=created_at,dm_conversation_id,sender_id,attachments,referenced_tweets,entities" +
		"&expansions=sender_id,referenced_tweets.id,attachments.media_keys&user.fields=username&media.fields=url&tweet.fields=author_id"
	r = c.get("/2/dm_conversations/with/"+BobID+"/dm_events"+q, alice)
	wantStatus(t, r, 200)
	var photo, link map[string]any
	for _, d := range r.list("data") {
		m := d.(map[string]any)
		if m["dm_conversation_id"] != AliceBobConversationID || m["created_at"] == nil || m["sender_id"] == nil {
			t.Errorf("event fields: %v", m)
		}
		if m["attachments"] != nil {
			photo = m
		}
		if m["referenced_tweets"] != nil {
			link = m
		}
	}
	if photo == nil || photo["sender_id"] != AliceID || asList(asMap(photo["attachments"])["media_keys"])[0] != DMPhotoMediaKey ||
		asList(photo["hashtags"]) == nil || asList(photo["mentions"]) == nil || asList(photo["cashtags"]) == nil {
		t.Errorf("message with a photo: %v", photo)
	}
	// The same entities also nested under "entities", as X's newest document has them.
	if ents := asMap(photo["entities"]); ents == nil || len(asList(ents["hashtags"])) != len(asList(photo["hashtags"])) ||
		len(asList(ents["mentions"])) != len(asList(photo["mentions"])) || len(asList(ents["cashtags"])) != len(asList(photo["cashtags"])) {
		t.Errorf("message entities: %v", photo["entities"])
	}
	if link == nil || asMap(asList(link["referenced_tweets"])[0])["id"] != MediaTweetID || asList(link["urls"]) == nil {
		t.Errorf("message with a link: %v", link)
	}
	if len(r.list("includes", "users")) != 2 || r.str("includes", "media", 0, "media_key") != DMPhotoMediaKey ||
		r.str("includes", "media", 0, "url") == "" || r.str("includes", "tweets", 0, "id") != MediaTweetID ||
		r.str("includes", "tweets", 0, "author_id") != AliceID {
		t.Errorf("includes: %s", r.raw)
	}
	ids, pages = pageAll(t, c, "/2/dm_conversations/with/"+BobID+"/dm_events", alice, 10)
	if len(ids) != AliceBobMessageCount || pages != 3 || !slices.Equal(ids, eventIDs(s.World().DMEvents(AliceID, AliceBobConversationID))) {
		t.Errorf("with Bob: %d in %d pages", len(ids), pages)
	}
	// Bob sees the same conversation from his side.
	r = c.get("/2/dm_conversations/"+AliceBobConversationID+"/dm_events?max_results=1", s.UserToken(BobID))
	if r.str("data", 0, "id") != ids[0] {
		t.Errorf("Bob's side: %s", r.raw)
	}

	// The group: joins and leaves, with participant_ids expanded.
	r = c.get("/2/dm_conversations/"+GroupConversationID+"/dm_events?event_types=ParticipantsJoin,ParticipantsLeave&dm_event.fields=participant_ids&expansions=participant_ids", alice)
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "event_type") != "ParticipantsLeave" ||
		r.str("data", 0, "participant_ids", 0) != DaveID || len(r.list("data", 1, "participant_ids")) != 3 ||
		len(r.list("includes", "users")) != 3 || r.has("data", 0, "text") {
		t.Errorf("group joins and leaves: %s", r.raw)
	}
	r = c.get("/2/dm_events?event_types=ParticipantsJoin", alice)
	if r.num("meta", "result_count") != 1 {
		t.Errorf("event_types on dm_events: %s", r.raw)
	}

	// Refusals: Dave left the group; a pair without the caller; an unknown group; oneself.
	wantStatus(t, c.get("/2/dm_conversations/"+GroupConversationID+"/dm_events", s.UserToken(DaveID)), 403)
	wantStatus(t, c.get("/2/dm_conversations/"+AliceBobConversationID+"/dm_events", s.UserToken(CarolID)), 403)
	wantStatus(t, c.get("/2/dm_conversations/"+NonexistentID+"0000000/dm_events", alice), 404)
	r = c.get("/2/dm_conversations/with/"+NonexistentID+"/dm_events", alice)
	if r.str("errors", 0, "resource_type") != "user" {
		t.Errorf("unknown participant: %s", r.raw)
	}
	r = c.get("/2/dm_conversations/with/"+DaveID+"/dm_events", alice)
	if r.status != 200 || r.num("meta", "result_count") != 0 || r.has("data") {
		t.Errorf("empty conversation: %s", r.raw)
	}
	wantStatus(t, c.get("/2/dm_events", s.UserToken(AliceID, "tweet.read", "users.read")), 403)
	r = c.get("/2/dm_events", c.app())
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only: %s", r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/dm_events?event_types=Typing", s2.UserToken(AliceID)), 400)
	wantStatus(t, c2.get("/2/dm_conversations/with/"+AliceID+"/dm_events", s2.UserToken(AliceID)), 400)
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func TestDMSend(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	carol := s.UserToken(CarolID)
	// To a participant: creates the one-to-one conversation.
	r := c.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", carol, map[string]any{"text": "Hi Dave #golang"})
	wantStatus(t, r, 201)
	conv, ev := r.str("data", "dm_conversation_id"), r.str("data", "dm_event_id")
	if conv != CarolID+"-"+DaveID || ev == "" {
		t.Fatalf("send: %s", r.raw)
	}
	if cv, ok := s.World().DMConversation(conv); !ok || cv.Group || !slices.Equal(cv.ParticipantIDs, []string{CarolID, DaveID}) {
		t.Errorf("conversation in world: %+v", cv)
	}
	r = c.get("/2/dm_events?max_results=1&dm_event.fields=sender_id,created_at,dm_conversation_id", s.UserToken(DaveID))
	if r.str("data", 0, "id") != ev || r.str("data", 0, "sender_id") != CarolID || r.str("data", 0, "created_at") != "2026-11-20T00:00:00.000Z" {
		t.Errorf("Dave's newest event: %s", r.raw)
	}
	// To the conversation, by id; newest first.
	clock.Advance(time.Minute)
	r = c.do("POST", "/2/dm_conversations/"+conv+"/messages", s.UserToken(DaveID), map[string]any{"text": "hello back"})
	wantStatus(t, r, 201)
	if evs := s.World().DMEvents(CarolID, conv); len(evs) != 2 || evs[0].ID != r.str("data", "dm_event_id") || evs[0].SenderID != DaveID {
		t.Errorf("conversation events: %+v", evs)
	}
	// The group: members may send, others not; an unknown group is a 404.
	wantStatus(t, c.do("POST", "/2/dm_conversations/"+GroupConversationID+"/messages", s.UserToken(BobID), map[string]any{"text": "hey group"}), 201)
	wantStatus(t, c.do("POST", "/2/dm_conversations/"+GroupConversationID+"/messages", s.UserToken(DaveID), map[string]any{"text": "let me in"}), 403)
	wantStatus(t, c.do("POST", "/2/dm_conversations/"+AliceBobConversationID+"/messages", carol, map[string]any{"text": "hi"}), 403)
	wantStatus(t, c.do("POST", "/2/dm_conversations/1234567890123456789/messages", carol, map[string]any{"text": "hi"}), 404)
	// Blocked: Alice blocks Mallory.
	r = c.do("POST", "/2/dm_conversations/with/"+AliceID+"/messages", s.UserToken(MalloryID), map[string]any{"text": "hi"})
	wantStatus(t, r, 403)
	if _, ok := s.World().DMConversation(pairID(AliceID, MalloryID)); ok {
		t.Errorf("a refused message made a conversation")
	}
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+CarolID+"/messages", carol, map[string]any{"text": "me"}), 400)
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+NonexistentID+"/messages", carol, map[string]any{"text": "nobody"}), 400)

	// With a photo uploaded for DMs; a Tweet photo does not do.
	dm := upload(t, c, carol, "image/png", "dm_image", []byte("png bytes"), 9, false)
	wantStatus(t, c.do("POST", "/2/media/upload/"+dm+"/finalize", carol, nil), 200)
	r = c.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", carol, map[string]any{"attachments": []map[string]string{{"media_id": dm}}})
	wantStatus(t, r, 201)
	r = c.get("/2/dm_conversations/"+conv+"/dm_events?max_results=1&dm_event.fields=attachments&expansions=attachments.media_keys", carol)
	if r.str("data", 0, "attachments", "media_keys", 0) != "3_"+dm || r.str("includes", "media", 0, "type") != "photo" || r.has("data", 0, "text") {
		t.Errorf("photo message: %s", r.raw)
	}
	tw := upload(t, c, carol, "image/png", "", []byte("png bytes"), 9, false)
	wantStatus(t, c.do("POST", "/2/media/upload/"+tw+"/finalize", carol, nil), 200)
	r = c.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", carol, map[string]any{"text": "x", "attachments": []map[string]string{{"media_id": tw}}})
	wantStatus(t, r, 400)

	r = c.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", c.app(), map[string]any{"text": "x"})
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", s.UserToken(CarolID, "dm.read", "tweet.read", "users.read"), map[string]any{"text": "x"}), 403)
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", s2.UserToken(CarolID), map[string]any{"text": ""}), 400)
	wantStatus(t, c2.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", s2.UserToken(CarolID), map[string]any{}), 400)
}

func TestDMGroupConversation(t *testing.T) {
	s := Start(t, WithInvalidRequestsAllowed())
	c := newTC(t, s)
	bob := s.UserToken(BobID)
	r := c.do("POST", "/2/dm_conversations", bob, map[string]any{"conversation_type": "Group",
		"participant_ids": []string{CarolID, JackID}, "message": map[string]any{"text": "Planning the launch"}})
	wantStatus(t, r, 201)
	conv, ev := r.str("data", "dm_conversation_id"), r.str("data", "dm_event_id")
	cv, ok := s.World().DMConversation(conv)
	if !ok || !cv.Group || !slices.Equal(cv.ParticipantIDs, []string{BobID, CarolID, JackID}) || len(conv) < 15 {
		t.Fatalf("group in world: %+v (%s)", cv, conv)
	}
	evs := s.World().DMEvents(JackID, conv)
	if len(evs) != 2 || evs[0].ID != ev || evs[0].Text != "Planning the launch" || evs[1].EventType != "ParticipantsJoin" ||
		!slices.Equal(evs[1].ParticipantIDs, []string{CarolID, JackID}) {
		t.Errorf("group events: %+v", evs)
	}
	r = c.get("/2/dm_events?max_results=2&dm_event.fields=dm_conversation_id,sender_id&expansions=sender_id", s.UserToken(JackID))
	if r.str("data", 0, "id") != ev || r.str("data", 0, "dm_conversation_id") != conv || r.str("includes", "users", 0, "id") != BobID {
		t.Errorf("Jack's events: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/dm_conversations/"+conv+"/messages", s.UserToken(JackID), map[string]any{"text": "count me in"}), 201)
	wantStatus(t, c.do("POST", "/2/dm_conversations/"+conv+"/messages", s.UserToken(AliceID), map[string]any{"text": "and me?"}), 403)

	before := len(s.World().DMEvents(CarolID, ""))
	body := func(ids ...string) map[string]any {
		return map[string]any{"conversation_type": "Group", "participant_ids": ids, "message": map[string]any{"text": "hi"}}
	}
	wantStatus(t, c.do("POST", "/2/dm_conversations", bob, body(CarolID)), 400)                             // fewer than two
	wantStatus(t, c.do("POST", "/2/dm_conversations", bob, body(CarolID, BobID)), 400)                      // oneself
	wantStatus(t, c.do("POST", "/2/dm_conversations", bob, body(CarolID, NonexistentID)), 400)              // nobody
	wantStatus(t, c.do("POST", "/2/dm_conversations", s.UserToken(MalloryID), body(AliceID, CarolID)), 403) // blocked
	r = c.do("POST", "/2/dm_conversations", bob, map[string]any{"conversation_type": "OneToOne", "participant_ids": []string{CarolID, JackID},
		"message": map[string]any{"text": "hi"}})
	wantStatus(t, r, 400)
	if after := len(s.World().DMEvents(CarolID, "")); after != before {
		t.Errorf("refused groups stored events: %d, then %d", before, after)
	}
}
