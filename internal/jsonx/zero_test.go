package jsonx

import (
	"math"
	"reflect"
	"testing"
	"unsafe"

	"github.com/twitterkit/go/gen"
)

func TestZeroMemory(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 9, 1023, 1024, 1025, 2048, 3001} {
		b := make([]byte, n)
		if !zeroMemory(unsafe.Pointer(unsafe.SliceData(b)), uintptr(n)) {
			t.Errorf("%d zero bytes: not zero", n)
		}
		for _, at := range []int{0, n / 2, n - 1} {
			if n == 0 {
				break
			}
			b[at] = 1
			if zeroMemory(unsafe.Pointer(unsafe.SliceData(b)), uintptr(n)) {
				t.Errorf("%d bytes with byte %d set: zero", n, at)
			}
			b[at] = 0
		}
	}
}

// zeroMemory answers what reflect.Value.IsZero answers on the values the client decodes into,
// and never calls zero what is not: a negative zero float, which IsZero calls zero, is not
// all-zero memory (and goes to encoding/json, which is right for any value).
func TestZeroMemoryAgreesWithIsZero(t *testing.T) {
	negZero := math.Copysign(0, -1)
	values := []any{
		new(gen.FilteredStreamingTweet),
		&gen.FilteredStreamingTweet{MatchingRules: []gen.FilteredStreamingTweetMatchingRule{}},
		&gen.TweetSearchResponse{Meta: gen.TweetSearchResponseMeta{ResultCount: 1}},
		&gen.Tweet{PossiblySensitive: true},
		&gen.Tweet{Entities: gen.FullTextEntities{Annotations: []struct {
			End            int     `json:"end"`
			NormalizedText string  `json:"normalized_text,omitempty,omitzero"`
			Probability    float64 `json:"probability,omitempty,omitzero"`
			Start          int     `json:"start"`
			Type           string  `json:"type,omitempty,omitzero"`
		}{}}},
		new(float64),
		&negZero,
		new(map[string]any),
		&map[string]any{},
	}
	for _, v := range values {
		rv := reflect.ValueOf(v)
		got, want := zeroMemory(rv.UnsafePointer(), rv.Type().Elem().Size()), rv.Elem().IsZero()
		if v == any(&negZero) {
			want = false
		}
		if got != want {
			t.Errorf("%T %+v: zeroMemory %v, IsZero %v", v, rv.Elem(), got, want)
		}
	}
}
