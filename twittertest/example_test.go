package twittertest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
	"golang.org/x/oauth2"
)

// A server outside a test: New, then Close. In a test, Start closes it by itself.
func ExampleNew() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()))
	if err != nil {
		log.Fatal(err)
	}
	res, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("@" + res.Data.Username)
	// Output: @jack
}

// Inject makes the next request of a route fail as a proxy in front of X would.
func ExampleServer_Inject() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()),
		twitter.WithRetryPolicy(twitter.NoRetries()))
	if err != nil {
		log.Fatal(err)
	}
	srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultStatus, Status: 503, Times: 1})
	_, _, err = c.Users.ByID(context.Background(), twittertest.JackID, nil)
	fmt.Println(twitter.IsServerError(err))
	_, _, err = c.Users.ByID(context.Background(), twittertest.JackID, nil) // the fault was for one request
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

// UserToken mints a token acting as a user; World shows what the user's calls changed.
func ExampleServer_UserToken() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	tok := &oauth2.Token{AccessToken: srv.UserToken(twittertest.AliceID), TokenType: "bearer"}
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithTokenSource(oauth2.StaticTokenSource(tok)))
	if err != nil {
		log.Fatal(err)
	}
	before := srv.World().FollowerCount(twittertest.BobID)
	if _, _, err := c.Users.Unfollow(context.Background(), twittertest.AliceID, twittertest.BobID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(srv.World().FollowerCount(twittertest.BobID) - before) // Alice followed Bob
	// Output: -1
}
