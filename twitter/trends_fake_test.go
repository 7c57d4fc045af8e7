package twitter_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeTrendsByWOEID(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	want, ok := s.World().Trends(testserver.WorldwideWOEID)
	if !ok {
		t.Fatal("no worldwide trends in the world")
	}

	// X's default: 20 names, no counts.
	res, _, err := c.Trends.ByWOEID(ctx, testserver.WorldwideWOEID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 20 {
		t.Fatalf("got %d trends, want 20", len(res.Data))
	}
	for i, tr := range res.Data {
		if tr.TrendName != want[i].Name || tr.TweetCount != 0 {
			t.Errorf("trend %d = %+v, want name %q and no count", i, tr, want[i].Name)
		}
	}

	// The most X gives, with counts, as a user.
	res, _, err = userClient(t, s, testserver.AliceID).Trends.ByWOEID(ctx, testserver.WorldwideWOEID,
		&twitter.TrendOptions{MaxTrends: 50, TrendFields: []gen.TrendField{gen.TrendFieldTweetCount}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 50 || res.Data[49].TrendName != want[49].Name || int(res.Data[49].TweetCount) != want[49].TweetCount {
		t.Errorf("50 with counts: got %d, last %+v; want %+v", len(res.Data), res.Data[len(res.Data)-1], want[49])
	}

	berlin, _ := s.World().Trends(testserver.BerlinWOEID)
	res, _, err = c.Trends.ByWOEID(ctx, testserver.BerlinWOEID, &twitter.TrendOptions{MaxTrends: 50})
	if err != nil || len(res.Data) != len(berlin) {
		t.Fatalf("Berlin: %v, %+v", err, res)
	}

	// A place without trends.
	_, _, err = c.Trends.ByWOEID(ctx, 424242, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if !twitter.IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}

	// Arguments checked before sending.
	for name, call := range map[string]func() error{
		"zero woeid":     func() error { _, _, err := c.Trends.ByWOEID(ctx, 0, nil); return err },
		"negative woeid": func() error { _, _, err := c.Trends.ByWOEID(ctx, -5, nil); return err },
		"huge woeid":     func() error { _, _, err := c.Trends.ByWOEID(ctx, math.MaxInt32+1, nil); return err },
		"51 trends": func() error {
			_, _, err := c.Trends.ByWOEID(ctx, 1, &twitter.TrendOptions{MaxTrends: 51})
			return err
		},
		"unknown field": func() error {
			_, _, err := c.Trends.ByWOEID(ctx, 1, &twitter.TrendOptions{TrendFields: []gen.TrendField{"volume"}})
			return err
		},
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeTrendsPersonalized(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	want := s.World().PersonalizedTrends(testserver.AliceID)

	res, _, err := userClient(t, s, testserver.AliceID, "tweet.read", "users.read").Trends.Personalized(ctx, &twitter.PersonalizedTrendOptions{
		PersonalizedTrendFields: []gen.PersonalizedTrendField{gen.PersonalizedTrendFieldCategory, gen.PersonalizedTrendFieldPostCount, gen.PersonalizedTrendFieldTrendingSince},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != len(want) {
		t.Fatalf("got %d trends, want %d", len(res.Data), len(want))
	}
	for i, tr := range res.Data {
		w := want[i]
		if tr.TrendName != w.Name || tr.Category != w.Category || tr.PostCount != w.PostCount || tr.TrendingSince != w.TrendingSince {
			t.Errorf("trend %d = %+v, want %+v", i, tr, w)
		}
	}

	// Without fields: names only. Another user is shown other trends (OAuth 1.0a here).
	res, _, err = oauth1Client(t, s, testserver.CarolID).Trends.Personalized(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	def := testserver.DefaultPersonalizedTrends()
	if len(res.Data) != len(def) || res.Data[0].TrendName != def[0].Name || res.Data[0].Category != "" || res.Data[0].TrendName == want[0].Name {
		t.Errorf("Carol's trends = %+v, want names of %+v", res.Data, def)
	}

	// App-only is refused; a token without users.read lacks a scope.
	_, _, err = appClient(t, s).Trends.Personalized(ctx, nil)
	wantUnsupportedAuth(t, err)
	_, _, err = userClient(t, s, testserver.AliceID, "tweet.read").Trends.Personalized(ctx, nil)
	wantError(t, err, 403, "")

	_, _, err = userClient(t, s, testserver.AliceID).Trends.Personalized(ctx, &twitter.PersonalizedTrendOptions{
		PersonalizedTrendFields: []gen.PersonalizedTrendField{gen.PersonalizedTrendFieldCategory, gen.PersonalizedTrendFieldCategory},
	})
	if !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("repeated field: err = %v, want ErrInvalidArgument", err)
	}
}
