// Command benchtable reads the output of the module's Goal benchmarks (go test -bench
// Goal) on standard input, passes it through, and then prints a Markdown table of each
// performance goal: the figure, the floor it is measured against in the same run, the
// goal, and whether it is met. Where a benchmark ran more than once (-count), the table
// shows its median run: one run of a loopback benchmark can stray by several percent.
// `make bench` runs it; README's "Performance" shows its table.
package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// goal is one performance goal: a metric of one benchmark (see internal/benchratio)
// and the most it may be.
type goal struct {
	bench, what string
	metric      string  // "x-floor" or "B-x-floor"
	max         float64 // the metric may be at most this
	floor       string  // what the floor is
	show        func(v float64) string
}

func times(v float64) string     { return fmt.Sprintf("%.2f×", v) }
func speedup(v float64) string   { return fmt.Sprintf("%.1f× faster", 1/v) }
func rateShare(v float64) string { return fmt.Sprintf("%.0f%% of its rate", 100/v) }

var goals = []goal{
	{"GoalSmallCall", "one user lookup, whole call: time", "x-floor", 1.08, "net/http GET of the same bytes", times},
	{"GoalSmallCall", "one user lookup, whole call: bytes allocated", "B-x-floor", 1.05, "net/http GET of the same bytes", times},
	{"GoalFacadeOverhead", "facade over the generated client: time", "x-floor", 1.05, "the same call through Raw()", times},
	{"GoalPage", "500-Tweet page, whole call: time", "x-floor", 3, "net/http GET + read of the same bytes", times},
	{"GoalPageBytes", "500-Tweet page, whole call: bytes allocated", "B-x-floor", 1, "net/http + encoding/json into the same types", times},
	{"GoalDecode", "500-Tweet page, decoding alone", "x-floor", 1.0 / 6, "encoding/json into the same types", speedup},
	{"GoalStream", "filtered stream of real-sized Tweets", "x-floor", 1 / 0.6, "net/http + bufio reading the same lines", rateShare},
}

// result is the metrics of one benchmark line.
type result map[string]float64

// parse reads benchmark lines ("BenchmarkGoalPage-2  188  16320591 ns/op  2.359 B-x-floor ...")
// and returns each Goal benchmark's runs by name, without the -N suffix. It copies its
// input to echo as it reads.
func parse(r io.Reader, echo io.Writer) (map[string][]result, error) {
	out := map[string][]result{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(echo, line)
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkGoal") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			name = name[:i]
		}
		res := result{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("benchtable: %s: value %q of %s: %w", name, f[i], f[i+1], err)
			}
			res[f[i+1]] = v
		}
		out[name] = append(out[name], res)
	}
	return out, sc.Err()
}

// median returns the run whose metric is the median of the runs that have it (the lower
// middle one of an even count), and how many runs those are.
func median(runs []result, metric string) (result, int) {
	var have []result
	for _, r := range runs {
		if _, ok := r[metric]; ok {
			have = append(have, r)
		}
	}
	if len(have) == 0 {
		return nil, 0
	}
	slices.SortStableFunc(have, func(a, b result) int { return cmp.Compare(a[metric], b[metric]) })
	return have[(len(have)-1)/2], len(have)
}

// table writes the goals as a Markdown table and returns how many are not met or not
// measured.
func table(w io.Writer, got map[string][]result) int {
	missed := 0
	fmt.Fprintln(w, "| goal | median run | floor (same run) | goal | met |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, g := range goals {
		res, n := median(got[g.bench], g.metric)
		v := res[g.metric]
		if n == 0 {
			missed++
			fmt.Fprintf(w, "| %s | not measured | %s | %s | |\n", g.what, g.floor, g.show(g.max))
			continue
		}
		met := "yes"
		if v > g.max {
			met, missed = "no", missed+1
		}
		runs := ""
		if n > 1 {
			runs = fmt.Sprintf(", of %d", n)
		}
		fmt.Fprintf(w, "| %s | %s (%s%s) | %s (%s) | %s | %s |\n",
			g.what, g.show(v), figure(res, g.metric, false), runs, g.floor, figure(res, g.metric, true), g.show(g.max), met)
	}
	return missed
}

// figure is the absolute time or bytes of one side of a benchmark.
func figure(res result, metric string, floor bool) string {
	prefix := ""
	if floor {
		prefix = "floor-"
	}
	if metric == "B-x-floor" {
		return fmt.Sprintf("%.0f B", res[prefix+"B/call"])
	}
	ns := res[prefix+"ns/call"]
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func main() {
	got, err := parse(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println()
	if missed := table(os.Stdout, got); missed > 0 {
		fmt.Printf("\n%d of %d goals not met in this run.\n", missed, len(goals))
	}
}
