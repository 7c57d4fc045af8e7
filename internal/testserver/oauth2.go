package testserver

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// OAuth2Client describes the OAuth 2.0 client registered with the server, for the
// authorization code flow with PKCE.
type OAuth2Client struct {
	ClientID     string
	ClientSecret string
	RedirectURL  string // the only redirect URI the authorize endpoint accepts
	AuthorizeURL string // GET, auto-approves as the WithAuthorizingUser user
	TokenURL     string // POST /2/oauth2/token
}

// OAuth2Client returns the registered OAuth 2.0 client and the server's endpoints.
func (s *Server) OAuth2Client() OAuth2Client {
	return OAuth2Client{
		ClientID:     oauth2ClientID,
		ClientSecret: oauth2Secret,
		RedirectURL:  s.cfg.redirectURL,
		AuthorizeURL: s.base + "/i/oauth2/authorize",
		TokenURL:     s.base + "/2/oauth2/token",
	}
}

// codeLifetime is how long an authorization code may wait to be exchanged (X: 30 s).
const codeLifetime = 30 * time.Second

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// serveAppToken is POST /oauth2/token with grant_type=client_credentials.
func (s *Server) serveAppToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		oauthError(w, http.StatusMethodNotAllowed, "invalid_request", "POST only")
		return
	}
	_ = r.ParseForm()
	key, secret, ok := r.BasicAuth()
	if k, err := url.QueryUnescape(key); err == nil {
		key = k
	}
	if sc, err := url.QueryUnescape(secret); err == nil {
		secret = sc
	}
	if !ok || key != appConsumerKey || secret != appConsumerSecret {
		writeJSON(w, http.StatusForbidden, map[string]any{"errors": []map[string]any{
			{"code": 99, "message": "Unable to verify your credentials", "label": "authenticity_token_error"}}})
		return
	}
	if r.PostForm.Get("grant_type") != "client_credentials" {
		writeJSON(w, http.StatusForbidden, map[string]any{"errors": []map[string]any{
			{"code": 170, "message": "Missing required parameter: grant_type", "label": "forbidden_missing_parameter"}}})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"token_type": "bearer", "access_token": appBearer})
}

// serveAuthorize is GET /i/oauth2/authorize: checks the request and approves it at once
// as the authorizing user, redirecting with code and state.
func (s *Server) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != oauth2ClientID || q.Get("redirect_uri") != s.cfg.redirectURL {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, "<html><body><h1>Something went wrong</h1><p>You weren't able to give access to the App. Go back and try logging in again.</p></body></html>")
		return
	}
	redirect, _ := url.Parse(s.cfg.redirectURL)
	fail := func(code, desc string) {
		v := redirect.Query()
		v.Set("error", code)
		v.Set("error_description", desc)
		if st := q.Get("state"); st != "" {
			v.Set("state", st)
		}
		u := *redirect
		u.RawQuery = v.Encode()
		http.Redirect(w, r, u.String(), http.StatusFound)
	}
	if q.Get("response_type") != "code" {
		fail("unsupported_response_type", "response_type must be code")
		return
	}
	if q.Get("state") == "" {
		fail("invalid_request", "state is required")
		return
	}
	method := q.Get("code_challenge_method")
	if q.Get("code_challenge") == "" || (method != "S256" && method != "plain") {
		fail("invalid_request", "code_challenge and code_challenge_method (S256 or plain) are required")
		return
	}
	known := map[string]bool{}
	for _, sc := range s.allScopes() {
		known[sc] = true
	}
	scopes := strings.Fields(q.Get("scope"))
	if len(scopes) == 0 {
		fail("invalid_scope", "scope is required")
		return
	}
	for _, sc := range scopes {
		if !known[sc] {
			fail("invalid_scope", "unknown scope "+sc)
			return
		}
	}
	sort.Strings(scopes)
	s.auth.mu.Lock()
	s.auth.seq++
	code := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("code:%d:%s", s.auth.seq, derive("code", fmt.Sprint(s.auth.seq))[:16])))
	s.auth.codes[code] = &authCode{userID: s.cfg.authorizingUser, redirect: q.Get("redirect_uri"),
		challenge: q.Get("code_challenge"), method: method, scopes: scopes, expires: s.clock.Now().Add(codeLifetime)}
	s.auth.mu.Unlock()
	v := redirect.Query()
	v.Set("state", q.Get("state"))
	v.Set("code", code)
	u := *redirect
	u.RawQuery = v.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// clientOK checks the client of a token request: Basic auth (confidential client) or a
// client_id form parameter (public client).
func clientOK(r *http.Request) bool {
	if id, secret, ok := r.BasicAuth(); ok {
		return id == oauth2ClientID && secret == oauth2Secret
	}
	return r.PostForm.Get("client_id") == oauth2ClientID
}

type tokenResponse struct {
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	AccessToken  string `json:"access_token"`
	Scope        string `json:"scope"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

// issue mints an access token (and a refresh token with offline.access). Caller holds auth.mu.
func (s *Server) issue(userID string, scopes []string) tokenResponse {
	s.auth.seq++
	n := fmt.Sprint(s.auth.seq)
	access := base64.RawURLEncoding.EncodeToString([]byte("access:" + n + ":" + derive("access", n)[:24]))
	info := &tokenInfo{userID: userID, scopes: scopes, expires: s.clock.Now().Add(s.cfg.tokenLifetime)}
	s.auth.tokens[access] = info
	out := tokenResponse{TokenType: "bearer", ExpiresIn: int(s.cfg.tokenLifetime / time.Second), AccessToken: access,
		Scope: strings.Join(scopes, " ")}
	for _, sc := range scopes {
		if sc == "offline.access" {
			refresh := base64.RawURLEncoding.EncodeToString([]byte("refresh:" + n + ":" + derive("refresh", n)[:24]))
			s.auth.refresh[refresh] = &tokenInfo{userID: userID, scopes: scopes}
			out.RefreshToken = refresh
		}
	}
	return out
}

// serveOAuth2Token is POST /2/oauth2/token: authorization_code (with PKCE) and
// refresh_token (which rotates the refresh token, as X does).
func (s *Server) serveOAuth2Token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		oauthError(w, http.StatusMethodNotAllowed, "invalid_request", "POST only")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "malformed form body")
		return
	}
	if !clientOK(r) {
		oauthError(w, http.StatusUnauthorized, "unauthorized_client", "Missing valid authorization header")
		return
	}
	f := r.PostForm
	s.auth.mu.Lock()
	defer s.auth.mu.Unlock()
	switch f.Get("grant_type") {
	case "authorization_code":
		code := s.auth.codes[f.Get("code")]
		delete(s.auth.codes, f.Get("code")) // single use, even when the exchange fails
		if code == nil || !s.clock.Now().Before(code.expires) || f.Get("redirect_uri") != code.redirect {
			oauthError(w, http.StatusBadRequest, "invalid_request", "Value passed for the authorization code was invalid.")
			return
		}
		verifier := f.Get("code_verifier")
		want := verifier
		if code.method == "S256" {
			sum := sha256.Sum256([]byte(verifier))
			want = base64.RawURLEncoding.EncodeToString(sum[:])
		}
		if verifier == "" || subtle.ConstantTimeCompare([]byte(want), []byte(code.challenge)) != 1 {
			oauthError(w, http.StatusBadRequest, "invalid_request", "Value passed for the code_verifier was invalid.")
			return
		}
		writeJSON(w, http.StatusOK, s.issue(code.userID, code.scopes))
	case "refresh_token":
		old := f.Get("refresh_token")
		info := s.auth.refresh[old]
		if info == nil {
			oauthError(w, http.StatusBadRequest, "invalid_request", "Value passed for the token was invalid.")
			return
		}
		delete(s.auth.refresh, old)
		writeJSON(w, http.StatusOK, s.issue(info.userID, info.scopes))
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
	}
}

// serveOAuth2Revoke is POST /2/oauth2/revoke: the access or refresh token stops working.
func (s *Server) serveOAuth2Revoke(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil || !clientOK(r) {
		oauthError(w, http.StatusBadRequest, "invalid_request", "bad revoke request")
		return
	}
	tok := r.PostForm.Get("token")
	s.auth.mu.Lock()
	if t := s.auth.tokens[tok]; t != nil {
		t.revoked = true
	}
	delete(s.auth.refresh, tok)
	s.auth.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]bool{"revoked": true})
}
