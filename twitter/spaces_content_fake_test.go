package twitter_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeSpacesTweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Spaces.Tweets(ctx, testserver.LiveSpaceID, &twitter.SpaceTweetsOptions{TweetOptions: richTweetOpts})
	if err != nil {
		t.Fatal(err)
	}
	live, _ := s.World().Space(testserver.LiveSpaceID)
	if diff := cmp.Diff(live.SharedTweetIDs, tweetIDs(res.Data)); diff != "" || len(live.SharedTweetIDs) == 0 {
		t.Errorf("shared Tweets (-world +got):\n%s", diff)
	}
	checkTweets(t, s, res.Data, &res.Includes)

	res, _, err = userClient(t, s, testserver.AliceID).Spaces.Tweets(ctx, testserver.LiveSpaceID, &twitter.SpaceTweetsOptions{MaxResults: 1})
	if err != nil || len(res.Data) != 1 || res.Data[0].ID != live.SharedTweetIDs[0] {
		t.Errorf("one shared Tweet: %v, err = %v", res, err)
	}
	_, _, err = appClient(t, s).Spaces.Tweets(ctx, "1zzzzzzzzzzzz", nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeSpacesBuyers(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.BobID).Spaces.Buyers(ctx, testserver.TicketedSpaceID, &twitter.UserListOptions{UserOptions: *pinnedUserOpts})
	if err != nil {
		t.Fatal(err)
	}
	ticketed, _ := s.World().Space(testserver.TicketedSpaceID)
	if diff := cmp.Diff(ticketed.BuyerIDs, userIDs(res.Data)); diff != "" || len(ticketed.BuyerIDs) != 3 {
		t.Errorf("buyers (-world +got):\n%s", diff)
	}
	for _, u := range res.Data {
		checkUser(t, s, u, &res.Includes)
	}

	// Only the creator may ask.
	_, _, err = userClient(t, s, testserver.AliceID).Spaces.Buyers(ctx, testserver.TicketedSpaceID, nil)
	wantError(t, err, 403, "")
}
