package main

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkGoalSmallCall-2        	    8929	    384863 ns/op	         1.215 B-x-floor	      9105 B/call	      7495 floor-B/call	    139272 floor-ns/call	    157523 ns/call	         1.131 x-floor	   16599 B/op	     194 allocs/op
BenchmarkGoalPage-2             	     206	  11543111 ns/op	         1.784 B-x-floor	   5858219 B/call	   3284557 floor-B/call	   3007017 floor-ns/call	   8406239 ns/call	         2.796 x-floor	 9142777 B/op	   28890 allocs/op
BenchmarkGoalStream-2           	   33417	     68496 ns/op	         4.479 B-x-floor	      5149 B/call	      1149 floor-B/call	      6303 floor-ns/call	      9743 ns/call	         1.546 x-floor	    8376 B/op	      60 allocs/op
PASS
`

func TestTable(t *testing.T) {
	var echo, out bytes.Buffer
	got, err := parse(strings.NewReader(sample), &echo)
	if err != nil {
		t.Fatal(err)
	}
	if echo.String() != sample {
		t.Errorf("input not passed through:\n%s", echo.String())
	}
	if got["GoalPage"][0]["x-floor"] != 2.796 || got["GoalSmallCall"][0]["floor-ns/call"] != 139272 {
		t.Fatalf("parsed %v", got)
	}
	missed := table(&out, got)
	s := out.String()
	for _, want := range []string{
		"| one user lookup, whole call: time | 1.13× (157.5 µs) | net/http GET of the same bytes (139.3 µs) | 1.08× | no |",
		"| 500-Tweet page, whole call: time | 2.80× (8.41 ms) |",
		"| 3.00× | yes |",
		"| one user lookup, whole call: bytes allocated | 1.22× (9105 B) | net/http GET of the same bytes (7495 B) | 1.05× | no |",
		"| filtered stream of real-sized Tweets | 65% of its rate (9.7 µs) |",
		"| 500-Tweet page, decoding alone | not measured |",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
	// Not met: small call time and bytes; not measured: facade, page bytes, decode.
	if missed != 5 {
		t.Errorf("missed = %d, want 5:\n%s", missed, s)
	}
}

func TestParseRejectsAGarbledValue(t *testing.T) {
	_, err := parse(strings.NewReader("BenchmarkGoalPage-2 10 x1 ns/op\n"), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "GoalPage") {
		t.Fatalf("err = %v", err)
	}
}

// TestTableShowsTheMedianRun: of several runs, the table shows the one with the median
// figure, with that run's own floor.
func TestTableShowsTheMedianRun(t *testing.T) {
	runs := `BenchmarkGoalFacadeOverhead-2 5000 1 ns/op 110000 floor-ns/call 121000 ns/call 1.100 x-floor
BenchmarkGoalFacadeOverhead-2 5000 1 ns/op 100000 floor-ns/call 103000 ns/call 1.030 x-floor
BenchmarkGoalFacadeOverhead-2 5000 1 ns/op 90000 floor-ns/call 90900 ns/call 1.010 x-floor
BenchmarkGoalFacadeOverhead-2 5000 1 ns/op 95000 floor-ns/call 114000 ns/call 1.200 x-floor
BenchmarkGoalFacadeOverhead-2 5000 1 ns/op 99000 floor-ns/call 104940 ns/call 1.060 x-floor
`
	got, err := parse(strings.NewReader(runs), &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	table(&out, got)
	want := "| facade over the generated client: time | 1.06× (104.9 µs, of 5) | the same call through Raw() (99.0 µs) | 1.05× | no |"
	if !strings.Contains(out.String(), want) {
		t.Errorf("table lacks %q:\n%s", want, out.String())
	}
	if r, n := median(got["GoalFacadeOverhead"][:4], "x-floor"); n != 4 || r["x-floor"] != 1.03 {
		t.Errorf("median of four = %v of %d, want the lower middle (1.03)", r, n)
	}
}
