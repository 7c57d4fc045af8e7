package testserver

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// FaultUnlistedValues adds a member the document does not name to every object, the top
// included, and gives enumerated strings a value no schema lists, leaving the rest as
// the real answer has it; the drifted answer is not counted as a violation.
func TestFaultUnlistedValues(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	path := "/2/tweets/" + MediaTweetID + "?tweet.fields=reply_settings,public_metrics,lang&expansions=author_id"
	want := c.get(path, c.app())
	wantStatus(t, want, 200)

	s.Inject("lookupTweet", Fault{Kind: FaultUnlistedValues, Times: 1})
	got := c.get(path, c.app())
	wantStatus(t, got, 200)
	for _, at := range [][]any{{}, {"data"}, {"data", "public_metrics"}, {"includes"}, {"includes", "users", 0}} {
		if !got.has(append(at, driftMember)...) {
			t.Errorf("no %s in %v: %s", driftMember, at, got.raw)
		}
	}
	if v := got.str("data", "reply_settings"); v != driftValue {
		t.Errorf("reply_settings = %q, want %q (an enumeration)", v, driftValue)
	}
	for _, at := range [][]any{{"data", "id"}, {"data", "text"}, {"data", "lang"}, {"includes", "users", 0, "username"}} {
		if got.str(at...) != want.str(at...) || want.str(at...) == "" {
			t.Errorf("%v = %q, want %q as the real answer has it", at, got.str(at...), want.str(at...))
		}
	}
	if got.num("data", "public_metrics", "like_count") != want.num("data", "public_metrics", "like_count") {
		t.Errorf("like_count changed: %s", got.raw)
	}
	if v := s.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
	if again := c.get(path, c.app()); again.has("data", driftMember) {
		t.Errorf("Times: 1 drifted a second answer: %s", again.raw)
	}
	if FaultUnlistedValues.String() != "FaultUnlistedValues" || FaultMissingRequired.String() != "FaultMissingRequired" {
		t.Errorf("String() = %q, %q", FaultUnlistedValues, FaultMissingRequired)
	}
}

// FaultMissingRequired drops the required members of every object below the top but its
// id, and keeps what the document does not require.
func TestFaultMissingRequired(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("lookupUser", Fault{Kind: FaultMissingRequired})
	r := c.get("/2/users/"+JackID+"?user.fields=created_at,public_metrics", c.app())
	wantStatus(t, r, 200)
	if r.str("data", "id") != JackID {
		t.Errorf("id dropped: %s", r.raw)
	}
	for _, name := range []string{"name", "username"} {
		if r.has("data", name) {
			t.Errorf("required %s kept: %s", name, r.raw)
		}
	}
	if r.str("data", "created_at") == "" || !r.has("data", "public_metrics") {
		t.Errorf("members the document does not require were dropped: %s", r.raw)
	}
	if m := r.obj("data", "public_metrics"); m["followers_count"] == nil {
		t.Errorf("public_metrics = %v, want its counts, which the document does not require", m)
	}
	if v := s.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}

// Stream lines drift as answers do, each line checked before it drifts.
func TestFaultDriftOnStreamLines(t *testing.T) {
	s := Start(t)
	s.Inject("streamSample", Fault{Kind: FaultUnlistedValues})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+"/2/tweets/sample/stream?tweet.fields=reply_settings", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+s.AppBearerToken())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	s.EmitTweet(Tweet{AuthorID: JackID, Text: "drifting along"})
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue // a keep-alive
		}
		var v map[string]map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if v["data"]["text"] != "drifting along" || v["data"]["reply_settings"] != driftValue || v["data"][driftMember] == nil {
			t.Errorf("line = %s", line)
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		if !slices.Contains(keys, driftMember) {
			t.Errorf("line without %s at the top: %s", driftMember, line)
		}
		break
	}
	if v := s.Violations(); len(v) != 0 {
		t.Errorf("violations: %v", v)
	}
}
