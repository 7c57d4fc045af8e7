package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/twitterkit/go/openapi"
	"github.com/twitterkit/go/twittertest"
)

// specdrift runs the command and returns its exit status and output.
func specdrift(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestAgainstFakeX(t *testing.T) {
	srv := twittertest.Start(t)
	code, out, errOut := specdrift(t, "-base", srv.URL())
	if code != 0 || !strings.Contains(out, " drift=0 stated=0 renames=0 ") {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s", code, out, errOut)
	}
	if want := "theirs: " + srv.URL() + "/2/openapi.json"; !strings.Contains(out, want) {
		t.Errorf("output does not name the source %q:\n%s", want, out)
	}
}

// alteredFile writes our document, changed by alter, to a JSON file.
func alteredFile(t *testing.T, alter func(*openapi3.T)) string {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(openapi.Document)
	if err != nil {
		t.Fatal(err)
	}
	alter(doc)
	data, err := doc.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x-api.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func addOperation(doc *openapi3.T) {
	doc.Paths.Set("/2/tweets/{id}/drift_probe", &openapi3.PathItem{
		Get: &openapi3.Operation{OperationID: "driftProbe", Responses: openapi3.NewResponses()},
	})
}

func TestFileWithDrift(t *testing.T) {
	path := alteredFile(t, addOperation)
	code, out, _ := specdrift(t, "-file", path)
	if code != 1 {
		t.Errorf("exit %d, want 1 on drift", code)
	}
	for _, want := range []string{"published operation not in the document: GET /2/tweets/{}/drift_probe", " drift=1 "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFileWithoutDrift(t *testing.T) {
	code, out, _ := specdrift(t, "-file", alteredFile(t, func(*openapi3.T) {}))
	if code != 0 || !strings.Contains(out, " drift=0 ") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestJSON(t *testing.T) {
	code, out, _ := specdrift(t, "-json", "-file", alteredFile(t, addOperation))
	var r struct {
		Drift       int `json:"drift"`
		Differences []struct{ Kind, Fact string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if code != 1 || r.Drift != 1 || len(r.Differences) != 1 || r.Differences[0].Kind != "operation-missing" {
		t.Errorf("exit %d, report %+v", code, r)
	}
}

func TestCannotReadDocument(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(bad, []byte("<html>502</html>"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"missing file":   {"-file", filepath.Join(t.TempDir(), "none.json")},
		"not a document": {"-file", bad},
		"bad base URL":   {"-base", "not a url"},
		"unknown flag":   {"-verbose"},
		"stray argument": {"doc.json"},
	} {
		code, out, errOut := specdrift(t, args...)
		if code != 2 || errOut == "" || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and a message", name, code, out, errOut)
		}
	}
}
