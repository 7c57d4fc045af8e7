package twitter

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/twitterkit/go/gen"
)

// Do sends a request the facade has no method for yet (X ships endpoints before any
// document describes them) and decodes a 2xx body into out, with everything the methods
// have: the Client's authentication, retries and rate-limit waits, rate-limit
// bookkeeping and a *Error for a non-2xx answer.
//
// path is the API path with its ids filled in ("/2/users/12/pinned_lists"); query is
// sent as the query string (nil for none). body is sent as JSON: a []byte or
// json.RawMessage as is, anything else marshalled; nil sends none. out is a pointer to
// decode the body into (a struct, a map, a *json.RawMessage), or nil to discard it.
// Problems a 2xx body carries in "errors" are in Response.PartialErrors (when out is not
// nil); Do does not decide whether they mean failure.
//
// GET, HEAD and OPTIONS are retried like the methods' reads; other methods only with
// WithRetryMutations. The rate-limit state is kept under "METHOD path", as sent.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out any) (*Response, error) {
	ep, rawURL, payload, err := c.prepare(method, path, query, body)
	if err != nil {
		return nil, err
	}
	var target *doBody
	var dst any // nil, not a nil *doBody, when out is nil: the body is then not read
	if out != nil {
		target = &doBody{c: c, out: out}
		dst = target
	}
	resp, err := c.call(ctx, ep, func(ctx context.Context) (*http.Response, error) {
		var r io.Reader
		if payload != nil {
			r = bytes.NewReader(payload)
		}
		req, err := http.NewRequestWithContext(ctx, method, rawURL, r)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/json")
		if payload != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		return c.httpClient.Do(req)
	}, dst)
	if err != nil || target == nil {
		return resp, err
	}
	resp.PartialErrors = target.problems
	return resp, nil
}

// doBody decodes a body for Do: into the caller's out, and its "errors" member, if it
// reads as a list of problems, into problems.
type doBody struct {
	c        *Client
	out      any
	problems []gen.Problem
}

func (d *doBody) UnmarshalJSON(b []byte) error {
	var p struct {
		Errors []gen.Problem `json:"errors"`
	}
	if d.c.decode(b, &p) == nil {
		d.problems = p.Errors
	}
	return d.c.decode(b, d.out)
}

// prepare checks Do's arguments and returns the endpoint, the URL and the JSON body.
func (c *Client) prepare(method, path string, query url.Values, body any) (endpoint, string, []byte, error) {
	fail := func(format string, args ...any) (endpoint, string, []byte, error) {
		return endpoint{}, "", nil, invalid("Client.Do", format, args...)
	}
	if method == "" || strings.ToUpper(method) != method || strings.ContainsAny(method, " \t\r\n/") {
		return fail("method %q is not an upper-case HTTP method", method)
	}
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") || strings.ContainsAny(path, "?#") {
		return fail("path %q is not an API path such as /2/users/12 (the query goes in query)", path)
	}
	u, err := url.Parse(c.baseURL.String() + path)
	if err != nil {
		return fail("path %q: %v", path, err)
	}
	u.RawQuery = query.Encode()
	var payload []byte
	switch b := body.(type) {
	case nil:
	case []byte:
		payload = b
	case json.RawMessage:
		payload = b
	default:
		if payload, err = json.Marshal(body); err != nil {
			return fail("body: %v", err)
		}
	}
	ep := endpoint{name: method + " " + path}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		ep.idempotent = true
	}
	return ep, u.String(), payload, nil
}
