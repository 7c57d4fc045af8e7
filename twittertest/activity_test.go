package twittertest_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twittertest"
)

func TestUpdateProfileReachesAnActivityWebhook(t *testing.T) {
	srv := twittertest.Start(t)
	ctx := context.Background()
	var mu sync.Mutex
	var got []string
	hook := webhookReceiver(t, srv, func(body []byte) {
		mu.Lock()
		got = append(got, string(body))
		mu.Unlock()
	})
	c := twittertest.NewClient(t, srv)
	if _, _, err := c.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{
		EventType: gen.ActivityEventType(twittertest.ProfileBio), Filter: gen.ActivityFilter{UserID: twittertest.BobID},
		WebhookID: gen.WebhookID(hook.ID)}); err != nil {
		t.Fatal(err)
	}
	subs := srv.World().ActivitySubscriptions()
	if len(subs) == 0 || subs[len(subs)-1].WebhookID != hook.ID || subs[len(subs)-1].EventType != string(twittertest.ProfileBio) {
		t.Fatalf("ActivitySubscriptions = %+v", subs)
	}

	if err := srv.UpdateProfile(twittertest.BobID, twittertest.ProfileBio, "now writing Go"); err != nil {
		t.Fatal(err)
	}
	if err := srv.UpdateProfile(twittertest.NonexistentID, twittertest.ProfileBio, "x"); err == nil {
		t.Error("UpdateProfile of a user that does not exist")
	}
	if u, _ := srv.World().User(twittertest.BobID); u.Description != "now writing Go" {
		t.Errorf("Bob's bio %q", u.Description)
	}
	n, err := srv.DeliverActivityWebhooks(ctx)
	if err != nil || n != 1 {
		t.Fatalf("DeliverActivityWebhooks = %d, %v; want 1", n, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || !strings.Contains(got[0], "now writing Go") || !strings.Contains(got[0], string(twittertest.ProfileBio)) {
		t.Errorf("the webhook received %q", got)
	}
}
