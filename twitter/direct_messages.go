package twitter

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// DirectMessage is a direct message to send: Text, an attachment (MediaID, an upload of
// category dm_image, dm_gif or dm_video; see MediaService.Upload), or both.
type DirectMessage struct {
	Text    string
	MediaID string
}

// Events returns one page of the direct-message events of every conversation of the
// authenticated user, newest first, from the last 30 days: messages, and participants
// joining or leaving groups (DMEventsOptions.EventTypes picks among them). It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 100. Needs a user
// context (scope dm.read).
func (s *DirectMessagesService) Events(ctx context.Context, opts *DMEventsOptions) (*gen.DmEventsLookupResponse, *Response, error) {
	const method = "DirectMessages.Events"
	p, err := dmEventsParams(method, orZero(opts), opListDMEvents.size)
	if err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListDMEvents.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListDMEvents(ctx, &p)
	})
}

// ConversationEvents returns one page of the events of one conversation the authenticated
// user takes part in, newest first, from the last 30 days. conversationID is
// "smallerID-largerID" for a one-to-one conversation, a number for a group. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 100. Needs a user
// context (scope dm.read).
func (s *DirectMessagesService) ConversationEvents(ctx context.Context, conversationID string, opts *DMEventsOptions) (*gen.DmEventsLookupResponse, *Response, error) {
	const method = "DirectMessages.ConversationEvents"
	if err := checkID(method, "conversation id", patternDmConversationID, conversationID); err != nil {
		return nil, nil, err
	}
	e, err := dmEventsParams(method, orZero(opts), opListDMConversationEvents.size)
	if err != nil {
		return nil, nil, err
	}
	p := gen.ListDMConversationEventsParams{
		MaxResults: e.MaxResults, PaginationToken: e.PaginationToken, EventTypes: convertAll[gen.ListDMConversationEventsParamsEventTypes](e.EventTypes),
		DmEventFields: e.DmEventFields, Expansions: e.Expansions, MediaFields: e.MediaFields, UserFields: e.UserFields, TweetFields: e.TweetFields,
	}
	return do(ctx, s.client, &opListDMConversationEvents.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListDMConversationEvents(ctx, conversationID, &p)
	})
}

// EventsWith returns one page of the events of the one-to-one conversation of the
// authenticated user with participantID, newest first, from the last 30 days. It pages
// with pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 100. Needs a
// user context (scope dm.read).
func (s *DirectMessagesService) EventsWith(ctx context.Context, participantID string, opts *DMEventsOptions) (*gen.DmEventsLookupResponse, *Response, error) {
	const method = "DirectMessages.EventsWith"
	if err := checkID(method, "participant id", patternUserID, participantID); err != nil {
		return nil, nil, err
	}
	e, err := dmEventsParams(method, orZero(opts), opListDMEventsWithParticipant.size)
	if err != nil {
		return nil, nil, err
	}
	p := gen.ListDMEventsWithParticipantParams{
		MaxResults: e.MaxResults, PaginationToken: e.PaginationToken, EventTypes: convertAll[gen.ListDMEventsWithParticipantParamsEventTypes](e.EventTypes),
		DmEventFields: e.DmEventFields, Expansions: e.Expansions, MediaFields: e.MediaFields, UserFields: e.UserFields, TweetFields: e.TweetFields,
	}
	return do(ctx, s.client, &opListDMEventsWithParticipant.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListDMEventsWithParticipant(ctx, participantID, &p)
	})
}

// SendTo sends msg to participantID in their one-to-one conversation with the
// authenticated user, starting it when there is none, and returns the conversation and
// event ids. As a mutation it is not retried unless WithRetryMutations is set: a retry
// after a lost answer could send the message twice. Needs a user context (scope dm.write).
func (s *DirectMessagesService) SendTo(ctx context.Context, participantID string, msg DirectMessage) (*gen.CreateDmEventResponse, *Response, error) {
	const method = "DirectMessages.SendTo"
	if err := checkID(method, "participant id", patternUserID, participantID); err != nil {
		return nil, nil, err
	}
	body, err := msg.request(method)
	if err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSendDMToParticipant, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SendDMToParticipant(ctx, participantID, body)
	})
}

// SendToConversation sends msg to a conversation the authenticated user takes part in,
// one to one ("smallerID-largerID") or a group (a number), and returns the conversation
// and event ids. Not retried unless WithRetryMutations is set. Needs a user context (scope
// dm.write).
func (s *DirectMessagesService) SendToConversation(ctx context.Context, conversationID string, msg DirectMessage) (*gen.CreateDmEventResponse, *Response, error) {
	const method = "DirectMessages.SendToConversation"
	if err := checkID(method, "conversation id", patternDmConversationID, conversationID); err != nil {
		return nil, nil, err
	}
	body, err := msg.request(method)
	if err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSendDMToConversation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SendDMToConversation(ctx, conversationID, body)
	})
}

// CreateGroupConversation starts a group conversation of the authenticated user with 2 to
// 49 other users (participantIDs, without the authenticated user) and sends msg as its
// first message. It returns the new conversation's id (a number) and the event id. Not
// retried unless WithRetryMutations is set. Needs a user context (scope dm.write).
func (s *DirectMessagesService) CreateGroupConversation(ctx context.Context, participantIDs []string, msg DirectMessage) (*gen.CreateDmEventResponse, *Response, error) {
	const method = "DirectMessages.CreateGroupConversation"
	if n := len(participantIDs); n < minItemsDmParticipants || n > maxItemsDmParticipants {
		return nil, nil, invalid(method, "%d participants; a group takes %d to %d besides the authenticated user", n, minItemsDmParticipants, maxItemsDmParticipants)
	}
	if err := checkEach(method, "participant id", patternUserID, participantIDs); err != nil {
		return nil, nil, err
	}
	for i, id := range participantIDs {
		if slices.Contains(participantIDs[:i], id) {
			return nil, nil, invalid(method, "participant %s is listed twice", id)
		}
	}
	m, err := msg.request(method)
	if err != nil {
		return nil, nil, err
	}
	body := gen.CreateDmConversationRequest{
		ConversationType: gen.CreateDmConversationRequestConversationTypeGroup,
		Message:          m,
		ParticipantIds:   participantIDs,
	}
	return do(ctx, s.client, &opCreateDMConversation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateDMConversation(ctx, body)
	})
}

// request validates m and builds the message of a request body.
func (m DirectMessage) request(method string) (gen.CreateMessageRequest, error) {
	var r gen.CreateMessageRequest
	if m.Text == "" && m.MediaID == "" {
		return r, invalid(method, "a message needs Text or a MediaID")
	}
	if !utf8.ValidString(m.Text) {
		return r, invalid(method, "message Text is not valid UTF-8")
	}
	var attachments gen.DmAttachments
	if m.MediaID != "" {
		if err := checkID(method, "MediaID", patternMediaID, m.MediaID); err != nil {
			return r, err
		}
		attachments = gen.DmAttachments{{MediaID: m.MediaID}}
	}
	var err error
	if m.Text != "" {
		err = r.FromCreateTextMessageRequest(gen.CreateTextMessageRequest{Text: m.Text, Attachments: attachments})
	} else {
		err = r.FromCreateAttachmentsMessageRequest(gen.CreateAttachmentsMessageRequest{Attachments: attachments})
	}
	if err != nil {
		return r, fmt.Errorf("twitter: %s: %w", method, err)
	}
	return r, nil
}

// dmEventsParams validates what the three event lists share and builds their parameters
// (those of GET /2/dm_events).
func dmEventsParams(method string, o *DMEventsOptions, size pageSize) (gen.ListDMEventsParams, error) {
	var p gen.ListDMEventsParams
	if err := checkSet(method, "EventTypes", o.EventTypes); err != nil {
		return p, err
	}
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, size); err != nil {
		return p, err
	}
	p.EventTypes = optional(o.EventTypes)
	if p.DmEventFields, p.Expansions, p.MediaFields, p.UserFields, p.TweetFields, err = o.DMEventOptions.params(method); err != nil {
		return p, err
	}
	return p, nil
}

// convertAll converts an optional list of one string enum type to another that takes the
// same values.
func convertAll[To, From ~string](from *[]From) *[]To {
	if from == nil {
		return nil
	}
	to := make([]To, len(*from))
	for i, v := range *from {
		to[i] = To(v)
	}
	return &to
}
