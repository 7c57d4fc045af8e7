package jsonx_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
	"github.com/twitterkit/go/internal/jsonx/internal/fixture"
	"github.com/twitterkit/go/internal/jsonx/jsonxtest"
)

// fuzzTargets are fewer than jsonxtest.Targets to keep each fuzz execution quick; together they
// reach every generated type a response decodes into (Tweet, User, Media, Place, Poll,
// Problem, the union summary, time.Time, float64, int32, maps) and plain any; gen.Point puts
// numbers straight into float64s.
var fuzzTargets = []func() any{
	func() any { return new(gen.TweetSearchResponse) },
	func() any { return new(gen.FilteredStreamingTweet) },
	func() any { return new(gen.AddOrDeleteRulesResponse) },
	func() any { return new(gen.Problem) },
	func() any { return new(gen.Point) },
	func() any { return new(any) },
}

// FuzzDecodersAgree decodes arbitrary input with jsonx.Fast and jsonx.Standard: the values must
// be exactly equal, or both decoders must fail, and neither may panic. It is seeded with the
// edge-case corpus, stream lines and the golden responses of gen/testdata; inputs it found are
// kept in testdata/fuzz/FuzzDecodersAgree. The generated decoders are also run alone, on every
// type they decode, so that a panic in them fails the fuzz target (Fast would recover).
//
//	go test -run '^$' -fuzz FuzzDecodersAgree -fuzztime 2m ./internal/jsonx/
func FuzzDecodersAgree(f *testing.F) {
	for _, c := range jsonxtest.Corpus() {
		if len(c.Data) < 4096 {
			f.Add(c.Data)
		}
	}
	for _, n := range []string{"[1.5,-0,1e400,3.4028235677973366e38]", `{"type":"Point","coordinates":[9.1440194856553946289457852283953076750842e-34,-73.9857]}`} {
		f.Add([]byte(n))
	}
	for _, line := range fixture.StreamLines(5, 3) {
		f.Add(line)
	}
	golden, _ := filepath.Glob(filepath.Join("..", "..", "gen", "testdata", "*.json"))
	for _, file := range golden {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, newV := range fuzzTargets {
			jsonxtest.Compare(t, data, newV)
		}
		// The generated decoders alone, where a panic is not caught: what they take is
		// encoding/json's value.
		for _, newV := range generatedRoots {
			got, want := newV(), newV()
			if _, ok := jsonx.Generated(data, got); ok && (json.Unmarshal(data, want) != nil || !jsonxtest.Equal(got, want)) {
				t.Errorf("into %T: the generated decoder took %q and differs from encoding/json", got, data)
			}
		}
	})
}
