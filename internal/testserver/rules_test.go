package testserver

import (
	"strings"
	"testing"
)

func TestStreamRules(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/tweets/search/stream/rules", c.app())
	wantStatus(t, r, 200)
	if r.str("data", 0, "id") != SeedRuleID || r.num("meta", "result_count") != 1 || r.str("meta", "sent") == "" {
		t.Errorf("seeded: %s", r.raw)
	}
	// dry_run validates, answers like the real thing, and changes nothing.
	r = c.do("POST", "/2/tweets/search/stream/rules?dry_run=true", c.app(), map[string]any{"add": []map[string]string{{"value": "cats has:images"}}})
	wantStatus(t, r, 200)
	if r.num("meta", "summary", "created") != 1 || len(s.World().Rules()) != 1 {
		t.Errorf("dry run: %s", r.raw)
	}
	// Add: one good, one invalid, one duplicate.
	r = c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"add": []map[string]string{
		{"value": "cats has:images", "tag": "cats"},
		{"value": "foo:bar (", "tag": "bad"},
		{"value": "from:XDevelopers"},
	}})
	wantStatus(t, r, 200)
	sum := r.obj("meta", "summary")
	if sum["created"] != 1.0 || sum["not_created"] != 2.0 || sum["valid"] != 2.0 || sum["invalid"] != 1.0 {
		t.Errorf("summary: %v", sum)
	}
	types := []string{r.str("errors", 0, "type"), r.str("errors", 1, "type")}
	if types[0] != "https://api.twitter.com/2/problems/invalid-rules" || types[1] != "https://api.twitter.com/2/problems/duplicate-rules" ||
		r.str("errors", 1, "id") != SeedRuleID {
		t.Errorf("errors: %s", r.raw)
	}
	catsID := r.str("data", 0, "id")
	r = c.get("/2/tweets/search/stream/rules?ids="+catsID, c.app())
	if r.num("meta", "result_count") != 1 || r.str("data", 0, "tag") != "cats" {
		t.Errorf("by ids: %s", r.raw)
	}
	// Paging with 16-character tokens.
	r = c.get("/2/tweets/search/stream/rules?max_results=1", c.app())
	tok := r.str("meta", "next_token")
	if len(tok) != 16 {
		t.Fatalf("token %q", tok)
	}
	r = c.get("/2/tweets/search/stream/rules?max_results=1&pagination_token="+tok, c.app())
	if r.str("data", 0, "id") != catsID || r.has("meta", "next_token") {
		t.Errorf("page 2: %s", r.raw)
	}
	// Delete by id and by value; an unknown id is reported.
	r = c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"delete": map[string]any{"ids": []string{catsID, "123"}}})
	wantStatus(t, r, 200)
	if r.num("meta", "summary", "deleted") != 1 || r.num("meta", "summary", "not_deleted") != 1 || len(s.World().Rules()) != 1 {
		t.Errorf("delete: %s", r.raw)
	}
	r = c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"delete": map[string]any{"values": []string{"from:XDevelopers"}}})
	if r.num("meta", "summary", "deleted") != 1 || len(s.World().Rules()) != 0 {
		t.Errorf("delete by value: %s", r.raw)
	}
	r = c.get("/2/tweets/search/stream/rules", c.app())
	if r.has("data") || r.num("meta", "result_count") != 0 {
		t.Errorf("empty: %s", r.raw)
	}
	// Too long.
	r = c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"add": []map[string]string{{"value": strings.Repeat("a", 1025)}}})
	if r.num("meta", "summary", "invalid") != 1 {
		t.Errorf("too long: %s", r.raw)
	}
	// Malformed bodies are 400.
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	wantStatus(t, c2.do("POST", "/2/tweets/search/stream/rules", c2.app(), map[string]any{"add": "nope"}), 400)
	wantStatus(t, c2.do("POST", "/2/tweets/search/stream/rules", c2.app(), map[string]any{}), 400)
	wantStatus(t, c2.get("/2/tweets/search/stream/rules?pagination_token=short", c2.app()), 400)
}

func TestDeleteAllRules(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"add": []map[string]string{{"value": "a"}, {"value": "b"}}})
	r := c.do("POST", "/2/tweets/search/stream/rules?delete_all=true", c.app(), map[string]any{"delete": map[string]any{}})
	wantStatus(t, r, 200)
	if r.num("meta", "summary", "deleted") != 3 || len(s.World().Rules()) != 0 {
		t.Errorf("delete_all: %s", r.raw)
	}
}
