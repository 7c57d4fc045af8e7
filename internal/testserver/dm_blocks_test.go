package testserver

import (
	"net/http"
	"slices"
	"testing"
)

func TestDMBlocks(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	bob, alice := s.UserToken(BobID), s.UserToken(AliceID)
	msg := map[string]string{"text": "hi"}
	if got := s.World().DMBlockedIDs(DaveID); !slices.Equal(got, []string{MalloryID}) {
		t.Fatalf("seeded DM blocks of Dave: %v", got)
	}
	// Mallory cannot write to Dave; Dave can still write to Mallory.
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", s.UserToken(MalloryID), msg), http.StatusForbidden)
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+MalloryID+"/messages", s.UserToken(DaveID), msg), http.StatusCreated)

	// Bob refuses Alice's messages: hers to him fail, in their conversation by id too,
	// his to her still go, and the follows are untouched.
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+BobID+"/messages", alice, msg), http.StatusCreated)
	r := c.do("POST", "/2/users/"+AliceID+"/dm/block", bob, nil)
	wantStatus(t, r, http.StatusOK)
	if r.at("data", "blocked") != true || !slices.Equal(s.World().DMBlockedIDs(BobID), []string{AliceID}) {
		t.Fatalf("block: %s; world %v", r.raw, s.World().DMBlockedIDs(BobID))
	}
	wantStatus(t, c.do("POST", "/2/users/"+AliceID+"/dm/block", bob, nil), http.StatusOK) // again: no duplicate
	if got := s.World().DMBlockedIDs(BobID); len(got) != 1 {
		t.Errorf("blocking twice: %v", got)
	}
	if !slices.Contains(s.World().FollowingIDs(AliceID), BobID) {
		t.Error("a DM block ended a follow")
	}
	r = c.do("POST", "/2/dm_conversations/with/"+BobID+"/messages", alice, msg)
	wantStatus(t, r, http.StatusForbidden)
	wantStatus(t, c.do("POST", "/2/dm_conversations/"+AliceBobConversationID+"/messages", alice, msg), http.StatusForbidden)
	wantStatus(t, c.do("POST", "/2/dm_conversations/"+GroupConversationID+"/messages", alice, msg), http.StatusCreated)
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+AliceID+"/messages", bob, msg), http.StatusCreated)

	r = c.do("POST", "/2/users/"+AliceID+"/dm/unblock", bob, nil)
	wantStatus(t, r, http.StatusOK)
	if r.at("data", "blocked") != false || len(s.World().DMBlockedIDs(BobID)) != 0 {
		t.Fatalf("unblock: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/dm_conversations/with/"+BobID+"/messages", alice, msg), http.StatusCreated)

	// Errors: yourself, nobody, the wrong scopes, an app token.
	wantStatus(t, c.do("POST", "/2/users/"+BobID+"/dm/block", bob, nil), http.StatusBadRequest)
	r = c.do("POST", "/2/users/"+NonexistentID+"/dm/block", bob, nil)
	wantStatus(t, r, http.StatusOK)
	if r.at("data", "blocked") != false || r.str("errors", 0, "resource_id") != NonexistentID {
		t.Errorf("unknown user: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/users/"+AliceID+"/dm/block", s.UserToken(BobID, "dm.read", "tweet.read", "users.read"), nil), http.StatusForbidden)
	wantStatus(t, c.do("POST", "/2/users/"+AliceID+"/dm/block", c.app(), nil), http.StatusForbidden)
}
