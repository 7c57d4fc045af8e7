package twitter

import (
	"fmt"
	"io"
	"log/slog"
)

// redactedText is what a secret prints as.
const redactedText = "REDACTED"

// secret holds a credential (a token, a consumer key or secret, a client secret) so that
// nothing prints it. Its String, GoString, Format and LogValue show REDACTED for every fmt
// verb and in slog. And since the value is kept in a closure, not in a field, printing by
// reflection cannot reach it either: fmt shows a func as an address whatever the verb and
// however deep, where a string or a pointer to one (which fmt follows once when a verb
// does not fit it, as %s on a pointer) would show the value. So a Client value, or any
// struct holding one, prints no credential under %v, %+v, %#v, %s, %q or %x, and slog's
// text and JSON handlers log none. reveal is for the code that sends it.
type secret struct{ value func() string }

func newSecret(s string) secret { return secret{value: func() string { return s }} }

// reveal returns the credential, "" for the zero secret.
func (s secret) reveal() string {
	if s.value == nil {
		return ""
	}
	return s.value()
}

func (s secret) String() string             { return redactedText }
func (s secret) GoString() string           { return redactedText }
func (s secret) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, redactedText) }
func (s secret) LogValue() slog.Value       { return slog.StringValue(redactedText) }
