package jsonxtest

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
)

// recorder is a testing.TB that keeps what Compare reports.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// fakeDecoder decodes with encoding/json and then changes the result, or fails.
type fakeDecoder struct {
	mutate func(v any)
	fail   bool
	ignore bool // succeed without decoding
}

func (f fakeDecoder) Name() string { return "fake" }
func (f fakeDecoder) Unmarshal(data []byte, v any) error {
	if f.fail {
		return fmt.Errorf("fake failure")
	}
	if f.ignore {
		return nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return err
	}
	if f.mutate != nil {
		f.mutate(v)
	}
	return nil
}

func TestCompareCatchesDifferences(t *testing.T) {
	doc := []byte(`{"data":[{"id":"1","text":"a"}],"meta":{"summary":{"created":1}}}`)
	newSearch := func() any { return new(gen.TweetSearchResponse) }
	cases := []struct {
		name string
		dec  fakeDecoder
		data []byte
		newV func() any
		want string // in the report; "" means the decoders agree
	}{
		{"agree", fakeDecoder{}, doc, newSearch, ""},
		{"both fail", fakeDecoder{fail: true}, []byte(`{`), newSearch, ""},
		{"only one fails", fakeDecoder{fail: true}, doc, newSearch, "failed where"},
		{"only one succeeds", fakeDecoder{ignore: true}, []byte(`{`), newSearch, "succeeded where"},
		{"string differs", fakeDecoder{mutate: func(v any) { v.(*gen.TweetSearchResponse).Data[0].Text = "b" }}, doc, newSearch, "decoded different values"},
		{"nil vs empty", fakeDecoder{mutate: func(v any) { v.(*gen.TweetSearchResponse).Errors = []gen.Problem{} }}, doc, newSearch, "decoded different values"},
		{"union bytes", fakeDecoder{mutate: func(v any) {
			r := v.(*gen.AddOrDeleteRulesResponse)
			_ = r.Meta.Summary.UnmarshalJSON([]byte(`{"created": 1}`))
		}}, doc, func() any { return new(gen.AddOrDeleteRulesResponse) }, "decoded different values"},
		{"negative zero", fakeDecoder{mutate: func(v any) { *v.(*any) = []any{0.0} }}, []byte(`[-0]`), func() any { return new(any) }, "decoded different values"},
		{"deep", fakeDecoder{mutate: func(v any) { *v.(*any) = nil }}, []byte(strings.Repeat("[", 500) + strings.Repeat("]", 500)), func() any { return new(any) }, "decoded different values"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := &recorder{TB: t}
			ok := CompareDecoders(r, c.dec, jsonx.Standard, c.data, c.newV)
			if ok != (c.want == "") {
				t.Errorf("CompareDecoders = %v, reports %q", ok, r.errors)
			}
			if c.want != "" && (len(r.errors) != 1 || !strings.Contains(r.errors[0], c.want)) {
				t.Errorf("report %q, want one containing %q", r.errors, c.want)
			}
		})
	}
}

func TestEqual(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, c := range []struct {
		a, b any
		want bool
	}{
		{[]any{1.0, "a", nil, map[string]any{"x": true}}, []any{1.0, "a", nil, map[string]any{"x": true}}, true},
		{0.0, negZero, false},
		{float32(0), float32(negZero), false},
		{[]int(nil), []int{}, false},
		{map[string]int(nil), map[string]int{}, false},
		{map[string]int{"a": 1}, map[string]int{"b": 1}, false},
		{(*int)(nil), new(int), false},
		{any(1.0), any(1), false},
		{gen.Problem{Title: "a"}, gen.Problem{Title: "a"}, true},
	} {
		if got := Equal(c.a, c.b); got != c.want {
			t.Errorf("Equal(%#v, %#v) = %v", c.a, c.b, got)
		}
	}
}
