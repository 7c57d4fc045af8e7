package twitter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// wire is the request a facade method must send.
type wire struct {
	method string
	path   string // escaped path
	query  string // exact raw query, parameters in the document's order
	body   string // JSON body, compared as JSON; "" for none
}

// exchange is one facade call against an httptest server: the exact request it must
// send, the answer the server gives, and what the caller must see.
type exchange struct {
	name   string
	call   func(ctx context.Context, c *Client) (any, *Response, error)
	want   wire
	status int    // answer status; 0 means 200
	reply  string // answer body, shaped like X's
	// check inspects the decoded result (err is nil unless wantErr is set).
	check   func(t *testing.T, out any, resp *Response, err error)
	wantErr bool
}

// run makes every exchange against a fresh server and client.
func runExchanges(t *testing.T, cases []exchange) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got wire
			hits := 0
			c := setup(t, func(w http.ResponseWriter, r *http.Request) {
				hits++
				b, _ := io.ReadAll(r.Body)
				got = wire{method: r.Method, path: r.URL.EscapedPath(), query: r.URL.RawQuery, body: string(b)}
				if len(b) > 0 && r.Header.Get("Content-Type") != "application/json" {
					t.Errorf("Content-Type = %q, want application/json", r.Header.Get("Content-Type"))
				}
				w.Header().Set("Content-Type", "application/json")
				status := tc.status
				if status == 0 {
					status = http.StatusOK
				}
				w.WriteHeader(status)
				io.WriteString(w, tc.reply)
			}, WithRetryPolicy(NoRetries()))
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			out, resp, err := tc.call(ctx, c)
			if hits != 1 {
				t.Fatalf("server got %d requests, want 1", hits)
			}
			if got.method != tc.want.method || got.path != tc.want.path || got.query != tc.want.query {
				t.Errorf("request = %s %s?%s\nwant      %s %s?%s", got.method, got.path, got.query, tc.want.method, tc.want.path, tc.want.query)
			}
			if !sameJSON(t, got.body, tc.want.body) {
				t.Errorf("body = %s, want %s", got.body, tc.want.body)
			}
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if resp == nil {
				t.Fatal("nil *Response")
			}
			if tc.check != nil {
				tc.check(t, out, resp, err)
			}
		})
	}
}

// sameJSON compares two JSON texts by value; "" equals only "".
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	if a == "" || b == "" {
		return a == b
	}
	var va, vb any
	if err := json.Unmarshal([]byte(a), &va); err != nil {
		t.Errorf("body %q is not JSON: %v", a, err)
		return false
	}
	if err := json.Unmarshal([]byte(b), &vb); err != nil {
		t.Fatalf("want %q is not JSON: %v", b, err)
	}
	return cmp.Equal(va, vb)
}

// asJSON re-encodes a decoded value, to compare it with what the server sent.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// apiError returns err as an *Error or fails the test.
func apiError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v (%T), want *Error", err, err)
	}
	return e
}

// rejectAll is a handler for calls that must fail before sending anything.
func rejectAll(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusTeapot)
	}
}

// as returns out as a *T or fails the test.
func as[T any](t *testing.T, out any) *T {
	t.Helper()
	v, ok := out.(*T)
	if !ok || v == nil {
		t.Fatalf("result is %T (%v), want non-nil *%T", out, out, *new(T))
	}
	return v
}

// wrap adapts a facade method's three results to exchange.call.
func wrap[T any](out *T, resp *Response, err error) (any, *Response, error) {
	if out == nil {
		return nil, resp, err
	}
	return out, resp, err
}
