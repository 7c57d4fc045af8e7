package testserver

import (
	"net/http"
	"testing"
	"time"
)

func TestStartIsFast(t *testing.T) {
	seedWorld()
	seedIndexes()
	_, _ = loadContract()
	start := time.Now()
	s := Start(t)
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("start took %v", d)
	}
	c := newTC(t, s)
	r := c.get("/2/users/"+JackID, c.app())
	wantStatus(t, r, http.StatusOK)
	if r.str("data", "username") != "jack" {
		t.Errorf("got %s", r.raw)
	}
}
