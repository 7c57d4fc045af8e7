package twittertest_test

import (
	"context"
	"slices"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// What the client finds of Communities, news and trends is what the world holds.
func TestWorldCommunitiesNewsAndTrends(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	c := twittertest.NewUserClient(t, srv, twittertest.AliceID)

	ids := w.CommunitySearchIDs("gopher")
	found, _, err := c.Communities.Search(ctx, "gopher", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, cm := range found.Data {
		got = append(got, cm.ID)
	}
	if len(ids) == 0 || !slices.Equal(got, ids[:len(got)]) {
		t.Errorf("the client found %v, the world %v", got, ids)
	}
	one, _, err := c.Communities.ByID(ctx, ids[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if cm, ok := w.Community(ids[0]); !ok || one.Data.Name != cm.Name {
		t.Errorf("Community = %+v, %v; the client sees %q", cm, ok, one.Data.Name)
	}
	if _, ok := w.Community(twittertest.NonexistentID); ok {
		t.Error("a Community that does not exist")
	}

	news, _, err := c.News.Search(ctx, "gopher", nil)
	if err != nil || len(news.Data) == 0 {
		t.Fatalf("News.Search: %+v, %v", news, err)
	}
	if n, ok := w.News(news.Data[0].ID); !ok || n.Name != news.Data[0].Name {
		t.Errorf("News = %+v, %v; the client sees %q", n, ok, news.Data[0].Name)
	}

	trends, _, err := c.Trends.ByWOEID(ctx, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, ok := w.Trends(1)
	if !ok || len(trends.Data) == 0 || len(want) < len(trends.Data) || trends.Data[0].TrendName != want[0].Name {
		t.Errorf("Trends(1) = %+v, %v; the client sees %+v", want, ok, trends.Data)
	}
	if _, ok := w.Trends(2); ok {
		t.Error("trends for a place X has none for")
	}
	mine, _, err := c.Trends.Personalized(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	picked := w.PersonalizedTrends(twittertest.AliceID)
	if len(picked) != len(mine.Data) || len(picked) == 0 || picked[0].Name != mine.Data[0].TrendName {
		t.Errorf("PersonalizedTrends = %+v; the client sees %+v", picked, mine.Data)
	}
}

func TestWorldAddCommunity(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	cm, err := w.AddCommunity(twittertest.Community{Name: "Tinygo Tinkerers", Description: "Go on microcontrollers",
		Access: "Closed", JoinPolicy: "RestrictedJoinRequestsRequireModeratorApproval", MemberCount: 321})
	if err != nil {
		t.Fatal(err)
	}
	if cm.ID == "" || cm.CreatedAt.IsZero() {
		t.Errorf("AddCommunity filled in %+v", cm)
	}
	c := twittertest.NewUserClient(t, srv, twittertest.BobID)
	got, _, err := c.Communities.ByID(ctx, cm.ID, &twitter.CommunityOptions{CommunityFields: []gen.CommunityField{
		gen.CommunityFieldAccess, gen.CommunityFieldJoinPolicy, gen.CommunityFieldMemberCount, gen.CommunityFieldDescription, gen.CommunityFieldCreatedAt}})
	if err != nil {
		t.Fatal(err)
	}
	if d := got.Data; d.Name != cm.Name || d.Access != "Closed" || d.JoinPolicy != cm.JoinPolicy || d.MemberCount != 321 ||
		d.Description != cm.Description || !d.CreatedAt.Equal(cm.CreatedAt) {
		t.Errorf("Communities.ByID = %+v, want %+v", d, cm)
	}
	// Search matches every word, of the name or the description, after the seeded ones.
	found, _, err := c.Communities.Search(ctx, "go microcontrollers", nil)
	if err != nil || len(found.Data) != 1 || found.Data[0].ID != cm.ID {
		t.Errorf("Communities.Search = %+v, %v", found, err)
	}
	if ids := w.CommunitySearchIDs("go"); len(ids) < 2 || ids[len(ids)-1] != cm.ID {
		t.Errorf("CommunitySearchIDs(go) = %v, want the added one last", ids)
	}
	plain, err := w.AddCommunity(twittertest.Community{Name: "Gophers of Lyon"})
	if err != nil || plain.Access != "Public" || plain.JoinPolicy != "Open" || plain.MemberCount != 1 || plain.ID == cm.ID {
		t.Errorf("AddCommunity(a name alone) = %+v, %v", plain, err)
	}
	if _, ok := twittertest.Start(t).World().Community(cm.ID); ok {
		t.Error("another server has the added Community")
	}

	_, err = w.AddCommunity(twittertest.Community{})
	wantErr(t, "a Community without a name", err, "no Name")
	_, err = w.AddCommunity(twittertest.Community{Name: "Again", ID: twittertest.GophersCommunityID})
	wantErr(t, "a seeded Community's id", err, "taken")
	_, err = w.AddCommunity(twittertest.Community{Name: "Again", ID: cm.ID})
	wantErr(t, "an added Community's id", err, "taken")
	_, err = w.AddCommunity(twittertest.Community{Name: "Bad", ID: "c1"})
	wantErr(t, "a malformed id", err, "not a Community id")
	_, err = w.AddCommunity(twittertest.Community{Name: "Bad", MemberCount: -1})
	wantErr(t, "a negative member count", err, "negative")
}
