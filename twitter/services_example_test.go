package twitter_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// exampleClient returns a client of the fake X API, so the examples run without
// credentials; a program would use the API host and its own credentials.
func exampleClient() (*twitter.Client, func()) {
	s, err := testserver.New()
	if err != nil {
		log.Fatal(err)
	}
	c, err := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.AppBearerToken()))
	if err != nil {
		log.Fatal(err)
	}
	return c, func() { c.HTTPClient().CloseIdleConnections(); s.Close() }
}

// A batch lookup returns what it found, and lists what it could not find beside it.
func ExampleUsersService_Lookup() {
	c, done := exampleClient()
	defer done()
	res, resp, err := c.Users.Lookup(context.Background(), []string{"12", "9999999999"},
		&twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt}})
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range res.Data {
		fmt.Println(u.Username, u.CreatedAt.Year())
	}
	for _, p := range resp.PartialErrors {
		fmt.Println(twitter.ProblemType(p.Type), p.ResourceID)
	}
	// Output:
	// jack 2006
	// resource-not-found 9999999999
}

// X answers the lookup of a missing Tweet with a 200 and a problem; ByID makes it an
// error the Is... predicates recognise.
func ExampleTweetsService_ByID() {
	c, done := exampleClient()
	defer done()
	_, _, err := c.Tweets.ByID(context.Background(), "9999999999", nil)
	fmt.Println(twitter.IsNotFound(err))

	_, _, err = c.Tweets.ByID(context.Background(), "https://x.com/jack/status/20", nil)
	fmt.Println(errors.Is(err, twitter.ErrInvalidArgument))
	// Output:
	// true
	// true
}

// Searches page with next_token: pass the meta.next_token of a page to get the next.
func ExampleTweetsService_SearchRecent() {
	c, done := exampleClient()
	defer done()
	opts := &twitter.SearchOptions{MaxResults: 100}
	total := 0
	for page := 0; page < 3; page++ {
		res, _, err := c.Tweets.SearchRecent(context.Background(), "gopher", opts)
		if err != nil {
			log.Fatal(err)
		}
		total += len(res.Data)
		if res.Meta.NextToken == "" {
			break
		}
		opts.NextToken = res.Meta.NextToken
	}
	fmt.Println(total, "Tweets in three pages")
	// Output: 300 Tweets in three pages
}

// Adding rules that all exist already changes nothing, which Add reports as an error; a
// program that only wants the rules in force can accept it.
func ExampleRulesService_Add() {
	c, done := exampleClient()
	defer done()
	ctx := context.Background()
	rules := []gen.RuleNoID{{Value: "from:XDevelopers"}}
	_, _, err := c.Rules.Add(ctx, rules, nil)
	var e *twitter.Error
	if errors.As(err, &e) && e.HasProblem(twitter.ProblemDuplicateRules) {
		fmt.Println("already in force")
	}

	tag := "gophers"
	res, _, err := c.Rules.Add(ctx, []gen.RuleNoID{{Value: "gopher has:media", Tag: tag}}, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Data[0].Value, res.Data[0].Tag)
	// Output:
	// already in force
	// gopher has:media gophers
}
