package jsonx

import (
	"reflect"
	"testing"

	"github.com/twitterkit/go/gen"
)

// A number that rounds to another float32 through a float64 (found by TestNumbersAgree).
const doubleRounded = "9.1440194856553946289457852283953076750842e-34"

func TestHasDoubleRoundedFloat32(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want bool
	}{
		{`[` + doubleRounded + `]`, true},
		{`{"coordinates":[1.5, -` + doubleRounded + `]}`, true},
		{"{\"a\":\t" + doubleRounded + "\n}", true},
		{doubleRounded, true},
		{`{"s":"` + doubleRounded + `"}`, false},
		{`{"s":"a\"` + doubleRounded + `"}`, false},
		{`{"s":"a\\\"` + doubleRounded + `\\"}`, false},
		{`{"s":"a\\","n":` + doubleRounded + `}`, true},
		{`{"s":"0123456789abcdef\\\\","n":` + doubleRounded + `}`, true},
		{`[0.1, 1e400, -0, 123456789012345678901234567890, 1.5, 1e-400, 3.4028234663852886e38]`, false},
		{`[3.4028235677973366e38]`, true}, // just under the float32 limit directly, infinite through a float64
		{`{"unterminated":"` + doubleRounded, false},
		{``, false},
	} {
		if got := hasDoubleRoundedFloat32([]byte(c.doc)); got != c.want {
			t.Errorf("hasDoubleRoundedFloat32(%s) = %v", c.doc, got)
		}
	}
}

func TestFloat32Finder(t *testing.T) {
	type recursive struct {
		Next *recursive `json:"next"`
		F    []float32  `json:"f"`
	}
	type noFloat32 struct {
		Self *noFloat32
		Map  map[string]float64
		Any  any
	}
	for _, c := range []struct {
		v      any
		finder bool
		holds  bool
	}{
		{&gen.TweetSearchResponse{}, true, false},
		{&gen.TweetSearchResponse{Data: []gen.Tweet{{Geo: &gen.TweetGeo{Coordinates: gen.Point{Coordinates: []float32{1}}}}}}, true, true},
		{&gen.TweetSearchResponse{Data: []gen.Tweet{{Geo: &gen.TweetGeo{Coordinates: gen.Point{Coordinates: []float32{}}}}}}, true, false},
		{&gen.Place{Geo: gen.Geo{Geometry: gen.Point{Coordinates: []float32{1, 2}}}}, true, true},
		{&map[string][2]float32{"a": {}}, true, true},
		{&recursive{Next: &recursive{F: []float32{0}}}, true, true},
		{&recursive{Next: &recursive{}}, true, false},
		{&gen.Problem{}, false, false},
		{&gen.AddOrDeleteRulesResponse{}, false, false},
		{new(any), false, false},
		{&noFloat32{}, false, false},
	} {
		rv := reflect.ValueOf(c.v)
		find := float32Finder(rv.Type())
		if (find != nil) != c.finder {
			t.Errorf("%T: finder %v, want %v", c.v, find != nil, c.finder)
			continue
		}
		if find != nil && find(rv) != c.holds {
			t.Errorf("%T: holds float32 = %v, want %v", c.v, !c.holds, c.holds)
		}
	}
}
