package testserver

import (
	"strconv"
	"testing"
	"time"
)

func TestRateLimitExhaustionAndReset(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock), WithRateLimit("GET /2/users/{id}", 3, 15*time.Minute))
	c := newTC(t, s)
	reset := clock.Now().Add(15 * time.Minute).Unix()
	for i := 0; i < 3; i++ {
		r := c.get("/2/users/"+JackID, c.app())
		wantStatus(t, r, 200)
		if r.header.Get("x-rate-limit-limit") != "3" || r.header.Get("x-rate-limit-remaining") != strconv.Itoa(2-i) ||
			r.header.Get("x-rate-limit-reset") != strconv.FormatInt(reset, 10) {
			t.Errorf("request %d headers: %v", i, r.header)
		}
	}
	r := c.get("/2/users/"+JackID, c.app())
	wantStatus(t, r, 429)
	if r.str("title") != "Too Many Requests" || r.header.Get("x-rate-limit-remaining") != "0" {
		t.Errorf("429: %s %v", r.raw, r.header)
	}
	// Per token: a user token has its own window; other routes are not affected.
	wantStatus(t, c.get("/2/users/"+JackID, s.UserToken(AliceID)), 200)
	r = c.get("/2/users/"+AliceID+"/followers", c.app())
	wantStatus(t, r, 200)
	if r.header.Get("x-rate-limit-limit") == "3" {
		t.Errorf("limit leaked to another route")
	}
	clock.Advance(15*time.Minute - time.Second)
	wantStatus(t, c.get("/2/users/"+JackID, c.app()), 429)
	clock.Advance(time.Second)
	r = c.get("/2/users/"+JackID, c.app())
	wantStatus(t, r, 200)
	if r.header.Get("x-rate-limit-remaining") != "2" {
		t.Errorf("after reset: %v", r.header)
	}
}

func TestRateLimitDefaultsAndOff(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/users/"+JackID, c.app())
	if r.header.Get("x-rate-limit-limit") == "" || r.header.Get("x-rate-limit-reset") == "" {
		t.Errorf("headers missing: %v", r.header)
	}
	r = c.get("/2/users/"+JackID, "")
	if r.status != 401 || r.header.Get("x-rate-limit-limit") == "" {
		t.Errorf("401 without headers: %v", r.header)
	}
	s2 := Start(t, WithRateLimit("*", 1, time.Minute), WithoutRateLimits())
	c2 := newTC(t, s2)
	for i := 0; i < 3; i++ {
		wantStatus(t, c2.get("/2/users/"+JackID, c2.app()), 200)
	}
	if _, err := New(WithRateLimit("GET /2/nothing", 1, time.Minute)); err == nil {
		t.Error("unknown route accepted")
	}
}
