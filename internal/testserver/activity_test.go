package testserver

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// TestActivitySubscriptions: subscriptions are made, listed a page at a time, changed and
// ended, with their filters checked against the type and the credentials.
func TestActivitySubscriptions(t *testing.T) {
	s := Start(t, WithInvalidRequestsAllowed())
	c := newTC(t, s)
	app := c.app()
	create := func(auth string, body map[string]any) resp {
		t.Helper()
		return c.do(http.MethodPost, "/2/activity/subscriptions", auth, body)
	}
	bio := create(app, map[string]any{"event_type": "profile.update.bio", "filter": map[string]string{"user_id": AliceID}, "tag": "bios"})
	wantStatus(t, bio, http.StatusOK)
	id := bio.str("data", "subscription", "subscription_id")
	if id == "" || bio.str("data", "subscription", "filter", "user_id") != AliceID || bio.str("data", "subscription", "tag") != "bios" ||
		bio.num("meta", "total_subscriptions") != 1 {
		t.Errorf("create: %s", bio.raw)
	}
	// The same again is a conflict; an unknown user, a missing filter, a private event with
	// an app-only token or for someone else, a scope that does not fit, a direction on a
	// mute: refused.
	wantStatus(t, create(app, map[string]any{"event_type": "profile.update.bio", "filter": map[string]string{"user_id": AliceID}}), http.StatusConflict)
	wantStatus(t, create(app, map[string]any{"event_type": "profile.update.url", "filter": map[string]string{"user_id": AliceID}}), http.StatusOK)
	wantStatus(t, create(app, map[string]any{"event_type": "follow.follow", "filter": map[string]string{"user_id": NonexistentID}}), http.StatusBadRequest)
	wantStatus(t, create(app, map[string]any{"event_type": "news.new", "filter": map[string]string{"user_id": AliceID}}), http.StatusBadRequest)
	wantStatus(t, create(app, map[string]any{"event_type": "like.create", "filter": map[string]string{"user_id": AliceID}}), http.StatusForbidden)
	wantStatus(t, create(s.UserToken(BobID), map[string]any{"event_type": "like.create", "filter": map[string]string{"user_id": AliceID}}), http.StatusForbidden)
	wantStatus(t, create(s.UserToken(AliceID, "tweet.read"), map[string]any{"event_type": "like.create", "filter": map[string]string{"user_id": AliceID}}), http.StatusForbidden)
	wantStatus(t, create(s.UserToken(AliceID), map[string]any{"event_type": "mute.mute", "filter": map[string]string{"user_id": AliceID, "direction": "outbound"}}), http.StatusBadRequest)
	wantStatus(t, create(app, map[string]any{"event_type": "post.create", "filter": map[string]string{"user_id": AliceID}, "webhook_id": "1"}), http.StatusNotFound)
	wantStatus(t, create(app, map[string]any{"event_type": "ProfileBioUpdate", "filter": map[string]string{"user_id": AliceID}}), http.StatusBadRequest)
	like := create(s.UserToken(AliceID), map[string]any{"event_type": "like.create", "filter": map[string]string{"user_id": AliceID, "direction": "inbound"}})
	wantStatus(t, like, http.StatusOK)
	join := create(s.UserToken(AliceID), map[string]any{"event_type": "chat.conversation_join", "filter": map[string]string{"user_id": AliceID}})
	if join.str("data", "subscription", "event_type") != "chat.conversation.join" {
		t.Errorf("older spelling: %s", join.raw)
	}

	// Four subscriptions, listed two at a time.
	p1 := c.get("/2/activity/subscriptions?max_results=2", app)
	wantStatus(t, p1, http.StatusOK)
	next := p1.str("meta", "next_token")
	if len(p1.list("data")) != 2 || p1.str("data", 0, "subscription_id") != id || len(next) != 16 {
		t.Fatalf("page 1: %s", p1.raw)
	}
	p2 := c.get("/2/activity/subscriptions?max_results=2&pagination_token="+next, s.UserToken(AliceID))
	if len(p2.list("data")) != 2 || p2.has("meta", "next_token") || p2.str("data", 1, "event_type") != "chat.conversation.join" {
		t.Errorf("page 2: %s", p2.raw)
	}
	wantStatus(t, c.get("/2/activity/subscriptions?pagination_token=zzzzzzzzzzzzzzzz", app), http.StatusBadRequest)

	up := c.do(http.MethodPut, "/2/activity/subscriptions/"+id, app, map[string]string{"tag": "bio changes", "webhook_id": SeedWebhookID})
	wantStatus(t, up, http.StatusOK)
	if up.str("data", "subscription", "tag") != "bio changes" || up.str("data", "subscription", "webhook_id") != SeedWebhookID ||
		up.num("data", "total_subscriptions") != 4 {
		t.Errorf("update: %s", up.raw)
	}
	wantStatus(t, c.do(http.MethodPut, "/2/activity/subscriptions/"+NonexistentID, app, map[string]string{"tag": "x"}), http.StatusNotFound)

	del := c.do(http.MethodDelete, "/2/activity/subscriptions/"+id, app, nil)
	if del.status != http.StatusOK || del.at("data", "deleted") != true || del.num("meta", "total_subscriptions") != 3 {
		t.Errorf("delete: %s", del.raw)
	}
	wantStatus(t, c.do(http.MethodDelete, "/2/activity/subscriptions/"+id, app, nil), http.StatusNotFound)
	likeID := like.str("data", "subscription", "subscription_id")
	many := c.do(http.MethodDelete, "/2/activity/subscriptions?ids="+likeID+","+id, app, nil)
	if many.str("data", 0, "subscription_id") != likeID || many.str("errors", 0, "subscription_id") != id ||
		many.str("errors", 0, "reason") != "NotFound" || many.num("meta", "total_subscriptions") != 2 {
		t.Errorf("delete by ids: %s", many.raw)
	}
	if got := s.World().ActivitySubscriptions(); len(got) != 2 {
		t.Errorf("left: %+v", got)
	}
}

// TestActivityEvents: what happens in the world reaches the activity stream for the
// subscriptions that match it, one event each, and the webhook subscriptions' events
// wait for DeliverActivityWebhooks.
func TestActivityEvents(t *testing.T) {
	s := Start(t, WithKeepAlive(time.Hour))
	c := newTC(t, s)
	app := c.app()
	sub := func(auth, eventType, user, direction, tag string) {
		t.Helper()
		f := map[string]string{"user_id": user}
		if direction != "" {
			f["direction"] = direction
		}
		body := map[string]any{"event_type": eventType, "filter": f}
		if tag != "" {
			body["tag"] = tag
		}
		wantStatus(t, c.do(http.MethodPost, "/2/activity/subscriptions", auth, body), http.StatusOK)
	}
	sub(app, "profile.update.bio", AliceID, "", "bio")
	sub(app, "follow.follow", BobID, "", "bob follows")
	sub(app, "post.create", AliceID, "", "")
	sub(s.UserToken(BobID), "post.reply.create", BobID, "", "replies to bob")
	sub(s.UserToken(AliceID), "like.create", AliceID, "outbound", "alice likes")
	st := openStream(t, c, "/2/activity/stream")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.WaitStreamConnections(ctx, "streamActivity", 1); err != nil {
		t.Fatal(err)
	}

	if err := s.UpdateProfile(AliceID, ProfileBio, "Writes Go and tests it"); err != nil {
		t.Fatal(err)
	}
	d := st.next()["data"].(map[string]any)
	p := d["payload"].(map[string]any)
	if d["event_type"] != "profile.update.bio" || d["tag"] != "bio" || p["before"] != "Writes Go. #golang" || p["after"] != "Writes Go and tests it" {
		t.Errorf("bio: %v", d)
	}
	if u, _ := s.World().User(AliceID); u.Description != "Writes Go and tests it" {
		t.Errorf("profile not changed: %+v", u)
	}
	if other := newServerUser(t, AliceID); other.Description != "Writes Go. #golang" {
		t.Errorf("another server sees the change: %+v", other)
	}

	// Bob follows Carol: follow.follow, with both users.
	wantStatus(t, c.do(http.MethodPost, "/2/users/"+BobID+"/following", s.UserToken(BobID), map[string]string{"target_user_id": CarolID}), http.StatusOK)
	d = st.next()["data"].(map[string]any)
	p = d["payload"].(map[string]any)
	if d["event_type"] != "follow.follow" || p["source"].(map[string]any)["data"].(map[string]any)["id"] != BobID ||
		p["target"].(map[string]any)["data"].(map[string]any)["id"] != CarolID {
		t.Errorf("follow: %v", d)
	}

	// Alice replies to a Tweet of Bob's: post.create for her, post.reply.create for him.
	bobTweet := s.EmitTweet(Tweet{AuthorID: BobID, Text: "Who tests their streams?"})[0]
	r := c.do(http.MethodPost, "/2/tweets", s.UserToken(AliceID), map[string]any{"text": "I do", "reply": map[string]string{"in_reply_to_tweet_id": bobTweet.ID}})
	wantStatus(t, r, http.StatusCreated)
	for _, want := range []string{"post.create", "post.reply.create"} {
		d = st.next()["data"].(map[string]any)
		if d["event_type"] != want || d["payload"].(map[string]any)["id"] != r.str("data", "id") {
			t.Errorf("%s: %v", want, d)
		}
	}
	// Alice likes Bob's Tweet: like.create, outbound for her.
	wantStatus(t, c.do(http.MethodPost, "/2/users/"+AliceID+"/likes", s.UserToken(AliceID), map[string]string{"tweet_id": bobTweet.ID}), http.StatusOK)
	d = st.next()["data"].(map[string]any)
	if p := d["payload"].(map[string]any); d["event_type"] != "like.create" || p["liked_tweet_id"] != bobTweet.ID || p["liked_tweet_author_id"] != BobID {
		t.Errorf("like: %v", d)
	}

	// To a webhook: nothing on the stream, delivered signed on request.
	got := make(chan string, 4)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tok := r.URL.Query().Get("crc_token"); tok != "" {
			_, _ = w.Write([]byte(`{"response_token":"` + webhookMAC([]byte(tok)) + `"}`))
			return
		}
		body, _ := io.ReadAll(r.Body)
		if r.Method == http.MethodPost && r.Header.Get(signatureHeader) == webhookMAC(body) {
			got <- string(body)
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer recv.Close()
	hook := c.do(http.MethodPost, "/2/webhooks", app, map[string]string{"url": recv.URL + "/x"})
	wantStatus(t, hook, http.StatusOK)
	hookSub := c.do(http.MethodPost, "/2/activity/subscriptions", app, map[string]any{"event_type": "profile.update.geo",
		"filter": map[string]string{"user_id": CarolID}, "webhook_id": hook.str("data", "id")})
	wantStatus(t, hookSub, http.StatusOK)
	if err := s.UpdateProfile(CarolID, ProfileLocation, "Boston"); err != nil {
		t.Fatal(err)
	}
	n, err := s.DeliverActivityWebhooks(ctx)
	if err != nil || n != 1 {
		t.Fatalf("delivered %d, %v", n, err)
	}
	if body := <-got; !containsStr(body, `"event_type":"profile.update.geo"`) || !containsStr(body, `"after":"Boston"`) {
		t.Errorf("webhook body %s", body)
	}
	if n, err := s.DeliverActivityWebhooks(ctx); n != 0 || err != nil {
		t.Errorf("delivered again: %d, %v", n, err)
	}
	if err := s.UpdateProfile(NonexistentID, ProfileBio, "x"); err == nil {
		t.Error("UpdateProfile of an unknown user")
	}
}

// newServerUser reads a user from a fresh server's world.
func newServerUser(t *testing.T, id string) User {
	t.Helper()
	u, _ := Start(t).World().User(id)
	return u
}
