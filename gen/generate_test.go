package gen_test

import (
	"os"
	"regexp"
	"strings"
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

// TestClientTemplateIsOfTheGeneratorInUse: templates/client.tmpl is a changed copy of one
// oapi-codegen version's client.tmpl. After an upgrade in go.mod it must be made again from
// the new version's (CONTRIBUTING, "The client template"), or the old template would meet
// a generator it was not written for.
func TestClientTemplateIsOfTheGeneratorInUse(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/oapi-codegen/oapi-codegen/v2 (v\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod does not require github.com/oapi-codegen/oapi-codegen/v2")
	}
	tmpl, err := os.ReadFile("templates/client.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if want := "This is oapi-codegen " + string(m[1]) + "'s client.tmpl"; !strings.Contains(string(tmpl), want) {
		t.Errorf("templates/client.tmpl does not say %q: go.mod requires %s", want, m[1])
	}
}
