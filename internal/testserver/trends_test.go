package testserver

import (
	"context"
	"strconv"
	"testing"
)

func TestTrendsByWoeid(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	world, _ := s.World().Trends(WorldwideWOEID)
	// Default: 20 names, no counts.
	r := c.get("/2/trends/by/woeid/1", c.app())
	wantStatus(t, r, 200)
	if len(r.list("data")) != 20 || r.str("data", 0, "trend_name") != world[0].Name || r.has("data", 0, "tweet_count") {
		t.Errorf("defaults: %s", r.raw)
	}
	// Counts asked for; max_trends caps the list; a user token is accepted too.
	r = c.get("/2/trends/by/woeid/1?max_trends=50&trend.fields=tweet_count", s.UserToken(AliceID))
	wantStatus(t, r, 200)
	if len(r.list("data")) != 50 || r.str("data", 49, "trend_name") != world[49].Name || r.num("data", 49, "tweet_count") != world[49].TweetCount {
		t.Errorf("50 with counts: %s", r.raw)
	}
	// A place with fewer trends than asked for.
	r = c.get("/2/trends/by/woeid/"+strconv.Itoa(BerlinWOEID)+"?max_trends=50", c.app())
	if len(r.list("data")) != 5 || r.str("data", 4, "trend_name") != "Späti" {
		t.Errorf("Berlin: %s", r.raw)
	}
	// A place without trends: only a not-found problem.
	r = c.get("/2/trends/by/woeid/424242", c.app())
	wantStatus(t, r, 200)
	if r.has("data") || r.str("errors", 0, "type") != problemBase+"resource-not-found" || r.str("errors", 0, "value") != "424242" {
		t.Errorf("unknown place: %s", r.raw)
	}
	wantStatus(t, c.get("/2/trends/by/woeid/1", ""), 401)

	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/trends/by/woeid/1?max_trends=51", c2.app()), 400)
	wantStatus(t, c2.get("/2/trends/by/woeid/abc", c2.app()), 400)
	wantStatus(t, c2.get("/2/trends/by/woeid/1?trend.fields=volume", c2.app()), 400)
}

func TestPersonalizedTrends(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	mine := s.World().PersonalizedTrends(AliceID)
	r := c.get("/2/users/personalized_trends", s.UserToken(AliceID, "tweet.read", "users.read"))
	wantStatus(t, r, 200)
	if len(r.list("data")) != len(mine) || r.str("data", 0, "trend_name") != mine[0].Name || r.has("data", 0, "category") {
		t.Errorf("defaults: %s", r.raw)
	}
	r = c.get("/2/users/personalized_trends?personalized_trend.fields=category,post_count,trending_since", s.UserToken(AliceID))
	if r.str("data", 1, "category") != mine[1].Category || r.num("data", 1, "post_count") != mine[1].PostCount ||
		r.str("data", 1, "trending_since") != mine[1].TrendingSince {
		t.Errorf("all fields: %s", r.raw)
	}
	// Another user sees other trends; OAuth 1.0a works; the app may not ask.
	def := DefaultPersonalizedTrends()
	r = c.get("/2/users/personalized_trends", s.UserToken(CarolID))
	if len(r.list("data")) != len(def) || r.str("data", 0, "trend_name") != def[0].Name || def[0].Name == mine[0].Name {
		t.Errorf("Carol: %s", r.raw)
	}
	hc := oauth1Client(context.Background(), c, s.OAuth1(BobID), nil)
	wantStatus(t, doWith(t, hc, mustReq(t, "GET", s.URL()+"/2/users/personalized_trends", "")), 200)
	r = c.get("/2/users/personalized_trends", c.app())
	if r.status != 403 || r.str("type") != problemBase+"unsupported-authentication" {
		t.Errorf("app-only: %s", r.raw)
	}
	r = c.get("/2/users/personalized_trends", s.UserToken(AliceID, "tweet.read"))
	wantStatus(t, r, 403)
}
