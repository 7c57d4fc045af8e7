package twittertest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// webhookReceiver registers a webhook whose receiver is the client's NewWebhookHandler,
// which answers the CRC checks and passes each signed delivery's body to deliver.
func webhookReceiver(t *testing.T, srv *twittertest.Server, deliver func(body []byte)) twittertest.Webhook {
	t.Helper()
	_, secret := srv.AppCredentials()
	h, err := twitter.NewWebhookHandler(secret, http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		deliver(body)
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	receiver := httptest.NewServer(h)
	t.Cleanup(receiver.Close)
	hook, err := srv.World().AddWebhook(context.Background(), receiver.URL)
	if err != nil || !hook.Valid {
		t.Fatalf("AddWebhook = %+v, %v", hook, err)
	}
	return hook
}

func TestLinkedWebhookReceivesTheFilteredStream(t *testing.T) {
	srv := twittertest.Start(t)
	ctx := context.Background()
	var mu sync.Mutex
	var got []gen.FilteredStreamingTweet
	hook := webhookReceiver(t, srv, func(body []byte) {
		var v gen.FilteredStreamingTweet
		if err := json.Unmarshal(body, &v); err != nil {
			t.Errorf("delivery %s: %v", body, err)
		}
		mu.Lock()
		got = append(got, v)
		mu.Unlock()
	})
	app := twittertest.NewClient(t, srv)
	if _, _, err := app.Webhooks.LinkStream(ctx, hook.ID, &twitter.TweetOptions{
		Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID}, UserFields: []gen.UserField{gen.UserFieldUsername}}); err != nil {
		t.Fatal(err)
	}

	// The seeded rule matches @XDevelopers' Tweets; Alice's is not delivered.
	posted, _, err := twittertest.NewUserClient(t, srv, twittertest.XDevelopersID).Tweets.Create(ctx, twitter.NewTweet{Text: "v2 news"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := twittertest.NewUserClient(t, srv, twittertest.AliceID).Tweets.Create(ctx, twitter.NewTweet{Text: "not for the rule"}); err != nil {
		t.Fatal(err)
	}
	n, err := srv.DeliverStreamWebhooks(ctx)
	if err != nil || n != 1 {
		t.Fatalf("DeliverStreamWebhooks = %d, %v; want 1", n, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0].Data.ID != posted.Data.ID || len(got[0].Includes.Users) != 1 ||
		got[0].Includes.Users[0].Username != "XDevelopers" || len(got[0].MatchingRules) != 1 {
		t.Errorf("the webhook received %+v", got)
	}
}
