package twittertest_test

import (
	"context"
	"testing"

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
