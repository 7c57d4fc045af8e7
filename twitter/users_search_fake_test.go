package twitter_test

import (
	"context"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

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
