package twitter_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeTweetsHomeTimeline(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "tweet.read", "users.read")
	opts := &twitter.TimelineOptions{TweetOptions: richTweetOpts, PageOptions: twitter.PageOptions{MaxResults: 100}}
	res, _, err := alice.Tweets.HomeTimeline(ctx, testserver.AliceID, opts)
	if err != nil {
		t.Fatal(err)
	}
	all := s.World().HomeTimelineIDs(testserver.AliceID)
	if diff := cmp.Diff(all[:min(100, len(all))], tweetIDs(res.Data)); diff != "" {
		t.Errorf("first page (-world +got):\n%s", diff)
	}
	checkTweets(t, s, res.Data, &res.Includes)

	// Without Retweets, every Tweet is an original or a reply or quote.
	opts.Exclude = []gen.ListUserTweetsParamsExclude{gen.ListUserTweetsParamsExcludeRetweets}
	opts.TweetFields = append(opts.TweetFields, gen.TweetFieldReferencedTweets)
	res, _, err = alice.Tweets.HomeTimeline(ctx, testserver.AliceID, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tw := range res.Data {
		if slices.ContainsFunc(tw.ReferencedTweets, func(r gen.ReferencedTweet) bool { return r.Type == "retweeted" }) {
			t.Errorf("Retweet %s in a timeline that excludes them", tw.ID)
		}
	}

	// Only the user's own home timeline, and only with a user context.
	_, _, err = alice.Tweets.HomeTimeline(ctx, testserver.BobID, nil)
	wantError(t, err, 403, "")
	_, _, err = appClient(t, s).Tweets.HomeTimeline(ctx, testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
}
