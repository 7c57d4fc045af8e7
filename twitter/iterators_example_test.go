package twitter_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// The examples run against the fake X API; a program passes its own credentials instead.

func ExampleUsersService_FollowersIter() {
	s, _ := testserver.New()
	defer s.Close()
	c, _ := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.AppBearerToken()))

	// Every follower of @jack, 1000 a request, one page in memory at a time.
	n := 0
	for _, err := range c.Users.FollowersIter(context.Background(), testserver.JackID, nil, nil) {
		if err != nil {
			var pe *twitter.PageError
			if errors.As(err, &pe) {
				fmt.Printf("stopped after %d followers; resume with IterOptions{StartToken: %q}\n", pe.Items, pe.ResumeToken)
			}
			return
		}
		n++
	}
	fmt.Println(n, "followers")
	// Output: 2500 followers
}

func ExampleTweetsService_SearchRecentPages() {
	s, _ := testserver.New()
	defer s.Close()
	c, _ := twitter.NewClient(twitter.WithBaseURL(s.URL()), twitter.WithBearerToken(s.AppBearerToken()))

	// The authors of the Tweets of a search, from each page's includes; at most 250 Tweets.
	opts := &twitter.SearchOptions{TweetOptions: twitter.TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
	}}
	authors := map[string]bool{}
	var resume string
	for page, err := range c.Tweets.SearchRecentPages(context.Background(), "gopher", opts, &twitter.IterOptions{MaxItems: 250}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, t := range page.Items {
			if u, ok := page.Includes.Author(&t); ok {
				authors[u.Username] = true
			}
		}
		resume = page.NextToken // where a later run would carry on
	}
	fmt.Println(len(authors) > 1, resume != "")
	// Output: true true
}
