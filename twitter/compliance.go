package twitter

import (
	"context"
	"net/http"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// Jobs lists the app's batch compliance jobs of one type ("tweets" or "users"),
// optionally only those in ComplianceJobsOptions.Status. Needs an app-only token.
func (s *ComplianceService) Jobs(ctx context.Context, jobType gen.ListComplianceJobsParamsType, opts *ComplianceJobsOptions) (*gen.MultiComplianceJobResponse, *Response, error) {
	const method = "Compliance.Jobs"
	if err := checkOneOf(method, "job type", jobType); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	p := gen.ListComplianceJobsParams{Type: jobType}
	var err error
	if p.ComplianceJobFields, err = optSet(method, "ComplianceJobFields", o.ComplianceJobFields); err != nil {
		return nil, nil, err
	}
	if p.Status, err = optEnum(method, "Status", o.Status); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListComplianceJobs, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListComplianceJobs(ctx, &p)
	})
}

// Job returns one compliance job, with its status and, once complete, its download_url.
// Needs an app-only token.
func (s *ComplianceService) Job(ctx context.Context, id string, opts *ComplianceJobOptions) (*gen.SingleComplianceJobResponse, *Response, error) {
	const method = "Compliance.Job"
	if err := checkID(method, "job id", patternJobId, id); err != nil {
		return nil, nil, err
	}
	var p gen.GetComplianceJobParams
	var err error
	if p.ComplianceJobFields, err = optSet(method, "ComplianceJobFields", orZero(opts).ComplianceJobFields); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opGetComplianceJob, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetComplianceJob(ctx, id, &p)
	})
}

// CreateJob creates a batch compliance job of req.Type ("tweets" or "users"). Upload the
// ids to the returned upload_url before upload_expires_at, then poll Job until its status
// is complete. Only one job of a type may be in progress at a time (a second one is a
// 409 conflict). As a mutation it is not retried unless WithRetryMutations is set. Needs
// an app-only token.
func (s *ComplianceService) CreateJob(ctx context.Context, req gen.CreateComplianceJobRequest) (*gen.CreateComplianceJobResponse, *Response, error) {
	const method = "Compliance.CreateJob"
	if err := checkOneOf(method, "job type", req.Type); err != nil {
		return nil, nil, err
	}
	if utf8.RuneCountInString(req.Name) > maxLengthComplianceJobName {
		return nil, nil, invalid(method, "job name is longer than %d characters", maxLengthComplianceJobName)
	}
	return do(ctx, s.client, &opCreateComplianceJob, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateComplianceJob(ctx, req)
	})
}
