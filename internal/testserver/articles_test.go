package testserver

import (
	"net/http"
	"strings"
	"testing"
)

func TestArticles(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	block := func(text, typ string, ranges ...map[string]any) map[string]any {
		b := map[string]any{"text": text, "type": typ}
		if len(ranges) > 0 {
			b["entity_ranges"] = ranges
		}
		return b
	}
	draft := func(blocks []any, entities ...any) map[string]any {
		if entities == nil {
			entities = []any{}
		}
		return map[string]any{"title": "Notes on Go", "content_state": map[string]any{"blocks": blocks, "entities": entities}}
	}
	markdown := func(md string) map[string]any {
		return map[string]any{"key": "0", "value": map[string]any{"type": "markdown", "mutability": "mutable", "data": map[string]any{"markdown": md}}}
	}
	atomic := block(" ", "atomic", map[string]any{"key": 0, "offset": 0, "length": 1})

	r := c.do(http.MethodPost, "/2/articles/draft", alice, draft([]any{block("Hello 👋", "unstyled"), atomic}, markdown("```go\nfunc main() {}\n```")))
	wantStatus(t, r, http.StatusCreated)
	id := r.str("data", "id")
	if r.str("data", "title") != "Notes on Go" || len(s.World().Articles(AliceID)) != 1 {
		t.Errorf("draft: %s", r.raw)
	}

	// Ranges are counted in UTF-16 code units: "Hello 👋" is 8 of them.
	inEmoji := block("Hello 👋", "unstyled", map[string]any{"key": 0, "offset": 6, "length": 2})
	wantStatus(t, c.do(http.MethodPost, "/2/articles/draft", alice, draft([]any{inEmoji}, markdown("x"))), http.StatusCreated)
	for name, body := range map[string]map[string]any{
		"no blocks":         draft([]any{}),
		"range past text":   draft([]any{block("Hello 👋", "unstyled", map[string]any{"key": 0, "offset": 6, "length": 3})}, markdown("x")),
		"atomic, no entity": draft([]any{block(" ", "atomic")}),
		"range key":         draft([]any{atomic}),
		"markdown too long": draft([]any{atomic}, markdown(strings.Repeat("a", maxArticleMarkdown+1))),
	} {
		if r := c.do(http.MethodPost, "/2/articles/draft", alice, body); r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400: %s", name, r.status, r.raw)
		}
	}
	// Writing Articles takes tweet.write.
	if r := c.do(http.MethodPost, "/2/articles/draft", s.UserToken(AliceID, "tweet.read", "users.read"), draft([]any{atomic}, markdown("x"))); r.status != http.StatusForbidden {
		t.Errorf("without tweet.write: status %d", r.status)
	}

	r = c.do(http.MethodPost, "/2/articles/"+id+"/publish", alice, nil)
	wantStatus(t, r, http.StatusOK)
	post := r.str("data", "post_id")
	r = c.get("/2/tweets/"+post+"?tweet.fields=article,article_title,author_id", alice)
	if r.str("data", "article_title") != "Notes on Go" || r.str("data", "article", "title") != "Notes on Go" || r.str("data", "author_id") != AliceID {
		t.Errorf("published Tweet: %s", r.raw)
	}
	wantStatus(t, c.do(http.MethodPost, "/2/articles/"+id+"/publish", alice, nil), http.StatusForbidden)
	wantStatus(t, c.do(http.MethodPost, "/2/articles/"+NonexistentID+"/publish", alice, nil), http.StatusNotFound)
	if v := s.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}
