package twitter_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

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

func TestFakeUsersMuting(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Users.Muting(ctx, testserver.AliceID, &twitter.UserListOptions{UserOptions: *pinnedUserOpts})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().MutingIDs(testserver.AliceID), userIDs(res.Data)); diff != "" || len(res.Data) == 0 {
		t.Errorf("muting (-world +got):\n%s", diff)
	}
	for _, u := range res.Data {
		checkUser(t, s, u, &res.Includes)
	}

	// A new mute shows in the list.
	if _, _, err := alice.Users.Mute(ctx, testserver.AliceID, testserver.JackID); err != nil {
		t.Fatal(err)
	}
	res, _, err = alice.Users.Muting(ctx, testserver.AliceID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().MutingIDs(testserver.AliceID), userIDs(res.Data)); diff != "" || len(res.Data) < 2 {
		t.Errorf("muting after a mute (-world +got):\n%s", diff)
	}

	_, _, err = alice.Users.Muting(ctx, testserver.BobID, nil)
	wantError(t, err, 403, "")
	_, _, err = appClient(t, s).Users.Muting(ctx, testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeUsersSearch(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.BobID)
	res, _, err := c.Users.Search(ctx, "XDevelopers", &twitter.UserSearchOptions{UserOptions: *pinnedUserOpts})
	if err != nil {
		t.Fatal(err)
	}
	if ids := userIDs(res.Data); len(ids) == 0 || ids[0] != testserver.XDevelopersID {
		t.Errorf("search for a handle = %v, want @XDevelopers first", ids)
	}
	checkUser(t, s, res.Data[0], &res.Includes)

	// Paging with next_token through every gopher.
	opts := &twitter.UserSearchOptions{MaxResults: 15, UserOptions: twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldDescription}}}
	var found []string
	for {
		res, _, err := c.Users.Search(ctx, "gopher", opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range res.Data {
			if !strings.Contains(strings.ToLower(u.Username+" "+u.Name+" "+u.Description), "gopher") {
				t.Errorf("@%s does not match", u.Username)
			}
			found = append(found, u.ID)
		}
		if opts.NextToken = res.Meta.NextToken; opts.NextToken == "" {
			break
		}
	}
	if len(found) < testserver.GophersListMemberCount {
		t.Errorf("found %d gophers, want at least %d", len(found), testserver.GophersListMemberCount)
	}

	res, _, err = c.Users.Search(ctx, "nobody by this name", nil)
	if err != nil || res.Data != nil {
		t.Errorf("search with no match: %v, err = %v", res, err)
	}
	_, _, err = appClient(t, s).Users.Search(ctx, "gopher", nil)
	wantUnsupportedAuth(t, err)
}
