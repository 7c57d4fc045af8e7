package twitter_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func subscriptionID(s gen.ActivitySubscription) string { return s.SubscriptionID }

// subscribe makes a subscription through c and returns its id.
func subscribe(t *testing.T, c *twitter.Client, typ gen.ActivityEventType, f gen.ActivityFilter, tag string) string {
	t.Helper()
	res, _, err := c.Activity.CreateSubscription(context.Background(), gen.ActivitySubscriptionCreateRequest{EventType: typ, Filter: f, Tag: tag})
	if err != nil {
		t.Fatalf("subscribe to %s: %v", typ, err)
	}
	return res.Data.Subscription.SubscriptionID
}

func TestFakeActivityCreateSubscription(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	app := appClient(t, s)
	res, _, err := app.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{
		EventType: gen.ActivityEventTypeProfileUpdateBio, Filter: gen.ActivityFilter{UserID: testserver.AliceID}, Tag: "bios"})
	if err != nil {
		t.Fatal(err)
	}
	sub := res.Data.Subscription
	if sub.SubscriptionID == "" || sub.EventType != gen.ActivityEventTypeProfileUpdateBio || sub.Filter.UserID != testserver.AliceID ||
		sub.Tag != "bios" || sub.CreatedAt == "" || res.Meta.TotalSubscriptions != 1 {
		t.Errorf("created %+v", res)
	}
	// A private event: the app alone may not, the user herself may, with a direction.
	like := gen.ActivitySubscriptionCreateRequest{EventType: gen.ActivityEventTypeLikeCreate,
		Filter: gen.ActivityFilter{UserID: testserver.AliceID, Direction: gen.ActivityDirectionInbound}}
	_, _, err = app.Activity.CreateSubscription(ctx, like)
	wantError(t, err, http.StatusForbidden, "")
	if _, _, err := userClient(t, s, testserver.AliceID, "like.read").Activity.CreateSubscription(ctx, like); err != nil {
		t.Fatal(err)
	}
	if got := s.World().ActivitySubscriptions(); len(got) != 2 || got[1].Direction != "inbound" {
		t.Errorf("world %+v", got)
	}
	// The same subscription twice is a conflict.
	_, _, err = app.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{
		EventType: gen.ActivityEventTypeProfileUpdateBio, Filter: gen.ActivityFilter{UserID: testserver.AliceID}})
	wantError(t, err, http.StatusConflict, twitter.ProblemConflict)

	for name, bad := range map[string]gen.ActivitySubscriptionCreateRequest{
		"no type":        {Filter: gen.ActivityFilter{UserID: testserver.AliceID}},
		"no filter":      {EventType: gen.ActivityEventTypeFollowFollow},
		"bad user id":    {EventType: gen.ActivityEventTypeFollowFollow, Filter: gen.ActivityFilter{UserID: "alice"}},
		"bad direction":  {EventType: gen.ActivityEventTypeLikeCreate, Filter: gen.ActivityFilter{UserID: testserver.AliceID, Direction: "sideways"}},
		"long keyword":   {EventType: gen.ActivityEventTypeNewsNew, Filter: gen.ActivityFilter{Keyword: strings.Repeat("k", 151)}},
		"long tag":       {EventType: gen.ActivityEventTypePostCreate, Filter: gen.ActivityFilter{UserID: testserver.AliceID}, Tag: strings.Repeat("t", 201)},
		"bad webhook id": {EventType: gen.ActivityEventTypePostCreate, Filter: gen.ActivityFilter{UserID: testserver.AliceID}, WebhookID: "hook"},
	} {
		if _, _, err := app.Activity.CreateSubscription(ctx, bad); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestFakeActivitySubscriptions(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	app := appClient(t, s)
	var want []string
	for _, u := range []string{testserver.AliceID, testserver.BobID, testserver.CarolID} {
		want = append(want, subscribe(t, app, gen.ActivityEventTypePostCreate, gen.ActivityFilter{UserID: u}, ""))
	}
	res, _, err := app.Activity.Subscriptions(ctx, &twitter.PageOptions{MaxResults: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 2 || res.Data[0].SubscriptionID != want[0] || res.Meta.NextToken == "" {
		t.Fatalf("page 1 %+v", res)
	}
	// With a user context too.
	res, _, err = oauth1Client(t, s, testserver.AliceID).Activity.Subscriptions(ctx, &twitter.PageOptions{PaginationToken: res.Meta.NextToken})
	if err != nil || len(res.Data) != 1 || res.Data[0].SubscriptionID != want[2] || res.Meta.NextToken != "" {
		t.Fatalf("page 2 %+v %v", res, err)
	}
	ids, pages := pageIDs(t, app.Activity.SubscriptionsPages(ctx, &twitter.PageOptions{MaxResults: 1}, nil), subscriptionID)
	if strings.Join(ids, ",") != strings.Join(want, ",") || pages != 3 {
		t.Errorf("pages: %v in %d", ids, pages)
	}
	if got := seqIDs(t, app.Activity.SubscriptionsIter(ctx, nil, nil), subscriptionID); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("iter: %v", got)
	}
	if _, _, err := app.Activity.Subscriptions(ctx, &twitter.PageOptions{MaxResults: 1001}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("1001 a page: %v", err)
	}
	if _, _, err := app.Activity.Subscriptions(ctx, &twitter.PageOptions{PaginationToken: "short"}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("short token: %v", err)
	}
}

func TestFakeActivityUpdateSubscription(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	app := appClient(t, s)
	id := subscribe(t, app, gen.ActivityEventTypeFollowFollow, gen.ActivityFilter{UserID: testserver.BobID}, "old")
	res, _, err := app.Activity.UpdateSubscription(ctx, id, gen.ActivitySubscriptionUpdateRequest{Tag: "new", WebhookID: testserver.SeedWebhookID})
	if err != nil {
		t.Fatal(err)
	}
	if sub := res.Data.Subscription; sub.Tag != "new" || sub.WebhookID != testserver.SeedWebhookID || sub.Filter.UserID != testserver.BobID ||
		res.Data.TotalSubscriptions != 1 {
		t.Errorf("updated %+v", res)
	}
	if got := s.World().ActivitySubscriptions(); got[0].Tag != "new" || got[0].WebhookID != testserver.SeedWebhookID {
		t.Errorf("world %+v", got)
	}
	_, _, err = app.Activity.UpdateSubscription(ctx, testserver.NonexistentID, gen.ActivitySubscriptionUpdateRequest{Tag: "x"})
	wantError(t, err, http.StatusNotFound, "")
	_, _, err = app.Activity.UpdateSubscription(ctx, id, gen.ActivitySubscriptionUpdateRequest{WebhookID: testserver.NonexistentID})
	wantError(t, err, http.StatusNotFound, "")
	if _, _, err := app.Activity.UpdateSubscription(ctx, id, gen.ActivitySubscriptionUpdateRequest{}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("nothing to change: %v", err)
	}
	_, _, err = userClient(t, s, testserver.BobID).Activity.UpdateSubscription(ctx, id, gen.ActivitySubscriptionUpdateRequest{Tag: "x"})
	wantUnsupportedAuth(t, err)
}

func TestFakeActivityDeleteSubscription(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	app := appClient(t, s)
	id := subscribe(t, app, gen.ActivityEventTypePostDelete, gen.ActivityFilter{UserID: testserver.AliceID}, "")
	subscribe(t, app, gen.ActivityEventTypePostCreate, gen.ActivityFilter{UserID: testserver.AliceID}, "")
	res, _, err := app.Activity.DeleteSubscription(ctx, id)
	if err != nil || !res.Data.Deleted || res.Meta.TotalSubscriptions != 1 {
		t.Fatalf("deleted %+v %v", res, err)
	}
	_, _, err = app.Activity.DeleteSubscription(ctx, id)
	wantError(t, err, http.StatusNotFound, "")
	if _, _, err := app.Activity.DeleteSubscription(ctx, "x1"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("malformed id: %v", err)
	}
}

func TestFakeActivityDeleteSubscriptions(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	app := appClient(t, s)
	a := subscribe(t, app, gen.ActivityEventTypePostCreate, gen.ActivityFilter{UserID: testserver.AliceID}, "")
	b := subscribe(t, app, gen.ActivityEventTypePostCreate, gen.ActivityFilter{UserID: testserver.BobID}, "")
	subscribe(t, app, gen.ActivityEventTypePostCreate, gen.ActivityFilter{UserID: testserver.CarolID}, "")
	res, _, err := app.Activity.DeleteSubscriptions(ctx, []string{a, testserver.NonexistentID, b})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 2 || res.Data[0].SubscriptionID != a || !res.Data[1].Deleted || len(res.Failures) != 1 ||
		res.Failures[0].SubscriptionID != testserver.NonexistentID || res.Failures[0].Reason == "" || res.Meta.TotalSubscriptions != 1 {
		t.Errorf("deleted %+v", res)
	}
	if _, _, err := app.Activity.DeleteSubscriptions(ctx, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("no ids: %v", err)
	}
}

// TestActivityWebhook: an X Activity event for a webhook subscription reaches the app
// through NewWebhookHandler (the challenge-response check, then a signed POST), and
// ParseActivityEvent reads it; a forged one never reaches the handler.
func TestActivityWebhook(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	app := appClient(t, s)
	got := make(chan *twitter.ActivityEvent, 2)
	events := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ev, err := twitter.ParseActivityEvent(body)
		if err != nil {
			t.Errorf("ParseActivityEvent: %v", err)
			http.Error(w, "bad event", http.StatusBadRequest)
			return
		}
		got <- ev
	})
	_, secret := s.AppCredentials()
	h, err := twitter.NewWebhookHandler(secret, events, nil)
	if err != nil {
		t.Fatal(err)
	}
	recv := httptest.NewServer(h)
	defer recv.Close()
	hook, _, err := app.Webhooks.Create(ctx, recv.URL+"/x/activity")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := app.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{EventType: gen.ActivityEventTypeProfileUpdateURL,
		Filter: gen.ActivityFilter{UserID: testserver.BobID}, Tag: "links", WebhookID: hook.Data.ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateProfile(testserver.BobID, testserver.ProfileURL, "https://bob.example"); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeliverActivityWebhooks(ctx); n != 1 || err != nil {
		t.Fatalf("delivered %d: %v", n, err)
	}
	ev := <-got
	if ev.EventType != gen.ActivityEventTypeProfileUpdateURL || ev.Tag != "links" || ev.Filter.UserID != testserver.BobID ||
		ev.Profile == nil || ev.Profile.Before != "" || ev.Profile.After != "https://bob.example" {
		t.Errorf("event %+v", ev)
	}
	status, err := s.DeliverEventWithSignature(ctx, hook.Data.ID, []byte(`{"data":{"event_type":"profile.update.url"}}`), "sha256=forged")
	if err != nil || status != http.StatusUnauthorized || len(got) != 0 {
		t.Errorf("forged event: %d %v (%d delivered)", status, err, len(got))
	}
}
