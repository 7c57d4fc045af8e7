package twitter_test

import (
	"context"
	"log"
	"os"

	"github.com/twitterkit/go/twitter"
)

func ExampleWithAppCredentials() {
	c, err := twitter.NewClient(twitter.WithAppCredentials(os.Getenv("X_API_KEY"), os.Getenv("X_API_SECRET")))
	if err != nil {
		log.Fatal(err)
	}
	// The first request fetches the app-only bearer token.
	user, _, err := c.Users.ByUsername(context.Background(), "XDevelopers", nil)
	if err != nil {
		log.Fatal(err)
	}
	log.Println(user.Data.Name)
}
