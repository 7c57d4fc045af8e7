package twitter_test

import (
	"context"
	"fmt"
	"log"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// Set the rules of the filtered stream, then read the Tweets that match them. The
// stream reconnects by itself; OnReconnect hears about each reconnection.
func ExampleStreamService_Filtered() {
	srv, err := testserver.New() // the fake X API; a program uses the API host
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	tag := "gophers"
	res, err := c.Rules.Sync(ctx, []gen.RuleNoID{{Value: "gopher", Tag: tag}}, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("rules: %d added, %d deleted\n", len(res.Added), len(res.Deleted))

	s, err := c.Stream.Filtered(ctx, &twitter.StreamOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
		OnReconnect: func(ev twitter.ReconnectEvent) {
			log.Printf("stream %s (attempt %d): reconnecting in %v: %v", ev.Cause, ev.Attempt, ev.Wait, ev.Err)
		},
	})
	if err != nil {
		log.Fatal(err) // 401, 403, a bad field: reconnecting would not help
	}
	defer s.Close()

	srv.EmitTweet(testserver.Tweet{Text: "A gopher in the wild", AuthorID: testserver.BobID},
		testserver.Tweet{Text: "Nothing to see here"},
		testserver.Tweet{Text: "Another gopher", AuthorID: testserver.CarolID})
	n := 0
	for msg, err := range s.Messages() {
		if err != nil {
			log.Fatal(err)
		}
		if msg.Tweet == nil {
			continue // a system message, such as an operational disconnect
		}
		author := msg.Tweet.Includes.Users[0].Username
		fmt.Printf("@%s: %s [%s]\n", author, msg.Tweet.Data.Text, msg.Tweet.MatchingRules[0].Tag)
		if n++; n == 2 {
			break
		}
	}
	// Output:
	// rules: 1 added, 1 deleted
	// @bob: A gopher in the wild [gophers]
	// @carol: Another gopher [gophers]
}
