package testserver

import (
	"net/url"
	"slices"
	"testing"
)

func TestCommunityLookup(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	want, _ := s.World().Community(GophersCommunityID)
	r := c.get("/2/communities/"+GophersCommunityID, c.app())
	wantStatus(t, r, 200)
	if d := r.obj("data"); len(d) != 2 || d["id"] != GophersCommunityID || d["name"] != want.Name {
		t.Errorf("defaults: %s", r.raw)
	}
	r = c.get("/2/communities/"+APIBuildersCommunityID+"?community.fields=access,created_at,description,join_policy,member_count",
		s.UserToken(AliceID, "list.read", "tweet.read", "users.read"))
	wantStatus(t, r, 200)
	if r.str("data", "access") != "Closed" || r.str("data", "created_at") != "2022-03-14T09:30:00.000Z" ||
		r.num("data", "member_count") != 1290 || r.str("data", "join_policy") == "" || r.str("data", "description") == "" {
		t.Errorf("all fields: %s", r.raw)
	}
	r = c.get("/2/communities/"+NonexistentID, c.app())
	wantStatus(t, r, 200)
	if r.has("data") || r.str("errors", 0, "type") != problemBase+"resource-not-found" || r.str("errors", 0, "resource_type") != "community" {
		t.Errorf("unknown: %s", r.raw)
	}
	wantStatus(t, c.get("/2/communities/"+GophersCommunityID, s.UserToken(AliceID, "tweet.read", "users.read")), 403)

	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.get("/2/communities/gophers", c2.app()), 400)
	wantStatus(t, c2.get("/2/communities/"+GophersCommunityID+"?community.fields=rules", c2.app()), 400)
}

func TestCommunitySearch(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID, "tweet.read", "users.read")
	want := s.World().CommunitySearchIDs(CommunitySearchQuery)
	if len(want) != CommunitySearchCount {
		t.Fatalf("world: %d matches, want %d", len(want), CommunitySearchCount)
	}
	// Default pages of 10, alternating the two names of the token.
	var got []string
	tok, param := "", "next_token"
	for pages := 0; ; pages++ {
		path := "/2/communities/search?query=" + CommunitySearchQuery + "&community.fields=member_count"
		if tok != "" {
			path += "&" + param + "=" + url.QueryEscape(tok)
		}
		r := c.get(path, alice)
		wantStatus(t, r, 200)
		for _, d := range r.list("data") {
			m := d.(map[string]any)
			got = append(got, m["id"].(string))
			if m["member_count"] == nil {
				t.Errorf("no member_count: %v", m)
			}
		}
		tok = r.str("meta", "next_token")
		if param == "next_token" {
			param = "pagination_token"
		} else {
			param = "next_token"
		}
		if tok == "" {
			if pages != 2 {
				t.Errorf("%d pages, want 3", pages+1)
			}
			break
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("paged %v, want %v", got, want)
	}
	// Every word must match; no match is an empty page.
	r := c.get("/2/communities/search?query=api+builders&max_results=100", alice)
	if l := r.list("data"); len(l) != 1 || r.str("data", 0, "id") != APIBuildersCommunityID || r.has("meta", "next_token") {
		t.Errorf("api builders: %s", r.raw)
	}
	r = c.get("/2/communities/search?query=rustaceans", alice)
	wantStatus(t, r, 200)
	if r.has("data") {
		t.Errorf("no match: %s", r.raw)
	}
	// User context only; a token of another query is refused.
	wantStatus(t, c.get("/2/communities/search?query=gopher", c.app()), 403)
	r = c.get("/2/communities/search?query=gopher", alice)
	wantStatus(t, c.get("/2/communities/search?query=club&next_token="+r.str("meta", "next_token"), alice), 400)

	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	a2 := s2.UserToken(AliceID)
	wantStatus(t, c2.get("/2/communities/search?query=gopher&max_results=9", a2), 400)
	wantStatus(t, c2.get("/2/communities/search?max_results=10", a2), 400)
}
