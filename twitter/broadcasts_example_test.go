package twitter_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// Book a broadcast that waits for the host, put it on the air, and keep its chat civil:
// a viewer who misbehaves is timed out and their message removed.
func ExampleBroadcastsService_GoLive() {
	s, err := testserver.New()
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	client := func(userID string) *twitter.Client {
		c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.UserToken(userID)))
		if err != nil {
			log.Fatal(err)
		}
		return c
	}
	host, viewer := client(testserver.AliceID), client(testserver.CarolID)
	defer host.HTTPClient().CloseIdleConnections()
	defer viewer.HTTPClient().CloseIdleConnections()
	ctx := context.Background()

	start := time.Now().Add(time.Hour)
	booked, _, err := host.Broadcasts.Schedule(ctx, twitter.BroadcastSchedule{Start: start, End: start.Add(time.Hour),
		SourceID: "rtmp-stream-key", Title: "Release party", ManualPublish: true})
	if err != nil {
		log.Fatal(err)
	}
	id := booked.Data.BroadcastID
	fmt.Println("booked:", booked.Data.State)

	live, _, err := host.Broadcasts.GoLive(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("now:", live.Data.State)

	if _, _, err := viewer.Broadcasts.SendChat(ctx, id, twitter.ChatMessage{Text: "buy my course"}); err != nil {
		log.Fatal(err)
	}
	chat, _, err := host.Broadcasts.Chat(ctx, id, nil)
	if err != nil {
		log.Fatal(err)
	}
	spam := chat.Data[0]
	if _, _, err := host.Broadcasts.MuteChatUser(ctx, id, spam.AuthorID, &twitter.ChatMuteOptions{Until: time.Now().Add(10 * time.Minute), MessageID: spam.ID}); err != nil {
		log.Fatal(err)
	}
	if _, _, err := host.Broadcasts.DeleteChatMessage(ctx, id, spam.ID); err != nil {
		log.Fatal(err)
	}
	_, _, err = viewer.Broadcasts.SendChat(ctx, id, twitter.ChatMessage{Text: "again"})
	fmt.Println("muted viewer refused:", twitter.IsForbidden(err))
	// Output:
	// booked: Scheduled
	// now: Running
	// muted viewer refused: true
}
