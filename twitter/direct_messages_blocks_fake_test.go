package twitter_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeDirectMessagesBlock(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob, alice := userClient(t, s, testserver.BobID), userClient(t, s, testserver.AliceID)
	res, _, err := bob.DirectMessages.Block(ctx, testserver.AliceID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Blocked || !slices.Equal(s.World().DMBlockedIDs(testserver.BobID), []string{testserver.AliceID}) {
		t.Errorf("block = %+v; world %v", res.Data, s.World().DMBlockedIDs(testserver.BobID))
	}
	// Alice's messages to Bob are refused now; Bob's to her still go.
	_, _, err = alice.DirectMessages.SendTo(ctx, testserver.BobID, twitter.DirectMessage{Text: "hello?"})
	wantError(t, err, 403, "")
	if _, _, err := bob.DirectMessages.SendTo(ctx, testserver.AliceID, twitter.DirectMessage{Text: "hi"}); err != nil {
		t.Errorf("Bob writes to Alice: %v", err)
	}

	_, _, err = bob.DirectMessages.Block(ctx, testserver.NonexistentID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	_, _, err = userClient(t, s, testserver.BobID, "dm.read", "tweet.read", "users.read").DirectMessages.Block(ctx, testserver.CarolID)
	wantError(t, err, 403, "")
	_, _, err = appClient(t, s).DirectMessages.Block(ctx, testserver.CarolID)
	wantUnsupportedAuth(t, err)
	for _, id := range []string{"", "bob", "12x"} {
		if _, _, err := bob.DirectMessages.Block(ctx, id); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("Block(%q): err = %v, want ErrInvalidArgument", id, err)
		}
	}
}

func TestFakeDirectMessagesUnblock(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	dave, mallory := userClient(t, s, testserver.DaveID), userClient(t, s, testserver.MalloryID)
	if !slices.Contains(s.World().DMBlockedIDs(testserver.DaveID), testserver.MalloryID) {
		t.Fatal("seed: Dave does not refuse Mallory's messages")
	}
	_, _, err := mallory.DirectMessages.SendTo(ctx, testserver.DaveID, twitter.DirectMessage{Text: "hi"})
	wantError(t, err, 403, "")
	res, _, err := dave.DirectMessages.Unblock(ctx, testserver.MalloryID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Blocked || len(s.World().DMBlockedIDs(testserver.DaveID)) != 0 {
		t.Errorf("unblock = %+v; world %v", res.Data, s.World().DMBlockedIDs(testserver.DaveID))
	}
	sent, _, err := mallory.DirectMessages.SendTo(ctx, testserver.DaveID, twitter.DirectMessage{Text: "hi again"})
	if err != nil {
		t.Fatalf("Mallory writes to Dave after the unblock: %v", err)
	}
	if events := s.World().DMEvents(testserver.DaveID, sent.Data.DmConversationID); len(events) == 0 || events[0].Text != "hi again" {
		t.Errorf("Dave's conversation with Mallory: %+v", events)
	}

	if _, _, err := dave.DirectMessages.Unblock(ctx, ""); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("Unblock(\"\"): err = %v, want ErrInvalidArgument", err)
	}
	_, _, err = appClient(t, s).DirectMessages.Unblock(ctx, testserver.MalloryID)
	wantUnsupportedAuth(t, err)
}
