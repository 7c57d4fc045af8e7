package twittertest_test

import (
	"context"
	"testing"

	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// A chat message a viewer's client sends, and a mute by the owner's, are the broadcast's.
func TestWorldBroadcastChat(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	live, _, err := alice.Broadcasts.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	for _, b := range live.Data {
		if got, _ := w.Broadcast(b.ID); got.State == "Running" {
			id = b.ID
		}
	}
	if id == "" {
		t.Fatalf("no running broadcast of Alice's among %+v", live.Data)
	}
	carol := twittertest.NewUserClient(t, srv, twittertest.CarolID)
	sent, _, err := carol.Broadcasts.SendChat(ctx, id, twitter.ChatMessage{Text: "Hello from a test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := alice.Broadcasts.MuteChatUser(ctx, id, twittertest.BobID, nil); err != nil {
		t.Fatal(err)
	}
	b, ok := w.Broadcast(id)
	if !ok || b.OwnerID != twittertest.AliceID || len(b.Chat) == 0 || b.Chat[0].Text != "Hello from a test" ||
		b.Chat[0].AuthorID != twittertest.CarolID || !sent.Data.Success {
		t.Errorf("Broadcast = %+v, %v", b, ok)
	}
	if until, muted := b.Mutes[twittertest.BobID]; !muted || !until.IsZero() {
		t.Errorf("Bob's mute: %v until %v", muted, until)
	}
}
