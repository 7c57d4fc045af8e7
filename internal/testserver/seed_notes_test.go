package testserver

import (
	"net/http"
	"slices"
	"testing"
)

// What one server seeds of Community Notes stays its own, and a deleted Tweet made
// eligible is listed no more.
func TestNoteSeedingIsPerServer(t *testing.T) {
	s, other := Start(t), Start(t)
	tw, err := s.AddTweet(Tweet{AuthorID: CarolID, Text: "a claim"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddNoteEligibleTweet(tw.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.AddNoteWriter(CarolID); err != nil {
		t.Fatal(err)
	}
	eligible := func(s *Server) []string {
		t.Helper()
		r := newTC(t, s).get("/2/notes/search/posts_eligible_for_notes?test_mode=false", s.UserToken(BobID))
		wantStatus(t, r, http.StatusOK)
		var ids []string
		for i := range r.list("data") {
			ids = append(ids, r.str("data", i, "id"))
		}
		return ids
	}
	if got := eligible(s); len(got) == 0 || got[0] != tw.ID {
		t.Errorf("eligible %v, want %s first", got, tw.ID)
	}
	if got := eligible(other); slices.Equal(got, eligible(s)) || len(got) != len(NoteEligibleTweetIDs()) {
		t.Errorf("another server's eligible Tweets %v", got)
	}
	wantStatus(t, newTC(t, other).get("/2/notes/search/posts_eligible_for_notes?test_mode=false", other.UserToken(CarolID)), http.StatusForbidden)
	wantStatus(t, newTC(t, s).do("DELETE", "/2/tweets/"+tw.ID, s.UserToken(CarolID), nil), http.StatusOK)
	if got := eligible(s); slices.Contains(got, tw.ID) {
		t.Errorf("the deleted Tweet is still eligible: %v", got)
	}
}
