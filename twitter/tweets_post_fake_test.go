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

// NewTweet.EditOf posts a new version of a recent Tweet; both versions list the history.
func TestFakeTweetsEdit(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	jack := userClient(t, s, testserver.JackID, "tweet.read", "tweet.write", "users.read")
	orig, _, err := jack.Tweets.Create(ctx, twitter.NewTweet{Text: "the clinet is the product"})
	if err != nil {
		t.Fatal(err)
	}
	edited, _, err := jack.Tweets.Create(ctx, twitter.NewTweet{Text: "the client is the product", EditOf: orig.Data.ID})
	if err != nil {
		t.Fatal(err)
	}
	opts := &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldEditControls, gen.TweetFieldEditHistoryTweetIds}}
	res, _, err := jack.Tweets.Lookup(ctx, []string{orig.Data.ID, edited.Data.ID}, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{orig.Data.ID, edited.Data.ID}
	for _, tw := range res.Data {
		if !slices.Equal(tw.EditHistoryTweetIds, want) || tw.EditControls.EditsRemaining != 4 || !tw.EditControls.IsEditEligible {
			t.Errorf("version %s: history %v, controls %+v", tw.ID, tw.EditHistoryTweetIds, tw.EditControls)
		}
	}
	if len(res.Data) != 2 || res.Data[1].Text != "the client is the product" {
		t.Errorf("versions = %+v", res.Data)
	}
	// Only the author edits, and only the latest version.
	alice := userClient(t, s, testserver.AliceID, "tweet.read", "tweet.write", "users.read")
	_, _, err = alice.Tweets.Create(ctx, twitter.NewTweet{Text: "mine now", EditOf: edited.Data.ID})
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = jack.Tweets.Create(ctx, twitter.NewTweet{Text: "again from the first", EditOf: orig.Data.ID})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
}
