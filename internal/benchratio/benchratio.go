// Package benchratio measures a benchmark's subject against a floor in the same run.
//
// The machines the module is measured on are shared and noisy: a figure taken alone moves
// by tens of percent with the neighbours. A ratio moves far less when both sides run
// interleaved, in short rounds, in one benchmark: whatever slows the machine slows both.
// The module's performance goals are therefore stated as ratios (README, "Performance"),
// and `make bench` prints them with internal/cmd/benchtable.
package benchratio

import (
	"runtime"
	"testing"
	"time"
)

// Metric names reported by Compare.
const (
	// Time is the subject's time over the floor's.
	Time = "x-floor"
	// Bytes is the bytes the subject allocates over the floor's.
	Bytes = "B-x-floor"
)

// DefaultRound is how many runs of each side Compare makes in turn. The memory
// statistics are read between turns (reading them stops the world, so it is kept out
// of the timing and infrequent).
const DefaultRound = 32

// Compare runs floor and subject b.N times each, interleaved in rounds of DefaultRound,
// and reports per run the time and bytes of each ("ns/call", "floor-ns/call", "B/call",
// "floor-B/call") and the ratios Time and Bytes. Each side runs once before the timing,
// to open connections and fill caches.
func Compare(b *testing.B, floor, subject func()) {
	b.Helper()
	CompareRounds(b, DefaultRound, floor, subject)
}

// CompareRounds is Compare with rounds of the given length: longer rounds for a subject
// that works ahead on a goroutine of its own (a stream decoding into its buffer), which
// in short rounds would do part of its work during the floor's turn.
func CompareRounds(b *testing.B, round int, floor, subject func()) {
	b.Helper()
	floor()
	subject()
	var floorT, subjT time.Duration
	var floorB, subjB uint64
	b.ResetTimer()
	for done := 0; done < b.N; {
		n := min(round, b.N-done)
		d, by := measure(n, floor)
		floorT, floorB = floorT+d, floorB+by
		d, by = measure(n, subject)
		subjT, subjB = subjT+d, subjB+by
		done += n
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(float64(subjT)/n, "ns/call")
	b.ReportMetric(float64(floorT)/n, "floor-ns/call")
	b.ReportMetric(float64(subjB)/n, "B/call")
	b.ReportMetric(float64(floorB)/n, "floor-B/call")
	b.ReportMetric(float64(subjT)/float64(floorT), Time)
	if floorB > 0 {
		b.ReportMetric(float64(subjB)/float64(floorB), Bytes)
	}
}

// measure runs f n times and returns the time it took and the bytes it allocated.
func measure(n int, f func()) (time.Duration, uint64) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	for range n {
		f()
	}
	d := time.Since(t0)
	runtime.ReadMemStats(&m1)
	return d, m1.TotalAlloc - m0.TotalAlloc
}
