package twitter

import (
	"context"
	"fmt"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// ChatEventsOptions selects a page of a chat conversation's events.
type ChatEventsOptions struct {
	// EventFields beyond X's defaults (id and encoded_event).
	EventFields []gen.ChatMessageEventField
	// PageOptions: MaxResults is 1 to 100, 0 meaning X's 10.
	PageOptions
}

// Events lists one page of the events of chat conversation id, newest first: messages,
// deletions, read marks, typing, key and member changes, each in EncodedEvent as X's chat
// SDK encrypted and signed it. Hand them to the SDK (its DecryptEvents) together with
// Meta.ConversationKeyEvents, the conversation's key changes; this client does not
// decrypt. It pages with pagination_token. A conversation the user is not in is a
// not-found error (IsNotFound). Needs a user context (OAuth 2.0 scopes dm.read,
// tweet.read, users.read, or OAuth 1.0a).
func (s *ChatService) Events(ctx context.Context, id string, opts *ChatEventsOptions) (*gen.ChatEventsResponse, *Response, error) {
	const method = "Chat.Events"
	id, err := chatPathID(method, id)
	if err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListChatConversationEventsParams
	if p.ChatMessageEventFields, err = optSet(method, "EventFields", o.EventFields); err != nil {
		return nil, nil, err
	}
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListChatConversationEvents.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListChatConversationEvents.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListChatConversationEvents(ctx, id, &p)
	})
}

// Send sends a message to chat conversation id. msg is what X's chat SDK's EncryptMessage
// returns: its MessageID, the encrypted EncodedMessageCreateEvent and the
// EncodedMessageEventSignature, passed on as they are; this client never sees the text.
// The message id is the SDK's, so resending the same msg (after a timeout, say) does not
// post it twice: X answers the message already sent, so WithRetryMutations, which lets
// Send be retried, is safe for it. Data.EncodedMessageEvent is the message event as X
// recorded it. Needs a user context (OAuth 2.0 scopes dm.write, tweet.read, users.read, or
// OAuth 1.0a).
func (s *ChatService) Send(ctx context.Context, id string, msg gen.ChatMessageRequest) (*gen.ChatMessageResponse, *Response, error) {
	const method = "Chat.Send"
	id, err := chatPathID(method, id)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case msg.MessageID == "":
		return nil, nil, invalid(method, "empty MessageID (X's chat SDK makes it with the encrypted message)")
	case msg.EncodedMessageCreateEvent == "":
		return nil, nil, invalid(method, "empty EncodedMessageCreateEvent: the message, as X's chat SDK encrypted it")
	}
	return do(ctx, s.client, &opSendChatMessage, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SendChatMessage(ctx, id, msg)
	})
}

// DeleteMessages deletes messages of chat conversation id by the sequence ids of their
// events: for everyone (gen.ChatMessagesDeleteRequestDeleteMessageActionDeleteForAll, the
// caller's own messages only) or for the caller alone (…DeleteForSelf). It needs the
// action signatures X's chat SDK prepares for the deletion. Not retried unless
// WithRetryMutations is set. Needs a user context (OAuth 2.0 scopes dm.write, tweet.read,
// users.read, or OAuth 1.0a).
func (s *ChatService) DeleteMessages(ctx context.Context, id string, req gen.ChatMessagesDeleteRequest) (*gen.ChatMessagesDeleteResponse, *Response, error) {
	const method = "Chat.DeleteMessages"
	id, err := chatPathID(method, id)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case len(req.SequenceIds) == 0:
		return nil, nil, invalid(method, "no SequenceIds")
	case !req.DeleteMessageAction.Valid():
		return nil, nil, notOneOf(method, "DeleteMessageAction", req.DeleteMessageAction)
	case len(req.ActionSignatures) == 0:
		return nil, nil, invalid(method, "no ActionSignatures: X takes a deletion only with the chat SDK's signatures")
	}
	for i, seq := range req.SequenceIds {
		if seq == "" {
			return nil, nil, invalid(method, "empty sequence id (item %d)", i)
		}
	}
	if err := checkActionSignatures(method, req.ActionSignatures); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteChatMessages, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteChatMessages(ctx, id, req)
	})
}

// MarkRead marks chat conversation id read by the caller up to and including the event
// with sequence id seenUntil. Needs a user context (OAuth 2.0 scopes dm.write, tweet.read,
// users.read, or OAuth 1.0a).
func (s *ChatService) MarkRead(ctx context.Context, id, seenUntil string) (*gen.ChatSuccessResponse, *Response, error) {
	const method = "Chat.MarkRead"
	id, err := chatPathID(method, id)
	if err != nil {
		return nil, nil, err
	}
	if seenUntil == "" {
		return nil, nil, invalid(method, "empty sequence id to mark read up to")
	}
	req := gen.ChatReadRequest{SeenUntilSequenceID: seenUntil}
	return do(ctx, s.client, &opMarkChatConversationRead, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.MarkChatConversationRead(ctx, id, req)
	})
}

// Typing tells the other members of chat conversation id that the caller is typing.
// Needs a user context (OAuth 2.0 scopes dm.write, tweet.read, users.read, or OAuth 1.0a).
func (s *ChatService) Typing(ctx context.Context, id string) (*gen.ChatSuccessResponse, *Response, error) {
	id, err := chatPathID("Chat.Typing", id)
	if err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSendChatTypingIndicator, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SendChatTypingIndicator(ctx, id)
	})
}

// checkActionSignatures checks the form of the chat SDK's action signatures, as the
// document gives it; what they sign only the members' SDKs check.
func checkActionSignatures(method string, sigs []gen.ChatActionSignature) error {
	for i, sig := range sigs {
		var msg string
		switch s := sig.MessageEventSignature; {
		case sig.MessageID == "":
			msg = "empty MessageID"
		case !patternChatActionSignatureEncodedMessageEventDetail.MatchString(sig.EncodedMessageEventDetail):
			msg = "EncodedMessageEventDetail is empty or not base64"
		case !patternChatMessageEventSignatureSignature.MatchString(s.Signature):
			msg = "MessageEventSignature.Signature is empty or not base64"
		case !patternChatMessageEventSignaturePublicKeyVersion.MatchString(s.PublicKeyVersion):
			msg = fmt.Sprintf("MessageEventSignature.PublicKeyVersion %q is not a decimal number", s.PublicKeyVersion)
		case !patternChatMessageEventSignatureSignatureVersion.MatchString(s.SignatureVersion):
			msg = fmt.Sprintf("MessageEventSignature.SignatureVersion %q is not a decimal number", s.SignatureVersion)
		default:
			continue
		}
		return invalid(method, "action signature %d: %s", i, msg)
	}
	return nil
}

// checkParticipantKeys checks the wrapped keys of a key change: a user id and a key each.
func checkParticipantKeys(method string, keys []gen.ChatParticipantKey) error {
	for i, k := range keys {
		if err := checkID(method, "participant user id", patternUserID, k.UserID); err != nil {
			return fmt.Errorf("%w (key %d)", err, i)
		}
		if k.EncryptedConversationKey == "" {
			return invalid(method, "empty EncryptedConversationKey for user %s", k.UserID)
		}
	}
	return nil
}

// ChatEventPage is a page of chat conversation events.
type ChatEventPage = Page[gen.ChatMessageEvent]
