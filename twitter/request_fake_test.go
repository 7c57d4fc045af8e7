package twitter_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// Do reads with the client's auth, decodes into the caller's type, and keeps the rate
// limit it was told.
func TestDoReadsIntoTheCallersType(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	var got struct {
		Data struct {
			ID        string `json:"id"`
			Username  string `json:"username"`
			CreatedAt string `json:"created_at"`
		} `json:"data"`
		Errors []gen.Problem `json:"errors"`
	}
	resp, err := c.Do(context.Background(), http.MethodGet, "/2/users/"+testserver.JackID, url.Values{"user.fields": {"created_at"}}, nil, &got)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.World().User(testserver.JackID)
	if got.Data.ID != testserver.JackID || got.Data.Username != want.Username || got.Data.CreatedAt == "" {
		t.Errorf("decoded %+v, want @%s with created_at", got.Data, want.Username)
	}
	if resp.StatusCode != 200 || !resp.RateLimit.Known() || resp.Attempts != 1 {
		t.Errorf("response %d, rate limit %+v, %d attempts", resp.StatusCode, resp.RateLimit, resp.Attempts)
	}
	if rl, ok := c.RateLimit("GET /2/users/" + testserver.JackID); !ok || rl.Limit == 0 {
		t.Errorf("rate limit not kept: %+v, %v", rl, ok)
	}

	var raw json.RawMessage
	if _, err := c.Do(context.Background(), http.MethodGet, "/2/users/by/username/jack", nil, nil, &raw); err != nil || len(raw) == 0 || raw[0] != '{' {
		t.Errorf("into a json.RawMessage: %s, %v", raw, err)
	}
}

// Do sends a JSON body as the user, and a mutation X refuses is a typed error.
func TestDoWritesAsTheUser(t *testing.T) {
	s := fake(t)
	c := userClient(t, s, testserver.AliceID)
	ctx := context.Background()
	var liked struct {
		Data struct {
			Liked bool `json:"liked"`
		} `json:"data"`
	}
	body := map[string]string{"tweet_id": testserver.PollTweetID}
	if _, err := c.Do(ctx, http.MethodPost, "/2/users/"+testserver.AliceID+"/likes", nil, body, &liked); err != nil || !liked.Data.Liked {
		t.Fatalf("like: %+v, %v", liked, err)
	}
	if !slices.Contains(s.World().LikedTweetIDs(testserver.AliceID), testserver.PollTweetID) {
		t.Error("the world has no such like")
	}
	_, err := appClient(t, s).Do(ctx, http.MethodPost, "/2/users/"+testserver.AliceID+"/likes", nil, []byte(`{"tweet_id":"`+testserver.PollTweetID+`"}`), nil)
	wantUnsupportedAuth(t, err)
}

// Do retries a read through a 503 and returns a 404 as a *twitter.Error.
func TestDoRetriesAndTypesErrors(t *testing.T) {
	s := fake(t)
	c := retryingClient(t, s)
	ctx := context.Background()
	s.Inject("GET /2/users/{id}", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1})
	resp, err := c.Do(ctx, http.MethodGet, "/2/users/"+testserver.JackID, nil, nil, nil)
	if err != nil || resp.Attempts != 2 {
		t.Fatalf("through a 503: %v after %d attempts, want a success on the second", err, resp.Attempts)
	}
	// X answers 200 with problems for a missing user: Do hands them over, undecided.
	var missing struct {
		Errors []gen.Problem `json:"errors"`
	}
	resp, err = c.Do(ctx, http.MethodGet, "/2/users/"+testserver.NonexistentID, nil, nil, &missing)
	if err != nil || len(resp.PartialErrors) != 1 || twitter.ProblemType(resp.PartialErrors[0].Type) != twitter.ProblemResourceNotFound {
		t.Errorf("missing user: %v, partial errors %+v", err, resp.PartialErrors)
	}
	_, err = c.Do(ctx, http.MethodGet, "/2/no-such-endpoint", nil, nil, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("unknown path: %v, want a 404 *twitter.Error", err)
	}
}

func TestDoRefusesBadArguments(t *testing.T) {
	c := appClient(t, fake(t))
	ctx := context.Background()
	for _, tc := range []struct {
		method, path string
		body         any
		want         string
	}{
		{"get", "/2/users/12", nil, `twitter: Client.Do: invalid argument: method "get" is not an upper-case HTTP method`},
		{"", "/2/users/12", nil, `twitter: Client.Do: invalid argument: method "" is not an upper-case HTTP method`},
		{"GET", "2/users/12", nil, `twitter: Client.Do: invalid argument: path "2/users/12" is not an API path such as /2/users/12 (the query goes in query)`},
		{"GET", "//evil.example/2/users", nil, `twitter: Client.Do: invalid argument: path "//evil.example/2/users" is not an API path such as /2/users/12 (the query goes in query)`},
		{"GET", "/2/users?ids=1", nil, `twitter: Client.Do: invalid argument: path "/2/users?ids=1" is not an API path such as /2/users/12 (the query goes in query)`},
		{"POST", "/2/tweets", make(chan int), "twitter: Client.Do: invalid argument: body: json: unsupported type: chan int"},
	} {
		_, err := c.Do(ctx, tc.method, tc.path, nil, tc.body, nil)
		if !errors.Is(err, twitter.ErrInvalidArgument) || err.Error() != tc.want {
			t.Errorf("Do(%q, %q): %v\nwant %s", tc.method, tc.path, err, tc.want)
		}
	}
	none, err := twitter.NewClient(twitter.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := none.Do(ctx, http.MethodGet, "/2/users/12", nil, nil, nil); !errors.Is(err, twitter.ErrNoCredentials) {
		t.Errorf("without credentials: %v, want ErrNoCredentials", err)
	}
}
