package twitter

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// OAuth1Credentials are the four values of an OAuth 1.0a user-context request: the app's
// consumer key and secret (the "API Key and Secret" of the developer portal) and the
// user's access token and secret. The value never prints its secrets (fmt, slog); it
// does encode them with encoding/json, which is how credentials are stored.
type OAuth1Credentials struct {
	ConsumerKey    string
	ConsumerSecret string
	Token          string
	TokenSecret    string
}

// String describes the credentials with every value redacted. The consumer key and
// token are not secrets on the wire, but together they identify the user, and keeping
// all four out of logs is simpler to check.
func (c OAuth1Credentials) String() string {
	return "twitter.OAuth1Credentials{ConsumerKey: REDACTED, ConsumerSecret: REDACTED, Token: REDACTED, TokenSecret: REDACTED}"
}

// Format prints String for every verb, %#v and %+v included.
func (c OAuth1Credentials) Format(f fmt.State, _ rune) { fmt.Fprint(f, c.String()) }

// LogValue keeps the credentials out of logs.
func (c OAuth1Credentials) LogValue() slog.Value { return slog.StringValue(c.String()) }

// WithOAuth1 makes the client act as a user with OAuth 1.0a: every request is signed with
// HMAC-SHA1 over its method, URL, query parameters and form body (RFC 5849), with a fresh
// nonce and the client's clock. JSON bodies are not part of the signature, as the
// protocol says. X rejects a timestamp more than a few minutes off, so the machine's
// clock must be right.
func WithOAuth1(creds OAuth1Credentials) Option {
	return func(c *config) error {
		if err := checkSecrets("WithOAuth1", "ConsumerKey", creds.ConsumerKey, "ConsumerSecret", creds.ConsumerSecret,
			"Token", creds.Token, "TokenSecret", creds.TokenSecret); err != nil {
			return err
		}
		return c.setAuth("WithOAuth1", oauth1Auth{creds: keysOf(creds)})
	}
}

// oauth1Keys are OAuth1Credentials as the client keeps them: each value a secret, so
// that no printing of a value holding them, by any verb or by reflection, shows one.
type oauth1Keys struct {
	consumerKey, consumerSecret, token, tokenSecret secret
}

func keysOf(c OAuth1Credentials) oauth1Keys {
	return oauth1Keys{newSecret(c.ConsumerKey), newSecret(c.ConsumerSecret), newSecret(c.Token), newSecret(c.TokenSecret)}
}

type oauth1Auth struct {
	creds oauth1Keys
	nonce func() string // nil: newNonce; tests fix it
}

func (a oauth1Auth) name() string { return "OAuth 1.0a user context" }

func (a oauth1Auth) wrap(next http.RoundTripper, env authEnv) http.RoundTripper {
	s := oauth1Signer{creds: a.creds, nonce: a.nonce, now: env.now}
	if s.nonce == nil {
		s.nonce = newNonce
	}
	return roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		r2, err := s.sign(r)
		if err != nil {
			closeRequestBody(r)
			return nil, err
		}
		return next.RoundTrip(r2)
	})
}

// String keeps the credentials out of %v.
func (a oauth1Auth) String() string { return "oauth1Auth{" + OAuth1Credentials{}.String() + "}" }

// Format prints String for every verb, %#v included.
func (a oauth1Auth) Format(f fmt.State, _ rune) { fmt.Fprint(f, a.String()) }

// LogValue keeps the credentials out of logs.
func (a oauth1Auth) LogValue() slog.Value { return slog.StringValue(a.String()) }

// newNonce returns 130 random bits as 26 letters and digits.
func newNonce() string { return rand.Text() }

// oauth1Signer signs requests with HMAC-SHA1.
type oauth1Signer struct {
	creds oauth1Keys
	nonce func() string
	now   func() time.Time
}

// sign returns a copy of r with its Authorization header. r is not changed, and its body
// is sent as it was: a form body is read for the signature through GetBody when the
// request has it, or read once and replaced by the same bytes.
func (s oauth1Signer) sign(r *http.Request) (*http.Request, error) {
	params, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, &credentialsError{msg: fmt.Sprintf("twitter: OAuth 1.0a: cannot sign %s %s: malformed query: %v", r.Method, r.URL.Path, err)}
	}
	r2 := r.Clone(r.Context())
	if isForm(r.Header.Get("Content-Type")) && r.Body != nil && r.Body != http.NoBody {
		data, err := readBody(r, r2)
		if err != nil {
			return nil, fmt.Errorf("twitter: OAuth 1.0a: reading the form body to sign it: %w", err)
		}
		form, err := url.ParseQuery(string(data))
		if err != nil {
			return nil, &credentialsError{msg: fmt.Sprintf("twitter: OAuth 1.0a: cannot sign %s %s: malformed form body: %v", r.Method, r.URL.Path, err)}
		}
		for k, vs := range form {
			params[k] = append(params[k], vs...)
		}
	}
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	header, _ := s.authorization(r.Method, r.URL.Scheme, host, r.URL.EscapedPath(), params, s.nonce(), s.now().Unix())
	r2.Header.Set("Authorization", header)
	return r2, nil
}

// readBody returns the body of r for signing and leaves r2 with a body that sends the
// same bytes.
func readBody(r, r2 *http.Request) ([]byte, error) {
	if r.GetBody != nil {
		rc, err := r.GetBody()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc) // r2 keeps r's unread body
	}
	data, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return nil, err
	}
	r2.Body = io.NopCloser(bytes.NewReader(data))
	r2.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	return data, nil
}

func isForm(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// authorization returns the Authorization header value and the signature base string
// (RFC 5849 section 3.4.1) for a request with the given parameters (query and form,
// decoded), nonce and timestamp.
func (s oauth1Signer) authorization(method, scheme, host, escapedPath string, params url.Values, nonce string, timestamp int64) (header, base string) {
	oauth := [][2]string{
		{"oauth_consumer_key", s.creds.consumerKey.reveal()},
		{"oauth_nonce", nonce},
		{"oauth_signature_method", "HMAC-SHA1"},
		{"oauth_timestamp", strconv.FormatInt(timestamp, 10)},
		{"oauth_token", s.creds.token.reveal()},
		{"oauth_version", "1.0"},
	}

	// Parameters: every name=value pair, encoded, sorted by name then value.
	pairs := make([]string, 0, len(params)+len(oauth))
	for k, vs := range params {
		for _, v := range vs {
			pairs = append(pairs, percentEncode(k)+"="+percentEncode(v))
		}
	}
	for _, kv := range oauth {
		pairs = append(pairs, percentEncode(kv[0])+"="+percentEncode(kv[1]))
	}
	slices.SortFunc(pairs, func(a, b string) int {
		ak, av, _ := strings.Cut(a, "=")
		bk, bv, _ := strings.Cut(b, "=")
		if c := strings.Compare(ak, bk); c != 0 {
			return c
		}
		return strings.Compare(av, bv)
	})

	base = strings.ToUpper(method) + "&" + percentEncode(baseStringURI(scheme, host, escapedPath)) + "&" + percentEncode(strings.Join(pairs, "&"))
	mac := hmac.New(sha1.New, []byte(percentEncode(s.creds.consumerSecret.reveal())+"&"+percentEncode(s.creds.tokenSecret.reveal())))
	mac.Write([]byte(base))
	signature := base64.StdEncoding.EncodeToString(mac.Sum(nil))

	oauth = append(oauth, [2]string{"oauth_signature", signature})
	slices.SortFunc(oauth, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	var b strings.Builder
	b.WriteString("OAuth ")
	for i, kv := range oauth {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(percentEncode(kv[0]) + `="` + percentEncode(kv[1]) + `"`)
	}
	return b.String(), base
}

// baseStringURI is RFC 5849 section 3.4.1.2: lowercase scheme and host, the port only
// when it is not the scheme's default, and the path as sent.
func baseStringURI(scheme, host, escapedPath string) string {
	scheme, host = strings.ToLower(scheme), strings.ToLower(host)
	if h, port, err := net.SplitHostPort(host); err == nil &&
		((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) {
		host = h
	}
	if escapedPath == "" {
		escapedPath = "/"
	}
	return scheme + "://" + host + escapedPath
}

// percentEncode is RFC 3986 section 2.1 encoding as RFC 5849 section 3.6 requires: every
// byte but the unreserved A-Z a-z 0-9 - . _ ~ becomes %XX, with uppercase hex.
func percentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		if c := s[i]; unreserved(c) {
			b = append(b, c)
		} else {
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}

func unreserved(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}
