package jsonx_test

import (
	"encoding/json"
	"reflect"
	"sync"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
	"github.com/twitterkit/go/internal/jsonx/internal/fixture"
	"github.com/twitterkit/go/internal/jsonx/jsonxtest"
)

// Many goroutines decode at once, into types none of them decoded before (so the fast decoder
// compiles and publishes its per-type decoders while others read them), taking both the fast
// path and the fallback. Run with -race (make test does).
func TestConcurrentDecoding(t *testing.T) {
	type job struct {
		data []byte
		newV func() any
		want any
	}
	// Types of their own, so that no other test compiled them first.
	type lineTweet struct {
		Data          *gen.Tweet         `json:"data"`
		Includes      *gen.Expansions    `json:"includes"`
		MatchingRules []gen.MatchingRule `json:"matching_rules"`
	}
	type problems struct {
		Errors []gen.Problem `json:"errors"`
	}
	var jobs []job
	add := func(data []byte, newV func() any) {
		want := newV()
		if err := json.Unmarshal(data, want); err != nil {
			want = nil
		}
		jobs = append(jobs, job{data, newV, want})
	}
	for _, line := range fixture.StreamLines(20, 4) {
		add(line, func() any { return new(lineTweet) })
		add(line, func() any { return new(gen.StreamingTweet) })
		add(line, func() any { return new(map[string]any) })
	}
	withCoordinates := fixture.Search(40, 5, true)
	add(withCoordinates, func() any { return new(problems) })
	add(withCoordinates, func() any { return new(gen.TweetSearchResponse) })
	add([]byte(`{"errors":[{"title":"t","type":"x","status":"429"}]}`), func() any { return new(problems) })
	add([]byte(`{"data":[{"id":"1","geo":{"coordinates":{"coordinates":[3.4028235677973366e38]}}}]}`), func() any { return new(gen.MultiTweetLookupResponse) })
	add([]byte(`{"meta":{"summary":{"created":1}}}`), func() any { return new(gen.AddOrDeleteRulesResponse) })

	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan string, workers*len(jobs))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3 * len(jobs) {
				j := jobs[(i+w*7)%len(jobs)]
				v := j.newV()
				err := jsonx.Fast.Unmarshal(j.data, v)
				switch {
				case (err != nil) != (j.want == nil):
					errs <- "error-ness differs: " + reflect.TypeOf(v).String()
				case err == nil && !jsonxtest.Equal(v, j.want):
					errs <- "value differs: " + reflect.TypeOf(v).String()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
