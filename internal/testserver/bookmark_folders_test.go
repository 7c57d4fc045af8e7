package testserver

import (
	"net/http"
	"testing"
)

func TestBookmarkFolders(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	base := "/2/users/" + AliceID + "/bookmarks/folders"

	r := c.get(base, alice)
	wantStatus(t, r, http.StatusOK)
	if len(r.list("data")) != 2 || r.str("data", 0, "id") != AliceGoFolderID || r.str("data", 1, "name") != "Reading" {
		t.Fatalf("folders: %s", r.raw)
	}
	// One a page: two pages, the second without a next token.
	r = c.get(base+"?max_results=1", alice)
	if len(r.list("data")) != 1 || r.str("meta", "next_token") == "" {
		t.Fatalf("first page: %s", r.raw)
	}
	r = c.get(base+"?max_results=1&pagination_token="+r.str("meta", "next_token"), alice)
	if r.str("data", 0, "id") != AliceReadingFolderID || r.has("meta", "next_token") {
		t.Fatalf("second page: %s", r.raw)
	}
	wantStatus(t, c.get(base+"?pagination_token=bogus", alice), http.StatusBadRequest)

	// Names of 1 to 25 characters, as the document says.
	loose := Start(t, WithInvalidRequestsAllowed())
	lc := newTC(t, loose)
	wantStatus(t, lc.do("POST", base, loose.UserToken(AliceID), map[string]string{"name": ""}), http.StatusBadRequest)
	wantStatus(t, lc.do("POST", base, loose.UserToken(AliceID), map[string]string{"name": "a name far longer than twenty-five"}), http.StatusBadRequest)
	if n := len(loose.World().BookmarkFolders(AliceID)); n != 2 {
		t.Errorf("refused names made folders: %d", n)
	}

	// A new folder is listed and empty.
	r = c.do("POST", base, alice, map[string]string{"name": "Later"})
	wantStatus(t, r, http.StatusCreated)
	id := r.str("data", "id")
	if r.str("data", "name") != "Later" || id == "" {
		t.Fatalf("create: %s", r.raw)
	}
	fs := s.World().BookmarkFolders(AliceID)
	if len(fs) != 3 || fs[2].ID != id || fs[2].Name != "Later" {
		t.Fatalf("world folders: %+v", fs)
	}
	r = c.get(base+"/"+id, alice)
	wantStatus(t, r, http.StatusOK)
	if len(r.list("data")) != 0 || r.has("errors") {
		t.Errorf("new folder: %s", r.raw)
	}

	// The seeded Go folder; a removed bookmark leaves it.
	goIDs := fs[0].TweetIDs
	r = c.get(base+"/"+AliceGoFolderID, alice)
	if got := r.list("data"); len(got) != 3 || r.str("data", 0, "id") != goIDs[0] {
		t.Fatalf("Go folder: %s, world %v", r.raw, goIDs)
	}
	wantStatus(t, c.do("DELETE", "/2/users/"+AliceID+"/bookmarks/"+goIDs[0], alice, nil), http.StatusOK)
	r = c.get(base+"/"+AliceGoFolderID, alice)
	if len(r.list("data")) != 2 || r.str("data", 0, "id") != goIDs[1] {
		t.Errorf("Go folder after removing a bookmark: %s", r.raw)
	}

	// Errors: an unknown folder, another user's folders, scopes, app token.
	r = c.get(base+"/"+NonexistentID, alice)
	wantStatus(t, r, http.StatusOK)
	if r.has("data") || r.str("errors", 0, "resource_id") != NonexistentID {
		t.Errorf("unknown folder: %s", r.raw)
	}
	bob := s.UserToken(BobID)
	wantStatus(t, c.get(base, bob), http.StatusForbidden)
	wantStatus(t, c.get("/2/users/"+BobID+"/bookmarks/folders/"+AliceGoFolderID, bob), http.StatusOK)
	wantStatus(t, c.get(base, s.UserToken(AliceID, "tweet.read", "users.read")), http.StatusForbidden)
	wantStatus(t, c.do("POST", base, s.UserToken(AliceID, "bookmark.read", "users.read"), map[string]string{"name": "x"}), http.StatusForbidden)
	wantStatus(t, c.get(base, c.app()), http.StatusForbidden)
}
