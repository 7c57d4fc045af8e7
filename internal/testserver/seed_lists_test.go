package testserver

import (
	"slices"
	"testing"
)

func TestAddListIDsDoNotMeetThoseOfPostLists(t *testing.T) {
	s := Start(t)
	l, err := s.AddList(List{Name: "Seeded", MemberIDs: []string{BobID}})
	if err != nil {
		t.Fatal(err)
	}
	if l.OwnerID != AliceID {
		t.Errorf("owner %q, want Alice by default", l.OwnerID)
	}
	l.MemberIDs[0] = CarolID // the returned List is a copy
	res := newTC(t, s).do("POST", "/2/lists", s.UserToken(AliceID), map[string]any{"name": "Posted"})
	wantStatus(t, res, 201)
	if posted := res.str("data", "id"); posted == "" || posted == l.ID {
		t.Errorf("POST /2/lists made id %q beside the seeded %q", posted, l.ID)
	}
	if got, _ := s.World().List(l.ID); !slices.Equal(got.MemberIDs, []string{BobID}) {
		t.Errorf("members %v after changing the returned copy", got.MemberIDs)
	}
}
