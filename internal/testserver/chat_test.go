package testserver

import (
	"net/http"
	"slices"
	"testing"
)

func TestChatConversations(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)

	// Alice's three, most recently active first, one a page.
	want := []string{ChatAliceBobID, ChatGroupID, ChatAliceCarolID}
	if got := s.World().ChatConversationIDs(AliceID); !slices.Equal(got, want) {
		t.Fatalf("seed: %v", got)
	}
	var got []string
	next := ""
	for range 5 {
		q := "/2/chat/conversations?max_results=1"
		if next != "" {
			q += "&pagination_token=" + next
		}
		r := c.get(q, alice)
		wantStatus(t, r, http.StatusOK)
		got = append(got, r.str("data", 0, "id"))
		if r.str("data", 0, "type") == "" || r.has("data", 0, "created_at") {
			t.Errorf("default fields: %s", r.raw)
		}
		if next = r.str("meta", "next_token"); next == "" {
			break
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages: %v, want %v", got, want)
	}

	// Fields and expansions: the group's admins and members, their users in includes.
	r := c.get("/2/chat/conversations/"+ChatGroupID+"?chat_conversation.fields=group_name,created_at,is_muted&expansions=admin_ids,member_ids&user.fields=username", s.UserToken(BobID))
	wantStatus(t, r, http.StatusOK)
	if r.str("data", "type") != "" || r.str("data", "group_name") != ChatGroupName || r.str("data", "admin_ids", 0) != AliceID ||
		len(r.list("data", "member_ids")) != 3 || len(r.list("includes", "users")) != 3 || r.str("includes", "users", 0, "username") == "" ||
		r.has("data", "participant_ids") {
		t.Errorf("group: %s", r.raw)
	}
	// Carol muted her conversation with Alice; either id form works, and her user id alone too.
	for _, id := range []string{ChatAliceCarolID, AliceID} {
		r = c.get("/2/chat/conversations/"+id+"?chat_conversation.fields=is_muted,message_ttl_ms", s.UserToken(CarolID))
		if r.str("data", "id") != ChatAliceCarolID || r.at("data", "is_muted") != true || r.num("data", "message_ttl_ms") != 86400000 {
			t.Errorf("%s: %s", id, r.raw)
		}
	}
	// Dave takes part in none: the group does not exist for him.
	r = c.get("/2/chat/conversations/"+ChatGroupID, s.UserToken(DaveID))
	if r.status != http.StatusOK || r.has("data") || r.str("errors", 0, "resource_type") != "chat_conversation" {
		t.Errorf("outsider: %s", r.raw)
	}
	r = c.get("/2/chat/conversations", s.UserToken(DaveID))
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("Dave's list: %s", r.raw)
	}
	wantStatus(t, c.get("/2/chat/conversations", s.UserToken(AliceID, "users.read")), http.StatusForbidden)
	wantStatus(t, c.get("/2/chat/conversations?pagination_token=zzz", alice), http.StatusBadRequest)
}
