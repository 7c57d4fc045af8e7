package twitter

import (
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostGate authenticates only requests to the API host. HTTPClient hands out the
// authenticating client, and a program may use it for other URLs (media on another host,
// a redirect elsewhere); those must not receive the app's or the user's credentials.
type hostGate struct {
	api   originMatcher // the base URL's origin
	auth  http.RoundTripper
	plain http.RoundTripper
	// fixed is the authenticator when Client.prepareRequest sets its header on the
	// client's own requests; nil otherwise.
	fixed fixedAuthorization
}

func (g hostGate) RoundTrip(r *http.Request) (*http.Response, error) {
	if g.api.matches(r.URL) {
		return g.auth.RoundTrip(r)
	}
	// http.Client copies a request's headers to the requests of the redirects it
	// follows: the header prepareRequest set must not reach another origin.
	if g.fixed != nil && r.Header.Get("Authorization") == g.fixed.authorization() {
		r2 := r.Clone(r.Context())
		r2.Header.Del("Authorization")
		r = r2
	}
	return g.plain.RoundTrip(r)
}

// originMatcher tells the URLs of one origin.
type originMatcher struct {
	scheme, host string // as the URL spells them
	origin       string // canonical (origin)
}

func newOriginMatcher(u *url.URL) originMatcher {
	return originMatcher{scheme: u.Scheme, host: u.Host, origin: origin(u)}
}

// matches reports whether u is of the origin. A URL spelling scheme and host exactly as
// the origin's own URL does (every request the client builds) is answered without
// building its canonical form.
func (m originMatcher) matches(u *url.URL) bool {
	if u.Scheme == m.scheme && u.Host == m.host {
		return true
	}
	return origin(u) == m.origin
}

// origin is the URL's scheme and canonicalHost: two URLs of one origin may share
// credentials, and a redirect to another origin (another scheme, host or port) must not
// carry them.
func origin(u *url.URL) string { return strings.ToLower(u.Scheme) + "://" + canonicalHost(u) }

// redactURL is rawURL for a message, its password replaced (url.URL.Redacted); for a URL
// that does not parse as one with a host, all of what stands before an "@" goes.
func redactURL(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Opaque == "" {
		return u.Redacted()
	}
	scheme, rest := "", rawURL
	if i := strings.Index(rawURL, "://"); i >= 0 {
		scheme, rest = rawURL[:i+3], rawURL[i+3:]
	}
	authority := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		authority = rest[:i]
	}
	if at := strings.LastIndex(authority, "@"); at >= 0 {
		return scheme + redactedText + rest[at:]
	}
	return rawURL
}

// canonicalHost is the lowercase host with its port, the scheme's default port made
// explicit, so that api.x.com and API.X.COM:443 compare equal.
func canonicalHost(u *url.URL) string {
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == "" {
		switch strings.ToLower(u.Scheme) {
		case "http":
			port = "80"
		default:
			port = "443"
		}
	}
	return net.JoinHostPort(host, port)
}
