package twitter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
)

// setup starts an httptest server with the given handler and a client pointed at it, with
// retries that do not wait.
func setup(t *testing.T, h http.HandlerFunc, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	all := append([]Option{
		WithBaseURL(srv.URL),
		WithBearerToken("test-token"),
		WithRetryPolicy(&Backoff{Initial: time.Millisecond, Max: 2 * time.Millisecond}),
	}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewClientValidatesOptions(t *testing.T) {
	for _, opt := range []Option{
		WithBaseURL("not a url"), WithBaseURL("ftp://x"), WithHTTPClient(nil), WithUserAgent(""),
		WithRetryPolicy(nil), WithRateLimitWait(0), WithLogger(nil), WithBearerToken(""),
	} {
		if _, err := NewClient(opt); err == nil {
			t.Errorf("option %p accepted a bad value", opt)
		}
	}
}

func TestClientNeverPrintsSecrets(t *testing.T) {
	c, err := NewClient(WithBearerToken("s3cr3t-token"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprint(c.cfg.auth)} {
		if strings.Contains(s, "s3cr3t") {
			t.Errorf("secret printed: %s", s)
		}
	}
}

func TestByUsernameSendsAuthAndDecodes(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("Authorization = %q", got)
		}
		if r.URL.Path != "/2/users/by/username/XDevelopers" || r.URL.RawQuery != "user.fields=created_at,description" {
			t.Errorf("request = %s", r.URL)
		}
		w.Header().Set("x-rate-limit-limit", "900")
		w.Header().Set("x-rate-limit-remaining", "899")
		w.Header().Set("x-rate-limit-reset", "1700000000")
		fmt.Fprint(w, `{"data":{"id":"2244994945","name":"Developers","username":"XDevelopers"}}`)
	})
	res, resp, err := c.Users.ByUsername(context.Background(), "XDevelopers", &UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldDescription}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Username != "XDevelopers" {
		t.Errorf("username = %q", res.Data.Username)
	}
	if resp.RateLimit.Remaining != 899 || resp.RateLimit.Reset.Unix() != 1700000000 {
		t.Errorf("rate limit = %+v", resp.RateLimit)
	}
	if rl, ok := c.RateLimit("GET /2/users/by/username/{username}"); !ok || rl.Limit != 900 {
		t.Errorf("client rate limit = %+v, %v", rl, ok)
	}
}

func TestHTMLErrorPageBecomesError(t *testing.T) {
	c := setup(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprint(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
	}, WithRetryPolicy(NoRetries()))
	_, _, err := c.Users.ByUsername(context.Background(), "x", nil)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 502 || !strings.Contains(e.Body, "502 Bad Gateway") {
		t.Fatalf("err = %v", err)
	}
	if !IsServerError(err) {
		t.Error("IsServerError = false")
	}
}

type idleCounter struct {
	http.RoundTripper
	closed int
}

func (c *idleCounter) CloseIdleConnections() { c.closed++ }

func TestCloseIdleConnectionsReachesTheTransport(t *testing.T) {
	for _, auth := range []Option{nil, WithBearerToken("x")} {
		tr := &idleCounter{RoundTripper: http.DefaultTransport}
		c, err := NewClient(WithHTTPClient(&http.Client{Transport: tr}), auth)
		if err != nil {
			t.Fatal(err)
		}
		c.HTTPClient().CloseIdleConnections()
		if tr.closed != 1 {
			t.Errorf("auth %v: CloseIdleConnections reached the transport %d times, want 1", auth != nil, tr.closed)
		}
	}
}
