package testserver

import (
	"net/http"
	"slices"
	"testing"
)

func wrapped(users ...string) []any {
	var out []any
	for _, u := range users {
		out = append(out, map[string]any{"user_id": u, "encrypted_conversation_key": "a2V5IGZvciA=" + u, "public_key_version": "1"})
	}
	return out
}

func TestChatGroups(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	bob, carol := s.UserToken(BobID), s.UserToken(CarolID)

	// Bob reserves an id and creates the group under it, once.
	r := c.do(http.MethodPost, "/2/chat/conversations/group/initialize", s.UserToken(BobID, "dm.write"), nil)
	id := r.str("data", "conversation_id")
	if r.status != http.StatusOK || len(id) < 2 || id[0] != 'g' {
		t.Fatalf("initialize: %s", r.raw)
	}
	create := func(who string, body map[string]any) resp {
		return c.do(http.MethodPost, "/2/chat/conversations/group", who, body)
	}
	group := map[string]any{"conversation_id": id, "conversation_key_version": "1", "group_name": "Bob's",
		"group_members": []string{CarolID}, "conversation_participant_keys": wrapped(BobID, CarolID),
		"action_signatures": []any{chatSig("Z3JvdXA=")}, "ttl_msec": "60000"}
	wantStatus(t, create(carol, group), http.StatusBadRequest) // not Carol's id
	r = create(bob, group)
	if r.status != http.StatusCreated || r.str("data", "conversation_id") != id || r.str("data", "conversation_key_change_sequence_id") == "" {
		t.Fatalf("create: %s", r.raw)
	}
	wantStatus(t, create(bob, group), http.StatusBadRequest) // exists now
	cv, ok := s.World().ChatConversation(id)
	if !ok || !cv.Group || !slices.Equal(cv.Members, []string{BobID, CarolID}) || !slices.Equal(cv.Admins, []string{BobID}) || cv.MessageTTL != 60000 {
		t.Errorf("world: %+v", cv)
	}
	if keys := s.World().ChatKeys(id); len(keys) != 2 || keys[1].UserID != CarolID || keys[1].Version != "1" {
		t.Errorf("keys: %+v", keys)
	}
	if r = c.get("/2/chat/conversations/"+id+"/events?chat_message_event.fields=encoded_event", carol); r.str("data", 0, "encoded_event") != "Z3JvdXA=" {
		t.Errorf("key change event: %s", r.raw)
	}
	// A key not wrapped for every member, or a group without signatures, is refused.
	r2 := c.do(http.MethodPost, "/2/chat/conversations/group/initialize", bob, nil)
	bad := map[string]any{"conversation_id": r2.str("data", "conversation_id"), "conversation_key_version": "1",
		"group_members": []string{CarolID}, "conversation_participant_keys": wrapped(BobID), "action_signatures": []any{chatSig("eA==")}}
	wantStatus(t, create(bob, bad), http.StatusBadRequest)
	bad["conversation_participant_keys"], bad["action_signatures"] = wrapped(BobID, CarolID), []any{}
	wantStatus(t, create(bob, bad), http.StatusBadRequest)

	// Members: only an admin adds them, new ones only.
	add := func(who string, users ...string) resp {
		return c.do(http.MethodPost, "/2/chat/conversations/"+id+"/members", who,
			map[string]any{"user_ids": users, "conversation_key_version": "1", "conversation_participant_keys": wrapped(users...),
				"action_signatures": []any{chatSig("bWVtYmVycw==")}})
	}
	wantStatus(t, add(carol, DaveID), http.StatusForbidden)
	wantStatus(t, add(bob, CarolID), http.StatusBadRequest)
	if r = add(bob, DaveID); r.status != http.StatusOK || r.str("data", "conversation_id") != id || r.str("data", "sequence_id") == "" {
		t.Fatalf("add members: %s", r.raw)
	}
	if cv, _ = s.World().ChatConversation(id); !slices.Contains(cv.Members, DaveID) {
		t.Errorf("Dave is not a member: %+v", cv)
	}
	wantStatus(t, c.do(http.MethodPost, "/2/chat/conversations/"+ChatAliceBobID+"/members", bob,
		map[string]any{"user_ids": []string{DaveID}, "action_signatures": []any{chatSig("eA==")}}), http.StatusBadRequest) // not a group

	// Keys: a newer version for everyone; an older one is refused.
	keys := func(who, conv, version string, users ...string) resp {
		return c.do(http.MethodPost, "/2/chat/conversations/"+conv+"/keys", who, map[string]any{"conversation_key_version": version,
			"conversation_participant_keys": wrapped(users...), "action_signatures": []any{chatSig("a2V5")}})
	}
	if r = keys(carol, id, "2", BobID, CarolID, DaveID); r.status != http.StatusOK || r.str("data", "conversation_id") != id {
		t.Errorf("rotate: %s", r.raw)
	}
	wantStatus(t, keys(carol, id, "2", BobID, CarolID, DaveID), http.StatusBadRequest)
	wantStatus(t, keys(carol, id, "3", BobID, CarolID), http.StatusBadRequest) // Dave left out
	// Given a user id, the first key sets up the one-to-one conversation.
	r = keys(carol, DaveID, "1", CarolID, DaveID)
	if r.status != http.StatusOK || r.str("data", "conversation_id") != CarolID+"-"+DaveID {
		t.Fatalf("new one to one: %s", r.raw)
	}
	if ids := s.World().ChatConversationIDs(DaveID); !slices.Contains(ids, CarolID+"-"+DaveID) {
		t.Errorf("Dave's conversations: %v", ids)
	}
	wantStatus(t, keys(carol, NonexistentID, "1", CarolID), http.StatusNotFound)
	wantStatus(t, keys(s.UserToken(DaveID), ChatAliceBobID, "5", AliceID, BobID), http.StatusNotFound)
}

// A conversation read from the World is a copy: changing it changes nothing the server
// holds.
func TestChatConversationIsACopy(t *testing.T) {
	s := Start(t)
	ids := s.World().ChatConversationIDs(AliceID)
	if len(ids) == 0 {
		t.Fatal("alice takes part in no conversation")
	}
	cv, _ := s.World().ChatConversation(ids[0])
	cv.Muted["intruder"] = true
	if again, _ := s.World().ChatConversation(ids[0]); again.Muted["intruder"] {
		t.Error("the server's mute set changed through a copy")
	}
}
