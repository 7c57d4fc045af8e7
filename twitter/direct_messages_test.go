package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

var dmOpts = DMEventsOptions{
	DMEventOptions: DMEventOptions{
		DMEventFields: []gen.DmEventField{gen.DmEventFieldCreatedAt, gen.DmEventFieldSenderID, gen.DmEventFieldDmConversationID, gen.DmEventFieldAttachments},
		Expansions:    []gen.DmEventExpansion{gen.DmEventExpansionSenderID, gen.DmEventExpansionAttachmentsMediaKeys},
		MediaFields:   []gen.MediaField{gen.MediaFieldURL},
		UserFields:    []gen.UserField{gen.UserFieldUsername},
		TweetFields:   []gen.TweetField{gen.TweetFieldCreatedAt},
	},
	PageOptions: PageOptions{MaxResults: 100, PaginationToken: "18LAA581J5II7LA00C00ZZZZ"},
	EventTypes:  []gen.ListDMEventsParamsEventTypes{gen.ListDMEventsParamsEventTypesMessageCreate},
}

const dmQuery = "max_results=100&pagination_token=18LAA581J5II7LA00C00ZZZZ&event_types=MessageCreate" +
	"&dm_event.fields=created_at,sender_id,dm_conversation_id,attachments&expansions=sender_id,attachments.media_keys" +
	"&media.fields=url&user.fields=username&tweet.fields=created_at"

const dmReply = `{"data":[{"id":"1582838223809257476","text":"Hello, here is a photo","event_type":"MessageCreate",` +
	`"dm_conversation_id":"1582103724607971328-1582838029054775296","created_at":"2022-10-19T20:58:00.000Z","sender_id":"1582838029054775296",` +
	`"attachments":{"media_keys":["3_1582838215093870593"]}}],` +
	`"includes":{"users":[{"id":"1582838029054775296","name":"Sender","username":"sender"}],"media":[{"media_key":"3_1582838215093870593","type":"photo","url":"https://pbs.twimg.com/media/Ffc0lQ4X0AE8bgr.jpg"}]},` +
	`"meta":{"result_count":1,"next_token":"18LAA581J5II7LA00C00ZZZY","previous_token":"18LAA581J5II7LA00C00ZZZX"}}`

func checkDMReply(t *testing.T, out any) {
	t.Helper()
	r := as[gen.DmEventsLookupResponse](t, out)
	e := r.Data[0]
	if e.ID != "1582838223809257476" || e.Text != "Hello, here is a photo" || e.EventType != "MessageCreate" ||
		e.SenderID != "1582838029054775296" || e.Attachments.MediaKeys[0] != r.Includes.Media[0].MediaKey {
		t.Errorf("event = %s", asJSON(t, e))
	}
	if r.Includes.Users[0].Username != "sender" || r.Meta.NextToken != "18LAA581J5II7LA00C00ZZZY" {
		t.Errorf("result = %s", asJSON(t, r))
	}
}

func TestDirectMessagesRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "Events",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.Events(ctx, &dmOpts))
		},
		want:  wire{method: "GET", path: "/2/dm_events", query: dmQuery},
		reply: dmReply,
		check: func(t *testing.T, out any, _ *Response, _ error) { checkDMReply(t, out) },
	}, {
		name: "Events of a user with none",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.Events(ctx, nil))
		},
		want:  wire{method: "GET", path: "/2/dm_events"},
		reply: `{"meta":{"result_count":0}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.DmEventsLookupResponse](t, out); r.Data != nil {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "ConversationEvents of a group",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.ConversationEvents(ctx, "1582103724607971328", &dmOpts))
		},
		want:  wire{method: "GET", path: "/2/dm_conversations/1582103724607971328/dm_events", query: dmQuery},
		reply: dmReply,
		check: func(t *testing.T, out any, _ *Response, _ error) { checkDMReply(t, out) },
	}, {
		name: "ConversationEvents one to one, all kinds",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.ConversationEvents(ctx, "1582103724607971328-1582838029054775296", &DMEventsOptions{
				EventTypes: []gen.ListDMEventsParamsEventTypes{"ParticipantsJoin", "ParticipantsLeave", "MessageCreate"},
			}))
		},
		want:  wire{method: "GET", path: "/2/dm_conversations/1582103724607971328-1582838029054775296/dm_events", query: "event_types=ParticipantsJoin,ParticipantsLeave,MessageCreate"},
		reply: `{"data":[{"id":"1582838223809257477","event_type":"ParticipantsJoin","participant_ids":["1582838029054775296"]}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.DmEventsLookupResponse](t, out); r.Data[0].EventType != "ParticipantsJoin" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "ConversationEvents of someone else's conversation",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.ConversationEvents(ctx, "12-13", nil))
		},
		want:    wire{method: "GET", path: "/2/dm_conversations/12-13/dm_events"},
		status:  403,
		reply:   `{"detail":"You are not a participant of this conversation.","type":"about:blank","title":"Forbidden","status":403}`,
		wantErr: true,
	}, {
		name: "EventsWith",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.EventsWith(ctx, "1582838029054775296", &dmOpts))
		},
		want:  wire{method: "GET", path: "/2/dm_conversations/with/1582838029054775296/dm_events", query: dmQuery},
		reply: dmReply,
		check: func(t *testing.T, out any, _ *Response, _ error) { checkDMReply(t, out) },
	}, {
		name: "SendTo",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.SendTo(ctx, "1582838029054775296", DirectMessage{Text: "Hello to just you two, this is a new group conversation."}))
		},
		want:   wire{method: "POST", path: "/2/dm_conversations/with/1582838029054775296/messages", body: `{"text":"Hello to just you two, this is a new group conversation."}`},
		status: 201,
		reply:  `{"data":{"dm_conversation_id":"1582103724607971328-1582838029054775296","dm_event_id":"1582838223809257476"}}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			r := as[gen.CreateDmEventResponse](t, out)
			if r.Data.DmConversationID != "1582103724607971328-1582838029054775296" || r.Data.DmEventID != "1582838223809257476" || resp.StatusCode != 201 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "SendTo a photo alone",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.SendTo(ctx, "1582838029054775296", DirectMessage{MediaID: "1582838215093870593"}))
		},
		want:   wire{method: "POST", path: "/2/dm_conversations/with/1582838029054775296/messages", body: `{"attachments":[{"media_id":"1582838215093870593"}]}`},
		status: 201,
		reply:  `{"data":{"dm_conversation_id":"1582103724607971328-1582838029054775296","dm_event_id":"1582838223809257478"}}`,
	}, {
		name: "SendToConversation with text and a photo",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.SendToConversation(ctx, "1582103724607971328", DirectMessage{Text: "Look", MediaID: "1582838215093870593"}))
		},
		want:   wire{method: "POST", path: "/2/dm_conversations/1582103724607971328/messages", body: `{"text":"Look","attachments":[{"media_id":"1582838215093870593"}]}`},
		status: 201,
		reply:  `{"data":{"dm_conversation_id":"1582103724607971328","dm_event_id":"1582838223809257479"}}`,
	}, {
		name: "SendToConversation with a DM-ineligible user",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.SendToConversation(ctx, "1582103724607971328-1582838029054775296", DirectMessage{Text: "hi"}))
		},
		want:    wire{method: "POST", path: "/2/dm_conversations/1582103724607971328-1582838029054775296/messages", body: `{"text":"hi"}`},
		status:  403,
		reply:   `{"detail":"You cannot send messages to this user.","type":"about:blank","title":"Forbidden","status":403}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsForbidden(err) || apiError(t, err).Endpoint != "POST /2/dm_conversations/{dm_conversation_id}/messages" {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "CreateGroupConversation",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.DirectMessages.CreateGroupConversation(ctx, []string{"944480690", "906948460078698496"}, DirectMessage{Text: "Hello to you two, this is a new group conversation"}))
		},
		want: wire{method: "POST", path: "/2/dm_conversations", body: `{"conversation_type":"Group","participant_ids":["944480690","906948460078698496"],` +
			`"message":{"text":"Hello to you two, this is a new group conversation"}}`},
		status: 201,
		reply:  `{"data":{"dm_conversation_id":"1582838223809257480","dm_event_id":"1582838223809257481"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.CreateDmEventResponse](t, out); r.Data.DmConversationID != "1582838223809257480" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}})
}

func TestDirectMessagesRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"Events page", func() error {
			_, _, err := c.DirectMessages.Events(ctx, &DMEventsOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "DirectMessages.Events: invalid argument: MaxResults 101 out of range [1, 100]"},
		{"Events types", func() error {
			_, _, err := c.DirectMessages.Events(ctx, &DMEventsOptions{EventTypes: []gen.ListDMEventsParamsEventTypes{"MessageDelete"}})
			return err
		}, `EventTypes "MessageDelete" is not one of MessageCreate, ParticipantsJoin, ParticipantsLeave`},
		{"Events types twice", func() error {
			_, _, err := c.DirectMessages.Events(ctx, &DMEventsOptions{EventTypes: []gen.ListDMEventsParamsEventTypes{"MessageCreate", "MessageCreate"}})
			return err
		}, `EventTypes lists "MessageCreate" twice`},
		{"ConversationEvents id", func() error { _, _, err := c.DirectMessages.ConversationEvents(ctx, "12", nil); return err }, `DirectMessages.ConversationEvents: invalid argument: conversation id "12" is malformed`},
		{"ConversationEvents empty", func() error { _, _, err := c.DirectMessages.ConversationEvents(ctx, "", nil); return err }, "empty conversation id"},
		{"ConversationEvents page", func() error {
			_, _, err := c.DirectMessages.ConversationEvents(ctx, "12-13", &DMEventsOptions{PageOptions: PageOptions{MaxResults: -1}})
			return err
		}, "MaxResults -1"},
		{"EventsWith id", func() error { _, _, err := c.DirectMessages.EventsWith(ctx, "12-13", nil); return err }, `DirectMessages.EventsWith: invalid argument: participant id "12-13" is malformed`},
		{"SendTo id", func() error { _, _, err := c.DirectMessages.SendTo(ctx, "", DirectMessage{Text: "hi"}); return err }, "DirectMessages.SendTo: invalid argument: empty participant id"},
		{"SendTo empty", func() error { _, _, err := c.DirectMessages.SendTo(ctx, "12", DirectMessage{}); return err }, "a message needs Text or a MediaID"},
		{"SendTo bad UTF-8", func() error { _, _, err := c.DirectMessages.SendTo(ctx, "12", DirectMessage{Text: "\xc3"}); return err }, "not valid UTF-8"},
		{"SendTo media key", func() error {
			_, _, err := c.DirectMessages.SendTo(ctx, "12", DirectMessage{MediaID: "3_1582838215093870593"})
			return err
		}, `MediaID "3_1582838215093870593" is malformed`},
		{"SendToConversation id", func() error {
			_, _, err := c.DirectMessages.SendToConversation(ctx, "12:13", DirectMessage{Text: "hi"})
			return err
		}, "DirectMessages.SendToConversation: invalid argument: conversation id"},
		{"CreateGroupConversation one", func() error {
			_, _, err := c.DirectMessages.CreateGroupConversation(ctx, []string{"12"}, DirectMessage{Text: "hi"})
			return err
		}, "1 participants; a group takes 2 to 49 besides the authenticated user"},
		{"CreateGroupConversation fifty", func() error {
			ids := make([]string, 50)
			for i := range ids {
				ids[i] = "1" + strings.Repeat("0", i%18)
			}
			_, _, err := c.DirectMessages.CreateGroupConversation(ctx, ids, DirectMessage{Text: "hi"})
			return err
		}, "50 participants"},
		{"CreateGroupConversation twice", func() error {
			_, _, err := c.DirectMessages.CreateGroupConversation(ctx, []string{"12", "13", "12"}, DirectMessage{Text: "hi"})
			return err
		}, "participant 12 is listed twice"},
		{"CreateGroupConversation bad id", func() error {
			_, _, err := c.DirectMessages.CreateGroupConversation(ctx, []string{"12", "@bob"}, DirectMessage{Text: "hi"})
			return err
		}, `participant id "@bob" is malformed`},
		{"CreateGroupConversation empty message", func() error {
			_, _, err := c.DirectMessages.CreateGroupConversation(ctx, []string{"12", "13"}, DirectMessage{})
			return err
		}, "DirectMessages.CreateGroupConversation: invalid argument: a message needs Text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
