package twitter_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// worldDMEvent finds an event of conversation conv that the world shows viewer, sent by
// sender ("" for any) and of type typ, and with media when withMedia is set.
func worldDMEvent(t *testing.T, s *testserver.Server, viewer, conv, sender, typ string, withMedia bool) testserver.DMEvent {
	t.Helper()
	for _, e := range s.World().DMEvents(viewer, conv) {
		if e.EventType == typ && (sender == "" || e.SenderID == sender) && (!withMedia || len(e.MediaKeys) > 0) {
			return e
		}
	}
	t.Fatalf("the world has no %s by %q in %s", typ, sender, conv)
	return testserver.DMEvent{}
}

func TestFakeDirectMessagesEvent(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	photo := worldDMEvent(t, s, testserver.AliceID, testserver.AliceBobConversationID, "", "MessageCreate", true)

	res, _, err := userClient(t, s, testserver.BobID, "dm.read", "tweet.read", "users.read").DirectMessages.Event(ctx, photo.ID, &allDMOpts)
	if err != nil {
		t.Fatal(err)
	}
	checkDMEvents(t, s, testserver.BobID, testserver.AliceBobConversationID, []gen.DmEvent{res.Data}, &res.Includes)
	if !slices.Equal(res.Data.Attachments.MediaKeys, photo.MediaKeys) {
		t.Errorf("attachments = %v, want %v", res.Data.Attachments.MediaKeys, photo.MediaKeys)
	}

	// A group's join event, over OAuth 1.0a.
	join := worldDMEvent(t, s, testserver.CarolID, testserver.GroupConversationID, "", "ParticipantsJoin", false)
	res, _, err = oauth1Client(t, s, testserver.CarolID).DirectMessages.Event(ctx, join.ID, &allDMOpts)
	if err != nil {
		t.Fatal(err)
	}
	checkDMEvents(t, s, testserver.CarolID, testserver.GroupConversationID, []gen.DmEvent{res.Data}, &res.Includes)
	if !slices.Equal(res.Data.ParticipantIds, join.ParticipantIDs) {
		t.Errorf("participants = %v, want %v", res.Data.ParticipantIds, join.ParticipantIDs)
	}

	// Not Carol's conversation, and an id nobody has: not found.
	for _, id := range []string{photo.ID, testserver.NonexistentID} {
		_, _, err = userClient(t, s, testserver.CarolID).DirectMessages.Event(ctx, id, nil)
		wantError(t, err, 200, twitter.ProblemResourceNotFound)
	}
	_, _, err = appClient(t, s).DirectMessages.Event(ctx, photo.ID, nil)
	wantUnsupportedAuth(t, err)

	for _, id := range []string{"", "12a", "12345678901234567890"} {
		if _, _, err := userClient(t, s, testserver.AliceID).DirectMessages.Event(ctx, id, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("Event(%q): err = %v, want ErrInvalidArgument", id, err)
		}
	}
}

func TestFakeDirectMessagesDeleteEvent(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "dm.read", "dm.write", "tweet.read", "users.read")
	bob := userClient(t, s, testserver.BobID)

	// A message Alice sends now, then deletes.
	sent, _, err := alice.DirectMessages.SendTo(ctx, testserver.BobID, twitter.DirectMessage{Text: "oops, wrong chat"})
	if err != nil {
		t.Fatal(err)
	}
	id := sent.Data.DmEventID
	if _, _, err := bob.DirectMessages.Event(ctx, id, nil); err != nil {
		t.Fatalf("Bob cannot read the new message: %v", err)
	}
	// Bob may not delete it.
	_, _, err = bob.DirectMessages.DeleteEvent(ctx, id)
	wantError(t, err, 403, "")

	res, _, err := alice.DirectMessages.DeleteEvent(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Deleted {
		t.Error("deleted = false")
	}
	if _, ok := s.World().DMEvent(id); ok {
		t.Error("the world still holds the deleted message")
	}
	// Later reads see it gone: the lookup, and the conversation's events.
	_, _, err = bob.DirectMessages.Event(ctx, id, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	for e, err := range alice.DirectMessages.EventsWithIter(ctx, testserver.BobID, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if e.ID == id {
			t.Fatal("the deleted message is still listed")
		}
	}
	// Deleting it again: not found.
	_, _, err = alice.DirectMessages.DeleteEvent(ctx, id)
	if !twitter.IsNotFound(err) {
		t.Errorf("second delete: err = %v, want not found", err)
	}

	// A join event cannot be deleted; a token without dm.write lacks a scope.
	join := worldDMEvent(t, s, testserver.AliceID, testserver.GroupConversationID, "", "ParticipantsJoin", false)
	_, _, err = alice.DirectMessages.DeleteEvent(ctx, join.ID)
	wantError(t, err, 403, "")
	mine := worldDMEvent(t, s, testserver.AliceID, testserver.AliceCarolConversationID, testserver.AliceID, "MessageCreate", false)
	_, _, err = userClient(t, s, testserver.AliceID, "dm.read").DirectMessages.DeleteEvent(ctx, mine.ID)
	wantError(t, err, 403, "")
	if _, ok := s.World().DMEvent(mine.ID); !ok {
		t.Error("a refused delete removed the message")
	}

	if _, _, err := alice.DirectMessages.DeleteEvent(ctx, "not-an-id"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("bad id: err = %v, want ErrInvalidArgument", err)
	}
}

// A message's entities decode from either place X's documents put them: nested under
// entities (the newest) and at the top of the event (2.159); the fake sends both.
func TestFakeDirectMessagesEventEntities(t *testing.T) {
	s := fake(t)
	photo := worldDMEvent(t, s, testserver.AliceID, testserver.AliceBobConversationID, "", "MessageCreate", true)
	res, _, err := userClient(t, s, testserver.AliceID, "dm.read", "tweet.read", "users.read").DirectMessages.Event(context.Background(), photo.ID,
		&twitter.DMEventOptions{DMEventFields: []gen.DmEventField{gen.DmEventFieldEntities}})
	if err != nil {
		t.Fatal(err)
	}
	e := res.Data
	if len(e.Entities.Hashtags) == 0 || len(e.Entities.Mentions) == 0 || len(e.Entities.Cashtags) == 0 {
		t.Fatalf("entities = %+v", e.Entities)
	}
	if !slices.Equal(e.Entities.Hashtags, e.Hashtags) || !slices.EqualFunc(e.Entities.Mentions, e.Mentions, func(a, b gen.MentionEntity) bool {
		return a.Username == b.Username && a.ID == b.ID && a.Start == b.Start
	}) {
		t.Errorf("nested %+v and top-level %+v / %+v differ", e.Entities, e.Hashtags, e.Mentions)
	}
	if m := e.Entities.Mentions[0]; !strings.Contains(photo.Text, "@"+m.Username) {
		t.Errorf("mention %+v is not in %q", m, photo.Text)
	}
}
