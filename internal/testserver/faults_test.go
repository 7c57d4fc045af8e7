package testserver

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestFaultStatusKinds(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	route := "GET /2/users/{id}"
	s.Inject(route, Fault{Kind: FaultStatus, Times: 1})
	s.Inject(route, Fault{Kind: FaultStatusNoJSON, Status: 500, Times: 1})
	s.Inject(route, Fault{Kind: FaultHTML, Times: 1})
	s.Inject(route, Fault{Kind: FaultRateLimit, Times: 1, Delay: 30 * time.Second})

	r := c.get("/2/users/"+JackID, c.app())
	if r.status != 503 || r.str("type") != "about:blank" || r.header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("FaultStatus: %d %s", r.status, r.raw)
	}
	r = c.get("/2/users/"+JackID, c.app())
	if r.status != 500 || r.body != nil || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Errorf("FaultStatusNoJSON: %d %s", r.status, r.raw)
	}
	r = c.get("/2/users/"+JackID, c.app())
	if r.status != 502 || !strings.Contains(string(r.raw), "<html>") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Errorf("FaultHTML: %d %s", r.status, r.raw)
	}
	r = c.get("/2/users/"+JackID, c.app())
	if r.status != 429 || r.header.Get("x-rate-limit-remaining") != "0" || r.header.Get("x-rate-limit-reset") == "" {
		t.Errorf("FaultRateLimit: %d %v", r.status, r.header)
	}
	// All used up: normal again.
	wantStatus(t, c.get("/2/users/"+JackID, c.app()), 200)
	if len(s.Violations()) != 0 {
		t.Errorf("faults must not count as violations: %v", s.Violations())
	}
}

func TestFaultProblems(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("lookupUser", Fault{Kind: FaultProblems, Times: 1})
	r := c.get("/2/users/"+JackID, c.app())
	if r.status != 200 || r.body["data"] != nil {
		t.Fatalf("FaultProblems: %d %s, want 200 without data", r.status, r.raw)
	}
	if errs, _ := r.body["errors"].([]any); len(errs) != 1 {
		t.Errorf("FaultProblems: errors %v, want one problem", r.body["errors"])
	}
	if r := c.get("/2/users/"+JackID, c.app()); r.status != 200 || r.body["data"] == nil {
		t.Errorf("after FaultProblems: %d %s", r.status, r.raw)
	}
	if FaultProblems.String() != "FaultProblems" {
		t.Errorf("String() = %q", FaultProblems.String())
	}
}

func TestFaultAfterTimesAndClear(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("lookupUser", Fault{Kind: FaultStatus, Status: 500, After: 2, Times: 2})
	var got []int
	for i := 0; i < 6; i++ {
		got = append(got, c.get("/2/users/"+JackID, c.app()).status)
	}
	want := []int{200, 200, 500, 500, 200, 200}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("statuses %v, want %v", got, want)
		}
	}
	s.Inject("*", Fault{Kind: FaultStatus})
	wantStatus(t, c.get("/2/tweets/"+JackFirstTweetID, c.app()), 503)
	wantStatus(t, c.get("/2/users/"+JackID, c.app()), 503)
	s.ClearFaults()
	wantStatus(t, c.get("/2/users/"+JackID, c.app()), 200)
	defer func() {
		if recover() == nil {
			t.Error("Inject on an unknown route did not panic")
		}
	}()
	s.Inject("GET /2/nowhere", Fault{Kind: FaultStatus})
}

func TestFaultReset(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("GET /2/users/{id}/followers", Fault{Kind: FaultReset, Times: 1})
	res, err := c.hc.Get(s.URL() + "/2/users/" + JackID + "/followers")
	if err == nil {
		_, err = io.ReadAll(res.Body)
		res.Body.Close()
	}
	if err == nil {
		t.Fatal("no error from a reset connection")
	}
	if !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, io.ErrUnexpectedEOF) && !strings.Contains(err.Error(), "reset") {
		t.Logf("error (accepted): %v", err)
	}
	wantStatus(t, c.get("/2/users/"+JackID+"/followers", c.app()), 200)
}

func TestFaultTruncatedJSON(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("GET /2/tweets/{id}", Fault{Kind: FaultTruncatedJSON, Times: 1})
	r := c.get("/2/tweets/"+JackFirstTweetID, c.app())
	wantStatus(t, r, 200)
	var v any
	if err := json.Unmarshal(r.raw, &v); err == nil || len(r.raw) == 0 {
		t.Errorf("body is valid JSON: %s", r.raw)
	}
	if len(s.Violations()) != 0 {
		t.Errorf("truncation reported as violation: %v", s.Violations())
	}
}

func TestFaultStall(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("GET /2/users/{id}", Fault{Kind: FaultStall, Delay: 300 * time.Millisecond, Times: 1})
	start := time.Now()
	wantStatus(t, c.get("/2/users/"+JackID, c.app()), 200)
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("answered after %v", d)
	}
	// A client with a shorter timeout gives up.
	s.Inject("GET /2/users/{id}", Fault{Kind: FaultStall, Delay: time.Minute, Times: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", s.URL()+"/2/users/"+JackID, nil)
	req.Header.Set("Authorization", "Bearer "+s.AppBearerToken())
	if _, err := c.hc.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("stalled request: %v", err)
	}
}

func TestFaultSlowDrip(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("GET /2/users/{id}", Fault{Kind: FaultSlowDrip, Delay: 2 * time.Millisecond})
	start := time.Now()
	r := c.get("/2/users/"+JackID+"?user.fields=description,created_at", c.app())
	wantStatus(t, r, 200)
	if r.str("data", "username") != "jack" {
		t.Errorf("body: %s", r.raw)
	}
	chunks := (len(r.raw) + 15) / 16
	if d := time.Since(start); d < time.Duration(chunks-1)*2*time.Millisecond {
		t.Errorf("%d bytes in %v: not dripped", len(r.raw), d)
	}
}

func TestFaultEmptyBodyAndRetryAfter(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("GET /2/users/{id}", Fault{Kind: FaultEmptyBody, Times: 1})
	s.Inject("GET /2/users/{id}", Fault{Kind: FaultStatus, Status: 503, RetryAfter: 1500 * time.Millisecond, Times: 1})
	r := c.get("/2/users/"+JackID, c.app())
	if r.status != 200 || len(r.raw) != 0 || r.header.Get("Content-Length") != "0" {
		t.Errorf("FaultEmptyBody: %d %q %v", r.status, r.raw, r.header)
	}
	r = c.get("/2/users/"+JackID, c.app())
	if r.status != 503 || r.header.Get("Retry-After") != "2" {
		t.Errorf("FaultStatus with RetryAfter: %d %v", r.status, r.header)
	}
	wantStatus(t, c.get("/2/users/"+JackID, c.app()), 200)
	if len(s.Violations()) != 0 {
		t.Errorf("faults reported as violations: %v", s.Violations())
	}
}

func TestFaultStalledBody(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	s.Inject("GET /2/users/{id}", Fault{Kind: FaultStalledBody, Delay: 50 * time.Millisecond, Times: 1})
	s.Inject("GET /2/users/{id}", Fault{Kind: FaultDisconnect, Times: 1}) // not a stream: no effect
	req, _ := http.NewRequest("GET", s.URL()+"/2/users/"+JackID, nil)
	req.Header.Set("Authorization", "Bearer "+s.AppBearerToken())
	res, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 503 || res.ContentLength != 1000 || len(body) != stalledBodyStart || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("FaultStalledBody: %d, Content-Length %d, %d bytes %q, %v", res.StatusCode, res.ContentLength, len(body), body, err)
	}
	wantStatus(t, c.get("/2/users/"+JackID, c.app()), 200)
}
