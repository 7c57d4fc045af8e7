package testserver

import (
	"net/http"
	"testing"
)

// A started server answers at once with its seeded world. How long Start takes (it
// runs once per test, so it must stay cheap: the world and the contract are built once
// per process and copied) is BenchmarkStart's to measure, not a timed test's.
func TestStartedServerAnswers(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/users/"+JackID, c.app())
	wantStatus(t, r, http.StatusOK)
	if r.str("data", "username") != "jack" {
		t.Errorf("got %s", r.raw)
	}
}
