package twitter_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeBookmarksList(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "bookmark.read", "tweet.read", "users.read")
	opts := &twitter.TweetListOptions{TweetOptions: richTweetOpts, PageOptions: twitter.PageOptions{MaxResults: 15}}
	first, _, err := alice.Bookmarks.List(ctx, testserver.AliceID, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.PaginationToken = first.Meta.NextToken
	second, _, err := alice.Bookmarks.List(ctx, testserver.AliceID, opts)
	if err != nil {
		t.Fatal(err)
	}
	got := append(tweetIDs(first.Data), tweetIDs(second.Data)...)
	if diff := cmp.Diff(s.World().BookmarkIDs(testserver.AliceID), got); diff != "" || len(got) != testserver.AliceBookmarkCount {
		t.Errorf("bookmarks over two pages (-world +got):\n%s", diff)
	}
	checkTweets(t, s, first.Data, &first.Includes)

	// OAuth 2.0 user context only: neither the app nor OAuth 1.0a.
	_, _, err = appClient(t, s).Bookmarks.List(ctx, testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
	_, _, err = oauth1Client(t, s, testserver.AliceID).Bookmarks.List(ctx, testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
	_, _, err = alice.Bookmarks.List(ctx, testserver.BobID, nil)
	wantError(t, err, 403, "")
}

func TestFakeBookmarksAdd(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)
	res, _, err := bob.Bookmarks.Add(ctx, testserver.BobID, testserver.MediaTweetID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Bookmarked || !slices.Equal(s.World().BookmarkIDs(testserver.BobID), []string{testserver.MediaTweetID}) {
		t.Errorf("add = %+v; bookmarks %v", res.Data, s.World().BookmarkIDs(testserver.BobID))
	}
	res, _, err = bob.Bookmarks.Add(ctx, testserver.BobID, testserver.NonexistentID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if res == nil || res.Data.Bookmarked {
		t.Errorf("failed add returned %+v", res)
	}
}

func TestFakeBookmarksRemove(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	first := s.World().BookmarkIDs(testserver.AliceID)[0]
	res, _, err := userClient(t, s, testserver.AliceID).Bookmarks.Remove(ctx, testserver.AliceID, first)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Bookmarked || slices.Contains(s.World().BookmarkIDs(testserver.AliceID), first) {
		t.Errorf("remove = %+v; bookmarks still hold %s", res.Data, first)
	}
	_, _, err = oauth1Client(t, s, testserver.AliceID).Bookmarks.Remove(ctx, testserver.AliceID, first)
	wantUnsupportedAuth(t, err)
}
