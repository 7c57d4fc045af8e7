package testserver

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/twitterkit/go/openapi"
)

// TestEveryOperationServed checks that each operation of the document has a route and
// exactly one implementation, a feature's registration or a stream, so a new operation in
// the document cannot go unserved unnoticed, and that every registration names an
// operation the document has.
func TestEveryOperationServed(t *testing.T) {
	c, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := registered()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			want = append(want, op.OperationID)
		}
	}
	var ops []string
	for _, rt := range c.routes {
		ops = append(ops, rt.opID)
		_, ok := reg.ops[rt.opID]
		switch {
		case !ok && !isStream(rt.opID):
			t.Errorf("operation %s (%s) has no handler", rt.opID, rt.key)
		case ok && isStream(rt.opID):
			t.Errorf("operation %s (%s) is both a stream and a feature's operation", rt.opID, rt.key)
		}
	}
	sort.Strings(ops)
	sort.Strings(want)
	if !slices.Equal(ops, want) {
		t.Errorf("routes %v, the document's operations %v", ops, want)
	}
	for id := range reg.ops {
		if !slices.Contains(want, id) {
			t.Errorf("handler for %s, which the document does not have", id)
		}
	}
	for id := range streamKinds {
		if !slices.Contains(want, id) {
			t.Errorf("stream %s, which the document does not have", id)
		}
	}
}

// TestCollectRefusesTwoRegistrations checks that an operationId two features register, or
// one registered without a handler or an access, is an error, not a silent choice.
func TestCollectRefusesTwoRegistrations(t *testing.T) {
	lookup := operation{(*Server).lookupUser, reads}
	if _, err := collect([]feature{{ops: map[string]operation{"lookupUser": lookup}}, {ops: map[string]operation{"lookupUser": lookup}}}); err == nil {
		t.Error("lookupUser registered twice: no error")
	}
	if _, err := collect([]feature{{ops: map[string]operation{"lookupUser": {serve: (*Server).lookupUser}}}}); err == nil {
		t.Error("lookupUser registered without an access: no error")
	}
	r, err := collect([]feature{{ops: map[string]operation{"lookupUser": lookup}}, {ops: map[string]operation{"followUser": {(*Server).followUser, writes}}}})
	if err != nil || len(r.ops) != 2 {
		t.Errorf("two features, one operation each: %v, %v", r, err)
	}
}

// TestOperationsRunTogether serves reads of many features at once, beside writes to the
// same world, so that the race detector sees a handler registered as reads that changes
// the world, and a handler that takes the world's lock again under the dispatcher's
// would hang it.
func TestOperationsRunTogether(t *testing.T) {
	s := Start(t, WithoutRateLimits())
	alice, app := "Bearer "+s.UserToken(AliceID), "Bearer "+s.AppBearerToken()
	type req struct{ method, path, auth, body string }
	reads := []req{
		{"GET", "/2/users/" + JackID + "?user.fields=public_metrics,connection_status", alice, ""},
		{"GET", "/2/users/" + JackID + "/followers?max_results=100", alice, ""},
		{"GET", "/2/users/" + AliceID + "/following?user.fields=public_metrics", alice, ""},
		{"GET", "/2/users/" + AliceID + "/blocking", alice, ""},
		{"GET", "/2/users/" + AliceID + "/muting", alice, ""},
		{"GET", "/2/users/" + AliceID + "/liked_tweets?tweet.fields=public_metrics", alice, ""},
		{"GET", "/2/users/" + AliceID + "/bookmarks", alice, ""},
		{"GET", "/2/users/" + AliceID + "/timelines/reverse_chronological", alice, ""},
		{"GET", "/2/users/" + AliceID + "/mentions", alice, ""},
		{"GET", "/2/users/" + JackID + "/tweets?expansions=author_id", alice, ""},
		{"GET", "/2/tweets/" + JackPinnedTweetID + "/liking_users", alice, ""},
		{"GET", "/2/tweets/" + ConversationRootID + "?tweet.fields=public_metrics&expansions=author_id", alice, ""},
		{"GET", "/2/tweets/search/recent?query=gopher&max_results=100", app, ""},
		{"GET", "/2/tweets/counts/recent?query=gopher", app, ""},
		{"GET", "/2/tweets/search/stream/rules", app, ""},
		{"GET", "/2/lists/" + GophersListID + "/members", alice, ""},
		{"GET", "/2/dm_events", alice, ""},
		{"GET", "/2/spaces/" + LiveSpaceID, alice, ""},
	}
	writes := []req{
		{"POST", "/2/users/" + DaveID + "/following", "Bearer " + s.UserToken(DaveID), `{"target_user_id":"` + XDevelopersID + `"}`},
		{"DELETE", "/2/users/" + DaveID + "/following/" + XDevelopersID, "Bearer " + s.UserToken(DaveID), ""},
		{"POST", "/2/users/" + AliceID + "/likes", alice, `{"tweet_id":"` + JackPinnedTweetID + `"}`},
		{"DELETE", "/2/users/" + AliceID + "/likes/" + JackPinnedTweetID, alice, ""},
		{"POST", "/2/users/" + AliceID + "/bookmarks", alice, `{"tweet_id":"` + JackPinnedTweetID + `"}`},
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr}
	do := func(r req) error {
		var body io.Reader
		if r.body != "" {
			body = strings.NewReader(r.body)
		}
		hr, err := http.NewRequest(r.method, s.URL()+r.path, body)
		if err != nil {
			return err
		}
		hr.Header.Set("Authorization", r.auth)
		if r.body != "" {
			hr.Header.Set("Content-Type", "application/json")
		}
		res, err := hc.Do(hr)
		if err != nil {
			return err
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		if res.StatusCode/100 != 2 {
			return fmt.Errorf("%s %s: status %d: %s", r.method, r.path, res.StatusCode, raw)
		}
		return nil
	}
	const rounds = 3
	errs := make(chan error, 4*rounds*len(reads)+rounds*(len(writes)+1))
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				for _, r := range reads {
					errs <- do(r)
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < rounds; i++ {
			for _, r := range writes {
				errs <- do(r)
			}
			errs <- do(req{"POST", "/2/tweets", alice, fmt.Sprintf(`{"text":"said while others read, %d"}`, i)})
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := len(s.World().FollowingIDs(DaveID)); got != 4 {
		t.Errorf("Dave follows %d accounts after following and unfollowing XDevelopers %d times, want his 4", got, rounds)
	}
}

func TestCloseIsIdempotentAndRefuses(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	url := s.URL()
	s.Close()
	s.Close()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	if _, err := (&http.Client{Transport: tr}).Get(url + "/2/openapi.json"); err == nil {
		t.Error("closed server still answers")
	}
}

func TestServersAreIndependent(t *testing.T) {
	a, b := Start(t), Start(t)
	ca, cb := newTC(t, a), newTC(t, b)
	ca.do("POST", "/2/users/"+DaveID+"/following", a.UserToken(DaveID), map[string]string{"target_user_id": ErinID})
	ca.do("DELETE", "/2/users/"+AliceID+"/following/"+JackID, a.UserToken(AliceID), nil)
	if got := len(b.World().FollowingIDs(AliceID)); got != 4 {
		t.Errorf("b saw a's unfollow: %d", got)
	}
	r := cb.get("/2/users/"+JackID+"?user.fields=public_metrics", cb.app())
	if r.num("data", "public_metrics", "followers_count") != JackFollowerCount {
		t.Errorf("b: %s", r.raw)
	}
}

func BenchmarkStart(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s, err := New()
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func benchLookup(b *testing.B, opts ...Option) {
	s := Start(b, append(opts, WithoutRateLimits())...)
	c := newTC(b, s)
	path := "/2/tweets/search/recent?query=gopher&max_results=100&tweet.fields=created_at,author_id,public_metrics,entities&expansions=author_id"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := c.get(path, c.app())
		if r.status != 200 {
			b.Fatal(r.status)
		}
	}
}

func BenchmarkSearchPage(b *testing.B)             { benchLookup(b) }
func BenchmarkSearchPageNoValidation(b *testing.B) { benchLookup(b, WithoutResponseValidation()) }
