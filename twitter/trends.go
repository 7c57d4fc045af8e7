package twitter

import (
	"context"
	"math"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// TrendOptions selects how many trends of a place come back and with which fields.
type TrendOptions struct {
	// MaxTrends is how many trends to return, 1 to 50; 0 means X's default, 20.
	MaxTrends int
	// TrendFields adds fields to each trend's name (tweet_count).
	TrendFields []gen.TrendField
}

// PersonalizedTrendOptions selects the fields of personalized trends.
type PersonalizedTrendOptions struct {
	// PersonalizedTrendFields adds fields to each trend's name (category, post_count,
	// trending_since).
	PersonalizedTrendFields []gen.PersonalizedTrendField
}

// ByWOEID returns what is trending now in the place with Yahoo! Where On Earth id woeid
// (1 is the whole world), most popular first. A place X has no trends for is an error
// (IsNotFound) even though X answers it with a 200. Works with an app-only token or an
// OAuth 2.0 user context.
func (s *TrendsService) ByWOEID(ctx context.Context, woeid int, opts *TrendOptions) (*gen.TrendsLookupResponse, *Response, error) {
	const method = "Trends.ByWOEID"
	if woeid <= 0 || woeid > math.MaxInt32 {
		return nil, nil, invalid(method, "WOEID %d is not a place id (want 1 to %d)", woeid, math.MaxInt32)
	}
	o := orZero(opts)
	var p gen.ListTrendsByWoeidParams
	var err error
	if p.MaxTrends, err = bounded(method, "MaxTrends", o.MaxTrends, minimumListTrendsByWoeidMaxTrends, maximumListTrendsByWoeidMaxTrends); err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "TrendFields", o.TrendFields); err != nil {
		return nil, nil, err
	}
	p.TrendFields = optional(o.TrendFields)
	return do(ctx, s.client, &opListTrendsByWoeid, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListTrendsByWoeid(ctx, int32(woeid), &p)
	})
}

// Personalized returns the trends X picks for the authenticated user, from whom they
// follow and what they read. Needs a user context (OAuth 2.0 scopes tweet.read and
// users.read, or OAuth 1.0a); an app-only token is refused.
func (s *TrendsService) Personalized(ctx context.Context, opts *PersonalizedTrendOptions) (*gen.PersonalizedTrendsLookupResponse, *Response, error) {
	const method = "Trends.Personalized"
	o := orZero(opts)
	if err := checkSet(method, "PersonalizedTrendFields", o.PersonalizedTrendFields); err != nil {
		return nil, nil, err
	}
	p := gen.ListPersonalizedTrendsParams{PersonalizedTrendFields: optional(o.PersonalizedTrendFields)}
	return do(ctx, s.client, &opListPersonalizedTrends, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListPersonalizedTrends(ctx, &p)
	})
}
