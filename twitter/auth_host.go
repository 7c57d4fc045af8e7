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
	host  string // canonicalHost of the base URL
	auth  http.RoundTripper
	plain http.RoundTripper
}

func (g hostGate) RoundTrip(r *http.Request) (*http.Response, error) {
	if canonicalHost(r.URL) == g.host {
		return g.auth.RoundTrip(r)
	}
	return g.plain.RoundTrip(r)
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
