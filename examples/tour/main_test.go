package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// The tour runs to the end against the embedded fake server and shows each step.
func TestTourAgainstTheFakeServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	noEnv := func(string) string { return "" }
	if err := run(ctx, &out, noEnv); err != nil {
		t.Fatalf("tour failed: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"running against the embedded fake X API",
		"Signed in as @jack with OAuth 2.0 + PKCE",
		"@jack (jack), id 12",
		"pinned (from includes):",
		"page 5: 500 Tweets so far",
		"total: ",
		"their id is in my following list: true",
		"unfollowed; still listed: false",
		"liked=true",
		"partial error: Not Found Error (resource-not-found)",
		"met a 429, waited",
		"reconnect event: cause dropped",
		`"Streaming update #4 from the fake X"  [rule: from the X dev team]`,
		"IsNotFound=true",
		"IsUnsupportedAuthentication=true",
		"errors.Is(err, ErrInvalidArgument)=true",
		"The tour is over.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
