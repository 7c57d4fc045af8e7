package twitter_test

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// registerReceiver registers a valid webhook served by NewWebhookHandler and returns its
// id and the events its handler gets.
func registerReceiver(t *testing.T, s *testserver.Server, c *twitter.Client) (string, *eventSink) {
	t.Helper()
	_, secret := s.AppCredentials()
	recv, sink, _ := startReceiver(t, secret)
	res, _, err := c.Webhooks.Create(context.Background(), recv.URL)
	if err != nil || !res.Data.Valid {
		t.Fatalf("register: %+v, %v", res, err)
	}
	return res.Data.ID, sink
}

// TestFakeAccountActivitySubscribe: a bot registers its receiver, Bob subscribes, and
// Bob's activity reaches the bot's handler, signed and verified.
func TestFakeAccountActivitySubscribe(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	hookID, sink := registerReceiver(t, s, appClient(t, s))

	for _, c := range []*twitter.Client{userClient(t, s, testserver.BobID), oauth1Client(t, s, testserver.BobID)} {
		res, _, err := c.AccountActivity.Subscribe(ctx, hookID)
		if err != nil || !res.Data.Subscribed {
			t.Fatalf("subscribe: %+v, %v", res, err)
		}
	}
	if got := s.World().AccountActivitySubscribers(hookID); !slices.Equal(got, []string{testserver.BobID}) {
		t.Errorf("subscribers = %v, want Bob once", got)
	}
	event := []byte(`{"for_user_id":"` + testserver.BobID + `","follow_events":[]}`)
	if n, err := s.DeliverActivity(ctx, testserver.BobID, event); err != nil || n != 1 {
		t.Fatalf("deliver: %d, %v", n, err)
	}
	if got := sink.got(); len(got) != 1 || !bytes.Equal(got[0], event) {
		t.Errorf("handler got %q", got)
	}

	_, _, err := userClient(t, s, testserver.BobID).AccountActivity.Subscribe(ctx, testserver.NonexistentID)
	wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound)
	_, _, err = userClient(t, s, testserver.CarolID, "tweet.read", "users.read", "dm.read").AccountActivity.Subscribe(ctx, hookID)
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = appClient(t, s).AccountActivity.Subscribe(ctx, hookID)
	wantUnsupportedAuth(t, err)
	_, _, err = appClient(t, s).AccountActivity.Subscribe(ctx, "../1")
	wantInvalidArgument(t, err)
}

func TestFakeAccountActivitySubscribed(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	for _, tc := range []struct {
		user string
		want bool
	}{{testserver.AliceID, true}, {testserver.BobID, false}} {
		res, _, err := userClient(t, s, tc.user).AccountActivity.Subscribed(ctx, testserver.SeedWebhookID)
		world := slices.Contains(s.World().AccountActivitySubscribers(testserver.SeedWebhookID), tc.user)
		if err != nil || res.Data.Subscribed != tc.want || world != tc.want {
			t.Errorf("%s: %+v, %v (world %v)", tc.user, res, err, world)
		}
	}
	_, _, err := userClient(t, s, testserver.AliceID).AccountActivity.Subscribed(ctx, testserver.NonexistentID)
	wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound)
	_, _, err = appClient(t, s).AccountActivity.Subscribed(ctx, testserver.SeedWebhookID)
	wantUnsupportedAuth(t, err)
	_, _, err = appClient(t, s).AccountActivity.Subscribed(ctx, "")
	wantInvalidArgument(t, err)
}

func TestFakeAccountActivitySubscriptions(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, _, err := c.AccountActivity.Subscriptions(ctx, testserver.SeedWebhookID)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	world := s.World().AccountActivitySubscribers(testserver.SeedWebhookID)
	if d.ApplicationID != testserver.ClientAppID || d.WebhookID != testserver.SeedWebhookID || d.WebhookURL != testserver.SeedWebhookURL ||
		len(d.Subscriptions) != len(world) || len(world) != 1 || d.Subscriptions[0].UserID != world[0] {
		t.Errorf("subscriptions = %+v, world %v", d, world)
	}
	_, _, err = c.AccountActivity.Subscriptions(ctx, testserver.NonexistentID)
	wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound)
	_, _, err = userClient(t, s, testserver.AliceID).AccountActivity.Subscriptions(ctx, testserver.SeedWebhookID)
	wantUnsupportedAuth(t, err)
	_, _, err = c.AccountActivity.Subscriptions(ctx, "x")
	wantInvalidArgument(t, err)
}

func TestFakeAccountActivityUnsubscribe(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, _, err := c.AccountActivity.Unsubscribe(ctx, testserver.SeedWebhookID, testserver.AliceID)
	if err != nil || res.Data.Subscribed {
		t.Fatalf("unsubscribe: %+v, %v", res, err)
	}
	if got := s.World().AccountActivitySubscribers(testserver.SeedWebhookID); len(got) != 0 {
		t.Errorf("still subscribed: %v", got)
	}
	if r, _, err := userClient(t, s, testserver.AliceID).AccountActivity.Subscribed(ctx, testserver.SeedWebhookID); err != nil || r.Data.Subscribed {
		t.Errorf("Alice after unsubscribe: %+v, %v", r, err)
	}
	_, _, err = c.AccountActivity.Unsubscribe(ctx, testserver.NonexistentID, testserver.AliceID)
	wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound)
	_, _, err = userClient(t, s, testserver.AliceID).AccountActivity.Unsubscribe(ctx, testserver.SeedWebhookID, testserver.AliceID)
	wantUnsupportedAuth(t, err)
	_, _, err = c.AccountActivity.Unsubscribe(ctx, testserver.SeedWebhookID, "@alice")
	wantInvalidArgument(t, err)
}

func TestFakeAccountActivityCount(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, _, err := c.AccountActivity.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Data; d.SubscriptionsCountAll != "1" || d.SubscriptionsCountDirectMessages != "1" ||
		d.ProvisionedCount != "15" || d.AccountName != testserver.AccountActivityAccountName {
		t.Errorf("count = %+v", d)
	}
	hookID, _ := registerReceiver(t, s, c)
	for _, u := range []string{testserver.BobID, testserver.CarolID} {
		if _, _, err := userClient(t, s, u).AccountActivity.Subscribe(ctx, hookID); err != nil {
			t.Fatal(err)
		}
	}
	if res, _, err = c.AccountActivity.Count(ctx); err != nil || res.Data.SubscriptionsCountAll != "3" {
		t.Errorf("after two more: %+v, %v", res, err)
	}
	// Deleting a webhook ends its subscriptions.
	if _, _, err := c.Webhooks.Delete(ctx, hookID); err != nil {
		t.Fatal(err)
	}
	if res, _, err = c.AccountActivity.Count(ctx); err != nil || res.Data.SubscriptionsCountAll != "1" {
		t.Errorf("after delete: %+v, %v", res, err)
	}
	_, _, err = userClient(t, s, testserver.AliceID).AccountActivity.Count(ctx)
	wantUnsupportedAuth(t, err)
}
