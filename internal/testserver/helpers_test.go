package testserver

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// resp is a decoded response.
type resp struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

func (r resp) str(path ...any) string {
	v := r.at(path...)
	s, _ := v.(string)
	return s
}

func (r resp) num(path ...any) int {
	f, _ := r.at(path...).(float64)
	return int(f)
}

func (r resp) list(path ...any) []any {
	l, _ := r.at(path...).([]any)
	return l
}

func (r resp) obj(path ...any) map[string]any {
	m, _ := r.at(path...).(map[string]any)
	return m
}

// at walks the decoded JSON: strings index objects, ints index arrays.
func (r resp) at(path ...any) any {
	var v any = r.body
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func (r resp) has(path ...any) bool { return r.at(path...) != nil }

// tc is a test client against one server.
type tc struct {
	t  testing.TB
	s  *Server
	hc *http.Client
}

func newTC(t testing.TB, s *Server) *tc {
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &tc{t: t, s: s, hc: &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (c *tc) do(method, path, auth string, body any) resp {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.s.URL()+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth != "" {
		if !strings.HasPrefix(auth, "OAuth ") && !strings.HasPrefix(auth, "Basic ") {
			auth = "Bearer " + auth
		}
		req.Header.Set("Authorization", auth)
	}
	return c.send(req)
}

func (c *tc) send(req *http.Request) resp {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatalf("%s %s: read: %v", req.Method, req.URL, err)
	}
	r := resp{status: res.StatusCode, header: res.Header, raw: raw}
	_ = json.Unmarshal(raw, &r.body)
	return r
}

func (c *tc) get(path, auth string) resp {
	c.t.Helper()
	return c.do(http.MethodGet, path, auth, nil)
}

// app is the app-only bearer of the server.
func (c *tc) app() string { return c.s.AppBearerToken() }

func wantStatus(t testing.TB, r resp, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.raw)
	}
}

func mustReq(t testing.TB, method, url, body string) *http.Request {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func containsStr(s, sub string) bool { return strings.Contains(s, sub) }
