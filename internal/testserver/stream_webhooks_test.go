package testserver

import (
	"net/http"
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
