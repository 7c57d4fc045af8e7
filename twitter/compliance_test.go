package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

const complianceJob = `{"type":"tweets","id":"1423095206576984067","resumable":false,"upload_url":"https://storage.googleapis.com/twttr-tweet-compliance/1423095206576984067/submission/upload","upload_expires_at":"2026-11-27T03:15:00.000Z","download_url":"https://storage.googleapis.com/twttr-tweet-compliance/1423095206576984067/delivery/download","download_expires_at":"2026-12-04T03:00:00.000Z","status":"created","created_at":"2026-11-27T03:00:00.000Z","name":"my job"}`

func TestComplianceRequestsAndResults(t *testing.T) {
	fields := []gen.ComplianceJobField{gen.ComplianceJobFieldStatus, gen.ComplianceJobFieldDownloadURL}
	runExchanges(t, []exchange{{
		name: "Jobs",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Compliance.Jobs(ctx, gen.ListComplianceJobsParamsTypeTweets, &ComplianceJobsOptions{Status: "in_progress", ComplianceJobFields: fields}))
		},
		want:  wire{method: "GET", path: "/2/compliance/jobs", query: "type=tweets&status=in_progress&compliance_job.fields=status,download_url"},
		reply: `{"data":[` + complianceJob + `],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.MultiComplianceJobResponse](t, out)
			if j := r.Data[0]; j.ID != "1423095206576984067" || j.Status != gen.ComplianceJobStatusCreated || j.UploadURL == "" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Job",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Compliance.Job(ctx, "1423095206576984067", &ComplianceJobOptions{ComplianceJobFields: fields}))
		},
		want:  wire{method: "GET", path: "/2/compliance/jobs/1423095206576984067", query: "compliance_job.fields=status,download_url"},
		reply: `{"data":` + complianceJob + `}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.SingleComplianceJobResponse](t, out); r.Data.Name != "my job" || r.Data.CreatedAt.Day() != 27 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Job not found",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Compliance.Job(ctx, "1", nil))
		},
		want:    wire{method: "GET", path: "/2/compliance/jobs/1"},
		status:  404,
		reply:   `{"title":"Not Found Error","type":"about:blank","status":404,"detail":"Could not find compliance job with id: [1]."}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsNotFound(err) || out != nil {
				t.Errorf("out = %v, err = %v", out, err)
			}
		},
	}, {
		name: "CreateJob",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			name := "my job"
			return wrap(c.Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{Type: gen.CreateComplianceJobRequestTypeTweets, Name: name}))
		},
		want:  wire{method: "POST", path: "/2/compliance/jobs", body: `{"type":"tweets","name":"my job"}`},
		reply: `{"data":` + complianceJob + `}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.CreateComplianceJobResponse](t, out); r.Data.Type != gen.ComplianceJobTypeTweets || r.Data.UploadURL == "" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "CreateJob with a user token",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{Type: gen.CreateComplianceJobRequestTypeUsers}))
		},
		want:    wire{method: "POST", path: "/2/compliance/jobs", body: `{"type":"users"}`},
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

func TestComplianceRejectsBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	long := strings.Repeat("n", 65)
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"Jobs type", func() error { _, _, err := c.Compliance.Jobs(ctx, "spaces", nil); return err }, `Compliance.Jobs: invalid argument: job type "spaces" is not one of tweets, users`},
		{"Jobs no type", func() error { _, _, err := c.Compliance.Jobs(ctx, "", nil); return err }, `job type "" is not one of`},
		{"Jobs status", func() error {
			_, _, err := c.Compliance.Jobs(ctx, "users", &ComplianceJobsOptions{Status: "expired"})
			return err
		}, `Status "expired" is not one of created, in_progress, failed, complete`},
		{"Job id", func() error { _, _, err := c.Compliance.Job(ctx, "", nil); return err }, "Compliance.Job: invalid argument: empty job id"},
		{"CreateJob type", func() error { _, _, err := c.Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{}); return err }, `Compliance.CreateJob: invalid argument: job type "" is not one of tweets, users`},
		{"CreateJob name", func() error {
			_, _, err := c.Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{Type: "users", Name: long})
			return err
		}, "job name is longer than 64 characters"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
