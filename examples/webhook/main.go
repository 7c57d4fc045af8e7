// Command webhook receives X Activity events on a webhook: the way off the Account
// Activity API, which X ends on 2027-01-01. It serves the webhook (answering X's
// challenge-response checks, refusing any delivery X did not sign), registers it, subscribes
// each user id given to bio changes and follows with delivery to it, and prints every
// event. Stopped (Ctrl-C), it ends its subscriptions and deletes the webhook.
//
//	TWITTER_BEARER_TOKEN=... TWITTER_CONSUMER_SECRET=... WEBHOOK_URL=https://example.com/x/webhook \
//		go run ./examples/webhook -addr :8080 2244994945 783214
//
// X reaches webhooks over https only: WEBHOOK_URL is where X sends, which must lead to
// -addr (a TLS-terminating proxy, a tunnel). Without TWITTER_BEARER_TOKEN it runs against
// the fake X API, which reaches the webhook on loopback: a user changes their bio and
// another is followed every 300 ms, and the fake delivers each event.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "the address to serve the webhook on")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, os.Getenv, *addr, flag.Args(), 0); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, "webhook:", err)
		os.Exit(1)
	}
}

// types are the events subscribed to, for each user: public ones, which the app's own
// token may subscribe to.
var types = []gen.ActivityEventType{gen.ActivityEventTypeProfileUpdateBio, gen.ActivityEventTypeFollowFollow}

// run serves the webhook on addr and prints the events it receives until ctx ends, or
// until it has printed max of them when max > 0.
func run(ctx context.Context, out io.Writer, getenv func(string) string, addr string, users []string, max int) error {
	token, secret, publicURL := getenv("TWITTER_BEARER_TOKEN"), getenv("TWITTER_CONSUMER_SECRET"), getenv("WEBHOOK_URL")
	opts := []twitter.Option{twitter.WithBearerToken(token)}
	var fake *testserver.Server
	if token == "" {
		var err error
		if fake, err = testserver.New(); err != nil {
			return err
		}
		defer fake.Close()
		_, secret = fake.AppCredentials()
		opts = []twitter.Option{twitter.WithBaseURL(fake.URL()), twitter.WithBearerToken(fake.AppBearerToken())}
		users, addr = []string{testserver.AliceID, testserver.CarolID}, "127.0.0.1:0"
		fmt.Fprintln(out, "no TWITTER_BEARER_TOKEN: receiving the fake X API's events")
	}
	switch {
	case secret == "":
		return errors.New("TWITTER_CONSUMER_SECRET is needed to answer X's checks and verify its deliveries")
	case len(users) == 0:
		return errors.New("give at least one user id, e.g. 2244994945")
	}

	// The receiver, serving before the webhook is registered: X checks it at once.
	events := make(chan *twitter.ActivityEvent)
	h, err := twitter.NewWebhookHandler(secret, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body) // verified and bounded by the handler
		if err != nil {
			http.Error(w, "cannot read the event", http.StatusBadRequest)
			return
		}
		ev, err := twitter.ParseActivityEvent(body)
		if err != nil {
			http.Error(w, "not an event", http.StatusBadRequest)
			return
		}
		select {
		case events <- ev:
		case <-r.Context().Done():
		}
	}), nil)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/webhook", h)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	if fake != nil {
		publicURL = "http://" + ln.Addr().String() + "/webhook"
	}
	if publicURL == "" {
		return errors.New("WEBHOOK_URL is needed: the https URL at which X reaches this program")
	}

	c, err := twitter.NewClient(opts...)
	if err != nil {
		return err
	}
	// What is made is undone at the end, with a context of its own: ctx may be over.
	var undo []func(context.Context) error
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		for i := len(undo) - 1; i >= 0; i-- {
			if err := undo[i](ctx); err != nil {
				fmt.Fprintln(out, "cleaning up:", err)
			}
		}
	}()
	hook, _, err := c.Webhooks.Create(ctx, publicURL)
	if err != nil {
		return fmt.Errorf("registering the webhook: %w", err)
	}
	id := hook.Data.ID
	undo = append(undo, func(ctx context.Context) error {
		if _, _, err := c.Webhooks.Delete(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(out, "deleted webhook %s\n", id)
		return nil
	})
	fmt.Fprintf(out, "webhook %s registered at %s (valid: %t)\n", id, publicURL, hook.Data.Valid)

	var subs []string
	undo = append(undo, func(ctx context.Context) error {
		if len(subs) == 0 {
			return nil
		}
		if _, _, err := c.Activity.DeleteSubscriptions(ctx, subs); err != nil {
			return err
		}
		fmt.Fprintf(out, "ended %d subscriptions\n", len(subs))
		return nil
	})
	for _, u := range users {
		for _, typ := range types {
			res, _, err := c.Activity.CreateSubscription(ctx, gen.ActivitySubscriptionCreateRequest{
				EventType: typ, Filter: gen.ActivityFilter{UserID: u}, WebhookID: id, Tag: "webhook example"})
			if err != nil {
				return fmt.Errorf("subscribing to %s of %s: %w", typ, u, err)
			}
			subs = append(subs, res.Data.Subscription.SubscriptionID)
		}
	}
	fmt.Fprintf(out, "%d subscriptions deliver to it\n", len(subs))
	if fake != nil {
		actx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); fakeActivity(actx, fake) }()
		defer func() { cancel(); <-done }()
	}

	for n := 0; max <= 0 || n < max; n++ {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev := <-events:
			show(out, ev)
		}
	}
	return nil
}

// show prints one event.
func show(out io.Writer, ev *twitter.ActivityEvent) {
	switch {
	case ev.Profile != nil:
		fmt.Fprintf(out, "%s %s: %q -> %q\n", ev.Filter.UserID, ev.EventType, ev.Profile.Before, ev.Profile.After)
	case ev.Users != nil && ev.Users.Source != nil && ev.Users.Target != nil:
		fmt.Fprintf(out, "%s %s: @%s followed @%s\n", ev.Filter.UserID, ev.EventType, ev.Users.Source.Username, ev.Users.Target.Username)
	default: // a type this client does not type: its payload as X sent it
		fmt.Fprintf(out, "%s %s: %s\n", ev.Filter.UserID, ev.EventType, ev.Payload)
	}
}

// fakeActivity has Alice change her bio and Bob follow (then unfollow) Carol, in turn, and
// the fake deliver each event to the webhook.
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
		switch i % 4 {
		case 0, 2:
			_ = srv.UpdateProfile(testserver.AliceID, testserver.ProfileBio, fmt.Sprintf("Writes Go, day %d", i/2+1))
		case 1:
			_, _, _ = bob.Users.Follow(ctx, testserver.BobID, testserver.CarolID)
		case 3:
			_, _, _ = bob.Users.Unfollow(ctx, testserver.BobID, testserver.CarolID)
		}
		_, _ = srv.DeliverActivityWebhooks(ctx)
	}
}
