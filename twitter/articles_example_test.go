package twitter_test

import (
	"context"
	"fmt"
	"log"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// Write an Article as a draft of plain paragraphs, publish it, and read back the Tweet
// that carries it.
func ExampleArticlesService_Publish() {
	s, err := testserver.New()
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.UserToken(testserver.AliceID)))
	if err != nil {
		log.Fatal(err)
	}
	defer c.HTTPClient().CloseIdleConnections()
	ctx := context.Background()

	draft, _, err := c.Articles.CreateDraft(ctx, twitter.NewArticle{Title: "Ten years of Go at work",
		Content: twitter.ArticleText("It started with one service.", "Now it is most of them.")})
	if err != nil {
		log.Fatal(err)
	}
	pub, _, err := c.Articles.Publish(ctx, draft.Data.ID)
	if err != nil {
		log.Fatal(err)
	}
	tw, _, err := c.Tweets.ByID(ctx, pub.Data.PostID, &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldArticleTitle}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tw.Data.ArticleTitle)
	// Output: Ten years of Go at work
}
