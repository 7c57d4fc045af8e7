// Command oauth1 acts as a user with OAuth 1.0a user-context credentials (the four keys
// of an app's "Keys and tokens" page) and prints who it is and whom it follows.
//
//	TWITTER_CONSUMER_KEY=... TWITTER_CONSUMER_SECRET=... \
//	TWITTER_ACCESS_TOKEN=... TWITTER_ACCESS_SECRET=... TWITTER_USER_ID=... go run ./examples/oauth1
//
// Without them it signs requests for the fake X API, which verifies each signature.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "oauth1:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	creds := twitter.OAuth1Credentials{
		ConsumerKey: os.Getenv("TWITTER_CONSUMER_KEY"), ConsumerSecret: os.Getenv("TWITTER_CONSUMER_SECRET"),
		Token: os.Getenv("TWITTER_ACCESS_TOKEN"), TokenSecret: os.Getenv("TWITTER_ACCESS_SECRET"),
	}
	userID := os.Getenv("TWITTER_USER_ID")
	var opts []twitter.Option
	if creds.ConsumerKey == "" {
		srv, err := testserver.New()
		if err != nil {
			return err
		}
		defer srv.Close()
		fake := srv.OAuth1(testserver.JackID)
		creds = twitter.OAuth1Credentials{ConsumerKey: fake.ConsumerKey, ConsumerSecret: fake.ConsumerSecret, Token: fake.Token, TokenSecret: fake.TokenSecret}
		userID = testserver.JackID
		opts = append(opts, twitter.WithBaseURL(srv.URL()))
		fmt.Fprintln(os.Stderr, "(no OAuth 1.0a keys: signing requests for the fake X API)")
	}
	c, err := twitter.NewClient(append(opts, twitter.WithOAuth1(creds))...)
	if err != nil {
		return err
	}
	fmt.Println("client:", c) // prints no secret
	me, _, err := c.Users.ByID(ctx, userID, nil)
	if err != nil {
		return err
	}
	fmt.Printf("signed in as @%s\n", me.Data.Username)
	n := 0
	for u, err := range c.Users.FollowingIter(ctx, userID, nil, &twitter.IterOptions{MaxItems: 10}) {
		if err != nil {
			return err
		}
		n++
		fmt.Printf("  follows @%s\n", u.Username)
	}
	fmt.Printf("(%d shown)\n", n)
	return nil
}
