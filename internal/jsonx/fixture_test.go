package jsonx_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/twitterkit/go/internal/jsonx/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite testdata/search_500.json from the generator")

const searchFile = "testdata/search_500.json"

// searchPage is the checked-in 500-tweet search page, read once.
func searchPage(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.FromSlash(searchFile))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// The checked-in page is exactly what the generator makes: anyone can regenerate it
// (go test -run TestFixtureIsGenerated -update ./internal/jsonx/) and review the diff.
func TestFixtureIsGenerated(t *testing.T) {
	want := fixture.Search(500, 1, false)
	if *update {
		if err := os.WriteFile(filepath.FromSlash(searchFile), want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := searchPage(t); !bytes.Equal(got, want) {
		t.Fatalf("%s (%d bytes) differs from the generator's output (%d bytes): run with -update", searchFile, len(got), len(want))
	}
	if again := fixture.Search(500, 1, false); !bytes.Equal(again, want) {
		t.Fatal("the generator is not deterministic")
	}
	if n := len(want); n < 1_300_000 || n > 1_800_000 {
		t.Errorf("page is %d bytes, want about 1.5 MB", n)
	}
}
