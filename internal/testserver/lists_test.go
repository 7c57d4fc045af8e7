package testserver

import (
	"slices"
	"strings"
	"testing"
)

func TestLookupList(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/lists/"+GophersListID, c.app())
	wantStatus(t, r, 200)
	if d := r.obj("data"); len(d) != 2 || d["id"] != GophersListID || d["name"] != "Gophers" {
		t.Errorf("defaults: %s", r.raw)
	}
	r = c.get("/2/lists/"+GophersListID+"?list.fields=created_at,description,follower_count,member_count,owner_id,private&expansions=owner_id&user.fields=username,created_at", c.app())
	if r.num("data", "member_count") != GophersListMemberCount || r.num("data", "follower_count") != 3 || r.at("data", "private") != false ||
		r.str("data", "owner_id") != AliceID || r.str("data", "description") != "Accounts that write Go" ||
		r.str("data", "created_at") != "2026-10-21T00:00:00.000Z" {
		t.Errorf("fields: %s", r.raw)
	}
	if r.str("includes", "users", 0, "id") != AliceID || !r.has("includes", "users", 0, "created_at") {
		t.Errorf("owner expansion: %s", r.raw)
	}
	// A private List: its owner sees it, nobody else.
	r = c.get("/2/lists/"+AlicePrivateListID+"?list.fields=private", s.UserToken(AliceID))
	if r.at("data", "private") != true {
		t.Errorf("owner on private: %s", r.raw)
	}
	for _, auth := range []string{c.app(), s.UserToken(BobID)} {
		r = c.get("/2/lists/"+AlicePrivateListID, auth)
		if r.has("data") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/not-authorized-for-resource" {
			t.Errorf("private to others: %s", r.raw)
		}
		r = c.get("/2/lists/"+AlicePrivateListID+"/members", auth)
		if r.has("data") || r.str("errors", 0, "resource_type") != "list" {
			t.Errorf("private members to others: %s", r.raw)
		}
	}
	r = c.get("/2/lists/"+NonexistentID, c.app())
	if r.has("data") || r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/resource-not-found" || r.str("errors", 0, "resource_type") != "list" {
		t.Errorf("missing: %s", r.raw)
	}
	wantStatus(t, c.get("/2/lists/"+GophersListID, s.UserToken(BobID, "tweet.read", "users.read")), 403)
}

func TestListLifecycle(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	bob := s.UserToken(BobID)
	r := c.do("POST", "/2/lists", bob, map[string]any{"name": "Client authors", "description": "People who write X clients"})
	wantStatus(t, r, 201)
	id := r.str("data", "id")
	if r.str("data", "name") != "Client authors" || id == "" {
		t.Fatalf("create: %s", r.raw)
	}
	l, ok := s.World().List(id)
	if !ok || l.OwnerID != BobID || l.Private || len(l.MemberIDs) != 0 || s.World().OwnedListIDs(BobID)[0] != id {
		t.Fatalf("created List in world: %+v", l)
	}
	// Members: add, list, remove; only the owner may.
	for _, u := range []string{AliceID, CarolID, DaveID} {
		r = c.do("POST", "/2/lists/"+id+"/members", bob, map[string]string{"user_id": u})
		if r.at("data", "is_member") != true {
			t.Errorf("add %s: %s", u, r.raw)
		}
	}
	r = c.do("POST", "/2/lists/"+id+"/members", bob, map[string]string{"user_id": NonexistentID})
	if r.at("data", "is_member") != false || r.str("errors", 0, "resource_type") != "user" {
		t.Errorf("add missing user: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/lists/"+id+"/members", s.UserToken(AliceID), map[string]string{"user_id": JackID}), 403)
	r = c.do("DELETE", "/2/lists/"+id+"/members/"+CarolID, bob, nil)
	if r.at("data", "is_member") != false {
		t.Errorf("remove: %s", r.raw)
	}
	r = c.get("/2/lists/"+id+"/members", c.app())
	if r.num("meta", "result_count") != 2 || r.str("data", 0, "id") != DaveID || r.str("data", 1, "id") != AliceID {
		t.Errorf("members: %s", r.raw)
	}
	if m := s.World().ListMembershipIDs(DaveID); !slices.Contains(m, id) {
		t.Errorf("memberships of Dave: %v", m)
	}
	r = c.get("/2/users/"+DaveID+"/list_memberships?list.fields=owner_id", c.app())
	if r.str("data", 0, "id") != id || r.str("data", 0, "owner_id") != BobID {
		t.Errorf("list_memberships: %s", r.raw)
	}
	// The List's Tweets are its members' Tweets, newest first.
	tw := s.EmitTweet(Tweet{AuthorID: DaveID, Text: "on the List"})[0]
	r = c.get("/2/lists/"+id+"/tweets?max_results=100&tweet.fields=author_id&expansions=author_id", c.app())
	if r.str("data", 0, "id") != tw.ID || r.num("meta", "result_count") != len(s.World().UserTweetIDs(DaveID))+len(s.World().UserTweetIDs(AliceID)) {
		t.Errorf("List Tweets: %.400s", r.raw)
	}
	for _, d := range r.list("data") {
		if a := d.(map[string]any)["author_id"]; a != DaveID && a != AliceID {
			t.Errorf("Tweet by %v on the List", a)
		}
	}
	// Update, then make it private: others lose sight of it.
	r = c.do("PUT", "/2/lists/"+id, bob, map[string]any{"name": "Clients", "private": true})
	if r.at("data", "updated") != true {
		t.Errorf("update: %s", r.raw)
	}
	if l, _ := s.World().List(id); l.Name != "Clients" || !l.Private || l.Description != "People who write X clients" {
		t.Errorf("updated: %+v", l)
	}
	r = c.get("/2/users/"+BobID+"/owned_lists", c.app())
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("private List in owned_lists for others: %s", r.raw)
	}
	r = c.get("/2/users/"+BobID+"/owned_lists?list.fields=private", bob)
	if r.str("data", 0, "id") != id || r.at("data", 0, "private") != true {
		t.Errorf("owned_lists for the owner: %s", r.raw)
	}
	wantStatus(t, c.do("PUT", "/2/lists/"+id, s.UserToken(AliceID), map[string]any{"name": "Mine"}), 404)
	wantStatus(t, c.do("PUT", "/2/lists/"+GophersListID, bob, map[string]any{"name": "Mine"}), 403)
	// Delete: only the owner; then it is gone everywhere.
	wantStatus(t, c.do("DELETE", "/2/lists/"+GophersListID, bob, nil), 403)
	r = c.do("DELETE", "/2/lists/"+id, bob, nil)
	if r.at("data", "deleted") != true {
		t.Errorf("delete: %s", r.raw)
	}
	if _, ok := s.World().List(id); ok || slices.Contains(s.World().ListIDs(), id) {
		t.Errorf("deleted List still in the world")
	}
	r = c.get("/2/lists/"+id, bob)
	if r.str("errors", 0, "type") != "https://api.twitter.com/2/problems/resource-not-found" {
		t.Errorf("lookup of deleted: %s", r.raw)
	}
	r = c.do("DELETE", "/2/lists/"+id, bob, nil)
	wantStatus(t, r, 404)
	if r.str("type") != "https://api.twitter.com/2/problems/resource-not-found" {
		t.Errorf("delete twice: %s", r.raw)
	}
	// App-only cannot change Lists.
	r = c.do("POST", "/2/lists", c.app(), map[string]any{"name": "x"})
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only create: %s", r.raw)
	}
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.do("POST", "/2/lists", s2.UserToken(BobID), map[string]any{"name": strings.Repeat("n", 26)}), 400)
	wantStatus(t, c2.do("POST", "/2/lists", s2.UserToken(BobID), map[string]any{"description": "no name"}), 400)
}

func TestListMembersFollowersPaging(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	ids, pages := pageAll(t, c, "/2/lists/"+GophersListID+"/members", c.app(), 8)
	l, _ := s.World().List(GophersListID)
	if len(ids) != GophersListMemberCount || pages != 3 || !slices.Equal(ids, l.MemberIDs) {
		t.Errorf("members: %d in %d pages", len(ids), pages)
	}
	ids, _ = pageAll(t, c, "/2/lists/"+GophersListID+"/followers", c.app(), 100)
	if !slices.Equal(ids, []string{JackID, DaveID, BobID}) || !slices.Equal(ids, l.FollowerIDs) {
		t.Errorf("followers: %v", ids)
	}
	tweets, pages := pageAll(t, c, "/2/lists/"+GophersListID+"/tweets", c.app(), 100)
	if len(tweets) != 800 || pages != 8 {
		t.Errorf("List Tweets: %d in %d pages (X serves the 800 newest)", len(tweets), pages)
	}
}

func TestFollowAndPinLists(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	carol := s.UserToken(CarolID)
	r := c.get("/2/users/"+AliceID+"/followed_lists?list.fields=owner_id&expansions=owner_id", c.app())
	wantStatus(t, r, 200)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != XDevelopersListID || r.str("includes", "users", 0, "id") != XDevelopersID {
		t.Errorf("followed_lists: %s", r.raw)
	}
	// Carol follows Alice's Gophers, pins it; X's limit is MaxPinnedLists.
	r = c.do("POST", "/2/users/"+CarolID+"/followed_lists", carol, map[string]string{"list_id": GophersListID})
	if r.at("data", "following") != true || s.World().FollowedListIDs(CarolID)[0] != GophersListID {
		t.Errorf("follow: %s", r.raw)
	}
	if l, _ := s.World().List(GophersListID); l.FollowerIDs[0] != CarolID {
		t.Errorf("followers after follow: %v", l.FollowerIDs)
	}
	if l, _ := Start(t).World().List(GophersListID); len(l.MemberIDs) != GophersListMemberCount || len(l.FollowerIDs) != 3 {
		t.Errorf("another server's seeded List changed: %+v", l)
	}
	wantStatus(t, c.do("POST", "/2/users/"+CarolID+"/pinned_lists", carol, map[string]string{"list_id": GophersListID}), 200)
	r = c.get("/2/users/"+CarolID+"/pinned_lists?list.fields=member_count", carol)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != GophersListID || r.num("data", 0, "member_count") != GophersListMemberCount {
		t.Errorf("pinned_lists: %s", r.raw)
	}
	// Not for another user; not a List one neither follows nor owns; a private List of
	// another is not found.
	r = c.do("POST", "/2/users/"+CarolID+"/pinned_lists", s.UserToken(DaveID), map[string]string{"list_id": GophersListID})
	wantStatus(t, r, 403)
	r = c.do("POST", "/2/users/"+DaveID+"/pinned_lists", s.UserToken(DaveID), map[string]string{"list_id": XDevelopersListID})
	wantStatus(t, r, 403)
	r = c.do("POST", "/2/users/"+CarolID+"/followed_lists", carol, map[string]string{"list_id": AlicePrivateListID})
	if r.at("data", "following") != false || r.str("errors", 0, "resource_type") != "list" {
		t.Errorf("follow private: %s", r.raw)
	}
	for i := 0; i < MaxPinnedLists-1; i++ {
		r = c.do("POST", "/2/lists", carol, map[string]any{"name": "own " + strings.Repeat("x", i)})
		wantStatus(t, c.do("POST", "/2/users/"+CarolID+"/pinned_lists", carol, map[string]string{"list_id": r.str("data", "id")}), 200)
	}
	r = c.do("POST", "/2/lists", carol, map[string]any{"name": "one too many"})
	r = c.do("POST", "/2/users/"+CarolID+"/pinned_lists", carol, map[string]string{"list_id": r.str("data", "id")})
	wantStatus(t, r, 403)
	if len(s.World().PinnedListIDs(CarolID)) != MaxPinnedLists {
		t.Errorf("pinned: %v", s.World().PinnedListIDs(CarolID))
	}
	// Unpin, unfollow (which unpins what one does not own).
	r = c.do("DELETE", "/2/users/"+CarolID+"/pinned_lists/"+s.World().PinnedListIDs(CarolID)[0], carol, nil)
	if r.at("data", "pinned") != false || len(s.World().PinnedListIDs(CarolID)) != MaxPinnedLists-1 {
		t.Errorf("unpin: %s", r.raw)
	}
	r = c.do("DELETE", "/2/users/"+CarolID+"/followed_lists/"+GophersListID, carol, nil)
	if r.at("data", "following") != false || slices.Contains(s.World().FollowedListIDs(CarolID), GophersListID) ||
		slices.Contains(s.World().PinnedListIDs(CarolID), GophersListID) {
		t.Errorf("unfollow: %s", r.raw)
	}
	// Pinned Lists are the user's own business.
	wantStatus(t, c.get("/2/users/"+AliceID+"/pinned_lists", carol), 403)
	r = c.get("/2/users/"+AliceID+"/pinned_lists", c.app())
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only pinned_lists: %s", r.raw)
	}
	r = c.get("/2/users/"+NonexistentID+"/owned_lists", c.app())
	if r.str("errors", 0, "resource_type") != "user" {
		t.Errorf("owned_lists of nobody: %s", r.raw)
	}
}
