package testserver

import (
	"net/http"
	"testing"
)

func TestCommunityNotes(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	eligible := func(token, mode string) (ids []string) {
		t.Helper()
		r := c.get("/2/notes/search/posts_eligible_for_notes?test_mode="+mode+"&tweet.fields=author_id&expansions=author_id", token)
		wantStatus(t, r, http.StatusOK)
		for i := range r.list("data") {
			ids = append(ids, r.str("data", i, "id"))
		}
		return
	}
	if got := eligible(alice, "true"); len(got) != len(NoteEligibleTweetIDs()) || got[0] != QuoteTweetID {
		t.Fatalf("eligible: %v", got)
	}

	note := map[string]any{"test_mode": true, "post_id": PollTweetID, "info": map[string]any{
		"text": "Both languages are in the survey: https://example.com/survey", "classification": "misinformed_or_potentially_misleading",
		"misleading_tags": []string{"missing_important_context"}, "trustworthy_sources": true}}
	r := c.do(http.MethodPost, "/2/notes", alice, note)
	wantStatus(t, r, http.StatusCreated)
	id := r.str("data", "id")

	// The noted Tweet leaves Alice's test-mode list, not her real one nor Bob's.
	if got := eligible(alice, "true"); len(got) != len(NoteEligibleTweetIDs())-1 || containsStr(fmtList(got), PollTweetID) {
		t.Errorf("after the note: %v", got)
	}
	if got := eligible(alice, "false"); len(got) != len(NoteEligibleTweetIDs()) {
		t.Errorf("real mode: %v", got)
	}
	if got := eligible(s.UserToken(BobID), "true"); len(got) != len(NoteEligibleTweetIDs()) {
		t.Errorf("Bob: %v", got)
	}
	// Writing it again is refused: the Tweet is no longer eligible for Alice.
	wantStatus(t, c.do(http.MethodPost, "/2/notes", alice, note), http.StatusBadRequest)

	r = c.get("/2/notes/search/notes_written?test_mode=true&note.fields=id,info,status,test_result", alice)
	wantStatus(t, r, http.StatusOK)
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "id") != id || r.str("data", 0, "info", "post_id") != PollTweetID ||
		r.str("data", 0, "status") != "needs_more_ratings" || r.str("data", 0, "test_result", "evaluation_outcome", 0, "evaluator_score_bucket") != "High" {
		t.Errorf("written: %s", r.raw)
	}
	if r := c.get("/2/notes/search/notes_written?test_mode=false", alice); r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("no real notes: %s", r.raw)
	}

	// Refusals: no URL, misleading without a reason, a Tweet not eligible, a user not enrolled.
	for name, info := range map[string]map[string]any{
		"no url":    {"text": "This is wrong.", "classification": "not_misleading", "misleading_tags": []string{}, "trustworthy_sources": false},
		"no reason": {"text": "See https://example.com", "classification": "misinformed_or_potentially_misleading", "misleading_tags": []string{}, "trustworthy_sources": true},
	} {
		if r := c.do(http.MethodPost, "/2/notes", alice, map[string]any{"test_mode": true, "post_id": QuoteTweetID, "info": info}); r.status != http.StatusBadRequest {
			t.Errorf("%s: %d %s", name, r.status, r.raw)
		}
	}
	note["post_id"] = MediaTweetID
	wantStatus(t, c.do(http.MethodPost, "/2/notes", alice, note), http.StatusBadRequest)
	wantStatus(t, c.do(http.MethodPost, "/2/notes", s.UserToken(CarolID), note), http.StatusForbidden)

	r = c.do(http.MethodPost, "/2/notes/evaluate", alice, map[string]any{"post_id": PollTweetID, "note_text": "I think this is awful"})
	wantStatus(t, r, http.StatusOK)
	if score, _ := r.at("data", "claim_opinion_score").(float64); score != 0.2 {
		t.Errorf("opinion score: %s", r.raw)
	}

	// Bob cannot delete Alice's note; Alice can, and the Tweet is eligible again.
	wantStatus(t, c.do(http.MethodDelete, "/2/notes/"+id, s.UserToken(BobID), nil), http.StatusNotFound)
	r = c.do(http.MethodDelete, "/2/notes/"+id, alice, nil)
	wantStatus(t, r, http.StatusOK)
	if got := eligible(alice, "true"); len(got) != len(NoteEligibleTweetIDs()) || len(s.World().Notes(AliceID, true)) != 0 {
		t.Errorf("after deletion: %v", got)
	}
}

func fmtList(l []string) string {
	out := ""
	for _, s := range l {
		out += s + ","
	}
	return out
}
