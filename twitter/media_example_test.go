package twitter_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// Upload a photo in chunks (ChunkSize asks for them; a photo this small would otherwise go
// in one request), then post a Tweet with it and send it in a direct message.
// A video goes the same way: Upload waits until X has processed it.
func ExampleMediaService_Upload() {
	s, err := testserver.New()
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.UserToken(testserver.AliceID)))
	if err != nil {
		log.Fatal(err)
	}
	defer c.HTTPClient().CloseIdleConnections()
	ctx := context.Background()

	photo := bytes.Repeat([]byte{0xff, 0xd8, 0xff}, 1000) // 3,000 bytes of "JPEG"
	up, _, err := c.Media.Upload(ctx, bytes.NewReader(photo), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImageJpeg,
		&twitter.UploadOptions{
			ChunkSize: 1024,
			Progress:  func(sent, total int64) { fmt.Printf("sent %d of %d bytes\n", sent, total) },
		})
	if err != nil {
		log.Fatal(err)
	}
	tw, _, err := c.Tweets.Create(ctx, twitter.NewTweet{Text: "New desk", MediaIDs: []string{up.Data.ID}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("posted:", tw.Data.Text)

	dm, _, err := c.Media.Upload(ctx, bytes.NewReader(photo), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImageJpeg,
		&twitter.UploadOptions{Category: gen.MediaCategoryDmImage})
	if err != nil {
		log.Fatal(err)
	}
	sent, _, err := c.DirectMessages.SendTo(ctx, testserver.BobID, twitter.DirectMessage{Text: "Look!", MediaID: dm.Data.ID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sent in", sent.Data.DmConversationID)
	// Output:
	// sent 1024 of 3000 bytes
	// sent 2048 of 3000 bytes
	// sent 3000 of 3000 bytes
	// posted: New desk
	// sent in 1000000001-1000000002
}
