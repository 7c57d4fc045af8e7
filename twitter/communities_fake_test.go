package twitter_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

var allCommunityFields = twitter.CommunityOptions{CommunityFields: []gen.CommunityField{
	gen.CommunityFieldAccess, gen.CommunityFieldCreatedAt, gen.CommunityFieldDescription,
	gen.CommunityFieldJoinPolicy, gen.CommunityFieldMemberCount,
}}

// checkCommunity compares a decoded Community, asked for with allCommunityFields, with
// the server's.
func checkCommunity(t *testing.T, s *testserver.Server, got gen.Community) {
	t.Helper()
	want, ok := s.World().Community(got.ID)
	if !ok {
		t.Fatalf("community %s is not in the world", got.ID)
	}
	if got.Name != want.Name || got.Description != want.Description || got.Access != want.Access ||
		got.JoinPolicy != want.JoinPolicy || got.MemberCount != want.MemberCount || !got.CreatedAt.Equal(want.CreatedAt) {
		t.Errorf("community = %+v, world has %+v", got, want)
	}
}

func TestFakeCommunitiesByID(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)

	res, _, err := c.Communities.ByID(ctx, testserver.APIBuildersCommunityID, &allCommunityFields)
	if err != nil {
		t.Fatal(err)
	}
	checkCommunity(t, s, res.Data)

	// Defaults: id and name only; a user context works too.
	res, _, err = userClient(t, s, testserver.AliceID, "list.read", "tweet.read", "users.read").Communities.ByID(ctx, testserver.GophersCommunityID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != testserver.GophersCommunityID || res.Data.Name != "Gophers" || res.Data.MemberCount != 0 || res.Data.Access != "" {
		t.Errorf("defaults: %+v", res.Data)
	}

	_, _, err = c.Communities.ByID(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if !twitter.IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}
	// Without list.read a user token lacks a scope.
	_, _, err = userClient(t, s, testserver.AliceID, "tweet.read", "users.read").Communities.ByID(ctx, testserver.GophersCommunityID, nil)
	wantError(t, err, 403, "")

	for name, call := range map[string]func() error{
		"empty id": func() error { _, _, err := c.Communities.ByID(ctx, "", nil); return err },
		"name":     func() error { _, _, err := c.Communities.ByID(ctx, "gophers", nil); return err },
		"bad field": func() error {
			_, _, err := c.Communities.ByID(ctx, testserver.GophersCommunityID, &twitter.CommunityOptions{CommunityFields: []gen.CommunityField{"rules"}})
			return err
		},
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeCommunitiesSearch(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.BobID, "tweet.read", "users.read")
	want := s.World().CommunitySearchIDs(testserver.CommunitySearchQuery)

	// One page: X's default of 10, and a token for the next.
	res, _, err := c.Communities.Search(ctx, testserver.CommunitySearchQuery, &twitter.CommunitySearchOptions{CommunityOptions: allCommunityFields})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 10 || res.Meta.NextToken == "" {
		t.Fatalf("first page: %d communities, next %q", len(res.Data), res.Meta.NextToken)
	}
	for _, cm := range res.Data {
		checkCommunity(t, s, cm)
	}
	res2, _, err := c.Communities.Search(ctx, testserver.CommunitySearchQuery, &twitter.CommunitySearchOptions{MaxResults: 10, NextToken: res.Meta.NextToken})
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Data) != 10 || res2.Data[0].ID != want[10] {
		t.Errorf("second page starts with %v, want %s", res2.Data, want[10])
	}

	// The iterator: every match, in pages of 10 as MaxItems asks, over OAuth 1.0a.
	var got []string
	pages := 0
	for p, err := range oauth1Client(t, s, testserver.CarolID).Communities.SearchPages(ctx, testserver.CommunitySearchQuery, nil, &twitter.IterOptions{MaxItems: 100}) {
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, cm := range p.Items {
			got = append(got, cm.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" || pages != 1 {
		t.Errorf("%d pages; ids (-want +got):\n%s", pages, diff)
	}
	got = got[:0]
	for cm, err := range c.Communities.SearchIter(ctx, testserver.CommunitySearchQuery, &twitter.CommunitySearchOptions{MaxResults: 10}, &twitter.IterOptions{MaxItems: 15}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, cm.ID)
	}
	if diff := cmp.Diff(want[:15], got); diff != "" {
		t.Errorf("MaxItems 15 (-want +got):\n%s", diff)
	}

	// No match: an empty page, not an error.
	res, _, err = c.Communities.Search(ctx, "rustaceans", nil)
	if err != nil || len(res.Data) != 0 || res.Meta.NextToken != "" {
		t.Errorf("no match: %v, %+v", err, res)
	}
	_, _, err = appClient(t, s).Communities.Search(ctx, "gopher", nil)
	wantUnsupportedAuth(t, err)

	for name, call := range map[string]func() error{
		"empty query": func() error { _, _, err := c.Communities.Search(ctx, "", nil); return err },
		"long query":  func() error { _, _, err := c.Communities.Search(ctx, strings.Repeat("g", 4097), nil); return err },
		"9 results": func() error {
			_, _, err := c.Communities.Search(ctx, "gopher", &twitter.CommunitySearchOptions{MaxResults: 9})
			return err
		},
		"101 results": func() error {
			_, _, err := c.Communities.Search(ctx, "gopher", &twitter.CommunitySearchOptions{MaxResults: 101})
			return err
		},
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}
