package testserver

import (
	"net/http"
	"testing"
)

// An added Community is paged through after the seeded ones.
func TestAddCommunityIsSearchedLast(t *testing.T) {
	s := Start(t)
	cm, err := s.AddCommunity(Community{Name: "Gopher Club Lyon"})
	if err != nil {
		t.Fatal(err)
	}
	if !schemaPattern("CommunityId").MatchString(cm.ID) {
		t.Errorf("id %q", cm.ID)
	}
	c := newTC(t, s)
	var ids []string
	for token, pages := "", 0; pages < 10; pages++ {
		path := "/2/communities/search?query=gopher&max_results=10"
		if token != "" {
			path += "&next_token=" + token
		}
		r := c.get(path, s.UserToken(BobID))
		wantStatus(t, r, http.StatusOK)
		for i := range r.list("data") {
			ids = append(ids, r.str("data", i, "id"))
		}
		if token = r.str("meta", "next_token"); token == "" {
			break
		}
	}
	if len(ids) != CommunitySearchCount+1 || ids[len(ids)-1] != cm.ID {
		t.Errorf("searched %d Communities, the last %s; want %d, the added %s last", len(ids), ids[len(ids)-1], CommunitySearchCount+1, cm.ID)
	}
}
