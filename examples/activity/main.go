// Command activity follows users' activity with the X Activity API: it subscribes the
// app to bio changes, follows and new posts of each user id given on the command line,
// prints every event from the activity stream, and ends the subscriptions it made when
// stopped (Ctrl-C).
//
//	TWITTER_BEARER_TOKEN=... go run ./examples/activity 2244994945 783214
//
// Without TWITTER_BEARER_TOKEN it runs against the fake X API, where a user changes
// their bio, follows someone and posts every 300 ms.
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
		fmt.Fprintln(os.Stderr, "activity:", err)
		os.Exit(1)
	}
}

var types = []gen.ActivityEventType{
	gen.ActivityEventTypeProfileUpdateBio, gen.ActivityEventTypeFollowFollow, gen.ActivityEventTypePostCreate,
}

func run(ctx context.Context, users []string) error {
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	opts := []twitter.Option{twitter.WithBearerToken(os.Getenv("TWITTER_BEARER_TOKEN")), twitter.WithLogger(logger)}
	if os.Getenv("TWITTER_BEARER_TOKEN") == "" {
		srv, err := testserver.New(testserver.WithKeepAlive(time.Second))
		if err != nil {
			return err
		}
		defer srv.Close()
		go fakeActivity(ctx, srv)
		logger.Info("no TWITTER_BEARER_TOKEN: following activity on the fake X API", "url", srv.URL())
		opts = []twitter.Option{twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()), twitter.WithLogger(logger)}
		users = []string{testserver.AliceID, testserver.BobID}
	}
	if len(users) == 0 {
		return fmt.Errorf("give at least one user id, e.g. 2244994945")
	}
	c, err := twitter.NewClient(opts...)
	if err != nil {
		return err
	}
	var made []string
	defer func() {
		if len(made) == 0 {
			return
		}
		// The context may be over already: clean up with a fresh one.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, _, err := c.Activity.DeleteSubscriptions(ctx, made); err != nil {
			logger.Error("ending the subscriptions", "error", err)
		}
	}()
	for _, u := range users {
		for _, typ := range types {
			res, _, err := c.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{
				EventType: typ, Filter: gen.ActivityFilter{UserID: u}, Tag: "example"})
			if err != nil {
				return fmt.Errorf("subscribing to %s of %s: %w", typ, u, err)
			}
			made = append(made, res.Data.Subscription.SubscriptionID)
		}
	}
	logger.Info("subscribed", "subscriptions", len(made))

	s, err := c.Activity.Stream(ctx, &twitter.StreamOptions{
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
			return err
		}
		ev := msg.Event
		if ev == nil {
			continue // system messages; reconnection is automatic
		}
		switch {
		case ev.Profile != nil:
			fmt.Printf("%s %s: %q -> %q\n", ev.Filter.UserID, ev.EventType, ev.Profile.Before, ev.Profile.After)
		case ev.Users != nil && ev.Users.Source != nil && ev.Users.Target != nil:
			fmt.Printf("%s %s: @%s -> @%s\n", ev.Filter.UserID, ev.EventType, ev.Users.Source.Username, ev.Users.Target.Username)
		case ev.Tweet != nil:
			fmt.Printf("%s %s: %s\n", ev.Filter.UserID, ev.EventType, ev.Tweet.Text)
		default:
			fmt.Printf("%s %s: %s\n", ev.Filter.UserID, ev.EventType, ev.Payload)
		}
	}
	return nil
}

// fakeActivity has Alice change her bio, Bob follow (or unfollow) Carol, and Alice post,
// in turn.
func fakeActivity(ctx context.Context, srv *testserver.Server) {
	bob, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.UserToken(testserver.BobID)))
	if err != nil {
		return
	}
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		switch i % 3 {
		case 0:
			_ = srv.UpdateProfile(testserver.AliceID, testserver.ProfileBio, fmt.Sprintf("Writes Go, day %d", i/3+1))
		case 1:
			if i%2 == 1 {
				_, _, _ = bob.Users.Follow(ctx, testserver.BobID, testserver.CarolID)
			} else {
				_, _, _ = bob.Users.Unfollow(ctx, testserver.BobID, testserver.CarolID)
			}
		case 2:
			srv.EmitTweet(testserver.Tweet{AuthorID: testserver.AliceID, Text: fmt.Sprintf("Shipping number %d", i/3+1)})
		}
	}
}
