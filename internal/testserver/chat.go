package testserver

import (
	"net/http"
	"slices"
	"sort"
	"time"
)

// Encrypted chat (XChat) conversations (GET /2/chat/conversations and
// /2/chat/conversations/{id}). The fake never sees plaintext, as X never does: it keeps
// the encrypted payloads, wrapped keys and signatures members send as opaque strings and
// checks only what X can check without the keys (who takes part, ids, order).
//
// A one-to-one conversation's id is the two user ids joined by a hyphen, lower first
// (X's chat SDK writes it with a colon; either is taken in paths); a group's is "g" and
// a number. A conversation is visible only to those who take part in it: to anyone else
// it does not exist. Conversations are listed most recently active first.
//
// Seeded: ChatAliceBobID and ChatAliceCarolID (one to one) and the group ChatGroupID
// ("Gopher chat", Alice its admin, Bob and Carol members).
const (
	ChatAliceBobID   = AliceID + "-" + BobID
	ChatAliceCarolID = AliceID + "-" + CarolID
	ChatGroupID      = "g1900000000000000001"
	ChatGroupName    = "Gopher chat"
)

// ChatConversation is an encrypted conversation of the fake world.
type ChatConversation struct {
	ID         string
	Group      bool
	Name       string // groups only
	AvatarURL  string
	Admins     []string
	Members    []string // everyone who takes part, one to one as well
	MessageTTL int64    // milliseconds; 0 keeps messages
	Muted      map[string]bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

type chatState struct {
	convs      map[string]*ChatConversation
	events     map[string][]*ChatEvent     // conversation -> events, oldest first (chat_events.go)
	seq        int                         // of sequence ids
	keyVersion map[string]uint64           // conversation -> its key's version
	keys       map[string][]ChatWrappedKey // conversation -> wrapped keys, as set (chat_groups.go)
	readUntil  map[string]string           // conversation + "/" + user -> sequence id
	reserved   map[string]string           // group id reserved -> by whom
	groupSeq   int
}

func seedChat(st *state) {
	at := func(h int) time.Time { return SeedTime.Add(-time.Duration(h) * time.Hour) }
	st.chat = &chatState{convs: map[string]*ChatConversation{
		ChatAliceBobID: {ID: ChatAliceBobID, Members: []string{AliceID, BobID}, CreatedAt: at(72), UpdatedAt: at(2),
			Muted: map[string]bool{}},
		ChatAliceCarolID: {ID: ChatAliceCarolID, Members: []string{AliceID, CarolID}, CreatedAt: at(60), UpdatedAt: at(30),
			MessageTTL: 86400000, Muted: map[string]bool{CarolID: true}},
		ChatGroupID: {ID: ChatGroupID, Group: true, Name: ChatGroupName, AvatarURL: "https://pbs.twimg.com/chat_avatar/gopher.png",
			Admins: []string{AliceID}, Members: []string{AliceID, BobID, CarolID}, CreatedAt: at(48), UpdatedAt: at(5),
			Muted: map[string]bool{}},
	},
		events: map[string][]*ChatEvent{}, keyVersion: map[string]uint64{}, keys: map[string][]ChatWrappedKey{},
		readUntil: map[string]string{}, reserved: map[string]string{}}
	seedChatEvents(st)
}

// chatConv returns the conversation id names, when user takes part in it; id may be a
// user id (the one-to-one conversation with that user). Call with s.mu held.
func (st *state) chatConv(user, id string) *ChatConversation {
	if isNumeric(id) {
		id = directChatID(user, id)
	}
	cv := st.chat.convs[id]
	if cv == nil || !slices.Contains(cv.Members, user) {
		return nil
	}
	return cv
}

// directChatID is the id of the one-to-one conversation of two users.
func directChatID(a, b string) string {
	if len(a) > len(b) || len(a) == len(b) && a > b {
		a, b = b, a
	}
	return a + "-" + b
}

func isNumeric(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

type wChatConversation struct {
	ID                  string   `json:"id"`
	Type                string   `json:"type,omitempty"`
	CreatedAt           string   `json:"created_at,omitempty"`
	UpdatedAt           string   `json:"updated_at,omitempty"`
	GroupName           string   `json:"group_name,omitempty"`
	GroupAvatarURL      string   `json:"group_avatar_url,omitempty"`
	IsMuted             *bool    `json:"is_muted,omitempty"`
	MessageTTLMs        int64    `json:"message_ttl_ms,omitempty"`
	ScreenCaptureBlock  *bool    `json:"screen_capture_blocking_enabled,omitempty"`
	ScreenCaptureDetect *bool    `json:"screen_capture_detection_enabled,omitempty"`
	AdminIDs            []string `json:"admin_ids,omitempty"`
	MemberIDs           []string `json:"member_ids,omitempty"`
	ParticipantIDs      []string `json:"participant_ids,omitempty"`
}

// chatConversation renders cv for viewer: id and type unless fields ask for more; the id
// lists when expanded, their users then in includes.
func (r *renderer) chatConversation(cv *ChatConversation, fields set) wChatConversation {
	if fields == nil {
		fields = set{"id": true, "type": true}
	}
	out := wChatConversation{ID: cv.ID}
	if fields["type"] {
		out.Type = "direct"
		if cv.Group {
			out.Type = "group"
		}
	}
	pick(fields, "created_at", &out.CreatedAt, fmtTime(cv.CreatedAt))
	pick(fields, "updated_at", &out.UpdatedAt, fmtTime(cv.UpdatedAt))
	pick(fields, "group_name", &out.GroupName, cv.Name)
	pick(fields, "group_avatar_url", &out.GroupAvatarURL, cv.AvatarURL)
	if fields["is_muted"] {
		out.IsMuted = new(cv.Muted[r.viewer])
	}
	pick(fields, "message_ttl_ms", &out.MessageTTLMs, cv.MessageTTL)
	if fields["screen_capture_blocking_enabled"] {
		out.ScreenCaptureBlock = new(false)
	}
	if fields["screen_capture_detection_enabled"] {
		out.ScreenCaptureDetect = new(false)
	}
	expand := func(name string, ids []string) []string {
		if !r.sh.exp[name] || len(ids) == 0 {
			return nil
		}
		for _, id := range ids {
			r.includeUser(id)
		}
		return slices.Clone(ids)
	}
	out.ParticipantIDs = expand("participant_ids", cv.Members)
	if cv.Group {
		out.AdminIDs = expand("admin_ids", cv.Admins)
		out.MemberIDs = expand("member_ids", cv.Members)
	}
	return out
}

// chatConvsOf lists the conversations user takes part in, most recently active first.
func (st *state) chatConvsOf(user string) []*ChatConversation {
	var out []*ChatConversation
	for _, cv := range st.chat.convs {
		if slices.Contains(cv.Members, user) {
			out = append(out, cv)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].UpdatedAt.Equal(out[j].UpdatedAt) {
			return out[i].UpdatedAt.After(out[j].UpdatedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

type chatConversationsMeta struct {
	ResultCount        int    `json:"result_count"`
	NextToken          string `json:"next_token,omitempty"`
	HasMore            bool   `json:"has_more"`
	HasMessageRequests bool   `json:"has_message_requests"`
}

// chatFeature registers the operations this file serves and what it seeds into a new world.
func chatFeature() feature {
	return feature{seed: seedChat, ops: map[string]operation{
		"listChatConversations":  {(*Server).listChatConversations, reads},
		"lookupChatConversation": {(*Server).lookupChatConversation, reads},
	}}
}

func (s *Server) listChatConversations(c *call) (int, any) {
	p, pr := pageParams(c, "chat:"+c.who.userID, 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	list := s.w.chatConvsOf(c.who.userID)
	from, to, next, _ := p.window(len(list))
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	fields := listParam(c.q, "chat_conversation.fields")
	var data []wChatConversation
	for _, cv := range list[from:to] {
		data = append(data, r.chatConversation(cv, fields))
	}
	env := envelope{Meta: chatConversationsMeta{ResultCount: len(data), NextToken: next, HasMore: next != ""}, Includes: r.includes()}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

func (s *Server) lookupChatConversation(c *call) (int, any) {
	id := c.path["id"]
	cv := s.w.chatConv(c.who.userID, id)
	if cv == nil {
		return notFoundAnswer("chat_conversation", "id", id)
	}
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	data := r.chatConversation(cv, listParam(c.q, "chat_conversation.fields"))
	return http.StatusOK, envelope{Data: data, Includes: r.includes()}
}

// ChatConversation returns the conversation with this id (hyphen form, or "g…").
func (w *World) ChatConversation(id string) (cv ChatConversation, ok bool) {
	w.read(func(st *state) {
		if p := st.chat.convs[id]; p != nil {
			cv, ok = *p, true
			cv.Admins, cv.Members, cv.Muted = slices.Clone(p.Admins), slices.Clone(p.Members), copyMap(p.Muted)
		}
	})
	return
}

// ChatConversationIDs lists the conversations userID takes part in, in the order the API
// lists them.
func (w *World) ChatConversationIDs(userID string) (ids []string) {
	w.read(func(st *state) {
		for _, cv := range st.chatConvsOf(userID) {
			ids = append(ids, cv.ID)
		}
	})
	return
}
