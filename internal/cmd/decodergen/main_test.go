package main

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The generator refuses what its decoders could not decode as encoding/json does.
func TestGenerateRefusesUnsupportedTypes(t *testing.T) {
	type withFloat32 struct {
		X float32 `json:"x"`
	}
	type withStringOption struct {
		N int `json:"n,string"`
	}
	type Embedded struct{ A string }
	type withEmbedded struct {
		Embedded
	}
	type withArray struct {
		A [2]int `json:"a"`
	}
	type withDuplicateName struct {
		A string
		B string `json:"A"`
	}
	for _, c := range []struct {
		t    reflect.Type
		want string
	}{
		{reflect.TypeFor[withFloat32](), "float32"},
		{reflect.TypeFor[withStringOption](), "string option"},
		{reflect.TypeFor[withEmbedded](), "embedded"},
		{reflect.TypeFor[withArray](), "array"},
		{reflect.TypeFor[withDuplicateName](), "two fields"},
	} {
		if _, err := generate([]reflect.Type{c.t}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one about %q", c.t, err, c.want)
		}
	}
}

// Every field of a root gets a case, under the name encoding/json matches; a type with an
// UnmarshalJSON method is given its raw value, maps and interfaces go to encoding/json.
func TestGenerateCoversEveryField(t *testing.T) {
	type leafs struct {
		When  time.Time      `json:"when"`
		Props map[string]any `json:"props"`
		Any   any            `json:"any"`
		Plain string
		skip  string
		Gone  string `json:"-"`
	}
	src, err := generate([]reflect.Type{reflect.TypeFor[leafs]()})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`case "when":`, `case "props":`, `case "any":`, `case "Plain":`, "p.UnmarshalJSON(raw)", "d.std(&v)"} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("generated source lacks %q", want)
		}
	}
	for _, unwanted := range []string{`"skip"`, `"Gone"`, `"-"`} {
		if bytes.Contains(src, []byte(unwanted)) {
			t.Errorf("generated source has %s", unwanted)
		}
	}
	_ = leafs{skip: ""}
}

// The committed file is what the generator writes for the module's roots (make
// check-generated checks the same from a fresh generation of gen/).
func TestCommittedFileIsCurrent(t *testing.T) {
	src, err := generate(roots)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../jsonx/decode.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(src, committed) {
		t.Error("internal/jsonx/decode.gen.go is stale: run go generate ./...")
	}
}
