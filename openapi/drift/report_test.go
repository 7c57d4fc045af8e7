package drift_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"
)

func TestWriteText(t *testing.T) {
	ours := withStated(`
- fact: "GET /2/tweets/{}: expansions lacks values ['username']"
  why: "evidence: the field guide"
`)
	r := compare(t, ours, func(theirs *openapi3.T) {
		items := param(t, lookup(theirs), "expansions").Schema.Value.Items.Value
		items.Enum = append(items.Enum, "username")
		tf := param(t, lookup(theirs), "tweet.fields").Schema.Value.Items.Value
		tf.Enum = append(tf.Enum, "card_uri", "article")
		param(t, lookup(theirs), "tweet.fields").Name = "post.fields"
	})
	r.Ours.Name, r.Theirs.Name = "ours.yaml", "https://api.x.com/2/openapi.json"
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `ours:   ours.yaml 1 (2 operations)
theirs: https://api.x.com/2/openapi.json 1 (2 operations)

drift: in X's document, not in ours:
  GET /2/tweets/{}: tweet.fields lacks values ['article', 'card_uri']

stated in our document on purpose:
  GET /2/tweets/{}: expansions lacks values ['username']
      why: evidence: the field guide

renamed by X (ours keeps the tweet names real responses carry):
  GET /2/tweets/{}: query parameter tweet.fields is post.fields in X's document

operations_ours=2 operations_theirs=2 operations_shared=2 drift=2 stated=1 renames=1 stale_statements=0
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
}

func TestWriteJSON(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) { theirs.Paths.Delete("/2/tweets") })
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Shared      int `json:"shared_operations"`
		Drift       int `json:"drift"`
		Differences []struct {
			Kind, Side, Subject, Fact string
			Stated                    bool
		} `json:"differences"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v in %s", err, b.String())
	}
	if got.Shared != 1 || got.Drift != 1 || len(got.Differences) != 1 {
		t.Fatalf("got %+v", got)
	}
	d := got.Differences[0]
	if d.Kind != "operation-extra" || d.Side != "ours" || d.Subject != "POST /2/tweets" || d.Fact != "POST /2/tweets: not an operation of the published API" || d.Stated {
		t.Errorf("difference = %+v", d)
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteTextReportsWriteError(t *testing.T) {
	r := compare(t, base, func(*openapi3.T) {})
	if err := r.WriteText(failingWriter{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want the write error", err)
	}
}
