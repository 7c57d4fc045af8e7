package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

func TestUsageRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "Tweets",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Usage.Tweets(ctx, &UsageOptions{Days: 2, UsageFields: []gen.UsageReportField{
				gen.UsageReportFieldProjectUsage, gen.UsageReportFieldProjectCap, gen.UsageReportFieldDailyProjectUsage,
			}}))
		},
		want: wire{method: "GET", path: "/2/usage/tweets", query: "days=2&usage.fields=project_usage,project_cap,daily_project_usage"},
		// The shape X sends: counts and ids as decimal strings.
		reply: `{"data":{"cap_reset_day":19,"project_id":"1491508402213011456","project_cap":"2000000","project_usage":"55410",` +
			`"daily_project_usage":{"project_id":"1491508402213011456","usage":[{"date":"2026-11-26T00:00:00.000Z","usage":"1203"},{"date":"2026-11-27T00:00:00.000Z","usage":"37"}]}}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.UsageResponse](t, out)
			days := r.Data.DailyProjectUsage.Usage
			if r.Data.ProjectCap != "2000000" || r.Data.ProjectUsage != "55410" || len(days) != 2 || days[0].Usage != "1203" ||
				days[1].Date.Day() != 27 || r.Data.DailyProjectUsage.ProjectID != "1491508402213011456" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Tweets with a user token",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Usage.Tweets(ctx, nil))
		},
		want:    wire{method: "GET", path: "/2/usage/tweets"},
		status:  403,
		reply:   `{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 Application-Only].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsUnsupportedAuthentication(err) {
				t.Errorf("err = %v", err)
			}
		},
	}})
}

func TestUsageRejectsBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		opts *UsageOptions
		want string
	}{
		{&UsageOptions{Days: 91}, "Usage.Tweets: invalid argument: Days 91 out of range [1, 90]"},
		{&UsageOptions{Days: -1}, "Days -1 out of range"},
		{&UsageOptions{UsageFields: []gen.UsageReportField{"cost"}}, `UsageFields "cost" is not one of cap_reset_day`},
		{&UsageOptions{UsageFields: []gen.UsageReportField{"project_cap", "project_cap"}}, `UsageFields lists "project_cap" twice`},
	} {
		if _, _, err := c.Usage.Tweets(ctx, tc.opts); !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
		}
	}
}
