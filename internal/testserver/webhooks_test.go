package testserver

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"
)

// receiver is a webhook receiver for the tests: it answers the CRC check with the key it
// was given (right or wrong) and records deliveries.
type receiver struct {
	srv *httptest.Server

	mu         sync.Mutex
	key        string
	crcTokens  []string
	bodies     [][]byte
	signatures []string
}

func newReceiver(t *testing.T, key string) *receiver {
	rc := &receiver{key: key}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc.mu.Lock()
		defer rc.mu.Unlock()
		switch r.Method {
		case http.MethodGet:
			tok := r.URL.Query().Get("crc_token")
			rc.crcTokens = append(rc.crcTokens, tok)
			m := hmac.New(sha256.New, []byte(rc.key))
			m.Write([]byte(tok))
			_ = json.NewEncoder(w).Encode(map[string]string{"response_token": "sha256=" + base64.StdEncoding.EncodeToString(m.Sum(nil))})
		case http.MethodPost:
			b, _ := io.ReadAll(r.Body)
			rc.bodies = append(rc.bodies, b)
			rc.signatures = append(rc.signatures, r.Header.Get("x-twitter-webhooks-signature"))
			w.WriteHeader(http.StatusOK)
		}
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) setKey(k string) { rc.mu.Lock(); rc.key = k; rc.mu.Unlock() }

// seen returns copies of the CRC tokens and delivered bodies so far.
func (rc *receiver) seen() (tokens []string, bodies [][]byte, signatures []string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]string(nil), rc.crcTokens...), append([][]byte(nil), rc.bodies...), append([]string(nil), rc.signatures...)
}

func TestWebhooks(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	_, secret := s.AppCredentials()

	// The seeded webhook.
	r := c.get("/2/webhooks", c.app())
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != SeedWebhookID || r.str("data", 0, "url") != SeedWebhookURL ||
		r.at("data", 0, "valid") != true || r.str("data", 0, "created_at") == "" {
		t.Fatalf("seeded: %s", r.raw)
	}
	r = c.get("/2/webhooks?webhook_config.fields=url", c.app())
	if d := r.obj("data", 0); len(d) != 2 || r.str("data", 0, "url") != SeedWebhookURL {
		t.Errorf("fields=url: %s", r.raw)
	}

	// A receiver that knows the secret passes the check; one that does not is registered invalid.
	good, bad := newReceiver(t, secret), newReceiver(t, "not the secret")
	r = c.do(http.MethodPost, "/2/webhooks", c.app(), map[string]string{"url": good.srv.URL + "/hook?x=1"})
	wantStatus(t, r, 200)
	goodID := r.str("data", "id")
	if tokens, _, _ := good.seen(); r.at("data", "valid") != true || r.str("data", "url") != good.srv.URL+"/hook?x=1" || len(tokens) != 1 || tokens[0] == "" {
		t.Fatalf("good: %s, tokens %q", r.raw, tokens)
	}
	r = c.do(http.MethodPost, "/2/webhooks", c.app(), map[string]string{"url": bad.srv.URL})
	wantStatus(t, r, 200)
	badID := r.str("data", "id")
	if tokens, _, _ := bad.seen(); r.at("data", "valid") != false || len(tokens) != 1 || badID == goodID {
		t.Fatalf("bad: %s", r.raw)
	}
	if h, ok := s.World().Webhook(badID); !ok || h.Valid || h.CRCChecks != 1 || h.URL != bad.srv.URL {
		t.Errorf("world: %+v %v", h, ok)
	}
	// X takes only https (the fake also http on loopback).
	for _, u := range []string{"http://example.com/hook", "ftp://127.0.0.1/x", "/relative", "https://user:pw@example.com/"} {
		r = c.do(http.MethodPost, "/2/webhooks", c.app(), map[string]string{"url": u})
		wantStatus(t, r, 400)
	}
	if n := len(s.World().Webhooks()); n != 3 {
		t.Errorf("%d webhooks, want 3", n)
	}

	// Re-checking after the receiver is fixed makes it valid, with a fresh token.
	bad.setKey(secret)
	r = c.do(http.MethodPut, "/2/webhooks/"+badID, c.app(), nil)
	wantStatus(t, r, 200)
	if tokens, _, _ := bad.seen(); r.at("data", "valid") != true || r.at("data", "attempted") != true || len(tokens) != 2 || tokens[0] == tokens[1] {
		t.Errorf("validate: %s %q", r.raw, tokens)
	}
	if h, _ := s.World().Webhook(badID); !h.Valid || h.CRCChecks != 2 {
		t.Errorf("after validate: %+v", h)
	}
	// The seeded URL does not answer: it turns invalid.
	r = c.do(http.MethodPut, "/2/webhooks/"+SeedWebhookID, c.app(), nil)
	if r.at("data", "valid") != false {
		t.Errorf("seeded re-check: %s", r.raw)
	}
	r = c.do(http.MethodPut, "/2/webhooks/"+NonexistentID, c.app(), nil)
	wantStatus(t, r, 404)

	// Deliveries are signed with the consumer secret; invalid webhooks get none.
	event := []byte(`{"for_user_id":"` + AliceID + `","favorite_events":[]}`)
	status, err := s.DeliverEvent(context.Background(), goodID, event)
	_, bodies, signatures := good.seen()
	if err != nil || status != 200 || len(bodies) != 1 || string(bodies[0]) != string(event) {
		t.Fatalf("deliver: %d %v %q", status, err, bodies)
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(event)
	if want := "sha256=" + base64.StdEncoding.EncodeToString(m.Sum(nil)); signatures[0] != want {
		t.Errorf("signature %q, want %q", signatures[0], want)
	}
	if _, err := s.DeliverEvent(context.Background(), SeedWebhookID, event); !errors.Is(err, ErrWebhookInvalid) {
		t.Errorf("deliver to invalid: %v", err)
	}
	if _, err := s.DeliverEvent(context.Background(), NonexistentID, event); err == nil {
		t.Error("deliver to unknown webhook: no error")
	}

	// Deleted is gone.
	r = c.do(http.MethodDelete, "/2/webhooks/"+goodID, c.app(), nil)
	wantStatus(t, r, 200)
	if r.at("data", "deleted") != true {
		t.Errorf("delete: %s", r.raw)
	}
	if _, ok := s.World().Webhook(goodID); ok {
		t.Error("deleted webhook still in the world")
	}
	r = c.do(http.MethodDelete, "/2/webhooks/"+goodID, c.app(), nil)
	wantStatus(t, r, 404)

	// App credentials only: a user's OAuth 2.0 token is refused.
	r = c.get("/2/webhooks", s.UserToken(AliceID))
	wantStatus(t, r, 403)
	r = c.do(http.MethodPost, "/2/webhooks", s.UserToken(AliceID), map[string]string{"url": good.srv.URL})
	wantStatus(t, r, 403)
}

func TestWebhookReplay(t *testing.T) {
	clock := NewManualClock(SeedTime.Add(72 * time.Hour))
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	_, secret := s.AppCredentials()
	rc := newReceiver(t, secret)
	r := c.do(http.MethodPost, "/2/webhooks", c.app(), map[string]string{"url": rc.srv.URL})
	id := r.str("data", "id")
	ctx := context.Background()

	// Three events, at 10:00, 10:05 and 11:00; one forged delivery that X never sent.
	start := clock.Now()
	for i, at := range []time.Duration{0, 5 * time.Minute, time.Hour} {
		clock.Set(start.Add(at))
		if _, err := s.DeliverEvent(ctx, id, []byte(`{"n":`+strconv.Itoa(i)+`}`)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DeliverEventWithSignature(ctx, id, []byte(`{"forged":true}`), "sha256=x"); err != nil {
		t.Fatal(err)
	}
	day := func(d time.Duration) string { return start.Add(d).UTC().Format("200601021504") }

	r = c.do(http.MethodPost, "/2/webhooks/replay", c.app(), map[string]string{"webhook_id": id, "from_date": day(0), "to_date": day(5 * time.Minute)})
	wantStatus(t, r, 200)
	_, bodies, sigs := rc.seen()
	if r.str("data", "job_id") == "" || r.str("data", "created_at") == "" || len(bodies) != 6 ||
		string(bodies[4]) != `{"n":0}` || string(bodies[5]) != `{"n":1}` || sigs[5] != webhookMAC(bodies[5]) {
		t.Fatalf("replay: %s; receiver has %q", r.raw, bodies)
	}
	if jobs := s.World().ReplayJobs(); len(jobs) != 1 || jobs[0].ID != r.str("data", "job_id") || jobs[0].Replayed != 2 || jobs[0].WebhookID != id {
		t.Errorf("jobs: %+v", jobs)
	}

	// Older than a day, backwards, malformed, unknown webhook, user token.
	for _, b := range []map[string]string{
		{"webhook_id": id, "from_date": day(-25 * time.Hour), "to_date": day(0)},
		{"webhook_id": id, "from_date": day(time.Hour), "to_date": day(0)},
		{"webhook_id": id, "from_date": "202613010000", "to_date": day(0)},
	} {
		wantStatus(t, c.do(http.MethodPost, "/2/webhooks/replay", c.app(), b), 400)
	}
	wantStatus(t, c.do(http.MethodPost, "/2/webhooks/replay", c.app(), map[string]string{"webhook_id": NonexistentID, "from_date": day(0), "to_date": day(0)}), 404)
	wantStatus(t, c.do(http.MethodPost, "/2/webhooks/replay", s.UserToken(AliceID), map[string]string{"webhook_id": id, "from_date": day(0), "to_date": day(0)}), 403)
}
