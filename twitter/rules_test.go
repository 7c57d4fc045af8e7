package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

func TestRulesRequestsAndResults(t *testing.T) {
	tag := "happy cats"
	runExchanges(t, []exchange{{
		name: "List all",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.List(ctx, nil))
		},
		want:  wire{method: "GET", path: "/2/tweets/search/stream/rules"},
		reply: `{"data":[{"id":"1273026480692322304","value":"cat has:media","tag":"cats with media"},{"id":"1273028376882589696","value":"dog has:images"}],"meta":{"sent":"2026-11-27T03:00:00.000Z","result_count":2}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.RulesLookupResponse](t, out)
			if len(r.Data) != 2 || r.Data[0].Tag != "cats with media" || r.Data[1].Value != "dog has:images" || r.Meta.ResultCount != 2 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "List by id, one page",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.List(ctx, &RuleListOptions{IDs: []string{"1273026480692322304", "1273028376882589696"}, MaxResults: 1, PaginationToken: "DFEDBNRFT3MHCZZZ"}))
		},
		want:  wire{method: "GET", path: "/2/tweets/search/stream/rules", query: "ids=1273026480692322304,1273028376882589696&max_results=1&pagination_token=DFEDBNRFT3MHCZZZ"},
		reply: `{"data":[{"id":"1273028376882589696","value":"dog has:images"}],"meta":{"sent":"2026-11-27T03:00:00.000Z","result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.RulesLookupResponse](t, out); r.Data[0].ID != "1273028376882589696" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Add",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.Add(ctx, []gen.RuleNoID{{Value: "cat has:images", Tag: tag}, {Value: "dog has:images"}}, nil))
		},
		want:  wire{method: "POST", path: "/2/tweets/search/stream/rules", body: `{"add":[{"value":"cat has:images","tag":"happy cats"},{"value":"dog has:images"}]}`},
		reply: `{"data":[{"value":"cat has:images","tag":"happy cats","id":"1273026480692322304"},{"value":"dog has:images","id":"1273028376882589696"}],"meta":{"sent":"2026-11-27T03:00:00.000Z","summary":{"created":2,"not_created":0,"valid":2,"invalid":0}}}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			r := as[gen.AddOrDeleteRulesResponse](t, out)
			if len(r.Data) != 2 || r.Data[0].ID != "1273026480692322304" || len(resp.PartialErrors) != 0 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Add dry run with one duplicate",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.Add(ctx, []gen.RuleNoID{{Value: "cat has:images"}, {Value: "dog has:images"}}, &RuleChangeOptions{DryRun: true}))
		},
		want:  wire{method: "POST", path: "/2/tweets/search/stream/rules", query: "dry_run=true", body: `{"add":[{"value":"cat has:images"},{"value":"dog has:images"}]}`},
		reply: `{"data":[{"value":"dog has:images","id":"1273028376882589696"}],"meta":{"sent":"2026-11-27T03:00:00.000Z","summary":{"created":1,"not_created":1,"valid":2,"invalid":0}},"errors":[{"value":"cat has:images","id":"1273026480692322304","title":"DuplicateRule","type":"https://api.twitter.com/2/problems/duplicate-rules"}]}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			r := as[gen.AddOrDeleteRulesResponse](t, out)
			if len(r.Data) != 1 || len(resp.PartialErrors) != 1 || ProblemType(resp.PartialErrors[0].Type) != ProblemDuplicateRules {
				t.Errorf("result = %s, partial errors = %+v", asJSON(t, r), resp.PartialErrors)
			}
		},
	}, {
		name: "Add where every rule is invalid",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.Add(ctx, []gen.RuleNoID{{Value: "(cat"}}, nil))
		},
		want:    wire{method: "POST", path: "/2/tweets/search/stream/rules", body: `{"add":[{"value":"(cat"}]}`},
		reply:   `{"meta":{"sent":"2026-11-27T03:00:00.000Z","summary":{"created":0,"not_created":1,"valid":0,"invalid":1}},"errors":[{"value":"(cat","details":["There were errors processing your request: missing ')' (at position 5)"],"title":"Invalid Rule","type":"https://api.twitter.com/2/problems/invalid-rules"}]}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			e := apiError(t, err)
			if e.StatusCode != 200 || !e.HasProblem(ProblemInvalidRules) || e.Endpoint != "POST /2/tweets/search/stream/rules" {
				t.Errorf("err = %+v", e)
			}
			sum, _ := as[gen.AddOrDeleteRulesResponse](t, out).Meta.Summary.AsRulesRequestSummary0()
			if sum.Invalid != 1 || sum.Created != 0 {
				t.Errorf("summary = %+v", sum)
			}
		},
	}, {
		name: "Delete by id",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.Delete(ctx, []string{"1273026480692322304", "1273028376882589696"}, nil))
		},
		want:  wire{method: "POST", path: "/2/tweets/search/stream/rules", body: `{"delete":{"ids":["1273026480692322304","1273028376882589696"]}}`},
		reply: `{"meta":{"sent":"2026-11-27T03:00:00.000Z","summary":{"deleted":2,"not_deleted":0}}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			sum, err := as[gen.AddOrDeleteRulesResponse](t, out).Meta.Summary.AsRulesRequestSummary1()
			if err != nil || sum.Deleted != 2 {
				t.Errorf("summary = %+v (%v)", sum, err)
			}
		},
	}, {
		name: "Delete of unknown ids only",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.Delete(ctx, []string{"1"}, &RuleChangeOptions{DryRun: true}))
		},
		want:    wire{method: "POST", path: "/2/tweets/search/stream/rules", query: "dry_run=true", body: `{"delete":{"ids":["1"]}}`},
		reply:   `{"meta":{"sent":"2026-11-27T03:00:00.000Z","summary":{"deleted":0,"not_deleted":1}},"errors":[{"errors":[{"parameters":{},"message":"Rule does not exist"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request","id":"1"}]}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if e := apiError(t, err); !IsInvalidRequest(err) || e.StatusCode != 200 || e.Detail != "One or more parameters to your request was invalid." {
				t.Errorf("err = %+v", e)
			}
		},
	}, {
		name: "Delete where some ids are unknown",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.Delete(ctx, []string{"1273026480692322304", "1"}, nil))
		},
		want:  wire{method: "POST", path: "/2/tweets/search/stream/rules", body: `{"delete":{"ids":["1273026480692322304","1"]}}`},
		reply: `{"meta":{"sent":"2026-11-27T03:00:00.000Z","summary":{"deleted":1,"not_deleted":1}},"errors":[{"title":"Invalid Request","detail":"Rule does not exist","type":"https://api.twitter.com/2/problems/invalid-request","id":"1"}]}`,
		check: func(t *testing.T, _ any, resp *Response, _ error) {
			if len(resp.PartialErrors) != 1 {
				t.Errorf("partial errors = %+v", resp.PartialErrors)
			}
		},
	}, {
		name: "DeleteValues",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.DeleteValues(ctx, []string{"cat has:images"}, nil))
		},
		want:  wire{method: "POST", path: "/2/tweets/search/stream/rules", body: `{"delete":{"values":["cat has:images"]}}`},
		reply: `{"meta":{"sent":"2026-11-27T03:00:00.000Z","summary":{"deleted":1,"not_deleted":0}}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if sum, _ := as[gen.AddOrDeleteRulesResponse](t, out).Meta.Summary.AsRulesRequestSummary1(); sum.Deleted != 1 {
				t.Errorf("summary = %+v", sum)
			}
		},
	}, {
		name: "Add with a user token",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Rules.Add(ctx, []gen.RuleNoID{{Value: "cat"}}, nil))
		},
		want:    wire{method: "POST", path: "/2/tweets/search/stream/rules", body: `{"add":[{"value":"cat"}]}`},
		status:  403,
		reply:   `{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 User Context is forbidden for this endpoint.  Supported authentication types are [OAuth 2.0 Application-Only].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsUnsupportedAuthentication(err) || out != nil {
				t.Errorf("out = %v, err = %v", out, err)
			}
		},
	}})
}

func TestRulesRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"List bad id", func() error {
			_, _, err := c.Rules.List(ctx, &RuleListOptions{IDs: []string{"12", "cat"}})
			return err
		}, `Rules.List: invalid argument: rule id "cat" is malformed (want ^[0-9]{1,19}$) (item 1)`},
		{"List page", func() error { _, _, err := c.Rules.List(ctx, &RuleListOptions{MaxResults: 1001}); return err }, "MaxResults 1001 out of range [1, 1000]"},
		{"List token", func() error { _, _, err := c.Rules.List(ctx, &RuleListOptions{PaginationToken: "short"}); return err }, `PaginationToken "short" is not 16 characters long`},
		{"Add none", func() error { _, _, err := c.Rules.Add(ctx, nil, nil); return err }, "Rules.Add: invalid argument: no rules"},
		{"Add empty value", func() error {
			_, _, err := c.Rules.Add(ctx, []gen.RuleNoID{{Value: "cat"}, {}}, nil)
			return err
		}, "Rules.Add: invalid argument: rule 1 has an empty value"},
		{"Delete none", func() error { _, _, err := c.Rules.Delete(ctx, nil, nil); return err }, "Rules.Delete: invalid argument: no rule ids"},
		{"Delete value as id", func() error {
			_, _, err := c.Rules.Delete(ctx, []string{"cat has:images"}, nil)
			return err
		}, `rule id "cat has:images" is malformed`},
		{"DeleteValues none", func() error { _, _, err := c.Rules.DeleteValues(ctx, []string{}, nil); return err }, "Rules.DeleteValues: invalid argument: no rule values"},
		{"DeleteValues empty", func() error { _, _, err := c.Rules.DeleteValues(ctx, []string{""}, nil); return err }, "value 0 is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
