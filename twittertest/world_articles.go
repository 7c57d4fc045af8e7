package twittertest

import "github.com/twitterkit/go/internal/testserver"

// AddArticle adds a draft of a long-form Article, as Articles.CreateDraft (POST
// /2/articles/draft) writes one, for the code under test to publish: Articles.Publish
// by its author then posts the Tweet that carries it (tweet.fields article_title), and
// Articles lists it. Title is required; a cover (CoverMediaID) is a finished upload of
// the author's (AddUpload). Zero fields are filled in: ID (a new id), AuthorID
// (AliceID), Blocks (1) and CreatedAt (the server clock). TweetID is the server's, set
// when the draft is published. It returns the draft as stored.
func (w *World) AddArticle(a Article) (Article, error) {
	got, err := w.s.AddArticle(testserver.Article(a))
	if err != nil {
		return Article{}, publicErr(err)
	}
	return Article(got), nil
}
