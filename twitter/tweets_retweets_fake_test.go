package twitter_test

import (
	"context"
	"slices"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

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
