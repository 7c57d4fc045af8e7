package twitter_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func chatMessageID(m gen.BroadcastChatMessage) string { return m.ID }

// chatTexts is the chat of broadcast id as the world holds it, newest first.
func chatTexts(t *testing.T, s *testserver.Server, id string) []string {
	t.Helper()
	b, ok := s.World().Broadcast(id)
	if !ok {
		t.Fatalf("no broadcast %s", id)
	}
	var out []string
	for _, m := range b.Chat {
		out = append(out, m.Text)
	}
	return out
}

func TestFakeBroadcastsChat(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Broadcasts.Chat(ctx, testserver.AliceLiveBroadcastID, &twitter.BroadcastChatOptions{
		MessageFields: []gen.BroadcastChatMessageField{gen.BroadcastChatMessageFieldText, gen.BroadcastChatMessageFieldReplyTo,
			gen.BroadcastChatMessageFieldAuthorUsername, gen.BroadcastChatMessageFieldCreatedAtMs},
		Expansions: []gen.BroadcastChatMessageExpansion{gen.BroadcastChatMessageExpansionAuthorID},
		UserFields: []gen.UserField{gen.UserFieldVerified}})
	if err != nil {
		t.Fatal(err)
	}
	seed := testserver.BroadcastChatSeed()
	if len(res.Data) != 3 || res.Data[0].Text != seed[2].Text || res.Data[0].ReplyTo != seed[1].ID ||
		res.Data[2].AuthorUsername != "bob" || res.Data[2].AuthorID != testserver.BobID || len(res.Includes.Users) != 3 {
		t.Fatalf("chat: %+v, includes %+v", res.Data, res.Includes.Users)
	}
	if _, ok := twitter.BroadcastTime(res.Data[0].CreatedAtMs); !ok {
		t.Errorf("created_at_ms %q", res.Data[0].CreatedAtMs)
	}
	got := seqIDs(t, alice.Broadcasts.ChatIter(ctx, testserver.AliceLiveBroadcastID, &twitter.BroadcastChatOptions{PageOptions: twitter.PageOptions{MaxResults: 2}}, nil), chatMessageID)
	if len(got) != 3 || got[0] != seed[2].ID || got[2] != seed[0].ID {
		t.Errorf("iterated: %v", got)
	}
	// Only the owner reads it.
	_, _, err = userClient(t, s, testserver.BobID).Broadcasts.Chat(ctx, testserver.AliceLiveBroadcastID, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("Bob reading Alice's chat: %v", err)
	}
	for name, o := range map[string]*twitter.BroadcastChatOptions{
		"page size": {PageOptions: twitter.PageOptions{MaxResults: 201}},
		"field":     {MessageFields: []gen.BroadcastChatMessageField{"emoji"}},
		"expansion": {Expansions: []gen.BroadcastChatMessageExpansion{"broadcast_id"}},
	} {
		if _, _, err := alice.Broadcasts.Chat(ctx, testserver.AliceLiveBroadcastID, o); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeBroadcastsSendChat(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	carol := userClient(t, s, testserver.CarolID)
	seed := testserver.BroadcastChatSeed()
	res, _, err := carol.Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, twitter.ChatMessage{Text: "Thanks!", ReplyTo: seed[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := twitter.BroadcastTime(res.Data.Timestamp); !res.Data.Success || !ok {
		t.Errorf("sent: %+v", res.Data)
	}
	b, _ := s.World().Broadcast(testserver.AliceLiveBroadcastID)
	if len(b.Chat) != 4 || b.Chat[0].Text != "Thanks!" || b.Chat[0].AuthorID != testserver.CarolID || b.Chat[0].ReplyTo != seed[2].ID {
		t.Errorf("chat: %+v", b.Chat)
	}
	// The chat of a broadcast that has ended is closed; a reply must answer this chat.
	_, _, err = carol.Broadcasts.SendChat(ctx, testserver.AliceEndedBroadcastID, twitter.ChatMessage{Text: "late"})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = carol.Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, twitter.ChatMessage{Text: "?", ReplyTo: testserver.NonexistentID})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	// Alice blocks Mallory: Mallory cannot chat with her.
	_, _, err = userClient(t, s, testserver.MalloryID).Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, twitter.ChatMessage{Text: "hi"})
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = carol.Broadcasts.SendChat(ctx, "1NoSuchThing1", twitter.ChatMessage{Text: "hi"})
	if !twitter.IsNotFound(err) {
		t.Errorf("unknown broadcast: %v", err)
	}
	for name, m := range map[string]twitter.ChatMessage{"empty": {}, "long": {Text: strings.Repeat("é", 141)}, "reply id": {Text: "x", ReplyTo: "first"}} {
		if _, _, err := carol.Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, m); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
	if n := len(chatTexts(t, s, testserver.AliceLiveBroadcastID)); n != 4 {
		t.Errorf("%d messages after the refusals, want 4", n)
	}
}

func TestFakeBroadcastsMuteChatUser(t *testing.T) {
	s, mc, alice := clockedFake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)
	seed := testserver.BroadcastChatSeed()
	res, _, err := alice.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.BobID,
		&twitter.ChatMuteOptions{Until: mc.Now().Add(10 * time.Minute), MessageID: seed[0].ID})
	if err != nil || !res.Data.Muted {
		t.Fatalf("mute: %+v, %v", res, err)
	}
	_, _, err = bob.Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, twitter.ChatMessage{Text: "let me in"})
	wantError(t, err, http.StatusForbidden, "")
	// The timeout ends.
	mc.Advance(11 * time.Minute)
	if _, _, err := bob.Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, twitter.ChatMessage{Text: "back"}); err != nil {
		t.Errorf("after the timeout: %v", err)
	}

	// Only the owner mutes; not herself, nor someone who does not exist; the message must be the user's.
	_, _, err = bob.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.CarolID, nil)
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = alice.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.AliceID, nil)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = alice.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.NonexistentID, nil)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = alice.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.CarolID, &twitter.ChatMuteOptions{MessageID: seed[0].ID})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = alice.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.CarolID, &twitter.ChatMuteOptions{Until: mc.Now().Add(-time.Minute)})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	for name, user := range map[string]string{"empty": "", "leading zero": "0123", "word": "bob"} {
		if _, _, err := alice.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, user, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeBroadcastsUnmuteChatUser(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice, dave := userClient(t, s, testserver.AliceID), userClient(t, s, testserver.DaveID)
	if _, _, err := alice.Broadcasts.MuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.DaveID, nil); err != nil {
		t.Fatal(err)
	}
	_, _, err := dave.Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, twitter.ChatMessage{Text: "hello?"})
	wantError(t, err, http.StatusForbidden, "")
	res, _, err := alice.Broadcasts.UnmuteChatUser(ctx, testserver.AliceLiveBroadcastID, testserver.DaveID)
	if err != nil || res.Data.Muted {
		t.Fatalf("unmute: %+v, %v", res, err)
	}
	if _, _, err := dave.Broadcasts.SendChat(ctx, testserver.AliceLiveBroadcastID, twitter.ChatMessage{Text: "hello!"}); err != nil {
		t.Errorf("after the unmute: %v", err)
	}
	// The chat of a broadcast that has ended is not moderated any more.
	_, _, err = alice.Broadcasts.UnmuteChatUser(ctx, testserver.AliceEndedBroadcastID, testserver.DaveID)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	if _, _, err := alice.Broadcasts.UnmuteChatUser(ctx, testserver.AliceLiveBroadcastID, ""); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("empty user: %v", err)
	}
}

func TestFakeBroadcastsDeleteChatMessage(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	seed := testserver.BroadcastChatSeed()
	_, _, err := userClient(t, s, testserver.BobID).Broadcasts.DeleteChatMessage(ctx, testserver.AliceLiveBroadcastID, seed[0].ID)
	wantError(t, err, http.StatusForbidden, "")
	res, _, err := alice.Broadcasts.DeleteChatMessage(ctx, testserver.AliceLiveBroadcastID, seed[1].ID)
	if err != nil || !res.Data.Deleted {
		t.Fatalf("delete: %+v, %v", res, err)
	}
	if got := chatTexts(t, s, testserver.AliceLiveBroadcastID); len(got) != 2 || got[0] != seed[2].Text || got[1] != seed[0].Text {
		t.Errorf("chat after the delete: %v", got)
	}
	_, _, err = alice.Broadcasts.DeleteChatMessage(ctx, testserver.AliceLiveBroadcastID, seed[1].ID)
	if !twitter.IsNotFound(err) {
		t.Errorf("deleted twice: %v", err)
	}
	if _, _, err := alice.Broadcasts.DeleteChatMessage(ctx, testserver.AliceLiveBroadcastID, "msg-1"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("word id: %v", err)
	}
}
