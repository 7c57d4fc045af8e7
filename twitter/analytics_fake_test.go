package twitter_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeAnalyticsTweets(t *testing.T) {
	s := fake(t, testserver.WithClock(testserver.NewManualClock(time.Time{})))
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	now := testserver.SeedTime
	start, end := now.Add(-30*time.Hour), now.Add(2*time.Hour)

	hourly, _, err := alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, start, end, &twitter.TweetAnalyticsOptions{Granularity: gen.TweetAnalyticsGranularityHourly})
	if err != nil {
		t.Fatal(err)
	}
	total, _, err := alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, start, end, &twitter.TweetAnalyticsOptions{
		Fields: []gen.AnalyticsField{gen.AnalyticsFieldID, gen.AnalyticsFieldImpressions, gen.AnalyticsFieldLikes, gen.AnalyticsFieldTimestampedMetrics}})
	if err != nil {
		t.Fatal(err)
	}
	buckets := hourly.Data[0].TimestampedMetrics
	if len(hourly.Data) != 1 || hourly.Data[0].ID != testserver.MediaTweetID || len(buckets) != 32 {
		t.Fatalf("hourly: %d entries, %d buckets", len(hourly.Data), len(buckets))
	}
	var sum int64
	for _, b := range buckets {
		sum += b.Metrics.Impressions
	}
	tb := total.Data[0].TimestampedMetrics
	if len(tb) != 1 || tb[0].Metrics.Impressions != sum || total.Data[0].Impressions != sum || sum == 0 {
		t.Errorf("total %+v, sum of hours %d", total.Data[0], sum)
	}
	if last := buckets[len(buckets)-1].Metrics; last.Impressions != 0 {
		t.Errorf("an hour in the future has impressions: %+v", last)
	}
	before := total.Data[0].Likes

	// Dave likes the Tweet: it counts now.
	if _, _, err := userClient(t, s, testserver.DaveID).Tweets.Like(ctx, testserver.DaveID, testserver.MediaTweetID); err != nil {
		t.Fatal(err)
	}
	total, _, err = alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, start, end, &twitter.TweetAnalyticsOptions{
		Fields: []gen.AnalyticsField{gen.AnalyticsFieldLikes, gen.AnalyticsFieldEngagements}})
	if err != nil || total.Data[0].Likes != before+1 || total.Data[0].Engagements < before+1 {
		t.Errorf("after a like: %+v (before %d), %v", total, before, err)
	}

	// Someone else's Tweet is a partial error beside Alice's.
	res, resp, err := alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID, testserver.JackFirstTweetID}, start, end, nil)
	if err != nil || len(res.Data) != 1 || len(resp.PartialErrors) != 1 || resp.PartialErrors[0].Value != testserver.JackFirstTweetID {
		t.Errorf("with Jack's Tweet: %+v, %v", resp.PartialErrors, err)
	}
	_, _, err = appClient(t, s).Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, start, end, nil)
	wantError(t, err, 403, "")
	for name, call := range map[string]func() error{
		"no ids": func() error { _, _, err := alice.Analytics.Tweets(ctx, nil, start, end, nil); return err },
		"backward": func() error {
			_, _, err := alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, end, start, nil)
			return err
		},
		"no start": func() error {
			_, _, err := alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, time.Time{}, end, nil)
			return err
		},
		"monthly": func() error {
			_, _, err := alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, start, end, &twitter.TweetAnalyticsOptions{Granularity: "monthly"})
			return err
		},
		"bad field": func() error {
			_, _, err := alice.Analytics.Tweets(ctx, []string{testserver.MediaTweetID}, start, end, &twitter.TweetAnalyticsOptions{Fields: []gen.AnalyticsField{"views"}})
			return err
		},
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeAnalyticsMedia(t *testing.T) {
	s := fake(t, testserver.WithClock(testserver.NewManualClock(time.Time{})))
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	tw, _ := s.World().Tweet(testserver.MediaTweetID)
	key := tw.MediaKeys[0]
	now := testserver.SeedTime
	start, end := now.Add(-72*time.Hour), now

	daily, _, err := alice.Analytics.Media(ctx, []string{key}, start, end, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := daily.Data[0]
	if len(daily.Data) != 1 || e.MediaKey != key || len(e.TimestampedMetrics) < 3 {
		t.Fatalf("daily: %+v", daily.Data)
	}
	var views int64
	for _, b := range e.TimestampedMetrics {
		v, _, ok := twitter.MediaCount(b.Metrics.VideoViews)
		started, _, _ := twitter.MediaCount(b.Metrics.PlaybackStart)
		if !ok || started != v {
			t.Errorf("bucket %s: views %d, started %d", b.Timestamp, v, started)
		}
		views += v
	}
	total, _, err := alice.Analytics.Media(ctx, []string{key}, start, end, &twitter.MediaAnalyticsOptions{
		Granularity: gen.MediaAnalyticsGranularityTotal, Fields: []gen.MediaAnalyticsField{gen.MediaAnalyticsFieldVideoViews, gen.MediaAnalyticsFieldWatchTimeMs}})
	if err != nil || total.Data[0].VideoViews != views || total.Data[0].WatchTimeMs != views*4000 || views == 0 {
		t.Errorf("total %+v, daily views %d, %v", total, views, err)
	}
	res, resp, err := userClient(t, s, testserver.BobID).Analytics.Media(ctx, []string{key}, start, end, nil)
	if err != nil || len(res.Data) != 0 || len(resp.PartialErrors) != 1 {
		t.Errorf("Bob on Alice's media: %+v, %v", resp.PartialErrors, err)
	}
	if _, _, err := alice.Analytics.Media(ctx, []string{"7-1"}, start, end, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("bad key: %v", err)
	}
	if _, _, err := alice.Analytics.Media(ctx, []string{key}, start, end, &twitter.MediaAnalyticsOptions{Granularity: "weekly"}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("weekly media: %v", err)
	}
}

func TestMediaCountReadsNumbersAndText(t *testing.T) {
	var n, text, missing gen.MediaAnalyticsCounter
	_ = n.UnmarshalJSON([]byte(`42`))
	_ = text.UnmarshalJSON([]byte(`"n/a"`))
	if v, s, ok := twitter.MediaCount(n); !ok || v != 42 || s != "42" {
		t.Errorf("number: %d %q %v", v, s, ok)
	}
	if v, s, ok := twitter.MediaCount(text); ok || v != 0 || s != "n/a" {
		t.Errorf("text: %d %q %v", v, s, ok)
	}
	if _, _, ok := twitter.MediaCount(missing); ok {
		t.Error("a count not sent reads as one")
	}
}
