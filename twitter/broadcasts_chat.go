package twitter

import (
	"context"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// BroadcastChatOptions selects the fields, expansions and page of a broadcast's chat.
// Expanding author_id returns the authors in Includes, with UserFields.
type BroadcastChatOptions struct {
	MessageFields []gen.BroadcastChatMessageField
	Expansions    []gen.BroadcastChatMessageExpansion
	UserFields    []gen.UserField
	// PageOptions: MaxResults is 1 to 200, 0 meaning X's 100.
	PageOptions
}

// ChatMessage is a message to send to a broadcast's chat.
type ChatMessage struct {
	// Text is the message, 1 to 140 characters.
	Text string
	// ReplyTo, when set, is the id of the message of the same chat it answers.
	ReplyTo string
}

// ChatMuteOptions modifies a mute in a broadcast's chat.
type ChatMuteOptions struct {
	// Until, when set, is when the mute ends; without it the mute lasts.
	Until time.Time
	// MessageID, when set, is the user's message that earned the mute.
	MessageID string
}

// Chat returns one page of the chat of the caller's broadcast id, newest message first.
// It pages with pagination_token. Needs a user context (OAuth 2.0 scope broadcast.read,
// or OAuth 1.0a).
func (s *BroadcastsService) Chat(ctx context.Context, id string, opts *BroadcastChatOptions) (*gen.BroadcastChatResponse, *Response, error) {
	const method = "Broadcasts.Chat"
	if err := checkID(method, "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	if err := checkSet(method, "MessageFields", o.MessageFields); err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "Expansions", o.Expansions); err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "UserFields", o.UserFields); err != nil {
		return nil, nil, err
	}
	p := gen.GetBroadcastChatParams{BroadcastChatMessageFields: optional(o.MessageFields), Expansions: optional(o.Expansions),
		UserFields: optional(o.UserFields)}
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opGetBroadcastChat.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opGetBroadcastChat.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetBroadcastChat(ctx, id, &p)
	})
}

// SendChat posts m, as the caller, to the chat of broadcast id, which must be on the air;
// X refuses a user its owner muted or blocks. Data.Timestamp is when X took it (the chat
// lists it with its id). Not retried unless WithRetryMutations is set. Needs a user
// context (OAuth 2.0 scopes broadcast.read and broadcast.write, or OAuth 1.0a).
func (s *BroadcastsService) SendChat(ctx context.Context, id string, m ChatMessage) (*gen.BroadcastChatSendResponse, *Response, error) {
	const method = "Broadcasts.SendChat"
	if err := checkID(method, "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	switch n := utf8.RuneCountInString(m.Text); {
	case n == 0:
		return nil, nil, invalid(method, "empty message")
	case n > maxLengthBroadcastChatSendRequestText:
		return nil, nil, invalid(method, "the message is %d characters; X takes at most %d", n, maxLengthBroadcastChatSendRequestText)
	}
	if m.ReplyTo != "" {
		if err := checkID(method, "reply-to message id", patternBroadcastChatMessageID, m.ReplyTo); err != nil {
			return nil, nil, err
		}
	}
	req := gen.BroadcastChatSendRequest{Text: m.Text, ReplyTo: m.ReplyTo}
	return do(ctx, s.client, &opSendBroadcastChat, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SendBroadcastChat(ctx, id, req)
	})
}

// MuteChatUser stops userID from chatting in the caller's live broadcast id, for good or
// until opts.Until. Not retried unless WithRetryMutations is set. Needs a user context
// (OAuth 2.0 scopes broadcast.read and broadcast.write, or OAuth 1.0a).
func (s *BroadcastsService) MuteChatUser(ctx context.Context, id, userID string, opts *ChatMuteOptions) (*gen.BroadcastChatMuteResponse, *Response, error) {
	const method = "Broadcasts.MuteChatUser"
	if err := checkID(method, "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	if err := checkID(method, "user id", patternBroadcastChatUserID, userID); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	req := gen.BroadcastChatMuteRequest{UserID: userID}
	if !o.Until.IsZero() {
		if o.Until.UnixMilli() <= 0 {
			return nil, nil, invalid(method, "Until %s is before 1970", o.Until.Format(time.RFC3339))
		}
		req.EndAtMs = epochMillis(o.Until)
	}
	if o.MessageID != "" {
		if err := checkID(method, "message id", patternBroadcastChatMuteRequestMessageID, o.MessageID); err != nil {
			return nil, nil, err
		}
		req.MessageID = o.MessageID
	}
	return do(ctx, s.client, &opMuteBroadcastChatUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.MuteBroadcastChatUser(ctx, id, req)
	})
}

// UnmuteChatUser lets userID chat again in the caller's live broadcast id. Not retried
// unless WithRetryMutations is set. Needs a user context (OAuth 2.0 scopes broadcast.read
// and broadcast.write, or OAuth 1.0a).
func (s *BroadcastsService) UnmuteChatUser(ctx context.Context, id, userID string) (*gen.BroadcastChatMuteResponse, *Response, error) {
	const method = "Broadcasts.UnmuteChatUser"
	if err := checkID(method, "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	if err := checkID(method, "user id", patternBroadcastChatUserID, userID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnmuteBroadcastChatUser, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnmuteBroadcastChatUser(ctx, id, userID)
	})
}

// DeleteChatMessage removes messageID from the chat of the caller's live broadcast id.
// Not retried unless WithRetryMutations is set. Needs a user context (OAuth 2.0 scopes
// broadcast.read and broadcast.write, or OAuth 1.0a).
func (s *BroadcastsService) DeleteChatMessage(ctx context.Context, id, messageID string) (*gen.BroadcastDeleteResponse, *Response, error) {
	const method = "Broadcasts.DeleteChatMessage"
	if err := checkID(method, "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	if err := checkID(method, "message id", patternBroadcastChatMessageID, messageID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteBroadcastChatMessage, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteBroadcastChatMessage(ctx, id, messageID)
	})
}

// BroadcastChatPage is a page of a broadcast's chat.
type BroadcastChatPage = Page[gen.BroadcastChatMessage]
