package twitter

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// seenRequest is what a server was sent: its Authorization and its body.
type seenRequest struct{ path, auth, body string }

// credentialSink is an httptest server on 127.0.0.1 that records every request and answers
// with answer.
type credentialSink struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []seenRequest
}

func newCredentialSink(t *testing.T, answer http.HandlerFunc) *credentialSink {
	t.Helper()
	rec := &credentialSink{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.got = append(rec.got, seenRequest{r.URL.Path, r.Header.Get("Authorization"), string(body)})
		rec.mu.Unlock()
		answer(w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *credentialSink) requests() []seenRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seenRequest(nil), rec.got...)
}

// An API request redirected to another origin (the same host on another port) arrives
// there without credentials, for every kind of authentication.
func TestAPIRedirectsCarryNoCredentialsToAnotherOrigin(t *testing.T) {
	for name, auth := range authOptions() {
		t.Run(name, func(t *testing.T) {
			other := newCredentialSink(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, okUser) })
			api := newCredentialSink(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/oauth2/token" {
					answerToken(w, r)
					return
				}
				http.Redirect(w, r, other.srv.URL+r.URL.Path, http.StatusTemporaryRedirect)
			})
			hc := &http.Client{Transport: &http.Transport{}}
			t.Cleanup(hc.CloseIdleConnections)
			c, err := NewClient(WithBaseURL(api.srv.URL), auth, WithHTTPClient(hc))
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
				t.Fatal(err)
			}
			sent := api.requests()
			if last := sent[len(sent)-1]; last.auth == "" {
				t.Errorf("the API got no credentials: %+v", sent)
			}
			if got := other.requests(); len(got) != 1 || got[0].auth != "" {
				t.Errorf("the other origin was sent %+v", got)
			}
		})
	}
}

func mustParse(t *testing.T, rawURL string) *url.URL {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestOriginAndRedactURL(t *testing.T) {
	same := [][2]string{{"https://api.x.com/2", "HTTPS://API.X.COM:443/x"}, {"http://127.0.0.1:8080", "http://127.0.0.1:8080/a?b"}}
	for _, p := range same {
		if origin(mustParse(t, p[0])) != origin(mustParse(t, p[1])) {
			t.Errorf("%s and %s: origins differ", p[0], p[1])
		}
	}
	differ := [][2]string{{"http://h:443", "https://h:443"}, {"http://h:1", "http://h:2"}, {"https://a.x.com", "https://b.x.com"}}
	for _, p := range differ {
		if origin(mustParse(t, p[0])) == origin(mustParse(t, p[1])) {
			t.Errorf("%s and %s: same origin", p[0], p[1])
		}
	}
	for raw, want := range map[string]string{
		"https://u:pw@h/x":   "https://u:xxxxx@h/x",
		"http://u:pw@h h/":   "http://REDACTED@h h/",
		"u:pw@h":             "REDACTED@h",
		"https://h/a@b":      "https://h/a@b",
		"https://api.x.com/": "https://api.x.com/",
	} {
		if got := redactURL(raw); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestOriginMatcher(t *testing.T) {
	base, _ := url.Parse("https://api.x.com")
	m := newOriginMatcher(base)
	for raw, want := range map[string]bool{
		"https://api.x.com/2/users/me":   true, // as the client spells it
		"https://API.X.COM:443/2/tweets": true, // the same origin, spelt otherwise
		"http://api.x.com/2/tweets":      false,
		"https://api.x.com:8443/2":       false,
		"https://upload.x.com/2/media":   false,
		"https://api.x.com.evil.test/2":  false,
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.matches(u); got != want {
			t.Errorf("matches(%s) = %v, want %v", raw, got, want)
		}
	}
}

// The client's own requests carry the User-Agent and an app-only bearer token when they
// reach the configured transport, set once in place; a request to another origin through
// HTTPClient gets neither credential.
func TestPreparedRequestsAreAuthorizedOnce(t *testing.T) {
	var got []http.Header
	rt := roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		got = append(got, r.Header.Clone())
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{"data":{"id":"1","name":"a","username":"a"}}`)), Request: r}, nil
	})
	c, err := NewClient(WithBaseURL("https://api.example.test"), WithBearerToken("tok"), WithUserAgent("bot/1"),
		WithHTTPClient(&http.Client{Transport: rt}))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, "https://cdn.example.test/x.jpg", nil)
	if resp, err := c.HTTPClient().Do(req); err == nil {
		resp.Body.Close()
	}
	if len(got) != 2 {
		t.Fatalf("%d requests", len(got))
	}
	if a, ua := got[0].Values("Authorization"), got[0].Get("User-Agent"); len(a) != 1 || a[0] != "Bearer tok" || ua != "bot/1" {
		t.Errorf("API request: Authorization %q, User-Agent %q", a, ua)
	}
	if a := got[1].Get("Authorization"); a != "" {
		t.Errorf("another origin was sent the token: %q", a)
	}
}

// TestCredentialsOnlyGoToTheAPIHost: the client's HTTP client, used for another host,
// sends no credentials there.
func TestCredentialsOnlyGoToTheAPIHost(t *testing.T) {
	f := newFakeX(t, newTestClock())
	other := newFakeX(t, newTestClock())
	for name, opt := range map[string]Option{
		"bearer": WithBearerToken(redactBearer),
		"app":    WithAppCredentials(testConsumerKey, testConsumerSecret),
		"oauth1": WithOAuth1(testOAuth1),
	} {
		c := f.client(opt, WithRetryPolicy(NoRetries()))
		resp, err := c.HTTPClient().Get(other.srv.URL + "/2/users/by/username/a")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if a := other.auths(); a[len(a)-1] != "" {
			t.Errorf("%s: another host got Authorization %q", name, a[len(a)-1])
		}
		resp, err = c.HTTPClient().Get(f.srv.URL + "/2/users/by/username/a")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if a := f.auths(); a[len(a)-1] == "" {
			t.Errorf("%s: the API host got no Authorization", name)
		}
	}
	if other.appFetches.Load() != 0 || f.appFetches.Load() != 1 {
		t.Errorf("token fetches: API host %d, other host %d", f.appFetches.Load(), other.appFetches.Load())
	}
}

func TestCanonicalHost(t *testing.T) {
	for _, tc := range [][2]string{
		{"https://api.x.com/2/users", "https://API.X.COM:443/"},
		{"http://127.0.0.1:8080/a", "http://127.0.0.1:8080"},
		{"http://example.com", "http://example.com:80/x"},
	} {
		a, _ := url.Parse(tc[0])
		b, _ := url.Parse(tc[1])
		if canonicalHost(a) != canonicalHost(b) {
			t.Errorf("%s and %s differ: %s, %s", tc[0], tc[1], canonicalHost(a), canonicalHost(b))
		}
	}
	a, _ := url.Parse("https://api.x.com")
	b, _ := url.Parse("http://api.x.com")
	if canonicalHost(a) == canonicalHost(b) {
		t.Error("https and http default ports compare equal")
	}
}
