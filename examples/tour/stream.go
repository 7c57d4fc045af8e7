package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func (t *tour) filteredStream(ctx context.Context) error {
	if t.env.fake == nil && !t.env.appOnly {
		t.printf("skipped: the filtered stream needs an app-only token (TWITTER_BEARER_TOKEN)")
		return nil
	}
	tag := "from the X dev team"
	rule := gen.RuleNoID{Value: "from:XDevelopers", Tag: tag}
	if t.env.fake != nil {
		sync, err := t.env.app.Rules.Sync(ctx, []gen.RuleNoID{rule}, nil)
		if err != nil {
			return err
		}
		t.printf("rules synced with the fewest calls: %d deleted, %d added", len(sync.Deleted), len(sync.Added))
	} else {
		// Against a real account Sync would delete its other rules: add ours beside them
		// and take it away afterwards.
		if _, _, err := t.env.app.Rules.Add(ctx, []gen.RuleNoID{rule}, nil); err != nil && !twitter.IsRuleProblem(err) {
			return err
		}
		defer t.env.app.Rules.DeleteValues(context.WithoutCancel(ctx), []string{rule.Value}, nil)
		t.printf("rule %q added beside the account's own rules", rule.Value)
	}

	ctx, cancel := context.WithTimeout(ctx, t.env.streamWait)
	defer cancel()
	reconnected := make(chan twitter.ReconnectEvent, 8)
	stream, err := t.env.app.Stream.Filtered(ctx, &twitter.StreamOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldCreatedAt},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
		UserFields:  []gen.UserField{gen.UserFieldUsername},
		OnReconnect: func(ev twitter.ReconnectEvent) {
			select {
			case reconnected <- ev:
			default:
			}
		},
	})
	if err != nil {
		return err
	}
	defer stream.Close()

	if t.env.fake == nil {
		t.printf("connected; showing up to 3 Tweets or %v", t.env.streamWait)
		err := t.readTweets(stream, 3)
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			t.printf("no more Tweets within %v", t.env.streamWait)
			return nil
		}
		return err
	}
	srv := t.env.fake
	sent := 0
	emit := func(n int) {
		for range n {
			sent++
			srv.EmitTweet(testserver.Tweet{AuthorID: testserver.XDevelopersID, Text: fmt.Sprintf("Streaming update #%d from the fake X", sent)})
		}
	}
	emit(2)
	if err := t.readTweets(stream, 2); err != nil {
		return err
	}
	t.printf("the server drops the connection (operational disconnect)...")
	srv.DisconnectStreams("")
	select {
	case ev := <-reconnected:
		t.printf("reconnect event: cause %s, attempt %d, wait %s (X's guidelines: at once after a drop)", ev.Cause, ev.Attempt, ev.Wait)
	case <-ctx.Done():
		return ctx.Err()
	}
	if err := srv.WaitStreamConnections(ctx, "streamFiltered", 1); err != nil {
		return err
	}
	emit(2)
	return t.readTweets(stream, 2)
}

// readTweets prints the next n Tweets of a stream, skipping system messages.
func (t *tour) readTweets(stream *twitter.Stream, n int) error {
	for msg, err := range stream.Messages() {
		if err != nil {
			return err
		}
		if msg.Tweet == nil {
			if msg.IsDisconnect() {
				t.printf("system message: %s", msg.Problems[0].Title)
			}
			continue
		}
		tw := msg.Tweet.Data
		author := tw.AuthorID
		if u, ok := twitter.NewIncludes(&msg.Tweet.Includes).Author(&tw); ok {
			author = "@" + u.Username
		}
		rule := ""
		for _, r := range msg.Tweet.MatchingRules {
			rule = r.Tag
		}
		t.printf("%s: %q  [rule: %s]", author, oneLine(tw.Text), rule)
		if n--; n == 0 {
			return nil
		}
	}
	return nil
}
