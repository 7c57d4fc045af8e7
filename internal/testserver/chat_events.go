package testserver

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Events of chat conversations (GET /2/chat/conversations/{id}/events) and the changes
// that add to them: messages sent (POST .../messages), deleted (POST .../messages/delete),
// read marks (POST .../read) and typing indicators (POST .../typing); key and member
// changes are in chat_groups.go.
//
// Every event gets a sequence id, increasing in the conversation, and names the one before
// it (previous_id). Events are listed newest first, with every key change of the
// conversation in meta.conversation_key_events. A message's encoded_event is what its
// sender sent (encoded_message_create_event), byte for byte; the events the fake makes
// itself (read marks, typing, deletions, member changes without a signed description)
// carry ChatFakeEvent encodings. Sending a message_id again with the same content gives
// back the first event and adds none; with other content it is refused. Messages deleted
// for everyone leave the list for all; deleted for oneself, for that user only. Only the
// sender deletes a message for everyone.
//
// Seeded: ChatAliceBobID holds a key change and three messages (ChatSeedMessage), the
// group ChatGroupID a key change and one message from Alice.

// ChatEvent is an event of a chat conversation.
type ChatEvent struct {
	ID                string // sequence id
	PreviousID        string
	ConversationID    string
	SenderID          string
	Kind              string // message, key_change, members, read, typing, delete
	MessageID         string // the id the sender's SDK gave it
	Encoded           string
	Signature         string // encoded_message_event_signature, as sent
	ConversationToken string
	CreatedAt         time.Time
	DeletedForAll     bool
	DeletedFor        map[string]bool
	OnlyFor           string // "": every member; else the one user who sees it
}

// ChatSeedMessage is the encoded content of the n-th (from 1) seeded message of a
// conversation: opaque bytes, as X's chat SDK's ciphertext would be.
func ChatSeedMessage(conversationID string, n int) string {
	return base64.StdEncoding.EncodeToString([]byte("ciphertext " + strconv.Itoa(n) + " of " + conversationID))
}

// ChatFakeEvent is the encoded_event of an event the fake made itself: the JSON of its
// kind and details, base64-encoded. X's own encoding is its chat SDK's business.
func ChatFakeEvent(kind string, detail map[string]string) string {
	m := map[string]string{"kind": kind}
	for k, v := range detail {
		m[k] = v
	}
	b, _ := json.Marshal(m)
	return base64.StdEncoding.EncodeToString(b)
}

// appendChatEvent records e in its conversation with the next sequence id; call with
// s.mu held.
func (st *state) appendChatEvent(cv *ChatConversation, e *ChatEvent, at time.Time) *ChatEvent {
	st.chat.seq++
	e.ID = strconv.FormatUint(snowflake(at, st.chat.seq), 10)
	e.ConversationID, e.CreatedAt = cv.ID, at
	if list := st.chat.events[cv.ID]; len(list) > 0 {
		e.PreviousID = list[len(list)-1].ID
	}
	if e.DeletedFor == nil {
		e.DeletedFor = map[string]bool{}
	}
	st.chat.events[cv.ID] = append(st.chat.events[cv.ID], e)
	cv.UpdatedAt = at
	return e
}

func seedChatEvents(st *state) {
	ab, g := st.chat.convs[ChatAliceBobID], st.chat.convs[ChatGroupID]
	at := func(h int) time.Time { return SeedTime.Add(-time.Duration(h) * time.Hour) }
	st.appendChatEvent(ab, &ChatEvent{SenderID: AliceID, Kind: "key_change", Encoded: ChatFakeEvent("key_change", map[string]string{"version": "1"})}, at(72))
	for i, from := range []string{AliceID, BobID, AliceID} {
		st.appendChatEvent(ab, &ChatEvent{SenderID: from, Kind: "message", MessageID: "seed-ab-" + strconv.Itoa(i+1),
			Encoded: ChatSeedMessage(ChatAliceBobID, i+1)}, at(4-i))
	}
	st.appendChatEvent(g, &ChatEvent{SenderID: AliceID, Kind: "key_change", Encoded: ChatFakeEvent("key_change", map[string]string{"version": "1"})}, at(48))
	st.appendChatEvent(g, &ChatEvent{SenderID: AliceID, Kind: "message", MessageID: "seed-g-1", Encoded: ChatSeedMessage(ChatGroupID, 1)}, at(5))
	st.chat.keyVersion[ChatAliceBobID], st.chat.keyVersion[ChatGroupID] = 1, 1
}

// visibleTo reports whether user sees e in the event list.
func (e *ChatEvent) visibleTo(user string) bool {
	return !e.DeletedForAll && !e.DeletedFor[user] && (e.OnlyFor == "" || e.OnlyFor == user)
}

type wChatEvent struct {
	ID                string          `json:"id,omitempty"`
	ConversationID    string          `json:"conversation_id,omitempty"`
	SenderID          string          `json:"sender_id,omitempty"`
	CreatedAt         string          `json:"created_at,omitempty"`
	EncodedEvent      string          `json:"encoded_event,omitempty"`
	PreviousID        string          `json:"previous_id,omitempty"`
	ConversationToken string          `json:"conversation_token,omitempty"`
	IsTrusted         *bool           `json:"is_trusted,omitempty"`
	Signature         json.RawMessage `json:"message_event_signature,omitempty"`
}

// chatEvent renders e with the fields asked for (id and encoded_event when none are).
func (st *state) chatEvent(e *ChatEvent, fields set) wChatEvent {
	if fields == nil {
		fields = set{"id": true, "encoded_event": true}
	}
	var out wChatEvent
	pick(fields, "id", &out.ID, e.ID)
	pick(fields, "conversation_id", &out.ConversationID, e.ConversationID)
	pick(fields, "sender_id", &out.SenderID, e.SenderID)
	pick(fields, "created_at", &out.CreatedAt, fmtTime(e.CreatedAt))
	pick(fields, "encoded_event", &out.EncodedEvent, e.Encoded)
	pick(fields, "previous_id", &out.PreviousID, e.PreviousID)
	pick(fields, "conversation_token", &out.ConversationToken, e.ConversationToken)
	if fields["is_trusted"] {
		// Trusted: signed, by a sender who registered chat keys.
		out.IsTrusted = new(e.Signature != "" && len(st.publicKeys[e.SenderID]) > 0)
	}
	if fields["message_event_signature"] && e.Signature != "" {
		out.Signature, _ = json.Marshal(map[string]string{"signature": e.Signature})
	}
	return out
}

type chatEventsMeta struct {
	ResultCount           int      `json:"result_count"`
	NextToken             string   `json:"next_token,omitempty"`
	HasMore               bool     `json:"has_more"`
	ConversationKeyEvents []string `json:"conversation_key_events,omitempty"`
}

// chatConvOr404 finds a conversation the caller takes part in, or the 404 X answers to a
// change of one that does not exist for them.
func (s *Server) chatConvOr404(c *call) (*ChatConversation, *apiProblem) {
	id := c.path["id"]
	if cv := s.w.chatConv(c.who.userID, id); cv != nil {
		return cv, nil
	}
	pr := notFound("chat_conversation", "id", id)
	pr.Status = http.StatusNotFound
	return nil, &pr
}

// chatEventsFeature registers the operations this file serves.
func chatEventsFeature() feature {
	return feature{ops: map[string]operation{
		"listChatConversationEvents": {(*Server).listChatConversationEvents, reads},
		"sendChatMessage":            {(*Server).sendChatMessage, writes},
		"deleteChatMessages":         {(*Server).deleteChatMessages, writes},
		"markChatConversationRead":   {(*Server).markChatConversationRead, writes},
		"sendChatTypingIndicator":    {(*Server).sendChatTypingIndicator, writes},
	}}
}

func (s *Server) listChatConversationEvents(c *call) (int, any) {
	id := c.path["id"]
	cv := s.w.chatConv(c.who.userID, id)
	if cv == nil {
		return notFoundAnswer("chat_conversation", "id", id)
	}
	p, pr := pageParams(c, "chat-events:"+cv.ID+":"+c.who.userID, 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	var list, keys []*ChatEvent
	all := s.w.chat.events[cv.ID]
	for i := len(all) - 1; i >= 0; i-- {
		if e := all[i]; e.visibleTo(c.who.userID) {
			list = append(list, e)
		}
	}
	for _, e := range all {
		if e.Kind == "key_change" {
			keys = append(keys, e)
		}
	}
	from, to, next, _ := p.window(len(list))
	fields := listParam(c.q, "chat_message_event.fields")
	var data []wChatEvent
	for _, e := range list[from:to] {
		data = append(data, s.w.chatEvent(e, fields))
	}
	meta := chatEventsMeta{ResultCount: len(data), NextToken: next, HasMore: next != ""}
	for _, e := range keys {
		meta.ConversationKeyEvents = append(meta.ConversationKeyEvents, e.Encoded)
	}
	env := envelope{Meta: meta}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

func (s *Server) sendChatMessage(c *call) (int, any) {
	var b struct {
		MessageID         string `json:"message_id"`
		Encoded           string `json:"encoded_message_create_event"`
		Signature         string `json:"encoded_message_event_signature"`
		ConversationToken string `json:"conversation_token"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	cv, pr := s.chatConvOr404(c)
	if pr != nil {
		return pr.Status, pr
	}
	answer := func(e *ChatEvent) (int, any) {
		return http.StatusCreated, envelope{Data: map[string]string{"encoded_message_event": e.Encoded}}
	}
	for _, e := range s.w.chat.events[cv.ID] {
		if e.Kind == "message" && e.MessageID == b.MessageID && e.SenderID == c.who.userID {
			if e.Encoded != b.Encoded {
				return http.StatusBadRequest, badParam("message_id", b.MessageID, "Message %s was already sent with other content", b.MessageID)
			}
			return answer(e) // a resend: the same message, not a second one
		}
	}
	e := s.w.appendChatEvent(cv, &ChatEvent{SenderID: c.who.userID, Kind: "message", MessageID: b.MessageID, Encoded: b.Encoded,
		Signature: b.Signature, ConversationToken: b.ConversationToken}, s.clock.Now().UTC())
	s.chatActivity(cv, e)
	return answer(e)
}

// signedChange is the part every signed change of a conversation has.
type signedChange struct {
	Signatures []json.RawMessage `json:"action_signatures"`
}

// decodeSigned decodes the body of a change into v, which embeds sc, and checks its
// action signatures: at least one, as X refuses changes without them (the document's
// patterns check their form).
func decodeSigned(c *call, v any, sc *signedChange) *apiProblem {
	if pr := decodeBody(c, v); pr != nil {
		return pr
	}
	if len(sc.Signatures) == 0 {
		return badParam("action_signatures", "", "A change of a conversation needs the action signatures of the chat SDK")
	}
	return nil
}

// signedDetail is the encoded description of the first action signature, the encoded
// event of the change it signs.
func signedDetail(sigs []json.RawMessage) string {
	var s struct {
		Detail string `json:"encoded_message_event_detail"`
	}
	if len(sigs) > 0 {
		_ = json.Unmarshal(sigs[0], &s)
	}
	return s.Detail
}

func (s *Server) deleteChatMessages(c *call) (int, any) {
	var b struct {
		SequenceIDs []string `json:"sequence_ids"`
		Action      string   `json:"delete_message_action"`
		signedChange
	}
	if pr := decodeSigned(c, &b, &b.signedChange); pr != nil {
		return pr.Status, pr
	}
	cv, pr := s.chatConvOr404(c)
	if pr != nil {
		return pr.Status, pr
	}
	me := c.who.userID
	var targets []*ChatEvent
	for _, id := range b.SequenceIDs {
		i := slices.IndexFunc(s.w.chat.events[cv.ID], func(e *ChatEvent) bool { return e.ID == id && e.Kind == "message" && e.visibleTo(me) })
		if i < 0 {
			return http.StatusBadRequest, badParam("sequence_ids", id, "No message with sequence id %s in conversation %s", id, cv.ID)
		}
		e := s.w.chat.events[cv.ID][i]
		if b.Action == "delete_for_all" && e.SenderID != me {
			return http.StatusForbidden, forbidden("Only the sender can delete a message for everyone.")
		}
		targets = append(targets, e)
	}
	only := me
	for _, e := range targets {
		if b.Action == "delete_for_all" {
			e.DeletedForAll, only = true, ""
		} else {
			e.DeletedFor[me] = true
		}
	}
	s.w.appendChatEvent(cv, &ChatEvent{SenderID: me, Kind: "delete", OnlyFor: only, Encoded: signedDetail(b.Signatures)}, s.clock.Now().UTC())
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}

func (s *Server) markChatConversationRead(c *call) (int, any) {
	var b struct {
		SeenUntil string `json:"seen_until_sequence_id"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	cv, pr := s.chatConvOr404(c)
	if pr != nil {
		return pr.Status, pr
	}
	if !slices.ContainsFunc(s.w.chat.events[cv.ID], func(e *ChatEvent) bool { return e.ID == b.SeenUntil }) {
		return http.StatusBadRequest, badParam("seen_until_sequence_id", b.SeenUntil, "No event with sequence id %s in conversation %s", b.SeenUntil, cv.ID)
	}
	s.w.chat.readUntil[cv.ID+"/"+c.who.userID] = b.SeenUntil
	s.w.appendChatEvent(cv, &ChatEvent{SenderID: c.who.userID, Kind: "read",
		Encoded: ChatFakeEvent("read", map[string]string{"seen_until_sequence_id": b.SeenUntil})}, s.clock.Now().UTC())
	return http.StatusOK, envelope{Data: map[string]bool{"success": true}}
}

func (s *Server) sendChatTypingIndicator(c *call) (int, any) {
	cv, pr := s.chatConvOr404(c)
	if pr != nil {
		return pr.Status, pr
	}
	s.w.appendChatEvent(cv, &ChatEvent{SenderID: c.who.userID, Kind: "typing", Encoded: ChatFakeEvent("typing", nil)}, s.clock.Now().UTC())
	return http.StatusOK, envelope{Data: map[string]bool{"success": true}}
}

// ChatEvents returns the events of a conversation, oldest first, deleted ones included.
func (w *World) ChatEvents(conversationID string) (events []ChatEvent) {
	w.read(func(st *state) {
		for _, e := range st.chat.events[conversationID] {
			c := *e
			c.DeletedFor = copyMap(e.DeletedFor)
			events = append(events, c)
		}
	})
	return
}

// ChatReadUntil returns the sequence id up to which userID read a conversation, "" if
// they never marked it.
func (w *World) ChatReadUntil(conversationID, userID string) (id string) {
	w.read(func(st *state) { id = st.chat.readUntil[conversationID+"/"+userID] })
	return
}
