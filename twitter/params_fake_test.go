package twitter_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
	"golang.org/x/oauth2"
)

// TestFakeOptionsCheckEnumValues checks, for every option struct and every kind of
// enumerated option, that a value outside the document's enum is refused before anything
// is sent, with an ErrInvalidArgument naming the option and the value, and that a value
// the document lists goes through to the fake X API, which checks it against the
// document too.
func TestFakeOptionsCheckEnumValues(t *testing.T) {
	s := fake(t)
	tr := &countingTransport{next: &http.Transport{}, n: map[string]int{}} // rules_sync_fake_test.go
	sent := func() (n int) {
		for _, k := range tr.take() {
			n += k
		}
		return n
	}
	t.Cleanup(tr.next.(*http.Transport).CloseIdleConnections)
	client := func(auth twitter.Option) *twitter.Client {
		c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), auth,
			twitter.WithHTTPClient(&http.Client{Transport: tr}), twitter.WithRetryPolicy(twitter.NoRetries()))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	app := client(twitter.WithBearerToken(s.AppBearerToken()))
	alice := client(twitter.WithTokenSource(oauth2.StaticTokenSource(
		&oauth2.Token{AccessToken: s.UserToken(testserver.AliceID), TokenType: "bearer"})))
	ctx := context.Background()
	// closed discards a stream a valid call opened.
	closed := func(st interface{ Close() error }, err error) error {
		if err == nil {
			st.Close()
		}
		return err
	}
	for _, tc := range []struct {
		name, option, good string
		call               func(v string) error
	}{
		{"UserOptions", "UserFields", "created_at", func(v string) error {
			_, _, err := app.Users.ByID(ctx, testserver.JackID, &twitter.UserOptions{UserFields: []gen.UserField{gen.UserField(v)}})
			return err
		}},
		{"UserOptions of Me", "Expansions", "pinned_tweet_id", func(v string) error {
			_, _, err := alice.Users.Me(ctx, &twitter.UserOptions{Expansions: []gen.UserExpansion{gen.UserExpansion(v)}})
			return err
		}},
		{"UserListOptions", "TweetFields", "lang", func(v string) error {
			_, _, err := app.Users.Followers(ctx, testserver.JackID, &twitter.UserListOptions{
				UserOptions: twitter.UserOptions{TweetFields: []gen.TweetField{gen.TweetField(v)}}})
			return err
		}},
		{"UserSearchOptions", "UserFields", "description", func(v string) error {
			_, _, err := alice.Users.Search(ctx, "gopher", &twitter.UserSearchOptions{
				UserOptions: twitter.UserOptions{UserFields: []gen.UserField{gen.UserField(v)}}})
			return err
		}},
		{"TweetOptions", "MediaFields", "url", func(v string) error {
			_, _, err := app.Tweets.ByID(ctx, testserver.JackFirstTweetID, &twitter.TweetOptions{MediaFields: []gen.MediaField{gen.MediaField(v)}})
			return err
		}},
		{"TweetOptions of Lookup", "PlaceFields", "country", func(v string) error {
			_, _, err := app.Tweets.Lookup(ctx, []string{testserver.JackFirstTweetID}, &twitter.TweetOptions{PlaceFields: []gen.PlaceField{gen.PlaceField(v)}})
			return err
		}},
		{"TimelineOptions", "PollFields", "options", func(v string) error {
			_, _, err := app.Tweets.UserTimeline(ctx, testserver.JackID, &twitter.TimelineOptions{
				TweetOptions: twitter.TweetOptions{PollFields: []gen.PollField{gen.PollField(v)}}})
			return err
		}},
		{"SearchOptions", "Expansions", "author_id", func(v string) error {
			_, _, err := app.Tweets.SearchRecent(ctx, "gopher", &twitter.SearchOptions{
				TweetOptions: twitter.TweetOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansion(v)}}})
			return err
		}},
		{"SearchOptions sort", "SortOrder", "relevancy", func(v string) error {
			_, _, err := app.Tweets.SearchRecent(ctx, "gopher", &twitter.SearchOptions{SortOrder: gen.SearchRecentTweetsParamsSortOrder(v)})
			return err
		}},
		{"CountOptions", "SearchCountFields", "tweet_count", func(v string) error {
			_, _, err := app.Tweets.CountRecent(ctx, "gopher", &twitter.CountOptions{SearchCountFields: []gen.SearchCountField{gen.SearchCountField(v)}})
			return err
		}},
		{"CountOptions granularity", "Granularity", "day", func(v string) error {
			_, _, err := app.Tweets.CountRecent(ctx, "gopher", &twitter.CountOptions{Granularity: gen.Granularity(v)})
			return err
		}},
		{"TweetListOptions", "UserFields", "username", func(v string) error {
			_, _, err := alice.Bookmarks.List(ctx, testserver.AliceID, &twitter.TweetListOptions{
				TweetOptions: twitter.TweetOptions{UserFields: []gen.UserField{gen.UserField(v)}}})
			return err
		}},
		{"SpaceOptions", "SpaceFields", "title", func(v string) error {
			_, _, err := app.Spaces.ByID(ctx, testserver.LiveSpaceID, &twitter.SpaceOptions{SpaceFields: []gen.SpaceField{gen.SpaceField(v)}})
			return err
		}},
		{"SpaceOptions topics", "TopicFields", "name", func(v string) error {
			_, _, err := app.Spaces.Lookup(ctx, []string{testserver.LiveSpaceID}, &twitter.SpaceOptions{TopicFields: []gen.TopicField{gen.TopicField(v)}})
			return err
		}},
		{"SpaceSearchOptions", "State", "live", func(v string) error {
			_, _, err := app.Spaces.Search(ctx, "go", &twitter.SpaceSearchOptions{State: gen.SearchSpacesParamsState(v)})
			return err
		}},
		{"ListOptions", "ListFields", "owner_id", func(v string) error {
			_, _, err := app.Lists.Owned(ctx, testserver.AliceID, &twitter.ListPageOptions{
				ListOptions: twitter.ListOptions{ListFields: []gen.ListField{gen.ListField(v)}}})
			return err
		}},
		{"DMEventOptions", "DMEventFields", "text", func(v string) error {
			_, _, err := alice.DirectMessages.Events(ctx, &twitter.DMEventsOptions{
				DMEventOptions: twitter.DMEventOptions{DMEventFields: []gen.DmEventField{gen.DmEventField(v)}}})
			return err
		}},
		{"ComplianceJobsOptions", "ComplianceJobFields", "status", func(v string) error {
			_, _, err := app.Compliance.Jobs(ctx, gen.ListComplianceJobsParamsTypeTweets, &twitter.ComplianceJobsOptions{
				ComplianceJobFields: []gen.ComplianceJobField{gen.ComplianceJobField(v)}})
			return err
		}},
		{"ComplianceJobsOptions status", "Status", "complete", func(v string) error {
			_, _, err := app.Compliance.Jobs(ctx, gen.ListComplianceJobsParamsTypeTweets, &twitter.ComplianceJobsOptions{Status: gen.ListComplianceJobsParamsStatus(v)})
			return err
		}},
		{"ComplianceJobOptions", "ComplianceJobFields", "type", func(v string) error {
			_, _, err := app.Compliance.Job(ctx, testserver.SeedComplianceJobID, &twitter.ComplianceJobOptions{
				ComplianceJobFields: []gen.ComplianceJobField{gen.ComplianceJobField(v)}})
			return err
		}},
		{"StreamOptions", "TweetFields", "created_at", func(v string) error {
			return closed(app.Stream.Sample(ctx, &twitter.StreamOptions{TweetFields: []gen.TweetField{gen.TweetField(v)}}))
		}},
		{"StreamOptions of likes", "LikeFields", "created_at", func(v string) error {
			return closed(app.Stream.LikesSample10(ctx, 1, &twitter.StreamOptions{LikeFields: []gen.LikeField{gen.LikeField(v)}}))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sent()
			err := tc.call("nope")
			if !errors.Is(err, twitter.ErrInvalidArgument) || !strings.Contains(err.Error(), tc.option+` "nope" is not one of `) ||
				!strings.Contains(err.Error(), tc.good) {
				t.Errorf("err = %v, want ErrInvalidArgument naming %s, %q and the values (%s among them)", err, tc.option, "nope", tc.good)
			}
			if n := sent(); n != 0 {
				t.Errorf("%d requests sent for a refused option", n)
			}
			if err := tc.call(tc.good); errors.Is(err, twitter.ErrInvalidArgument) {
				t.Errorf("%s %q refused: %v", tc.option, tc.good, err)
			}
			if sent() == 0 {
				t.Errorf("%s %q: nothing sent", tc.option, tc.good)
			}
		})
	}
}
