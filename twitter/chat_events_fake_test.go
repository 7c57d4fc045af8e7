package twitter_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// chatSignature is an action signature as X's chat SDK would hand it over; its content is
// opaque to the client and the fake.
func chatSignature(detail string) gen.ChatActionSignature {
	return gen.ChatActionSignature{MessageID: "sig-" + detail, EncodedMessageEventDetail: detail,
		MessageEventSignature: gen.ChatMessageEventSignature{Signature: "c2lnbmF0dXJl", PublicKeyVersion: "1", SignatureVersion: "1"}}
}

// wantInvalid checks that each call was refused before sending.
func wantInvalid(t *testing.T, calls map[string]func() error) {
	t.Helper()
	for name, call := range calls {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeChatEvents(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)

	page, _, err := bob.Chat.Events(ctx, testserver.ChatAliceBobID, &twitter.ChatEventsOptions{
		EventFields: []gen.ChatMessageEventField{gen.ChatMessageEventFieldID, gen.ChatMessageEventFieldEncodedEvent,
			gen.ChatMessageEventFieldSenderID, gen.ChatMessageEventFieldCreatedAt, gen.ChatMessageEventFieldPreviousID},
		PageOptions: twitter.PageOptions{MaxResults: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	// The newest message first, carried as the opaque bytes the sender's SDK made.
	if len(page.Data) != 3 || page.Data[0].EncodedEvent != testserver.ChatSeedMessage(testserver.ChatAliceBobID, 3) ||
		page.Data[0].SenderID != testserver.AliceID || page.Data[0].PreviousID != page.Data[1].ID || page.Data[0].CreatedAt.IsZero() ||
		len(page.Meta.ConversationKeyEvents) != 1 || !page.Meta.HasMore {
		t.Errorf("page: %+v", page)
	}

	// The iterator reads every event, as the world holds them (newest first).
	var got []string
	for e, err := range bob.Chat.EventsIter(ctx, testserver.AliceID+":"+testserver.BobID, &twitter.ChatEventsOptions{PageOptions: twitter.PageOptions{MaxResults: 1}}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e.ID)
	}
	var want []string
	for _, e := range s.World().ChatEvents(testserver.ChatAliceBobID) {
		want = append([]string{e.ID}, want...)
	}
	if len(got) != 4 || !slices.Equal(got, want) {
		t.Errorf("iterated %v, want %v", got, want)
	}

	// Unknown to Carol: a typed not-found error, from the method and the iterator alike.
	carol := userClient(t, s, testserver.CarolID)
	if _, _, err := carol.Chat.Events(ctx, testserver.ChatAliceBobID, nil); !twitter.IsNotFound(err) {
		t.Errorf("outsider: %v", err)
	}
	for _, err := range carol.Chat.EventsPages(ctx, testserver.ChatAliceBobID, nil, nil) {
		if !twitter.IsNotFound(err) {
			t.Errorf("outsider's pages: %v", err)
		}
	}
	wantInvalid(t, map[string]func() error{
		"id": func() error { _, _, err := bob.Chat.Events(ctx, "alice-bob", nil); return err },
		"field": func() error {
			_, _, err := bob.Chat.Events(ctx, testserver.ChatAliceBobID, &twitter.ChatEventsOptions{EventFields: []gen.ChatMessageEventField{"sequence_id"}})
			return err
		},
		"size": func() error {
			_, _, err := bob.Chat.Events(ctx, testserver.ChatAliceBobID, &twitter.ChatEventsOptions{PageOptions: twitter.PageOptions{MaxResults: 500}})
			return err
		},
	})
}

func TestFakeChatSend(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	carol := userClient(t, s, testserver.CarolID)
	// What X's chat SDK's EncryptMessage returns; the client passes it on untouched.
	msg := gen.ChatMessageRequest{MessageID: "3f9c0b6e", EncodedMessageCreateEvent: "ZW5jcnlwdGVkIGhlbGxv", EncodedMessageEventSignature: "c2ln"}

	sent, _, err := carol.Chat.Send(ctx, testserver.ChatGroupID, msg)
	if err != nil {
		t.Fatal(err)
	}
	if sent.Data.EncodedMessageEvent != msg.EncodedMessageCreateEvent {
		t.Errorf("sent: %+v", sent.Data)
	}
	// Sent again (a retry after a timeout, say): still one message.
	if _, _, err := carol.Chat.Send(ctx, testserver.ChatGroupID, msg); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range s.World().ChatEvents(testserver.ChatGroupID) {
		if e.MessageID == msg.MessageID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d events for one message", n)
	}
	// Alice reads what Carol sent, as sent.
	page, _, err := userClient(t, s, testserver.AliceID).Chat.Events(ctx, testserver.ChatGroupID, nil)
	if err != nil || page.Data[0].EncodedEvent != msg.EncodedMessageCreateEvent {
		t.Errorf("Alice's events: %+v, %v", page, err)
	}

	other := msg
	other.EncodedMessageCreateEvent = "b3RoZXI="
	_, _, err = carol.Chat.Send(ctx, testserver.ChatGroupID, other)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	_, _, err = userClient(t, s, testserver.DaveID).Chat.Send(ctx, testserver.ChatGroupID, msg)
	if !twitter.IsNotFound(err) {
		t.Errorf("outsider: %v", err)
	}
	wantInvalid(t, map[string]func() error{
		"no id": func() error {
			_, _, err := carol.Chat.Send(ctx, testserver.ChatGroupID, gen.ChatMessageRequest{EncodedMessageCreateEvent: "eA=="})
			return err
		},
		"no content": func() error {
			_, _, err := carol.Chat.Send(ctx, testserver.ChatGroupID, gen.ChatMessageRequest{MessageID: "1"})
			return err
		},
		"bad conv": func() error { _, _, err := carol.Chat.Send(ctx, "group", msg); return err },
	})
}

func TestFakeChatDeleteMessages(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	events := s.World().ChatEvents(testserver.ChatAliceBobID)
	mine, bobs := events[3], events[2] // Alice's newest message, and Bob's

	del := gen.ChatMessagesDeleteRequest{SequenceIds: []string{mine.ID}, DeleteMessageAction: gen.ChatMessagesDeleteRequestDeleteMessageActionDeleteForAll,
		ActionSignatures: []gen.ChatActionSignature{chatSignature("ZGVsZXRl")}}
	got, _, err := alice.Chat.DeleteMessages(ctx, testserver.ChatAliceBobID, del)
	if err != nil || !got.Data.Deleted {
		t.Fatalf("delete: %+v, %v", got, err)
	}
	page, _, err := userClient(t, s, testserver.BobID).Chat.Events(ctx, testserver.ChatAliceBobID, &twitter.ChatEventsOptions{PageOptions: twitter.PageOptions{MaxResults: 100}})
	if err != nil || slices.ContainsFunc(page.Data, func(e gen.ChatMessageEvent) bool { return e.ID == mine.ID }) ||
		page.Data[0].EncodedEvent != "ZGVsZXRl" {
		t.Errorf("Bob's events after the deletion: %+v, %v", page, err)
	}

	// Bob's message: not Alice's to delete for everyone.
	del.SequenceIds = []string{bobs.ID}
	_, _, err = alice.Chat.DeleteMessages(ctx, testserver.ChatAliceBobID, del)
	wantError(t, err, 403, "")
	del.SequenceIds = []string{"1"}
	_, _, err = alice.Chat.DeleteMessages(ctx, testserver.ChatAliceBobID, del)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)

	bad := func(change func(*gen.ChatMessagesDeleteRequest)) func() error {
		r := gen.ChatMessagesDeleteRequest{SequenceIds: []string{bobs.ID}, DeleteMessageAction: gen.ChatMessagesDeleteRequestDeleteMessageActionDeleteForSelf,
			ActionSignatures: []gen.ChatActionSignature{chatSignature("ZGVs")}}
		change(&r)
		return func() error { _, _, err := alice.Chat.DeleteMessages(ctx, testserver.ChatAliceBobID, r); return err }
	}
	wantInvalid(t, map[string]func() error{
		"no ids":        bad(func(r *gen.ChatMessagesDeleteRequest) { r.SequenceIds = nil }),
		"empty id":      bad(func(r *gen.ChatMessagesDeleteRequest) { r.SequenceIds = []string{""} }),
		"action":        bad(func(r *gen.ChatMessagesDeleteRequest) { r.DeleteMessageAction = "delete_for_bob" }),
		"no signatures": bad(func(r *gen.ChatMessagesDeleteRequest) { r.ActionSignatures = nil }),
		"signature": bad(func(r *gen.ChatMessagesDeleteRequest) {
			r.ActionSignatures[0].MessageEventSignature.Signature = "not base64!"
		}),
		"key version": bad(func(r *gen.ChatMessagesDeleteRequest) {
			r.ActionSignatures[0].MessageEventSignature.PublicKeyVersion = "v1"
		}),
		"detail":     bad(func(r *gen.ChatMessagesDeleteRequest) { r.ActionSignatures[0].EncodedMessageEventDetail = "" }),
		"message id": bad(func(r *gen.ChatMessagesDeleteRequest) { r.ActionSignatures[0].MessageID = "" }),
	})
}

func TestFakeChatMarkRead(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	events := s.World().ChatEvents(testserver.ChatAliceBobID)
	last := events[len(events)-1].ID
	bob := userClient(t, s, testserver.BobID)

	got, _, err := bob.Chat.MarkRead(ctx, testserver.ChatAliceBobID, last)
	if err != nil || !got.Data.Success || s.World().ChatReadUntil(testserver.ChatAliceBobID, testserver.BobID) != last {
		t.Fatalf("read: %+v, %v", got, err)
	}
	_, _, err = bob.Chat.MarkRead(ctx, testserver.ChatAliceBobID, "1")
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	if _, _, err := userClient(t, s, testserver.DaveID).Chat.MarkRead(ctx, testserver.ChatAliceBobID, last); !twitter.IsNotFound(err) {
		t.Errorf("outsider: %v", err)
	}
	wantInvalid(t, map[string]func() error{
		"empty": func() error { _, _, err := bob.Chat.MarkRead(ctx, testserver.ChatAliceBobID, ""); return err },
	})
}

func TestFakeChatTyping(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	got, _, err := userClient(t, s, testserver.CarolID).Chat.Typing(ctx, testserver.CarolID+"-"+testserver.AliceID)
	if err == nil {
		t.Fatalf("a one-to-one id with the higher id first is not the conversation's: %+v", got)
	}
	if got, _, err = userClient(t, s, testserver.CarolID).Chat.Typing(ctx, testserver.AliceID); err != nil || !got.Data.Success {
		t.Fatalf("typing: %+v, %v", got, err)
	}
	events := s.World().ChatEvents(testserver.ChatAliceCarolID)
	if len(events) != 1 || events[0].Kind != "typing" || events[0].SenderID != testserver.CarolID {
		t.Errorf("events: %+v", events)
	}
	_, _, err = userClient(t, s, testserver.CarolID, "dm.read").Chat.Typing(ctx, testserver.ChatAliceCarolID)
	wantError(t, err, 403, "")
}
