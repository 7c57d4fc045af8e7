package testserver

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCreateTweet(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	dave := s.UserToken(DaveID)
	r := c.do("POST", "/2/tweets", dave, map[string]any{"text": "Hello from @dave #golang"})
	wantStatus(t, r, 201)
	id := r.str("data", "id")
	if r.str("data", "text") != "Hello from @dave #golang" || id == "" {
		t.Fatalf("create: %s", r.raw)
	}
	tw, ok := s.World().Tweet(id)
	if !ok || tw.AuthorID != DaveID || !tw.CreatedAt.Equal(SeedTime) || tw.ConversationID != id || tw.ReplySettings != "everyone" {
		t.Errorf("in world: %+v", tw)
	}
	// It is a Tweet like any other: lookup, timeline, search.
	r = c.get("/2/tweets/"+id+"?tweet.fields=author_id,created_at,entities,reply_settings&expansions=author_id", c.app())
	if r.str("data", "author_id") != DaveID || r.str("data", "created_at") != "2026-11-20T00:00:00.000Z" ||
		r.str("data", "entities", "hashtags", 0, "tag") != "golang" || r.str("includes", "users", 0, "username") != "dave" {
		t.Errorf("lookup: %s", r.raw)
	}
	if ids := s.World().UserTweetIDs(DaveID); ids[0] != id {
		t.Errorf("timeline: %v", ids[:2])
	}
	if ids, _ := s.World().SearchIDs("from:dave golang"); !slices.Contains(ids, id) {
		t.Errorf("search: %v", ids)
	}

	// A reply, with reply settings.
	r = c.do("POST", "/2/tweets", s.UserToken(BobID), map[string]any{"text": "@alice agreed",
		"reply": map[string]any{"in_reply_to_tweet_id": ConversationRootID}, "reply_settings": "mentionedUsers"})
	wantStatus(t, r, 201)
	reply := r.str("data", "id")
	r = c.get("/2/tweets/"+reply+"?tweet.fields=conversation_id,in_reply_to_user_id,referenced_tweets,reply_settings", c.app())
	if r.str("data", "conversation_id") != ConversationRootID || r.str("data", "in_reply_to_user_id") != AliceID ||
		r.str("data", "referenced_tweets", 0, "type") != "replied_to" || r.str("data", "reply_settings") != "mentionedUsers" {
		t.Errorf("reply: %s", r.raw)
	}
	r = c.get("/2/tweets/"+ConversationRootID+"?tweet.fields=public_metrics", c.app())
	if r.num("data", "public_metrics", "reply_count") != 4 {
		t.Errorf("reply_count: %s", r.raw)
	}
	// Alice is mentioned and may answer; Carol is not.
	wantStatus(t, c.do("POST", "/2/tweets", s.UserToken(AliceID), map[string]any{"text": "thanks",
		"reply": map[string]any{"in_reply_to_tweet_id": reply}}), 201)
	r = c.do("POST", "/2/tweets", s.UserToken(CarolID), map[string]any{"text": "me too",
		"reply": map[string]any{"in_reply_to_tweet_id": reply}})
	wantStatus(t, r, 403)
	if !strings.Contains(r.str("detail"), "not allowed") {
		t.Errorf("restricted reply: %s", r.raw)
	}

	// A quote and a poll.
	r = c.do("POST", "/2/tweets", dave, map[string]any{"text": "look at this", "quote_tweet_id": PollTweetID})
	wantStatus(t, r, 201)
	quote := r.str("data", "id")
	r = c.get("/2/tweets/"+quote+"?tweet.fields=referenced_tweets&expansions=referenced_tweets.id", c.app())
	if r.str("data", "referenced_tweets", 0, "type") != "quoted" || r.str("includes", "tweets", 0, "id") != PollTweetID {
		t.Errorf("quote: %s", r.raw)
	}
	r = c.do("POST", "/2/tweets", dave, map[string]any{"text": "Tabs or spaces?",
		"poll": map[string]any{"options": []string{"tabs", "spaces"}, "duration_minutes": 60}})
	wantStatus(t, r, 201)
	r = c.get("/2/tweets/"+r.str("data", "id")+"?tweet.fields=attachments&expansions=attachments.poll_ids&poll.fields=duration_minutes,end_datetime,voting_status", c.app())
	if r.str("includes", "polls", 0, "options", 1, "label") != "spaces" || r.num("includes", "polls", 0, "duration_minutes") != 60 ||
		r.str("includes", "polls", 0, "end_datetime") != "2026-11-20T01:00:00.000Z" || len(r.list("data", "attachments", "poll_ids")) != 1 {
		t.Errorf("poll: %s", r.raw)
	}
	if p, ok := s.World().Poll(r.str("includes", "polls", 0, "id")); !ok || len(p.Options) != 2 || p.VotingStatus != "open" {
		t.Errorf("poll in world: %+v", p)
	}
}

func TestCreateTweetRefusals(t *testing.T) {
	s := Start(t, WithInvalidRequestsAllowed())
	c := newTC(t, s)
	bob := s.UserToken(BobID)
	cases := []struct {
		name   string
		body   map[string]any
		status int
	}{
		{"empty", map[string]any{}, 400},
		{"unknown field", map[string]any{"text": "x", "colour": "red"}, 400},
		{"poll and quote", map[string]any{"text": "x", "quote_tweet_id": PollTweetID,
			"poll": map[string]any{"options": []string{"a", "b"}, "duration_minutes": 60}}, 400},
		{"poll of one option", map[string]any{"text": "x", "poll": map[string]any{"options": []string{"a"}, "duration_minutes": 60}}, 400},
		{"reply to nothing", map[string]any{"text": "x", "reply": map[string]any{"in_reply_to_tweet_id": NonexistentID}}, 400},
		{"reply to protected", map[string]any{"text": "x", "reply": map[string]any{"in_reply_to_tweet_id": ProtectedTweetID}}, 400},
		{"quote of nothing", map[string]any{"text": "x", "quote_tweet_id": NonexistentID}, 400},
		{"media never uploaded", map[string]any{"text": "x", "media": map[string]any{"media_ids": []string{"123"}}}, 400},
		{"unknown place", map[string]any{"text": "x", "geo": map[string]any{"place_id": "nowhere"}}, 400},
		{"too long", map[string]any{"text": strings.Repeat("a", 281)}, 403},
		{"duplicate", map[string]any{"text": "Which language for the next API client?"}, 403},
	}
	for _, tc := range cases {
		r := c.do("POST", "/2/tweets", bob, tc.body)
		if r.status != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.name, r.status, tc.status, r.raw)
		}
		if tc.status == 400 && r.str("type") != "https://api.twitter.com/2/problems/invalid-request" {
			t.Errorf("%s: %s", tc.name, r.raw)
		}
	}
	if n := len(s.World().UserTweetIDs(BobID)); n != 3 {
		t.Errorf("refused Tweets were stored: Bob has %d", n)
	}
	// Verified accounts may post long Tweets.
	wantStatus(t, c.do("POST", "/2/tweets", s.UserToken(JackID), map[string]any{"text": strings.Repeat("a", 281)}), 201)
	// App-only and missing scopes.
	r := c.do("POST", "/2/tweets", c.app(), map[string]any{"text": "x"})
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/tweets", s.UserToken(BobID, "tweet.read", "users.read"), map[string]any{"text": "x"}), 403)
}

func TestDeleteTweet(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	// Another user may not delete Alice's Tweet.
	r := c.do("DELETE", "/2/tweets/"+MediaTweetID, s.UserToken(BobID), nil)
	wantStatus(t, r, 403)
	// Dave retweets it first; deleting the Tweet takes the Retweet along.
	r = c.do("POST", "/2/users/"+DaveID+"/retweets", s.UserToken(DaveID), map[string]string{"tweet_id": MediaTweetID})
	rt := r.str("data", "id")
	r = c.do("DELETE", "/2/tweets/"+MediaTweetID, alice, nil)
	wantStatus(t, r, 200)
	if r.at("data", "deleted") != true || !s.World().IsDeleted(MediaTweetID) || !s.World().IsDeleted(rt) {
		t.Fatalf("delete: %s", r.raw)
	}
	r = c.get("/2/tweets/"+MediaTweetID, c.app())
	if r.has("data") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/resource-not-found" {
		t.Errorf("lookup after delete: %s", r.raw)
	}
	if _, ok := s.World().Tweet(rt); ok {
		t.Errorf("Retweet of a deleted Tweet is still there")
	}
	if slices.Contains(s.World().UserTweetIDs(AliceID), MediaTweetID) || slices.Contains(s.World().LikedTweetIDs(BobID), MediaTweetID) ||
		slices.Contains(s.World().BookmarkIDs(AliceID), MediaTweetID) || slices.Contains(s.World().HomeTimelineIDs(BobID), MediaTweetID) {
		t.Errorf("deleted Tweet still listed")
	}
	r = c.get("/2/tweets/search/recent?query=from:alice&max_results=100", c.app())
	for _, d := range r.list("data") {
		if d.(map[string]any)["id"] == MediaTweetID {
			t.Errorf("deleted Tweet found by search")
		}
	}
	// Another server's world is untouched.
	other := Start(t)
	if _, ok := other.World().Tweet(MediaTweetID); !ok || len(other.World().BookmarkIDs(AliceID)) != AliceBookmarkCount {
		t.Errorf("a delete on one server showed on another")
	}
	// Gone: 404.
	r = c.do("DELETE", "/2/tweets/"+MediaTweetID, alice, nil)
	wantStatus(t, r, 404)
	if r.str("type") != "https://api.twitter.com/2/problems/resource-not-found" {
		t.Errorf("delete twice: %s", r.raw)
	}
	// Deleting a reply lowers its parent's reply count.
	r = c.do("DELETE", "/2/tweets/"+ReplyID, s.UserToken(BobID), nil)
	wantStatus(t, r, 200)
	r = c.get("/2/tweets/"+ConversationRootID+"?tweet.fields=public_metrics", c.app())
	if r.num("data", "public_metrics", "reply_count") != 2 {
		t.Errorf("reply_count after delete: %s", r.raw)
	}
}

func TestQuoteTweetsAndRetweets(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/tweets/"+ConversationRootID+"/quote_tweets?tweet.fields=author_id&expansions=author_id", c.app())
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != QuoteTweetID || r.str("includes", "users", 0, "id") != CarolID {
		t.Errorf("quotes: %s", r.raw)
	}
	r = c.get("/2/tweets/"+ConversationRootID+"/retweets?tweet.fields=referenced_tweets", c.app())
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != RetweetID || r.str("data", 0, "referenced_tweets", 0, "type") != "retweeted" {
		t.Errorf("retweets: %s", r.raw)
	}
	// Twelve quotes page by ten, newest first, agreeing with the world.
	var made []string
	for i := 0; i < 12; i++ {
		tw := s.EmitTweet(Tweet{AuthorID: FirstGopherID, Text: "quoting " + strings.Repeat("!", i),
			ReferencedTweets: []ReferencedTweet{{Type: "quoted", ID: JackFirstTweetID}}})
		made = append([]string{tw[0].ID}, made...)
	}
	ids, pages := pageAll(t, c, "/2/tweets/"+JackFirstTweetID+"/quote_tweets", c.app(), 10)
	if !slices.Equal(ids, made) || pages != 2 {
		t.Errorf("quote pages: %d in %d", len(ids), pages)
	}
	// A new Retweet shows up.
	r = c.do("POST", "/2/users/"+CarolID+"/retweets", s.UserToken(CarolID), map[string]string{"tweet_id": ConversationRootID})
	rt := r.str("data", "id")
	r = c.get("/2/tweets/"+ConversationRootID+"/retweets", c.app())
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "id") != rt {
		t.Errorf("retweets after retweet: %s", r.raw)
	}
	r = c.get("/2/tweets/"+NonexistentID+"/quote_tweets", c.app())
	if r.str("errors", 0, "resource_type") != "tweet" || r.has("data") {
		t.Errorf("missing: %s", r.raw)
	}
	r = c.get("/2/tweets/"+ProtectedTweetID+"/retweets", c.app())
	if r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/not-authorized-for-resource" {
		t.Errorf("protected: %s", r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	wantStatus(t, newTC(t, s2).get("/2/tweets/"+ConversationRootID+"/quote_tweets?max_results=5", s2.AppBearerToken()), 400)
}

func TestHomeTimeline(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	want := s.World().HomeTimelineIDs(AliceID)
	if len(want) <= XDevelopersTweetCount {
		t.Fatalf("home of Alice holds %d", len(want))
	}
	r := c.get("/2/users/"+AliceID+"/timelines/reverse_chronological?max_results=5&tweet.fields=author_id,created_at&expansions=author_id", alice)
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 5 || r.str("meta", "newest_id") != want[0] || r.str("data", 0, "id") != want[0] ||
		r.str("meta", "next_token") == "" || len(r.list("includes", "users")) == 0 {
		t.Errorf("first page: %s", r.raw)
	}
	// Whom Alice follows, and her own; never Dave, whom she mutes.
	follows := map[string]bool{AliceID: true, CarolID: true, BobID: true, XDevelopersID: true, JackID: true}
	ids, _ := pageAll(t, c, "/2/users/"+AliceID+"/timelines/reverse_chronological", alice, 100)
	if !slices.Equal(ids, want) {
		t.Fatalf("paged %d, world %d", len(ids), len(want))
	}
	for _, id := range ids[:50] {
		tw, _ := s.World().Tweet(id)
		if !follows[tw.AuthorID] {
			t.Fatalf("%s by %s on Alice's home", id, tw.AuthorID)
		}
	}
	// A new Tweet of someone she follows comes first; exclude and since_id filter.
	tw := s.EmitTweet(Tweet{AuthorID: BobID, Text: "fresh"})[0]
	r = c.get("/2/users/"+AliceID+"/timelines/reverse_chronological?max_results=1", alice)
	if r.str("data", 0, "id") != tw.ID {
		t.Errorf("newest: %s", r.raw)
	}
	r = c.get("/2/users/"+AliceID+"/timelines/reverse_chronological?since_id="+PollTweetID, alice)
	for _, d := range r.list("data") {
		if d.(map[string]any)["id"].(string) <= PollTweetID {
			t.Errorf("since_id let %v through", d)
		}
	}
	r = c.get("/2/users/"+AliceID+"/timelines/reverse_chronological?exclude=retweets,replies&max_results=100&tweet.fields=referenced_tweets", alice)
	for _, d := range r.list("data") {
		for _, ref := range asList(d.(map[string]any)["referenced_tweets"]) {
			if typ := ref.(map[string]any)["type"]; typ != "quoted" {
				t.Errorf("exclude let a %v through", typ)
			}
		}
	}
	// Only the user's own home; no app-only.
	wantStatus(t, c.get("/2/users/"+BobID+"/timelines/reverse_chronological", alice), 403)
	r = c.get("/2/users/"+AliceID+"/timelines/reverse_chronological", c.app())
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only: %s", r.raw)
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func TestCreatedTweetsReachStreams(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock), WithKeepAlive(time.Hour), WithoutSeedRules())
	c := newTC(t, s)
	wantStatus(t, c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"add": []map[string]string{{"value": "from:dave", "tag": "dave"}}}), 200)
	st := openStream(t, c, "/2/tweets/search/stream?tweet.fields=author_id")
	wantStatus(t, c.do("POST", "/2/tweets", s.UserToken(CarolID), map[string]any{"text": "not for the stream"}), 201)
	r := c.do("POST", "/2/tweets", s.UserToken(DaveID), map[string]any{"text": "for the stream"})
	wantStatus(t, r, 201)
	v := st.next()
	if asMap(v["data"])["id"] != r.str("data", "id") || asMap(v["data"])["author_id"] != DaveID || asMap(asList(v["matching_rules"])[0])["tag"] != "dave" {
		t.Errorf("streamed: %v", v)
	}
	// A streamed Tweet counts as served.
	if n := s.World().TweetUsage(SeedTime); n != 1 {
		t.Errorf("usage after one streamed Tweet: %d", n)
	}
}

func TestPollsCloseOnTheServerClock(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	r := c.do("POST", "/2/tweets", s.UserToken(DaveID), map[string]any{"text": "Tabs or spaces?",
		"poll": map[string]any{"options": []string{"tabs", "spaces"}, "duration_minutes": 60}})
	wantStatus(t, r, 201)
	tweet := r.str("data", "id")
	status := func(tweetID string) (api, world string) {
		t.Helper()
		r := c.get("/2/tweets/"+tweetID+"?expansions=attachments.poll_ids&poll.fields=voting_status,end_datetime", c.app())
		wantStatus(t, r, 200)
		p, ok := s.World().Poll(r.str("includes", "polls", 0, "id"))
		if !ok {
			t.Fatalf("poll of %s not in the world: %s", tweetID, r.raw)
		}
		return r.str("includes", "polls", 0, "voting_status"), p.VotingStatus
	}
	steps := []struct {
		advance time.Duration
		want    string
	}{
		{0, "open"},
		{59*time.Minute + 59*time.Second, "open"},
		{time.Second, "closed"}, // end_datetime reached
		{24 * time.Hour, "closed"},
	}
	for _, st := range steps {
		clock.Advance(st.advance)
		if api, world := status(tweet); api != st.want || world != st.want {
			t.Errorf("at %s: API says %q, World %q; want %q", clock.Now().Format(time.RFC3339), api, world, st.want)
		}
	}

	// The seeded poll is open at SeedTime and closes 47 hours later.
	clock.Set(SeedTime.Add(47*time.Hour - time.Minute))
	if api, _ := status(PollTweetID); api != "open" {
		t.Errorf("seeded poll before its end: %q", api)
	}
	clock.Advance(time.Minute)
	if api, world := status(PollTweetID); api != "closed" || world != "closed" {
		t.Errorf("seeded poll at its end: API %q, World %q", api, world)
	}
}

// TestCreateTweetWeightedLength checks that the 280 limit is X's weighted length, not a
// count of characters: CJK and emoji weigh 2, a URL 23 however long.
func TestCreateTweetWeightedLength(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	bob := s.UserToken(BobID)
	longURL := "https://example.com/" + strings.Repeat("x", 200)
	cases := []struct {
		name, text string
		status     int
	}{
		{"280 ascii", strings.Repeat("a", 280), 201},
		{"281 ascii", strings.Repeat("b", 281), 403},
		{"140 cjk (280 weighted)", strings.Repeat("日", 140), 201},
		{"141 cjk: 141 characters, 282 weighted", strings.Repeat("本", 141), 403},
		{"141 emoji sequences", strings.Repeat("👍🏽", 141), 403},
		{"477 characters with a long URL, 280 weighted", strings.Repeat("c", 256) + " " + longURL, 201},
		{"one more character", strings.Repeat("d", 257) + " " + longURL, 403},
	}
	for _, tc := range cases {
		r := c.do("POST", "/2/tweets", bob, map[string]any{"text": tc.text})
		if r.status != tc.status {
			t.Errorf("%s: status %d, want %d: %.200s", tc.name, r.status, tc.status, r.raw)
		}
		if tc.status == 403 && r.str("detail") != "Your Tweet text is too long." {
			t.Errorf("%s: %s", tc.name, r.raw)
		}
	}
	// A verified account's 25,000 are weighted too.
	jack := s.UserToken(JackID)
	for n, want := range map[int]int{12500: 201, 12501: 403} {
		if r := c.do("POST", "/2/tweets", jack, map[string]any{"text": strings.Repeat("日", n)}); r.status != want {
			t.Errorf("verified, %d cjk: status %d, want %d: %.200s", n, r.status, want, r.raw)
		}
	}
}

// Only Alice's subscribers (and those she mentions) may answer her subscribers-only Tweets.
func TestReplyToSubscribersOnlyTweet(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.do("POST", "/2/tweets", s.UserToken(AliceID), map[string]any{"text": "For my subscribers", "reply_settings": "subscribers"})
	wantStatus(t, r, 201)
	reply := func(who string) map[string]any {
		return map[string]any{"text": "answer from " + who, "reply": map[string]any{"in_reply_to_tweet_id": r.str("data", "id")}}
	}
	for _, sub := range AliceSubscriberIDs {
		wantStatus(t, c.do("POST", "/2/tweets", s.UserToken(sub), reply(sub)), 201)
	}
	wantStatus(t, c.do("POST", "/2/tweets", s.UserToken(BobID), reply(BobID)), 403)
}

// Editing posts a new version; every version lists them all. Only a verified author
// edits, their own latest version, five times within the hour of the first.
func TestEditTweet(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	jack := s.UserToken(JackID)
	edit := func(token, prev, text string) resp {
		return c.do("POST", "/2/tweets", token, map[string]any{"text": text, "edit_options": map[string]any{"previous_post_id": prev}})
	}
	r := c.do("POST", "/2/tweets", jack, map[string]any{"text": "helo world"})
	wantStatus(t, r, 201)
	first := r.str("data", "id")
	r = edit(jack, first, "hello world")
	wantStatus(t, r, 201)
	second := r.str("data", "id")
	for _, id := range []string{first, second} {
		r = c.get("/2/tweets/"+id+"?tweet.fields=edit_controls", c.app())
		if h := r.list("data", "edit_history_tweet_ids"); len(h) != 2 || h[0] != first || h[1] != second ||
			r.num("data", "edit_controls", "edits_remaining") != 4 || r.at("data", "edit_controls", "is_edit_eligible") != true {
			t.Errorf("version %s: %s", id, r.raw)
		}
	}
	if r := c.get("/2/tweets/"+second, c.app()); r.str("data", "text") != "hello world" {
		t.Errorf("new version: %s", r.raw)
	}

	wantStatus(t, edit(jack, first, "not the latest"), 400)
	wantStatus(t, edit(s.UserToken(AliceID), second, "not mine"), 403)
	wantStatus(t, edit(jack, NonexistentID, "nothing"), 400)
	r = c.do("POST", "/2/tweets", s.UserToken(AliceID), map[string]any{"text": "Alice has no Premium"})
	wantStatus(t, edit(s.UserToken(AliceID), r.str("data", "id"), "so she cannot edit"), 403)

	latest := second
	for i := range 4 {
		r = edit(jack, latest, "hello world, take "+strconv.Itoa(i+3))
		wantStatus(t, r, 201)
		latest = r.str("data", "id")
	}
	wantStatus(t, edit(jack, latest, "a sixth edit"), 403)

	// An hour after the first version, no more edits.
	r = c.do("POST", "/2/tweets", jack, map[string]any{"text": "late"})
	clock.Advance(editWindow + time.Second)
	wantStatus(t, edit(jack, r.str("data", "id"), "too late"), 403)
}
