package twitter_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

var allNewsFields = twitter.NewsOptions{NewsFields: []gen.NewsField{
	gen.NewsFieldCategory, gen.NewsFieldClusterPostsResults, gen.NewsFieldContexts, gen.NewsFieldDisclaimer,
	gen.NewsFieldHook, gen.NewsFieldID, gen.NewsFieldKeywords, gen.NewsFieldName, gen.NewsFieldSummary, gen.NewsFieldUpdatedAt,
}}

func newsIDs(ns []gen.News) []string {
	var ids []string
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	return ids
}

func TestFakeNewsByID(t *testing.T) {
	s := fake(t, testserver.WithClock(testserver.NewManualClock(time.Time{})))
	ctx := context.Background()
	c := appClient(t, s)

	res, _, err := c.News.ByID(ctx, testserver.NewsChipRallyID, &allNewsFields)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.World().News(testserver.NewsChipRallyID)
	d := res.Data
	if d.ID != want.ID || d.Name != want.Name || d.Hook != want.Hook || d.Summary != want.Summary ||
		d.Category != want.Category || d.Disclaimer != want.Disclaimer || !slices.Equal(d.Keywords, want.Keywords) ||
		!slices.Equal(d.Contexts.Finance.Tickers, want.Tickers) {
		t.Errorf("story = %+v, world %+v", d, want)
	}
	if at, err := time.Parse(time.RFC3339, d.UpdatedAt); err != nil || !at.Equal(want.UpdatedAt) {
		t.Errorf("updated_at %q, world %v", d.UpdatedAt, want.UpdatedAt)
	}
	res, _, err = c.News.ByID(ctx, testserver.NewsGoReleaseID, &allNewsFields)
	if err != nil {
		t.Fatal(err)
	}
	var posts []string
	for _, p := range res.Data.ClusterPostsResults {
		posts = append(posts, p.PostID)
	}
	if want, _ := s.World().News(testserver.NewsGoReleaseID); !slices.Equal(posts, want.PostIDs) {
		t.Errorf("posts %v, world %v", posts, want.PostIDs)
	}

	// Defaults: id and name; a user context works too.
	res, _, err = userClient(t, s, testserver.AliceID, "tweet.read", "users.read").News.ByID(ctx, testserver.NewsGoRetroID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != testserver.NewsGoRetroID || res.Data.Name != "Ten years of Go 1" || res.Data.Summary != "" {
		t.Errorf("defaults: %+v", res.Data)
	}

	_, _, err = c.News.ByID(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if !twitter.IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}
	_, _, err = userClient(t, s, testserver.AliceID, "users.read").News.ByID(ctx, testserver.NewsGoRetroID, nil)
	wantError(t, err, 403, "")
	for name, call := range map[string]func() error{
		"empty id": func() error { _, _, err := c.News.ByID(ctx, "", nil); return err },
		"word id":  func() error { _, _, err := c.News.ByID(ctx, "golang", nil); return err },
		"bad field": func() error {
			_, _, err := c.News.ByID(ctx, testserver.NewsGoRetroID, &twitter.NewsOptions{NewsFields: []gen.NewsField{"rest_id"}})
			return err
		},
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeNewsSearch(t *testing.T) {
	s := fake(t, testserver.WithClock(testserver.NewManualClock(time.Time{})))
	ctx := context.Background()
	c := appClient(t, s)

	res, _, err := c.News.Search(ctx, "go", &twitter.NewsSearchOptions{NewsOptions: allNewsFields})
	if err != nil {
		t.Fatal(err)
	}
	if got := newsIDs(res.Data); !slices.Equal(got, []string{testserver.NewsGoReleaseID, testserver.NewsGopherConID}) || res.Meta.ResultCount != 2 {
		t.Errorf("go within a week: %v (meta %+v)", got, res.Meta)
	}
	if res.Data[1].Summary == "" || len(res.Data[1].Contexts.Entities.People) == 0 {
		t.Errorf("fields not returned: %+v", res.Data[1])
	}
	res, _, err = c.News.Search(ctx, "Go", &twitter.NewsSearchOptions{MaxResults: 1})
	if err != nil || !slices.Equal(newsIDs(res.Data), []string{testserver.NewsGoReleaseID}) {
		t.Errorf("one result: %+v, %v", res, err)
	}
	// MaxAgeHours widens the reach to the 10-day-old story; the 40-day-old one stays out of reach.
	res, _, err = c.News.Search(ctx, "chips", nil)
	if err != nil || len(res.Data) != 0 || res.Meta.ResultCount != 0 {
		t.Errorf("chips within a week: %+v, %v", res, err)
	}
	res, _, err = c.News.Search(ctx, "chips", &twitter.NewsSearchOptions{MaxAgeHours: 720})
	if err != nil || !slices.Equal(newsIDs(res.Data), []string{testserver.NewsChipRallyID}) {
		t.Errorf("chips within 30 days: %+v, %v", res, err)
	}
	res, _, err = userClient(t, s, testserver.BobID, "tweet.read", "users.read").News.Search(ctx, "history", &twitter.NewsSearchOptions{MaxAgeHours: 720})
	if err != nil || len(res.Data) != 0 {
		t.Errorf("40-day-old story: %+v, %v", res, err)
	}

	_, _, err = userClient(t, s, testserver.BobID, "users.read").News.Search(ctx, "go", nil)
	wantError(t, err, 403, "")
	for name, call := range map[string]func() error{
		"empty query": func() error { _, _, err := c.News.Search(ctx, "", nil); return err },
		"long query":  func() error { _, _, err := c.News.Search(ctx, strings.Repeat("a", 2049), nil); return err },
		"max 101": func() error {
			_, _, err := c.News.Search(ctx, "go", &twitter.NewsSearchOptions{MaxResults: 101})
			return err
		},
		"age 721": func() error {
			_, _, err := c.News.Search(ctx, "go", &twitter.NewsSearchOptions{MaxAgeHours: 721})
			return err
		},
		"bad field": func() error {
			_, _, err := c.News.Search(ctx, "go", &twitter.NewsSearchOptions{NewsOptions: twitter.NewsOptions{NewsFields: []gen.NewsField{"headline"}}})
			return err
		},
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}
