package gen_test

import (
	"os"
	"regexp"
	"testing"
)

func TestNoFloat32(t *testing.T) {
	// Numbers that are not integers are format double in the document, so the generated
	// types keep every digit X sends (a float32 turned the coordinate -6.61749693 into
	// -6.617497).
	src, err := os.ReadFile("twitter.gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if locs := regexp.MustCompile(`\bfloat32\b`).FindAllIndex(src, -1); len(locs) > 0 {
		t.Errorf("twitter.gen.go has %d float32s; the first near %q", len(locs), src[max(0, locs[0][0]-60):locs[0][1]])
	}
}
