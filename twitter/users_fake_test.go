package twitter_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// pinnedUserOpts asks for fields of the user and of the pinned Tweet it expands.
var pinnedUserOpts = &twitter.UserOptions{
	UserFields:  []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldDescription, gen.UserFieldProtected, gen.UserFieldPinnedTweetID},
	Expansions:  []gen.UserExpansion{gen.UserExpansionPinnedTweetID},
	TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt},
}

// checkUser compares a decoded user with the server's, and its expanded pinned Tweet.
func checkUser(t *testing.T, s *testserver.Server, got gen.User, inc *gen.Expansions) {
	t.Helper()
	want, ok := s.World().User(got.ID)
	if !ok {
		t.Fatalf("user %s is not in the world", got.ID)
	}
	if got.Username != want.Username || got.Name != want.Name || got.Description != want.Description ||
		!got.CreatedAt.Equal(want.CreatedAt) || got.Protected != want.Protected || got.PinnedTweetID != want.PinnedTweetID {
		t.Errorf("user = %+v, world has %+v", got, want)
	}
	if want.PinnedTweetID == "" {
		return
	}
	pinned, _ := s.World().Tweet(want.PinnedTweetID)
	if inc == nil || inc.Tweets == nil || !slices.ContainsFunc(inc.Tweets, func(tw gen.Tweet) bool {
		return tw.ID == pinned.ID && tw.Text == pinned.Text && tw.CreatedAt.Equal(pinned.CreatedAt)
	}) {
		t.Errorf("includes do not hold the pinned Tweet %s", pinned.ID)
	}
}

func TestFakeUsersByID(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	res, resp, err := c.Users.ByID(ctx, testserver.JackID, pinnedUserOpts)
	if err != nil {
		t.Fatal(err)
	}
	checkUser(t, s, res.Data, &res.Includes)
	if !resp.RateLimit.Known() {
		t.Errorf("no rate limit parsed from %v", resp.Header)
	}

	res, _, err = c.Users.ByID(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if !twitter.IsNotFound(err) || res == nil || res.Data.ID != "" {
		t.Errorf("res = %+v, err = %v", res, err)
	}
}

func TestFakeUsersByUsername(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	res, _, err := c.Users.ByUsername(context.Background(), "XDevelopers", pinnedUserOpts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != testserver.XDevelopersID {
		t.Errorf("id = %s", res.Data.ID)
	}
	checkUser(t, s, res.Data, &res.Includes)

	_, _, err = c.Users.ByUsername(context.Background(), "nobody_here", nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

func TestFakeUsersLookup(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ids := []string{testserver.JackID, testserver.NonexistentID, testserver.AliceID}
	res, resp, err := c.Users.Lookup(context.Background(), ids, pinnedUserOpts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.JackID, testserver.AliceID}, userIDs(res.Data)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	for _, u := range res.Data {
		checkUser(t, s, u, &res.Includes)
	}
	if len(resp.PartialErrors) != 1 || resp.PartialErrors[0].ResourceID != testserver.NonexistentID ||
		twitter.ProblemType(resp.PartialErrors[0].Type) != twitter.ProblemResourceNotFound {
		t.Errorf("partial errors = %+v", resp.PartialErrors)
	}
}

func TestFakeUsersLookupByUsernames(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	res, resp, err := c.Users.LookupByUsernames(context.Background(), []string{"jack", "alice", "nobody_here"}, pinnedUserOpts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.JackID, testserver.AliceID}, userIDs(res.Data)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	for _, u := range res.Data {
		checkUser(t, s, u, &res.Includes)
	}
	if len(resp.PartialErrors) != 1 || resp.PartialErrors[0].Value != "nobody_here" {
		t.Errorf("partial errors = %+v", resp.PartialErrors)
	}
}

func TestFakeUsersFollowers(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	all := s.World().FollowerIDs(testserver.JackID)
	opts := &twitter.UserListOptions{
		UserOptions: twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt}},
		PageOptions: twitter.PageOptions{MaxResults: 1000},
	}
	first, _, err := c.Users.Followers(ctx, testserver.JackID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all[:1000], userIDs(first.Data)); diff != "" {
		t.Errorf("first page (-want +got):\n%s", diff)
	}
	if first.Data[0].CreatedAt.IsZero() {
		t.Errorf("user.fields=created_at not honoured: %+v", first.Data[0])
	}
	opts.PaginationToken = first.Meta.NextToken
	second, _, err := c.Users.Followers(ctx, testserver.JackID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all[1000:2000], userIDs(second.Data)); diff != "" {
		t.Errorf("second page (-want +got):\n%s", diff)
	}

	_, _, err = c.Users.Followers(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeUsersFollowing(t *testing.T) {
	s := fake(t)
	c := userClient(t, s, testserver.AliceID, "follows.read", "tweet.read", "users.read")
	res, _, err := c.Users.Following(context.Background(), testserver.AliceID, &twitter.UserListOptions{PageOptions: twitter.PageOptions{MaxResults: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().FollowingIDs(testserver.AliceID), userIDs(res.Data)); diff != "" {
		t.Errorf("following (-want +got):\n%s", diff)
	}

	_, _, err = c.Users.Following(context.Background(), testserver.NonexistentID, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

func TestFakeUsersBlocking(t *testing.T) {
	s := fake(t)
	res, _, err := userClient(t, s, testserver.AliceID).Users.Blocking(context.Background(), testserver.AliceID,
		&twitter.UserListOptions{UserOptions: twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldDescription}}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().BlockingIDs(testserver.AliceID), userIDs(res.Data)); diff != "" || len(res.Data) == 0 {
		t.Errorf("blocking (-want +got):\n%s", diff)
	}
	for _, u := range res.Data {
		if want, _ := s.World().User(u.ID); u.Description != want.Description || u.Description == "" {
			t.Errorf("user %s description = %q, world has %q", u.ID, u.Description, want.Description)
		}
	}

	_, _, err = appClient(t, s).Users.Blocking(context.Background(), testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeUsersFollow(t *testing.T) {
	s := fake(t)
	c := userClient(t, s, testserver.AliceID)
	ctx := context.Background()
	res, _, err := c.Users.Follow(ctx, testserver.AliceID, testserver.DaveID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Following || !slices.Contains(s.World().FollowingIDs(testserver.AliceID), testserver.DaveID) {
		t.Errorf("follow = %+v; world following %v", res.Data, s.World().FollowingIDs(testserver.AliceID))
	}
	res, _, err = c.Users.Follow(ctx, testserver.AliceID, testserver.ErinID) // protected
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Following || !res.Data.PendingFollow || !slices.Contains(s.World().PendingFollowIDs(testserver.AliceID), testserver.ErinID) {
		t.Errorf("follow of a protected account = %+v", res.Data)
	}

	_, _, err = c.Users.Follow(ctx, testserver.AliceID, testserver.NonexistentID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	_, _, err = appClient(t, s).Users.Follow(ctx, testserver.AliceID, testserver.DaveID)
	wantUnsupportedAuth(t, err)
}

func TestFakeUsersUnfollow(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	if !slices.Contains(s.World().FollowingIDs(testserver.AliceID), testserver.BobID) {
		t.Fatal("seed: Alice does not follow Bob")
	}
	res, _, err := userClient(t, s, testserver.AliceID).Users.Unfollow(ctx, testserver.AliceID, testserver.BobID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Following || slices.Contains(s.World().FollowingIDs(testserver.AliceID), testserver.BobID) {
		t.Errorf("unfollow = %+v; world following %v", res.Data, s.World().FollowingIDs(testserver.AliceID))
	}

	// Acting for another user than the token's.
	_, _, err = userClient(t, s, testserver.BobID).Users.Unfollow(ctx, testserver.AliceID, testserver.CarolID)
	wantError(t, err, 403, "")
	_, _, err = appClient(t, s).Users.Unfollow(ctx, testserver.AliceID, testserver.CarolID)
	wantUnsupportedAuth(t, err)
}

func TestFakeUsersBlock(t *testing.T) {
	s := fake(t)
	c := userClient(t, s, testserver.AliceID)
	ctx := context.Background()
	res, _, err := c.Users.Block(ctx, testserver.AliceID, testserver.BobID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Blocking || !slices.Contains(s.World().BlockingIDs(testserver.AliceID), testserver.BobID) {
		t.Errorf("block = %+v; world blocking %v", res.Data, s.World().BlockingIDs(testserver.AliceID))
	}
	if slices.Contains(s.World().FollowingIDs(testserver.AliceID), testserver.BobID) {
		t.Error("blocking did not end the follow")
	}

	_, _, err = c.Users.Block(ctx, testserver.AliceID, testserver.NonexistentID)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
	_, _, err = appClient(t, s).Users.Block(ctx, testserver.AliceID, testserver.BobID)
	wantUnsupportedAuth(t, err)
}

func TestFakeUsersUnblock(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Users.Unblock(ctx, testserver.AliceID, testserver.MalloryID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Blocking || slices.Contains(s.World().BlockingIDs(testserver.AliceID), testserver.MalloryID) {
		t.Errorf("unblock = %+v; world blocking %v", res.Data, s.World().BlockingIDs(testserver.AliceID))
	}

	_, _, err = appClient(t, s).Users.Unblock(ctx, testserver.AliceID, testserver.MalloryID)
	wantUnsupportedAuth(t, err)
}

func TestFakeUsersMute(t *testing.T) {
	s := fake(t)
	c := userClient(t, s, testserver.AliceID)
	ctx := context.Background()
	res, _, err := c.Users.Mute(ctx, testserver.AliceID, testserver.BobID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Muting || !slices.Contains(s.World().MutingIDs(testserver.AliceID), testserver.BobID) {
		t.Errorf("mute = %+v; world muting %v", res.Data, s.World().MutingIDs(testserver.AliceID))
	}

	_, _, err = c.Users.Mute(ctx, testserver.AliceID, testserver.NonexistentID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	// A token without the mute.write scope.
	_, _, err = userClient(t, s, testserver.AliceID, "tweet.read", "users.read").Users.Mute(ctx, testserver.AliceID, testserver.BobID)
	wantError(t, err, 403, "")
}

func TestFakeUsersUnmute(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	if !slices.Contains(s.World().MutingIDs(testserver.AliceID), testserver.DaveID) {
		t.Fatal("seed: Alice does not mute Dave")
	}
	res, _, err := userClient(t, s, testserver.AliceID).Users.Unmute(ctx, testserver.AliceID, testserver.DaveID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Muting || slices.Contains(s.World().MutingIDs(testserver.AliceID), testserver.DaveID) {
		t.Errorf("unmute = %+v; world muting %v", res.Data, s.World().MutingIDs(testserver.AliceID))
	}

	_, _, err = appClient(t, s).Users.Unmute(ctx, testserver.AliceID, testserver.DaveID)
	wantUnsupportedAuth(t, err)
}

// newerUserOpts asks for every newer user field, and expands affiliations.
var newerUserOpts = &twitter.UserOptions{
	UserFields: []gen.UserField{gen.UserFieldConfirmedEmail, gen.UserFieldIsIdentityVerified, gen.UserFieldParody,
		gen.UserFieldSubscribesToYou, gen.UserFieldSubscription, gen.UserFieldVerifiedFollowersCount,
		gen.UserFieldAffiliation, gen.UserFieldVerifiedType},
	Expansions: []gen.UserExpansion{gen.UserExpansionAffiliation},
}

// The newer user fields and the affiliation expansion decode into the generated User, and
// Includes resolves the organization.
func TestFakeUsersNewerFields(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	ids := []string{testserver.JackID, testserver.MalloryID, testserver.DaveID, testserver.FirstGopherID}
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Users.Lookup(ctx, ids, newerUserOpts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != len(ids) {
		t.Fatalf("got %d users, want %d", len(res.Data), len(ids))
	}
	jack, mallory, dave, gopher := res.Data[0], res.Data[1], res.Data[2], res.Data[3]
	if !jack.IsIdentityVerified || jack.Parody || jack.VerifiedFollowersCount != 1 || jack.ConfirmedEmail != "" || jack.SubscribesToYou {
		t.Errorf("jack = %+v", jack)
	}
	if !mallory.Parody || mallory.IsIdentityVerified {
		t.Errorf("mallory = %+v", mallory)
	}
	if !dave.SubscribesToYou || !dave.Subscription.SubscribesToYou || dave.Affiliation != nil {
		t.Errorf("dave, a subscriber of alice: %+v", dave)
	}
	if gopher.Affiliation == nil || !slices.Equal(gopher.Affiliation.UserID, []string{testserver.XDevelopersID}) || gopher.Affiliation.BadgeURL == "" {
		t.Fatalf("gopher01's affiliation = %+v", gopher.Affiliation)
	}
	orgs, missing := twitter.NewIncludes(&res.Includes).Affiliations(&gopher)
	if len(orgs) != 1 || orgs[0].Username != "XDevelopers" || orgs[0].VerifiedType != gen.UserVerifiedTypeBusiness || missing != nil {
		t.Errorf("affiliations = %+v, missing %v", orgs, missing)
	}
	if orgs, _ := twitter.NewIncludes(&res.Includes).Affiliations(&dave); orgs != nil {
		t.Errorf("dave's affiliations = %+v", orgs)
	}

	// The email only to the account itself.
	me, _, err := alice.Users.Me(ctx, newerUserOpts)
	if err != nil {
		t.Fatal(err)
	}
	if me.Data.ConfirmedEmail != "alice@example.com" {
		t.Errorf("me.confirmed_email = %q", me.Data.ConfirmedEmail)
	}
}

func TestFakeUsersMe(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		c    *twitter.Client
		want string
	}{
		{"OAuth 2.0", userClient(t, s, testserver.AliceID, "tweet.read", "users.read"), testserver.AliceID},
		{"OAuth 1.0a", oauth1Client(t, s, testserver.JackID), testserver.JackID},
	} {
		res, _, err := tc.c.Users.Me(ctx, pinnedUserOpts)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if res.Data.ID != tc.want {
			t.Errorf("%s: me = %s, want %s", tc.name, res.Data.ID, tc.want)
		}
		checkUser(t, s, res.Data, &res.Includes)
	}
	_, _, err := appClient(t, s).Users.Me(ctx, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeUsersAffiliates(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	want := s.World().AffiliateIDs(testserver.XDevelopersID)
	opts := &twitter.UserListOptions{UserOptions: twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt}}}
	opts.MaxResults = 5
	res, _, err := c.Users.Affiliates(ctx, testserver.XDevelopersID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := userIDs(res.Data); !slices.Equal(got, want[:5]) || res.Meta.NextToken == "" || res.Meta.ResultCount != 5 {
		t.Errorf("first page = %v (meta %+v), want %v", got, res.Meta, want[:5])
	}
	if res.Data[0].CreatedAt.IsZero() || res.Data[0].Username != "gopher01" {
		t.Errorf("user fields not returned: %+v", res.Data[0])
	}

	// Every affiliate, once, in order, through the iterator (7 a page: 3 pages).
	got, pages := pageIDs(t, c.Users.AffiliatesPages(ctx, testserver.XDevelopersID, &twitter.UserListOptions{PageOptions: twitter.PageOptions{MaxResults: 7}}, nil),
		func(u gen.User) string { return u.ID })
	if !slices.Equal(got, want) || pages != 3 {
		t.Errorf("%d pages: %v, want %v", pages, got, want)
	}
	got = seqIDs(t, c.Users.AffiliatesIter(ctx, testserver.XDevelopersID, nil, &twitter.IterOptions{MaxItems: 3}),
		func(u gen.User) string { return u.ID })
	if !slices.Equal(got, want[:3]) {
		t.Errorf("iter, 3 items: %v", got)
	}

	// A user with none, one that does not exist, arguments checked before sending.
	res, _, err = userClient(t, s, testserver.BobID).Users.Affiliates(ctx, testserver.AliceID, nil)
	if err != nil || len(res.Data) != 0 {
		t.Errorf("Alice's affiliates = %+v, %v", res, err)
	}
	_, _, err = c.Users.Affiliates(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	for name, o := range map[string]*twitter.UserListOptions{
		"max 1001":   {PageOptions: twitter.PageOptions{MaxResults: 1001}},
		"long token": {PageOptions: twitter.PageOptions{PaginationToken: strings.Repeat("a", 20)}},
	} {
		if _, _, err := c.Users.Affiliates(ctx, testserver.XDevelopersID, o); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
	if _, _, err := c.Users.Affiliates(ctx, "@XDevelopers", nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("malformed id: err = %v", err)
	}
}

func TestFakeUsersRepostsOfMe(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "timeline.read", "tweet.read")

	opts := &twitter.TweetListOptions{TweetOptions: twitter.TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldReferencedTweets},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
	}}
	res, _, err := alice.Users.RepostsOfMe(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.RetweetID}, tweetIDs(res.Data)); diff != "" {
		t.Fatalf("seeded reposts (-want +got):\n%s", diff)
	}
	rt := res.Data[0]
	if rt.AuthorID != testserver.BobID || len(rt.ReferencedTweets) != 1 || rt.ReferencedTweets[0].ID != testserver.ConversationRootID {
		t.Errorf("repost = %+v", rt)
	}
	if u, ok := twitter.NewIncludes(&res.Includes).Author(&rt); !ok || u.Username != "bob" {
		t.Errorf("author not included: %+v", res.Includes)
	}

	// Carol and Dave retweet Alice's media Tweet through the facade: newest first.
	for _, who := range []string{testserver.CarolID, testserver.DaveID} {
		if _, _, err := userClient(t, s, who).Tweets.Retweet(ctx, who, testserver.MediaTweetID); err != nil {
			t.Fatal(err)
		}
	}
	want := s.World().RepostIDs(testserver.AliceID)
	if len(want) != 3 || want[2] != testserver.RetweetID {
		t.Fatalf("world: %v", want)
	}
	// The iterator, one a page; and resuming from the second page.
	var got []string
	var second string
	for p, err := range alice.Users.RepostsOfMePages(ctx, &twitter.TweetListOptions{PageOptions: twitter.PageOptions{MaxResults: 1}}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tweetIDs(p.Items)...)
		if len(got) == 1 {
			second = p.NextToken
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	got = got[:0]
	for tw, err := range oauth1Client(t, s, testserver.AliceID).Users.RepostsOfMeIter(ctx, &twitter.TweetListOptions{PageOptions: twitter.PageOptions{MaxResults: 1}},
		&twitter.IterOptions{StartToken: second}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, tw.ID)
	}
	if diff := cmp.Diff(want[1:], got); diff != "" {
		t.Errorf("resumed (-want +got):\n%s", diff)
	}

	// Nobody retweeted Mallory: no Tweets, no error.
	res, _, err = userClient(t, s, testserver.MalloryID).Users.RepostsOfMe(ctx, nil)
	if err != nil || len(res.Data) != 0 || res.Meta.ResultCount != 0 {
		t.Errorf("Mallory: %v, %+v", err, res)
	}
	// User context only, with timeline.read.
	_, _, err = appClient(t, s).Users.RepostsOfMe(ctx, nil)
	wantUnsupportedAuth(t, err)
	_, _, err = userClient(t, s, testserver.AliceID, "tweet.read", "users.read").Users.RepostsOfMe(ctx, nil)
	wantError(t, err, 403, "")
	for _, n := range []int{-1, 101} {
		if _, _, err := alice.Users.RepostsOfMe(ctx, &twitter.TweetListOptions{PageOptions: twitter.PageOptions{MaxResults: n}}); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("MaxResults %d: err = %v, want ErrInvalidArgument", n, err)
		}
	}
}
