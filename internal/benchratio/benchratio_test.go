package benchratio

import (
	"math"
	"testing"
)

var sink []byte

// Allocation is deterministic where time is not: a subject that allocates twice what
// the floor does reports a Bytes ratio of 2, and every metric is reported.
func TestCompareReportsRatios(t *testing.T) {
	r := testing.Benchmark(func(b *testing.B) {
		Compare(b, func() { sink = make([]byte, 4096) }, func() { sink = make([]byte, 8192) })
	})
	for _, m := range []string{"ns/call", "floor-ns/call", "B/call", "floor-B/call", Time, Bytes} {
		if _, ok := r.Extra[m]; !ok {
			t.Errorf("metric %s not reported: %v", m, r.Extra)
		}
	}
	if got := r.Extra[Bytes]; math.Abs(got-2) > 0.05 {
		t.Errorf("%s = %.3f, want 2", Bytes, got)
	}
	if got := r.Extra["floor-B/call"]; math.Abs(got-4096) > 200 {
		t.Errorf("floor-B/call = %.0f, want 4096", got)
	}
}
