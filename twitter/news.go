package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// NewsOptions selects the fields of a news story beyond its id and name.
type NewsOptions struct {
	NewsFields []gen.NewsField
}

// NewsSearchOptions selects the fields and reach of a news search. The search has one
// page: there is no pagination token.
type NewsSearchOptions struct {
	NewsOptions
	// MaxResults is 1 to 100; 0 means X's default, 10.
	MaxResults int
	// MaxAgeHours is how old a story may be, 1 to 720 hours; 0 means X's default, 168
	// (a week).
	MaxAgeHours int
}

func (o NewsOptions) check(method string) (*gen.NewsFields, error) {
	if err := checkSet(method, "NewsFields", o.NewsFields); err != nil {
		return nil, err
	}
	return optional(o.NewsFields), nil
}

// ByID looks up one news story. Its id comes as Data.ID or, in the spelling of X's older
// document, Data.RestID; its time likewise as UpdatedAt or LastUpdatedAtMs, kept as X's
// text. A story that does not exist is an error (IsNotFound) even though X answers it
// with a 200. Works with an app-only token or a user context (OAuth 2.0 scopes
// tweet.read and users.read, or OAuth 1.0a).
func (s *NewsService) ByID(ctx context.Context, id string, opts *NewsOptions) (*gen.SingleNewsLookupResponse, *Response, error) {
	const method = "News.ByID"
	if err := checkID(method, "news id", patternNewsID, id); err != nil {
		return nil, nil, err
	}
	var p gen.LookupNewsParams
	var err error
	if p.NewsFields, err = orZero(opts).check(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupNews, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupNews(ctx, id, &p)
	})
}

// Search returns the news stories that match query (up to 2048 characters), newest
// first, no older than MaxAgeHours. No match is a success with no Data. Works with an
// app-only token or a user context (OAuth 2.0 scopes tweet.read and users.read).
func (s *NewsService) Search(ctx context.Context, query string, opts *NewsSearchOptions) (*gen.NewsSearchResponse, *Response, error) {
	const method = "News.Search"
	if err := checkQuery(method, query, maxLengthSearchNewsQuery); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	p := gen.SearchNewsParams{Query: query}
	var err error
	if p.MaxResults, err = maxResults(method, o.MaxResults, opSearchNews.size); err != nil {
		return nil, nil, err
	}
	if p.MaxAgeHours, err = bounded(method, "MaxAgeHours", o.MaxAgeHours, minimumSearchNewsMaxAgeHours, maximumSearchNewsMaxAgeHours); err != nil {
		return nil, nil, err
	}
	if p.NewsFields, err = o.NewsOptions.check(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSearchNews, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchNews(ctx, &p)
	})
}
