package twitter

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
)

// ErrReauthorizationRequired is matched (with errors.Is) by every error that only the user
// can fix by going through the authorization flow again: the refresh token was rejected
// (revoked, expired or already used), or the access token expired or was rejected and
// there is no refresh token to renew it. Retrying does not help; see
// IsReauthorizationRequired.
var ErrReauthorizationRequired = errors.New("twitter: the user must authorize the app again")

// ErrAccessDenied is matched by the error of ExchangeCallback when the user declined to
// authorize the app (the callback carried error=access_denied).
var ErrAccessDenied = errors.New("twitter: the user did not authorize the app")

// IsReauthorizationRequired reports whether err means the OAuth 2.0 user token cannot be
// renewed and the user must authorize the app again (see ErrReauthorizationRequired).
func IsReauthorizationRequired(err error) bool {
	return errors.Is(err, ErrReauthorizationRequired)
}

// TokenError is a failed request to an OAuth 2.0 token endpoint: fetching an app-only
// token, exchanging an authorization code or refreshing a user token. It never holds a
// secret: the request's credentials are not kept, and any secret the endpoint echoed in
// its answer is replaced by REDACTED.
type TokenError struct {
	// Grant is the grant type asked for: "client_credentials", "authorization_code" or
	// "refresh_token".
	Grant string
	// URL is the token endpoint.
	URL string
	// StatusCode is the HTTP status of the answer; 0 when there was none.
	StatusCode int
	// Code is the OAuth 2.0 error code ("invalid_request", "invalid_grant",
	// "unauthorized_client"...) or, from the app-only endpoint's older error shape, X's
	// numeric code ("99"). Empty when the answer was not an error document.
	Code string
	// Description is the endpoint's explanation of Code.
	Description string
	// Body is an excerpt of the answer when it was not an error document (an HTML page
	// from a proxy, a malformed token).
	Body string
	// Err is the underlying network, context or decoding error, if any.
	Err error

	reauth bool // the user must authorize again (see ErrReauthorizationRequired)
}

func (e *TokenError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "twitter: OAuth 2.0 %s grant at %s", e.Grant, e.URL)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	switch {
	case e.Code != "" && e.Description != "":
		fmt.Fprintf(&b, ": %s: %s", e.Code, e.Description)
	case e.Code != "":
		fmt.Fprintf(&b, ": %s", e.Code)
	case e.Description != "":
		fmt.Fprintf(&b, ": %s", e.Description)
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	if e.Body != "" {
		fmt.Fprintf(&b, " (body %q)", e.Body)
	}
	if e.reauth {
		b.WriteString(" (the user must authorize the app again)")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *TokenError) Unwrap() error { return e.Err }

// Is matches ErrReauthorizationRequired when the user must authorize again.
func (e *TokenError) Is(target error) bool {
	return target == ErrReauthorizationRequired && e.reauth
}

// Format prints Error for every verb, %#v included, so that no formatting of the error
// can reach beyond what Error shows.
func (e *TokenError) Format(f fmt.State, _ rune) { fmt.Fprint(f, e.Error()) }

// LogValue logs the error as its message.
func (e *TokenError) LogValue() slog.Value { return slog.StringValue(e.Error()) }

// temporary reports whether sending the request again later may succeed: a network
// error, a 5xx or a 429 from the token endpoint. Bad credentials, a rejected grant and a
// cancelled context are not.
func (e *TokenError) temporary() bool {
	var cross *crossOriginRedirect
	if e.reauth || errors.Is(e.Err, context.Canceled) || errors.Is(e.Err, context.DeadlineExceeded) || errors.As(e.Err, &cross) {
		return false
	}
	if e.StatusCode == 0 {
		return e.Err != nil
	}
	return e.StatusCode >= 500 || e.StatusCode == http.StatusTooManyRequests
}

// permanentAuthError reports whether err is an authentication failure that retrying the
// same request cannot fix.
func permanentAuthError(err error) bool {
	var te *TokenError
	if errors.As(err, &te) {
		return !te.temporary()
	}
	var ce *credentialsError
	var se *saveError
	return errors.Is(err, ErrReauthorizationRequired) || errors.As(err, &ce) || errors.As(err, &se)
}

// credentialsError is a request that could not be authenticated before it was sent, such
// as an OAuth 1.0a request whose query cannot be parsed for signing.
type credentialsError struct{ msg string }

func (e *credentialsError) Error() string { return e.msg }

// redact replaces every occurrence of the given secrets in s by REDACTED. Empty and very
// short secrets are skipped: replacing "a" everywhere would only garble the text.
func redact(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, "REDACTED")
		}
	}
	return s
}
