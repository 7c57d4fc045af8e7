package twitter

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/twitterkit/go/gen"
)

// A rule deleted by someone else between the list and the delete: Sync reports what it
// deleted and the problem, and does not go on to the add.
func TestRulesSyncReportsAPartialDelete(t *testing.T) {
	var posts atomic.Int32
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			fmt.Fprint(w, `{"data":[{"id":"11","value":"old one"},{"id":"12","value":"old two"}],"meta":{"sent":"2026-11-27T00:00:00Z","result_count":2}}`)
			return
		}
		posts.Add(1)
		body, _ := io.ReadAll(r.Body)
		if !strings.Contains(string(body), `"ids":["11","12"]`) {
			t.Errorf("delete body %s", body)
		}
		fmt.Fprint(w, `{"meta":{"sent":"2026-11-27T00:00:00Z","summary":{"deleted":1,"not_deleted":1}},"errors":[{"id":"12","title":"Invalid Request","type":"https://api.x.com/2/problems/invalid-request","detail":"Rule does not exist"}]}`)
	})
	res, err := c.Rules.Sync(context.Background(), []gen.RuleNoID{{Value: "new"}}, nil)
	e, ok := asError(err)
	if !ok || e.StatusCode != 200 || !e.HasProblem(ProblemInvalidRequest) || !strings.Contains(err.Error(), "Rule does not exist") {
		t.Fatalf("err = %v", err)
	}
	if len(res.Deleted) != 1 || res.Deleted[0].ID != "11" || len(res.Added) != 0 || posts.Load() != 1 {
		t.Errorf("res %+v, posts %d", res, posts.Load())
	}
}

func TestRulesSyncFollowsListPages(t *testing.T) {
	var gets atomic.Int32
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			t.Errorf("%s sent: nothing differs", r.Method)
			return
		}
		gets.Add(1)
		if r.URL.Query().Get("max_results") != "1000" {
			t.Errorf("query %v", r.URL.Query())
		}
		if r.URL.Query().Get("pagination_token") == "" {
			fmt.Fprint(w, `{"data":[{"id":"1","value":"a"}],"meta":{"result_count":1,"next_token":"aaaaaaaaaaaaaaaa"}}`)
			return
		}
		fmt.Fprint(w, `{"data":[{"id":"2","value":"b","tag":"t"}],"meta":{"result_count":1}}`)
	})
	tag := "t"
	res, err := c.Rules.Sync(context.Background(), []gen.RuleNoID{{Value: "a"}, {Value: "b", Tag: tag}}, nil)
	if err != nil || res.Changed() || len(res.Kept) != 2 || gets.Load() != 2 {
		t.Fatalf("res %+v, err %v, gets %d", res, err, gets.Load())
	}
}
