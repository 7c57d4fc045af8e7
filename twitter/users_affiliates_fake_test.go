package twitter_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

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
