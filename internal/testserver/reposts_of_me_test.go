package testserver

import (
	"slices"
	"testing"
)

func TestRepostsOfMe(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	// Alice's conversation root, retweeted by Bob in the seed.
	alice := s.UserToken(AliceID, "timeline.read", "tweet.read")
	r := c.get("/2/users/reposts_of_me?tweet.fields=author_id,referenced_tweets&expansions=author_id", alice)
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != RetweetID || r.str("data", 0, "author_id") != BobID ||
		r.str("data", 0, "referenced_tweets", 0, "id") != ConversationRootID || r.str("includes", "users", 0, "username") != "bob" {
		t.Errorf("Alice: %s", r.raw)
	}
	// A gopher's seeded reposts, one a page.
	gopher := s.UserToken(FirstGopherID)
	want := s.World().RepostIDs(FirstGopherID)
	ids, pages := pageAll(t, c, "/2/users/reposts_of_me", gopher, 1)
	if len(want) < 3 || !slices.Equal(ids, want) || pages != len(want) {
		t.Errorf("gopher paged %v in %d, world has %v", ids, pages, want)
	}
	for _, id := range ids {
		tw, _ := s.World().Tweet(id)
		src, _ := s.World().Tweet(tw.ReferencedTweets[0].ID)
		if tw.ReferencedTweets[0].Type != "retweeted" || src.AuthorID != FirstGopherID || tw.AuthorID == FirstGopherID {
			t.Errorf("%s is not another's Retweet of the gopher: %+v", id, tw)
		}
	}
	// Carol retweets Alice's media Tweet: it comes first; undone, it is gone.
	r = c.do("POST", "/2/users/"+CarolID+"/retweets", s.UserToken(CarolID), map[string]string{"tweet_id": MediaTweetID})
	wantStatus(t, r, 200)
	rt := r.str("data", "id")
	r = c.get("/2/users/reposts_of_me", alice)
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "id") != rt || r.str("data", 1, "id") != RetweetID {
		t.Errorf("after Carol's Retweet: %s", r.raw)
	}
	wantStatus(t, c.do("DELETE", "/2/users/"+CarolID+"/retweets/"+MediaTweetID, s.UserToken(CarolID), nil), 200)
	if got := s.World().RepostIDs(AliceID); !slices.Equal(got, []string{RetweetID}) {
		t.Errorf("after undoing it: %v", got)
	}
	// Nobody retweeted Dave: no data. User context only; timeline.read needed.
	r = c.get("/2/users/reposts_of_me", s.UserToken(DaveID))
	if r.status != 200 || r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("Dave: %s", r.raw)
	}
	wantStatus(t, c.get("/2/users/reposts_of_me", c.app()), 403)
	wantStatus(t, c.get("/2/users/reposts_of_me", s.UserToken(AliceID, "tweet.read", "users.read")), 403)
	// A token of another user's list is refused.
	r = c.get("/2/users/reposts_of_me?max_results=1", gopher)
	wantStatus(t, c.get("/2/users/reposts_of_me?pagination_token="+r.str("meta", "next_token"), alice), 400)
}
