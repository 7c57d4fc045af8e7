package gen_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/gen"
)

// Real-shaped responses decode into the generated types and encode back to the same JSON:
// no field the API sends is lost. Fields the document does not know (X adds them) are ignored
// on decode, never an error; they are listed per file and removed before the comparison.
// Optional fields are plain values that omitzero leaves out when zero, so a member X sent as
// false, 0 or "" decodes to that value but is not encoded again; such members are removed
// from both sides before the comparison (and an empty object left by that too).
func TestGoldenRoundTrip(t *testing.T) {
	tests := []struct {
		file    string
		into    func() any
		unknown []string // top-level paths of fields the types do not model
	}{
		{"tweets_lookup.json", func() any { return new(gen.MultiTweetLookupResponse) }, nil},
		{"search_recent.json", func() any { return new(gen.TweetSearchResponse) }, []string{"data.1.unknown_new_field"}},
		{"stream_rules_add.json", func() any { return new(gen.AddOrDeleteRulesResponse) }, nil},
		{"compliance_job.json", func() any { return new(gen.SingleComplianceJobResponse) }, nil},
		{"user_by_username.json", func() any { return new(gen.SingleUserLookupResponse) }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			v := tc.into()
			if err := json.Unmarshal(raw, v); err != nil {
				t.Fatalf("decode: %v", err)
			}
			again, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			var want, got any
			mustUnmarshal(t, raw, &want)
			mustUnmarshal(t, again, &got)
			for _, p := range tc.unknown {
				deletePath(want, p)
			}
			want, got = withoutZeroMembers(want), withoutZeroMembers(got)
			if diff := cmp.Diff(want, got, sameInstant); diff != "" {
				t.Errorf("round trip changed the document (-sent +re-encoded):\n%s", diff)
			}
		})
	}
}

func TestDecodeTypedValues(t *testing.T) {
	var search gen.TweetSearchResponse
	readJSON(t, "search_recent.json", &search)
	if got := search.Data[1].ReplySettings; got != "some_future_value" {
		t.Errorf("unknown enum value not kept: %q", got)
	}
	if got := search.Meta.NextToken; got != "b26v89c19zqg8o3fosbuk0wbxl6m1i6yd1c1sapbqrt8d" {
		t.Errorf("next_token = %q", got)
	}

	var tweets gen.MultiTweetLookupResponse
	readJSON(t, "tweets_lookup.json", &tweets)
	tw := tweets.Data[0]
	if tw.ID != "1460323737035677698" || tw.PublicMetrics.LikeCount != 468 {
		t.Errorf("tweet decoded wrongly: %+v", tw)
	}
	m := tweets.Includes.Media[0]
	if m.Type != "video" || m.Variants == nil || len(m.Variants) != 2 {
		t.Errorf("media decoded wrongly: %+v", m)
	}
	p := tweets.Errors[0]
	if p.Type != "https://api.twitter.com/2/problems/resource-not-found" || p.ResourceID != "1" || p.Parameter != "ids" {
		t.Errorf("partial error decoded wrongly: %+v", p)
	}
}

// sameInstant compares timestamps by the instant they name: X sends milliseconds
// (".000Z"), time.Time re-encodes without them.
var sameInstant = cmp.Comparer(func(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339Nano, a)
	tb, errB := time.Parse(time.RFC3339Nano, b)
	if errA == nil && errB == nil {
		return ta.Equal(tb)
	}
	return a == b
})

func readJSON(t *testing.T, file string, v any) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	mustUnmarshal(t, raw, v)
}

func mustUnmarshal(t *testing.T, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

// deletePath removes a dotted path (array indexes as numbers) from a decoded JSON value.
func deletePath(v any, path string) {
	var keys []string
	start := 0
	for i := 0; i <= len(path); i++ {
		if i == len(path) || path[i] == '.' {
			keys = append(keys, path[start:i])
			start = i + 1
		}
	}
	for i, k := range keys {
		last := i == len(keys)-1
		switch node := v.(type) {
		case map[string]any:
			if last {
				delete(node, k)
				return
			}
			v = node[k]
		case []any:
			var idx int
			for _, c := range k {
				idx = idx*10 + int(c-'0')
			}
			if idx >= len(node) {
				return
			}
			v = node[idx]
		default:
			return
		}
	}
}

// withoutZeroMembers returns v without the object members whose value is false, 0, "" or an
// object that is empty once those are gone.
func withoutZeroMembers(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, m := range v {
			m = withoutZeroMembers(m)
			switch m := m.(type) {
			case bool:
				if !m {
					continue
				}
			case float64:
				if m == 0 {
					continue
				}
			case string:
				if m == "" {
					continue
				}
			case map[string]any:
				if len(m) == 0 {
					continue
				}
			}
			out[k] = m
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = withoutZeroMembers(e)
		}
		return out
	}
	return v
}
