package testserver

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Broadcast chat (GET and POST /2/broadcasts/{id}/chat, POST /2/broadcasts/{id}/chat/mutes,
// DELETE /2/broadcasts/{id}/chat/mutes/{user_id}, DELETE /2/broadcasts/{id}/chat/{message_id}).
//
// Anyone may chat in a broadcast that is on the air, unless its owner has muted them (until
// the mute's end, if it has one) or blocks them; a reply must answer a message of the same
// chat. Only the owner reads the chat (newest first; the next page's token is the id of
// the last message shown, and a page holds the messages older than it) and moderates it,
// while the broadcast runs: muting someone else who exists, unmuting, removing a message.

// BroadcastChatMessage is a message of a broadcast's chat.
type BroadcastChatMessage struct {
	ID, BroadcastID, AuthorID string
	Text, ReplyTo             string
	CreatedAt                 time.Time
}

// BroadcastChatSeed returns the messages seeded in AliceLiveBroadcastID's chat, oldest
// first (their ids are fixed; their times follow the broadcast's start).
func BroadcastChatSeed() []BroadcastChatMessage {
	return []BroadcastChatMessage{
		{ID: "1800000000000000001", AuthorID: BobID, Text: "Hello from Bob!"},
		{ID: "1800000000000000002", AuthorID: CarolID, Text: "Will the recording be up later?"},
		{ID: "1800000000000000003", AuthorID: AliceID, Text: "Yes, replay is on.", ReplyTo: "1800000000000000002"},
	}
}

// muted tells whether user may not chat in b at now, dropping a mute that has ended.
func (b *Broadcast) muted(user string, now time.Time) bool {
	until, ok := b.Mutes[user]
	if ok && !until.IsZero() && !now.Before(until) {
		delete(b.Mutes, user)
		ok = false
	}
	return ok
}

type wChatMessage struct {
	ID             string `json:"id,omitempty"`
	BroadcastID    string `json:"broadcast_id,omitempty"`
	Text           string `json:"text,omitempty"`
	AuthorID       string `json:"author_id,omitempty"`
	AuthorName     string `json:"author_name,omitempty"`
	AuthorUsername string `json:"author_username,omitempty"`
	ReplyTo        string `json:"reply_to,omitempty"`
	CreatedAtMs    string `json:"created_at_ms,omitempty"`
}

// moderated is the caller's broadcast id while it is on the air, or the answer refusing
// the call; s.mu is held for writing.
func (s *Server) moderated(c *call, id string) (*Broadcast, int, any) {
	s.w.broadcasts.advance(s.clock.Now())
	b := s.w.broadcasts.broadcast(id)
	switch {
	case b == nil || !b.started():
		st, v := notFoundStatus("broadcast", "id", id)
		return nil, st, v
	case b.OwnerID != c.who.userID:
		return nil, http.StatusForbidden, forbidden("Only the broadcast's owner moderates its chat.")
	case b.State != broadcastRunning:
		return nil, http.StatusBadRequest, badParam("id", id, "The broadcast is %s; its chat is closed", b.State)
	}
	return b, 0, nil
}

// broadcastsChatFeature registers the operations this file serves.
func broadcastsChatFeature() feature {
	return feature{ops: map[string]operation{
		"getBroadcastChat":           {(*Server).getBroadcastChat, writes},
		"sendBroadcastChat":          {(*Server).sendBroadcastChat, writes},
		"muteBroadcastChatUser":      {(*Server).muteBroadcastChatUser, writes},
		"unmuteBroadcastChatUser":    {(*Server).unmuteBroadcastChatUser, writes},
		"deleteBroadcastChatMessage": {(*Server).deleteBroadcastChatMessage, writes},
	}}
}

func (s *Server) getBroadcastChat(c *call) (int, any) {
	id := c.path["id"]
	limit := 100
	if v := c.q.Get("max_results"); v != "" {
		limit, _ = strconv.Atoi(v)
	}
	before := c.q.Get("pagination_token")
	var cursor uint64
	if before != "" {
		var err error
		if cursor, err = strconv.ParseUint(before, 10, 64); err != nil {
			return http.StatusBadRequest, badParam("pagination_token", before, "The `pagination_token` query parameter value [%s] is not valid", before)
		}
	}
	b := s.ownBroadcast(c, id)
	if b == nil || !b.started() {
		return notFoundStatus("broadcast", "id", id)
	}
	msgs := b.Chat
	if before != "" {
		i := slices.IndexFunc(msgs, func(m BroadcastChatMessage) bool { n, _ := strconv.ParseUint(m.ID, 10, 64); return n < cursor })
		if i < 0 {
			i = len(msgs)
		}
		msgs = msgs[i:]
	}
	env := envelope{}
	meta := listMeta{}
	if len(msgs) > limit {
		msgs = msgs[:limit]
		meta.NextToken = msgs[len(msgs)-1].ID
	}
	meta.ResultCount = len(msgs)
	env.Meta = meta
	f := listParam(c.q, "broadcast_chat_message.fields")
	if len(f) == 0 {
		f = set{"id": true, "text": true}
	}
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	if len(msgs) > 0 {
		data := make([]wChatMessage, 0, len(msgs))
		for _, m := range msgs {
			w := wChatMessage{AuthorID: m.AuthorID}
			pick(f, "id", &w.ID, m.ID)
			pick(f, "broadcast_id", &w.BroadcastID, m.BroadcastID)
			pick(f, "text", &w.Text, m.Text)
			pick(f, "reply_to", &w.ReplyTo, m.ReplyTo)
			if f["created_at_ms"] {
				w.CreatedAtMs = millis(m.CreatedAt)
			}
			if u := s.w.user(m.AuthorID); u != nil {
				pick(f, "author_name", &w.AuthorName, u.Name)
				pick(f, "author_username", &w.AuthorUsername, u.Username)
			}
			if r.sh.exp["author_id"] {
				r.includeUser(m.AuthorID)
			}
			data = append(data, w)
		}
		env.Data = data
		env.Includes = r.includes()
	}
	return http.StatusOK, env
}

func (s *Server) sendBroadcastChat(c *call) (int, any) {
	var body struct {
		Text    string `json:"text"`
		ReplyTo string `json:"reply_to"`
	}
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	id, me := c.path["id"], c.who.userID
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	st := &s.w.broadcasts
	st.advance(now)
	b := st.broadcast(id)
	switch {
	case b == nil || !b.started():
		return notFoundStatus("broadcast", "id", id)
	case b.State != broadcastRunning:
		return http.StatusBadRequest, badParam("id", id, "The broadcast is %s; its chat is closed", b.State)
	case b.muted(me, now) || contains(s.w.blocks[b.OwnerID], me):
		return http.StatusForbidden, forbidden("You cannot chat in this broadcast.")
	case body.ReplyTo != "" && !slices.ContainsFunc(b.Chat, func(m BroadcastChatMessage) bool { return m.ID == body.ReplyTo }):
		return http.StatusBadRequest, badParam("reply_to", body.ReplyTo, "Message %s is not in this broadcast's chat", body.ReplyTo)
	}
	st.chatSeq++
	m := BroadcastChatMessage{ID: strconv.FormatUint(snowflake(now, st.chatSeq), 10), BroadcastID: id, AuthorID: me,
		Text: body.Text, ReplyTo: body.ReplyTo, CreatedAt: now}
	b.Chat = append([]BroadcastChatMessage{m}, b.Chat...)
	return http.StatusOK, envelope{Data: map[string]any{"success": true, "timestamp": millis(now)}}
}

func (s *Server) muteBroadcastChatUser(c *call) (int, any) {
	var body struct {
		UserID    string `json:"user_id"`
		EndAtMs   string `json:"end_at_ms"`
		MessageID string `json:"message_id"`
	}
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	b, status, refusal := s.moderated(c, c.path["id"])
	if b == nil {
		return status, refusal
	}
	now := s.clock.Now()
	var until time.Time
	if body.EndAtMs != "" {
		ms, _ := strconv.ParseInt(body.EndAtMs, 10, 64)
		if until = time.UnixMilli(ms).UTC(); !until.After(now) {
			return http.StatusBadRequest, badParam("end_at_ms", body.EndAtMs, "The mute must end in the future")
		}
	}
	switch {
	case body.UserID == c.who.userID:
		return http.StatusBadRequest, badParam("user_id", body.UserID, "You cannot mute yourself")
	case s.w.user(body.UserID) == nil:
		return http.StatusBadRequest, badParam("user_id", body.UserID, "Could not find user with user_id: [%s].", body.UserID)
	case body.MessageID != "" && !slices.ContainsFunc(b.Chat, func(m BroadcastChatMessage) bool {
		return m.ID == body.MessageID && m.AuthorID == body.UserID
	}):
		return http.StatusBadRequest, badParam("message_id", body.MessageID, "Message %s of user %s is not in this broadcast's chat", body.MessageID, body.UserID)
	}
	if b.Mutes == nil {
		b.Mutes = map[string]time.Time{}
	}
	b.Mutes[body.UserID] = until
	return http.StatusOK, envelope{Data: map[string]bool{"muted": true}}
}

func (s *Server) unmuteBroadcastChatUser(c *call) (int, any) {
	b, status, refusal := s.moderated(c, c.path["id"])
	if b == nil {
		return status, refusal
	}
	delete(b.Mutes, c.path["user_id"])
	return http.StatusOK, envelope{Data: map[string]bool{"muted": false}}
}

func (s *Server) deleteBroadcastChatMessage(c *call) (int, any) {
	b, status, refusal := s.moderated(c, c.path["id"])
	if b == nil {
		return status, refusal
	}
	id := c.path["message_id"]
	i := slices.IndexFunc(b.Chat, func(m BroadcastChatMessage) bool { return m.ID == id })
	if i < 0 {
		return notFoundStatus("chat message", "message_id", id)
	}
	b.Chat = slices.Delete(slices.Clone(b.Chat), i, i+1)
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}
