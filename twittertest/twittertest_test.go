package twittertest_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

func TestStartAndClient(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewClient(t, srv, twitter.WithRetryPolicy(twitter.NoRetries()))
	res, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want, ok := srv.World().User(twittertest.JackID); !ok || res.Data.Username != want.Username {
		t.Errorf("got @%s, world has %+v", res.Data.Username, want)
	}
	srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: twittertest.FaultHTML, Status: 502, Times: 1})
	if _, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil); !twitter.IsServerError(err) {
		t.Errorf("injected 502: err = %v", err)
	}
}

func TestComplianceStreamFromOutside(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewClient(t, srv)
	const tweetID = "1500000000000000001"
	srv.EmitTweet(twittertest.Tweet{ID: tweetID, AuthorID: twittertest.BobID})
	s, err := c.Stream.TweetCompliance(context.Background(), twittertest.StreamPartition(1500000000000000001, twitter.ComplianceStreamPartitions), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := srv.EmitComplianceEvent(twittertest.ComplianceEvent{Stream: twittertest.TweetComplianceStream, Kind: "drop", TweetID: tweetID}); err != nil {
		t.Fatal(err)
	}
	m, err := s.Next(context.Background())
	if err != nil || m.Data == nil || m.Data.Drop == nil || m.Data.Drop.Tweet.AuthorID != twittertest.BobID {
		t.Fatalf("event %+v, %v", m, err)
	}
}

func TestNewUserClientActsAsTheUser(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewUserClient(t, srv, twittertest.AliceID, twitter.WithRetryPolicy(twitter.NoRetries()))
	me, _, err := c.Users.Me(context.Background(), nil)
	if err != nil || me.Data.ID != twittertest.AliceID {
		t.Fatalf("Me = %+v, %v; want @alice", me, err)
	}
	if _, _, err := twittertest.NewClient(t, srv).Users.Me(context.Background(), nil); !twitter.IsForbidden(err) {
		t.Errorf("the app-only client's Me: %v, want a 403", err)
	}
}

// TestFaultHasEveryFieldOfTheFakes keeps Fault in step with the fake's own: Inject copies
// each field, so a field added there must be added here.
func TestFaultHasEveryFieldOfTheFakes(t *testing.T) {
	ours, theirs := reflect.TypeFor[twittertest.Fault](), reflect.TypeFor[testserver.Fault]()
	if ours.NumField() != theirs.NumField() {
		t.Fatalf("Fault has %d fields, the fake's %d", ours.NumField(), theirs.NumField())
	}
	for i := range ours.NumField() {
		if a, b := ours.Field(i), theirs.Field(i); a.Name != b.Name || a.Type != b.Type {
			t.Errorf("field %d: %s %v, the fake's %s %v", i, a.Name, a.Type, b.Name, b.Type)
		}
	}
}

// An auth option given to NewClient takes the place of the app-only token.
func TestNewClientWithAnotherAuthOption(t *testing.T) {
	srv := twittertest.Start(t)
	o := srv.OAuth1(twittertest.BobID)
	c := twittertest.NewClient(t, srv, twitter.WithOAuth1(twitter.OAuth1Credentials{
		ConsumerKey: o.ConsumerKey, ConsumerSecret: o.ConsumerSecret, Token: o.Token, TokenSecret: o.TokenSecret,
	}))
	me, _, err := c.Users.Me(context.Background(), nil)
	if err != nil || me.Data.ID != twittertest.BobID {
		t.Fatalf("Me = %+v, %v; want @bob", me, err)
	}
}
