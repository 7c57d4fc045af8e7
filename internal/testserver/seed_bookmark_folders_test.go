package testserver

import "testing"

func TestAddBookmarkFolderIDsDoNotMeetThoseOfCreatedFolders(t *testing.T) {
	s := Start(t)
	f, err := s.AddBookmarkFolder(BobID, BookmarkFolder{Name: "Seeded"})
	if err != nil {
		t.Fatal(err)
	}
	res := newTC(t, s).do("POST", "/2/users/"+BobID+"/bookmarks/folders", s.UserToken(BobID), map[string]any{"name": "Created"})
	wantStatus(t, res, 201)
	if id := res.str("data", "id"); id == "" || id == f.ID {
		t.Errorf("the created folder's id %q beside the added %q", id, f.ID)
	}
	if got := s.World().BookmarkFolders(BobID); len(got) != 2 || got[0].Name != "Seeded" {
		t.Errorf("Bob's folders %+v", got)
	}
}
