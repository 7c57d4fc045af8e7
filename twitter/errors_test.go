package twitter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
)

func errorFrom(t *testing.T, status int, body string, header http.Header) *Error {
	t.Helper()
	resp := &http.Response{StatusCode: status, Header: header}
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	return newError(jsonx.Default(), "GET /2/tweets", resp, []byte(body), parseRateLimit("GET /2/tweets", resp.Header))
}

func TestErrorFromProblemDocuments(t *testing.T) {
	tests := []struct {
		name      string
		status    int
		body      string
		wantType  string
		wantTitle string
		wantN     int
		is        func(error) bool
	}{
		{
			name:   "invalid request under api.twitter.com",
			status: 400,
			body: `{"errors":[{"parameters":{"max_results":["1000"]},"message":"The max_results query parameter value [1000] is not between 10 and 100"}],
				"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`,
			wantType: ProblemInvalidRequest, wantTitle: "Invalid Request", wantN: 1, is: IsInvalidRequest,
		},
		{
			name:     "usage cap under api.x.com",
			status:   429,
			body:     `{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.x.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}`,
			wantType: ProblemUsageCapExceeded, wantTitle: "UsageCapExceeded", wantN: 1, is: IsUsageCapExceeded,
		},
		{
			name:     "unsupported authentication",
			status:   403,
			body:     `{"title":"Unsupported Authentication","detail":"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].","type":"https://api.twitter.com/2/problems/unsupported-authentication","status":403}`,
			wantType: ProblemUnsupportedAuthentication, wantTitle: "Unsupported Authentication", wantN: 1, is: IsUnsupportedAuthentication,
		},
		{
			name:     "problem only inside errors",
			status:   404,
			body:     `{"errors":[{"value":"1","detail":"Could not find user with id: [1].","title":"Not Found Error","resource_type":"user","parameter":"id","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
			wantType: ProblemResourceNotFound, wantTitle: "Not Found Error", wantN: 1, is: IsNotFound,
		},
		{
			name:     "older code/message shape",
			status:   401,
			body:     `{"errors":[{"code":89,"message":"Invalid or expired token."}]}`,
			wantType: "code:89", wantTitle: "Invalid or expired token.", wantN: 1, is: IsUnauthorized,
		},
		{
			name:     "rate limited",
			status:   429,
			body:     `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`,
			wantType: ProblemGeneric, wantTitle: "Too Many Requests", wantN: 1, is: IsRateLimited,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := errorFrom(t, tc.status, tc.body, nil)
			if e.Type != tc.wantType || e.Title != tc.wantTitle || len(e.Problems) != tc.wantN {
				t.Errorf("got type %q title %q problems %d; want %q %q %d", e.Type, e.Title, len(e.Problems), tc.wantType, tc.wantTitle, tc.wantN)
			}
			if e.Body != "" {
				t.Errorf("Body excerpt set for a problem document: %q", e.Body)
			}
			var err error = fmt.Errorf("wrapped: %w", e)
			if !tc.is(err) {
				t.Errorf("predicate false for %v", err)
			}
			var got *Error
			if !errors.As(err, &got) || got != e {
				t.Error("errors.As does not find the *Error")
			}
		})
	}
}

func TestUsageCapIsNotARateLimit(t *testing.T) {
	e := errorFrom(t, 429, `{"title":"UsageCapExceeded","type":"https://api.twitter.com/2/problems/usage-capped"}`, nil)
	if IsRateLimited(e) {
		t.Error("a usage cap reported as a rate limit")
	}
	if !IsUsageCapExceeded(e) {
		t.Error("usage cap not recognised")
	}
}

func TestErrorFromBodiesThatAreNotProblems(t *testing.T) {
	long := strings.Repeat("x", 10_000)
	tests := []struct {
		name, body, wantExcerpt string
	}{
		{"html from a proxy", "<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>nginx</body></html>", "<html> <head><title>503 Service Temporarily Unavailable</title></head> <body>nginx</body></html>"},
		{"empty", "", ""},
		{"truncated json", `{"title":"Service Unavail`, `{"title":"Service Unavail`},
		{"json without a problem", `{"data":null}`, `{"data":null}`},
		{"invalid utf-8", "bad \xff\xfe bytes", "bad \uFFFD bytes"},
		{"long", long, long[:maxExcerpt]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := errorFrom(t, 503, tc.body, nil)
			if e.Body != tc.wantExcerpt {
				t.Errorf("Body = %q, want %q", e.Body, tc.wantExcerpt)
			}
			msg := e.Error()
			if !strings.Contains(msg, "503") {
				t.Errorf("message lacks the status: %s", msg)
			}
			if len(msg) > 400 {
				t.Errorf("message too long (%d bytes)", len(msg))
			}
			if !IsServerError(e) {
				t.Error("IsServerError false")
			}
		})
	}
}

func TestProblemType(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.twitter.com/2/problems/rule-cap": ProblemRulesCap,
		"https://api.x.com/2/problems/rule-cap":       ProblemRulesCap,
		"about:blank":                                 ProblemGeneric,
		"https://example.com/other":                   "https://example.com/other",
		"":                                            "",
	} {
		if got := ProblemType(in); got != want {
			t.Errorf("ProblemType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorCarriesRequestIDAndRateLimit(t *testing.T) {
	h := http.Header{}
	h.Set("x-transaction-id", "abc123")
	h.Set("x-rate-limit-limit", "15")
	h.Set("x-rate-limit-remaining", "0")
	h.Set("x-rate-limit-reset", "1700000900")
	e := errorFrom(t, 429, `{"title":"Too Many Requests","type":"about:blank"}`, h)
	if e.RequestID != "abc123" || e.RateLimit.Limit != 15 || e.RateLimit.Remaining != 0 || e.RateLimit.Reset.Unix() != 1700000900 {
		t.Errorf("got %+v", e)
	}
}

func FuzzErrorDecoding(f *testing.F) {
	f.Add(400, []byte(`{"title":"Invalid Request","type":"https://api.twitter.com/2/problems/invalid-request","errors":[{"message":"x"}]}`), "15", "3", "1700000000")
	f.Add(503, []byte("<html>down</html>"), "", "", "")
	f.Add(401, []byte(`{"errors":[{"code":32,"message":"Could not authenticate you."}]}`), "x", "-1", "99999999999999999999")
	f.Add(429, []byte(`{"errors":[null,1,"a",{"type":5}]}`), "1e9", "", "0")
	f.Fuzz(func(t *testing.T, status int, body []byte, limit, remaining, reset string) {
		h := http.Header{}
		h.Set("x-rate-limit-limit", limit)
		h.Set("x-rate-limit-remaining", remaining)
		h.Set("x-rate-limit-reset", reset)
		h.Set("x-app-limit-24hour-limit", limit)
		h.Set("x-app-limit-24hour-reset", reset)
		h.Set("Retry-After", remaining)
		resp := &http.Response{StatusCode: status, Header: h}
		rl := parseRateLimit("GET /2/x", h)
		if rl.Limit < 0 || rl.Remaining < 0 {
			t.Fatalf("negative rate limit %+v", rl)
		}
		e := newError(jsonx.Default(), "GET /2/x", resp, body, rl)
		msg := e.Error()
		if len(e.Body) > maxExcerpt*3 {
			t.Fatalf("excerpt too long: %d", len(e.Body))
		}
		if !strings.Contains(msg, "GET /2/x") {
			t.Fatalf("message lacks the endpoint: %q", msg)
		}
		_ = IsRateLimited(e) || IsNotFound(e) || IsUsageCapExceeded(e)
		_, _ = serverWait(resp, rl, rl.Reset)
		(&Backoff{}).Next(1, resp, e)
	})
}

// countingDecoder records the bodies it decodes, to show which paths use the client's
// decoder.
type countingDecoder struct {
	jsonx.Decoder
	mu     sync.Mutex
	bodies []string
}

func (d *countingDecoder) Unmarshal(data []byte, v any) error {
	d.mu.Lock()
	d.bodies = append(d.bodies, string(data))
	d.mu.Unlock()
	return d.Decoder.Unmarshal(data, v)
}

// TestTheClientsDecoderReadsErrorAndTokenBodies: the decoder the client is configured
// with (WithStandardJSON chooses encoding/json) decodes error bodies and token answers
// too, app-only and OAuth 2.0 user context refreshes alike, not only successful
// responses.
func TestTheClientsDecoderReadsErrorAndTokenBodies(t *testing.T) {
	const appTokenBody = `{"token_type":"bearer","access_token":"AAAA"}`
	const userTokenBody = `{"token_type":"bearer","access_token":"BBBB","refresh_token":"RRRR2","expires_in":7200,"scope":"users.read"}`
	const errorBody = `{"title":"Not Found Error","detail":"no user","type":"https://api.twitter.com/2/problems/resource-not-found"}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/oauth2/token":
			_, _ = io.WriteString(w, appTokenBody)
			return
		case "/2/oauth2/token":
			_, _ = io.WriteString(w, userTokenBody)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, errorBody)
	}))
	defer srv.Close()
	cfg := &OAuth2Config{ClientID: "cid", RedirectURL: "https://example.com/cb", Scopes: []Scope{ScopeUsersRead}, TokenURL: srv.URL + "/2/oauth2/token"}
	expired := &oauth2.Token{AccessToken: "old", RefreshToken: "RRRR", Expiry: time.Now().Add(-time.Hour)}
	for name, tc := range map[string]struct {
		auth      Option
		tokenBody string
	}{
		"app-only":               {WithAppCredentials("key", "secret"), appTokenBody},
		"OAuth 2.0 user context": {WithOAuth2Token(cfg, expired), userTokenBody},
	} {
		dec := &countingDecoder{Decoder: jsonx.Standard}
		c, err := NewClient(WithBaseURL(srv.URL), tc.auth, WithRetryPolicy(NoRetries()),
			func(c *config) error { c.decoder = dec; return nil })
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = c.Users.ByID(context.Background(), "1", nil)
		var apiErr *Error
		if !errors.As(err, &apiErr) || !apiErr.HasProblem(ProblemResourceNotFound) {
			t.Fatalf("%s: err = %v, want the not-found problem", name, err)
		}
		if !slices.Contains(dec.bodies, tc.tokenBody) || !slices.Contains(dec.bodies, errorBody) {
			t.Errorf("%s: the client's decoder read %q; want the token answer and the error body", name, dec.bodies)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	at := time.Date(2026, 3, 1, 14, 1, 19, 0, time.UTC)
	reset := func(h http.Header, tm time.Time) http.Header {
		h.Set("x-rate-limit-limit", "15")
		h.Set("x-rate-limit-remaining", "0")
		h.Set("x-rate-limit-reset", strconv.FormatInt(tm.Unix(), 10))
		return h
	}
	for _, tc := range []struct {
		name   string
		status int
		body   string
		header http.Header
		at     time.Time
		want   string
	}{
		{
			name:   "429 says the status once and when the window resets",
			status: 429, body: `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`,
			header: reset(http.Header{}, at.Add(4*time.Minute+12*time.Second)), at: at,
			want: "twitter: GET /2/tweets: 429 Too Many Requests; resets 14:05:31 UTC, in 4m12s",
		},
		{
			name:   "429 reset on another day carries the date",
			status: 429, body: `{"title":"Too Many Requests","type":"about:blank"}`,
			header: reset(http.Header{}, at.Add(10*time.Hour)), at: at,
			want: "twitter: GET /2/tweets: 429 Too Many Requests; resets 2026-03-02 00:01:19 UTC, in 10h0m0s",
		},
		{
			name:   "429 reset already passed",
			status: 429, body: `{"title":"Too Many Requests"}`,
			header: reset(http.Header{}, at.Add(-time.Second)), at: at,
			want: "twitter: GET /2/tweets: 429 Too Many Requests; resets 14:01:18 UTC, already passed",
		},
		{
			name:   "429 without the arrival time",
			status: 429, body: `{"title":"Too Many Requests"}`,
			header: reset(http.Header{}, at),
			want:   "twitter: GET /2/tweets: 429 Too Many Requests; resets 2026-03-01 14:01:19 UTC",
		},
		{
			name:   "429 without rate-limit headers",
			status: 429, body: `{"title":"Too Many Requests","detail":"Too Many Requests"}`,
			want: "twitter: GET /2/tweets: 429 Too Many Requests",
		},
		{
			name:   "usage cap: a window reset would not lift it",
			status: 429, body: `{"title":"UsageCapExceeded","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.x.com/2/problems/usage-capped"}`,
			header: reset(http.Header{}, at.Add(time.Minute)), at: at,
			want: "twitter: GET /2/tweets: 429 Too Many Requests: UsageCapExceeded: Usage cap exceeded: Monthly product cap [usage-capped]",
		},
		{
			name:   "invalid request names the parameter X found wrong",
			status: 400, body: `{"errors":[{"parameters":{"ids":["abc"]},"message":"The ` + "`ids`" + ` query parameter value [abc] does not match ^[0-9]{1,19}$"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}`,
			want: "twitter: GET /2/tweets: 400 Bad Request: Invalid Request: One or more parameters to your request was invalid.: The `ids` query parameter value [abc] does not match ^[0-9]{1,19}$ [invalid-request]",
		},
		{
			name:   "401 repeated status text",
			status: 401, body: `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`,
			want: "twitter: GET /2/tweets: 401 Unauthorized",
		},
		{
			name:   "title and detail",
			status: 400, body: `{"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`,
			want: "twitter: GET /2/tweets: 400 Bad Request: Invalid Request: One or more parameters to your request was invalid. [invalid-request]",
		},
		{
			name:   "several problems",
			status: 404, body: `{"errors":[{"title":"Not Found Error","detail":"Could not find user with id: [1].","type":"https://api.twitter.com/2/problems/resource-not-found"},{"title":"Not Found Error","detail":"Could not find user with id: [2].","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
			want: "twitter: GET /2/tweets: 404 Not Found: Not Found Error: Could not find user with id: [1]. [resource-not-found] (and 1 more problem)",
		},
		{
			name:   "detail equal to title",
			status: 401, body: `{"errors":[{"code":89,"message":"Invalid or expired token."}]}`,
			want: "twitter: GET /2/tweets: 401 Unauthorized: Invalid or expired token. [code:89]",
		},
		{
			name:   "not a problem document",
			status: 502, body: "<html><body>Bad gateway</body></html>",
			want: `twitter: GET /2/tweets: 502 Bad Gateway: body "<html><body>Bad gateway</body></html>"`,
		},
		{
			name:   "empty body",
			status: 503,
			want:   "twitter: GET /2/tweets: 503 Service Unavailable",
		},
		{
			name:   "503 with Retry-After in seconds",
			status: 503, header: http.Header{"Retry-After": {"120"}},
			want: "twitter: GET /2/tweets: 503 Service Unavailable; retry after 2m0s",
		},
		{
			name:   "429 with an HTTP-date Retry-After and a reset",
			status: 429, body: `{"title":"Too Many Requests"}`,
			header: reset(http.Header{"Retry-After": {at.Add(90 * time.Second).Format(http.TimeFormat)}}, at.Add(2*time.Minute)), at: at,
			want: "twitter: GET /2/tweets: 429 Too Many Requests; retry after 14:02:49 UTC, in 1m30s; resets 14:03:19 UTC, in 2m0s",
		},
		{
			name:   "a Retry-After that is neither",
			status: 503, header: http.Header{"Retry-After": {"soon"}},
			want: `twitter: GET /2/tweets: 503 Service Unavailable; Retry-After "soon"`,
		},
		{
			name:   "status without a name",
			status: 599, body: `{"title":"Odd"}`,
			want: "twitter: GET /2/tweets: status 599: Odd",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := errorFrom(t, tc.status, tc.body, tc.header).arrived(tc.at)
			if got := e.Error(); got != tc.want {
				t.Errorf("message\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestErrorMessageOfASuccessThatFailed(t *testing.T) {
	resp := &Response{Response: &http.Response{StatusCode: 200}, PartialErrors: []gen.Problem{{
		Title: "Forbidden", Detail: "You are not allowed to like this Tweet.", Type: "https://api.twitter.com/2/problems/not-authorized-for-resource",
	}}}
	e := failure(endpoint{name: "POST /2/users/{id}/likes"}, resp)
	want := "twitter: POST /2/users/{id}/likes: 200 OK: Forbidden: You are not allowed to like this Tweet. [not-authorized-for-resource]"
	if e.Error() != want {
		t.Errorf("message\n got %s\nwant %s", e.Error(), want)
	}
}

func TestErrorsSentinelPrefix(t *testing.T) {
	for _, err := range []error{ErrInvalidArgument, ErrRepeatedToken} {
		if !strings.HasPrefix(err.Error(), "twitter: ") {
			t.Errorf("%q lacks the twitter: prefix", err)
		}
	}
	err := invalid("Users.ByID", "empty %s", "user id")
	if want := "twitter: Users.ByID: invalid argument: empty user id"; err.Error() != want || !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("invalid() = %q (Is ErrInvalidArgument: %v), want %q", err, errors.Is(err, ErrInvalidArgument), want)
	}
}
