package twittertest

import (
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// Chat (XChat): conversations whose messages X's chat SDK encrypts. The server keeps
// the encrypted payloads as the SDK sent them, as X does, and never decrypts them.

// ChatConversation is a chat conversation: one to one (ID "smallerID-largerID") or a
// group (an ID starting with "g").
type ChatConversation struct {
	ID        string
	Group     bool
	Name      string // groups only
	AvatarURL string
	AdminIDs  []string
	MemberIDs []string // everyone who takes part, one to one as well
	// MessageTTL is how long messages live; 0 keeps them.
	MessageTTL time.Duration
	Muted      map[string]bool // the members who muted it
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// ChatEvent is an event of a chat conversation, as its members' SDKs read it.
type ChatEvent struct {
	ID             string // its sequence id
	PreviousID     string // the sequence id before it
	ConversationID string
	SenderID       string
	// Kind is message, key_change, members, read, typing or delete.
	Kind string
	// MessageID is the id the sender's SDK gave a message.
	MessageID string
	// Encoded is the event as the SDK encoded (and encrypted) it; Signature its
	// encoded_message_event_signature, as sent.
	Encoded, Signature string
	ConversationToken  string
	CreatedAt          time.Time
	DeletedForAll      bool
	DeletedFor         map[string]bool // members who deleted it for themselves
	OnlyFor            string          // "": every member sees it; else the one user who does
}

// ChatWrappedKey is a conversation key wrapped (encrypted) for one member.
type ChatWrappedKey struct {
	Version      string // the conversation key's version
	UserID       string
	EncryptedKey string
}

// PublicKey is a chat public key a user registered (POST /2/users/{id}/public_keys).
type PublicKey struct {
	Version                    string
	PublicKey                  string
	SigningPublicKey           string
	IdentityPublicKeySignature string
	Fingerprint                string
	RegistrationMethod         string
	CreatedAt                  time.Time
}

// ChatUpload is a chat media upload session (POST /2/chat/media/upload/initialize and
// the steps after it).
type ChatUpload struct {
	SessionID      string
	ConversationID string
	MediaHashKey   string // names the file once finalized (World.ChatFile)
	OwnerID        string
	TotalBytes     int64
	Parts          map[int][]byte // the parts appended so far by segment index; nil once finalized (World.ChatFile)
	Finalized      bool
	MessageID      string
	CreatedAt      time.Time
}

// ChatConversation returns the chat conversation with this id (hyphen form, or "g…"),
// with its members, admins and who muted it.
func (w *World) ChatConversation(id string) (ChatConversation, bool) {
	return oneOf(func(c testserver.ChatConversation) ChatConversation {
		return ChatConversation{ID: c.ID, Group: c.Group, Name: c.Name, AvatarURL: c.AvatarURL, AdminIDs: c.Admins,
			MemberIDs: c.Members, MessageTTL: time.Duration(c.MessageTTL) * time.Millisecond, Muted: c.Muted,
			CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	})(w.w.ChatConversation(id))
}

// ChatConversationIDs lists the chat conversations userID takes part in, in the order
// GET /2/chat/conversations lists them.
func (w *World) ChatConversationIDs(userID string) []string { return w.w.ChatConversationIDs(userID) }

// ChatEvents lists the events of a chat conversation, oldest first, deleted ones too.
func (w *World) ChatEvents(conversationID string) []ChatEvent {
	return manyOf(func(e testserver.ChatEvent) ChatEvent {
		return ChatEvent{ID: e.ID, PreviousID: e.PreviousID, ConversationID: e.ConversationID, SenderID: e.SenderID,
			Kind: e.Kind, MessageID: e.MessageID, Encoded: e.Encoded, Signature: e.Signature,
			ConversationToken: e.ConversationToken, CreatedAt: e.CreatedAt, DeletedForAll: e.DeletedForAll,
			DeletedFor: e.DeletedFor, OnlyFor: e.OnlyFor}
	}, w.w.ChatEvents(conversationID))
}

// ChatReadUntil returns the sequence id up to which userID marked a chat conversation
// read, "" if never.
func (w *World) ChatReadUntil(conversationID, userID string) string {
	return w.w.ChatReadUntil(conversationID, userID)
}

// ChatKeys lists the wrapped keys of a chat conversation, in the order they were set.
func (w *World) ChatKeys(conversationID string) []ChatWrappedKey {
	return manyOf(func(k testserver.ChatWrappedKey) ChatWrappedKey { return ChatWrappedKey(k) }, w.w.ChatKeys(conversationID))
}

// PublicKeys lists the chat public keys userID registered, newest version first.
func (w *World) PublicKeys(userID string) []PublicKey {
	return manyOf(func(k testserver.PublicKeyRecord) PublicKey { return PublicKey(k) }, w.w.PublicKeys(userID))
}

// ChatUploads lists the chat media upload sessions userID began, finalized or not, in
// no particular order.
func (w *World) ChatUploads(userID string) []ChatUpload {
	return manyOf(func(u testserver.ChatUpload) ChatUpload {
		return ChatUpload{SessionID: u.SessionID, ConversationID: u.ConversationID, MediaHashKey: u.MediaHashKey,
			OwnerID: u.OwnerID, TotalBytes: u.TotalBytes, Parts: u.Parts, Finalized: u.Finalized,
			MessageID: u.MessageID, CreatedAt: u.CreatedAt}
	}, w.w.ChatUploads(userID))
}

// ChatFile returns the bytes of a finalized chat file of a conversation, as uploaded
// (encrypted by the SDK), and what GET /2/chat/media/{id}/{media_hash_key} serves.
func (w *World) ChatFile(conversationID, mediaHashKey string) ([]byte, bool) {
	return w.w.ChatFile(conversationID, mediaHashKey)
}
