package testserver

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestBookmarks(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	want := s.World().BookmarkIDs(AliceID)
	if len(want) != AliceBookmarkCount || want[0] != MediaTweetID {
		t.Fatalf("seeded bookmarks: %v", want)
	}
	r := c.get("/2/users/"+AliceID+"/bookmarks?max_results=5&tweet.fields=author_id,public_metrics&expansions=author_id,attachments.media_keys", alice)
	wantStatus(t, r, 200)
	if r.str("data", 0, "id") != MediaTweetID || r.num("data", 0, "public_metrics", "bookmark_count") != 1 ||
		r.str("meta", "next_token") == "" || r.str("includes", "media", 1, "media_key") != VideoMediaKey || r.num("meta", "result_count") != 5 {
		t.Errorf("first page: %s", r.raw)
	}
	ids, pages := pageAll(t, c, "/2/users/"+AliceID+"/bookmarks", alice, 8)
	if !slices.Equal(ids, want) || pages != 3 {
		t.Errorf("paged: %d in %d", len(ids), pages)
	}
	// Add, then remove.
	r = c.do("POST", "/2/users/"+AliceID+"/bookmarks", alice, map[string]string{"tweet_id": JackFirstTweetID})
	if r.at("data", "bookmarked") != true || s.World().BookmarkIDs(AliceID)[0] != JackFirstTweetID {
		t.Errorf("add: %s", r.raw)
	}
	r = c.get("/2/users/"+AliceID+"/bookmarks?max_results=1", alice)
	if r.str("data", 0, "id") != JackFirstTweetID {
		t.Errorf("after add: %s", r.raw)
	}
	r = c.do("DELETE", "/2/users/"+AliceID+"/bookmarks/"+PollTweetID, alice, nil)
	if r.at("data", "bookmarked") != false || slices.Contains(s.World().BookmarkIDs(AliceID), PollTweetID) {
		t.Errorf("remove: %s", r.raw)
	}
	r = c.do("POST", "/2/users/"+AliceID+"/bookmarks", alice, map[string]string{"tweet_id": NonexistentID})
	if r.at("data", "bookmarked") != false || r.str("errors", 0, "parameter") != "tweet_id" {
		t.Errorf("add missing: %s", r.raw)
	}
	r = c.do("POST", "/2/users/"+AliceID+"/bookmarks", alice, map[string]string{"tweet_id": ProtectedTweetID})
	if r.at("data", "bookmarked") != false {
		t.Errorf("add protected: %s", r.raw)
	}
	// Only the user's own, and only with an OAuth 2.0 user token with the scopes.
	wantStatus(t, c.get("/2/users/"+BobID+"/bookmarks", alice), 403)
	wantStatus(t, c.get("/2/users/"+AliceID+"/bookmarks", s.UserToken(AliceID, "tweet.read", "users.read")), 403)
	r = c.get("/2/users/"+AliceID+"/bookmarks", c.app())
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only on bookmarks: %s", r.raw)
	}
	hc := oauth1Client(context.Background(), c, s.OAuth1(AliceID), nil)
	r = doWith(t, hc, mustReq(t, "GET", s.URL()+"/2/users/"+AliceID+"/bookmarks", ""))
	if r.status != 403 || !strings.Contains(string(r.raw), "unsupported-authentication") {
		t.Errorf("OAuth 1.0a on bookmarks: %s", r.raw)
	}
}
