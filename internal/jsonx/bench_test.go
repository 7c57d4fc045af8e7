package jsonx_test

import (
	"encoding/json"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/benchratio"
	"github.com/twitterkit/go/internal/jsonx"
	"github.com/twitterkit/go/internal/jsonx/internal/fixture"
)

// BenchmarkSearchPage decodes testdata/search_500.json (500 Tweets with every expansion,
// 1.55 MB) the ways a client could, side by side: into the generated page type, into a page
// where some Tweets carry precise coordinates, into map[string]any, and into a 3-field struct,
// each with encoding/json and with Fast:
//
//	go test -run '^$' -bench SearchPage -benchmem ./internal/jsonx/
//
// README's "Decoding speed" shows the figures and why Fast is built as it is.
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

// BenchmarkStreamLines decodes stream lines one per operation and reports Tweets per second:
//
//	go test -run '^$' -bench StreamLines -benchmem -cpu 1 ./internal/jsonx/
//
// "expanded" lines are filtered-stream lines as delivered with common tweet.fields and
// expansions=author_id (a Tweet with entities, context annotations and metrics, its author in
// includes, the matching rule: about 2 KB each) into gen.FilteredStreamingTweet; "sample" lines
// are the same Tweets with the default fields only (id, text, edit_history_tweet_ids: about
// 250 bytes), as the sampled stream sends them, into gen.StreamingTweet.
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
