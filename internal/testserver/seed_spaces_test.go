package testserver

import (
	"slices"
	"testing"
)

func TestAddSpaceStaysInItsServer(t *testing.T) {
	a, b := Start(t), Start(t)
	sp, err := a.AddSpace(Space{Title: "Only here", State: "ended"})
	if err != nil {
		t.Fatal(err)
	}
	if sp.EndedAt.Before(sp.StartedAt) || !sp.UpdatedAt.Equal(sp.EndedAt) {
		t.Errorf("an ended Space filled in as %+v", sp)
	}
	if _, ok := b.World().Space(sp.ID); ok {
		t.Errorf("the Space %s added to one server shows in another", sp.ID)
	}
	if _, ok := b.World().Space(LiveSpaceID); !ok {
		t.Error("the other server lost the seeded Space")
	}
	again, err := a.AddSpace(Space{})
	if err != nil || again.ID == sp.ID || !schemaPattern("SpaceID").MatchString(again.ID) {
		t.Errorf("the second added Space: %+v, %v", again, err)
	}
	got, _ := a.World().Space(sp.ID)
	got.HostIDs[0] = BobID // a copy
	if kept, _ := a.World().Space(sp.ID); !slices.Equal(kept.HostIDs, []string{AliceID}) {
		t.Errorf("hosts %v after changing a copy", kept.HostIDs)
	}
}
