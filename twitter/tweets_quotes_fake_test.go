package twitter_test

import (
	"context"
	"slices"
	"testing"

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
