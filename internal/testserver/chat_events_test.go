package testserver

import (
	"net/http"
	"testing"
)

// chatSig is an action signature of the form X's document asks for.
func chatSig(detail string) map[string]any {
	return map[string]any{"message_id": "sig-" + detail, "encoded_message_event_detail": detail,
		"message_event_signature": map[string]any{"signature": "c2ln", "public_key_version": "1", "signature_version": "1"}}
}

func TestChatEvents(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice, bob := s.UserToken(AliceID), s.UserToken(BobID)
	events := "/2/chat/conversations/" + ChatAliceBobID + "/events"

	// Newest first: three messages, then the key change, which meta lists too.
	r := c.get(events+"?chat_message_event.fields=id,sender_id,encoded_event,previous_id,created_at", bob)
	wantStatus(t, r, http.StatusOK)
	if len(r.list("data")) != 4 || r.str("data", 0, "encoded_event") != ChatSeedMessage(ChatAliceBobID, 3) ||
		r.str("data", 0, "sender_id") != AliceID || r.str("data", 0, "previous_id") != r.str("data", 1, "id") ||
		len(r.list("meta", "conversation_key_events")) != 1 || r.has("data", 3, "previous_id") {
		t.Errorf("events: %s", r.raw)
	}
	// Defaults: id and encoded_event; pages of two.
	r = c.get(events+"?max_results=2", alice)
	if len(r.list("data")) != 2 || r.has("data", 0, "sender_id") || r.str("data", 0, "encoded_event") == "" || !r.at("meta", "has_more").(bool) {
		t.Errorf("page: %s", r.raw)
	}
	next := r.str("meta", "next_token")
	if r = c.get(events+"?max_results=2&pagination_token="+next, alice); len(r.list("data")) != 2 || r.has("meta", "next_token") {
		t.Errorf("second page: %s", r.raw)
	}
	// A token is the user's own and the conversation's.
	wantStatus(t, c.get(events+"?pagination_token="+next, bob), http.StatusBadRequest)

	// Send, and send again: one message. Other content under the same id is refused.
	send := func(who string, id, content string) resp {
		return c.do(http.MethodPost, "/2/chat/conversations/"+ChatAliceBobID+"/messages", who,
			map[string]any{"message_id": id, "encoded_message_create_event": content, "encoded_message_event_signature": "c2ln"})
	}
	for range 2 {
		r = send(bob, "m-1", "Y2lwaGVy")
		if r.status != http.StatusCreated || r.str("data", "encoded_message_event") != "Y2lwaGVy" {
			t.Fatalf("send: %s", r.raw)
		}
	}
	wantStatus(t, send(bob, "m-1", "b3RoZXI="), http.StatusBadRequest)
	all := s.World().ChatEvents(ChatAliceBobID)
	sent := all[len(all)-1]
	if len(all) != 5 || sent.SenderID != BobID || sent.MessageID != "m-1" || sent.Encoded != "Y2lwaGVy" {
		t.Fatalf("world after send: %d events, last %+v", len(all), sent)
	}
	r = c.get(events+"?chat_message_event.fields=id,is_trusted,message_event_signature", alice)
	if r.str("data", 0, "id") != sent.ID || r.at("data", 0, "is_trusted") != true || r.str("data", 0, "message_event_signature", "signature") != "c2ln" {
		t.Errorf("sent message: %s", r.raw)
	}

	// Read up to Bob's message; an unknown sequence id is refused.
	read := func(who, seq string) resp {
		return c.do(http.MethodPost, "/2/chat/conversations/"+ChatAliceBobID+"/read", who, map[string]any{"seen_until_sequence_id": seq})
	}
	if r = read(alice, sent.ID); r.status != http.StatusOK || r.at("data", "success") != true || s.World().ChatReadUntil(ChatAliceBobID, AliceID) != sent.ID {
		t.Errorf("read: %s", r.raw)
	}
	wantStatus(t, read(alice, "42"), http.StatusBadRequest)
	// Typing adds an event too.
	if r = c.do(http.MethodPost, "/2/chat/conversations/"+ChatAliceBobID+"/typing", bob, nil); r.at("data", "success") != true {
		t.Errorf("typing: %s", r.raw)
	}
	all = s.World().ChatEvents(ChatAliceBobID)
	if len(all) != 7 || all[5].Kind != "read" || all[6].Kind != "typing" || all[6].SenderID != BobID {
		t.Errorf("world after read and typing: %+v", all[5:])
	}

	// Deleting: Alice cannot delete Bob's message for everyone, only for herself.
	del := func(who, action string, ids ...string) resp {
		return c.do(http.MethodPost, "/2/chat/conversations/"+ChatAliceBobID+"/messages/delete", who,
			map[string]any{"sequence_ids": ids, "delete_message_action": action, "action_signatures": []any{chatSig("ZGVs")}})
	}
	wantStatus(t, del(alice, "delete_for_all", sent.ID), http.StatusForbidden)
	if r = del(alice, "delete_for_self", sent.ID); r.at("data", "deleted") != true {
		t.Fatalf("delete for self: %s", r.raw)
	}
	count := func(who string) int {
		n := 0
		for _, e := range c.get(events+"?max_results=100&chat_message_event.fields=id", who).list("data") {
			if e.(map[string]any)["id"] == sent.ID {
				n++
			}
		}
		return n
	}
	if count(alice) != 0 || count(bob) != 1 {
		t.Errorf("deleted for Alice only: Alice sees %d, Bob %d", count(alice), count(bob))
	}
	if r = del(bob, "delete_for_all", sent.ID); r.status != http.StatusOK || count(bob) != 0 {
		t.Errorf("delete for all: %s", r.raw)
	}
	wantStatus(t, del(bob, "delete_for_all", sent.ID), http.StatusBadRequest) // already gone

	// Carol is not in it: the conversation does not exist for her.
	carol := s.UserToken(CarolID)
	r = c.get(events, carol)
	if r.has("data") || r.str("errors", 0, "resource_id") != ChatAliceBobID {
		t.Errorf("outsider's events: %s", r.raw)
	}
	wantStatus(t, send(carol, "m-2", "eA=="), http.StatusNotFound)
	wantStatus(t, c.do(http.MethodPost, "/2/chat/conversations/"+ChatAliceBobID+"/typing", carol, nil), http.StatusNotFound)
	wantStatus(t, read(carol, sent.ID), http.StatusNotFound)
}
