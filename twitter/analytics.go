package twitter

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/twitterkit/go/gen"
)

// TweetAnalyticsOptions selects the buckets and fields of Tweet analytics.
type TweetAnalyticsOptions struct {
	// Granularity cuts the period into hourly, daily or weekly buckets, or one (total);
	// empty means total.
	Granularity gen.TweetAnalyticsGranularity
	// Fields are the metrics and parts of each entry to return; none leaves the choice to X.
	Fields []gen.AnalyticsField
}

// MediaAnalyticsOptions selects the buckets and fields of media analytics.
type MediaAnalyticsOptions struct {
	// Granularity cuts the period into hourly or daily buckets, or one (total); empty
	// means daily.
	Granularity gen.MediaAnalyticsGranularity
	// Fields are the metrics and parts of each entry to return; none leaves the choice to X.
	Fields []gen.MediaAnalyticsField
}

// checkWindow rejects a period that is not from a start to a later end.
func checkWindow(method string, start, end time.Time) error {
	if start.IsZero() || end.IsZero() {
		return invalid(method, "the period needs both a start and an end")
	}
	if !end.After(start) {
		return invalid(method, "the period ends (%s) before it starts (%s)", end.Format(time.RFC3339), start.Format(time.RFC3339))
	}
	return nil
}

// granularity is g, or X's default def when g is unset: always sent, since X's older
// document requires a value. A value outside the enum is an invalid argument.
func granularity[G enum](method string, g, def G) (G, error) {
	if g == "" {
		g = def
	}
	return g, checkEnum(method, "Granularity", g)
}

// Tweets returns, for each of up to 100 of the caller's Tweets, its counts over [start,
// end): totals at the top of each entry and, in TimestampedMetrics, one bucket per
// Granularity. A Tweet of someone else, or one that does not exist, is a partial error
// beside the others. Needs a user context (OAuth 2.0 scopes tweet.read and users.read, or
// OAuth 1.0a).
func (s *AnalyticsService) Tweets(ctx context.Context, ids []string, start, end time.Time, opts *TweetAnalyticsOptions) (*gen.TweetAnalyticsResponse, *Response, error) {
	const method = "Analytics.Tweets"
	if err := checkIDs(method, "tweet id", patternTweetID, maxItemsGetTweetAnalyticsIds, ids); err != nil {
		return nil, nil, err
	}
	if err := checkWindow(method, start, end); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	g, err := granularity(method, o.Granularity, gen.TweetAnalyticsGranularityTotal)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "Fields", o.Fields); err != nil {
		return nil, nil, err
	}
	p := gen.GetTweetAnalyticsParams{Ids: ids, StartTime: start.UTC(), EndTime: end.UTC(), Granularity: g, AnalyticsFields: optional(o.Fields)}
	return do(ctx, s.client, &opGetTweetAnalytics, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetTweetAnalytics(ctx, &p)
	})
}

// Media returns, for each of up to 100 media keys of the caller's videos, their playback
// over [start, end): totals at the top of each entry and, in TimestampedMetrics, one bucket
// per Granularity (read a bucket's counts with MediaCount). Media of someone else is a
// partial error beside the others. Needs a user context (OAuth 2.0 scope tweet.read, or
// OAuth 1.0a).
func (s *AnalyticsService) Media(ctx context.Context, mediaKeys []string, start, end time.Time, opts *MediaAnalyticsOptions) (*gen.MediaAnalyticsResponse, *Response, error) {
	const method = "Analytics.Media"
	if err := checkIDs(method, "media key", patternMediaKey, maxItemsGetMediaAnalyticsMediaKeys, mediaKeys); err != nil {
		return nil, nil, err
	}
	if err := checkWindow(method, start, end); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	g, err := granularity(method, o.Granularity, gen.MediaAnalyticsGranularityDaily)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "Fields", o.Fields); err != nil {
		return nil, nil, err
	}
	p := gen.GetMediaAnalyticsParams{MediaKeys: mediaKeys, StartTime: start.UTC(), EndTime: end.UTC(), Granularity: g, MediaAnalyticsFields: optional(o.Fields)}
	return do(ctx, s.client, &opGetMediaAnalytics, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetMediaAnalytics(ctx, &p)
	})
}

// MediaCount reads a count of a media analytics bucket. X sends counts as numbers, or as
// its own text where it could not read one as a number; ok is false then (and for a count
// that was not sent), and text holds what X sent.
func MediaCount(c gen.MediaAnalyticsCounter) (n int64, text string, ok bool) {
	raw, err := c.MarshalJSON()
	if err != nil || len(raw) == 0 || string(raw) == "null" {
		return 0, "", false
	}
	if n, err := c.AsMediaAnalyticsCounter0(); err == nil {
		return n, strconv.FormatInt(n, 10), true
	}
	s, _ := c.AsMediaAnalyticsCounter1()
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, s, true
	}
	return 0, s, false
}
