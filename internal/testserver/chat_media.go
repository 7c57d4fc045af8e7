package testserver

import (
	"net/http"
	"strconv"
	"time"
)

// Chat media (POST /2/chat/media/upload/initialize, .../{id}/append, .../{id}/finalize,
// GET /2/chat/media/{id}/{media_hash_key}): files for chat conversations, encrypted by
// the sender's chat SDK, so opaque bytes to the fake as to X.
//
// A member of a conversation initializes an upload (its size, at least a byte) and gets a
// session and the file's media hash key; then appends parts (0 to 999, any order, a part
// sent again replacing the first) to that session, naming the same conversation and key;
// then finalizes it, saying how many parts there are. Steps out of order are refused:
// appending to a session that was never initialized, or is someone else's, is a 404;
// appending after finalizing, finalizing twice, with no part, with a part missing, with
// another count of parts or another size than declared, a 400. A session expires 24 hours
// after it began. Once finalized the file is downloaded by any member of the
// conversation, byte for byte as uploaded; before, it does not exist.

const chatUploadLifetime = 24 * time.Hour

// ChatUpload is a chat media upload session of the fake world.
type ChatUpload struct {
	SessionID      string
	ConversationID string
	MediaHashKey   string
	OwnerID        string
	TotalBytes     int64
	Parts          map[int][]byte
	Finalized      bool
	MessageID      string
	CreatedAt      time.Time
}

type chatMediaState struct {
	uploads map[string]*ChatUpload // session id -> upload
	files   map[string][]byte      // conversation + "/" + media hash key -> bytes, once finalized
	seq     int
}

func (u *ChatUpload) size() (n int64) {
	for _, p := range u.Parts {
		n += int64(len(p))
	}
	return n
}

// seedChatMedia starts every server with no chat media.
func seedChatMedia(st *state) {
	st.chatMedia = &chatMediaState{uploads: map[string]*ChatUpload{}, files: map[string][]byte{}}
}

// chatMediaFeature registers the operations this file serves and what it seeds into a new world.
func chatMediaFeature() feature {
	return feature{seed: seedChatMedia, ops: map[string]operation{
		"initializeChatMediaUpload": {(*Server).initializeChatMediaUpload, writes},
		"appendChatMediaUpload":     {(*Server).appendChatMediaUpload, writes},
		"finalizeChatMediaUpload":   {(*Server).finalizeChatMediaUpload, writes},
		"downloadChatMedia":         {(*Server).downloadChatMedia, reads},
	}}
}

func (s *Server) initializeChatMediaUpload(c *call) (int, any) {
	var b struct {
		ConversationID string `json:"conversation_id"`
		TotalBytes     int64  `json:"total_bytes"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if b.TotalBytes < 1 {
		return http.StatusBadRequest, badParam("total_bytes", strconv.FormatInt(b.TotalBytes, 10), "A file holds at least one byte")
	}
	cv := s.w.chatConv(c.who.userID, b.ConversationID)
	if cv == nil {
		pr := notFound("chat_conversation", "conversation_id", b.ConversationID)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	now := s.clock.Now().UTC()
	m := s.w.chatMedia
	m.seq++
	id := snowflake(now, m.seq)
	u := &ChatUpload{SessionID: strconv.FormatUint(id, 10), ConversationID: cv.ID, MediaHashKey: "cm" + strconv.FormatUint(id, 36),
		OwnerID: c.who.userID, TotalBytes: b.TotalBytes, Parts: map[int][]byte{}, CreatedAt: now}
	m.uploads[u.SessionID] = u
	return http.StatusOK, envelope{Data: map[string]string{"session_id": u.SessionID, "media_hash_key": u.MediaHashKey, "conversation_id": u.ConversationID}}
}

// chatUpload finds the caller's session id that is for conversation and key, or the
// problem of a step out of order; call with s.mu held.
func (s *Server) chatUpload(c *call, conversation, key string) (*ChatUpload, *apiProblem) {
	id := c.path["id"]
	u := s.w.chatMedia.uploads[id]
	switch {
	case u == nil || u.OwnerID != c.who.userID:
		pr := notFound("upload session", "id", id)
		pr.Status = http.StatusNotFound
		return nil, &pr
	case conversation != u.ConversationID && directChatID(c.who.userID, conversation) != u.ConversationID:
		return nil, badParam("conversation_id", conversation, "Upload session %s is for conversation %s", id, u.ConversationID)
	case key != u.MediaHashKey:
		return nil, badParam("media_hash_key", key, "Upload session %s is for media %s", id, u.MediaHashKey)
	case u.Finalized:
		return nil, badParam("id", id, "Upload session %s is already finalized", id)
	case !s.clock.Now().Before(u.CreatedAt.Add(chatUploadLifetime)):
		return nil, badParam("id", id, "Upload session %s has expired", id)
	}
	return u, nil
}

func (s *Server) appendChatMediaUpload(c *call) (int, any) {
	i, data, fields, pr := segmentFields(c)
	if pr != nil {
		return pr.Status, pr
	}
	u, pr := s.chatUpload(c, fields["conversation_id"], fields["media_hash_key"])
	if pr != nil {
		return pr.Status, pr
	}
	before, had := u.Parts[i]
	u.Parts[i] = data
	if n := u.size(); n > u.TotalBytes {
		if had {
			u.Parts[i] = before
		} else {
			delete(u.Parts, i)
		}
		return http.StatusBadRequest, badParam("media", "", "The parts hold %d bytes, more than total_bytes %d", n, u.TotalBytes)
	}
	return http.StatusOK, envelope{Data: map[string]int64{"expires_at": u.CreatedAt.Add(chatUploadLifetime).Unix()}}
}

func (s *Server) finalizeChatMediaUpload(c *call) (int, any) {
	var b struct {
		ConversationID string `json:"conversation_id"`
		MediaHashKey   string `json:"media_hash_key"`
		NumParts       string `json:"num_parts"`
		MessageID      string `json:"message_id"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	u, pr := s.chatUpload(c, b.ConversationID, b.MediaHashKey)
	if pr != nil {
		return pr.Status, pr
	}
	n, _ := strconv.Atoi(b.NumParts)
	switch {
	case len(u.Parts) == 0:
		return http.StatusBadRequest, badParam("id", u.SessionID, "Nothing was appended to upload session %s", u.SessionID)
	case n != len(u.Parts):
		return http.StatusBadRequest, badParam("num_parts", b.NumParts, "Upload session %s holds %d parts, not %s", u.SessionID, len(u.Parts), b.NumParts)
	}
	file := make([]byte, 0, u.TotalBytes)
	for i := range n {
		p, ok := u.Parts[i]
		if !ok {
			return http.StatusBadRequest, badParam("num_parts", b.NumParts, "Part %d of upload session %s is missing", i, u.SessionID)
		}
		file = append(file, p...)
	}
	if int64(len(file)) != u.TotalBytes {
		return http.StatusBadRequest, badParam("id", u.SessionID, "File size mismatch: received %d bytes, total_bytes is %d", len(file), u.TotalBytes)
	}
	u.Finalized, u.MessageID, u.Parts = true, b.MessageID, nil
	s.w.chatMedia.files[u.ConversationID+"/"+u.MediaHashKey] = file
	return http.StatusOK, envelope{Data: map[string]bool{"success": true}}
}

func (s *Server) downloadChatMedia(c *call) (int, any) {
	id, key := c.path["id"], c.path["media_hash_key"]
	cv := s.w.chatConv(c.who.userID, id)
	var file []byte
	if cv != nil {
		file = s.w.chatMedia.files[cv.ID+"/"+key]
	}
	if file == nil {
		pr := notFound("media", "media_hash_key", key)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	return http.StatusOK, binaryBody(file)
}

// ChatUploads returns the chat media upload sessions userID began, in no order.
func (w *World) ChatUploads(userID string) (uploads []ChatUpload) {
	w.read(func(st *state) {
		for _, u := range st.chatMedia.uploads {
			if u.OwnerID == userID {
				cp := *u
				cp.Parts = copyMapInt(u.Parts)
				uploads = append(uploads, cp)
			}
		}
	})
	return
}

// ChatFile returns the bytes of a finalized chat file.
func (w *World) ChatFile(conversationID, mediaHashKey string) (file []byte, ok bool) {
	w.read(func(st *state) {
		f, found := st.chatMedia.files[conversationID+"/"+mediaHashKey]
		file, ok = append([]byte(nil), f...), found
	})
	return
}

func copyMapInt(m map[int][]byte) map[int][]byte {
	if m == nil {
		return nil
	}
	out := make(map[int][]byte, len(m))
	for k, v := range m {
		out[k] = append([]byte(nil), v...)
	}
	return out
}
