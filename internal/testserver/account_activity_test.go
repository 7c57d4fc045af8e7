package testserver

import (
	"context"
	"net/http"
	"testing"
)

func TestAccountActivity(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	_, secret := s.AppCredentials()
	base := "/2/account_activity/webhooks/"

	// Seeded: Alice on the seeded webhook.
	r := c.get(base+SeedWebhookID+"/subscriptions/all/list", c.app())
	wantStatus(t, r, 200)
	if r.str("data", "application_id") != ClientAppID || r.str("data", "webhook_id") != SeedWebhookID || r.str("data", "webhook_url") != SeedWebhookURL ||
		len(r.list("data", "subscriptions")) != 1 || r.str("data", "subscriptions", 0, "user_id") != AliceID {
		t.Fatalf("seeded list: %s", r.raw)
	}
	r = c.get("/2/account_activity/subscriptions/count", c.app())
	if r.str("data", "subscriptions_count_all") != "1" || r.str("data", "subscriptions_count_direct_messages") != "1" ||
		r.str("data", "provisioned_count") != "15" || r.str("data", "account_name") != AccountActivityAccountName {
		t.Errorf("count: %s", r.raw)
	}

	// Bob subscribes to a new, valid webhook; the subscription is his alone.
	rc := newReceiver(t, secret)
	r = c.do(http.MethodPost, "/2/webhooks", c.app(), map[string]string{"url": rc.srv.URL})
	hookID := r.str("data", "id")
	bob := s.UserToken(BobID)
	r = c.get(base+hookID+"/subscriptions/all", bob)
	if r.at("data", "subscribed") != false {
		t.Errorf("before: %s", r.raw)
	}
	for range 2 { // subscribing again changes nothing
		r = c.do(http.MethodPost, base+hookID+"/subscriptions/all", bob, map[string]any{})
		wantStatus(t, r, 200)
		if r.at("data", "subscribed") != true {
			t.Errorf("subscribe: %s", r.raw)
		}
	}
	if got := s.World().AccountActivitySubscribers(hookID); len(got) != 1 || got[0] != BobID {
		t.Errorf("world: %v", got)
	}
	if r = c.get(base+hookID+"/subscriptions/all", bob); r.at("data", "subscribed") != true {
		t.Errorf("bob: %s", r.raw)
	}
	if r = c.get(base+hookID+"/subscriptions/all", s.UserToken(CarolID)); r.at("data", "subscribed") != false {
		t.Errorf("carol: %s", r.raw)
	}
	if r = c.get("/2/account_activity/subscriptions/count", c.app()); r.str("data", "subscriptions_count_all") != "2" {
		t.Errorf("count: %s", r.raw)
	}

	// Bob's activity reaches his webhook; Carol's reaches none.
	n, err := s.DeliverActivity(context.Background(), BobID, []byte(`{"for_user_id":"`+BobID+`"}`))
	if _, bodies, _ := rc.seen(); err != nil || n != 1 || len(bodies) != 1 {
		t.Errorf("deliver Bob: %d %v", n, err)
	}
	if n, err := s.DeliverActivity(context.Background(), CarolID, []byte(`{}`)); err != nil || n != 0 {
		t.Errorf("deliver Carol: %d %v", n, err)
	}

	// The app ends it.
	r = c.do(http.MethodDelete, base+hookID+"/subscriptions/"+BobID+"/all", c.app(), nil)
	wantStatus(t, r, 200)
	if r.at("data", "subscribed") != false || len(s.World().AccountActivitySubscribers(hookID)) != 0 {
		t.Errorf("unsubscribe: %s", r.raw)
	}
	// Deleting a webhook ends its subscriptions.
	c.do(http.MethodDelete, "/2/webhooks/"+SeedWebhookID, c.app(), nil)
	if r = c.get("/2/account_activity/subscriptions/count", c.app()); r.str("data", "subscriptions_count_all") != "0" {
		t.Errorf("count after delete: %s", r.raw)
	}

	// Unknown webhooks, and who may call what.
	wantStatus(t, c.get(base+SeedWebhookID+"/subscriptions/all/list", c.app()), 404)
	wantStatus(t, c.do(http.MethodPost, base+NonexistentID+"/subscriptions/all", bob, map[string]any{}), 404)
	wantStatus(t, c.get(base+hookID+"/subscriptions/all", c.app()), 403)
	wantStatus(t, c.get(base+hookID+"/subscriptions/all/list", bob), 403)
	wantStatus(t, c.do(http.MethodPost, base+hookID+"/subscriptions/all", s.UserToken(BobID, "tweet.read", "users.read", "dm.read"), map[string]any{}), 403)
}
