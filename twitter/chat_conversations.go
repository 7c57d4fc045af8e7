package twitter

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/twitterkit/go/gen"
)

// chatPathID checks a conversation id and returns it as paths spell it. Events and X's
// chat SDK write a one-to-one id with a colon ("12:34"); paths take a hyphen ("12-34"),
// so either is accepted.
func chatPathID(method, id string) (string, error) {
	id = strings.Replace(id, ":", "-", 1)
	if err := checkID(method, "conversation id", patternChatConversationID, id); err != nil {
		return "", err
	}
	return id, nil
}

// ChatConversationOptions selects the fields and expansions of chat conversations.
type ChatConversationOptions struct {
	// ConversationFields beyond X's defaults (id and type).
	ConversationFields []gen.ChatConversationField
	// Expansions return the users named by admin_ids, member_ids or participant_ids in
	// Includes.Users, with UserFields.
	Expansions []gen.ChatConversationExpansion
	UserFields []gen.UserField
}

func (o *ChatConversationOptions) params(method string) (*gen.ChatConversationFields, *gen.ChatConversationExpansions, *gen.UserFields, error) {
	fields, err1 := optSet(method, "ConversationFields", o.ConversationFields)
	expansions, err2 := optSet(method, "Expansions", o.Expansions)
	users, err3 := optSet(method, "UserFields", o.UserFields)
	if err := errors.Join(err1, err2, err3); err != nil {
		return nil, nil, nil, err
	}
	return fields, expansions, users, nil
}

// ChatConversationsOptions selects a page of the caller's chat conversations.
type ChatConversationsOptions struct {
	ChatConversationOptions
	// PageOptions: MaxResults is 1 to 100, 0 meaning X's 10.
	PageOptions
}

// Conversations lists one page of the encrypted chat conversations the authenticated
// user takes part in, most recently active first. Meta.HasMessageRequests says whether
// conversations from accounts the user does not follow are waiting apart. It pages with
// pagination_token. Needs a user context (OAuth 2.0 scopes dm.read, users.read, or OAuth
// 1.0a).
func (s *ChatService) Conversations(ctx context.Context, opts *ChatConversationsOptions) (*gen.ChatConversationsResponse, *Response, error) {
	const method = "Chat.Conversations"
	o := orZero(opts)
	var p gen.ListChatConversationsParams
	var err error
	if p.ChatConversationFields, p.Expansions, p.UserFields, err = o.ChatConversationOptions.params(method); err != nil {
		return nil, nil, err
	}
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListChatConversations.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListChatConversations.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListChatConversations(ctx, &p)
	})
}

// Conversation looks up one chat conversation the authenticated user takes part in, by
// its id ("12-34" or "12:34" one to one, "g123" for a group). A conversation that does not
// exist, or that the user is not in, is a not-found error (IsNotFound). Needs a user
// context (OAuth 2.0 scopes dm.read, tweet.read, users.read, or OAuth 1.0a).
func (s *ChatService) Conversation(ctx context.Context, id string, opts *ChatConversationOptions) (*gen.ChatConversationResponse, *Response, error) {
	const method = "Chat.Conversation"
	id, err := chatPathID(method, id)
	if err != nil {
		return nil, nil, err
	}
	var p gen.LookupChatConversationParams
	if p.ChatConversationFields, p.Expansions, p.UserFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupChatConversation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupChatConversation(ctx, id, &p)
	})
}

// ChatConversationPage is a page of chat conversations.
type ChatConversationPage = Page[gen.ChatConversation]
