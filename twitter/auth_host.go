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
	origin string // origin of the base URL
	auth   http.RoundTripper
	plain  http.RoundTripper
}

func (g hostGate) RoundTrip(r *http.Request) (*http.Response, error) {
	if origin(r.URL) == g.origin {
		return g.auth.RoundTrip(r)
	}
	return g.plain.RoundTrip(r)
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
