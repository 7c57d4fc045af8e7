package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Tweets reports how many Tweets the project consumed (read through the API) each day of
// the last UsageOptions.Days days, against its monthly cap, per project and per app as
// UsageFields ask. Needs an app-only token.
func (s *UsageService) Tweets(ctx context.Context, opts *UsageOptions) (*gen.UsageResponse, *Response, error) {
	const method = "Usage.Tweets"
	o := orZero(opts)
	var p gen.GetTweetUsageParams
	var err error
	if p.Days, err = bounded(method, "Days", o.Days, minimumGetTweetUsageDays, maximumGetTweetUsageDays); err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "UsageFields", o.UsageFields); err != nil {
		return nil, nil, err
	}
	p.UsageFields = optional(o.UsageFields)
	return do(ctx, s.client, &opGetTweetUsage, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetTweetUsage(ctx, &p)
	})
}
