package twittertest_test

import (
	"context"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// A seeded draft is published by its author as one the client wrote.
func TestWorldAddArticle(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	cover, err := w.AddUpload(twittertest.Upload{OwnerID: twittertest.BobID})
	if err != nil {
		t.Fatal(err)
	}
	draft, err := w.AddArticle(twittertest.Article{AuthorID: twittertest.BobID, Title: "Retries done right", Blocks: 3, CoverMediaID: cover.ID})
	if err != nil {
		t.Fatal(err)
	}
	if draft.ID == "" || draft.CreatedAt.IsZero() || draft.TweetID != "" {
		t.Errorf("AddArticle filled in %+v", draft)
	}
	if _, _, err := twittertest.NewUserClient(t, srv, twittertest.AliceID).Articles.Publish(ctx, draft.ID); !twitter.IsNotFound(err) {
		t.Errorf("Alice publishing Bob's draft: %v, want not found", err)
	}
	bob := twittertest.NewUserClient(t, srv, twittertest.BobID)
	res, _, err := bob.Articles.Publish(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	tw, _, err := bob.Tweets.ByID(ctx, res.Data.PostID, &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldArticleTitle, gen.TweetFieldAuthorID}})
	if err != nil {
		t.Fatal(err)
	}
	if tw.Data.ArticleTitle != draft.Title || tw.Data.AuthorID != twittertest.BobID {
		t.Errorf("the published Tweet %+v", tw.Data)
	}
	if got := w.Articles(twittertest.BobID); len(got) != 1 || got[0].ID != draft.ID || got[0].TweetID != res.Data.PostID {
		t.Errorf("Bob's Articles %+v", got)
	}
	if _, _, err := bob.Articles.Publish(ctx, draft.ID); !twitter.IsForbidden(err) {
		t.Errorf("publishing the draft again: %v, want 403", err)
	}
	plain, err := w.AddArticle(twittertest.Article{Title: "Notes"})
	if err != nil || plain.AuthorID != twittertest.AliceID || plain.Blocks != 1 || plain.ID == draft.ID {
		t.Errorf("AddArticle(a title alone) = %+v, %v", plain, err)
	}

	for _, c := range []struct {
		what string
		a    twittertest.Article
		says string
	}{
		{"no title", twittertest.Article{}, "no Title"},
		{"an author who does not exist", twittertest.Article{Title: "x", AuthorID: twittertest.NonexistentID}, "no user"},
		{"another's cover", twittertest.Article{Title: "x", CoverMediaID: cover.ID}, "no upload"},
		{"a cover that does not exist", twittertest.Article{Title: "x", CoverMediaID: twittertest.NonexistentID}, "no upload"},
		{"negative blocks", twittertest.Article{Title: "x", Blocks: -1}, "negative"},
		{"a published one", twittertest.Article{Title: "x", TweetID: twittertest.JackFirstTweetID}, "the server's to set"},
		{"a taken id", twittertest.Article{Title: "x", ID: draft.ID}, "taken"},
		{"a malformed id", twittertest.Article{Title: "x", ID: "a-1"}, "not an Article id"},
	} {
		_, err := w.AddArticle(c.a)
		wantErr(t, c.what, err, c.says)
	}
	if got := w.Articles(twittertest.AliceID); len(got) != 1 {
		t.Errorf("refused Articles were kept: %+v", got)
	}
}
