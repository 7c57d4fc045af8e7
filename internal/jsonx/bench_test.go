package jsonx_test

import (
	"encoding/json"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/benchratio"
	"github.com/twitterkit/go/internal/jsonx"
	"github.com/twitterkit/go/internal/jsonx/internal/fixture"
)

// BenchmarkSearchPage decodes testdata/search_500.json (500 tweets with every expansion,
// 1.55 MB) the ways a client could, side by side:
//
//	go test -run '^$' -bench SearchPage -benchmem ./internal/jsonx/
//
// # Choosing the fast decoder
//
// Candidates measured for issue 9 (Go 1.26.8, linux/amd64, 2 cores of an AMD EPYC, the page
// into gen.TweetSearchResponse, best of 3; "differs" counts, of 77 edge-case documents × 7
// types, the decodes where the library alone, with no fallback, gave another value or
// error-ness than encoding/json):
//
//	library                                   ms/page   MB/s  allocs   bytes   differs
//	encoding/json                              22.2      69   69.9k   2.78 MB  —
//	goccy/go-json v0.12.0 Unmarshal             6.45    239   64.6k   2.92 MB   1 (refuses a float32 that rounds to MaxFloat32)
//	goccy/go-json v0.12.0 UnmarshalNoEscape     6.97    221   64.6k   2.92 MB   1
//	goccy/go-json v0.10.5                       6.57    234   50.8k   3.35 MB  54 (lenient syntax, invalid UTF-8 kept, case folding, overflow)
//	bytedance/sonic v1.15.5 ConfigDefault       7.32    210   45.8k   4.01 MB  21 (control characters, invalid UTF-8 kept, depth 4096)
//	bytedance/sonic v1.15.5 ConfigStd           7.67    201   64.9k   4.25 MB   3 (float32 rounding, Unicode key folding, depth 4096)
//	segmentio/encoding v0.5.4                  10.98    140   68.4k   4.46 MB  19
//	json-iterator/go v1.1.12 (std-compatible)  11.79    131   99.9k   3.26 MB  14
//	go-json-experiment/json v1.27.2 (v2)       12.37    124   61.9k   2.57 MB  60 (v2 semantics: case-sensitive names, duplicate keys and invalid UTF-8 are errors)
//
// goccy/go-json v0.12.0 (a rewrite published 2026-10-29 that decodes as encoding/json of Go 1.27
// does, and whose type cache is race-free, unlike v0.10's, goccy/go-json#495 and #566) is the
// fastest and the closest, so it is Fast; package jsonx adds the fallbacks for what it gets
// wrong (the float32 refusal above, and float32 double rounding, which the corpus above missed
// and TestNumbersAgree found). Sonic's JIT brings nothing here: the time goes into allocating
// the many small pointer fields of the generated types (mallocgc is 29% of a Fast decode) and
// matching keys, not into scanning.
//
// # Results and the goal
//
// Goal of issue 9: Fast at least 3 times as fast as encoding/json into the same types, with no
// more allocations. The machine is shared and noisy (single runs vary by ±30%, and the same
// binary runs up to 40% slower for minutes when neighbours are busy), so figures are the best
// of interleaved runs. With the generated types' optional fields as plain values (gen/ since
// issue 9; they were pointers): encoding/json 19.7–21.7 ms, Fast 5.5–5.7 ms, 3.6 times;
// allocations 28.7k against 33.9k, bytes 3.8 MB against 3.4 MB (go-json grows slices from a
// capacity of 4). With pointers it was 20.8 against 5.7 ms and 63k against 68k allocations.
// The seam costs nothing measurable over go-json alone (it checks that the target is zero
// memory, and whether its type can hold a float32). "generated-coordinates" is a page where
// one tweet in 36 has a precise location; while coordinates were float32s, Fast also scanned
// every number of such a page (about 1 ms); as float64s they decode like any other number.
//
// # Generated decoders (issue 17)
//
// Goal of issue 17: decoding the page at least 6 times as fast as encoding/json, with no more
// bytes allocated. go-json, at about 3 times, spends most of its time in allocation and in
// matching keys through its per-type tables; the decoders generated for the page, lookup and
// stream types (decode.gen.go) match keys with a switch, allocate each slice once (the first
// elements on the stack, the rest in a pooled scratch slice), share the strings that repeat
// on every Tweet, and scan strings eight bytes at a time. In the same runs of a loaded machine
// (absolute figures 1.5–3 times the ones above; BenchmarkGoalDecode interleaves the two):
// encoding/json 33 ms, the generated decoders 6.1 ms, 5.4 times (go-json 0.30–0.35 of
// encoding/json's time, 2.9–3.3 times), 23.3k allocations and 1.9–2.1 MB against 33.9k and
// 3.6 MB (0.57 of the bytes; go-json 0.9). What is left is allocation (mallocgc about a third
// of the time: the strings, each a copy of its own as encoding/json makes them) and string
// scanning (about a fifth); a copy of a string into a shared chunk would save allocations but
// keep a chunk alive for each string kept, and measured no faster.
//
// For context: into map[string]any encoding/json takes as long as into the generated types and
// allocates several times as often, and Fast saves only a third to a half of that time; into a
// 3-field struct encoding/json still takes half to most of the page time (it scans everything),
// Fast 1.3–2 ms.
func BenchmarkSearchPage(b *testing.B) {
	page := searchPage(b)
	withCoordinates := fixture.Search(500, 1, true)
	type minimal struct {
		Data []struct {
			ID        string `json:"id"`
			Text      string `json:"text"`
			CreatedAt string `json:"created_at"`
		} `json:"data"`
	}
	newPage := func() any { return new(gen.TweetSearchResponse) }
	cases := []struct {
		name string
		dec  jsonx.Decoder
		page []byte
		newV func() any
	}{
		{"encoding-json/generated", jsonx.Standard, page, newPage},
		{"fast/generated", jsonx.Fast, page, newPage},
		{"encoding-json/generated-coordinates", jsonx.Standard, withCoordinates, newPage},
		{"fast/generated-coordinates", jsonx.Fast, withCoordinates, newPage},
		{"encoding-json/map", jsonx.Standard, page, func() any { return new(map[string]any) }},
		{"fast/map", jsonx.Fast, page, func() any { return new(map[string]any) }},
		{"encoding-json/minimal", jsonx.Standard, page, func() any { return new(minimal) }},
		{"fast/minimal", jsonx.Fast, page, func() any { return new(minimal) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.page)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.dec.Unmarshal(c.page, c.newV()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStreamLines decodes stream lines one per operation and reports tweets per second:
//
//	go test -run '^$' -bench StreamLines -benchmem -cpu 1 ./internal/jsonx/
//
// "expanded" lines are filtered-stream lines as delivered with common tweet.fields and
// expansions=author_id (a tweet with entities, context annotations and metrics, its author in
// includes, the matching rule: about 2 KB each) into gen.FilteredStreamingTweet; "sample" lines
// are the same tweets with the default fields only (id, text, edit_history_tweet_ids: about
// 250 bytes), as the sampled stream sends them, into gen.StreamingTweet.
//
// Goal of issue 9: 100,000 tweets/s on one core. Best of interleaved runs (-cpu 1, machine as
// in BenchmarkSearchPage): expanded lines, Fast 7.9–8.7 µs, 115,000–127,000 tweets/s, 50
// allocations a line (encoding/json 36 µs, 28,000 tweets/s, 68 allocations); sample lines, Fast
// 1.25 µs, 800,000 tweets/s (encoding/json 280,000). Before the generated types held optional
// fields as values, an expanded line took 10.7 µs and 115 allocations (93,000 tweets/s): each
// optional field was a pointer, allocated apart. Where the time goes now: go-json's key matching
// about 15%, strings (copying, UTF-8 checks) about 25%, allocation and GC about 40%, a third of
// it growing slices of large elements. go-json's DecodeNoCopyString (strings that point into
// the input) is not used: each string kept from a decoded tweet (an id, say) would keep the
// whole line or page alive, and would change with the caller's buffer, which encoding/json
// never does.
//
// With the generated decoders (issue 17), loaded machine (-cpu 1, about 3 times the figures
// above): expanded lines 25–31 µs against encoding/json's 95–112 µs in the same run (0.26–0.28
// of its time; go-json 0.26), 45 allocations and 3.4 KB a line against go-json's 50 and 6.5 KB;
// sample lines 3.2–3.9 µs against 8–11 µs (0.34–0.40; go-json 0.33), 6 allocations. So lines
// decode about as fast as with go-json, with half the bytes: a line is small, and what counts
// is the allocation of its strings and slices, which both do about as often.
func BenchmarkStreamLines(b *testing.B) {
	expanded := fixture.StreamLines(1000, 2)
	sample := make([][]byte, len(expanded))
	for i, l := range expanded {
		var v gen.FilteredStreamingTweet
		if err := json.Unmarshal(l, &v); err != nil {
			b.Fatal(err)
		}
		t := gen.Tweet{ID: v.Data.ID, Text: v.Data.Text, EditHistoryTweetIds: v.Data.EditHistoryTweetIds}
		sample[i], _ = json.Marshal(gen.StreamingTweet{Data: t})
	}
	sets := []struct {
		name  string
		lines [][]byte
		newV  func() any
	}{
		{"expanded", expanded, func() any { return new(gen.FilteredStreamingTweet) }},
		{"sample", sample, func() any { return new(gen.StreamingTweet) }},
	}
	for _, set := range sets {
		var size int
		for _, l := range set.lines {
			size += len(l)
		}
		for _, dec := range []jsonx.Decoder{jsonx.Standard, jsonx.Fast} {
			b.Run(set.name+"/"+benchName(dec), func(b *testing.B) {
				b.SetBytes(int64(size / len(set.lines)))
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if err := dec.Unmarshal(set.lines[i%len(set.lines)], set.newV()); err != nil {
						b.Fatal(err)
					}
					i++
				}
				b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "tweets/s")
			})
		}
	}
}

func benchName(d jsonx.Decoder) string {
	if d == jsonx.Standard {
		return "encoding-json"
	}
	return "fast"
}

// The benchmark's minimal struct and generated types decode the same tweets, so the page is
// not accidentally empty for one of them.
func TestBenchmarkInputs(t *testing.T) {
	var m struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(searchPage(t), &m); err != nil || len(m.Data) != 500 {
		t.Fatalf("page: %d tweets, %v", len(m.Data), err)
	}
}

// BenchmarkGoalDecode decodes the 500-Tweet page with Fast (the generated decoder of
// gen.TweetSearchResponse) against encoding/json (the floor) into the same generated type,
// interleaved in one run (internal/benchratio). Goal: x-floor ≤ 1/6 (Fast at least 6 times as
// fast) and B-x-floor ≤ 1 (no more bytes allocated).
func BenchmarkGoalDecode(b *testing.B) {
	page := searchPage(b)
	b.ReportAllocs()
	benchratio.Compare(b, func() {
		if err := jsonx.Standard.Unmarshal(page, new(gen.TweetSearchResponse)); err != nil {
			b.Fatal(err)
		}
	}, func() {
		if err := jsonx.Fast.Unmarshal(page, new(gen.TweetSearchResponse)); err != nil {
			b.Fatal(err)
		}
	})
}
