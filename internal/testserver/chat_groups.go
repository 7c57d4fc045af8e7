package testserver

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
)

// Chat groups and conversation keys: POST /2/chat/conversations/group/initialize reserves
// a group id for the caller, POST /2/chat/conversations/group creates the group under it
// (once), POST .../{id}/members adds members (an admin asks), POST .../{id}/keys sets a
// new key version (higher than the last) or, given a user id, sets up the one-to-one
// conversation with that user. Every change needs at least one action signature and
// records a key_change or members event; the key wrapped for each participant must name
// only participants, and every participant of a new key must get it. The fake keeps the
// wrapped keys as sent (ChatKeys) and never opens them.

type chatParticipantKey struct {
	UserID       string `json:"user_id"`
	EncryptedKey string `json:"encrypted_conversation_key"`
	KeyVersion   string `json:"public_key_version"`
}

// ChatWrappedKey is a conversation key wrapped for one participant, as sent.
type ChatWrappedKey struct {
	Version      string // the conversation key's version
	UserID       string
	EncryptedKey string
}

// chatGroupsFeature registers the operations this file serves.
func chatGroupsFeature() feature {
	return feature{ops: map[string]operation{
		"initializeChatGroup":     {(*Server).initializeChatGroup, writes},
		"createChatGroup":         {(*Server).createChatGroup, writes},
		"addChatGroupMembers":     {(*Server).addChatGroupMembers, writes},
		"addChatConversationKeys": {(*Server).addChatConversationKeys, writes},
	}}
}

func (s *Server) initializeChatGroup(c *call) (int, any) {
	s.w.chat.groupSeq++
	id := "g" + strconv.FormatUint(1900000000000000001+uint64(s.w.chat.groupSeq), 10)
	s.w.chat.reserved[id] = c.who.userID
	return http.StatusOK, envelope{Data: map[string]string{"conversation_id": id}}
}

// checkWrappedKeys checks that keys are for exactly the participants (every one of them
// when all is set, none but them otherwise).
func checkWrappedKeys(keys []chatParticipantKey, participants []string, all bool) *apiProblem {
	got := map[string]bool{}
	for _, k := range keys {
		if !slices.Contains(participants, k.UserID) {
			return badParam("conversation_participant_keys", k.UserID, "User %s does not take part in the conversation", k.UserID)
		}
		if k.EncryptedKey == "" {
			return badParam("conversation_participant_keys", k.UserID, "The key for user %s is empty", k.UserID)
		}
		got[k.UserID] = true
	}
	if all {
		for _, p := range participants {
			if !got[p] {
				return badParam("conversation_participant_keys", p, "The new key is not wrapped for user %s", p)
			}
		}
	}
	return nil
}

func (st *state) keepKeys(convID, version string, keys []chatParticipantKey) {
	for _, k := range keys {
		st.chat.keys[convID] = append(st.chat.keys[convID], ChatWrappedKey{Version: version, UserID: k.UserID, EncryptedKey: k.EncryptedKey})
	}
}

// keyEvent is the encoded event of a key change: the SDK's own when it sent one.
func keyEvent(rotation string, sigs []json.RawMessage, version string) string {
	if rotation != "" {
		return rotation
	}
	if d := signedDetail(sigs); d != "" {
		return d
	}
	return ChatFakeEvent("key_change", map[string]string{"version": version})
}

// keyVersionOf reads a conversation key version, a decimal number.
func keyVersionOf(v string) (uint64, *apiProblem) {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return 0, badParam("conversation_key_version", v, "The key version must be a decimal number")
	}
	return n, nil
}

func (s *Server) createChatGroup(c *call) (int, any) {
	var b struct {
		ID         string               `json:"conversation_id"`
		KeyVersion string               `json:"conversation_key_version"`
		Keys       []chatParticipantKey `json:"conversation_participant_keys"`
		Members    []string             `json:"group_members"`
		Admins     []string             `json:"group_admins"`
		Name       string               `json:"group_name"`
		AvatarURL  string               `json:"group_avatar_url"`
		TTL        string               `json:"ttl_msec"`
		Rotation   string               `json:"base64_encoded_key_rotation"`
		signedChange
	}
	if pr := decodeSigned(c, &b, &b.signedChange); pr != nil {
		return pr.Status, pr
	}
	version, pr := keyVersionOf(b.KeyVersion)
	if pr != nil {
		return pr.Status, pr
	}
	me := c.who.userID
	if s.w.chat.reserved[b.ID] != me {
		return http.StatusBadRequest, badParam("conversation_id", b.ID, "Conversation id %s was not reserved by you, or the group exists", b.ID)
	}
	members := []string{me}
	for _, m := range b.Members {
		if s.w.user(m) == nil {
			return http.StatusBadRequest, badParam("group_members", m, "Could not find user with id: [%s].", m)
		}
		if !slices.Contains(members, m) {
			members = append(members, m)
		}
	}
	if len(members) < 2 {
		return http.StatusBadRequest, badParam("group_members", "", "A group needs a member besides its creator")
	}
	admins := []string{me}
	for _, a := range b.Admins {
		if !slices.Contains(members, a) {
			return http.StatusBadRequest, badParam("group_admins", a, "Admin %s is not a member of the group", a)
		}
		if !slices.Contains(admins, a) {
			admins = append(admins, a)
		}
	}
	if pr := checkWrappedKeys(b.Keys, members, true); pr != nil {
		return pr.Status, pr
	}
	ttl, _ := strconv.ParseInt(b.TTL, 10, 64)
	now := s.clock.Now().UTC()
	cv := &ChatConversation{ID: b.ID, Group: true, Name: b.Name, AvatarURL: b.AvatarURL, Admins: admins, Members: members,
		MessageTTL: ttl, Muted: map[string]bool{}, CreatedAt: now, UpdatedAt: now}
	delete(s.w.chat.reserved, b.ID)
	s.w.chat.convs[cv.ID] = cv
	s.w.chat.keyVersion[cv.ID] = version
	s.w.keepKeys(cv.ID, b.KeyVersion, b.Keys)
	e := s.w.appendChatEvent(cv, &ChatEvent{SenderID: me, Kind: "key_change", Encoded: keyEvent(b.Rotation, b.Signatures, b.KeyVersion)}, now)
	return http.StatusCreated, envelope{Data: map[string]string{"conversation_id": cv.ID, "conversation_key_change_sequence_id": e.ID}}
}

func (s *Server) addChatGroupMembers(c *call) (int, any) {
	var b struct {
		UserIDs    []string             `json:"user_ids"`
		KeyVersion string               `json:"conversation_key_version"`
		Keys       []chatParticipantKey `json:"conversation_participant_keys"`
		signedChange
	}
	if pr := decodeSigned(c, &b, &b.signedChange); pr != nil {
		return pr.Status, pr
	}
	me := c.who.userID
	cv, pr := s.chatConvOr404(c)
	if pr != nil {
		return pr.Status, pr
	}
	switch {
	case !cv.Group:
		return http.StatusBadRequest, badParam("id", cv.ID, "Members are added to groups only")
	case !slices.Contains(cv.Admins, me):
		return http.StatusForbidden, forbidden("Only an admin of the group can add members.")
	}
	for _, u := range b.UserIDs {
		switch {
		case s.w.user(u) == nil:
			return http.StatusBadRequest, badParam("user_ids", u, "Could not find user with id: [%s].", u)
		case slices.Contains(cv.Members, u):
			return http.StatusBadRequest, badParam("user_ids", u, "User %s is already a member", u)
		}
	}
	if pr := checkWrappedKeys(b.Keys, b.UserIDs, false); pr != nil {
		return pr.Status, pr
	}
	cv.Members = append(cv.Members, b.UserIDs...)
	s.w.keepKeys(cv.ID, b.KeyVersion, b.Keys)
	detail := signedDetail(b.Signatures)
	e := s.w.appendChatEvent(cv, &ChatEvent{SenderID: me, Kind: "members", Encoded: detail}, s.clock.Now().UTC())
	return http.StatusOK, envelope{Data: map[string]string{"conversation_id": cv.ID, "sequence_id": e.ID}}
}

func (s *Server) addChatConversationKeys(c *call) (int, any) {
	var b struct {
		KeyVersion string               `json:"conversation_key_version"`
		Keys       []chatParticipantKey `json:"conversation_participant_keys"`
		Rotation   string               `json:"base64_encoded_key_rotation"`
		signedChange
	}
	if pr := decodeSigned(c, &b, &b.signedChange); pr != nil {
		return pr.Status, pr
	}
	version, pr := keyVersionOf(b.KeyVersion)
	if pr != nil {
		return pr.Status, pr
	}
	me, id := c.who.userID, c.path["id"]
	cv := s.w.chatConv(me, id)
	now := s.clock.Now().UTC()
	isNew := false
	switch {
	case cv == nil && isNumeric(id) && id != me && s.w.user(id) != nil:
		// A user id: the first key of the one-to-one conversation with that user.
		cv = &ChatConversation{ID: directChatID(me, id), Members: []string{me, id}, Muted: map[string]bool{}, CreatedAt: now, UpdatedAt: now}
		isNew = true
	case cv == nil:
		pr := notFound("chat_conversation", "id", id)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	if pr := checkWrappedKeys(b.Keys, cv.Members, true); pr != nil {
		return pr.Status, pr
	}
	if cur, ok := s.w.chat.keyVersion[cv.ID]; ok && version <= cur {
		return http.StatusBadRequest, badParam("conversation_key_version", b.KeyVersion,
			"Key version %s is not newer than the conversation's version %d", b.KeyVersion, cur)
	}
	if isNew {
		s.w.chat.convs[cv.ID] = cv
	}
	s.w.chat.keyVersion[cv.ID] = version
	s.w.keepKeys(cv.ID, b.KeyVersion, b.Keys)
	e := s.w.appendChatEvent(cv, &ChatEvent{SenderID: me, Kind: "key_change", Encoded: keyEvent(b.Rotation, b.Signatures, b.KeyVersion)}, now)
	return http.StatusOK, envelope{Data: map[string]string{"conversation_id": cv.ID, "sequence_id": e.ID}}
}

// ChatKeys returns the wrapped keys of a conversation, in the order they were set.
func (w *World) ChatKeys(conversationID string) (keys []ChatWrappedKey) {
	w.read(func(st *state) { keys = slices.Clone(st.chat.keys[conversationID]) })
	return
}
