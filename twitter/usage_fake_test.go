package twitter_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeUsageTweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	// Read some Tweets first: usage counts what the server served today.
	if _, _, err := c.Tweets.UserTimeline(ctx, testserver.XDevelopersID, &twitter.TimelineOptions{PageOptions: twitter.PageOptions{MaxResults: 50}}); err != nil {
		t.Fatal(err)
	}
	res, _, err := c.Usage.Tweets(ctx, &twitter.UsageOptions{Days: 3, UsageFields: []gen.UsageReportField{
		gen.UsageReportFieldProjectID, gen.UsageReportFieldProjectCap, gen.UsageReportFieldProjectUsage, gen.UsageReportFieldDailyProjectUsage,
	}})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	days := d.DailyProjectUsage.Usage
	if d.ProjectID != testserver.ProjectID || d.ProjectCap != strconv.Itoa(testserver.ProjectCap) || len(days) != 3 {
		t.Fatalf("usage = %s", jsonText(d))
	}
	today := days[2]
	if want := s.World().TweetUsage(today.Date); today.Usage != strconv.Itoa(want) || want < 50 {
		t.Errorf("today's usage = %s, world counts %d", today.Usage, want)
	}
	if !days[1].Date.Equal(today.Date.Add(-24 * time.Hour)) {
		t.Errorf("days = %s", jsonText(days))
	}

	_, _, err = userClient(t, s, testserver.AliceID).Usage.Tweets(ctx, nil)
	wantUnsupportedAuth(t, err)
}
