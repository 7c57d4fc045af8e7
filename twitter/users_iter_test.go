package twitter

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

const followersPath = "/2/users/" + testserver.JackID + "/followers"

func TestFollowersIterPagesToTheEnd(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()

	got := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, nil, nil), userID)
	noDuplicates(t, got)
	if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), got); diff != "" {
		t.Errorf("followers (-world +iterated):\n%s", diff)
	}
	// 2,500 followers at the largest page size, 1000: three requests.
	qs := log.queries(followersPath)
	if len(qs) != 3 {
		t.Fatalf("%d requests, want 3", len(qs))
	}
	for i, q := range qs {
		if q.Get("max_results") != "1000" {
			t.Errorf("request %d: max_results=%q, want 1000", i+1, q.Get("max_results"))
		}
		if (i == 0) != (q.Get("pagination_token") == "") || q.Has("next_token") {
			t.Errorf("request %d: pagination_token=%q next_token=%q", i+1, q.Get("pagination_token"), q.Get("next_token"))
		}
	}
}

func TestFollowersPagesExposeTokens(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	opts := &UserListOptions{PageOptions: PageOptions{MaxResults: 900}}
	var pages []*UserPage
	for p, err := range c.Users.FollowersPages(context.Background(), testserver.JackID, opts, nil) {
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for i, p := range pages {
		if p.Number != i+1 || p.Response == nil || p.Response.StatusCode != 200 || p.Meta.ResultCount != len(p.Items) {
			t.Errorf("page %d: number %d, result_count %d of %d items", i+1, p.Number, p.Meta.ResultCount, len(p.Items))
		}
		if i > 0 && p.Token != pages[i-1].NextToken {
			t.Errorf("page %d was fetched with %q, want the previous page's next token %q", i+1, p.Token, pages[i-1].NextToken)
		}
		if i > 0 && p.Meta.PreviousToken == "" {
			t.Errorf("page %d has no previous token", i+1)
		}
	}
	if pages[2].NextToken != "" || len(pages[2].Items) != 700 {
		t.Errorf("last page: %d items, next token %q", len(pages[2].Items), pages[2].NextToken)
	}
}

func TestUserPagesResolvePinnedTweets(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	opts := &UserListOptions{
		UserOptions: UserOptions{
			Expansions: []gen.UserExpansion{gen.UserExpansionPinnedTweetID},
			UserFields: []gen.UserField{gen.UserFieldPinnedTweetID},
		},
		PageOptions: PageOptions{MaxResults: 1},
	}
	pinned := 0
	for p, err := range c.Users.FollowingPages(context.Background(), testserver.AliceID, opts, nil) {
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.Items {
			u := &p.Items[i]
			if u.PinnedTweetID == "" {
				continue
			}
			tw, ok := p.Includes.PinnedTweet(u)
			if !ok || tw.ID != u.PinnedTweetID {
				t.Errorf("@%s: pinned Tweet %s not resolved", u.Username, u.PinnedTweetID)
				continue
			}
			if want, _ := s.World().Tweet(tw.ID); tw.Text != want.Text {
				t.Errorf("@%s: pinned Tweet text %q, the world has %q", u.Username, tw.Text, want.Text)
			}
			pinned++
		}
	}
	if pinned == 0 {
		t.Error("no followed account had a pinned Tweet: @jack's should be there")
	}
}

func TestUserGraphIterators(t *testing.T) {
	s := startFake(t)
	ctx := context.Background()
	alice, _ := iterClient(t, s, s.UserToken(testserver.AliceID))
	w := s.World()
	for _, tc := range []struct {
		name string
		got  []string
		want []string
	}{
		{"following", ids(t, alice.Users.FollowingIter(ctx, testserver.AliceID, nil, nil), userID), w.FollowingIDs(testserver.AliceID)},
		{"following of @jack, one a page", ids(t, alice.Users.FollowingIter(ctx, testserver.JackID,
			&UserListOptions{PageOptions: PageOptions{MaxResults: 1}}, nil), userID), w.FollowingIDs(testserver.JackID)},
		{"blocking", ids(t, alice.Users.BlockingIter(ctx, testserver.AliceID, nil, nil), userID), w.BlockingIDs(testserver.AliceID)},
		{"followers of Alice, three a page", ids(t, alice.Users.FollowersIter(ctx, testserver.AliceID,
			&UserListOptions{PageOptions: PageOptions{MaxResults: 3}}, nil), userID), w.FollowerIDs(testserver.AliceID)},
	} {
		if len(tc.want) == 0 {
			t.Fatalf("%s: the world has none; the test proves nothing", tc.name)
		}
		noDuplicates(t, tc.got)
		if diff := cmp.Diff(tc.want, tc.got); diff != "" {
			t.Errorf("%s (-world +iterated):\n%s", tc.name, diff)
		}
	}
}

func TestFollowersIterBreakEarly(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	before := goleak.IgnoreCurrent()

	n := 0
	for _, err := range c.Users.FollowersIter(context.Background(), testserver.JackID, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 1500 {
			break
		}
	}
	if got := len(log.queries(followersPath)); got != 2 {
		t.Errorf("breaking at item 1500 made %d requests, want 2", got)
	}
	// Nothing keeps running once the loop is left: no goroutine but the idle
	// connection's, which end when the transport closes it.
	log.next.(*http.Transport).CloseIdleConnections()
	goleak.VerifyNone(t, before)
}

func TestFollowersIterLimitsAndResume(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	world := s.World().FollowerIDs(testserver.JackID)

	// MaxItems below a page asks for only that many.
	got := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, nil, &IterOptions{MaxItems: 250}), userID)
	if diff := cmp.Diff(world[:250], got); diff != "" {
		t.Errorf("MaxItems 250 (-world +iterated):\n%s", diff)
	}
	if qs := log.queries(followersPath); len(qs) != 1 || qs[0].Get("max_results") != "250" {
		t.Errorf("MaxItems 250 sent %v, want one request for 250", qs)
	}

	// Stop after a page, save its NextToken, resume later.
	var first []string
	var saved string
	for p, err := range c.Users.FollowersPages(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 600}}, &IterOptions{MaxPages: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range p.Items {
			first = append(first, u.ID)
		}
		saved = p.NextToken
	}
	if len(first) != 600 || saved == "" {
		t.Fatalf("first page: %d items, next token %q", len(first), saved)
	}
	rest := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 600}}, &IterOptions{StartToken: saved}), userID)
	all := append(first, rest...)
	noDuplicates(t, all)
	if diff := cmp.Diff(world, all); diff != "" {
		t.Errorf("first page + resumed (-world +iterated):\n%s", diff)
	}

	// The token may come in the options instead.
	rest2 := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 600, PaginationToken: saved}}, nil), userID)
	if diff := cmp.Diff(rest, rest2); diff != "" {
		t.Errorf("resumed through PageOptions (-IterOptions +PageOptions):\n%s", diff)
	}
}

func TestFollowersIterRetriesA503MidWay(t *testing.T) {
	mc := testserver.NewManualClock(time.Time{})
	s := startFake(t, testserver.WithClock(mc))
	c, _ := iterClient(t, s, s.AppBearerToken(), withServerClock(mc))
	// The second page fails once; the default retry policy sends it again.
	s.Inject("GET /2/users/{id}/followers", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1, After: 1})

	var got []string
	attempts := []int{}
	for p, err := range c.Users.FollowersPages(context.Background(), testserver.JackID, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		attempts = append(attempts, p.Response.Attempts)
		for _, u := range p.Items {
			got = append(got, u.ID)
		}
	}
	noDuplicates(t, got)
	if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), got); diff != "" {
		t.Errorf("followers (-world +iterated):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 2, 1}, attempts); diff != "" {
		t.Errorf("attempts per page (-want +got):\n%s", diff)
	}
}

func TestFollowersIterA503WithoutRetriesCanBeResumed(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken(), WithRetryPolicy(NoRetries()))
	s.Inject("GET /2/users/{id}/followers", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1, After: 1})
	ctx := context.Background()

	var got []string
	var pe *PageError
	for u, err := range c.Users.FollowersIter(ctx, testserver.JackID, nil, nil) {
		if err != nil {
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *PageError", err)
			}
			continue
		}
		got = append(got, u.ID)
	}
	if pe == nil {
		t.Fatal("no error from the injected 503")
	}
	if !IsServerError(pe) || pe.Pages != 1 || pe.Items != 1000 || pe.ResumeToken == "" || len(got) != 1000 {
		t.Fatalf("PageError %+v after %d items; want a 503 after one page of 1000 with a resume token", pe, len(got))
	}
	var apiErr *Error
	if !errors.As(pe, &apiErr) || apiErr.StatusCode != 503 {
		t.Errorf("errors.As(*Error) = %v", apiErr)
	}
	rest := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, nil, &IterOptions{StartToken: pe.ResumeToken}), userID)
	all := append(got, rest...)
	noDuplicates(t, all)
	if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), all); diff != "" {
		t.Errorf("followers before the error + resumed (-world +iterated):\n%s", diff)
	}
}

func TestFollowersIterRateLimit(t *testing.T) {
	// Two requests per 15-minute window: the third page meets a 429.
	limited := func(t *testing.T) (*testserver.Server, *testserver.ManualClock) {
		mc := testserver.NewManualClock(time.Time{})
		return startFake(t, testserver.WithClock(mc),
			testserver.WithRateLimit("GET /2/users/{id}/followers", 2, 15*time.Minute)), mc
	}

	t.Run("WithRateLimitWait waits for the reset and carries on", func(t *testing.T) {
		s, mc := limited(t)
		c, log := iterClient(t, s, s.AppBearerToken(), WithRateLimitWait(20*time.Minute), withServerClock(mc))
		start := mc.Now()
		got := ids(t, c.Users.FollowersIter(context.Background(), testserver.JackID, nil, nil), userID)
		noDuplicates(t, got)
		if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), got); diff != "" {
			t.Errorf("followers (-world +iterated):\n%s", diff)
		}
		if waited := mc.Now().Sub(start); waited < 15*time.Minute || waited > 16*time.Minute {
			t.Errorf("waited %v on the server clock, want the 15-minute window", waited)
		}
		qs := log.queries(followersPath)
		if len(qs) != 4 || qs[2].Get("pagination_token") != qs[3].Get("pagination_token") {
			t.Errorf("requests %v; want the third page sent again with the same token", qs)
		}
	})

	t.Run("without it the error says where to resume", func(t *testing.T) {
		s, mc := limited(t)
		c, _ := iterClient(t, s, s.AppBearerToken(), withServerClock(mc))
		var got []string
		var last error
		for u, err := range c.Users.FollowersIter(context.Background(), testserver.JackID, nil, nil) {
			if err != nil {
				last = err
				break
			}
			got = append(got, u.ID)
		}
		var pe *PageError
		if !errors.As(last, &pe) || !IsRateLimited(last) {
			t.Fatalf("error = %v, want a rate-limited *PageError", last)
		}
		var apiErr *Error
		if !errors.As(last, &apiErr) || apiErr.RateLimit.Remaining != 0 || apiErr.RateLimit.Reset.IsZero() {
			t.Errorf("the *Error does not carry the rate limit: %+v", apiErr)
		}
		if pe.Pages != 2 || pe.Items != 2000 || len(got) != 2000 || pe.ResumeToken == "" {
			t.Fatalf("PageError %+v after %d items; want 2 pages, 2000 items and a token", pe, len(got))
		}
		mc.Set(apiErr.RateLimit.Reset) // the window resets
		rest := ids(t, c.Users.FollowersIter(context.Background(), testserver.JackID, nil, &IterOptions{StartToken: pe.ResumeToken}), userID)
		if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), append(got, rest...)); diff != "" {
			t.Errorf("followers before the 429 + resumed (-world +iterated):\n%s", diff)
		}
	})
}

func TestUserIteratorsRejectBadArguments(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	for name, seq := range map[string]func(yield func(gen.User, error) bool){
		"max_results 1001": c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 1001}}, nil),
		"max_results -1":   c.Users.FollowingIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: -1}}, nil),
		"empty user id":    c.Users.BlockingIter(ctx, "", nil, nil),
		"malformed id":     c.Users.FollowersIter(ctx, "@jack", nil, nil),
		"two tokens":       c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{PaginationToken: "a"}}, &IterOptions{StartToken: "b"}),
		"negative limit":   c.Users.FollowersIter(ctx, testserver.JackID, nil, &IterOptions{MaxItems: -1}),
	} {
		n := 0
		for _, err := range seq {
			n++
			var pe *PageError
			if !errors.As(err, &pe) || pe.Pages != 0 {
				t.Errorf("%s: error = %v, want a *PageError before any page", name, err)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d yields, want 1", name, n)
		}
	}
	if len(log.reqs) != 0 {
		t.Errorf("%d requests sent for bad arguments", len(log.reqs))
	}
}
