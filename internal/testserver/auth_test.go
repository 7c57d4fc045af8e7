package testserver

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dghubble/oauth1"
	"golang.org/x/oauth2"
)

func TestAuthRefusals(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	path := "/2/users/" + JackID
	for name, auth := range map[string]string{
		"none":          "",
		"wrong bearer":  "AAAAnotthetoken",
		"basic":         "Basic Zm9vOmJhcg==",
		"bad oauth1":    `OAuth oauth_consumer_key="x"`,
		"unknown token": "fakexU2-12-000000000000000000000000",
	} {
		r := c.get(path, auth)
		if r.status != 401 || r.str("title") != "Unauthorized" || r.str("type") != "about:blank" {
			t.Errorf("%s: %d %s", name, r.status, r.raw)
		}
	}
	// App-only on a user-context operation.
	r := c.do("POST", "/2/users/"+AliceID+"/likes", c.app(), map[string]string{"tweet_id": JackFirstTweetID})
	wantStatus(t, r, 403)
	if r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" ||
		!strings.Contains(r.str("detail"), "OAuth 2.0 Application-Only is forbidden") {
		t.Errorf("app-only: %s", r.raw)
	}
	// User token on an app-only operation.
	r = c.get("/2/tweets/search/stream/rules", s.UserToken(AliceID))
	wantStatus(t, r, 403)
	if r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("user on app-only: %s", r.raw)
	}
	// Missing scope.
	r = c.do("POST", "/2/users/"+AliceID+"/likes", s.UserToken(AliceID, "tweet.read", "users.read"), map[string]string{"tweet_id": JackFirstTweetID})
	wantStatus(t, r, 403)
	if !strings.Contains(r.str("detail"), "like.write") {
		t.Errorf("scope: %s", r.raw)
	}
	// All scopes by default; revoked tokens stop working.
	tok := s.UserToken(AliceID)
	wantStatus(t, c.get(path, tok), 200)
	s.RevokeToken(tok)
	wantStatus(t, c.get(path, tok), 401)
	// A token for a user that does not exist.
	wantStatus(t, c.get(path, s.UserToken(NonexistentID)), 401)
	// The document is public.
	wantStatus(t, c.get("/2/openapi.json", ""), 200)
}

func TestAppTokenClientCredentials(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	key, secret := s.AppCredentials()
	req := mustReq(t, "POST", s.URL()+"/oauth2/token", "grant_type=client_credentials")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
	req.SetBasicAuth(url.QueryEscape(key), url.QueryEscape(secret))
	r := c.send(req)
	wantStatus(t, r, 200)
	if r.str("token_type") != "bearer" || r.str("access_token") != s.AppBearerToken() {
		t.Errorf("token: %s", r.raw)
	}
	req = mustReq(t, "POST", s.URL()+"/oauth2/token", "grant_type=client_credentials")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(key, "wrong")
	wantStatus(t, c.send(req), 403)
}

func oauth1Client(ctx context.Context, c *tc, creds OAuth1Credentials, noncer oauth1.Noncer) *http.Client {
	cfg := oauth1.NewConfig(creds.ConsumerKey, creds.ConsumerSecret)
	cfg.Noncer = noncer
	return cfg.Client(context.WithValue(ctx, oauth1.HTTPClient, c.hc), oauth1.NewToken(creds.Token, creds.TokenSecret))
}

type fixedNoncer string

func (n fixedNoncer) Nonce() string { return string(n) }

func doWith(t *testing.T, hc *http.Client, req *http.Request) resp {
	t.Helper()
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return resp{status: res.StatusCode, header: res.Header, raw: raw}
}

func TestOAuth1(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	ctx := context.Background()
	creds := s.OAuth1(AliceID)
	if creds != s.OAuth1(AliceID) || !strings.HasPrefix(creds.Token, AliceID+"-") {
		t.Fatalf("credentials not deterministic: %+v", creds)
	}
	hc := oauth1Client(ctx, c, creds, nil)
	// Query parameters with characters that need encoding are part of the signature.
	r := doWith(t, hc, mustReq(t, "GET", s.URL()+"/2/tweets/search/recent?query="+url.QueryEscape("from:alice OR (gopher -is:retweet)")+"&tweet.fields=created_at,author_id", ""))
	wantStatus(t, r, 200)
	// A JSON body is not part of the signature, but the user is.
	req := mustReq(t, "POST", s.URL()+"/2/users/"+AliceID+"/likes", `{"tweet_id":"`+JackFirstTweetID+`"}`)
	req.Header.Set("Content-Type", "application/json")
	wantStatus(t, doWith(t, hc, req), 200)
	if s.World().LikedTweetIDs(AliceID)[0] != JackFirstTweetID {
		t.Errorf("like as Alice did not land")
	}
	// Wrong token secret: bad signature.
	bad := creds
	bad.TokenSecret = "not-the-secret"
	wantStatus(t, doWith(t, oauth1Client(ctx, c, bad, nil), mustReq(t, "GET", s.URL()+"/2/users/"+JackID, "")), 401)
	// Someone else's token with Alice's secret.
	mixed := s.OAuth1(BobID)
	mixed.TokenSecret = creds.TokenSecret
	wantStatus(t, doWith(t, oauth1Client(ctx, c, mixed, nil), mustReq(t, "GET", s.URL()+"/2/users/"+JackID, "")), 401)
	// A replayed nonce.
	once := oauth1Client(ctx, c, creds, fixedNoncer("same-nonce-every-time"))
	wantStatus(t, doWith(t, once, mustReq(t, "GET", s.URL()+"/2/users/"+JackID, "")), 200)
	wantStatus(t, doWith(t, once, mustReq(t, "GET", s.URL()+"/2/users/"+JackID, "")), 401)
	// Tampering with the query after signing.
	req = mustReq(t, "GET", s.URL()+"/2/users/"+JackID, "")
	signer := oauth1Client(ctx, c, creds, fixedNoncer("tamper"))
	signed := captureAuth(t, signer, req)
	req2 := mustReq(t, "GET", s.URL()+"/2/users/"+BobID, "")
	req2.Header.Set("Authorization", signed)
	wantStatus(t, c.send(req2), 401)
	// Form parameters are signed: the signature checks out (so the request reaches
	// validation, which refuses the form body with 400, not 401).
	s2 := Start(t, WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	req = mustReq(t, "POST", s2.URL()+"/2/users/"+AliceID+"/likes", "tweet_id="+JackFirstTweetID+"&note=a+b%21")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r = doWith(t, oauth1Client(ctx, c2, s2.OAuth1(AliceID), nil), req)
	wantStatus(t, r, 400)
}

// captureAuth signs req with hc's transport and returns the Authorization header.
func captureAuth(t *testing.T, hc *http.Client, req *http.Request) string {
	t.Helper()
	var got string
	tr := hc.Transport.(*oauth1.Transport)
	tr.Base = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = r.Header.Get("Authorization")
		return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
	})
	res, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return got
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestOAuth1Timestamp(t *testing.T) {
	// The server clock is six minutes behind the signer's real clock: refused; four is fine.
	s := Start(t, WithClock(NewManualClock(time.Now().Add(-6*time.Minute))))
	c := newTC(t, s)
	hc := oauth1Client(context.Background(), c, s.OAuth1(AliceID), nil)
	wantStatus(t, doWith(t, hc, mustReq(t, "GET", s.URL()+"/2/users/"+JackID, "")), 401)
	s2 := Start(t, WithClock(NewManualClock(time.Now().Add(-4*time.Minute))))
	c2 := newTC(t, s2)
	hc2 := oauth1Client(context.Background(), c2, s2.OAuth1(AliceID), nil)
	wantStatus(t, doWith(t, hc2, mustReq(t, "GET", s2.URL()+"/2/users/"+JackID, "")), 200)
}

// TestOAuth1SignatureBase checks the base string and signature against the worked
// example X publishes in its "Creating a signature" guide.
func TestOAuth1SignatureBase(t *testing.T) {
	params := url.Values{
		"status":                 {"Hello Ladies + Gentlemen, a signed OAuth request!"},
		"include_entities":       {"true"},
		"oauth_consumer_key":     {"xvz1evFS4wEEPTGEFPHBog"},
		"oauth_nonce":            {"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"},
		"oauth_signature_method": {"HMAC-SHA1"},
		"oauth_timestamp":        {"1318622958"},
		"oauth_token":            {"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"},
		"oauth_version":          {"1.0"},
	}
	base := signatureBase("post", "https://api.twitter.com/1.1/statuses/update.json", params)
	want := "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521"
	if base != want {
		t.Fatalf("base string\n got %s\nwant %s", base, want)
	}
	key := percentEncode("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw") + "&" + percentEncode("LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")
	m := hmac.New(sha1.New, []byte(key))
	m.Write([]byte(base))
	if sig := base64.StdEncoding.EncodeToString(m.Sum(nil)); sig != "hCtSmYh+iHYCEqBWrE7C7hYmtUk=" {
		t.Errorf("signature %s", sig)
	}
}

func pkceConfig(s *Server, scopes ...string) *oauth2.Config {
	cl := s.OAuth2Client()
	return &oauth2.Config{ClientID: cl.ClientID, ClientSecret: cl.ClientSecret, RedirectURL: cl.RedirectURL, Scopes: scopes,
		Endpoint: oauth2.Endpoint{AuthURL: cl.AuthorizeURL, TokenURL: cl.TokenURL, AuthStyle: oauth2.AuthStyleInHeader}}
}

// authorize runs the authorize step and returns the code from the redirect.
func authorize(t *testing.T, c *tc, conf *oauth2.Config, verifier string) string {
	t.Helper()
	r := c.send(mustReq(t, "GET", conf.AuthCodeURL("state-123", oauth2.S256ChallengeOption(verifier)), ""))
	wantStatus(t, r, http.StatusFound)
	loc, err := url.Parse(r.header.Get("Location"))
	if err != nil || loc.Query().Get("state") != "state-123" || loc.Query().Get("code") == "" {
		t.Fatalf("redirect %q", r.header.Get("Location"))
	}
	if !strings.HasPrefix(loc.String(), conf.RedirectURL) {
		t.Fatalf("redirected to %s", loc)
	}
	return loc.Query().Get("code")
}

func TestOAuth2PKCE(t *testing.T) {
	clock := NewManualClock(time.Now())
	s := Start(t, WithClock(clock), WithAuthorizingUser(BobID), WithTokenLifetime(time.Hour))
	c := newTC(t, s)
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, c.hc)
	conf := pkceConfig(s, "tweet.read", "users.read", "like.write", "offline.access")
	verifier := oauth2.GenerateVerifier()
	code := authorize(t, c, conf, verifier)
	tok, err := conf.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatal(err)
	}
	if tok.RefreshToken == "" || tok.Extra("scope") != "like.write offline.access tweet.read users.read" || tok.Expiry.IsZero() {
		t.Errorf("token: %+v scope %v", tok, tok.Extra("scope"))
	}
	// The token acts as Bob, with the granted scopes only.
	r := c.do("POST", "/2/users/"+BobID+"/likes", tok.AccessToken, map[string]string{"tweet_id": JackFirstTweetID})
	wantStatus(t, r, 200)
	wantStatus(t, c.get("/2/users/"+BobID+"/blocking", tok.AccessToken), 403) // no block.read
	// A code works once.
	if _, err := conf.Exchange(ctx, code, oauth2.VerifierOption(verifier)); err == nil {
		t.Error("code reused")
	}
	// Wrong verifier.
	code = authorize(t, c, conf, verifier)
	if _, err := conf.Exchange(ctx, code, oauth2.VerifierOption(oauth2.GenerateVerifier())); err == nil || !strings.Contains(err.Error(), "code_verifier") {
		t.Errorf("wrong verifier: %v", err)
	}
	// Codes expire after 30 seconds.
	code = authorize(t, c, conf, verifier)
	clock.Advance(31 * time.Second)
	if _, err := conf.Exchange(ctx, code, oauth2.VerifierOption(verifier)); err == nil {
		t.Error("expired code accepted")
	}

	// Refresh rotates: the new refresh token works, the old one no longer does.
	refresh := func(rt string) resp {
		req := mustReq(t, "POST", conf.Endpoint.TokenURL, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}, "client_id": {conf.ClientID}}.Encode())
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return c.send(req)
	}
	r1 := refresh(tok.RefreshToken)
	wantStatus(t, r1, 200)
	if r1.str("refresh_token") == "" || r1.str("refresh_token") == tok.RefreshToken || r1.str("access_token") == tok.AccessToken ||
		r1.num("expires_in") != 3600 || r1.str("token_type") != "bearer" {
		t.Errorf("refresh: %s", r1.raw)
	}
	wantStatus(t, refresh(tok.RefreshToken), 400)
	r2 := refresh(r1.str("refresh_token"))
	wantStatus(t, r2, 200)

	// Access tokens expire with the clock.
	wantStatus(t, c.get("/2/users/"+JackID, r2.str("access_token")), 200)
	clock.Advance(time.Hour)
	wantStatus(t, c.get("/2/users/"+JackID, r2.str("access_token")), 401)

	// Without offline.access there is no refresh token.
	conf2 := pkceConfig(s, "tweet.read", "users.read")
	clock.Advance(time.Second)
	code = authorize(t, c, conf2, verifier)
	tok2, err := conf2.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil || tok2.RefreshToken != "" {
		t.Errorf("no offline.access: %v %+v", err, tok2)
	}
	// Revoke.
	req := mustReq(t, "POST", s.URL()+"/2/oauth2/revoke", url.Values{"token": {tok2.AccessToken}, "client_id": {conf.ClientID}}.Encode())
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	wantStatus(t, c.send(req), 200)
	wantStatus(t, c.get("/2/users/"+JackID, tok2.AccessToken), 401)
}

func TestOAuth2AuthorizeErrors(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	conf := pkceConfig(s, "tweet.read")
	// Unknown redirect: no redirect at all.
	bad := *conf
	bad.RedirectURL = "http://evil.example/cb"
	r := c.send(mustReq(t, "GET", bad.AuthCodeURL("st", oauth2.S256ChallengeOption("v")), ""))
	wantStatus(t, r, 400)
	// Unknown scope: redirect with error.
	bad = *conf
	bad.Scopes = []string{"tweet.read", "launch.missiles"}
	r = c.send(mustReq(t, "GET", bad.AuthCodeURL("st", oauth2.S256ChallengeOption("v")), ""))
	wantStatus(t, r, http.StatusFound)
	if loc, _ := url.Parse(r.header.Get("Location")); loc.Query().Get("error") != "invalid_scope" || loc.Query().Get("state") != "st" {
		t.Errorf("bad scope: %s", r.header.Get("Location"))
	}
	// No PKCE.
	r = c.send(mustReq(t, "GET", conf.AuthCodeURL("st"), ""))
	if loc, _ := url.Parse(r.header.Get("Location")); loc.Query().Get("error") != "invalid_request" {
		t.Errorf("no pkce: %s", r.header.Get("Location"))
	}
	// Wrong client at the token endpoint.
	req := mustReq(t, "POST", conf.Endpoint.TokenURL, "grant_type=authorization_code&code=x&client_id=nope")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	wantStatus(t, c.send(req), 401)
}
