package twitter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/openapi"
)

// setup starts an httptest server with the given handler and a client pointed at it, with
// retries that do not wait.
func setup(t *testing.T, h http.HandlerFunc, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	all := append([]Option{
		WithBaseURL(srv.URL),
		WithBearerToken("test-token"),
		WithRetryPolicy(&Backoff{Initial: time.Millisecond, Max: 2 * time.Millisecond}),
	}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewClientValidatesOptions(t *testing.T) {
	for _, opt := range []Option{
		WithBaseURL("not a url"), WithBaseURL("ftp://x"), WithHTTPClient(nil), WithUserAgent(""),
		WithRetryPolicy(nil), WithRateLimitWait(0), WithLogger(nil), WithBearerToken(""),
	} {
		if _, err := NewClient(opt); err == nil {
			t.Errorf("option %p accepted a bad value", opt)
		}
	}
}

func TestClientNeverPrintsSecrets(t *testing.T) {
	c, err := NewClient(WithBearerToken("s3cr3t-token"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprint(c.cfg.auth)} {
		if strings.Contains(s, "s3cr3t") {
			t.Errorf("secret printed: %s", s)
		}
	}
}

func TestByUsernameSendsAuthAndDecodes(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("Authorization = %q", got)
		}
		if r.URL.Path != "/2/users/by/username/XDevelopers" || r.URL.RawQuery != "user.fields=created_at,description" {
			t.Errorf("request = %s", r.URL)
		}
		w.Header().Set("x-rate-limit-limit", "900")
		w.Header().Set("x-rate-limit-remaining", "899")
		w.Header().Set("x-rate-limit-reset", "1700000000")
		fmt.Fprint(w, `{"data":{"id":"2244994945","name":"Developers","username":"XDevelopers"}}`)
	})
	res, resp, err := c.Users.ByUsername(context.Background(), "XDevelopers", &UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldDescription}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Username != "XDevelopers" {
		t.Errorf("username = %q", res.Data.Username)
	}
	if resp.RateLimit.Remaining != 899 || resp.RateLimit.Reset.Unix() != 1700000000 {
		t.Errorf("rate limit = %+v", resp.RateLimit)
	}
	if rl, ok := c.RateLimit("GET /2/users/by/username/{username}"); !ok || rl.Limit != 900 {
		t.Errorf("client rate limit = %+v, %v", rl, ok)
	}
}

func TestHTMLErrorPageBecomesError(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
	}, WithRetryPolicy(NoRetries()))
	_, _, err := c.Users.ByUsername(context.Background(), "x", nil)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 502 || !strings.Contains(e.Body, "502 Bad Gateway") {
		t.Fatalf("err = %v", err)
	}
	if !IsServerError(err) {
		t.Error("IsServerError = false")
	}
}

type idleCounter struct {
	http.RoundTripper
	closed int
}

func (c *idleCounter) CloseIdleConnections() { c.closed++ }

func TestCloseIdleConnectionsReachesTheTransport(t *testing.T) {
	for _, auth := range []Option{nil, WithBearerToken("x")} {
		tr := &idleCounter{RoundTripper: http.DefaultTransport}
		c, err := NewClient(WithHTTPClient(&http.Client{Transport: tr}), auth)
		if err != nil {
			t.Fatal(err)
		}
		c.HTTPClient().CloseIdleConnections()
		if tr.closed != 1 {
			t.Errorf("auth %v: CloseIdleConnections reached the transport %d times, want 1", auth != nil, tr.closed)
		}
	}
}

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
	c, err := NewClient(WithBaseURL(ts.URL), WithHTTPClient(ts.Client()))
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
