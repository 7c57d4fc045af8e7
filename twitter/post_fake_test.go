package twitter_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeTweetsCreate(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "tweet.read", "tweet.write", "users.read")

	res, resp, err := alice.Tweets.Create(ctx, twitter.NewTweet{Text: "Hello from twitterkit/go", ReplySettings: gen.TweetCreateRequestReplySettingsFollowing})
	if err != nil {
		t.Fatal(err)
	}
	posted, ok := s.World().Tweet(res.Data.ID)
	if !ok || resp.StatusCode != http.StatusCreated || posted.AuthorID != testserver.AliceID || posted.Text != "Hello from twitterkit/go" ||
		res.Data.Text != posted.Text || posted.ReplySettings != "following" {
		t.Errorf("created %+v (status %d); world has %+v", res.Data, resp.StatusCode, posted)
	}

	// A reply with a poll, and a quote, by OAuth 1.0a.
	res, _, err = oauth1Client(t, s, testserver.AliceID).Tweets.Create(ctx, twitter.NewTweet{
		Text: "Which one?", ReplyTo: testserver.ConversationRootID,
		Poll: &twitter.Poll{Options: []string{"this", "that"}, Duration: 90 * time.Minute},
	})
	if err != nil {
		t.Fatal(err)
	}
	reply, _ := s.World().Tweet(res.Data.ID)
	poll, ok := s.World().Poll(reply.PollID)
	if !ok || poll.DurationMinutes != 90 || len(poll.Options) != 2 || poll.Options[1].Label != "that" ||
		!slices.Contains(reply.ReferencedTweets, testserver.ReferencedTweet{Type: "replied_to", ID: testserver.ConversationRootID}) {
		t.Errorf("reply with a poll: %+v, poll %+v", reply, poll)
	}
	res, _, err = alice.Tweets.Create(ctx, twitter.NewTweet{Text: "Worth reading", QuoteTweetID: testserver.PollTweetID})
	if err != nil {
		t.Fatal(err)
	}
	quote, _ := s.World().Tweet(res.Data.ID)
	if diff := cmp.Diff([]testserver.ReferencedTweet{{Type: "quoted", ID: testserver.PollTweetID}}, quote.ReferencedTweets); diff != "" {
		t.Errorf("quote references (-want +got):\n%s", diff)
	}

	// X refuses the same text twice, and a reply to a Tweet that is not there.
	_, _, err = alice.Tweets.Create(ctx, twitter.NewTweet{Text: "Hello from twitterkit/go"})
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = alice.Tweets.Create(ctx, twitter.NewTweet{Text: "hm", ReplyTo: testserver.NonexistentID})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)

	_, _, err = appClient(t, s).Tweets.Create(ctx, twitter.NewTweet{Text: "as the app"})
	wantUnsupportedAuth(t, err)
}

func TestFakeTweetsDelete(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	created, _, err := alice.Tweets.Create(ctx, twitter.NewTweet{Text: "soon gone"})
	if err != nil {
		t.Fatal(err)
	}
	res, _, err := alice.Tweets.Delete(ctx, created.Data.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Deleted || !s.World().IsDeleted(created.Data.ID) {
		t.Errorf("delete = %+v; world deleted %v", res.Data, s.World().IsDeleted(created.Data.ID))
	}
	_, _, err = alice.Tweets.ByID(ctx, created.Data.ID, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("lookup of the deleted Tweet: err = %v", err)
	}

	// Only the author may delete a Tweet.
	_, _, err = alice.Tweets.Delete(ctx, testserver.PollTweetID)
	wantError(t, err, http.StatusForbidden, "")
	if s.World().IsDeleted(testserver.PollTweetID) {
		t.Error("Bob's Tweet was deleted by Alice")
	}
	_, _, err = alice.Tweets.Delete(ctx, testserver.NonexistentID)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
}
