package twitter

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestAppCredentialsFetchOnceAndCache(t *testing.T) {
	f := newFakeX(t, newTestClock())
	headers := make(chan http.Header, 10)
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool {
		headers <- r.Header.Clone()
		return false
	}
	c := f.client(WithAppCredentials(testConsumerKey, testConsumerSecret))
	for range 3 {
		if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.appFetches.Load(); n != 1 {
		t.Errorf("%d token fetches for 3 calls, want 1", n)
	}
	h := <-headers
	gotAuth, gotType := h.Get("Authorization"), h.Get("Content-Type")
	// X: URL-encode key and secret, join with ':', base64, Basic.
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(url.QueryEscape(testConsumerKey)+":"+url.QueryEscape(testConsumerSecret)))
	if gotAuth != want {
		t.Errorf("token request Authorization = %q, want %q", gotAuth, want)
	}
	if !strings.HasPrefix(gotType, "application/x-www-form-urlencoded") || f.tokenRequests()[0].Encode() != "grant_type=client_credentials" {
		t.Errorf("token request: Content-Type %q, body %q", gotType, f.tokenRequests()[0].Encode())
	}
	for _, a := range f.auths() {
		if a != "Bearer APP-BEARER-0" {
			t.Errorf("API request Authorization = %q", a)
		}
	}
}

func TestAppCredentialsConcurrentFirstUseFetchesOnce(t *testing.T) {
	f := newFakeX(t, newTestClock())
	release := make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool { <-release; return false }
	c := f.client(WithAppCredentials(testConsumerKey, testConsumerSecret))
	cache := tokenCacheOf(t, c)

	const n = 16
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
			errs <- err
		})
	}
	waitFor(t, "15 callers waiting for the first one's fetch", func() bool { return cache.waiting.Load() == n-1 })
	once.Do(func() { close(release) })
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := f.appFetches.Load(); got != 1 {
		t.Errorf("%d token fetches for %d concurrent first calls, want 1", got, n)
	}
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Microsecond)
	}
}

func TestAppCredentialsRefetchOnceOn401(t *testing.T) {
	f := newFakeX(t, newTestClock())
	c := f.client(WithAppCredentials(testConsumerKey, testConsumerSecret))
	ctx := context.Background()
	if _, _, err := c.Users.ByUsername(ctx, "a", nil); err != nil {
		t.Fatal(err)
	}
	f.invalidateApp() // as POST /oauth2/invalidate_token would
	// A POST, so the resent request must carry its body again.
	if _, _, err := c.Users.Follow(ctx, "1", "2"); err != nil {
		t.Fatal(err)
	}
	if n := f.appFetches.Load(); n != 2 {
		t.Errorf("%d token fetches, want 2", n)
	}
	auths, bodies := f.auths(), f.bodies()
	if got := auths[1:]; len(got) != 2 || got[0] != "Bearer APP-BEARER-0" || got[1] != "Bearer APP-BEARER-1" {
		t.Errorf("Authorization of the POST and its resend = %q", got)
	}
	if bodies[1] == "" || bodies[1] != bodies[2] || !strings.Contains(bodies[2], `"target_user_id":"2"`) {
		t.Errorf("bodies of the POST and its resend = %q, %q", bodies[1], bodies[2])
	}
}

func TestAppCredentials401AfterRefetchIsReturned(t *testing.T) {
	f := newFakeX(t, newTestClock())
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool {
		writeJSONStatus(w, http.StatusOK, map[string]string{"token_type": "bearer", "access_token": "NOT-ACCEPTED"})
		return true
	}
	c := f.client(WithAppCredentials(testConsumerKey, testConsumerSecret))
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	if !IsUnauthorized(err) {
		t.Fatalf("err = %v, want a 401 *Error", err)
	}
	if calls, fetches := f.apiCalls.Load(), len(f.tokenRequests()); calls != 2 || fetches != 2 {
		t.Errorf("%d API calls and %d token fetches, want 2 and 2 (one renewal, no loop)", calls, fetches)
	}
}

func TestAppTokenEndpointFailures(t *testing.T) {
	answer := func(status int, contentType, body string) func(http.ResponseWriter, *http.Request) bool {
		return func(w http.ResponseWriter, r *http.Request) bool {
			w.Header().Set("Content-Type", contentType)
			w.WriteHeader(status)
			fmt.Fprint(w, body)
			return true
		}
	}
	for _, tc := range []struct {
		name      string
		key       string
		fault     func(http.ResponseWriter, *http.Request) bool
		status    int
		code      string
		text      string // in Error()
		temporary bool
	}{
		{name: "wrong credentials (X's 403)", key: "wrong-key", status: 403, code: "99", text: "Unable to verify your credentials"},
		{name: "401 OAuth error", fault: answer(401, "application/json", `{"error":"invalid_client","error_description":"Client authentication failed"}`),
			status: 401, code: "invalid_client", text: "Client authentication failed"},
		{name: "malformed JSON", fault: answer(200, "application/json", `{"token_type":"bearer","access_token":`),
			status: 200, text: "not a JSON token response"},
		{name: "HTML error page", fault: answer(503, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"),
			status: 503, text: "503 Service Temporarily Unavailable", temporary: true},
		{name: "HTML page with 200", fault: answer(200, "text/html", "<html><body>Log in to X</body></html>"),
			status: 200, text: "Log in to X"},
		{name: "no access_token", fault: answer(200, "application/json", `{"token_type":"bearer"}`), status: 200, text: "no access_token"},
		{name: "not a bearer token", fault: answer(200, "application/json", `{"token_type":"mac","access_token":"x"}`), status: 200, text: `"mac"`},
		{name: "secret echoed in an error page", fault: answer(400, "text/html", "<p>bad secret "+testConsumerSecret+"</p>"),
			status: 400, text: "bad secret REDACTED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeX(t, newTestClock())
			f.tokenFault = tc.fault
			key := testConsumerKey
			if tc.key != "" {
				key = tc.key
			}
			c := f.client(WithAppCredentials(key, testConsumerSecret))
			_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
			var te *TokenError
			if !errors.As(err, &te) {
				t.Fatalf("err = %v (%T), want a *TokenError", err, err)
			}
			if te.StatusCode != tc.status || te.Code != tc.code || te.Grant != "client_credentials" || te.URL != f.srv.URL+"/oauth2/token" {
				t.Errorf("TokenError = status %d code %q grant %q url %q", te.StatusCode, te.Code, te.Grant, te.URL)
			}
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("error %q does not say %q", err, tc.text)
			}
			// Permanent failures are not retried; a 5xx is, by the retry policy.
			wantFetches := int32(1)
			if tc.temporary {
				wantFetches = 4
			}
			if got := int32(len(f.tokenRequests())); got != wantFetches {
				t.Errorf("%d token requests, want %d", got, wantFetches)
			}
			if f.apiCalls.Load() != 0 {
				t.Error("the API was called without a token")
			}
			for verb, s := range printings(err) {
				assertNoSecrets(t, "error printed with "+verb, s, testConsumerSecret)
			}
			assertNoSecrets(t, "error", fmt.Sprintf("%#v", te), testConsumerSecret)
		})
	}
}

func TestAppTokenNetworkError(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL + "/oauth2/token"
	dead.Close()
	f := newFakeX(t, newTestClock())
	c := f.client(WithAppCredentials(testConsumerKey, testConsumerSecret), WithAppTokenURL(deadURL), WithRetryPolicy(NoRetries()))
	_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
	var te *TokenError
	if !errors.As(err, &te) || te.StatusCode != 0 || te.Err == nil || !te.temporary() {
		t.Fatalf("err = %v, want a temporary *TokenError with the network error", err)
	}
	for verb, s := range printings(err) {
		assertNoSecrets(t, "error printed with "+verb, s, testConsumerSecret)
	}
}

func TestAppTokenURL(t *testing.T) {
	if _, err := NewClient(WithAppTokenURL("https://example.com/oauth2/token")); err == nil {
		t.Error("WithAppTokenURL without WithAppCredentials accepted")
	}
	if _, err := NewClient(WithAppCredentials("k", "s"), WithAppTokenURL("/relative")); err == nil {
		t.Error("relative token URL accepted")
	}
	for _, opt := range []Option{WithAppCredentials("", "s"), WithAppCredentials("k", "")} {
		if _, err := NewClient(opt); err == nil {
			t.Error("empty consumer key or secret accepted")
		}
	}
	api, tokens := newFakeX(t, newTestClock()), newFakeX(t, newTestClock())
	c := api.client(WithAppTokenURL(tokens.srv.URL+"/oauth2/token"), WithAppCredentials(testConsumerKey, testConsumerSecret))
	if _, _, err := c.Users.ByUsername(context.Background(), "a", nil); err != nil {
		t.Fatal(err)
	}
	if api.appFetches.Load() != 0 || tokens.appFetches.Load() != 1 {
		t.Errorf("token fetches: API host %d, token host %d", api.appFetches.Load(), tokens.appFetches.Load())
	}
}

func TestAppTokenFetchCancelled(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
	f := newFakeX(t, newTestClock())
	entered := make(chan struct{}, 1)
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool {
		entered <- struct{}{}
		<-r.Context().Done() // hang until the client gives up
		return true
	}
	c := f.client(WithAppCredentials(testConsumerKey, testConsumerSecret))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-entered
		cancel()
	}()
	_, _, err := c.Users.ByUsername(ctx, "a", nil)
	<-done
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if f.apiCalls.Load() != 0 || len(f.tokenRequests()) != 1 {
		t.Errorf("%d API calls, %d token requests after a cancelled fetch", f.apiCalls.Load(), len(f.tokenRequests()))
	}
}

// TestTokenFetchSurvivesLeaderCancel: the caller doing the fetch gives up; a caller that
// was waiting for it fetches by itself instead of failing with the other's cancellation.
func TestTokenFetchSurvivesLeaderCancel(t *testing.T) {
	f := newFakeX(t, newTestClock())
	entered := make(chan struct{}, 1)
	var first sync.Once
	f.tokenFault = func(w http.ResponseWriter, r *http.Request) bool {
		hang := false
		first.Do(func() { hang = true })
		if hang {
			entered <- struct{}{}
			<-r.Context().Done()
			return true
		}
		return false
	}
	c := f.client(WithAppCredentials(testConsumerKey, testConsumerSecret))
	cache := tokenCacheOf(t, c)
	leaderCtx, cancel := context.WithCancel(context.Background())
	leaderErr := make(chan error, 1)
	go func() {
		_, _, err := c.Users.ByUsername(leaderCtx, "a", nil)
		leaderErr <- err
	}()
	<-entered
	waiterErr := make(chan error, 1)
	go func() {
		_, _, err := c.Users.ByUsername(context.Background(), "a", nil)
		waiterErr <- err
	}()
	waitFor(t, "the second caller to wait", func() bool { return cache.waiting.Load() == 1 })
	cancel()
	if err := <-leaderErr; !errors.Is(err, context.Canceled) {
		t.Errorf("leader: %v", err)
	}
	if err := <-waiterErr; err != nil {
		t.Errorf("waiter: %v", err)
	}
	if n := f.appFetches.Load(); n != 1 { // the hung request never reached serveAppToken
		t.Errorf("%d completed fetches, want 1", n)
	}
}
