package twitter_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// A bot receives Account Activity at its webhook: NewWebhookHandler answers X's CRC
// checks and hands over only events signed with the app's consumer secret. Here the fake
// X API checks the receiver, then delivers one event to it.
func ExampleNewWebhookHandler() {
	s, err := testserver.New()
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	_, consumerSecret := s.AppCredentials()

	events := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body) // verified: X sent exactly this
		fmt.Printf("event: %s\n", body)
	})
	h, err := twitter.NewWebhookHandler(consumerSecret, events, nil)
	if err != nil {
		log.Fatal(err)
	}
	receiver := httptest.NewServer(h) // a bot serves h at its https URL
	defer receiver.Close()

	c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.AppBearerToken()))
	if err != nil {
		log.Fatal(err)
	}
	defer c.HTTPClient().CloseIdleConnections()
	ctx := context.Background()
	hook, _, err := c.Webhooks.Create(ctx, receiver.URL+"/x/webhook")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("valid:", hook.Data.Valid)

	if _, err := s.DeliverEvent(ctx, hook.Data.ID, []byte(`{"for_user_id":"1000000001","favorite_events":[]}`)); err != nil {
		log.Fatal(err)
	}
	// Output:
	// valid: true
	// event: {"for_user_id":"1000000001","favorite_events":[]}
}
