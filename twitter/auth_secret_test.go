package twitter

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestSecretNeverPrints(t *testing.T) {
	const value = "SECRET-VALUE-5c1d"
	s := newSecret(value)
	if s.reveal() != value || (secret{}).reveal() != "" {
		t.Fatalf("reveal = %q", s.reveal())
	}
	// Held by value and by pointer, in unexported fields (reached by reflection only),
	// in containers: every verb, and both slog handlers.
	type inner struct{ s secret }
	type outer struct {
		in  inner
		ptr *inner
		any any
	}
	h, err := NewWebhookHandler(value, http.NotFoundHandler(), nil)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]any{
		"secret": s, "*secret": &s, "inner": inner{s}, "outer": outer{inner{s}, &inner{s}, inner{s}},
		"[]secret": []secret{s}, "map": map[string]inner{"k": {s}}, "webhook handler in a struct": struct{ h http.Handler }{h},
	}
	for what, v := range values {
		for verb, out := range printings(v) {
			assertNoSecrets(t, what+" printed with "+verb, out, value)
		}
		assertLogsNoSecrets(t, what, v, value)
	}
	if got := fmt.Sprintf("%v|%s|%q|%#v|%d", s, s, s, s, s); got != strings.Repeat("REDACTED|", 4)+"REDACTED" {
		t.Errorf("secret prints as %s", got)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("m", "s", s)
	if !strings.Contains(buf.String(), `"s":"REDACTED"`) {
		t.Errorf("logged as %s", buf.String())
	}
}
