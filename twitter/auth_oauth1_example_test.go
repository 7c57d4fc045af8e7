package twitter_test

import (
	"context"
	"log"
	"os"

	"github.com/twitterkit/go/twitter"
)

func ExampleWithOAuth1() {
	c, err := twitter.NewClient(twitter.WithOAuth1(twitter.OAuth1Credentials{
		ConsumerKey:    os.Getenv("X_API_KEY"),
		ConsumerSecret: os.Getenv("X_API_SECRET"),
		Token:          os.Getenv("X_ACCESS_TOKEN"),
		TokenSecret:    os.Getenv("X_ACCESS_TOKEN_SECRET"),
	}))
	if err != nil {
		log.Fatal(err)
	}
	if _, _, err := c.Users.Follow(context.Background(), os.Getenv("X_USER_ID"), "2244994945"); err != nil {
		log.Fatal(err)
	}
}
