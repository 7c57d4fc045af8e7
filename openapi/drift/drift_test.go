package drift_test

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/openapi"
	"github.com/twitterkit/go/openapi/drift"
)

// base is a small document in the shape of ours: a Tweet lookup with field and expansion
// parameters, a Tweet creation with a body, and the Tweet object. Tests alter copies of it.
const base = `
openapi: 3.0.3
info: {title: drift test, version: "1"}
paths:
  /2/tweets/{id}:
    parameters:
    - {name: id, in: path, required: true, schema: {type: string}}
    get:
      operationId: findTweetById
      parameters:
      - name: tweet.fields
        in: query
        style: form
        explode: false
        schema: {type: array, items: {type: string, enum: [id, note_tweet, text]}}
      - name: expansions
        in: query
        style: form
        explode: false
        schema: {type: array, items: {type: string, enum: [author_id]}}
      responses:
        "200":
          description: The Tweet.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {$ref: '#/components/schemas/Tweet'}
                  errors: {type: array, items: {type: object}}
  /2/tweets:
    post:
      operationId: createTweet
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                text: {type: string}
                reply_settings: {type: string, enum: [following, mentionedUsers]}
      responses:
        "201":
          description: The new Tweet.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data:
                    type: object
                    properties: {id: {type: string}, text: {type: string}}
components:
  schemas:
    Tweet:
      type: object
      required: [id, text]
      properties:
        id: {type: string}
        text: {type: string}
        note_tweet: {type: object, properties: {text: {type: string}}}
        reply_settings: {type: string, enum: [everyone, following]}
`

// parse reads a document of a test.
func parse(t *testing.T, text string) *openapi3.T {
	t.Helper()
	doc, err := drift.Parse("test document", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// compare holds ours against a copy of base changed by alter, and returns the report.
func compare(t *testing.T, ours string, alter func(theirs *openapi3.T)) *drift.Report {
	t.Helper()
	theirs := parse(t, base)
	alter(theirs)
	r, err := drift.Compare(parse(t, ours), theirs)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// facts lists a report's differences as "kind: fact" lines.
func facts(r *drift.Report) []string {
	var out []string
	for _, d := range r.Differences {
		out = append(out, string(d.Kind)+": "+d.Fact)
	}
	return out
}

// wantFacts fails unless the report has exactly these differences and this much drift.
func wantFacts(t *testing.T, r *drift.Report, drift int, want ...string) {
	t.Helper()
	if diff := cmp.Diff(want, facts(r)); diff != "" {
		t.Errorf("differences (-want +got):\n%s", diff)
	}
	if r.DriftCount != drift {
		t.Errorf("drift = %d, want %d", r.DriftCount, drift)
	}
}

func TestCompareSameDocument(t *testing.T) {
	r := compare(t, base, func(*openapi3.T) {})
	wantFacts(t, r, 0)
	if r.Shared != 2 || r.Ours.Operations != 2 || r.Theirs.Operations != 2 {
		t.Errorf("operations ours %d theirs %d shared %d, want 2 2 2", r.Ours.Operations, r.Theirs.Operations, r.Shared)
	}
}

func TestCompareOurDocumentWithItself(t *testing.T) {
	ours, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := drift.Parse("twitter-v2.yaml", openapi.Document)
	if err != nil {
		t.Fatal(err)
	}
	r, err := drift.Compare(ours, theirs)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Differences) != 0 || r.DriftCount != 0 {
		t.Errorf("our document differs from itself: %q", facts(r))
	}
	if r.Ours.Operations < 100 || r.Shared != r.Ours.Operations {
		t.Errorf("operations: ours %d, shared %d", r.Ours.Operations, r.Shared)
	}
}

func TestParseRejects(t *testing.T) {
	for name, text := range map[string]string{
		"not JSON or YAML": "{\"openapi\": ",
		"an HTML page":     "<html><body>502 Bad Gateway</body></html>",
		"no paths":         "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n",
		"empty":            "",
	} {
		_, err := drift.Parse("doc.json", []byte(text))
		if err == nil || !strings.Contains(err.Error(), "doc.json") {
			t.Errorf("%s: err = %v, want an error naming the document", name, err)
		}
	}
}
