package testserver

import (
	"fmt"
	"time"
)

// AddDirectMessage adds a message to a direct-message conversation, as POST
// /2/dm_conversations/.../messages does: ConversationID is a group's id or the
// one-to-one id of the sender and another user ("smallerID-largerID", pairID), which it
// starts when new. SenderID (AliceID when zero) must take part; Text is required unless
// the message carries media (one of MediaKeys, the world's). A user who blocks the sender,
// or refuses their direct messages, does not get it. The ID and CreatedAt (the server
// clock) are the server's; it returns the event as stored.
func (s *Server) AddDirectMessage(e DMEvent) (DMEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	const op = "AddDirectMessage"
	if e.SenderID == "" {
		e.SenderID = AliceID
	}
	switch {
	case e.EventType != "" && e.EventType != "MessageCreate":
		return DMEvent{}, fmt.Errorf("testserver: %s: event type %q; a message is MessageCreate", op, e.EventType)
	case e.ID != "" || !e.CreatedAt.IsZero() || len(e.ParticipantIDs) > 0 || len(e.ReferencedTweetIDs) > 0:
		return DMEvent{}, fmt.Errorf("testserver: %s: ID, CreatedAt, ParticipantIDs and ReferencedTweetIDs are the server's to set", op)
	case e.Text == "" && len(e.MediaKeys) == 0:
		return DMEvent{}, fmt.Errorf("testserver: %s: a message has text or media", op)
	case len(e.MediaKeys) > 1:
		return DMEvent{}, fmt.Errorf("testserver: %s: a message carries one media, not %d", op, len(e.MediaKeys))
	}
	if err := s.w.knownUser(op, e.SenderID); err != nil {
		return DMEvent{}, err
	}
	if err := s.w.checkMediaKeys(op, e.MediaKeys); err != nil {
		return DMEvent{}, err
	}
	conv, err := s.w.seedConversation(op, e.ConversationID, e.SenderID)
	if err != nil {
		return DMEvent{}, err
	}
	for _, p := range conv.ParticipantIDs {
		if p != e.SenderID && contains(s.w.blocks[p], e.SenderID) {
			return DMEvent{}, fmt.Errorf("testserver: %s: user %q blocks the sender %q", op, p, e.SenderID)
		}
	}
	if pr := s.w.dmRefused(conv, e.SenderID); pr != nil {
		return DMEvent{}, fmt.Errorf("testserver: %s: %s", op, pr.Detail)
	}
	s.w.dms.convs[conv.ID] = conv
	stored := &DMEvent{EventType: "MessageCreate", ConversationID: conv.ID, SenderID: e.SenderID, Text: e.Text,
		MediaKeys: append([]string(nil), e.MediaKeys...), CreatedAt: s.clock.Now().UTC().Truncate(time.Millisecond)}
	s.w.addDMEvent(stored)
	return copyDMEvent(stored), nil
}

// seedConversation finds the conversation a message of sender goes to, or makes the
// one-to-one conversation of its id.
func (st *state) seedConversation(op, id, sender string) (*DMConversation, error) {
	if a, b, ok := splitPair(id); ok {
		other := a
		if a == sender {
			other = b
		} else if b != sender {
			return nil, fmt.Errorf("testserver: %s: the sender %q is not one of conversation %q", op, sender, id)
		}
		if err := st.knownUser(op, other); err != nil {
			return nil, err
		}
		if conv := st.dms.convs[id]; conv != nil {
			return conv, nil
		}
		return &DMConversation{ID: id, ParticipantIDs: []string{sender, other}}, nil
	}
	conv := st.dms.convs[id]
	switch {
	case conv == nil:
		return nil, fmt.Errorf("testserver: %s: no conversation %q (a one-to-one id is the two users' ids joined by -, the smaller first)", op, id)
	case !contains(conv.ParticipantIDs, sender):
		return nil, fmt.Errorf("testserver: %s: the sender %q is not in conversation %q", op, sender, id)
	}
	return conv, nil
}

// AddDMGroup starts a group conversation of creatorID with the others, as POST
// /2/dm_conversations does but without a first message: a ParticipantsJoin event dated
// now. The others, one or more, must be users, each once, and none block the creator.
// It returns the conversation.
func (s *Server) AddDMGroup(creatorID string, others []string) (DMConversation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	const op = "AddDMGroup"
	if err := s.w.knownUser(op, creatorID); err != nil {
		return DMConversation{}, err
	}
	if len(others) == 0 {
		return DMConversation{}, fmt.Errorf("testserver: %s: a group has others than its creator", op)
	}
	if err := s.w.knownUsers(op, "the others", others); err != nil {
		return DMConversation{}, err
	}
	for _, p := range others {
		switch {
		case p == creatorID:
			return DMConversation{}, fmt.Errorf("testserver: %s: the others do not include the creator %q", op, creatorID)
		case contains(s.w.blocks[p], creatorID):
			return DMConversation{}, fmt.Errorf("testserver: %s: user %q blocks the creator %q", op, p, creatorID)
		}
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	conv := &DMConversation{ID: s.w.newGroupID(now), Group: true, ParticipantIDs: append([]string{creatorID}, others...)}
	s.w.dms.convs[conv.ID] = conv
	s.w.addDMEvent(&DMEvent{EventType: "ParticipantsJoin", ConversationID: conv.ID, ParticipantIDs: append([]string(nil), others...), CreatedAt: now})
	out := *conv
	out.ParticipantIDs = append([]string(nil), conv.ParticipantIDs...)
	return out, nil
}

// copyDMEvent copies an event with its lists.
func copyDMEvent(e *DMEvent) DMEvent {
	out := *e
	out.ParticipantIDs = append([]string(nil), e.ParticipantIDs...)
	out.MediaKeys = append([]string(nil), e.MediaKeys...)
	out.ReferencedTweetIDs = append([]string(nil), e.ReferencedTweetIDs...)
	return out
}
