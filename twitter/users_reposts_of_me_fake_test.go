package twitter_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeUsersRepostsOfMe(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "timeline.read", "tweet.read")

	opts := &twitter.TweetListOptions{TweetOptions: twitter.TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldReferencedTweets},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
	}}
	res, _, err := alice.Users.RepostsOfMe(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.RetweetID}, tweetIDs(res.Data)); diff != "" {
		t.Fatalf("seeded reposts (-want +got):\n%s", diff)
	}
	rt := res.Data[0]
	if rt.AuthorID != testserver.BobID || len(rt.ReferencedTweets) != 1 || rt.ReferencedTweets[0].ID != testserver.ConversationRootID {
		t.Errorf("repost = %+v", rt)
	}
	if u, ok := twitter.NewIncludes(&res.Includes).Author(&rt); !ok || u.Username != "bob" {
		t.Errorf("author not included: %+v", res.Includes)
	}

	// Carol and Dave retweet Alice's media Tweet through the facade: newest first.
	for _, who := range []string{testserver.CarolID, testserver.DaveID} {
		if _, _, err := userClient(t, s, who).Tweets.Retweet(ctx, who, testserver.MediaTweetID); err != nil {
			t.Fatal(err)
		}
	}
	want := s.World().RepostIDs(testserver.AliceID)
	if len(want) != 3 || want[2] != testserver.RetweetID {
		t.Fatalf("world: %v", want)
	}
	// The iterator, one a page; and resuming from the second page.
	var got []string
	var second string
	for p, err := range alice.Users.RepostsOfMePages(ctx, &twitter.TweetListOptions{PageOptions: twitter.PageOptions{MaxResults: 1}}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tweetIDs(p.Items)...)
		if len(got) == 1 {
			second = p.NextToken
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	got = got[:0]
	for tw, err := range oauth1Client(t, s, testserver.AliceID).Users.RepostsOfMeIter(ctx, &twitter.TweetListOptions{PageOptions: twitter.PageOptions{MaxResults: 1}},
		&twitter.IterOptions{StartToken: second}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tw.ID)
	}
	if diff := cmp.Diff(want[1:], got); diff != "" {
		t.Errorf("resumed (-want +got):\n%s", diff)
	}

	// Nobody retweeted Mallory: no Tweets, no error.
	res, _, err = userClient(t, s, testserver.MalloryID).Users.RepostsOfMe(ctx, nil)
	if err != nil || len(res.Data) != 0 || res.Meta.ResultCount != 0 {
		t.Errorf("Mallory: %v, %+v", err, res)
	}
	// User context only, with timeline.read.
	_, _, err = appClient(t, s).Users.RepostsOfMe(ctx, nil)
	wantUnsupportedAuth(t, err)
	_, _, err = userClient(t, s, testserver.AliceID, "tweet.read", "users.read").Users.RepostsOfMe(ctx, nil)
	wantError(t, err, 403, "")
	for _, n := range []int{-1, 101} {
		if _, _, err := alice.Users.RepostsOfMe(ctx, &twitter.TweetListOptions{PageOptions: twitter.PageOptions{MaxResults: n}}); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("MaxResults %d: err = %v, want ErrInvalidArgument", n, err)
		}
	}
}
