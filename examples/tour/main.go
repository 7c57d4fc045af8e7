// Command tour walks through the twitterkit client: lookups with fields and expansions,
// paging a search with an iterator, counts, acting as a user, partial errors, a rate-limit
// wait, a filtered stream that survives a disconnect, and typed errors.
//
// With TWITTER_BEARER_TOKEN, an OAuth 2.0 user token (TWITTER_USER_ACCESS_TOKEN) or OAuth
// 1.0a keys (TWITTER_CONSUMER_KEY, TWITTER_CONSUMER_SECRET, TWITTER_ACCESS_TOKEN,
// TWITTER_ACCESS_SECRET) it talks to the real X API and skips the steps that need what is
// missing. TWITTER_API_URL points it at another server, such as the fake X API run as a
// program (go run ./internal/testserver/cmd/fakex, with the tokens it prints). With no
// credentials it starts the fake in-process and runs every step against it:
//
//	go run ./examples/tour
//
// Progress lines are rewritten in place on a terminal, and printed one per line otherwise.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := run(ctx, os.Stdout, os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "tour:", err)
		os.Exit(1)
	}
}

// run is the whole tour; getenv is os.Getenv, or a stand-in in tests.
func run(ctx context.Context, out io.Writer, getenv func(string) string) error {
	env, err := newEnvironment(ctx, out, getenv)
	if err != nil {
		return err
	}
	defer env.close()
	t := &tour{env: env, out: out, terminal: isTerminal(out)}
	for _, step := range []struct {
		title string
		run   func(context.Context) error
	}{
		{"Look up a user with fields and expansions", t.lookupUser},
		{"Page through a recent search", t.pageSearch},
		{"Count matching Tweets per day", t.countTweets},
		{"Act as a user: follow and unfollow, like and unlike", t.actAsUser},
		{"Partial errors beside data", t.partialErrors},
		{"Wait out a rate limit", t.rateLimitWait},
		{"A filtered stream that survives a disconnect", t.filteredStream},
		{"Typed errors", t.typedErrors},
	} {
		t.heading(step.title)
		if err := step.run(ctx); err != nil {
			return fmt.Errorf("%s: %w", step.title, err)
		}
	}
	fmt.Fprintln(out, "\nThe tour is over.")
	return nil
}
