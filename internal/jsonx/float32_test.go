package jsonx

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/twitterkit/go/gen"
)

// A number that rounds to another float32 through a float64 (found by TestNumbersAgree).
const doubleRounded = "9.1440194856553946289457852283953076750842e-34"

func TestHoldsFloat32(t *testing.T) {
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
		v    any
		want bool
	}{
		// The generated types hold no float32: every number is a float64 or an integer.
		{&gen.TweetSearchResponse{}, false},
		{&gen.Point{}, false},
		{&gen.Place{}, false},
		{&gen.SingleUserLookupResponse{}, false},
		{&gen.Problem{}, false},
		{&map[string][2]float32{}, true},
		{&recursive{}, true},
		{new(float32), true},
		{new(any), false},
		{&noFloat32{}, false},
	} {
		if got := holdsFloat32(reflect.TypeOf(c.v)); got != c.want {
			t.Errorf("%T: holdsFloat32 = %v, want %v", c.v, got, c.want)
		}
	}
}

func TestFastLeavesFloat32ToEncodingJSON(t *testing.T) {
	// go-json rounds this number to another float32 than encoding/json; Fast must not.
	var want, got struct{ F []float32 }
	doc := []byte(`{"F":[` + doubleRounded + `, 0.1]}`)
	if err := json.Unmarshal(doc, &want); err != nil {
		t.Fatal(err)
	}
	if err := Fast.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.F) != 2 || math.Float32bits(got.F[0]) != math.Float32bits(want.F[0]) || got.F[1] != want.F[1] {
		t.Errorf("Fast = %v, encoding/json = %v", got.F, want.F)
	}
}

func TestCoordinatesKeepTheirDigits(t *testing.T) {
	// As float32s, -6.61749693 came back as -6.617497.
	doc := []byte(`{"type":"Point","coordinates":[-6.61749693,53.34985209]}`)
	for _, d := range []Decoder{Fast, Standard} {
		var p gen.Point
		if err := d.Unmarshal(doc, &p); err != nil {
			t.Fatal(err)
		}
		if len(p.Coordinates) != 2 || p.Coordinates[0] != -6.61749693 || p.Coordinates[1] != 53.34985209 {
			t.Errorf("%s: coordinates %v", d.Name(), p.Coordinates)
		}
	}
}
