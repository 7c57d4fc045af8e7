// Command stream keeps a filtered stream open: it syncs the rules given on the command
// line, prints each matching Tweet with the rules it matched, and logs every reconnection.
// Ctrl-C stops it.
//
//	TWITTER_BEARER_TOKEN=... go run ./examples/stream 'golang has:links' 'from:golang'
//
// Without TWITTER_BEARER_TOKEN it streams from the fake X API, which emits a Tweet every
// 300 ms and drops the connection now and then.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, "stream:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, values []string) error {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	opts := []twitter.Option{twitter.WithBearerToken(os.Getenv("TWITTER_BEARER_TOKEN")), twitter.WithLogger(logger)}
	if os.Getenv("TWITTER_BEARER_TOKEN") == "" {
		srv, err := testserver.New(testserver.WithKeepAlive(time.Second))
		if err != nil {
			return err
		}
		defer srv.Close()
		go fakeTraffic(ctx, srv)
		logger.Info("no TWITTER_BEARER_TOKEN: streaming from the fake X API", "url", srv.URL())
		opts = []twitter.Option{twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()), twitter.WithLogger(logger)}
		if len(values) == 0 {
			values = []string{"gopher", "from:XDevelopers"}
		}
	}
	if len(values) == 0 {
		return fmt.Errorf("give at least one rule, e.g. 'golang has:links'")
	}
	c, err := twitter.NewClient(opts...)
	if err != nil {
		return err
	}
	want := make([]gen.RuleNoID, len(values))
	for i, v := range values {
		want[i] = gen.RuleNoID{Value: v, Tag: values[i]}
	}
	res, err := c.Rules.Sync(ctx, want, nil)
	if err != nil {
		return err
	}
	logger.Info("rules in force", "kept", len(res.Kept), "added", len(res.Added), "deleted", len(res.Deleted))

	s, err := c.Stream.Filtered(ctx, &twitter.StreamOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt, gen.TweetFieldAuthorID},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
		UserFields:  []gen.UserField{gen.UserFieldUsername},
		OnReconnect: func(ev twitter.ReconnectEvent) {
			logger.Warn("reconnecting", "cause", ev.Cause, "attempt", ev.Attempt, "wait", ev.Wait)
		},
	})
	if err != nil {
		return err
	}
	defer s.Close()
	for msg, err := range s.Messages() {
		if err != nil {
			return err // final: bad credentials, rules refused, the context ended
		}
		if msg.Tweet == nil {
			continue // system messages; reconnection is automatic
		}
		tw, who := msg.Tweet.Data, "?"
		if u, ok := twitter.NewIncludes(&msg.Tweet.Includes).Author(&tw); ok {
			who = "@" + u.Username
		}
		var rules []string
		for _, r := range msg.Tweet.MatchingRules {
			if r.Tag != "" {
				rules = append(rules, r.Tag)
			}
		}
		fmt.Printf("%-14s %s  %v\n", who, tw.Text, rules)
	}
	return nil
}

// fakeTraffic makes the fake server emit Tweets and, every tenth one, drop the stream.
func fakeTraffic(ctx context.Context, srv *testserver.Server) {
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	for i := 1; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		author := testserver.FirstGopherID
		if i%3 == 0 {
			author = testserver.XDevelopersID
		}
		srv.EmitTweet(testserver.Tweet{AuthorID: author, Text: fmt.Sprintf("gopher news #%d", i)})
		if i%10 == 0 {
			srv.DisconnectStreams("")
		}
	}
}
