package twitter_test

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// TestErrorMessagesFromTheFake reads the messages of errors the fake really sends: each
// says the status once, and a 429 says when its window resets and how long that is.
func TestErrorMessagesFromTheFake(t *testing.T) {
	ctx := context.Background()
	s := fake(t)

	s.Inject("GET /2/users/by/username/{username}", testserver.Fault{Kind: testserver.FaultRateLimit, Delay: time.Hour, Times: 1})
	_, _, err := appClient(t, s).Users.ByUsername(ctx, "jack", nil)
	want := regexp.MustCompile(`^twitter: GET /2/users/by/username/\{username\}: 429 Too Many Requests(: [^:;]+)?( \[[a-z-]+\])?; resets (\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d UTC, in (59m\d\ds|1h0m[01]s)$`)
	if err == nil || !want.MatchString(err.Error()) {
		t.Errorf("429 message %q does not match %s", err, want)
	}

	_, _, err = clientWith(t, s, twitter.WithBearerToken("not-a-token")).Users.ByUsername(ctx, "jack", nil)
	if err == nil || err.Error() != "twitter: GET /2/users/by/username/{username}: 401 Unauthorized" {
		t.Errorf("401 message %q repeats or lacks the status", err)
	}
}

// TestIteratorAndMethodWordArgumentErrorsAlike checks that a page size out of range reads
// the same from the single-page method and from its iterators, with one prefix.
func TestIteratorAndMethodWordArgumentErrorsAlike(t *testing.T) {
	ctx := context.Background()
	c := appClient(t, fake(t))
	opts := &twitter.UserListOptions{PageOptions: twitter.PageOptions{MaxResults: 5000}}
	const want = "twitter: Users.Followers: invalid argument: MaxResults 5000 out of range [1, 1000]"

	_, _, err := c.Users.Followers(ctx, "12", opts)
	if err == nil || err.Error() != want || !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("Followers: %v, want %q", err, want)
	}
	for _, err := range c.Users.FollowersIter(ctx, "12", opts, nil) {
		var pe *twitter.PageError
		if !errors.As(err, &pe) || err.Error() != want || !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("FollowersIter: %v, want a *PageError reading %q", err, want)
		}
	}
	for _, err := range c.Users.FollowersPages(ctx, "", nil, nil) {
		if want := "twitter: Users.Followers: invalid argument: empty user id"; err == nil || err.Error() != want {
			t.Errorf("FollowersPages with no id: %v, want %q", err, want)
		}
	}
}
