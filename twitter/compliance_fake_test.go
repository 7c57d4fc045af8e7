package twitter_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeComplianceJobs(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, _, err := c.Compliance.Jobs(ctx, gen.ListComplianceJobsParamsTypeTweets, &twitter.ComplianceJobsOptions{
		Status:              "complete",
		ComplianceJobFields: []gen.ComplianceJobField{gen.ComplianceJobFieldStatus, gen.ComplianceJobFieldName, gen.ComplianceJobFieldDownloadURL},
	})
	if err != nil {
		t.Fatal(err)
	}
	jobs, status := s.World().ComplianceJobs()
	if len(res.Data) != 1 {
		t.Fatalf("jobs = %+v", res.Data)
	}
	got := res.Data[0]
	if got.ID != testserver.SeedComplianceJobID || got.ID != jobs[0].ID || string(got.Status) != status[0] ||
		got.Name != jobs[0].Name || got.DownloadURL == "" {
		t.Errorf("job = %+v, world has %+v (%s)", got, jobs[0], status[0])
	}
	res, _, err = c.Compliance.Jobs(ctx, gen.ListComplianceJobsParamsTypeUsers, nil)
	if err != nil || res.Data != nil {
		t.Errorf("users jobs = %+v, %v; want none", res, err)
	}

	_, _, err = userClient(t, s, testserver.AliceID).Compliance.Jobs(ctx, gen.ListComplianceJobsParamsTypeTweets, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeComplianceJob(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	res, _, err := c.Compliance.Job(ctx, testserver.SeedComplianceJobID, &twitter.ComplianceJobOptions{
		ComplianceJobFields: []gen.ComplianceJobField{gen.ComplianceJobFieldStatus, gen.ComplianceJobFieldType, gen.ComplianceJobFieldDownloadURL},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != testserver.SeedComplianceJobID || res.Data.Status != gen.ComplianceJobStatusComplete ||
		res.Data.Type != gen.ComplianceJobTypeTweets || res.Data.DownloadURL == "" {
		t.Errorf("job = %+v", res.Data)
	}

	_, _, err = c.Compliance.Job(ctx, "1", nil)
	wantError(t, err, 404, "")
	if !twitter.IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}
}

func TestFakeComplianceCreateJob(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	name := "nightly users"
	res, _, err := c.Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{Type: gen.CreateComplianceJobRequestTypeUsers, Name: name})
	if err != nil {
		t.Fatal(err)
	}
	jobs, status := s.World().ComplianceJobs()
	last := jobs[len(jobs)-1]
	if res.Data.ID != last.ID || last.Type != "users" || last.Name != name || res.Data.UploadURL == "" ||
		string(res.Data.Status) != status[len(status)-1] {
		t.Errorf("created %+v, world has %+v (%s)", res.Data, last, status[len(status)-1])
	}
	got, _, err := c.Compliance.Job(ctx, res.Data.ID, nil)
	if err != nil || got.Data.ID != res.Data.ID {
		t.Errorf("Job(%s) = %+v, %v", res.Data.ID, got, err)
	}

	// A second users job while the first is not done.
	_, resp, err := c.Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{Type: gen.CreateComplianceJobRequestTypeUsers})
	wantError(t, err, 409, twitter.ProblemConflict)
	if resp.Attempts != 1 {
		t.Errorf("a failed create was sent %d times", resp.Attempts)
	}
	_, _, err = userClient(t, s, testserver.AliceID).Compliance.CreateJob(ctx, gen.CreateComplianceJobRequest{Type: gen.CreateComplianceJobRequestTypeTweets})
	wantUnsupportedAuth(t, err)
}

func TestFakeOpenAPIDocument(t *testing.T) {
	s := fake(t)
	c := clientWith(t, s, twitter.WithBearerToken("not-a-token")) // the document needs no authentication
	doc, _, err := c.OpenAPIDocument(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		OpenAPI string                     `json:"openapi"`
		Paths   map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	if d.OpenAPI == "" || d.Paths["/2/users/{id}"] == nil || d.Paths["/2/tweets/search/stream/rules"] == nil {
		t.Errorf("document: openapi %q, %d paths", d.OpenAPI, len(d.Paths))
	}

	s.Inject("GET /2/openapi.json", testserver.Fault{Kind: testserver.FaultHTML, Status: 502, Times: 1})
	_, _, err = c.OpenAPIDocument(context.Background())
	e := wantError(t, err, 502, "")
	if !twitter.IsServerError(err) || e.Body == "" {
		t.Errorf("err = %+v", e)
	}
}
