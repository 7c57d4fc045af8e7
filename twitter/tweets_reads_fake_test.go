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

func TestFakeTweetsQuoteTweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, _, err := c.Tweets.QuoteTweets(ctx, testserver.ConversationRootID, &twitter.QuoteTweetsOptions{TweetOptions: richTweetOpts})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(tweetIDs(res.Data), testserver.QuoteTweetID) {
		t.Errorf("quotes = %v, want Carol's %s among them", tweetIDs(res.Data), testserver.QuoteTweetID)
	}
	checkTweets(t, s, res.Data, &res.Includes)

	// Quotes of a Tweet nobody quoted: no data, not an error.
	res, _, err = c.Tweets.QuoteTweets(ctx, testserver.JackFirstTweetID, nil)
	if err != nil || res.Data != nil {
		t.Errorf("quotes of an unquoted Tweet: %v, err = %v", res, err)
	}
	_, _, err = c.Tweets.QuoteTweets(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeTweetsRetweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.CarolID)
	res, _, err := c.Tweets.Retweets(ctx, testserver.ConversationRootID, &twitter.TweetListOptions{TweetOptions: richTweetOpts})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(tweetIDs(res.Data), testserver.RetweetID) {
		t.Errorf("Retweets = %v, want Bob's %s among them", tweetIDs(res.Data), testserver.RetweetID)
	}
	checkTweets(t, s, res.Data, &res.Includes)

	// A new Retweet joins the list, newest first.
	rt, _, err := c.Tweets.Retweet(ctx, testserver.CarolID, testserver.ConversationRootID)
	if err != nil {
		t.Fatal(err)
	}
	res, _, err = c.Tweets.Retweets(ctx, testserver.ConversationRootID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ids := tweetIDs(res.Data); len(ids) == 0 || ids[0] != rt.Data.ID {
		t.Errorf("Retweets after Carol's = %v, want %s first", ids, rt.Data.ID)
	}
	_, _, err = c.Tweets.Retweets(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

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
