package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// InitializeGroup reserves the id of a new chat group for the caller (Data.ConversationID,
// "g…"). X's chat SDK prepares the group's first key and signatures for that id; then
// CreateGroup creates it. Needs a user context (OAuth 2.0 scope dm.write, or OAuth 1.0a).
func (s *ChatService) InitializeGroup(ctx context.Context) (*gen.ChatGroupInitializeResponse, *Response, error) {
	return do(ctx, s.client, &opInitializeChatGroup, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.InitializeChatGroup(ctx)
	})
}

// CreateGroup creates the group InitializeGroup reserved (req.ConversationID) with its
// members (GroupMembers, at least one besides the caller), admins, name, and its first key
// (ConversationKeyVersion), wrapped by X's chat SDK for every member, the caller included
// (ConversationParticipantKeys), with the SDK's action signatures. Everything encrypted
// is passed on as the SDK made it. Not retried unless WithRetryMutations is set. Needs a
// user context (OAuth 2.0 scopes dm.write, tweet.read, users.read, or OAuth 1.0a).
func (s *ChatService) CreateGroup(ctx context.Context, req gen.ChatGroupCreateRequest) (*gen.ChatGroupCreateResponse, *Response, error) {
	const method = "Chat.CreateGroup"
	if err := checkID(method, "group id", patternChatGroupID, req.ConversationID); err != nil {
		return nil, nil, err
	}
	switch {
	case req.ConversationKeyVersion == "":
		return nil, nil, invalid(method, "empty ConversationKeyVersion")
	case len(req.ConversationParticipantKeys) == 0:
		return nil, nil, invalid(method, "no ConversationParticipantKeys: the group's key wrapped for each member")
	case len(req.GroupMembers) == 0:
		return nil, nil, invalid(method, "no GroupMembers")
	case req.TTLMsec != "" && !patternChatGroupCreateRequestTTLMsec.MatchString(req.TTLMsec):
		return nil, nil, invalid(method, "TTLMsec %q is not a number of milliseconds", req.TTLMsec)
	}
	if err := checkEach(method, "member user id", patternUserID, req.GroupMembers); err != nil {
		return nil, nil, err
	}
	if err := checkEach(method, "admin user id", patternUserID, req.GroupAdmins); err != nil {
		return nil, nil, err
	}
	if err := checkParticipantKeys(method, req.ConversationParticipantKeys); err != nil {
		return nil, nil, err
	}
	if err := checkActionSignatures(method, req.ActionSignatures); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opCreateChatGroup, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateChatGroup(ctx, req)
	})
}

// AddMembers adds users (req.UserIds) to chat group id; the caller must be an admin of it.
// The key the new members receive comes wrapped for them by X's chat SDK
// (ConversationKeyVersion, ConversationParticipantKeys), with the SDK's action signatures.
// Data is the JSON X answered, kept as it came (X documents it as a Tweet; the fake, like
// the other changes, answers the conversation and the change's sequence id). Not retried
// unless WithRetryMutations is set. Needs a user context (OAuth 2.0 scopes dm.write,
// tweet.read, users.read, or OAuth 1.0a).
func (s *ChatService) AddMembers(ctx context.Context, id string, req gen.ChatMembersAddRequest) (*gen.ChatMembersAddResponse, *Response, error) {
	const method = "Chat.AddMembers"
	if err := checkID(method, "group id", patternChatGroupID, id); err != nil {
		return nil, nil, err
	}
	// The document bounds user_ids below (one at least) but not above: X says how many fit.
	if len(req.UserIds) < minItemsChatMembersAddRequestUserIds {
		return nil, nil, invalid(method, "no user ids")
	}
	if err := checkEach(method, "user id", patternUserID, req.UserIds); err != nil {
		return nil, nil, err
	}
	if err := checkParticipantKeys(method, req.ConversationParticipantKeys); err != nil {
		return nil, nil, err
	}
	if err := checkActionSignatures(method, req.ActionSignatures); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opAddChatGroupMembers, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.AddChatGroupMembers(ctx, id, req)
	})
}

// AddKeys publishes a new key of chat conversation id (ConversationKeyVersion, higher
// than the current one), wrapped by X's chat SDK for every participant, with the SDK's
// action signatures. Given the other user's id instead of a conversation id, it sets up
// the one-to-one conversation with them; Data.ConversationID is then the conversation's
// id to use from then on, and Data.SequenceID the key change's. Not retried unless
// WithRetryMutations is set. Needs a user context (OAuth 2.0 scopes dm.write, tweet.read,
// users.read, or OAuth 1.0a).
func (s *ChatService) AddKeys(ctx context.Context, id string, req gen.ChatKeysAddRequest) (*gen.ChatKeyChangeResponse, *Response, error) {
	const method = "Chat.AddKeys"
	id, err := chatPathID(method, id)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case req.ConversationKeyVersion == "":
		return nil, nil, invalid(method, "empty ConversationKeyVersion")
	case len(req.ConversationParticipantKeys) == 0:
		return nil, nil, invalid(method, "no ConversationParticipantKeys: the key wrapped for each participant")
	}
	if err := checkParticipantKeys(method, req.ConversationParticipantKeys); err != nil {
		return nil, nil, err
	}
	if err := checkActionSignatures(method, req.ActionSignatures); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opAddChatConversationKeys, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.AddChatConversationKeys(ctx, id, req)
	})
}
