package testserver

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"sync"
	"time"
)

// The app's credentials. They are fixed strings so tests and the cmd/fakex program can
// print and reuse them.
const (
	appBearer         = "AAAAAAAAAAAAAAAAAAAAAFakeXAppOnlyBearerToken0000000000000001"
	appConsumerKey    = "fakexConsumerKey000000001"
	appConsumerSecret = "fakexConsumerSecret00000000000000000000000000001"
	oauth2ClientID    = "ZmFrZXgtb2F1dGgyLWNsaWVudC1pZA"
	oauth2Secret      = "fakex-oauth2-client-secret-000000000000000000001"
	credentialSeed    = "twitterkit testserver credentials"
)

type authKind int

const (
	authNone authKind = iota
	authApp
	authOAuth2User
	authOAuth1User
)

// principal is who made a request.
type principal struct {
	kind   authKind
	userID string
	scopes set
	token  string
}

// viewer is the user a request acts for, "" for app-only and anonymous requests.
func (p principal) viewer() string { return p.userID }

func (p principal) rateKey() string {
	switch p.kind {
	case authApp:
		return "app"
	case authOAuth2User, authOAuth1User:
		return "user:" + p.userID
	}
	return "anonymous"
}

func (k authKind) String() string {
	switch k {
	case authApp:
		return "OAuth 2.0 Application-Only"
	case authOAuth2User:
		return "OAuth 2.0 User Context"
	case authOAuth1User:
		return "OAuth 1.0a User Context"
	}
	return "none"
}

type tokenInfo struct {
	userID  string
	scopes  []string
	expires time.Time // zero: never
	revoked bool
}

type authCode struct {
	userID, redirect, challenge, method string
	scopes                              []string
	expires                             time.Time
}

// authState holds the tokens, codes and nonces a server has seen.
type authState struct {
	mu      sync.Mutex
	tokens  map[string]*tokenInfo
	refresh map[string]*tokenInfo
	codes   map[string]*authCode
	nonces  map[string]time.Time
	seq     int
}

func newAuthState() *authState {
	return &authState{tokens: map[string]*tokenInfo{}, refresh: map[string]*tokenInfo{},
		codes: map[string]*authCode{}, nonces: map[string]time.Time{}}
}

func derive(parts ...string) string {
	m := hmac.New(sha256.New, []byte(credentialSeed))
	m.Write([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(m.Sum(nil))
}

// AppBearerToken returns the app-only bearer token the server accepts, the one
// POST /oauth2/token hands out for AppCredentials.
func (s *Server) AppBearerToken() string { return appBearer }

// AppCredentials returns the app's consumer key and secret: the Basic credentials of
// POST /oauth2/token (grant_type=client_credentials), and the consumer half of OAuth 1.0a.
func (s *Server) AppCredentials() (consumerKey, consumerSecret string) {
	return appConsumerKey, appConsumerSecret
}

// allScopes lists every OAuth 2.0 scope of the document.
func (s *Server) allScopes() []string {
	ss := s.c.doc.Components.SecuritySchemes["OAuth2UserToken"]
	var out []string
	if ss != nil && ss.Value != nil && ss.Value.Flows != nil && ss.Value.Flows.AuthorizationCode != nil {
		for k := range ss.Value.Flows.AuthorizationCode.Scopes {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// UserToken mints an OAuth 2.0 user access token for userID with the given scopes (none
// given means every scope of the document). The token never expires; the same arguments
// give the same token.
func (s *Server) UserToken(userID string, scopes ...string) string {
	if len(scopes) == 0 {
		scopes = s.allScopes()
	}
	scopes = append([]string(nil), scopes...)
	sort.Strings(scopes)
	tok := "fakexU2-" + userID + "-" + derive("user-token", userID, strings.Join(scopes, " "))[:24]
	s.auth.mu.Lock()
	s.auth.tokens[tok] = &tokenInfo{userID: userID, scopes: scopes}
	s.auth.mu.Unlock()
	return tok
}

// RevokeToken makes an OAuth 2.0 user access token invalid, as POST /2/oauth2/revoke does.
func (s *Server) RevokeToken(token string) {
	s.auth.mu.Lock()
	if t := s.auth.tokens[token]; t != nil {
		t.revoked = true
	}
	s.auth.mu.Unlock()
}

// OAuth1Credentials are the four secrets of an OAuth 1.0a user-context request.
type OAuth1Credentials struct {
	ConsumerKey    string
	ConsumerSecret string
	Token          string
	TokenSecret    string
}

// OAuth1 returns OAuth 1.0a credentials acting as userID. They are derived from the user
// id, so they are the same in every run.
func (s *Server) OAuth1(userID string) OAuth1Credentials {
	return OAuth1Credentials{
		ConsumerKey:    appConsumerKey,
		ConsumerSecret: appConsumerSecret,
		Token:          userID + "-" + derive("oauth1-token", userID)[:30],
		TokenSecret:    derive("oauth1-secret", userID)[:45],
	}
}

// authenticate finds who sent the request and whether the operation accepts them,
// per the operation's security requirements in the document.
func (s *Server) authenticate(c *call) (principal, *apiProblem) {
	sec := c.rt.security
	if len(sec) == 0 {
		return principal{}, nil
	}
	h := c.r.Header.Get("Authorization")
	var p principal
	switch {
	case h == "":
		return p, unauthorized()
	case len(h) > 7 && strings.EqualFold(h[:7], "Bearer "):
		tok := strings.TrimSpace(h[7:])
		if tok == appBearer {
			p = principal{kind: authApp, token: tok}
			break
		}
		s.auth.mu.Lock()
		info := s.auth.tokens[tok]
		s.auth.mu.Unlock()
		if info == nil || info.revoked || (!info.expires.IsZero() && !s.clock.Now().Before(info.expires)) {
			return p, unauthorized()
		}
		p = principal{kind: authOAuth2User, userID: info.userID, token: tok, scopes: set{}}
		for _, sc := range info.scopes {
			p.scopes[sc] = true
		}
	case len(h) > 6 && strings.EqualFold(h[:6], "OAuth "):
		userID, err := s.verifyOAuth1(c.r, h, c.body)
		if err != nil {
			return p, unauthorized()
		}
		p = principal{kind: authOAuth1User, userID: userID}
	default:
		return p, unauthorized()
	}
	s.mu.RLock()
	exists := p.userID == "" || s.w.user(p.userID) != nil
	s.mu.RUnlock()
	if !exists {
		return p, unauthorized()
	}

	var supported []string
	var missing []string
	for _, req := range sec {
		for name, scopes := range req {
			switch name {
			case "BearerToken":
				supported = append(supported, authApp.String())
				if p.kind == authApp {
					return p, nil
				}
			case "OAuth2UserToken":
				supported = append(supported, authOAuth2User.String())
				if p.kind == authOAuth2User {
					missing = missing[:0]
					for _, sc := range scopes {
						if !p.scopes[sc] {
							missing = append(missing, sc)
						}
					}
					if len(missing) == 0 {
						return p, nil
					}
				}
			case "UserToken":
				supported = append(supported, authOAuth1User.String())
				if p.kind == authOAuth1User {
					return p, nil
				}
			}
		}
	}
	if len(missing) > 0 {
		pr := forbidden("Missing OAuth 2.0 scopes for this endpoint: [" + strings.Join(missing, ", ") + "].")
		pr.Scope = strings.Join(missing, " ")
		return p, pr
	}
	sort.Strings(supported)
	return p, unsupportedAuth("Authenticating with " + p.kind.String() + " is forbidden for this endpoint.  Supported authentication types are [" +
		strings.Join(supported, ", ") + "].")
}

// actingUser checks that a path parameter naming "the authenticated user" is that user,
// as X does for mutations; it returns a 403 problem when it is someone else.
func actingUser(c *call, param string) *apiProblem {
	if c.path[param] != c.who.userID {
		return forbidden("You are not permitted to perform this action on behalf of another user.")
	}
	return nil
}
