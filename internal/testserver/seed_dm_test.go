package testserver

import "testing"

func TestAddDirectMessageStartsTheConversationTheAPIUses(t *testing.T) {
	s := Start(t)
	id := pairID(DaveID, CarolID)
	if _, err := s.AddDirectMessage(DMEvent{SenderID: DaveID, ConversationID: id, Text: "hi Carol"}); err != nil {
		t.Fatal(err)
	}
	conv, ok := s.World().DMConversation(id)
	if !ok || conv.Group || len(conv.ParticipantIDs) != 2 {
		t.Fatalf("the conversation: %+v, %v", conv, ok)
	}
	res := newTC(t, s).do("POST", "/2/dm_conversations/with/"+DaveID+"/messages", s.UserToken(CarolID), map[string]any{"text": "hi Dave"})
	wantStatus(t, res, 201)
	if got := res.str("data", "dm_conversation_id"); got != id {
		t.Errorf("Carol's answer went to %q, want %q", got, id)
	}
	if evs := s.World().DMEvents(DaveID, id); len(evs) != 2 || evs[1].Text != "hi Carol" {
		t.Errorf("the conversation's events %+v", evs)
	}
	wantStatus(t, newTC(t, s).do("POST", "/2/users/"+DaveID+"/dm/block", s.UserToken(CarolID), nil), 200)
	if _, err := s.AddDirectMessage(DMEvent{SenderID: DaveID, ConversationID: id, Text: "again"}); err == nil {
		t.Error("a message to a user who refuses the sender's direct messages")
	}
}
