package twittertest_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
	"golang.org/x/oauth2"
)

// A server outside a test: New, then Close. In a test, Start closes it by itself.
func ExampleNew() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()))
	if err != nil {
		log.Fatal(err)
	}
	res, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("@" + res.Data.Username)
	// Output: @jack
}

// Inject makes the next request of a route fail as a proxy in front of X would.
func ExampleServer_Inject() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()),
		twitter.WithRetryPolicy(twitter.NoRetries()))
	if err != nil {
		log.Fatal(err)
	}
	srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultStatus, Status: 503, Times: 1})
	_, _, err = c.Users.ByID(context.Background(), twittertest.JackID, nil)
	fmt.Println(twitter.IsServerError(err))
	_, _, err = c.Users.ByID(context.Background(), twittertest.JackID, nil) // the fault was for one request
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

// UserToken mints a token acting as a user; World shows what the user's calls changed.
func ExampleServer_UserToken() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	tok := &oauth2.Token{AccessToken: srv.UserToken(twittertest.AliceID), TokenType: "bearer"}
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithTokenSource(oauth2.StaticTokenSource(tok)))
	if err != nil {
		log.Fatal(err)
	}
	before := srv.World().FollowerCount(twittertest.BobID)
	if _, _, err := c.Users.Unfollow(context.Background(), twittertest.AliceID, twittertest.BobID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(srv.World().FollowerCount(twittertest.BobID) - before) // Alice followed Bob
	// Output: -1
}

// The World's Add methods seed what a test needs before the code under test runs; the
// client then finds it as it finds the seeded world.
func ExampleWorld_AddUser() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	w := srv.World()
	bot, err := w.AddUser(twittertest.User{Username: "weatherbot", Name: "Weather Bot"})
	if err != nil {
		log.Fatal(err)
	}
	tw, err := w.AddTweet(twittertest.Tweet{AuthorID: bot.ID, Text: "Sunny in #Berlin, 24°C"})
	if err != nil {
		log.Fatal(err)
	}
	if err := w.AddLike(twittertest.AliceID, tw.ID); err != nil {
		log.Fatal(err)
	}
	if err := w.AddFollow(twittertest.AliceID, bot.ID); err != nil {
		log.Fatal(err)
	}

	tok := &oauth2.Token{AccessToken: srv.UserToken(twittertest.BobID), TokenType: "bearer"} // acting as @bob
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithTokenSource(oauth2.StaticTokenSource(tok)))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	u, _, err := c.Users.ByUsername(ctx, "weatherbot", nil)
	if err != nil {
		log.Fatal(err)
	}
	likers, _, err := c.Tweets.LikingUsers(ctx, tw.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(u.Data.Name, "liked by @"+likers.Data[0].Username)
	fmt.Println(w.FollowerCount(bot.ID), "follower")
	// Output:
	// Weather Bot liked by @alice
	// 1 follower
}

// Beyond users and Tweets, a test seeds the rest of what its code reads: Lists, Spaces,
// media, polls, direct messages, bookmarks, blocks, mutes and Retweets. Here a List with
// members and a follower, read back through the client as the code under test would.
func ExampleWorld_AddList() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	w := srv.World()
	l, err := w.AddList(twittertest.List{Name: "Go weekly", OwnerID: twittertest.BobID,
		MemberIDs: []string{twittertest.CarolID, twittertest.AliceID}})
	if err != nil {
		log.Fatal(err)
	}
	if err := w.AddListMember(l.ID, twittertest.JackID); err != nil { // the newest member
		log.Fatal(err)
	}
	if err := w.AddListFollower(l.ID, twittertest.DaveID); err != nil {
		log.Fatal(err)
	}
	if _, err := w.AddList(twittertest.List{Name: "Private", Private: true, FollowerIDs: []string{twittertest.BobID}}); err != nil {
		fmt.Println(err)
	}

	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()))
	if err != nil {
		log.Fatal(err)
	}
	members, _, err := c.Lists.Members(context.Background(), l.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	var handles []string
	for _, u := range members.Data {
		handles = append(handles, "@"+u.Username)
	}
	fmt.Println(strings.Join(handles, " "))
	fmt.Println(w.FollowedListIDs(twittertest.DaveID)[0] == l.ID)
	// Output:
	// twittertest: AddList: user "1000000002" cannot follow a private List of someone else
	// @jack @carol @alice
	// true
}

// A ManualClock lets a test cross a rate-limit window without waiting: the fault here is
// the server's own 429 once the route's limit is spent.
func ExampleManualClock() {
	clock := twittertest.NewManualClock(twittertest.SeedTime)
	srv, err := twittertest.New(twittertest.WithClock(clock),
		twittertest.WithRateLimit("GET /2/users/{id}", 1, 15*time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()),
		twitter.WithRetryPolicy(twitter.NoRetries()))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for _, wait := range []time.Duration{0, 0, 15 * time.Minute} {
		clock.Advance(wait)
		_, _, err := c.Users.ByID(ctx, twittertest.JackID, nil)
		fmt.Printf("after %v: rate limited %v\n", wait, twitter.IsRateLimited(err))
	}
	// Output:
	// after 0s: rate limited false
	// after 0s: rate limited true
	// after 15m0s: rate limited false
}

// Faults make a route fail as the network and X's front end do; a client's retry policy
// rides them out. Here the first two requests get a proxy's HTML page and a reset
// connection, and the default retry policy succeeds on the third.
func ExampleFaultKind() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()),
		twitter.WithRetryPolicy(&twitter.Backoff{Initial: time.Millisecond}))
	if err != nil {
		log.Fatal(err)
	}
	srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultHTML, Status: 502, Times: 1})
	srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultReset, Times: 1})
	res, resp, err := c.Users.ByID(context.Background(), twittertest.JackID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("@"+res.Data.Username, "in", resp.Attempts, "attempts")
	// Output: @jack in 3 attempts
}

// A ResponseMutator makes the server send what X may send and its document does not
// list, here a new verified type: the client reads the response all the same. The value
// breaks the document, so the server does not check its responses here.
func ExampleWithResponseMutator() {
	srv, err := twittertest.New(twittertest.WithoutResponseValidation(), twittertest.WithResponseMutator(func(op string, status int, body []byte) []byte {
		if op == "lookupUser" {
			return bytes.Replace(body, []byte(`"verified_type":"blue"`), []byte(`"verified_type":"gold_plus"`), 1)
		}
		return body
	}))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithBearerToken(srv.AppBearerToken()))
	if err != nil {
		log.Fatal(err)
	}
	res, _, err := c.Users.ByID(context.Background(), twittertest.JackID, &twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldVerifiedType}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("@"+res.Data.Username, res.Data.VerifiedType, len(srv.Violations()))
	// Output: @jack gold_plus 0
}

// World reads the state of the newer features too: here the chat message a client sent.
// The server keeps a chat's payloads as X's chat SDK encrypted them.
func ExampleWorld_ChatEvents() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	tok := &oauth2.Token{AccessToken: srv.UserToken(twittertest.BobID), TokenType: "bearer"}
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithTokenSource(oauth2.StaticTokenSource(tok)))
	if err != nil {
		log.Fatal(err)
	}
	conv := twittertest.AliceID + "-" + twittertest.BobID
	_, _, err = c.Chat.Send(context.Background(), conv, gen.ChatMessageRequest{MessageID: "m-1",
		EncodedMessageCreateEvent: "ZW5jcnlwdGVk", EncodedMessageEventSignature: "c2ln"})
	if err != nil {
		log.Fatal(err)
	}
	events := srv.World().ChatEvents(conv)
	last := events[len(events)-1]
	fmt.Println(last.Kind, "from", last.SenderID, last.MessageID)
	// Output: message from 1000000002 m-1
}

// AddUpload seeds a finished upload, so that code which posts media can be tested
// without uploading a file first: it posts with the upload's media id, as after a real
// upload.
func ExampleWorld_AddUpload() {
	srv, err := twittertest.New()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	up, err := srv.World().AddUpload(twittertest.Upload{OwnerID: twittertest.AliceID, MediaType: "image/png"})
	if err != nil {
		log.Fatal(err)
	}
	tok := &oauth2.Token{AccessToken: srv.UserToken(twittertest.AliceID), TokenType: "bearer"}
	c, err := twitter.NewClient(twitter.WithBaseURL(srv.URL()), twitter.WithTokenSource(oauth2.StaticTokenSource(tok)))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	res, _, err := c.Tweets.Create(ctx, twitter.NewTweet{Text: "today's chart", MediaIDs: []string{up.ID}})
	if err != nil {
		log.Fatal(err)
	}
	tw, _ := srv.World().Tweet(res.Data.ID)
	fmt.Println(tw.MediaKeys[0] == up.MediaKey, up.Category)
	// Output: true tweet_image
}
