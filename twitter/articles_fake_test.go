package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// richArticle is a body with a heading, styled text, a link, an embedded Tweet and a
// divider, as X's editor builds one.
func richArticle() gen.ArticleContentState {
	imm, mut := gen.ArticleEntityMutabilityImmutable, gen.ArticleEntityMutabilityMutable
	return gen.ArticleContentState{
		Blocks: []gen.ArticleBlock{
			{Text: "Why the API is the product", Type: gen.ArticleBlockTypeHeaderOne},
			{Text: "Read the docs first.", Type: gen.ArticleBlockTypeUnstyled,
				InlineStyleRanges: []gen.ArticleInlineStyleRange{{Offset: 0, Length: 4, Style: gen.ArticleInlineStyleBold}},
				EntityRanges:      []gen.ArticleEntityRange{{Key: 0, Offset: 9, Length: 4}}},
			{Text: " ", Type: gen.ArticleBlockTypeAtomic, EntityRanges: []gen.ArticleEntityRange{{Key: 1, Offset: 0, Length: 1}}},
			{Text: " ", Type: gen.ArticleBlockTypeAtomic, EntityRanges: []gen.ArticleEntityRange{{Key: 2, Offset: 0, Length: 1}}},
		},
		Entities: []gen.ArticleEntity{
			{Key: "0", Value: gen.ArticleEntityValue{Type: gen.ArticleEntityTypeLink, Mutability: mut, Data: gen.ArticleEntityData{URL: "https://docs.x.com"}}},
			{Key: "1", Value: gen.ArticleEntityValue{Type: gen.ArticleEntityTypePost, Mutability: imm, Data: gen.ArticleEntityData{PostID: testserver.JackFirstTweetID}}},
			{Key: "2", Value: gen.ArticleEntityValue{Type: gen.ArticleEntityTypeDivider, Mutability: imm}},
		},
	}
}

func TestFakeArticlesCreateDraft(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	res, resp, err := alice.Articles.CreateDraft(ctx, twitter.NewArticle{Title: "On APIs", Content: richArticle()})
	if err != nil {
		t.Fatal(err)
	}
	got := s.World().Articles(testserver.AliceID)
	if resp.StatusCode != http.StatusCreated || res.Data.Title != "On APIs" || len(got) != 1 || got[0].ID != res.Data.ID ||
		got[0].Blocks != 4 || got[0].TweetID != "" {
		t.Errorf("draft %+v (status %d); world %+v", res.Data, resp.StatusCode, got)
	}

	// A cover image uploaded by the writer; plain paragraphs, with no entities.
	img := pngOf(t, 16, 9, 0)
	up, _, err := alice.Media.Upload(ctx, bytes.NewReader(img), int64(len(img)), gen.MediaUploadConfigRequestMediaTypeImagePng, nil)
	if err != nil {
		t.Fatal(err)
	}
	cover := &gen.ArticleMedia{MediaID: up.Data.ID, MediaCategory: "tweet_image"}
	if _, _, err := alice.Articles.CreateDraft(ctx, twitter.NewArticle{Title: "Covered", Content: twitter.ArticleText("One.", "Two."), Cover: cover}); err != nil {
		t.Fatalf("with a cover: %v", err)
	}
	if got := s.World().Articles(testserver.AliceID); len(got) != 2 || got[1].CoverMediaID != up.Data.ID || got[1].Blocks != 2 {
		t.Errorf("world after the covered draft: %+v", got)
	}
	// Someone else's upload, a Tweet Alice cannot see: X refuses them.
	_, _, err = userClient(t, s, testserver.BobID).Articles.CreateDraft(ctx, twitter.NewArticle{Title: "Not mine", Content: twitter.ArticleText("x"), Cover: cover})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	hidden := richArticle()
	hidden.Entities[1].Value.Data.PostID = testserver.ProtectedTweetID
	_, _, err = alice.Articles.CreateDraft(ctx, twitter.NewArticle{Title: "Hidden", Content: hidden})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)

	// Refused before sending.
	bad := func(edit func(*gen.ArticleContentState)) gen.ArticleContentState {
		c := richArticle()
		edit(&c)
		return c
	}
	for name, a := range map[string]twitter.NewArticle{
		"no title":   {Content: richArticle()},
		"no blocks":  {Title: "x", Content: gen.ArticleContentState{}},
		"block type": {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Blocks[0].Type = "header-four" })},
		"style":      {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Blocks[1].InlineStyleRanges[0].Style = "underline" })},
		"style past the text": {Title: "x", Content: bad(func(c *gen.ArticleContentState) {
			c.Blocks[1].InlineStyleRanges[0].Length = 100
		})},
		"range key":        {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Blocks[1].EntityRanges[0].Key = 3 })},
		"atomic, no range": {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Blocks[2].EntityRanges = nil })},
		"entity type":      {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Entities[2].Value.Type = "table" })},
		"mutability":       {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Entities[0].Value.Mutability = "" })},
		"link, no url":     {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Entities[0].Value.Data.URL = "" })},
		"post id":          {Title: "x", Content: bad(func(c *gen.ArticleContentState) { c.Entities[1].Value.Data.PostID = "jack/20" })},
		"image, no media": {Title: "x", Content: bad(func(c *gen.ArticleContentState) {
			c.Entities[2].Value = gen.ArticleEntityValue{Type: gen.ArticleEntityTypeImage, Mutability: gen.ArticleEntityMutabilityImmutable}
		})},
		"cover category": {Title: "x", Content: richArticle(), Cover: &gen.ArticleMedia{MediaID: up.Data.ID}},
	} {
		if _, _, err := alice.Articles.CreateDraft(ctx, a); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
	if n := len(s.World().Articles(testserver.AliceID)); n != 2 {
		t.Errorf("%d drafts after the refusals, want 2", n)
	}
}

func TestFakeArticlesPublish(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	draft, _, err := alice.Articles.CreateDraft(ctx, twitter.NewArticle{Title: "On APIs", Content: richArticle()})
	if err != nil {
		t.Fatal(err)
	}
	// Only the writer may publish it.
	_, _, err = userClient(t, s, testserver.BobID).Articles.Publish(ctx, draft.Data.ID)
	if !twitter.IsNotFound(err) {
		t.Errorf("Bob publishing Alice's draft: %v", err)
	}

	pub, _, err := alice.Articles.Publish(ctx, draft.Data.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.World().Articles(testserver.AliceID); len(got) != 1 || got[0].TweetID != pub.Data.PostID {
		t.Errorf("world: %+v, published as %s", got, pub.Data.PostID)
	}
	tw, _, err := alice.Tweets.ByID(ctx, pub.Data.PostID, &twitter.TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldArticleTitle, gen.TweetFieldAuthorID}})
	if err != nil {
		t.Fatal(err)
	}
	if tw.Data.ArticleTitle != "On APIs" || tw.Data.AuthorID != testserver.AliceID {
		t.Errorf("the Article's Tweet: %+v", tw.Data)
	}

	_, _, err = alice.Articles.Publish(ctx, draft.Data.ID)
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = alice.Articles.Publish(ctx, testserver.NonexistentID)
	if e := wantError(t, err, http.StatusNotFound, twitter.ProblemResourceNotFound); !twitter.IsNotFound(e) {
		t.Errorf("unknown draft: %v", err)
	}
	for _, id := range []string{"", "draft-1", "12345678901234567890"} {
		if _, _, err := alice.Articles.Publish(ctx, id); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("id %q: err = %v, want ErrInvalidArgument", id, err)
		}
	}
}
