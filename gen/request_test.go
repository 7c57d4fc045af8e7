package gen_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

const server = "https://api.x.com"

func ptr[T any](v T) *T { return &v }

// Each generated request builder must produce the exact URL a real call needs: commas between
// list items left as they are, field names with their dots, path parameters escaped.
func TestRequestBuildersProduceRealURLs(t *testing.T) {
	tests := []struct {
		name       string
		build      func() (*http.Request, error)
		method     string
		path       string
		rawQuery   string
		wantHeader string // Content-Type for requests with a body
	}{
		{
			name: "lookup users with fields",
			build: func() (*http.Request, error) {
				return gen.NewLookupUsersRequest(server, &gen.LookupUsersParams{
					Ids:        []gen.UserID{"2244994945", "783214"},
					UserFields: &gen.UserFields{gen.UserFieldCreatedAt, gen.UserFieldDescription},
				})
			},
			method: "GET", path: "/2/users",
			rawQuery: "ids=2244994945,783214&user.fields=created_at,description",
		},
		{
			name: "tweet lookup with expansions",
			build: func() (*http.Request, error) {
				return gen.NewLookupTweetsRequest(server, &gen.LookupTweetsParams{
					Ids:         []gen.TweetID{"1", "2"},
					TweetFields: &gen.TweetFields{gen.TweetFieldAuthorID, gen.TweetFieldPublicMetrics},
					Expansions:  &gen.TweetExpansions{gen.TweetExpansionAuthorID, gen.TweetExpansionReferencedTweetsIDAuthorID},
					MediaFields: &gen.MediaFields{gen.MediaFieldURL},
				})
			},
			method: "GET", path: "/2/tweets",
			rawQuery: "ids=1,2&tweet.fields=author_id,public_metrics&expansions=author_id,referenced_tweets.id.author_id&media.fields=url",
		},
		{
			name: "user by username",
			build: func() (*http.Request, error) {
				return gen.NewLookupUserByUsernameRequest(server, "XDevelopers", nil)
			},
			method: "GET", path: "/2/users/by/username/XDevelopers",
		},
		{
			name: "a path parameter that needs escaping",
			build: func() (*http.Request, error) {
				return gen.NewLookupUserByUsernameRequest(server, "a/b c?d#é", nil)
			},
			method: "GET", path: "/2/users/by/username/a%2Fb%20c%3Fd%23%C3%A9",
		},
		{
			name: "a path parameter of a named type, escaped",
			build: func() (*http.Request, error) {
				return gen.NewGetAccountActivitySubscriptionRequest(server, gen.WebhookIDPath("1 2"))
			},
			method: "GET", path: "/2/account_activity/webhooks/1%202/subscriptions/all",
		},
		{
			name: "recent search with a query that needs escaping",
			build: func() (*http.Request, error) {
				return gen.NewSearchRecentTweetsRequest(server, &gen.SearchRecentTweetsParams{
					Query:      "from:XDevelopers -is:retweet #go",
					MaxResults: ptr[int32](100),
					NextToken:  ptr("b26v89c19zqg8o3fo"),
				})
			},
			method: "GET", path: "/2/tweets/search/recent",
			rawQuery: "max_results=100&next_token=b26v89c19zqg8o3fo&query=from%3AXDevelopers+-is%3Aretweet+%23go",
		},
		{
			name: "counts with granularity",
			build: func() (*http.Request, error) {
				return gen.NewCountRecentTweetsRequest(server, &gen.CountRecentTweetsParams{
					Query: "golang", Granularity: ptr(gen.GranularityDay),
				})
			},
			method: "GET", path: "/2/tweets/counts/recent",
			rawQuery: "granularity=day&query=golang",
		},
		{
			name: "followers page",
			build: func() (*http.Request, error) {
				return gen.NewListFollowersRequest(server, "2244994945", &gen.ListFollowersParams{
					MaxResults: ptr[int32](1000), PaginationToken: ptr("DFEDBNRFT3MHCZZZ"),
				})
			},
			method: "GET", path: "/2/users/2244994945/followers",
			rawQuery: "max_results=1000&pagination_token=DFEDBNRFT3MHCZZZ",
		},
		{
			name: "user timeline excluding replies and retweets",
			build: func() (*http.Request, error) {
				return gen.NewListUserTweetsRequest(server, "2244994945", &gen.ListUserTweetsParams{
					Exclude: &[]gen.ListUserTweetsParamsExclude{gen.ListUserTweetsParamsExcludeReplies, gen.ListUserTweetsParamsExcludeRetweets},
				})
			},
			method: "GET", path: "/2/users/2244994945/tweets",
			rawQuery: "exclude=replies,retweets",
		},
		{
			name: "spaces by creators",
			build: func() (*http.Request, error) {
				return gen.NewLookupSpacesByCreatorsRequest(server, &gen.LookupSpacesByCreatorsParams{
					UserIds: []gen.UserID{"1", "2", "3"},
				})
			},
			method: "GET", path: "/2/spaces/by/creator_ids",
			rawQuery: "user_ids=1,2,3",
		},
		{
			name: "follow",
			build: func() (*http.Request, error) {
				return gen.NewFollowUserRequest(server, "1", gen.FollowUserJSONRequestBody{TargetUserID: "2"})
			},
			method: "POST", path: "/2/users/1/following", wantHeader: "application/json",
		},
		{
			name:   "unfollow",
			build:  func() (*http.Request, error) { return gen.NewUnfollowUserRequest(server, "1", "2") },
			method: "DELETE", path: "/2/users/1/following/2",
		},
		{
			name:   "unblock",
			build:  func() (*http.Request, error) { return gen.NewUnblockUserRequest(server, "1", "2") },
			method: "DELETE", path: "/2/users/1/blocking/2",
		},
		{
			name: "hide reply",
			build: func() (*http.Request, error) {
				return gen.NewHideReplyRequest(server, "99", gen.HideReplyJSONRequestBody{Hidden: true})
			},
			method: "PUT", path: "/2/tweets/99/hidden", wantHeader: "application/json",
		},
		{
			name: "rules dry run",
			build: func() (*http.Request, error) {
				var body gen.AddOrDeleteRulesRequest
				if err := body.FromAddRulesRequest(gen.AddRulesRequest{Add: []gen.RuleNoID{{Value: "cat has:media"}}}); err != nil {
					return nil, err
				}
				return gen.NewChangeStreamRulesRequest(server, &gen.ChangeStreamRulesParams{DryRun: ptr(true)}, body)
			},
			method: "POST", path: "/2/tweets/search/stream/rules", rawQuery: "dry_run=true", wantHeader: "application/json",
		},
		{
			name: "post a reply with a poll",
			build: func() (*http.Request, error) {
				return gen.NewCreateTweetRequest(server, gen.CreateTweetJSONRequestBody{
					Text:  "Which?",
					Reply: gen.TweetCreateRequestReply{InReplyToTweetID: "1"},
					Poll:  gen.TweetCreateRequestPoll{DurationMinutes: 60, Options: []string{"a", "b"}},
				})
			},
			method: "POST", path: "/2/tweets", wantHeader: "application/json",
		},
		{
			name: "media upload status",
			build: func() (*http.Request, error) {
				return gen.NewGetMediaUploadStatusRequest(server, &gen.GetMediaUploadStatusParams{
					MediaID: "1146654567674912769", Command: ptr(gen.GetMediaUploadStatusParamsCommandSTATUS),
				})
			},
			method: "GET", path: "/2/media/upload", rawQuery: "command=STATUS&media_id=1146654567674912769",
		},
		{
			name: "direct-message events of a conversation",
			build: func() (*http.Request, error) {
				return gen.NewListDMConversationEventsRequest(server, "123-456", &gen.ListDMConversationEventsParams{
					EventTypes: &[]gen.ListDMConversationEventsParamsEventTypes{gen.ListDMConversationEventsParamsEventTypesMessageCreate},
				})
			},
			method: "GET", path: "/2/dm_conversations/123-456/dm_events", rawQuery: "event_types=MessageCreate",
		},
		{
			name: "compliance jobs",
			build: func() (*http.Request, error) {
				return gen.NewListComplianceJobsRequest(server, &gen.ListComplianceJobsParams{
					Type: gen.ListComplianceJobsParamsTypeTweets, Status: ptr(gen.ListComplianceJobsParamsStatusComplete),
				})
			},
			method: "GET", path: "/2/compliance/jobs", rawQuery: "status=complete&type=tweets",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := tc.build()
			if err != nil {
				t.Fatal(err)
			}
			if req.Method != tc.method {
				t.Errorf("method = %s, want %s", req.Method, tc.method)
			}
			if req.URL.Host != "api.x.com" || req.URL.EscapedPath() != tc.path {
				t.Errorf("URL = %s, want host api.x.com and path %s", req.URL, tc.path)
			}
			if got := sortedQuery(req.URL.RawQuery); got != sortedQuery(tc.rawQuery) {
				t.Errorf("query = %s, want %s", req.URL.RawQuery, tc.rawQuery)
			}
			if got := req.Header.Get("Content-Type"); got != tc.wantHeader {
				t.Errorf("Content-Type = %q, want %q", got, tc.wantHeader)
			}
		})
	}
}

// Optional parameters are pointers (the document says x-go-type-skip-optional-pointer: false
// for each, against the values-not-pointers default of gen/oapi-codegen.yaml): unset, they
// stay out of the URL instead of going out as zero values.
func TestUnsetOptionalParametersAreLeftOut(t *testing.T) {
	req, err := gen.NewSearchRecentTweetsRequest(server, &gen.SearchRecentTweetsParams{Query: "golang"})
	if err != nil {
		t.Fatal(err)
	}
	if req.URL.RawQuery != "query=golang" {
		t.Errorf("query = %s, want only query=golang", req.URL.RawQuery)
	}
	req, err = gen.NewListFollowersRequest(server, "84839422", &gen.ListFollowersParams{MaxResults: ptr[int32](0)})
	if err != nil {
		t.Fatal(err)
	}
	if req.URL.RawQuery != "max_results=0" {
		t.Errorf("query = %s, want max_results=0 (a set zero is sent)", req.URL.RawQuery)
	}
}

// A List update can send the zero values that matter: "" clears the description, false makes
// the List public. Other request bodies leave zero-valued optional members out.
func TestRequestBodiesSendWhatIsSet(t *testing.T) {
	body := func(v any) string {
		t.Helper()
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got, want := body(gen.ListUpdateRequest{Description: ptr(""), Private: ptr(false)}), `{"description":"","private":false}`; got != want {
		t.Errorf("list update = %s, want %s", got, want)
	}
	if got, want := body(gen.TweetCreateRequest{Text: "hi"}), `{"text":"hi"}`; got != want {
		t.Errorf("tweet = %s, want %s", got, want)
	}
	if got, want := body(gen.TweetCreateRequest{Text: "hi", Nullcast: true, Reply: gen.TweetCreateRequestReply{InReplyToTweetID: "1"}}),
		`{"nullcast":true,"reply":{"in_reply_to_tweet_id":"1"},"text":"hi"}`; got != want {
		t.Errorf("tweet = %s, want %s", got, want)
	}
}

// sortedQuery puts the parameters in a fixed order without decoding them, so the test compares
// the bytes that go on the wire.
func sortedQuery(q string) string {
	if q == "" {
		return ""
	}
	parts := strings.Split(q, "&")
	for i := 1; i < len(parts); i++ {
		for j := i; j > 0 && parts[j] < parts[j-1]; j-- {
			parts[j], parts[j-1] = parts[j-1], parts[j]
		}
	}
	return strings.Join(parts, "&")
}

func TestRequestEditorsApply(t *testing.T) {
	var seen string
	c, err := gen.NewClient(server, gen.WithHTTPClient(doerFunc(func(r *http.Request) (*http.Response, error) {
		seen = r.Header.Get("Authorization")
		return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
	})))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.LookupUser(context.Background(), "1", nil, func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer x")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if seen != "Bearer x" {
		t.Errorf("editor not applied: Authorization = %q", seen)
	}
}

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }
