package twitter_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// TestFakeOAuth1Signing runs methods whose requests carry comma lists, reserved
// characters, times and JSON bodies with OAuth 1.0a user context: the server verifies
// each signature over the exact query the facade sent.
func TestFakeOAuth1Signing(t *testing.T) {
	s := fake(t)
	c := oauth1Client(t, s, testserver.AliceID)
	ctx := context.Background()

	users, _, err := c.Users.Lookup(ctx, []string{testserver.JackID, testserver.BobID}, pinnedUserOpts)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users.Data {
		checkUser(t, s, u, &users.Includes)
	}
	res, _, err := c.Tweets.SearchRecent(ctx, "gopher -is:retweet (has:media OR #golang) & 100%", &twitter.SearchOptions{
		TweetOptions: twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt, gen.TweetFieldAuthorID}},
		StartTime:    testserver.SeedTime.Add(-7 * 24 * time.Hour), EndTime: testserver.SeedTime, MaxResults: 10,
	})
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Meta.ResultCount) != len(res.Data) {
		t.Errorf("search meta disagrees with its data: %+v", res)
	}
	liked, _, err := c.Tweets.Like(ctx, testserver.AliceID, testserver.PollTweetID)
	if err != nil || !liked.Data.Liked || !slices.Contains(s.World().LikedTweetIDs(testserver.AliceID), testserver.PollTweetID) {
		t.Errorf("like = %+v, %v", liked, err)
	}
	if _, _, err := c.Users.Unmute(ctx, testserver.AliceID, testserver.DaveID); err != nil || slices.Contains(s.World().MutingIDs(testserver.AliceID), testserver.DaveID) {
		t.Errorf("unmute: %v", err)
	}
}
