package testserver

import (
	"net/http"
	"slices"
	"testing"
)

func TestAffiliates(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	want := s.World().AffiliateIDs(XDevelopersID)
	if len(want) != XDevelopersAffiliateCount || want[0] != FirstGopherID {
		t.Fatalf("seed: %v", want)
	}
	// Pages of 8 with an app token: 8, 8, 4, in order.
	var got []string
	path := "/2/users/" + XDevelopersID + "/affiliates?max_results=8&user.fields=username"
	next, pages := "", 0
	for {
		q := path
		if next != "" {
			q += "&pagination_token=" + next
		}
		r := c.get(q, c.app())
		wantStatus(t, r, http.StatusOK)
		pages++
		for i := range r.list("data") {
			got = append(got, r.str("data", i, "id"))
		}
		if r.str("data", 0, "username") == "" {
			t.Errorf("no username: %s", r.raw)
		}
		if next = r.str("meta", "next_token"); next == "" || pages > 5 {
			break
		}
		if len(next) > 19 {
			t.Fatalf("token %q is longer than the document allows", next)
		}
	}
	if !slices.Equal(got, want) || pages != 3 {
		t.Errorf("%d pages: %v, want %v", pages, got, want)
	}

	// No affiliates: an empty page; an unknown user: not found; user tokens work too.
	r := c.get("/2/users/"+AliceID+"/affiliates", s.UserToken(BobID, "tweet.read", "users.read"))
	wantStatus(t, r, http.StatusOK)
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("Alice's affiliates: %s", r.raw)
	}
	r = c.get("/2/users/"+NonexistentID+"/affiliates", c.app())
	if r.str("errors", 0, "resource_id") != NonexistentID {
		t.Errorf("unknown user: %s", r.raw)
	}
	wantStatus(t, c.get("/2/users/"+XDevelopersID+"/affiliates?pagination_token=zzz", c.app()), http.StatusBadRequest)
	wantStatus(t, c.get("/2/users/"+XDevelopersID+"/affiliates", s.UserToken(BobID, "users.read")), http.StatusForbidden)
}
