package twitter

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ErrNoCredentials is wrapped by the error of a call that needs credentials made by a
// Client that was given none. Nothing was sent. Test for it with errors.Is.
var ErrNoCredentials = errors.New("twitter: no credentials configured")

// noCredentialsError is a call refused before sending because the Client has no
// credentials and the operation needs some.
type noCredentialsError struct{ endpoint string }

func (e *noCredentialsError) Error() string {
	return "twitter: " + e.endpoint + ": no credentials configured: give NewClient one of " +
		"WithBearerToken, WithAppCredentials, WithOAuth2Token, WithTokenSource or WithOAuth1"
}

// Is makes errors.Is(err, ErrNoCredentials) true.
func (e *noCredentialsError) Is(target error) bool { return target == ErrNoCredentials }

// needCredentials refuses a call of endpoint ("GET /2/users/{id}") that cannot work: the
// operation needs credentials and the Client has none.
func (c *Client) needCredentials(endpoint string) error {
	if c.cfg.auth != nil || isPublic(endpoint) {
		return nil
	}
	return &noCredentialsError{endpoint: endpoint}
}

// isPublic reports whether the operation of endpoint needs no credentials, as its facts
// say (operations.gen.go). It is asked only of a Client without credentials.
func isPublic(endpoint string) bool {
	for _, op := range operations {
		if op.name == endpoint {
			return op.public
		}
	}
	return false
}

// ErrSecondAuthOption is wrapped by NewClient's error when it was given more than one
// auth option: a Client authenticates one way, and the last option does not silently win.
var ErrSecondAuthOption = errors.New("twitter: more than one auth option")

// secondAuthError is a second auth option given to NewClient.
type secondAuthError struct{ msg string }

func (e *secondAuthError) Error() string { return e.msg }

// Is makes errors.Is(err, ErrSecondAuthOption) true.
func (e *secondAuthError) Is(target error) bool { return target == ErrSecondAuthOption }

// setAuth installs the credentials of one auth option. A Client authenticates one way, so
// a second auth option is refused rather than silently replacing the first.
func (c *config) setAuth(option string, a authenticator) error {
	if c.auth != nil {
		return &secondAuthError{msg: fmt.Sprintf("%s: the client already has credentials from %s (%s); give one auth option",
			option, c.authOption, c.auth.name())}
	}
	c.auth, c.authOption = a, option
	return nil
}

// checkSecret refuses a credential (what: "token", "ConsumerKey") that cannot work: empty
// or only white space, white space around it, or a control character, as a token read
// from a file with its trailing newline has. The message says where, never the value.
func checkSecret(option, what, v string) error {
	if strings.TrimSpace(v) == "" {
		if v == "" {
			return fmt.Errorf("%s: empty %s", option, what)
		}
		return fmt.Errorf("%s: %s is only white space", option, what)
	}
	for i, r := range v {
		if unicode.IsControl(r) {
			hint := ""
			if r == '\n' || r == '\r' {
				hint = " (a line end read from a file? trim it)"
			}
			return fmt.Errorf("%s: %s has a control character %U at byte %d of %d%s", option, what, r, i, len(v), hint)
		}
	}
	if strings.TrimSpace(v) != v {
		return fmt.Errorf("%s: %s has white space around it; trim it", option, what)
	}
	return nil
}

// checkSecrets is checkSecret for each name-value pair of an option's credentials.
func checkSecrets(option string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if err := checkSecret(option, pairs[i], pairs[i+1]); err != nil {
			return err
		}
	}
	return nil
}
