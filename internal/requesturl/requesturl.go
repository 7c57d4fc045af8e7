// Package requesturl builds the URLs of the generated client's requests (package gen)
// without parsing the server URL, the operation's path and then their join again on every
// request, as oapi-codegen's own builders do. Each request's URL is the one those builders
// give, byte for byte: the tests hold Build to that.
package requesturl

import (
	"net/url"
	"strings"
	"sync/atomic"
)

// Cache keeps the last server URL it parsed, so that a client parses its server once
// rather than for every request. It is safe for concurrent use; a nil *Cache parses every
// time.
type Cache struct {
	last atomic.Pointer[parsed]
}

type parsed struct {
	server string
	url    *url.URL
}

// Parse returns server parsed. The URL is shared between callers: none may change it.
func (c *Cache) Parse(server string) (*url.URL, error) {
	if c == nil {
		return url.Parse(server)
	}
	if p := c.last.Load(); p != nil && p.server == server {
		return p.url, nil
	}
	u, err := url.Parse(server)
	if err != nil {
		return nil, err
	}
	c.last.Store(&parsed{server: server, url: u})
	return u, nil
}

// Build returns the URL of a request for operationPath (the operation's path with its
// parameters filled in and escaped, starting with a slash) on server, with rawQuery as its
// query: what server.Parse("."+operationPath) gives with that RawQuery, as a string. The
// common case (an http or https server with a plain host, paths without dot segments) is
// joined directly; anything else takes the long way, so the result is always the same.
func Build(server *url.URL, operationPath, rawQuery string) (string, error) {
	if joined, ok := join(server, operationPath, rawQuery); ok {
		return joined, nil
	}
	ref := operationPath
	if ref != "" && ref[0] == '/' {
		ref = "." + ref
	}
	u, err := server.Parse(ref)
	if err != nil {
		return "", err
	}
	u.RawQuery = rawQuery
	return u.String(), nil
}

// join is Build's direct way; ok is false where it cannot be sure to give what the long
// way gives.
func join(server *url.URL, operationPath, rawQuery string) (string, bool) {
	if server.Scheme == "" || server.Host == "" || server.Opaque != "" || server.User != nil ||
		!plainHost(server.Host) || operationPath == "" || !plainPath(operationPath) {
		return "", false
	}
	base := server.EscapedPath()
	if !plainPath(base) {
		return "", false
	}
	// A relative reference replaces what follows the base path's last slash.
	dir := base[:strings.LastIndexByte(base, '/')+1]
	if dir == "" {
		dir = "/"
	}
	n := len(server.Scheme) + len("://") + len(server.Host) + len(dir) + len(operationPath) - 1
	if rawQuery != "" {
		n += 1 + len(rawQuery)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(server.Scheme)
	b.WriteString("://")
	b.WriteString(server.Host)
	b.WriteString(dir)
	b.WriteString(operationPath[1:])
	if rawQuery != "" {
		b.WriteByte('?')
		b.WriteString(rawQuery)
	}
	return b.String(), true
}

// plainHost reports whether a host is written the same escaped and not: letters, digits,
// dots, hyphens and a port.
func plainHost(h string) bool {
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':') {
			return false
		}
	}
	return true
}

// plainPath reports whether an escaped path (empty or starting with a slash) stays as it
// is through parsing, resolving and writing: only unreserved characters, slashes and
// well-formed escapes, and no "." or ".." segment, which resolving would remove.
func plainPath(p string) bool {
	if p != "" && p[0] != '/' {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '~' || c == '/':
		case c == '%':
			if i+2 >= len(p) || !isHex(p[i+1]) || !isHex(p[i+2]) {
				return false
			}
			i += 2
		case c == '.':
			// A segment of dots alone ("." or "..") is a dot segment.
			start := strings.LastIndexByte(p[:i], '/') + 1
			end := strings.IndexByte(p[i:], '/')
			if end < 0 {
				end = len(p)
			} else {
				end += i
			}
			if seg := p[start:end]; seg == "." || seg == ".." {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
