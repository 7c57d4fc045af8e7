package twitter_test

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func worldFolderIDs(fs []testserver.BookmarkFolder) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.ID)
	}
	return ids
}

func TestFakeBookmarksFolders(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.AliceID)
	want := worldFolderIDs(s.World().BookmarkFolders(testserver.AliceID))
	if len(want) < 2 {
		t.Fatalf("seed: Alice has folders %v", want)
	}
	res, _, err := c.Bookmarks.Folders(ctx, testserver.AliceID, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Data {
		got = append(got, f.ID)
	}
	if !slices.Equal(got, want) || res.Data[0].Name != "Go" {
		t.Errorf("folders = %+v, world %v", res.Data, want)
	}

	// The iterator, one folder a page, meets every folder once.
	got, pages := pageIDs(t, c.Bookmarks.FoldersPages(ctx, testserver.AliceID, &twitter.PageOptions{MaxResults: 1}, nil),
		func(f gen.BookmarkFolder) string { return f.ID })
	if !slices.Equal(got, want) || pages != len(want) {
		t.Errorf("pages %d, folders %v, want %v", pages, got, want)
	}
	got = seqIDs(t, c.Bookmarks.FoldersIter(ctx, testserver.AliceID, nil, &twitter.IterOptions{MaxItems: 1}),
		func(f gen.BookmarkFolder) string { return f.ID })
	if !slices.Equal(got, want[:1]) {
		t.Errorf("iter with MaxItems 1: %v", got)
	}

	// Bob has none; he cannot read Alice's; the scope and the arguments are checked.
	res, _, err = userClient(t, s, testserver.BobID).Bookmarks.Folders(ctx, testserver.BobID, nil)
	if err != nil || len(res.Data) != 0 {
		t.Errorf("Bob's folders = %+v, %v", res, err)
	}
	_, _, err = userClient(t, s, testserver.BobID).Bookmarks.Folders(ctx, testserver.AliceID, nil)
	wantError(t, err, 403, "")
	_, _, err = userClient(t, s, testserver.AliceID, "tweet.read", "users.read").Bookmarks.Folders(ctx, testserver.AliceID, nil)
	wantError(t, err, 403, "")
	_, _, err = c.Bookmarks.Folders(ctx, testserver.AliceID, &twitter.PageOptions{PaginationToken: "nope"})
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	for name, call := range map[string]func() error{
		"empty id": func() error { _, _, err := c.Bookmarks.Folders(ctx, "", nil); return err },
		"max 0..100": func() error {
			_, _, err := c.Bookmarks.Folders(ctx, testserver.AliceID, &twitter.PageOptions{MaxResults: 101})
			return err
		},
		"iter max": func() error {
			return firstErr(c.Bookmarks.FoldersIter(ctx, testserver.AliceID, &twitter.PageOptions{MaxResults: -1}, nil))
		},
		"malformed id": func() error { _, _, err := c.Bookmarks.Folders(ctx, "alice", nil); return err },
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

// firstErr returns the first error an iterator yields.
func firstErr[T any](seq iter.Seq2[T, error]) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

// pageIDs collects the ids of the items of every page a page iterator yields, and counts
// the pages, failing t on an error.
func pageIDs[T any](t *testing.T, seq iter.Seq2[*twitter.Page[T], error], id func(T) string) (ids []string, pages int) {
	t.Helper()
	for p, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, v := range p.Items {
			ids = append(ids, id(v))
		}
	}
	return ids, pages
}

// seqIDs collects the ids of what an iterator yields, failing t on an error.
func seqIDs[T any](t *testing.T, seq iter.Seq2[T, error], id func(T) string) []string {
	t.Helper()
	var out []string
	for v, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, id(v))
	}
	return out
}

func TestFakeBookmarksCreateFolder(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.AliceID)
	res, _, err := c.Bookmarks.CreateFolder(ctx, testserver.AliceID, "Recettes à essayer")
	if err != nil {
		t.Fatal(err)
	}
	fs := s.World().BookmarkFolders(testserver.AliceID)
	last := fs[len(fs)-1]
	if res.Data.ID != last.ID || res.Data.Name != "Recettes à essayer" || last.Name != res.Data.Name {
		t.Errorf("created %+v; world %+v", res.Data, fs)
	}
	// It is listed, and empty.
	list, _, err := c.Bookmarks.Folders(ctx, testserver.AliceID, nil)
	if err != nil || !slices.ContainsFunc(list.Data, func(f gen.BookmarkFolder) bool { return f.ID == res.Data.ID }) {
		t.Errorf("folders after create = %+v, %v", list, err)
	}
	tw, _, err := c.Bookmarks.FolderTweets(ctx, testserver.AliceID, res.Data.ID)
	if err != nil || len(tw.Data) != 0 {
		t.Errorf("new folder's Tweets = %+v, %v", tw, err)
	}

	// OAuth 1.0a is not accepted, nor a token without bookmark.write.
	_, _, err = oauth1Client(t, s, testserver.AliceID).Bookmarks.CreateFolder(ctx, testserver.AliceID, "x")
	wantError(t, err, 403, "")
	_, _, err = userClient(t, s, testserver.AliceID, "bookmark.read", "users.read").Bookmarks.CreateFolder(ctx, testserver.AliceID, "x")
	wantError(t, err, 403, "")
	for _, name := range []string{"", strings.Repeat("é", 26)} {
		if _, _, err := c.Bookmarks.CreateFolder(ctx, testserver.AliceID, name); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("name %q: err = %v, want ErrInvalidArgument", name, err)
		}
	}
	if _, _, err := c.Bookmarks.CreateFolder(ctx, testserver.AliceID, strings.Repeat("é", 25)); err != nil {
		t.Errorf("a 25-character name: %v", err)
	}
	if n := len(s.World().BookmarkFolders(testserver.AliceID)); n != len(fs)+1 {
		t.Errorf("folders in the world: %d, want %d", n, len(fs)+1)
	}
}

func TestFakeBookmarksFolderTweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.AliceID)
	var goFolder testserver.BookmarkFolder
	for _, f := range s.World().BookmarkFolders(testserver.AliceID) {
		if f.ID == testserver.AliceGoFolderID {
			goFolder = f
		}
	}
	if len(goFolder.TweetIDs) < 2 {
		t.Fatalf("seed: Go folder %+v", goFolder)
	}
	ids := func() []string {
		t.Helper()
		res, _, err := c.Bookmarks.FolderTweets(ctx, testserver.AliceID, testserver.AliceGoFolderID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range res.Data {
			out = append(out, d.ID)
		}
		return out
	}
	if got := ids(); !slices.Equal(got, goFolder.TweetIDs) {
		t.Errorf("folder Tweets = %v, world %v", got, goFolder.TweetIDs)
	}
	// Removing the bookmark takes the Tweet out of its folder.
	if _, _, err := c.Bookmarks.Remove(ctx, testserver.AliceID, goFolder.TweetIDs[0]); err != nil {
		t.Fatal(err)
	}
	if got := ids(); !slices.Equal(got, goFolder.TweetIDs[1:]) {
		t.Errorf("after removing a bookmark: %v, want %v", got, goFolder.TweetIDs[1:])
	}

	_, _, err := c.Bookmarks.FolderTweets(ctx, testserver.AliceID, testserver.NonexistentID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	_, _, err = userClient(t, s, testserver.BobID).Bookmarks.FolderTweets(ctx, testserver.BobID, testserver.AliceGoFolderID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	_, _, err = appClient(t, s).Bookmarks.FolderTweets(ctx, testserver.AliceID, testserver.AliceGoFolderID)
	wantUnsupportedAuth(t, err)
	for _, id := range []string{"", "go", "1-2"} {
		if _, _, err := c.Bookmarks.FolderTweets(ctx, testserver.AliceID, id); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("folder %q: err = %v, want ErrInvalidArgument", id, err)
		}
	}
}
