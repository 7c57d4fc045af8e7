package twitter_test

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// allDMOpts asks for every event field and expands senders, participants, linked Tweets
// and attachments.
var allDMOpts = twitter.DMEventOptions{
	DMEventFields: []gen.DmEventField{gen.DmEventFieldCreatedAt, gen.DmEventFieldDmConversationID, gen.DmEventFieldEventType,
		gen.DmEventFieldSenderID, gen.DmEventFieldText, gen.DmEventFieldParticipantIds, gen.DmEventFieldAttachments, gen.DmEventFieldReferencedTweets},
	Expansions: []gen.DmEventExpansion{gen.DmEventExpansionSenderID, gen.DmEventExpansionParticipantIds,
		gen.DmEventExpansionAttachmentsMediaKeys, gen.DmEventExpansionReferencedTweetsID},
	MediaFields: []gen.MediaField{gen.MediaFieldURL},
	UserFields:  []gen.UserField{gen.UserFieldCreatedAt},
	TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt},
}

func dmEventIDs(es []gen.DmEvent) []string {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids
}

func worldEventIDs(es []testserver.DMEvent) []string {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids
}

// checkDMEvents compares decoded events with the server's, and checks that includes hold
// their senders, participants, attachments and linked Tweets.
func checkDMEvents(t *testing.T, s *testserver.Server, userID, conversationID string, got []gen.DmEvent, inc *gen.Expansions) {
	t.Helper()
	world := map[string]testserver.DMEvent{}
	for _, e := range s.World().DMEvents(userID, conversationID) {
		world[e.ID] = e
	}
	var incl gen.Expansions
	if inc != nil {
		incl = *inc
	}
	hasUser := func(id string) bool {
		return slices.ContainsFunc(incl.Users, func(u gen.User) bool { return u.ID == id && !u.CreatedAt.IsZero() })
	}
	for _, e := range got {
		want, ok := world[e.ID]
		if !ok {
			t.Fatalf("event %s is not one the world shows %s", e.ID, userID)
		}
		if string(e.EventType) != want.EventType || e.Text != want.Text || e.SenderID != want.SenderID ||
			e.DmConversationID != want.ConversationID || !e.CreatedAt.Equal(want.CreatedAt) {
			t.Errorf("event = %s, world has %+v", jsonText(e), want)
		}
		if want.SenderID != "" && !hasUser(want.SenderID) {
			t.Errorf("includes.users lacks sender %s of %s", want.SenderID, e.ID)
		}
		for _, p := range want.ParticipantIDs {
			if !hasUser(p) {
				t.Errorf("includes.users lacks participant %s of %s", p, e.ID)
			}
		}
		for _, key := range want.MediaKeys {
			if !slices.ContainsFunc(incl.Media, func(m gen.Media) bool { return m.MediaKey == key && m.URL != "" }) {
				t.Errorf("includes.media lacks %s of %s", key, e.ID)
			}
		}
		for _, id := range want.ReferencedTweetIDs {
			if !slices.ContainsFunc(incl.Tweets, func(tw gen.Tweet) bool { return tw.ID == id }) {
				t.Errorf("includes.tweets lacks %s of %s", id, e.ID)
			}
		}
	}
}

func TestFakeDirectMessagesEvents(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "dm.read", "tweet.read", "users.read")
	res, _, err := alice.DirectMessages.Events(ctx, &twitter.DMEventsOptions{DMEventOptions: allDMOpts})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(worldEventIDs(s.World().DMEvents(testserver.AliceID, "")), dmEventIDs(res.Data)); diff != "" || len(res.Data) != testserver.AliceDMEventCount {
		t.Errorf("events (-world +got):\n%s", diff)
	}
	checkDMEvents(t, s, testserver.AliceID, "", res.Data, &res.Includes)

	// Only who joined and left.
	res, _, err = alice.DirectMessages.Events(ctx, &twitter.DMEventsOptions{EventTypes: []gen.ListDMEventsParamsEventTypes{
		gen.ListDMEventsParamsEventTypesParticipantsJoin, gen.ListDMEventsParamsEventTypesParticipantsLeave,
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 2 || res.Data[0].EventType != "ParticipantsLeave" || res.Data[1].EventType != "ParticipantsJoin" {
		t.Errorf("join and leave events = %s", jsonText(res.Data))
	}

	_, _, err = appClient(t, s).DirectMessages.Events(ctx, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeDirectMessagesConversationEvents(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	carol := userClient(t, s, testserver.CarolID)
	res, _, err := carol.DirectMessages.ConversationEvents(ctx, testserver.GroupConversationID, &twitter.DMEventsOptions{DMEventOptions: allDMOpts})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(worldEventIDs(s.World().DMEvents(testserver.CarolID, testserver.GroupConversationID)), dmEventIDs(res.Data)); diff != "" || res.Data == nil {
		t.Errorf("group events (-world +got):\n%s", diff)
	}
	checkDMEvents(t, s, testserver.CarolID, testserver.GroupConversationID, res.Data, &res.Includes)

	// One to one, by OAuth 1.0a, paged.
	opts := &twitter.DMEventsOptions{PageOptions: twitter.PageOptions{MaxResults: 20}}
	first, _, err := oauth1Client(t, s, testserver.BobID).DirectMessages.ConversationEvents(ctx, testserver.AliceBobConversationID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Data) != 20 || first.Meta.NextToken == "" {
		t.Errorf("first page: %d events, next token %q", len(first.Data), first.Meta.NextToken)
	}

	// Not a participant.
	_, _, err = carol.DirectMessages.ConversationEvents(ctx, testserver.AliceBobConversationID, nil)
	wantError(t, err, http.StatusForbidden, "")
}

func TestFakeDirectMessagesEventsWith(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).DirectMessages.EventsWith(ctx, testserver.BobID, &twitter.DMEventsOptions{DMEventOptions: allDMOpts})
	if err != nil {
		t.Fatal(err)
	}
	want := worldEventIDs(s.World().DMEvents(testserver.AliceID, testserver.AliceBobConversationID))
	if diff := cmp.Diff(want, dmEventIDs(res.Data)); diff != "" || len(want) != testserver.AliceBobMessageCount {
		t.Errorf("events with Bob (-world +got):\n%s", diff)
	}
	checkDMEvents(t, s, testserver.AliceID, testserver.AliceBobConversationID, res.Data, &res.Includes)

	_, _, err = userClient(t, s, testserver.AliceID).DirectMessages.EventsWith(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeDirectMessagesSendTo(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, resp, err := alice.DirectMessages.SendTo(ctx, testserver.CarolID, twitter.DirectMessage{Text: "See you at nine"})
	if err != nil {
		t.Fatal(err)
	}
	events := s.World().DMEvents(testserver.CarolID, testserver.AliceCarolConversationID)
	if resp.StatusCode != http.StatusCreated || res.Data.DmConversationID != testserver.AliceCarolConversationID || len(events) == 0 ||
		events[0].ID != res.Data.DmEventID || events[0].Text != "See you at nine" || events[0].SenderID != testserver.AliceID {
		t.Errorf("sent %+v (status %d); Carol sees %+v", res.Data, resp.StatusCode, events[0])
	}

	// A photo uploaded for direct messages, without text, starting a conversation.
	photo := bytes.Repeat([]byte{0xff, 0xd8, 0x42}, 300)
	up, _, err := alice.Media.Upload(ctx, bytes.NewReader(photo), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImageJpeg,
		&twitter.UploadOptions{Category: gen.MediaCategoryDmImage})
	if err != nil {
		t.Fatal(err)
	}
	res, _, err = alice.DirectMessages.SendTo(ctx, testserver.DaveID, twitter.DirectMessage{MediaID: up.Data.ID})
	if err != nil {
		t.Fatal(err)
	}
	events = s.World().DMEvents(testserver.DaveID, res.Data.DmConversationID)
	if len(events) != 1 || len(events[0].MediaKeys) != 1 || events[0].MediaKeys[0] != up.Data.MediaKey {
		t.Errorf("photo message: %+v", events)
	}

	_, _, err = alice.DirectMessages.SendTo(ctx, testserver.AliceID, twitter.DirectMessage{Text: "note to self"})
	wantError(t, err, http.StatusBadRequest, "")
}

func TestFakeDirectMessagesSendToConversation(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.BobID).DirectMessages.SendToConversation(ctx, testserver.GroupConversationID, twitter.DirectMessage{Text: "I'll be there"})
	if err != nil {
		t.Fatal(err)
	}
	events := s.World().DMEvents(testserver.AliceID, testserver.GroupConversationID)
	if res.Data.DmConversationID != testserver.GroupConversationID || events[0].ID != res.Data.DmEventID || events[0].Text != "I'll be there" {
		t.Errorf("sent %+v; the group has %+v", res.Data, events[0])
	}
	// Dave left the group.
	_, _, err = userClient(t, s, testserver.DaveID).DirectMessages.SendToConversation(ctx, testserver.GroupConversationID, twitter.DirectMessage{Text: "back?"})
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = appClient(t, s).DirectMessages.SendToConversation(ctx, testserver.GroupConversationID, twitter.DirectMessage{Text: "as the app"})
	wantUnsupportedAuth(t, err)
}

func TestFakeDirectMessagesCreateGroupConversation(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID, "dm.write", "tweet.read", "users.read")
	res, resp, err := bob.DirectMessages.CreateGroupConversation(ctx, []string{testserver.CarolID, testserver.DaveID}, twitter.DirectMessage{Text: "A new group"})
	if err != nil {
		t.Fatal(err)
	}
	conv, ok := s.World().DMConversation(res.Data.DmConversationID)
	if resp.StatusCode != http.StatusCreated || !ok || !conv.Group ||
		!cmp.Equal([]string{testserver.BobID, testserver.CarolID, testserver.DaveID}, conv.ParticipantIDs) {
		t.Errorf("created %+v; world has %+v", res.Data, conv)
	}
	events := s.World().DMEvents(testserver.DaveID, conv.ID)
	if len(events) == 0 || events[0].ID != res.Data.DmEventID || events[0].Text != "A new group" {
		t.Errorf("group events = %+v", events)
	}
	// It is a conversation like any other: its members can read and write in it.
	if _, _, err := userClient(t, s, testserver.CarolID).DirectMessages.SendToConversation(ctx, conv.ID, twitter.DirectMessage{Text: "hi"}); err != nil {
		t.Errorf("Carol writing in the new group: %v", err)
	}

	_, _, err = bob.DirectMessages.CreateGroupConversation(ctx, []string{testserver.CarolID, testserver.NonexistentID}, twitter.DirectMessage{Text: "x"})
	wantError(t, err, http.StatusBadRequest, "")
}
