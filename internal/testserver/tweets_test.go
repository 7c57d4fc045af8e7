package testserver

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLookupTweetFieldsAndExpansions(t *testing.T) {
	// At SeedTime, when Bob's poll is still open (it closes 47 hours later).
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	c := newTC(t, s)
	r := c.get("/2/tweets/"+JackFirstTweetID, c.app())
	wantStatus(t, r, 200)
	d := r.obj("data")
	if len(d) != 3 || d["text"] != "just setting up my twttr" || r.str("data", "edit_history_tweet_ids", 0) != JackFirstTweetID {
		t.Errorf("defaults: want id, text, edit_history_tweet_ids; got %s", r.raw)
	}

	q := "?tweet.fields=author_id,created_at,attachments,public_metrics,entities,lang,possibly_sensitive,source,conversation_id" +
		"&expansions=author_id,attachments.media_keys&media.fields=url,width,duration_ms,variants,preview_image_url&user.fields=verified"
	r = c.get("/2/tweets/"+MediaTweetID+q, c.app())
	wantStatus(t, r, 200)
	if r.str("data", "author_id") != AliceID || len(r.list("data", "attachments", "media_keys")) != 2 ||
		r.str("data", "entities", "urls", 0, "url") != "https://t.co/media1" {
		t.Errorf("media tweet: %s", r.raw)
	}
	if r.str("includes", "users", 0, "id") != AliceID || r.at("includes", "users", 0, "verified") != false ||
		r.has("includes", "users", 0, "created_at") {
		t.Errorf("includes.users: %s", r.raw)
	}
	media := r.list("includes", "media")
	if len(media) != 2 || r.str("includes", "media", 0, "media_key") != PhotoMediaKey ||
		r.str("includes", "media", 1, "type") != "video" || r.num("includes", "media", 1, "duration_ms") != 30500 {
		t.Errorf("includes.media: %s", r.raw)
	}
	if r.has("includes", "tweets") || r.has("includes", "polls") {
		t.Errorf("includes holds more than was asked: %s", r.raw)
	}

	r = c.get("/2/tweets/"+PollTweetID+"?expansions=attachments.poll_ids&poll.fields=voting_status,end_datetime", c.app())
	if r.str("includes", "polls", 0, "id") != PollID || len(r.list("includes", "polls", 0, "options")) != 3 ||
		r.str("includes", "polls", 0, "voting_status") != "open" || r.str("data", "attachments", "poll_ids", 0) != PollID {
		t.Errorf("poll: %s", r.raw)
	}
	r = c.get("/2/tweets/"+PlaceTweetID+"?expansions=geo.place_id&tweet.fields=geo&place.fields=country_code,geo", c.app())
	if r.str("data", "geo", "place_id") != PlaceID || r.str("includes", "places", 0, "full_name") != "Manhattan, NY" ||
		r.str("includes", "places", 0, "country_code") != "US" {
		t.Errorf("place: %s", r.raw)
	}
	r = c.get("/2/tweets/"+QuoteTweetID+"?tweet.fields=referenced_tweets&expansions=referenced_tweets.id,referenced_tweets.id.author_id", c.app())
	if r.str("data", "referenced_tweets", 0, "type") != "quoted" || r.str("includes", "tweets", 0, "id") != ConversationRootID ||
		r.str("includes", "users", 0, "id") != AliceID {
		t.Errorf("quote: %s", r.raw)
	}
	r = c.get("/2/tweets/"+ReplyID+"?tweet.fields=in_reply_to_user_id,conversation_id,context_annotations&expansions=in_reply_to_user_id,entities.mentions.username", c.app())
	if r.str("data", "in_reply_to_user_id") != AliceID || r.str("data", "conversation_id") != ConversationRootID ||
		r.str("includes", "users", 0, "username") != "alice" || len(r.list("includes", "users")) != 1 {
		t.Errorf("reply: %s", r.raw)
	}
	r = c.get("/2/tweets/"+ConversationRootID+"?tweet.fields=context_annotations,public_metrics", c.app())
	if r.str("data", "context_annotations", 0, "entity", "name") != "Go" || r.num("data", "public_metrics", "reply_count") != 3 ||
		r.num("data", "public_metrics", "quote_count") != 1 || r.num("data", "public_metrics", "retweet_count") != 1 {
		t.Errorf("root: %s", r.raw)
	}
	// Private metrics: only for the author, else a field error beside data.
	r = c.get("/2/tweets/"+MediaTweetID+"?tweet.fields=non_public_metrics", s.UserToken(AliceID))
	if !r.has("data", "non_public_metrics", "impression_count") || r.has("errors") {
		t.Errorf("author's non_public_metrics: %s", r.raw)
	}
	r = c.get("/2/tweets/"+MediaTweetID+"?tweet.fields=non_public_metrics", c.app())
	if r.has("data", "non_public_metrics") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/not-authorized-for-field" {
		t.Errorf("app non_public_metrics: %s", r.raw)
	}
}

func TestLookupTweetErrors(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/tweets/"+NonexistentID, c.app())
	wantStatus(t, r, 200)
	if r.has("data") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/resource-not-found" || r.str("errors", 0, "resource_type") != "tweet" {
		t.Errorf("missing: %s", r.raw)
	}
	r = c.get("/2/tweets?ids="+JackFirstTweetID+","+NonexistentID+","+ProtectedTweetID, c.app())
	wantStatus(t, r, 200)
	if len(r.list("data")) != 1 || len(r.list("errors")) != 2 ||
		r.str("errors", 1, "type") != "https://api.twitter.com/2/problems/not-authorized-for-resource" {
		t.Errorf("partial: %s", r.raw)
	}
	// Erin herself may see it.
	r = c.get("/2/tweets/"+ProtectedTweetID, s.UserToken(ErinID))
	if r.str("data", "id") != ProtectedTweetID {
		t.Errorf("follower sees protected: %s", r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/tweets/abc", c2.app()), 400)
	wantStatus(t, c2.get("/2/tweets?ids=", c2.app()), 400)
	ids := make([]string, 101)
	for i := range ids {
		ids[i] = fmt.Sprint(i + 1)
	}
	wantStatus(t, c2.get("/2/tweets?ids="+strings.Join(ids, ","), c2.app()), 400)
}

func TestUserTimelines(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	var all []string
	token := ""
	pages := 0
	for {
		p := "/2/users/" + XDevelopersID + "/tweets?max_results=100"
		if token != "" {
			p += "&pagination_token=" + token
		}
		r := c.get(p, c.app())
		wantStatus(t, r, 200)
		pages++
		for _, d := range r.list("data") {
			all = append(all, d.(map[string]any)["id"].(string))
		}
		if r.str("meta", "newest_id") != r.str("data", 0, "id") {
			t.Fatalf("newest_id: %s", r.raw)
		}
		if token = r.str("meta", "next_token"); token == "" {
			break
		}
	}
	if len(all) != XDevelopersTweetCount || pages != 5 || !slices.Equal(all, s.World().UserTweetIDs(XDevelopersID)) {
		t.Fatalf("timeline: %d tweets in %d pages", len(all), pages)
	}
	// since_id / until_id.
	r := c.get("/2/users/"+XDevelopersID+"/tweets?max_results=5&since_id="+all[10]+"&until_id="+all[2], c.app())
	if r.num("meta", "result_count") != 5 || r.str("data", 0, "id") != all[3] || r.str("data", 4, "id") != all[7] {
		t.Errorf("since/until: %s", r.raw)
	}
	// exclude=retweets,replies on Bob (who has a retweet and a reply).
	r = c.get("/2/users/"+BobID+"/tweets?tweet.fields=referenced_tweets", c.app())
	n := r.num("meta", "result_count")
	r = c.get("/2/users/"+BobID+"/tweets?exclude=retweets,replies&tweet.fields=referenced_tweets", c.app())
	if r.num("meta", "result_count") != n-2 {
		t.Errorf("exclude: %d then %s", n, r.raw)
	}
	// Mentions.
	r = c.get("/2/users/"+AliceID+"/mentions?max_results=100", c.app())
	if r.num("meta", "result_count") != 100 || r.str("meta", "next_token") == "" {
		t.Errorf("mentions: %.300s", r.raw)
	}
	ments := s.World().MentionIDs(AliceID)
	if len(ments) < 200 || r.str("data", 0, "id") != ments[0] {
		t.Errorf("mentions in world: %d", len(ments))
	}
	// Protected timeline.
	r = c.get("/2/users/"+ErinID+"/tweets", c.app())
	if r.has("data") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/not-authorized-for-resource" {
		t.Errorf("protected timeline: %s", r.raw)
	}
	r = c.get("/2/users/"+NonexistentID+"/tweets", c.app())
	if r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/resource-not-found" {
		t.Errorf("missing timeline: %s", r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/users/"+XDevelopersID+"/tweets?max_results=4", c2.app()), 400)
	wantStatus(t, c2.get("/2/users/"+XDevelopersID+"/tweets?exclude=likes", c2.app()), 400)
	wantStatus(t, c2.get("/2/users/"+XDevelopersID+"/tweets?start_time=2026-11-20T00:00:00Z&end_time=2026-11-19T00:00:00Z", c2.app()), 400)
}

func TestLikes(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	tok := s.UserToken(CarolID)
	r := c.do("POST", "/2/users/"+CarolID+"/likes", tok, map[string]string{"tweet_id": JackFirstTweetID})
	wantStatus(t, r, 200)
	if r.at("data", "liked") != true {
		t.Errorf("like: %s", r.raw)
	}
	r = c.get("/2/users/"+CarolID+"/liked_tweets", tok)
	if r.str("data", 0, "id") != JackFirstTweetID {
		t.Errorf("liked_tweets: %s", r.raw)
	}
	r = c.get("/2/tweets/"+JackFirstTweetID+"/liking_users", tok)
	if r.str("data", 0, "id") != CarolID {
		t.Errorf("liking_users: %s", r.raw)
	}
	r = c.do("DELETE", "/2/users/"+CarolID+"/likes/"+JackFirstTweetID, tok, nil)
	if r.at("data", "liked") != false || len(s.World().LikedTweetIDs(CarolID)) != 0 {
		t.Errorf("unlike: %s", r.raw)
	}
	r = c.do("POST", "/2/users/"+CarolID+"/likes", tok, map[string]string{"tweet_id": NonexistentID})
	if r.at("data", "liked") != false || r.str("errors", 0, "parameter") != "tweet_id" {
		t.Errorf("like missing: %s", r.raw)
	}
	// Alice's 30 likes page by 10 (min 5, max 100).
	r = c.get("/2/users/"+AliceID+"/liked_tweets?max_results=10", s.UserToken(AliceID))
	if r.num("meta", "result_count") != 10 || r.str("meta", "next_token") == "" {
		t.Errorf("alice likes: %.200s", r.raw)
	}
	// Liking users of Jack's pinned Tweet: 150 over two pages.
	ids, pages := pageAll(t, c, "/2/tweets/"+JackPinnedTweetID+"/liking_users", tok, 100)
	if len(ids) != JackPinnedLikeCount || pages != 2 {
		t.Errorf("liking users: %d in %d", len(ids), pages)
	}
	// liking_users takes no app-only bearer.
	r = c.get("/2/tweets/"+JackPinnedTweetID+"/liking_users", c.app())
	wantStatus(t, r, 403)
	if r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app on liking_users: %s", r.raw)
	}
}

func TestRetweets(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	tok := s.UserToken(DaveID)
	r := c.do("POST", "/2/users/"+DaveID+"/retweets", tok, map[string]string{"tweet_id": MediaTweetID})
	wantStatus(t, r, 200)
	rtID := r.str("data", "id")
	if r.at("data", "retweeted") != true || rtID == "" {
		t.Fatalf("retweet: %s", r.raw)
	}
	rt, ok := s.World().Tweet(rtID)
	if !ok || rt.ReferencedTweets[0].ID != MediaTweetID || rt.AuthorID != DaveID {
		t.Errorf("retweet in world: %+v", rt)
	}
	r = c.get("/2/tweets/"+MediaTweetID+"/retweeted_by", c.app())
	if r.str("data", 0, "id") != DaveID {
		t.Errorf("retweeted_by: %s", r.raw)
	}
	r = c.get("/2/users/"+DaveID+"/tweets?max_results=5", c.app())
	if r.str("data", 0, "id") != rtID {
		t.Errorf("retweet on timeline: %s", r.raw)
	}
	r = c.do("DELETE", "/2/users/"+DaveID+"/retweets/"+MediaTweetID, tok, nil)
	if r.at("data", "retweeted") != false || len(s.World().RetweeterIDs(MediaTweetID)) != 0 {
		t.Errorf("unretweet: %s", r.raw)
	}
	if _, ok := s.World().Tweet(rtID); ok {
		t.Errorf("retweet still there")
	}
	ids, _ := pageAll(t, c, "/2/tweets/"+JackPinnedTweetID+"/retweeted_by", c.app(), 100)
	if len(ids) != JackPinnedRetweetCount {
		t.Errorf("retweeters: %d", len(ids))
	}
	r = c.get("/2/tweets/"+NonexistentID+"/retweeted_by", c.app())
	if r.str("errors", 0, "resource_type") != "tweet" {
		t.Errorf("missing: %s", r.raw)
	}
}

func TestHideReply(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	r := c.do("PUT", "/2/tweets/"+ReplyID+"/hidden", alice, map[string]bool{"hidden": true})
	wantStatus(t, r, 200)
	if r.at("data", "hidden") != true || !s.World().IsHidden(ReplyID) {
		t.Errorf("hide: %s", r.raw)
	}
	r = c.do("PUT", "/2/tweets/"+HiddenReplyID+"/hidden", alice, map[string]bool{"hidden": false})
	if r.at("data", "hidden") != false || s.World().IsHidden(HiddenReplyID) {
		t.Errorf("unhide: %s", r.raw)
	}
	// Only the conversation's author may hide.
	r = c.do("PUT", "/2/tweets/"+ReplyID+"/hidden", s.UserToken(BobID), map[string]bool{"hidden": true})
	wantStatus(t, r, 403)
	// Needs tweet.moderate.write.
	r = c.do("PUT", "/2/tweets/"+ReplyID+"/hidden", s.UserToken(AliceID, "tweet.read", "users.read"), map[string]bool{"hidden": true})
	wantStatus(t, r, 403)
	r = c.do("PUT", "/2/tweets/"+NonexistentID+"/hidden", alice, map[string]bool{"hidden": true})
	wantStatus(t, r, 404)
}

// As on X, an expansion alone makes its source field appear on the primary object.
func TestExpansionImpliesItsField(t *testing.T) {
	c := newTC(t, Start(t))
	r := c.get("/2/tweets/"+MediaTweetID+"?expansions=author_id", c.app())
	if r.str("data", "author_id") == "" || r.has("data", "created_at") {
		t.Errorf("author_id not implied, or more than asked: %s", r.raw)
	}
	r = c.get("/2/users/"+JackID+"?expansions=pinned_tweet_id", c.app())
	if r.str("data", "pinned_tweet_id") != JackPinnedTweetID {
		t.Errorf("pinned_tweet_id not implied: %s", r.raw)
	}
}
