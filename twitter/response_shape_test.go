package twitter

import (
	"reflect"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

// TestResponseTypesHaveTheShapesDoReads guards the reflection in partialErrors and hasData:
// every generated response type a service method returns keeps its problems in an
// Errors []gen.Problem field, and its Data (when it has one) is a list or an object. A
// regenerated gen/ that changed either (as optional pointers once did) would otherwise make
// partial errors vanish silently.
func TestResponseTypesHaveTheShapesDoReads(t *testing.T) {
	c, err := NewClient()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	ct := reflect.TypeOf(c).Elem()
	for f := range ct.Fields() {
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		for m := range f.Type.Methods() {
			if m.Type.NumOut() != 3 {
				continue
			}
			out := m.Type.Out(0)
			if out.Kind() != reflect.Pointer || out.Elem().PkgPath() != reflect.TypeFor[gen.Tweet]().PkgPath() || seen[out.Elem()] {
				continue
			}
			rt := out.Elem()
			seen[rt] = true
			if e, ok := rt.FieldByName("Errors"); ok && e.Type != problemsType {
				t.Errorf("%s.%s returns %s whose Errors is %s, not []gen.Problem", f.Name, m.Name, rt, e.Type)
			}
			if d, ok := rt.FieldByName("Data"); ok {
				switch d.Type.Kind() {
				case reflect.Slice, reflect.Struct:
				default:
					t.Errorf("%s.%s returns %s whose Data is a %s", f.Name, m.Name, rt, d.Type.Kind())
				}
			}
		}
	}
	if len(seen) < 30 {
		t.Fatalf("found only %d response types", len(seen))
	}

	// And the readers themselves, on a decoded body.
	var r gen.SingleTweetLookupResponse
	if hasData(&r) || partialErrors(&r) != nil {
		t.Errorf("empty response: hasData %v, partialErrors %v", hasData(&r), partialErrors(&r))
	}
	r.Errors = []gen.Problem{{Title: "Not Found Error"}}
	r.Data.ID = "20"
	if !hasData(&r) || len(partialErrors(&r)) != 1 {
		t.Errorf("filled response: hasData %v, partialErrors %v", hasData(&r), partialErrors(&r))
	}
}
