// Package requesturl builds the URLs of the generated client's requests (package gen)
// without parsing the server URL, the operation's path and then their join again on every
// request, as oapi-codegen's own builders do. Each request's URL is the one those builders
// give, byte for byte: the tests hold Build and Path to that.
package requesturl

import (
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
)

// Server is a parsed server URL that request URLs are built on.
type Server struct {
	url *url.URL
	// prefix is what every path is appended to, "scheme://host/dir/", when Build can join
	// directly; empty when it takes the long way.
	prefix string
}

// Parse parses a server URL ("https://api.x.com/").
func Parse(server string) (*Server, error) {
	u, err := url.Parse(server)
	if err != nil {
		return nil, err
	}
	s := &Server{url: u}
	if u.Scheme != "" && u.Host != "" && u.Opaque == "" && u.User == nil && plainHost(u.Host) {
		if base := u.EscapedPath(); plainPath(base) {
			// A relative reference replaces what follows the base path's last slash.
			dir := base[:strings.LastIndexByte(base, '/')+1]
			if dir == "" {
				dir = "/"
			}
			s.prefix = u.Scheme + "://" + u.Host + dir
		}
	}
	return s, nil
}

// Cache keeps the last server URL it parsed, so that a client parses its server once
// rather than for every request. It is safe for concurrent use; a nil *Cache parses every
// time.
type Cache struct {
	last atomic.Pointer[parsed]
}

type parsed struct {
	server string
	parsed *Server
}

// Parse returns server parsed.
func (c *Cache) Parse(server string) (*Server, error) {
	if c == nil {
		return Parse(server)
	}
	if p := c.last.Load(); p != nil && p.server == server {
		return p.parsed, nil
	}
	s, err := Parse(server)
	if err != nil {
		return nil, err
	}
	c.last.Store(&parsed{server: server, parsed: s})
	return s, nil
}

// Build returns the URL of a request for operationPath (the operation's path with its
// parameters filled in and escaped, starting with a slash) on s, with rawQuery as its
// query: what s's URL.Parse("."+operationPath) gives with that RawQuery, as a string. The
// common case (a server with a plain host, paths of unreserved characters and escapes,
// without dot segments) is joined directly; anything else takes the long way, so the
// result is always the same.
func (s *Server) Build(operationPath, rawQuery string) (string, error) {
	if s.direct(operationPath) {
		if rawQuery == "" {
			return s.prefix + operationPath[1:], nil
		}
		return s.prefix + operationPath[1:] + "?" + rawQuery, nil
	}
	ref := operationPath
	if ref != "" && ref[0] == '/' {
		ref = "." + ref
	}
	u, err := s.url.Parse(ref)
	if err != nil {
		return "", err
	}
	u.RawQuery = rawQuery
	return u.String(), nil
}

// direct reports whether Build joins operationPath directly.
func (s *Server) direct(operationPath string) bool {
	return s.prefix != "" && operationPath != "" && plainPath(operationPath)
}

// Path is fmt.Sprintf(format, params...) for an operation's path template, where each
// parameter stands as %s: written out directly when that is all the template holds.
func Path(format string, params ...string) string {
	n, count := len(format), 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 == len(format) || format[i+1] != 's' {
			return sprintf(format, params)
		}
		count++
		n -= 2
		i++
	}
	if count != len(params) {
		return sprintf(format, params)
	}
	if count == 0 {
		return format
	}
	for _, p := range params {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n)
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			b.WriteString(params[next])
			next++
			i++
			continue
		}
		b.WriteByte(format[i])
	}
	return b.String()
}

func sprintf(format string, params []string) string {
	args := make([]any, len(params))
	for i, p := range params {
		args[i] = p
	}
	return fmt.Sprintf(format, args...)
}

// plainHost reports whether a host is written the same escaped and not: letters, digits,
// dots, hyphens and a port.
func plainHost(h string) bool {
	for i := 0; i < len(h); i++ {
		if !hostByte[h[i]] {
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
	segStart := 0 // where the current segment starts
	for i := 0; i < len(p); i++ {
		c := p[i]
		if pathByte[c] {
			continue
		}
		switch c {
		case '/':
			if dotSegment(p[segStart:i]) {
				return false
			}
			segStart = i + 1
		case '%':
			if i+2 >= len(p) || !isHex(p[i+1]) || !isHex(p[i+2]) {
				return false
			}
			i += 2
		default:
			return false
		}
	}
	return !dotSegment(p[segStart:])
}

func dotSegment(seg string) bool { return seg == "." || seg == ".." }

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// hostByte and pathByte are the bytes plainHost and plainPath take as they are.
var hostByte, pathByte = func() (host, path [256]bool) {
	for c := 0; c < 256; c++ {
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		host[c] = alnum || c == '.' || c == '-' || c == ':'
		path[c] = alnum || c == '-' || c == '_' || c == '~' || c == '.'
	}
	return host, path
}()
