// Command search pages through a recent search and prints each Tweet with its author.
//
//	TWITTER_BEARER_TOKEN=... go run ./examples/search 'golang -is:retweet' 300
//
// Without TWITTER_BEARER_TOKEN it searches the module's fake X API instead.
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func main() {
	query, limit := "gopher -is:retweet", 100
	if len(os.Args) > 1 {
		query = os.Args[1]
	}
	if len(os.Args) > 2 {
		n, err := strconv.Atoi(os.Args[2])
		if err != nil || n < 1 {
			fmt.Fprintln(os.Stderr, "usage: search [query] [max tweets]")
			os.Exit(2)
		}
		limit = n
	}
	if err := run(context.Background(), query, limit); err != nil {
		fmt.Fprintln(os.Stderr, "search:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, query string, limit int) error {
	opts := []twitter.Option{twitter.WithBearerToken(os.Getenv("TWITTER_BEARER_TOKEN"))}
	if os.Getenv("TWITTER_BEARER_TOKEN") == "" {
		srv, err := testserver.New()
		if err != nil {
			return err
		}
		defer srv.Close()
		fmt.Fprintln(os.Stderr, "(no TWITTER_BEARER_TOKEN: searching the fake X API)")
		opts = []twitter.Option{twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken())}
	}
	c, err := twitter.NewClient(opts...)
	if err != nil {
		return err
	}
	search := &twitter.SearchOptions{TweetOptions: twitter.TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt, gen.TweetFieldAuthorID},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
		UserFields:  []gen.UserField{gen.UserFieldUsername},
	}}
	n := 0
	for page, err := range c.Tweets.SearchRecentPages(ctx, query, search, &twitter.IterOptions{MaxItems: limit}) {
		if err != nil {
			// A *twitter.PageError says how far the search got and the token to resume from.
			return err
		}
		for _, tw := range page.Items {
			if n == limit {
				return nil
			}
			n++
			who := "?"
			if u, ok := page.Includes.Author(&tw); ok {
				who = "@" + u.Username
			}
			fmt.Printf("%4d %s %-16s %s\n", n, tw.CreatedAt.Format("Jan 02 15:04"), who, tw.Text)
		}
	}
	return nil
}
