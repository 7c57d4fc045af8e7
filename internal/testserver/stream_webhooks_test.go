package testserver

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"
)

func TestStreamWebhookLinks(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	app := c.app()
	const links = "/2/tweets/search/webhooks"

	r := c.get(links, app)
	wantStatus(t, r, http.StatusOK)
	if l := r.list("data", "links"); l == nil || len(l) != 0 {
		t.Fatalf("no links yet: %s", r.raw)
	}

	r = c.do(http.MethodPost, links+"/"+SeedWebhookID+"?tweet.fields=created_at,lang&expansions=author_id&user.fields=username", app, nil)
	wantStatus(t, r, http.StatusOK)
	if r.at("data", "provisioned") != true {
		t.Errorf("link: %s", r.raw)
	}
	r = c.get(links, app)
	want := []string{"tweet.fields=created_at,lang", "expansions=author_id", "user.fields=username"}
	var got []string
	for i := range r.list("data", "links", 0, "fields") {
		got = append(got, r.str("data", "links", 0, "fields", i))
	}
	if len(r.list("data", "links")) != 1 || r.str("data", "links", 0, "webhook_id") != SeedWebhookID ||
		r.str("data", "links", 0, "application_id") != ClientAppID || r.str("data", "links", 0, "created_at") != fmtTime(SeedTime) ||
		!slices.Equal(got, want) {
		t.Errorf("listed: %s", r.raw)
	}

	// Linking again replaces the rendering; the world shows the same.
	c.do(http.MethodPost, links+"/"+SeedWebhookID, app, nil)
	if l := s.World().StreamLinks(); len(l) != 1 || len(l[0].Fields) != 0 {
		t.Errorf("relinked: %+v", l)
	}

	// Only the app's valid webhooks can be linked; a user token is refused.
	r = c.do(http.MethodPost, links+"/"+NonexistentID, app, nil)
	wantStatus(t, r, http.StatusNotFound)
	r = c.do(http.MethodPost, "/2/webhooks", app, map[string]string{"url": "http://127.0.0.1:1/nobody"})
	wantStatus(t, r, http.StatusOK)
	invalidID := r.str("data", "id")
	r = c.do(http.MethodPost, links+"/"+invalidID, app, nil)
	wantStatus(t, r, http.StatusBadRequest)
	r = c.get(links, s.UserToken(AliceID))
	wantStatus(t, r, http.StatusForbidden)

	// Unlinking: true once, then false; an unknown webhook is 404.
	r = c.do(http.MethodDelete, links+"/"+SeedWebhookID, app, nil)
	wantStatus(t, r, http.StatusOK)
	if r.at("data", "deleted") != true {
		t.Errorf("unlink: %s", r.raw)
	}
	r = c.do(http.MethodDelete, links+"/"+SeedWebhookID, app, nil)
	if r.at("data", "deleted") != false {
		t.Errorf("unlink again: %s", r.raw)
	}
	wantStatus(t, c.do(http.MethodDelete, links+"/"+NonexistentID, app, nil), http.StatusNotFound)

	// Deleting the webhook drops its link.
	c.do(http.MethodPost, links+"/"+SeedWebhookID, app, nil)
	wantStatus(t, c.do(http.MethodDelete, "/2/webhooks/"+SeedWebhookID, app, nil), http.StatusOK)
	if r := c.get(links, app); len(r.list("data", "links")) != 0 || len(s.World().StreamLinks()) != 0 {
		t.Errorf("link outlived its webhook: %s", r.raw)
	}
}

func TestStreamWebhookDeliveries(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	app := c.app()
	ctx := context.Background()
	got := make(chan map[string]any, 8)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := r.URL.Query().Get("crc_token"); tok != "" {
			_, _ = w.Write([]byte(`{"response_token":"` + webhookMAC([]byte(tok)) + `"}`))
			return
		}
		body, _ := io.ReadAll(r.Body)
		var v map[string]any
		if r.Method == http.MethodPost && r.Header.Get(signatureHeader) == webhookMAC(body) && json.Unmarshal(body, &v) == nil {
			got <- v
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer recv.Close()
	hook := c.do(http.MethodPost, "/2/webhooks", app, map[string]string{"url": recv.URL + "/stream"})
	wantStatus(t, hook, http.StatusOK)
	id := hook.str("data", "id")
	wantStatus(t, c.do(http.MethodPost, "/2/tweets/search/webhooks/"+id+"?tweet.fields=author_id&expansions=author_id&user.fields=username", app, nil), http.StatusOK)

	// The seeded rule matches @XDevelopers' Tweets, not Bob's.
	matched := s.EmitTweet(Tweet{AuthorID: XDevelopersID, Text: "for the webhook"}, Tweet{AuthorID: BobID, Text: "for nobody"})[0]
	n, err := s.DeliverStreamWebhooks(ctx)
	if err != nil || n != 1 {
		t.Fatalf("delivered %d, %v; want 1", n, err)
	}
	v := <-got
	data, _ := v["data"].(map[string]any)
	users, _ := v["includes"].(map[string]any)["users"].([]any)
	rules, _ := v["matching_rules"].([]any)
	if data["id"] != matched.ID || data["author_id"] != XDevelopersID || len(users) != 1 ||
		users[0].(map[string]any)["username"] != "XDevelopers" || len(rules) != 1 || rules[0].(map[string]any)["id"] != SeedRuleID {
		t.Errorf("delivered %v", v)
	}
	if n, err := s.DeliverStreamWebhooks(ctx); n != 0 || err != nil {
		t.Errorf("delivered again: %d, %v", n, err)
	}

	// Unlinked, the webhook gets nothing more; a Tweet queued for a webhook deleted since
	// is dropped.
	wantStatus(t, c.do(http.MethodDelete, "/2/tweets/search/webhooks/"+id, app, nil), http.StatusOK)
	s.EmitTweet(Tweet{AuthorID: XDevelopersID})
	wantStatus(t, c.do(http.MethodPost, "/2/tweets/search/webhooks/"+id, app, nil), http.StatusOK)
	s.EmitTweet(Tweet{AuthorID: XDevelopersID})
	wantStatus(t, c.do(http.MethodDelete, "/2/webhooks/"+id, app, nil), http.StatusOK)
	if n, err := s.DeliverStreamWebhooks(ctx); n != 0 || err != nil {
		t.Errorf("after unlinking and deleting: %d, %v", n, err)
	}
	select {
	case v := <-got:
		t.Errorf("delivered after unlinking or deleting: %v", v)
	default:
	}
}
