package twitter_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
)

// A client is built once from validating options and shared. Against the real API only
// the token is needed; the base URL here points it at the fake X API.
func ExampleNewClient() {
	c, done := exampleClient() // twitter.NewClient(twitter.WithBearerToken(os.Getenv("TWITTER_BEARER_TOKEN")))
	defer done()
	res, resp, err := c.Users.ByUsername(context.Background(), "jack", &twitter.UserOptions{
		UserFields: []gen.UserField{gen.UserFieldCreatedAt},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Data.Name, res.Data.CreatedAt.Year())
	fmt.Println(resp.RateLimit.Endpoint, resp.RateLimit.Limit > 0)

	_, err = twitter.NewClient(twitter.WithRateLimitWait(-time.Second))
	fmt.Println(err)
	// Output:
	// jack 2006
	// GET /2/users/by/username/{username} true
	// twitter: WithRateLimitWait: max wait must be positive, got -1s
}

// Every failure the API reports is a *twitter.Error: its kind, title, detail and the
// rate-limit state, found with errors.As or the Is... predicates.
func ExampleError() {
	c, done := exampleClient()
	defer done()
	// Following needs a user context: an app-only token is refused.
	_, _, err := c.Users.Follow(context.Background(), "12", "1000000001")
	var apiErr *twitter.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Type)
		fmt.Println(twitter.IsUnsupportedAuthentication(err), twitter.IsRateLimited(err))
	}
	// Output:
	// 403 unsupported-authentication
	// true false
}
