package drift_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/twitterkit/go/openapi"
	"github.com/twitterkit/go/openapi/drift"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// anonymous is a client of srv without credentials: the document needs none.
func anonymous(t *testing.T, baseURL string) *twitter.Client {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	c, err := twitter.NewClient(twitter.WithBaseURL(baseURL), twitter.WithHTTPClient(&http.Client{Transport: tr}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestFetchFromFakeX(t *testing.T) {
	// The fake X API serves our own document: nothing differs.
	srv := twittertest.Start(t)
	theirs, err := drift.Fetch(context.Background(), anonymous(t, srv.URL()), "fake")
	if err != nil {
		t.Fatal(err)
	}
	ours, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, err := drift.Compare(ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Differences) != 0 || r.Shared != r.Ours.Operations || r.Theirs.Operations != r.Ours.Operations {
		t.Errorf("fake X's document differs from ours: %q (operations %d/%d/%d)", facts(r), r.Ours.Operations, r.Theirs.Operations, r.Shared)
	}
}

func TestFetchRejectsWhatIsNotADocument(t *testing.T) {
	for name, body := range map[string]string{
		"HTML page":   "<html><body>maintenance</body></html>",
		"JSON array":  "[]",
		"no paths":    `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{}}`,
		"cut short":   `{"openapi":"3.0.3","paths":{"/2/tweets":`,
		"not OpenAPI": `{"hello":"world"}`,
	} {
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/2/openapi.json" {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(body))
		}))
		_, err := drift.Fetch(context.Background(), anonymous(t, ts.URL), "test host")
		ts.Close()
		if err == nil || !strings.Contains(err.Error(), "test host") {
			t.Errorf("%s: err = %v, want an error naming the source", name, err)
		}
	}
}
