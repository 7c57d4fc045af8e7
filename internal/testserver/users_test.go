package testserver

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestLookupUser(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/users/"+JackID, c.app())
	wantStatus(t, r, 200)
	data := r.obj("data")
	if len(data) != 3 || data["id"] != JackID || data["name"] != "jack" || data["username"] != "jack" {
		t.Errorf("default fields: got %v, want exactly id, name, username", data)
	}
	if r.has("includes") || r.has("errors") {
		t.Errorf("unexpected members: %s", r.raw)
	}

	r = c.get("/2/users/"+JackID+"?user.fields=created_at,public_metrics,verified,pinned_tweet_id,description,protected,entities,url&expansions=pinned_tweet_id&tweet.fields=created_at", c.app())
	wantStatus(t, r, 200)
	if r.num("data", "public_metrics", "followers_count") != JackFollowerCount {
		t.Errorf("followers_count = %d", r.num("data", "public_metrics", "followers_count"))
	}
	if r.str("data", "created_at") != "2006-03-21T20:50:14.000Z" || r.at("data", "verified") != true || r.at("data", "protected") != false {
		t.Errorf("fields: %s", r.raw)
	}
	if r.str("data", "pinned_tweet_id") != JackPinnedTweetID || r.str("includes", "tweets", 0, "id") != JackPinnedTweetID ||
		!r.has("includes", "tweets", 0, "created_at") || r.has("includes", "tweets", 0, "author_id") {
		t.Errorf("pinned tweet expansion: %s", r.raw)
	}

	// Missing: 200 with only errors, as X.
	r = c.get("/2/users/"+NonexistentID, c.app())
	wantStatus(t, r, 200)
	if r.has("data") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/resource-not-found" ||
		r.str("errors", 0, "resource_id") != NonexistentID || r.str("errors", 0, "parameter") != "id" ||
		r.str("errors", 0, "resource_type") != "user" || r.str("errors", 0, "value") != NonexistentID {
		t.Errorf("missing user: %s", r.raw)
	}
}

func TestLookupUsersAndUsernames(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/users?ids="+AliceID+","+NonexistentID+","+BobID, c.app())
	wantStatus(t, r, 200)
	if len(r.list("data")) != 2 || len(r.list("errors")) != 1 || r.str("errors", 0, "value") != NonexistentID {
		t.Errorf("partial lookup: %s", r.raw)
	}
	r = c.get("/2/users/by?usernames=Alice,nobody_here", c.app())
	wantStatus(t, r, 200)
	if r.str("data", 0, "id") != AliceID || r.str("errors", 0, "parameter") != "usernames" {
		t.Errorf("by usernames: %s", r.raw)
	}
	r = c.get("/2/users/by/username/XDevelopers?user.fields=public_metrics", c.app())
	wantStatus(t, r, 200)
	if r.str("data", "id") != XDevelopersID || r.num("data", "public_metrics", "tweet_count") != XDevelopersTweetCount {
		t.Errorf("by username: %s", r.raw)
	}
	r = c.get("/2/users/by/username/nobody_here", c.app())
	wantStatus(t, r, 200)
	if r.str("errors", 0, "detail") != "Could not find user with username: [nobody_here]." {
		t.Errorf("missing username: %s", r.raw)
	}
	// Bad parameters are X's 400 invalid-request.
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	r = c2.get("/2/users/by/username/not-a-valid-handle!", c2.app())
	wantStatus(t, r, 400)
	if r.str("type") != "https://api.twitter.com/2/problems/invalid-request" || r.header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("bad username: %s %v", r.raw, r.header)
	}
	r = c2.get("/2/users?ids=1,2&user.fields=nonsense", c2.app())
	wantStatus(t, r, 400)
	r = c2.get("/2/users?ids=1&unknown_param=1", c2.app())
	wantStatus(t, r, 400)
	if r.str("errors", 0, "message") == "" || r.at("errors", 0, "parameters", "unknown_param") == nil {
		t.Errorf("unknown parameter: %s", r.raw)
	}
	if len(s2.Violations()) != 3 {
		t.Errorf("violations: %v", s2.Violations())
	}
}

// pageAll follows next_token through a user list and returns every id.
func pageAll(t *testing.T, c *tc, path, auth string, max int) (ids []string, pages int) {
	t.Helper()
	token := ""
	for {
		p := fmt.Sprintf("%s?max_results=%d", path, max)
		if token != "" {
			p += "&pagination_token=" + token
		}
		r := c.get(p, auth)
		wantStatus(t, r, 200)
		pages++
		for _, u := range r.list("data") {
			ids = append(ids, u.(map[string]any)["id"].(string))
		}
		if r.num("meta", "result_count") != len(r.list("data")) {
			t.Fatalf("result_count %d for %d items", r.num("meta", "result_count"), len(r.list("data")))
		}
		if pages > 1 && r.str("meta", "previous_token") == "" {
			t.Fatalf("page %d has no previous_token", pages)
		}
		token = r.str("meta", "next_token")
		if token == "" {
			return ids, pages
		}
	}
}

func TestFollowersPaging(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	ids, pages := pageAll(t, c, "/2/users/"+JackID+"/followers", c.app(), 1000)
	if len(ids) != JackFollowerCount || pages != 3 {
		t.Fatalf("got %d followers in %d pages", len(ids), pages)
	}
	if !slices.Equal(ids, s.World().FollowerIDs(JackID)) {
		t.Errorf("followers differ from the world")
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("duplicate follower %s", id)
		}
		seen[id] = true
	}
	// A generated follower is a real user.
	last := ids[len(ids)-1]
	r := c.get("/2/users/"+last+"?user.fields=public_metrics", c.app())
	if r.str("data", "id") != last || r.num("data", "public_metrics", "following_count") != 1 {
		t.Errorf("generated follower: %s", r.raw)
	}
	r = c.get("/2/users/by/username/"+r.str("data", "username"), c.app())
	if r.str("data", "id") != last {
		t.Errorf("generated follower by username: %s", r.raw)
	}
	// Following, and bounds of max_results.
	r = c.get("/2/users/"+AliceID+"/following", c.s.UserToken(AliceID))
	if len(r.list("data")) != 4 {
		t.Errorf("alice following: %s", r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/users/"+JackID+"/followers?max_results=1001", c2.app()), 400)
	wantStatus(t, c2.get("/2/users/"+JackID+"/followers?max_results=0", c2.app()), 400)
	r = c2.get("/2/users/"+JackID+"/followers?pagination_token=bogus", c2.app())
	wantStatus(t, r, 400)
	// A token of another list is refused too.
	r = c2.get("/2/users/"+JackID+"/followers?max_results=10", c2.app())
	r = c2.get("/2/users/"+AliceID+"/following?pagination_token="+r.str("meta", "next_token"), c2.app())
	wantStatus(t, r, 400)
}

func TestHundredThousandFollowers(t *testing.T) {
	if testing.Short() {
		t.Skip("pages 100,000 followers")
	}
	s := Start(t, WithFollowers(BobID, 100000), WithoutResponseValidation())
	c := newTC(t, s)
	if n := s.World().FollowerCount(BobID); n != 100000 {
		t.Fatalf("follower count %d", n)
	}
	ids, pages := pageAll(t, c, "/2/users/"+BobID+"/followers", c.app(), 1000)
	if len(ids) != 100000 || pages != 100 {
		t.Fatalf("got %d in %d pages", len(ids), pages)
	}
}

func TestFollowGraphMutations(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	tok := s.UserToken(CarolID)
	r := c.do("POST", "/2/users/"+CarolID+"/following", tok, map[string]string{"target_user_id": JackID})
	wantStatus(t, r, 200)
	if r.at("data", "following") != true || r.at("data", "pending_follow") != false {
		t.Errorf("follow: %s", r.raw)
	}
	if !slices.Contains(s.World().FollowingIDs(CarolID), JackID) || s.World().FollowerIDs(JackID)[0] != CarolID {
		t.Errorf("world after follow: %v", s.World().FollowingIDs(CarolID))
	}
	r = c.get("/2/users/"+CarolID+"/following", tok)
	if r.str("data", 0, "id") != JackID {
		t.Errorf("following list after follow: %s", r.raw)
	}
	r = c.get("/2/users/"+JackID+"?user.fields=public_metrics,connection_status", tok)
	if r.num("data", "public_metrics", "followers_count") != JackFollowerCount+1 ||
		!slices.Contains(r.list("data", "connection_status"), any("following")) {
		t.Errorf("after follow: %s", r.raw)
	}
	// Protected target: pending.
	r = c.do("POST", "/2/users/"+CarolID+"/following", tok, map[string]string{"target_user_id": ErinID})
	if r.at("data", "following") != false || r.at("data", "pending_follow") != true {
		t.Errorf("follow protected: %s", r.raw)
	}
	// Missing target: partial error.
	r = c.do("POST", "/2/users/"+CarolID+"/following", tok, map[string]string{"target_user_id": NonexistentID})
	wantStatus(t, r, 200)
	if r.str("errors", 0, "resource_type") != "user" {
		t.Errorf("follow missing: %s", r.raw)
	}
	// Acting for someone else: 403.
	r = c.do("POST", "/2/users/"+AliceID+"/following", tok, map[string]string{"target_user_id": JackID})
	wantStatus(t, r, 403)
	r = c.do("DELETE", "/2/users/"+CarolID+"/following/"+JackID, tok, nil)
	wantStatus(t, r, 200)
	if r.at("data", "following") != false || slices.Contains(s.World().FollowingIDs(CarolID), JackID) {
		t.Errorf("unfollow: %s", r.raw)
	}
	// A generated follower can unfollow too.
	gen := s.World().FollowerIDs(JackID)[100]
	r = c.do("DELETE", "/2/users/"+gen+"/following/"+JackID, s.UserToken(gen), nil)
	wantStatus(t, r, 200)
	if s.World().FollowerCount(JackID) != JackFollowerCount-1 || slices.Contains(s.World().FollowerIDs(JackID), gen) {
		t.Errorf("generated unfollow: %d", s.World().FollowerCount(JackID))
	}
	r = c.do("POST", "/2/users/"+gen+"/following", s.UserToken(gen), map[string]string{"target_user_id": JackID})
	if s.World().FollowerCount(JackID) != JackFollowerCount {
		t.Errorf("generated refollow: %s", r.raw)
	}
}

func TestBlockAndMute(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	tok := s.UserToken(BobID)
	r := c.get("/2/users/"+BobID+"/blocking", tok)
	wantStatus(t, r, 200)
	if r.str("data", 0, "id") != MalloryID || r.num("meta", "result_count") != 1 {
		t.Errorf("blocking: %s", r.raw)
	}
	wantStatus(t, c.get("/2/users/"+AliceID+"/blocking", tok), 403)
	r = c.do("POST", "/2/users/"+BobID+"/blocking", tok, map[string]string{"target_user_id": AliceID})
	wantStatus(t, r, 200)
	if r.at("data", "blocking") != true || slices.Contains(s.World().FollowingIDs(BobID), AliceID) ||
		slices.Contains(s.World().FollowingIDs(AliceID), BobID) {
		t.Errorf("block: %s; following %v", r.raw, s.World().FollowingIDs(BobID))
	}
	r = c.get("/2/users/"+BobID+"/blocking", tok)
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "id") != AliceID {
		t.Errorf("blocking after block: %s", r.raw)
	}
	r = c.do("DELETE", "/2/users/"+BobID+"/blocking/"+AliceID, tok, nil)
	if r.at("data", "blocking") != false || slices.Contains(s.World().BlockingIDs(BobID), AliceID) {
		t.Errorf("unblock: %s", r.raw)
	}
	r = c.do("POST", "/2/users/"+BobID+"/muting", tok, map[string]string{"target_user_id": DaveID})
	if r.at("data", "muting") != true || !slices.Contains(s.World().MutingIDs(BobID), DaveID) {
		t.Errorf("mute: %s", r.raw)
	}
	r = c.do("DELETE", "/2/users/"+BobID+"/muting/"+DaveID, tok, nil)
	if r.at("data", "muting") != false || slices.Contains(s.World().MutingIDs(BobID), DaveID) {
		t.Errorf("unmute: %s", r.raw)
	}
	r = c.do("POST", "/2/users/"+BobID+"/muting", tok, map[string]string{"target_user_id": BobID})
	if r.status != http.StatusBadRequest {
		t.Errorf("mute self: %s", r.raw)
	}
}

func TestLookupMe(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/users/me?user.fields=public_metrics,verified_type&expansions=pinned_tweet_id", s.UserToken(JackID))
	wantStatus(t, r, 200)
	if r.str("data", "id") != JackID || r.str("data", "verified_type") != "blue" ||
		r.num("data", "public_metrics", "followers_count") != JackFollowerCount || r.str("includes", "tweets", 0, "id") != JackPinnedTweetID {
		t.Errorf("me: %s", r.raw)
	}
	// OAuth 1.0a acts for its user too; app-only has no "me".
	hc := oauth1Client(context.Background(), c, s.OAuth1(BobID), nil)
	r = doWith(t, hc, mustReq(t, "GET", s.URL()+"/2/users/me", ""))
	if r.status != 200 || !strings.Contains(string(r.raw), `"id":"`+BobID+`"`) {
		t.Errorf("OAuth 1.0a me: %s", r.raw)
	}
	r = c.get("/2/users/me", c.app())
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only: %s", r.raw)
	}
	wantStatus(t, c.get("/2/users/me", s.UserToken(JackID, "tweet.read")), 403)
}

func TestListMuting(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	r := c.get("/2/users/"+AliceID+"/muting?user.fields=connection_status", alice)
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != DaveID || r.str("data", 0, "connection_status", 0) != "followed_by" {
		t.Errorf("muting: %s", r.raw)
	}
	// Consistent with mute and unmute.
	for _, id := range []string{BobID, CarolID, JackID} {
		wantStatus(t, c.do("POST", "/2/users/"+AliceID+"/muting", alice, map[string]string{"target_user_id": id}), 200)
	}
	wantStatus(t, c.do("DELETE", "/2/users/"+AliceID+"/muting/"+CarolID, alice, nil), 200)
	ids, pages := pageAll(t, c, "/2/users/"+AliceID+"/muting", alice, 2)
	if !slices.Equal(ids, []string{JackID, BobID, DaveID}) || pages != 2 || !slices.Equal(ids, s.World().MutingIDs(AliceID)) {
		t.Errorf("muting after changes: %v in %d pages", ids, pages)
	}
	wantStatus(t, c.get("/2/users/"+BobID+"/muting", alice), 403)
	wantStatus(t, c.get("/2/users/"+AliceID+"/muting", s.UserToken(AliceID, "tweet.read", "users.read")), 403)
}

func TestSearchUsers(t *testing.T) {
	s := Start(t, WithInvalidRequestsAllowed())
	c := newTC(t, s)
	tok := s.UserToken(CarolID)
	r := c.get("/2/users/search?query=alice&user.fields=description", tok)
	wantStatus(t, r, 200)
	// @alice first (exact handle), then Bob, whose bio names her.
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "id") != AliceID || r.str("data", 1, "id") != BobID || !r.has("data", 0, "description") {
		t.Errorf("alice: %s", r.raw)
	}
	ids, pages := pageAll2(t, c, "/2/users/search?query=Gopher", tok, 7)
	if len(ids) != 20 || pages != 3 || ids[0] != FirstGopherID {
		t.Errorf("gophers: %d in %d pages", len(ids), pages)
	}
	r = c.get("/2/users/search?query=gopher%2007", tok)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "username") != "gopher07" {
		t.Errorf("two words: %s", r.raw)
	}
	r = c.get("/2/users/search?query=nobody", tok)
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("none: %s", r.raw)
	}
	wantStatus(t, c.get("/2/users/search?query=no%24pe", tok), 400)
	wantStatus(t, c.get("/2/users/search", tok), 400)
	wantStatus(t, c.get("/2/users/search?query=alice", c.app()), 403)
}

// pageAll2 is pageAll for operations that page with next_token.
func pageAll2(t *testing.T, c *tc, path, auth string, max int) (ids []string, pages int) {
	t.Helper()
	token := ""
	for {
		p := fmt.Sprintf("%s&max_results=%d", path, max)
		if token != "" {
			p += "&next_token=" + token
		}
		r := c.get(p, auth)
		wantStatus(t, r, 200)
		pages++
		for _, u := range r.list("data") {
			ids = append(ids, u.(map[string]any)["id"].(string))
		}
		token = r.str("meta", "next_token")
		if token == "" {
			return ids, pages
		}
	}
}
