package twittertest_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// TestFaultHasEveryFieldOfTheFakes keeps Fault in step with the fake's own: Inject copies
// each field, so a field added there must be added here.
func TestFaultHasEveryFieldOfTheFakes(t *testing.T) {
	ours, theirs := reflect.TypeFor[twittertest.Fault](), reflect.TypeFor[testserver.Fault]()
	if ours.NumField() != theirs.NumField() {
		t.Fatalf("Fault has %d fields, the fake's %d", ours.NumField(), theirs.NumField())
	}
	for i := range ours.NumField() {
		if a, b := ours.Field(i), theirs.Field(i); a.Name != b.Name || a.Type.Kind() != b.Type.Kind() {
			t.Errorf("field %d: %s %v, the fake's %s %v", i, a.Name, a.Type, b.Name, b.Type)
		}
	}
}

// TestEveryFaultKindOfTheFake: each kind the fake can inject has its constant here, of
// the same name.
func TestEveryFaultKindOfTheFake(t *testing.T) {
	ours := map[string]bool{}
	for k := twittertest.FaultKind(1); k < 100; k++ {
		if name := k.String(); name != fmt.Sprintf("FaultKind(%d)", k) {
			ours[name] = true
		}
	}
	n := 0
	for k := testserver.FaultKind(1); k.String() != fmt.Sprintf("FaultKind(%d)", k); k++ {
		n++
		if !ours[k.String()] {
			t.Errorf("the fake's %s has no FaultKind here", k)
		}
	}
	if n != len(ours) || n < 13 {
		t.Errorf("the fake has %d kinds, twittertest %d", n, len(ours))
	}
	if got := twittertest.FaultRateLimit.String(); got != "FaultRateLimit" {
		t.Errorf("FaultRateLimit.String() = %q", got)
	}
}

// TestInjectEachKindTheClientSees: a sample of kinds, each failing the request the way
// its constant says.
func TestInjectEachKindTheClientSees(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewClient(t, srv, twitter.WithRetryPolicy(twitter.NoRetries()))
	for _, tc := range []struct {
		f    twittertest.Fault
		want func(error) bool
	}{
		{twittertest.Fault{Kind: twittertest.FaultStatus, Status: 500, Times: 1}, twitter.IsServerError},
		{twittertest.Fault{Kind: twittertest.FaultHTML, Times: 1}, twitter.IsServerError},
		{twittertest.Fault{Kind: twittertest.FaultRateLimit, Times: 1}, twitter.IsRateLimited},
		{twittertest.Fault{Kind: twittertest.FaultTruncatedJSON, Times: 1}, func(err error) bool { return err != nil }},
	} {
		srv.Inject("GET /2/users/{id}", tc.f)
		if _, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil); !tc.want(err) {
			t.Errorf("%s: err = %v", tc.f.Kind, err)
		}
	}
	if _, _, err := c.Users.ByID(context.Background(), twittertest.JackID, nil); err != nil {
		t.Errorf("after the faults: %v", err)
	}
}

func TestInjectPanicsOnAnUnknownKind(t *testing.T) {
	srv := twittertest.Start(t)
	defer func() {
		if r := recover(); r == nil || fmt.Sprint(r) != "twittertest: Inject: unknown FaultKind(99)" {
			t.Errorf("recovered %v", r)
		}
	}()
	srv.Inject("GET /2/users/{id}", twittertest.Fault{Kind: 99})
}
