package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// SearchRecent returns one page of the public Tweets of the last seven days that match
// query (X's search operators). It pages with next_token (SearchOptions.NextToken);
// MaxResults is 10 to 100. Works with an app-only token or a user context.
func (s *TweetsService) SearchRecent(ctx context.Context, query string, opts *SearchOptions) (*gen.TweetSearchResponse, *Response, error) {
	p, err := searchParams("Tweets.SearchRecent", query, maxLengthSearchRecentTweetsQuery, orZero(opts), opSearchRecentTweets.size)
	if err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSearchRecentTweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchRecentTweets(ctx, &p)
	})
}

// SearchAll returns one page of the public Tweets since 2006 that match query. It pages
// with next_token (SearchOptions.NextToken); MaxResults is 10 to 500. Needs an app-only
// token of a project with full-archive access.
func (s *TweetsService) SearchAll(ctx context.Context, query string, opts *SearchOptions) (*gen.TweetSearchResponse, *Response, error) {
	r, err := searchParams("Tweets.SearchAll", query, maxLengthSearchAllTweetsQuery, orZero(opts), opSearchAllTweets.size)
	if err != nil {
		return nil, nil, err
	}
	p := gen.SearchAllTweetsParams{
		Query: r.Query, StartTime: r.StartTime, EndTime: r.EndTime, SinceID: r.SinceID, UntilID: r.UntilID,
		MaxResults: r.MaxResults, NextToken: r.NextToken,
		TweetFields: r.TweetFields, Expansions: r.Expansions, MediaFields: r.MediaFields,
		PollFields: r.PollFields, UserFields: r.UserFields, PlaceFields: r.PlaceFields,
	}
	if r.SortOrder != nil {
		p.SortOrder = new(gen.SearchAllTweetsParamsSortOrder(*r.SortOrder))
	}
	return do(ctx, s.client, &opSearchAllTweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchAllTweets(ctx, &p)
	})
}

// searchParams validates a search and builds its parameters. The two searches take the
// same parameters; only their page sizes (and, were the document to say so, their longest
// queries, maxQuery characters) differ.
func searchParams(method, query string, maxQuery int, o *SearchOptions, size pageSize) (gen.SearchRecentTweetsParams, error) {
	p := gen.SearchRecentTweetsParams{Query: query}
	if err := checkQuery(method, query, maxQuery); err != nil {
		return p, err
	}
	if err := window(method, o.SinceID, o.UntilID, o.StartTime, o.EndTime); err != nil {
		return p, err
	}
	var err error
	if p.MaxResults, err = maxResults(method, o.MaxResults, size); err != nil {
		return p, err
	}
	if p.SortOrder, err = optEnum(method, "SortOrder", o.SortOrder); err != nil {
		return p, err
	}
	p.StartTime, p.EndTime = optTime(o.StartTime), optTime(o.EndTime)
	p.SinceID, p.UntilID, p.NextToken = optString(o.SinceID), optString(o.UntilID), optString(o.NextToken)
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return p, err
	}
	return p, nil
}

// CountRecent counts the Tweets of the last seven days that match query, in buckets of
// CountOptions.Granularity. It pages with next_token (CountOptions.NextToken). Needs an
// app-only token.
func (s *TweetsService) CountRecent(ctx context.Context, query string, opts *CountOptions) (*gen.TweetCountsResponse, *Response, error) {
	p, err := countParams("Tweets.CountRecent", query, maxLengthCountRecentTweetsQuery, orZero(opts))
	if err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opCountRecentTweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CountRecentTweets(ctx, &p)
	})
}

// CountAll counts the Tweets since 2006 that match query, in buckets of
// CountOptions.Granularity. It pages with next_token (CountOptions.NextToken). Needs an
// app-only token of a project with full-archive access.
func (s *TweetsService) CountAll(ctx context.Context, query string, opts *CountOptions) (*gen.TweetCountsResponse, *Response, error) {
	p, err := countParams("Tweets.CountAll", query, maxLengthCountAllTweetsQuery, orZero(opts))
	if err != nil {
		return nil, nil, err
	}
	all := gen.CountAllTweetsParams(p) // the two operations take the same parameters
	return do(ctx, s.client, &opCountAllTweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CountAllTweets(ctx, &all)
	})
}

// countParams validates a count and builds its parameters.
func countParams(method, query string, maxQuery int, o *CountOptions) (gen.CountRecentTweetsParams, error) {
	p := gen.CountRecentTweetsParams{Query: query}
	if err := checkQuery(method, query, maxQuery); err != nil {
		return p, err
	}
	if err := window(method, o.SinceID, o.UntilID, o.StartTime, o.EndTime); err != nil {
		return p, err
	}
	var err error
	if p.Granularity, err = optEnum(method, "Granularity", o.Granularity); err != nil {
		return p, err
	}
	if p.SearchCountFields, err = optSet(method, "SearchCountFields", o.SearchCountFields); err != nil {
		return p, err
	}
	p.StartTime, p.EndTime = optTime(o.StartTime), optTime(o.EndTime)
	p.SinceID, p.UntilID, p.NextToken = optString(o.SinceID), optString(o.UntilID), optString(o.NextToken)
	return p, nil
}
