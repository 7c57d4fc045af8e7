package testserver

import (
	"net/http"
	"testing"
)

// An added draft and one the API writes take their ids from one counter, and are listed
// in the order they were made.
func TestAddArticleSharesTheDraftsCounter(t *testing.T) {
	s := Start(t)
	seeded, err := s.AddArticle(Article{Title: "Seeded"})
	if err != nil {
		t.Fatal(err)
	}
	r := newTC(t, s).do(http.MethodPost, "/2/articles/draft", s.UserToken(AliceID), map[string]any{"title": "Written",
		"content_state": map[string]any{"blocks": []any{map[string]any{"text": "Hi", "type": "unstyled"}}, "entities": []any{}}})
	wantStatus(t, r, http.StatusCreated)
	got := s.World().Articles(AliceID)
	if len(got) != 2 || got[0].ID != seeded.ID || got[1].ID != r.str("data", "id") || got[0].ID == got[1].ID {
		t.Errorf("Alice's Articles %+v; the API wrote %s", got, r.str("data", "id"))
	}
}
