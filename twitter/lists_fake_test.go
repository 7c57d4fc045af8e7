package twitter_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// allListOpts asks for every List field and the owner.
var allListOpts = twitter.ListOptions{
	ListFields: []gen.ListField{gen.ListFieldCreatedAt, gen.ListFieldDescription, gen.ListFieldFollowerCount,
		gen.ListFieldMemberCount, gen.ListFieldOwnerID, gen.ListFieldPrivate},
	Expansions: []gen.ListExpansion{gen.ListExpansionOwnerID},
	UserFields: []gen.UserField{gen.UserFieldCreatedAt},
}

// checkLists compares decoded Lists with the server's, and checks includes hold their
// owners.
func checkLists(t *testing.T, s *testserver.Server, got []gen.List, inc *gen.Expansions) {
	t.Helper()
	for _, l := range got {
		want, ok := s.World().List(l.ID)
		if !ok {
			t.Fatalf("List %s is not in the world", l.ID)
		}
		if l.Name != want.Name || l.Description != want.Description || l.OwnerID != want.OwnerID ||
			l.Private != want.Private || l.MemberCount != len(want.MemberIDs) ||
			l.FollowerCount != len(want.FollowerIDs) || !l.CreatedAt.Equal(want.CreatedAt) {
			t.Errorf("List = %s, world has %+v", jsonText(l), want)
		}
		if inc == nil || !slices.ContainsFunc(inc.Users, func(u gen.User) bool { return u.ID == want.OwnerID && !u.CreatedAt.IsZero() }) {
			t.Errorf("includes.users lacks owner %s of %s", want.OwnerID, want.ID)
		}
	}
}

// jsonText shows a decoded value as JSON, for failure messages.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func listIDs(ls []gen.List) []string {
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	return ids
}

func TestFakeListsByID(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Lists.ByID(ctx, testserver.GophersListID, &allListOpts)
	if err != nil {
		t.Fatal(err)
	}
	checkLists(t, s, []gen.List{res.Data}, &res.Includes)

	// A private List is its owner's alone.
	res, _, err = userClient(t, s, testserver.AliceID).Lists.ByID(ctx, testserver.AlicePrivateListID, &allListOpts)
	if err != nil || !res.Data.Private {
		t.Fatalf("owner's private List: %v, err = %v", res, err)
	}
	_, _, err = userClient(t, s, testserver.BobID).Lists.ByID(ctx, testserver.AlicePrivateListID, nil)
	wantError(t, err, 200, twitter.ProblemResourceUnauthorized)
	_, _, err = appClient(t, s).Lists.ByID(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeListsCreate(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID, "list.read", "list.write", "tweet.read", "users.read")
	res, resp, err := bob.Lists.Create(ctx, gen.ListCreateRequest{Name: "Go news", Description: "Where Go is discussed", Private: true})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("status %d, want 201 Created as X answers", resp.StatusCode)
	}
	l, ok := s.World().List(res.Data.ID)
	if !ok || l.Name != "Go news" || res.Data.Name != "Go news" || l.Description != "Where Go is discussed" || !l.Private || l.OwnerID != testserver.BobID {
		t.Errorf("created %+v; world has %+v", res.Data, l)
	}
	if owned := s.World().OwnedListIDs(testserver.BobID); !slices.Contains(owned, res.Data.ID) {
		t.Errorf("Bob owns %v, not the new List", owned)
	}
	_, _, err = appClient(t, s).Lists.Create(ctx, gen.ListCreateRequest{Name: "as the app"})
	wantUnsupportedAuth(t, err)
}

func TestFakeListsUpdate(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Lists.Update(ctx, testserver.GophersListID, gen.ListUpdateRequest{Description: new("Gophers, all of them"), Private: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := s.World().List(testserver.GophersListID)
	if !res.Data.Updated || l.Description != "Gophers, all of them" || !l.Private || l.Name != "Gophers" {
		t.Errorf("update = %+v; world has %+v", res.Data, l)
	}

	// Only the owner may change a List.
	_, _, err = userClient(t, s, testserver.CarolID).Lists.Update(ctx, testserver.XDevelopersListID, gen.ListUpdateRequest{Name: new("mine")})
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = alice.Lists.Update(ctx, testserver.NonexistentID, gen.ListUpdateRequest{Name: new("x")})
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

func TestFakeListsDelete(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Lists.Delete(ctx, testserver.GophersListID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.World().List(testserver.GophersListID); !res.Data.Deleted || ok ||
		slices.Contains(s.World().PinnedListIDs(testserver.AliceID), testserver.GophersListID) {
		t.Errorf("delete = %+v; world still has the List or its pin", res.Data)
	}
	_, _, err = alice.Lists.ByID(ctx, testserver.GophersListID, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("lookup of the deleted List: err = %v", err)
	}
	_, _, err = alice.Lists.Delete(ctx, testserver.XDevelopersListID)
	wantError(t, err, http.StatusForbidden, "")
}

func TestFakeListsTweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Lists.Tweets(ctx, testserver.XDevelopersListID, &twitter.TweetListOptions{TweetOptions: richTweetOpts})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := s.World().List(testserver.XDevelopersListID)
	if len(res.Data) == 0 {
		t.Fatal("no Tweets from the List's members")
	}
	for _, tw := range res.Data {
		if !slices.Contains(l.MemberIDs, tw.AuthorID) {
			t.Errorf("Tweet %s by %s, who is not a member", tw.ID, tw.AuthorID)
		}
	}
	checkTweets(t, s, res.Data, &res.Includes)

	_, _, err = appClient(t, s).Lists.Tweets(ctx, testserver.AlicePrivateListID, nil)
	wantError(t, err, 200, twitter.ProblemResourceUnauthorized)
}

func TestFakeListsOwned(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Lists.Owned(ctx, testserver.AliceID, &twitter.ListPageOptions{ListOptions: allListOpts})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().OwnedListIDs(testserver.AliceID), listIDs(res.Data)); diff != "" {
		t.Errorf("owned, as the owner (-world +got):\n%s", diff)
	}
	checkLists(t, s, res.Data, &res.Includes)

	// Anyone else sees only the public ones.
	res, _, err = appClient(t, s).Lists.Owned(ctx, testserver.AliceID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.GophersListID}, listIDs(res.Data)); diff != "" {
		t.Errorf("owned, as the app (-want +got):\n%s", diff)
	}
}

func TestFakeListsMembers(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	opts := &twitter.UserListOptions{UserOptions: *pinnedUserOpts, PageOptions: twitter.PageOptions{MaxResults: 15}}
	first, _, err := c.Lists.Members(ctx, testserver.GophersListID, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.PaginationToken = first.Meta.NextToken
	second, _, err := c.Lists.Members(ctx, testserver.GophersListID, opts)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := s.World().List(testserver.GophersListID)
	if diff := cmp.Diff(l.MemberIDs, append(userIDs(first.Data), userIDs(second.Data)...)); diff != "" || second.Meta.NextToken != "" {
		t.Errorf("members over two pages (-world +got):\n%s", diff)
	}
	for _, u := range first.Data {
		checkUser(t, s, u, &first.Includes)
	}
	_, _, err = c.Lists.Members(ctx, testserver.AlicePrivateListID, nil)
	wantError(t, err, 200, twitter.ProblemResourceUnauthorized)
}

func TestFakeListsAddMember(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Lists.AddMember(ctx, testserver.GophersListID, testserver.JackID)
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := s.World().List(testserver.GophersListID); !res.Data.IsMember || l.MemberIDs[0] != testserver.JackID {
		t.Errorf("add = %+v; members %v", res.Data, l.MemberIDs)
	}
	res, _, err = alice.Lists.AddMember(ctx, testserver.GophersListID, testserver.NonexistentID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if res == nil || res.Data.IsMember {
		t.Errorf("failed add returned %+v", res)
	}
	_, _, err = userClient(t, s, testserver.BobID).Lists.AddMember(ctx, testserver.GophersListID, testserver.BobID)
	wantError(t, err, http.StatusForbidden, "")
}

func TestFakeListsRemoveMember(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Lists.RemoveMember(ctx, testserver.AlicePrivateListID, testserver.BobID)
	if err != nil {
		t.Fatal(err)
	}
	if l, _ := s.World().List(testserver.AlicePrivateListID); res.Data.IsMember || slices.Contains(l.MemberIDs, testserver.BobID) {
		t.Errorf("remove = %+v; members %v", res.Data, l.MemberIDs)
	}
	_, _, err = userClient(t, s, testserver.JackID).Lists.RemoveMember(ctx, testserver.XDevelopersListID, testserver.JackID)
	wantError(t, err, http.StatusForbidden, "")
}

func TestFakeListsMemberships(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Lists.Memberships(ctx, testserver.JackID, &twitter.ListPageOptions{ListOptions: allListOpts})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().ListMembershipIDs(testserver.JackID), listIDs(res.Data)); diff != "" || res.Data == nil {
		t.Errorf("memberships (-world +got):\n%s", diff)
	}
	checkLists(t, s, res.Data, &res.Includes)

	// Bob is in Alice's private List too; only she sees that.
	res, _, err = appClient(t, s).Lists.Memberships(ctx, testserver.BobID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(listIDs(res.Data), testserver.AlicePrivateListID) {
		t.Errorf("memberships of Bob, as the app, show the private List: %v", listIDs(res.Data))
	}
}

func TestFakeListsFollowers(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Lists.Followers(ctx, testserver.XDevelopersListID, &twitter.UserListOptions{UserOptions: *pinnedUserOpts})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := s.World().List(testserver.XDevelopersListID)
	if diff := cmp.Diff(l.FollowerIDs, userIDs(res.Data)); diff != "" {
		t.Errorf("followers (-world +got):\n%s", diff)
	}
	for _, u := range res.Data {
		checkUser(t, s, u, &res.Includes)
	}
	_, _, err = appClient(t, s).Lists.Followers(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeListsFollowed(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Lists.Followed(ctx, testserver.CarolID, &twitter.ListPageOptions{ListOptions: allListOpts})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().FollowedListIDs(testserver.CarolID), listIDs(res.Data)); diff != "" || res.Data == nil {
		t.Errorf("followed (-world +got):\n%s", diff)
	}
	checkLists(t, s, res.Data, &res.Includes)
}

func TestFakeListsFollow(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	carol := userClient(t, s, testserver.CarolID)
	res, _, err := carol.Lists.Follow(ctx, testserver.CarolID, testserver.GophersListID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Following || s.World().FollowedListIDs(testserver.CarolID)[0] != testserver.GophersListID {
		t.Errorf("follow = %+v; followed %v", res.Data, s.World().FollowedListIDs(testserver.CarolID))
	}
	// Someone else's private List cannot be followed: X says it is not found.
	res, _, err = carol.Lists.Follow(ctx, testserver.CarolID, testserver.AlicePrivateListID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if res == nil || res.Data.Following {
		t.Errorf("failed follow returned %+v", res)
	}
	_, _, err = carol.Lists.Follow(ctx, testserver.AliceID, testserver.GophersListID)
	wantError(t, err, http.StatusForbidden, "")
}

func TestFakeListsUnfollow(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Lists.Unfollow(ctx, testserver.AliceID, testserver.XDevelopersListID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Following || slices.Contains(s.World().FollowedListIDs(testserver.AliceID), testserver.XDevelopersListID) {
		t.Errorf("unfollow = %+v; followed %v", res.Data, s.World().FollowedListIDs(testserver.AliceID))
	}
	// X unpins a List one stops following.
	if slices.Contains(s.World().PinnedListIDs(testserver.AliceID), testserver.XDevelopersListID) {
		t.Error("the unfollowed List is still pinned")
	}
}

func TestFakeListsPinned(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Lists.Pinned(ctx, testserver.AliceID, &allListOpts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().PinnedListIDs(testserver.AliceID), listIDs(res.Data)); diff != "" || res.Data == nil {
		t.Errorf("pinned (-world +got):\n%s", diff)
	}
	checkLists(t, s, res.Data, &res.Includes)

	res, _, err = userClient(t, s, testserver.DaveID).Lists.Pinned(ctx, testserver.DaveID, nil)
	if err != nil || res.Data != nil {
		t.Errorf("Dave pinned nothing: %v, err = %v", res, err)
	}
	_, _, err = appClient(t, s).Lists.Pinned(ctx, testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeListsPin(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	jack := userClient(t, s, testserver.JackID)
	res, _, err := jack.Lists.Pin(ctx, testserver.JackID, testserver.GophersListID) // he follows it
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Pinned || !slices.Contains(s.World().PinnedListIDs(testserver.JackID), testserver.GophersListID) {
		t.Errorf("pin = %+v; pinned %v", res.Data, s.World().PinnedListIDs(testserver.JackID))
	}
	// Only Lists one owns or follows.
	_, _, err = userClient(t, s, testserver.DaveID).Lists.Pin(ctx, testserver.DaveID, testserver.XDevelopersListID)
	wantError(t, err, http.StatusForbidden, "")
}

func TestFakeListsUnpin(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Lists.Unpin(ctx, testserver.AliceID, testserver.GophersListID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Pinned || slices.Contains(s.World().PinnedListIDs(testserver.AliceID), testserver.GophersListID) {
		t.Errorf("unpin = %+v; pinned %v", res.Data, s.World().PinnedListIDs(testserver.AliceID))
	}
	_, _, err = appClient(t, s).Lists.Unpin(ctx, testserver.AliceID, testserver.GophersListID)
	wantUnsupportedAuth(t, err)
}
