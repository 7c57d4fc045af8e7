package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"golang.org/x/oauth2"
)

// nextActivity reads the next event of an activity stream, skipping system messages.
func nextActivity(t *testing.T, s *ActivityStream) *ActivityEvent {
	t.Helper()
	return nextWhere(t, s, func(m ActivityMessage) bool { return m.Event != nil }).Event
}

// TestFakeActivityStream: what happens in the fake world (a profile change, a follow, a
// Tweet, a mute) reaches the activity stream typed, across an operational disconnect,
// and the stream shuts down without a leak.
func TestFakeActivityStream(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t, testserver.WithKeepAlive(5*time.Millisecond))
	reconnects := make(chan ReconnectEvent, 4)
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	bob := testStreamClient(t, ts.URL(), WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: ts.UserToken(testserver.BobID)})))
	ctx := context.Background()

	_, err := c.Activity.Stream(ctx, &StreamOptions{TweetFields: []gen.TweetField{gen.TweetFieldAuthorID}})
	wantInvalid(t, "Tweet fields", err)
	_, err = c.Activity.Stream(ctx, &StreamOptions{BackfillMinutes: 6})
	wantInvalid(t, "backfill of 6 minutes", err)

	for _, sub := range []struct {
		c   *Client
		typ gen.ActivityEventType
		f   gen.ActivityFilter
	}{
		{c, gen.ActivityEventTypeProfileUpdateBio, gen.ActivityFilter{UserID: testserver.AliceID}},
		{c, gen.ActivityEventTypeFollowFollow, gen.ActivityFilter{UserID: testserver.CarolID}},
		{c, gen.ActivityEventTypePostCreate, gen.ActivityFilter{UserID: testserver.AliceID}},
		{c, gen.ActivityEventTypePostDelete, gen.ActivityFilter{UserID: testserver.BobID}},
		{bob, gen.ActivityEventTypeMuteMute, gen.ActivityFilter{UserID: testserver.BobID}},
	} {
		if _, _, err := sub.c.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{EventType: sub.typ, Filter: sub.f, Tag: string(sub.typ)}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Activity.Stream(ctx, &StreamOptions{OnReconnect: func(ev ReconnectEvent) { reconnects <- ev }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	if err := ts.UpdateProfile(testserver.AliceID, testserver.ProfileBio, "Gopher"); err != nil {
		t.Fatal(err)
	}
	ev := nextActivity(t, s)
	if ev.EventType != gen.ActivityEventTypeProfileUpdateBio || ev.Tag != "profile.update.bio" || ev.EventUUID == "" ||
		ev.Profile == nil || ev.Profile.Before != "Writes Go. #golang" || ev.Profile.After != "Gopher" || ev.Users != nil {
		t.Errorf("bio %+v", ev)
	}

	// Bob follows Carol: Carol's subscription sees it (she was followed), with both users.
	if _, _, err := bob.Users.Follow(ctx, testserver.BobID, testserver.CarolID); err != nil {
		t.Fatal(err)
	}
	ev = nextActivity(t, s)
	if u := ev.Users; ev.EventType != gen.ActivityEventTypeFollowFollow || u == nil || u.Source == nil || u.Source.Username != "bob" ||
		u.Target == nil || u.Target.ID != testserver.CarolID || ev.Filter.UserID != testserver.CarolID {
		t.Errorf("follow %+v", ev)
	}

	// X ends the connection; the stream reconnects by itself and goes on.
	ts.DisconnectStreams("")
	select {
	case r := <-reconnects:
		if r.Cause != CauseDropped {
			t.Errorf("reconnect %+v", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reconnect")
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := ts.WaitStreamConnections(wctx, "GET /2/activity/stream", 1); err != nil {
		t.Fatal(err)
	}

	tw := ts.EmitTweet(testserver.Tweet{AuthorID: testserver.AliceID, Text: "Streaming activity"})[0]
	ev = nextActivity(t, s)
	if ev.EventType != gen.ActivityEventTypePostCreate || ev.Tweet == nil || ev.Tweet.ID != tw.ID || ev.Tweet.Text != tw.Text ||
		ev.Tweet.AuthorID != testserver.AliceID || len(ev.Includes.Users) != 1 || ev.Includes.Users[0].ID != testserver.AliceID {
		t.Errorf("post %+v", ev)
	}
	if _, _, err := bob.Users.Mute(ctx, testserver.BobID, testserver.DaveID); err != nil {
		t.Fatal(err)
	}
	ev = nextActivity(t, s)
	if ev.EventType != gen.ActivityEventTypeMuteMute || ev.Users == nil || ev.Users.Target.ID != testserver.DaveID {
		t.Errorf("mute %+v", ev)
	}

	s.Close()
	if _, err := s.Next(ctx); !errors.Is(err, ErrStreamClosed) {
		t.Errorf("after Close: %v", err)
	}
}

// aliceReceivesFromBob subscribes Alice to received (with her own token, as private
// events need) and Bob to sent, and opens the app's activity stream; it returns the
// stream, closed at the end of the test, and Bob's client.
func aliceReceivesFromBob(t *testing.T, ts *testserver.Server, received, sent gen.ActivityEventType) (*ActivityStream, *Client) {
	t.Helper()
	user := func(id string) *Client {
		return testStreamClient(t, ts.URL(), WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: ts.UserToken(id)})))
	}
	alice, bob := user(testserver.AliceID), user(testserver.BobID)
	ctx := context.Background()
	for _, sub := range []struct {
		c   *Client
		typ gen.ActivityEventType
		id  string
	}{{alice, received, testserver.AliceID}, {bob, sent, testserver.BobID}} {
		if _, _, err := sub.c.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{EventType: sub.typ,
			Filter: gen.ActivityFilter{UserID: sub.id}}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken())).Activity.Stream(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, bob
}

// A direct message sent in the fake world reaches the activity stream as dm.sent for its
// sender and dm.received for its recipient, typed, with both users.
func TestFakeActivityStreamTypesDirectMessages(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t)
	s, bob := aliceReceivesFromBob(t, ts, gen.ActivityEventTypeDmReceived, gen.ActivityEventTypeDmSent)
	ctx := context.Background()
	sent, _, err := bob.DirectMessages.SendTo(ctx, testserver.AliceID, DirectMessage{Text: "lunch at noon?"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[gen.ActivityEventType]*ActivityEvent{}
	for range 2 {
		ev := nextActivity(t, s)
		got[ev.EventType] = ev
	}
	for typ, filtered := range map[gen.ActivityEventType]string{gen.ActivityEventTypeDmSent: testserver.BobID, gen.ActivityEventTypeDmReceived: testserver.AliceID} {
		ev := got[typ]
		if ev == nil || ev.Filter.UserID != filtered || len(ev.DirectMessages) != 1 {
			t.Fatalf("%s: %+v", typ, ev)
		}
		m := ev.DirectMessages[0]
		if m.ID != sent.Data.DmEventID || m.Text != "lunch at noon?" || m.SenderID != testserver.BobID || m.RecipientID != testserver.AliceID ||
			m.SentAt.IsZero() || m.Sender == nil || m.Sender.Username != "bob" || m.Recipient == nil || m.Recipient.Username != "alice" {
			t.Errorf("%s: message %+v", typ, m)
		}
	}
}

// A chat message sent in the fake world reaches the activity stream as chat.sent for its
// sender and chat.received for the other member, carrying the message as encrypted.
func TestFakeActivityStreamTypesChatMessages(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t)
	s, bob := aliceReceivesFromBob(t, ts, gen.ActivityEventTypeChatReceived, gen.ActivityEventTypeChatSent)
	ctx := context.Background()
	msg := gen.ChatMessageRequest{MessageID: "3f8a2c1e-activity", EncodedMessageCreateEvent: "Y2lwaGVydGV4dA==", ConversationToken: "tok"}
	if _, _, err := bob.Chat.Send(ctx, testserver.ChatAliceBobID, msg); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		ev := nextActivity(t, s)
		ch := ev.Chat
		if ch == nil || ch.ID != msg.MessageID || ch.EncodedEvent != msg.EncodedMessageCreateEvent || ch.SenderID != testserver.BobID ||
			ch.ConversationID != testserver.ChatAliceBobID || ch.CreatedAtMsec == "" {
			t.Errorf("%s: %+v", ev.EventType, ch)
		}
		if want := map[gen.ActivityEventType]string{gen.ActivityEventTypeChatSent: testserver.BobID, gen.ActivityEventTypeChatReceived: testserver.AliceID}[ev.EventType]; ev.Filter.UserID != want {
			t.Errorf("%s for %s, want %s", ev.EventType, ev.Filter.UserID, want)
		}
	}
}

// An activity stream whose events carry members the document does not name, in the
// event and in its payload, still delivers them typed.
func TestFakeActivityStreamReadsUnlistedMembers(t *testing.T) {
	noLeaks(t)
	ts := testserver.Start(t)
	ts.Inject("streamActivity", testserver.Fault{Kind: testserver.FaultUnlistedValues})
	c := testStreamClient(t, ts.URL(), WithBearerToken(ts.AppBearerToken()))
	ctx := context.Background()
	if _, _, err := c.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{EventType: gen.ActivityEventTypeProfileUpdateBio,
		Filter: gen.ActivityFilter{UserID: testserver.AliceID}}); err != nil {
		t.Fatal(err)
	}
	s, err := c.Activity.Stream(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := ts.UpdateProfile(testserver.AliceID, testserver.ProfileBio, "Gopher"); err != nil {
		t.Fatal(err)
	}
	ev := nextActivity(t, s)
	if ev.EventType != gen.ActivityEventTypeProfileUpdateBio || ev.Profile == nil || ev.Profile.After != "Gopher" ||
		!strings.Contains(string(ev.Payload), "drift_unknown_member") {
		t.Errorf("event %+v (payload %s), want the bio change typed beside the unknown member", ev, ev.Payload)
	}
}

// TestActivityLines: every known payload shape is typed, users come wrapped in data or
// not, a like's time as a number or a string; an unknown type is delivered with its raw
// payload only; problems are a system message; what is not an event is a line error.
func TestActivityLines(t *testing.T) {
	c, err := NewClient(WithBearerToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	decode := func(line string) (*ActivityEvent, []gen.Problem) {
		t.Helper()
		m, problems, err := decodeActivityLine(c, []byte(line))
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		return m.Event, problems
	}
	ev, _ := decode(`{"data":{"event_uuid":"-2781149976877970683","event_type":"post.delete","filter":{"user_id":"1"},"payload":{"id":"20","author_id":"1"}}}`)
	if ev.EventUUID != "-2781149976877970683" || ev.TweetDeleted == nil || ev.TweetDeleted.ID != "20" || ev.TweetDeleted.AuthorID != "1" {
		t.Errorf("post.delete %+v", ev)
	}
	ev, _ = decode(`{"data":{"event_type":"follow.unfollow","payload":{"source":{"id":"1","name":"A","username":"a"},"target":{"data":{"id":"2","name":"B","username":"b"}}}}}`)
	if ev.Users == nil || ev.Users.Source.Username != "a" || ev.Users.Target.Username != "b" {
		t.Errorf("users %+v", ev.Users)
	}
	ev, _ = decode(`{"data":{"event_type":"block.block","payload":{"source":{"data":{"id":"1","name":"A","username":"a"}}}}}`)
	if ev.Users == nil || ev.Users.Source.ID != "1" || ev.Users.Target != nil {
		t.Errorf("block without target %+v", ev.Users)
	}
	ev, _ = decode(`{"data":{"event_type":"like.create","payload":{"id":"ab","liked_tweet_id":"5","tweet_author_id":"7","timestamp_ms":1784927565236}}}`)
	if l := ev.Like; l == nil || l.TweetID != "5" || l.AuthorID != "7" || l.LikedAt.UnixMilli() != 1784927565236 || !l.TweetCreatedAt.IsZero() {
		t.Errorf("like %+v", ev.Like)
	}
	ev, _ = decode(`{"data":{"event_type":"like.create","payload":{"id":"ab","liked_tweet_id":"5","liked_tweet_author_id":"8","timestamp_ms":"1784927565236","created_at":"2026-07-24T21:12:45.000Z"}}}`)
	if l := ev.Like; l == nil || l.AuthorID != "8" || l.LikedAt.UnixMilli() != 1784927565236 || l.TweetCreatedAt.Year() != 2026 {
		t.Errorf("like with strings %+v", ev.Like)
	}
	ev, _ = decode(`{"data":{"event_type":"spaces.start","payload":{"user":{"data":{"id":"1","name":"A","username":"a"}},"broadcast_id":"1qxv","event_type":"spaces_start"}}}`)
	if l := ev.Live; l == nil || l.Host == nil || l.Host.ID != "1" || l.BroadcastID != "1qxv" {
		t.Errorf("spaces %+v", ev.Live)
	}
	ev, _ = decode(`{"data":{"event_type":"news.new","filter":{"keyword":"Go"},"payload":{"id":"9","name":"Go 2","hook":"h"}}}`)
	if ev.News == nil || ev.News.Name != "Go 2" || ev.Filter.Keyword != "Go" {
		t.Errorf("news %+v", ev)
	}
	ev, _ = decode(`{"data":{"event_type":"oauth.revoke","filter":{},"payload":{"date_time":"2026-07-23T21:44:05+00:00","user_id":"1","app_id":"29820954"}}}`)
	if ev.Revoke == nil || ev.Revoke.UserID != "1" || ev.Revoke.AppID != "29820954" {
		t.Errorf("revoke %+v", ev)
	}
	ev, _ = decode(`{"data":{"event_type":"post.reply.create","payload":{"id":"3","text":"hi","author_id":"2"},"includes":{"users":[{"id":"2","name":"B","username":"b"}]}}}`)
	if ev.Tweet == nil || ev.Tweet.Text != "hi" || len(ev.Includes.Users) != 1 {
		t.Errorf("reply %+v", ev)
	}
	// A direct message as X's examples show it: v1.1-shaped, users wrapped in data, with
	// members beside the document's (the _str counts).
	ev, _ = decode(`{"data":{"event_type":"dm.received","filter":{"user_id":"2"},"payload":{"direct_message_events":[` +
		`{"type":"message_create","id":"2080763914820927863","created_timestamp":"1784927750704","message_create":{"target":{"recipient_id":"2"},` +
		`"sender_id":"1","message_data":{"text":"Thanks!","entities":{"hashtags":[],"urls":[]}}}}],` +
		`"users":{"1":{"data":{"id":"1","name":"A","username":"a","public_metrics":{"followers_count":5,"followers_count_str":"5"}}},"2":{"id":"2","name":"B","username":"b"}}}}}`)
	if len(ev.DirectMessages) != 1 {
		t.Fatalf("dm.received %+v", ev)
	}
	if m := ev.DirectMessages[0]; m.ID != "2080763914820927863" || m.SenderID != "1" || m.RecipientID != "2" || m.Text != "Thanks!" ||
		m.SentAt.UnixMilli() != 1784927750704 || m.Sender == nil || m.Sender.Username != "a" || m.Sender.PublicMetrics.FollowersCount != 5 ||
		m.Recipient == nil || m.Recipient.Username != "b" || !strings.Contains(string(m.Event.MessageCreate.MessageData.Entities), "hashtags") {
		t.Errorf("direct message %+v", m)
	}
	ev, _ = decode(`{"data":{"event_type":"dm.sent","payload":{"direct_message_events":[{"id":"5","message_create":{"sender_id":"1","target":{"recipient_id":"3"},"message_data":{"text":"x"}}}]}}}`)
	if m := ev.DirectMessages; len(m) != 1 || m[0].Sender != nil || m[0].Recipient != nil || !m[0].SentAt.IsZero() {
		t.Errorf("dm.sent without users or time %+v", m)
	}
	ev, _ = decode(`{"data":{"event_type":"chat.received","payload":{"id":"e4f4d3fc-8bbf","conversation_id":"2:1","sender_id":"2",` +
		`"created_at_msec":"1784841183370","conversation_key_version":"1768236281331","encoded_event":"CwAB","message_event_signature":` +
		`{"public_key_version":"1765382634817","signature":"6IK9","signature_version":"7"}}}}`)
	if ch := ev.Chat; ch == nil || ch.ConversationID != "2:1" || ch.EncodedEvent != "CwAB" || ch.MessageEventSignature.SignatureVersion != "7" {
		t.Errorf("chat %+v", ev.Chat)
	}
	// Unknown types, and types without a typed payload: the raw payload, no error.
	for _, line := range []string{
		`{"data":{"event_type":"profile.update.pronouns.future","payload":{"before":1,"whatever":[true]}}}`,
		`{"data":{"event_type":"dm.read","payload":{"conversation_id":"1-2","last_read_event_id":"9"}}}`,
		`{"data":{"event_type":"ProfileBioUpdate","payload":{"before":"a","after":"b"}}}`,
	} {
		ev, _ := decode(line)
		if ev == nil || ev.Tweet != nil || ev.Users != nil || ev.Like != nil || ev.News != nil || ev.DirectMessages != nil || ev.Chat != nil ||
			!strings.Contains(line, string(ev.Payload)) || len(ev.Payload) < 10 {
			t.Errorf("%s: %+v", line, ev)
		}
	}
	if _, problems := decode(`{"errors":[{"title":"operational-disconnect","type":"https://api.twitter.com/2/problems/operational-disconnect"}]}`); len(problems) != 1 {
		t.Errorf("problems %v", problems)
	}
	for _, bad := range []string{
		`{"data":{"event_type":"post.create","payload":"not a Tweet"}}`,
		`{"data":{"event_type":"like.create","payload":{"timestamp_ms":"soon"}}}`,
		`{"data":{"event_type":"dm.received","payload":{"direct_message_events":[{"created_timestamp":"yesterday"}]}}}`,
		`{"data":{"event_type":"dm.sent","payload":{"direct_message_events":[{"message_create":{"sender_id":"1"}}],"users":{"1":"not a user"}}}}`,
		`{"data":{}}`,
		`{"data":{"event_type":"post.create"`,
		`<html>`,
	} {
		if _, _, err := decodeActivityLine(c, []byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
	if _, err := ParseActivityEvent([]byte(`{"errors":[{"title":"t","type":"about:blank"}]}`)); err == nil {
		t.Error("ParseActivityEvent of problems")
	}
	if ev, err := ParseActivityEvent([]byte(`{"data":{"event_type":"follow.follow","payload":{}}}`)); err != nil || ev.Users == nil {
		t.Errorf("ParseActivityEvent: %+v %v", ev, err)
	}
}
