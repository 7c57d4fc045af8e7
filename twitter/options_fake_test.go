package twitter_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"

	"golang.org/x/oauth2"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx/jsonxtest"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/openapi"
	"github.com/twitterkit/go/twitter"
)

// recorder keeps the body of the last response that went through it.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	last []byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.last = body
	r.mu.Unlock()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

func (r *recorder) body() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

// allValues lists every value of a field-list enum of the API document, so a request can
// ask for every field there is.
func allValues[T ~string](t *testing.T, schema string) []T {
	t.Helper()
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Components.Schemas[schema]
	if s == nil || len(s.Value.Enum) == 0 {
		t.Fatalf("schema %s has no enum", schema)
	}
	out := make([]T, 0, len(s.Value.Enum))
	for _, v := range s.Value.Enum {
		out = append(out, T(v.(string)))
	}
	return out
}

// TestFastDecoderMatchesStandardOnEveryResponse sends every read operation with every
// field and expansion, plus failures and partial errors, and checks that each body the
// fake server sent decodes to exactly the same Go value through the fast decoder the
// client uses and through encoding/json (a differential test, on real traffic).
func TestFastDecoderMatchesStandardOnEveryResponse(t *testing.T) {
	s := fake(t, testserver.WithInvalidRequestsAllowed())
	rec := &recorder{next: &http.Transport{}}
	t.Cleanup(rec.next.(*http.Transport).CloseIdleConnections)
	app, user := readClients(t, s, rec)
	for name, call := range readCalls(t, app, user) {
		t.Run(name, func(t *testing.T) {
			res, err := call()
			body := rec.body()
			if len(body) == 0 {
				t.Fatalf("no body recorded (err %v)", err)
			}
			// The body decodes identically into the call's own result type...
			typ := reflect.TypeOf(res)
			if typ.Kind() == reflect.Pointer {
				jsonxtest.Compare(t, body, func() any { return reflect.New(typ.Elem()).Interface() })
			}
			// ...into a problem, as the error path reads it, and into any.
			jsonxtest.Compare(t, body, func() any { return new(gen.Problem) })
			jsonxtest.Compare(t, body, func() any { return new(any) })
		})
	}
}

// readClients are the clients readCalls takes: app-only, and Jack's, without retries, on
// transport rt.
func readClients(t *testing.T, s *testserver.Server, rt http.RoundTripper) (app, user *twitter.Client) {
	t.Helper()
	client := func(auth twitter.Option) *twitter.Client {
		c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), auth,
			twitter.WithHTTPClient(&http.Client{Transport: rt}), twitter.WithRetryPolicy(twitter.NoRetries()))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	return client(twitter.WithBearerToken(s.AppBearerToken())),
		client(twitter.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: s.UserToken(testserver.JackID), TokenType: "bearer"})))
}

// readCalls is a call of every read operation with every field and expansion the document
// lists, and failures and partial errors, by an app-only client and a user client (Jack)
// of one fake server: a corpus of real traffic for the tests that hold the decoding of
// every answer.
func readCalls(t *testing.T, app, user *twitter.Client) map[string]func() (any, error) {
	tweetOpts := twitter.TweetOptions{
		TweetFields: allValues[gen.TweetField](t, "TweetField"),
		Expansions:  allValues[gen.TweetExpansion](t, "TweetExpansion"),
		MediaFields: allValues[gen.MediaField](t, "MediaField"),
		PollFields:  allValues[gen.PollField](t, "PollField"),
		UserFields:  allValues[gen.UserField](t, "UserField"),
		PlaceFields: allValues[gen.PlaceField](t, "PlaceField"),
	}
	userOpts := twitter.UserOptions{
		UserFields:  allValues[gen.UserField](t, "UserField"),
		Expansions:  allValues[gen.UserExpansion](t, "UserExpansion"),
		TweetFields: allValues[gen.TweetField](t, "TweetField"),
	}
	spaceOpts := twitter.SpaceOptions{
		SpaceFields: allValues[gen.SpaceField](t, "SpaceField"),
		Expansions:  allValues[gen.SpaceExpansion](t, "SpaceExpansion"),
		UserFields:  allValues[gen.UserField](t, "UserField"),
		TopicFields: allValues[gen.TopicField](t, "TopicField"),
	}
	page := twitter.PageOptions{MaxResults: 100}
	jack, ctx := testserver.JackID, context.Background()
	special := []string{testserver.MediaTweetID, testserver.PollTweetID, testserver.PlaceTweetID, testserver.QuoteTweetID,
		testserver.RetweetID, testserver.ReplyID, testserver.ProtectedTweetID, testserver.NonexistentID}

	return map[string]func() (any, error){
		"Tweets.Lookup (partial errors)": func() (any, error) {
			r, _, err := user.Tweets.Lookup(ctx, special, &tweetOpts)
			return r, err
		},
		"Tweets.ByID": func() (any, error) {
			r, _, err := user.Tweets.ByID(ctx, testserver.MediaTweetID, &tweetOpts)
			return r, err
		},
		"Tweets.ByID (not found)": func() (any, error) {
			r, _, err := user.Tweets.ByID(ctx, testserver.NonexistentID, &tweetOpts)
			return r, err
		},
		"Tweets.SearchRecent": func() (any, error) {
			r, _, err := app.Tweets.SearchRecent(ctx, testserver.SearchThousandQuery, &twitter.SearchOptions{TweetOptions: tweetOpts, MaxResults: 100})
			return r, err
		},
		"Tweets.SearchAll": func() (any, error) {
			r, _, err := app.Tweets.SearchAll(ctx, "from:XDevelopers", &twitter.SearchOptions{TweetOptions: tweetOpts, MaxResults: 500})
			return r, err
		},
		"Tweets.CountRecent": func() (any, error) {
			r, _, err := app.Tweets.CountRecent(ctx, testserver.SearchThousandQuery, &twitter.CountOptions{Granularity: gen.GranularityHour,
				StartTime: testserver.SeedTime.AddDate(0, 0, -6), EndTime: testserver.SeedTime, SearchCountFields: allValues[gen.SearchCountField](t, "SearchCountField")})
			return r, err
		},
		"Tweets.UserTimeline": func() (any, error) {
			r, _, err := user.Tweets.UserTimeline(ctx, testserver.XDevelopersID, &twitter.TimelineOptions{TweetOptions: tweetOpts, PageOptions: page})
			return r, err
		},
		"Tweets.Mentions": func() (any, error) {
			r, _, err := user.Tweets.Mentions(ctx, jack, &twitter.TimelineOptions{TweetOptions: tweetOpts, PageOptions: page})
			return r, err
		},
		"Tweets.LikedTweets": func() (any, error) {
			r, _, err := user.Tweets.LikedTweets(ctx, jack, &twitter.LikedTweetsOptions{TweetOptions: tweetOpts, PageOptions: page})
			return r, err
		},
		"Tweets.LikingUsers": func() (any, error) {
			r, _, err := user.Tweets.LikingUsers(ctx, testserver.JackPinnedTweetID, &twitter.UserListOptions{UserOptions: userOpts, PageOptions: page})
			return r, err
		},
		"Users.Lookup (partial errors)": func() (any, error) {
			r, _, err := user.Users.Lookup(ctx, []string{jack, testserver.AliceID, testserver.ErinID, testserver.NonexistentID}, &userOpts)
			return r, err
		},
		"Users.ByUsername": func() (any, error) { r, _, err := user.Users.ByUsername(ctx, "jack", &userOpts); return r, err },
		"Users.Followers": func() (any, error) {
			r, _, err := user.Users.Followers(ctx, jack, &twitter.UserListOptions{UserOptions: userOpts, PageOptions: twitter.PageOptions{MaxResults: 1000}})
			return r, err
		},
		"Users.Blocking": func() (any, error) {
			r, _, err := user.Users.Blocking(ctx, jack, &twitter.UserListOptions{UserOptions: userOpts})
			return r, err
		},
		"Users.Follow": func() (any, error) { r, _, err := user.Users.Follow(ctx, jack, testserver.ErinID); return r, err },
		"Users.Follow (app-only: 403 problem)": func() (any, error) {
			r, _, err := app.Users.Follow(ctx, jack, testserver.AliceID)
			return r, err
		},
		"Spaces.Lookup": func() (any, error) {
			r, _, err := user.Spaces.Lookup(ctx, []string{testserver.LiveSpaceID, testserver.ScheduledSpaceID, testserver.EndedSpaceID}, &spaceOpts)
			return r, err
		},
		"Spaces.Search": func() (any, error) {
			r, _, err := user.Spaces.Search(ctx, "a", &twitter.SpaceSearchOptions{SpaceOptions: spaceOpts})
			return r, err
		},
		"Rules.List": func() (any, error) { r, _, err := app.Rules.List(ctx, nil); return r, err },
		"Rules.Add (dry run)": func() (any, error) {
			r, _, err := app.Rules.Add(ctx, []gen.RuleNoID{{Value: "cats has:media"}}, &twitter.RuleChangeOptions{DryRun: true})
			return r, err
		},
		"Compliance.Jobs": func() (any, error) {
			r, _, err := app.Compliance.Jobs(ctx, gen.ListComplianceJobsParamsTypeTweets,
				&twitter.ComplianceJobsOptions{ComplianceJobFields: allValues[gen.ComplianceJobField](t, "ComplianceJobField")})
			return r, err
		},
		"Tweets.SearchRecent (400 problem)": func() (any, error) {
			r, _, err := app.Tweets.SearchRecent(ctx, "(unbalanced", nil)
			return r, err
		},
	}
}
