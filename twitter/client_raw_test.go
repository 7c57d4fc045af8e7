package twitter_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strconv"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/openapi"
	"github.com/twitterkit/go/twitter"
)

// rawCase is one operation of the raw client: how to call it, how to parse its answer, and a
// success body of its shape.
type rawCase struct {
	op      string
	call    func(context.Context, *gen.Client) (*http.Response, error)
	parse   func(*http.Response) (any, error)
	success string
}

func parsed[T any](f func(*http.Response) (*T, error)) func(*http.Response) (any, error) {
	return func(r *http.Response) (any, error) { return f(r) }
}

var rawCases = []rawCase{
	{"lookupTweet", func(ctx context.Context, c *gen.Client) (*http.Response, error) {
		return c.LookupTweet(ctx, "20", nil)
	}, parsed(gen.ParseLookupTweetResult), `{"data":{"id":"20","text":"just setting up my twttr","edit_history_tweet_ids":["20"]}}`},
	{"searchRecentTweets", func(ctx context.Context, c *gen.Client) (*http.Response, error) {
		return c.SearchRecentTweets(ctx, &gen.SearchRecentTweetsParams{Query: "gopher"})
	}, parsed(gen.ParseSearchRecentTweetsResult), `{"data":[{"id":"20","text":"gopher","edit_history_tweet_ids":["20"]}],"meta":{"result_count":1}}`},
	{"createTweet", func(ctx context.Context, c *gen.Client) (*http.Response, error) {
		return c.CreateTweet(ctx, gen.CreateTweetJSONRequestBody{Text: "hello"})
	}, parsed(gen.ParseCreateTweetResult), `{"data":{"id":"21","text":"hello","edit_history_tweet_ids":["21"]}}`},
	{"deleteTweet", func(ctx context.Context, c *gen.Client) (*http.Response, error) {
		return c.DeleteTweet(ctx, "21")
	}, parsed(gen.ParseDeleteTweetResult), `{"data":{"deleted":true}}`},
	{"createList", func(ctx context.Context, c *gen.Client) (*http.Response, error) {
		return c.CreateList(ctx, gen.CreateListJSONRequestBody{Name: "Go"})
	}, parsed(gen.ParseCreateListResult), `{"data":{"id":"1441162269824405510","name":"Go"}}`},
}

// errorStatuses stand for the "default" response: any status the document does not list.
var errorStatuses = []int{400, 401, 403, 404, 429, 500, 503}

const problemBody = `{"title":"Not Found Error","type":"https://api.twitter.com/2/problems/resource-not-found","detail":"Could not find tweet with id: [20].","status":404}`

func TestRawClientFillsTypedResults(t *testing.T) {
	// Through Raw, every status the document lists for an operation decodes into its typed
	// field (JSON200, JSON201, JSONDefault), whether X's Content-Type has a charset or not.
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string][]string{}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			ops[op.OperationID] = append(ops[op.OperationID], sortedCodes(op.Responses.Map())...)
		}
	}
	var status int
	var contentType, body string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	defer ts.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(ts.URL), twitter.WithHTTPClient(ts.Client()))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, rc := range rawCases {
		codes := ops[rc.op]
		if len(codes) == 0 {
			t.Errorf("%s: not an operation of the document", rc.op)
			continue
		}
		for _, code := range codes {
			field, statuses, reply := "JSON"+code, []int{0}, rc.success
			if code == "default" {
				field, statuses, reply = "JSONDefault", errorStatuses, problemBody
			} else {
				statuses[0], _ = strconv.Atoi(code)
			}
			for _, st := range statuses {
				for _, ct := range []string{"application/json", "application/json; charset=utf-8"} {
					status, contentType, body = st, ct, reply
					resp, err := rc.call(ctx, c.Raw())
					if err != nil {
						t.Fatalf("%s: %v", rc.op, err)
					}
					res, err := rc.parse(resp)
					if err != nil {
						t.Errorf("%s %d %q: %v", rc.op, st, ct, err)
						continue
					}
					typed := reflect.ValueOf(res).Elem().FieldByName(field)
					if !typed.IsValid() || typed.IsNil() {
						t.Errorf("%s %d %q: %s not filled", rc.op, st, ct, field)
						continue
					}
					if code == "default" {
						p, err := typed.Interface().(*gen.HTTPErrorResponse).AsProblem()
						if err != nil || p.Title != "Not Found Error" {
							t.Errorf("%s %d %q: problem %+v, %v", rc.op, st, ct, p, err)
						}
					}
				}
			}
		}
	}
}

func sortedCodes[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
