package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// eventSink is the user's side of a webhook: the events NewWebhookHandler let through.
type eventSink struct {
	mu     sync.Mutex
	events [][]byte
}

func (k *eventSink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	k.mu.Lock()
	k.events = append(k.events, b)
	k.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

func (k *eventSink) got() [][]byte {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([][]byte(nil), k.events...)
}

// startReceiver serves NewWebhookHandler keyed by secret on a local httptest server, as a
// bot would at its webhook URL. The handler can be swapped (a receiver being fixed).
func startReceiver(t *testing.T, secret string) (*httptest.Server, *eventSink, *atomic.Value) {
	t.Helper()
	sink := &eventSink{}
	var cur atomic.Value
	setReceiverSecret(t, &cur, secret, sink)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cur.Load().(http.Handler).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, sink, &cur
}

func setReceiverSecret(t *testing.T, cur *atomic.Value, secret string, sink http.Handler) {
	t.Helper()
	h, err := twitter.NewWebhookHandler(secret, sink, nil)
	if err != nil {
		t.Fatal(err)
	}
	cur.Store(h)
}

func wantInvalidArgument(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("err = %v, want ErrInvalidArgument", err)
	}
}

func TestFakeWebhooksList(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, _, err := c.Webhooks.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	world := s.World().Webhooks()
	if len(res.Data) != len(world) || res.Meta.ResultCount != int32(len(world)) || len(world) != 1 {
		t.Fatalf("list = %+v, world %+v", res, world)
	}
	got, want := res.Data[0], world[0]
	if got.ID != testserver.SeedWebhookID || got.ID != want.ID || got.URL != want.URL || got.Valid != want.Valid || got.CreatedAt == "" {
		t.Errorf("webhook = %+v, world has %+v", got, want)
	}
	res, _, err = c.Webhooks.List(ctx, &twitter.WebhookListOptions{WebhookConfigFields: []gen.WebhookConfigField{gen.WebhookConfigFieldValid}})
	if err != nil || res.Data[0].ID != want.ID || res.Data[0].URL != "" || !res.Data[0].Valid {
		t.Errorf("valid only: %+v, %v", res, err)
	}

	_, _, err = c.Webhooks.List(ctx, &twitter.WebhookListOptions{WebhookConfigFields: []gen.WebhookConfigField{"secret"}})
	wantInvalidArgument(t, err)
	_, _, err = userClient(t, s, testserver.AliceID).Webhooks.List(ctx, nil)
	wantUnsupportedAuth(t, err)
}

// TestFakeWebhooksCreate goes end to end: a receiver built on NewWebhookHandler is
// registered through the facade, the fake X API checks it by CRC and finds it valid,
// then delivers a signed event that reaches the bot's handler; tampered ones do not.
func TestFakeWebhooksCreate(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	_, secret := s.AppCredentials()
	recv, sink, _ := startReceiver(t, secret)

	res, _, err := c.Webhooks.Create(ctx, recv.URL+"/x/events")
	if err != nil {
		t.Fatal(err)
	}
	hook, ok := s.World().Webhook(res.Data.ID)
	if !ok || !res.Data.Valid || !hook.Valid || hook.CRCChecks != 1 || res.Data.URL != recv.URL+"/x/events" || hook.URL != res.Data.URL || res.Data.CreatedAt == "" {
		t.Fatalf("created %+v, world has %+v (%v)", res.Data, hook, ok)
	}

	event := []byte(`{"for_user_id":"` + testserver.AliceID + `","tweet_create_events":[{"id_str":"1"}]}`)
	status, err := s.DeliverEvent(ctx, res.Data.ID, event)
	if err != nil || status != http.StatusOK {
		t.Fatalf("deliver: %d, %v", status, err)
	}
	if got := sink.got(); len(got) != 1 || !bytes.Equal(got[0], event) {
		t.Fatalf("handler got %q, want the event", got)
	}
	// A forged signature, and a body changed after signing, never reach the handler.
	status, err = s.DeliverEventWithSignature(ctx, res.Data.ID, event, "sha256=AAAA"+strings.Repeat("A", 40))
	if err != nil || status != http.StatusUnauthorized {
		t.Errorf("forged: %d, %v", status, err)
	}
	tampered := bytes.Replace(event, []byte(`"1"`), []byte(`"2"`), 1)
	status, err = s.DeliverEventWithSignature(ctx, res.Data.ID, tampered, twitter.CRCResponseToken(secret, string(event)))
	if err != nil || status != http.StatusUnauthorized {
		t.Errorf("tampered: %d, %v", status, err)
	}
	if n := len(sink.got()); n != 1 {
		t.Errorf("handler got %d events, want 1", n)
	}

	// A receiver keyed with another secret fails the check: registered, but invalid.
	wrong, _, _ := startReceiver(t, "another app's secret")
	res, _, err = oauth1Client(t, s, testserver.AliceID).Webhooks.Create(ctx, wrong.URL)
	if err != nil {
		t.Fatal(err)
	}
	if hook, _ := s.World().Webhook(res.Data.ID); res.Data.Valid || hook.Valid {
		t.Errorf("wrong secret: %+v, world %+v", res.Data, hook)
	}
	if _, err := s.DeliverEvent(ctx, res.Data.ID, event); !errors.Is(err, testserver.ErrWebhookInvalid) {
		t.Errorf("deliver to invalid: %v", err)
	}

	// X refuses plain http on the internet; the facade refuses what X never takes.
	_, _, err = c.Webhooks.Create(ctx, "http://bots.example.com/hook")
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	for _, u := range []string{"", "/relative", "ftp://example.com/x", "https://example.com/" + strings.Repeat("a", 200)} {
		_, _, err = c.Webhooks.Create(ctx, u)
		wantInvalidArgument(t, err)
	}
	for _, u := range []string{"https://user:hunter2@example.com:bad/", "https://user:hunter2@example.com/hook"} {
		_, _, err = c.Webhooks.Create(ctx, u)
		wantInvalidArgument(t, err)
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("error shows the URL's password: %v", err)
		}
	}
	_, _, err = userClient(t, s, testserver.AliceID).Webhooks.Create(ctx, recv.URL)
	wantUnsupportedAuth(t, err)
	if n := len(s.World().Webhooks()); n != 3 {
		t.Errorf("world has %d webhooks, want 3", n)
	}
}

// TestFakeWebhooksCreateFlatResponse: older versions of the API send the configuration
// at the top level instead of under data; Create reads it into Data either way.
func TestFakeWebhooksCreateFlatResponse(t *testing.T) {
	s := fake(t, testserver.WithResponseMutator(func(op string, status int, body []byte) []byte {
		if op != "createWebhook" || status != http.StatusOK {
			return body
		}
		b := bytes.Replace(body, []byte(`{"data":{`), []byte(`{`), 1)
		return bytes.TrimSuffix(b, []byte(`}`))
	}))
	_, secret := s.AppCredentials()
	recv, _, _ := startReceiver(t, secret)
	res, _, err := appClient(t, s).Webhooks.Create(context.Background(), recv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if res.ID == "" || res.Data.ID != res.ID || !res.Data.Valid || res.Data.URL != recv.URL || res.Data.CreatedAt == "" {
		t.Errorf("flat answer read as %+v", res)
	}
}

func TestFakeWebhooksValidate(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	_, secret := s.AppCredentials()
	recv, sink, cur := startReceiver(t, "a stale secret")
	res, _, err := c.Webhooks.Create(ctx, recv.URL)
	if err != nil || res.Data.Valid {
		t.Fatalf("create: %+v, %v", res, err)
	}
	id := res.Data.ID

	// The bot is fixed; a re-check makes the webhook valid and events flow.
	setReceiverSecret(t, cur, secret, sink)
	v, _, err := c.Webhooks.Validate(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	hook, _ := s.World().Webhook(id)
	if !v.Data.Valid || !v.Data.Attempted || !hook.Valid || hook.CRCChecks != 2 {
		t.Errorf("validate = %+v, world %+v", v.Data, hook)
	}
	if status, err := s.DeliverEvent(ctx, id, []byte(`{}`)); err != nil || status != 200 || len(sink.got()) != 1 {
		t.Errorf("deliver after validate: %d, %v", status, err)
	}
	// The seeded webhook's URL does not answer here: the check makes it invalid.
	v, _, err = oauth1Client(t, s, testserver.BobID).Webhooks.Validate(ctx, testserver.SeedWebhookID)
	if hook, _ := s.World().Webhook(testserver.SeedWebhookID); err != nil || v.Data.Valid || hook.Valid {
		t.Errorf("seeded: %+v, %v, world %+v", v, err, hook)
	}

	_, _, err = c.Webhooks.Validate(ctx, testserver.NonexistentID)
	wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound)
	_, _, err = c.Webhooks.Validate(ctx, "hook-1")
	wantInvalidArgument(t, err)
	_, _, err = userClient(t, s, testserver.AliceID).Webhooks.Validate(ctx, id)
	wantUnsupportedAuth(t, err)
}

func TestFakeWebhooksDelete(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, _, err := c.Webhooks.Delete(ctx, testserver.SeedWebhookID)
	if err != nil || !res.Data.Deleted {
		t.Fatalf("delete: %+v, %v", res, err)
	}
	if _, ok := s.World().Webhook(testserver.SeedWebhookID); ok || len(s.World().Webhooks()) != 0 {
		t.Error("deleted webhook still in the world")
	}
	if l, _, err := c.Webhooks.List(ctx, nil); err != nil || len(l.Data) != 0 {
		t.Errorf("list after delete: %+v, %v", l, err)
	}
	_, _, err = c.Webhooks.Delete(ctx, testserver.SeedWebhookID)
	wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound)
	_, _, err = c.Webhooks.Delete(ctx, "")
	wantInvalidArgument(t, err)
	_, _, err = userClient(t, s, testserver.AliceID).Webhooks.Delete(ctx, testserver.SeedWebhookID)
	wantUnsupportedAuth(t, err)
}

func TestFakeWebhooksReplay(t *testing.T) {
	clock := testserver.NewManualClock(testserver.SeedTime.Add(72 * time.Hour))
	s := fake(t, testserver.WithClock(clock))
	ctx := context.Background()
	c := appClient(t, s)
	hookID, sink := registerReceiver(t, s, c)
	start := clock.Now()
	for i := range 3 { // one event every 10 minutes
		clock.Set(start.Add(time.Duration(i) * 10 * time.Minute))
		if _, err := s.DeliverEvent(ctx, hookID, []byte(fmt.Sprintf(`{"n":%d}`, i))); err != nil {
			t.Fatal(err)
		}
	}
	// The last two again: from 10:10:30 (its minute counts) to 10:20.
	res, _, err := c.Webhooks.Replay(ctx, hookID, start.Add(10*time.Minute+30*time.Second), start.Add(20*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	jobs := s.World().ReplayJobs()
	got := sink.got()
	if len(jobs) != 1 || res.Data.JobID != jobs[0].ID || res.Data.CreatedAt == "" || jobs[0].Replayed != 2 ||
		len(got) != 5 || string(got[3]) != `{"n":1}` || string(got[4]) != `{"n":2}` {
		t.Errorf("replay %+v, jobs %+v, handler got %q", res.Data, jobs, got)
	}

	_, _, err = c.Webhooks.Replay(ctx, hookID, start.Add(-48*time.Hour), start)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = c.Webhooks.Replay(ctx, testserver.NonexistentID, start, start)
	wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound)
	_, _, err = c.Webhooks.Replay(ctx, hookID, start, start.Add(-time.Minute))
	wantInvalidArgument(t, err)
	_, _, err = c.Webhooks.Replay(ctx, hookID, time.Time{}, start)
	wantInvalidArgument(t, err)
	_, _, err = c.Webhooks.Replay(ctx, "1x", start, start)
	wantInvalidArgument(t, err)
	_, _, err = userClient(t, s, testserver.AliceID).Webhooks.Replay(ctx, hookID, start, start)
	wantUnsupportedAuth(t, err)
}

// TestFakeWebhooksReplayFlatResponse: older versions of the API answer a replay with the
// job at the top level; Replay reads it into Data.
func TestFakeWebhooksReplayFlatResponse(t *testing.T) {
	s := fake(t, testserver.WithResponseMutator(func(op string, status int, body []byte) []byte {
		if op != "replayWebhookEvents" || status != http.StatusOK {
			return body
		}
		return bytes.TrimSuffix(bytes.Replace(body, []byte(`{"data":{`), []byte(`{`), 1), []byte(`}`))
	}))
	now := time.Now()
	res, _, err := appClient(t, s).Webhooks.Replay(context.Background(), testserver.SeedWebhookID, now.Add(-time.Hour), now)
	if err != nil {
		t.Fatal(err)
	}
	if jobs := s.World().ReplayJobs(); res.JobID == "" || res.Data.JobID != res.JobID || len(jobs) != 1 || jobs[0].ID != res.JobID || res.Data.CreatedAt == "" {
		t.Errorf("flat answer read as %+v", res)
	}
}
