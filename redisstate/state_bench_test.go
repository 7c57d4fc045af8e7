package redisstate_test

import (
	"testing"
	"time"

	"github.com/twitterkit/go/twitter"
)

// BenchmarkSharedWindow measures what sharing a rate-limit window adds to each request:
// a reservation before it and a record after it, on the test Redis (loopback), against
// the same on twitter.MemoryState as the floor. It reports ms/req (the target is under
// 0.5 on loopback) and x-memory, the ratio to the floor measured in the same run.
func BenchmarkSharedWindow(b *testing.B) {
	st, _ := newState(b)
	mem := twitter.NewMemoryState()
	perRequest := func(s twitter.State, n int) time.Duration {
		now := time.Now()
		rl := twitter.RateLimit{Limit: 1 << 30, Remaining: 1 << 30, Reset: now.Add(time.Hour)}
		if err := s.Record(ctx, "bench GET /2/users/{id}", now, rl); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for range n {
			r, err := s.Reserve(ctx, "bench GET /2/users/{id}", now)
			if err != nil || !r.Granted {
				b.Fatalf("reserve: %+v %v", r, err)
			}
			rl.Remaining--
			if err := s.Record(ctx, "bench GET /2/users/{id}", now, rl); err != nil {
				b.Fatal(err)
			}
		}
		return time.Since(start)
	}
	b.ResetTimer()
	redisTime := perRequest(st, b.N)
	b.StopTimer()
	memTime := perRequest(mem, b.N)
	b.ReportMetric(float64(redisTime)/float64(time.Millisecond)/float64(b.N), "ms/req")
	b.ReportMetric(float64(redisTime)/float64(max(memTime, 1)), "x-memory")
}
