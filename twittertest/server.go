package twittertest

import (
	"net/http"

	"github.com/twitterkit/go/internal/testserver"
)

// Server is a running fake X API, from Start (one per test) or New. Its methods give the
// credentials it accepts, read its world, inject faults, drive its streams and webhooks,
// and report the requests that broke the API document.
type Server struct{ s *testserver.Server }

// URL returns the base URL, e.g. "http://127.0.0.1:41234", for twitter.WithBaseURL (the
// API is under /2/; the base URL is without it).
func (s *Server) URL() string { return s.s.URL() }

// Close stops the server: streams end, connections close, and no goroutine of the server
// is left when it returns. Start closes it when the test ends; calling it again does
// nothing.
func (s *Server) Close() { s.s.Close() }

// ServeHTTP serves a request as the server would, for an http.Handler of your own.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.s.ServeHTTP(w, r) }

// AppBearerToken returns the app-only bearer token the server accepts
// (twitter.WithBearerToken), the one POST /oauth2/token hands out for AppCredentials.
func (s *Server) AppBearerToken() string { return s.s.AppBearerToken() }

// AppCredentials returns the app's consumer key and secret (twitter.WithAppCredentials),
// also the consumer half of OAuth 1.0a.
func (s *Server) AppCredentials() (consumerKey, consumerSecret string) { return s.s.AppCredentials() }

// UserToken mints an OAuth 2.0 user access token for userID with the given scopes (none
// means every scope). It never expires; the same arguments give the same token.
func (s *Server) UserToken(userID string, scopes ...string) string {
	return s.s.UserToken(userID, scopes...)
}

// RevokeToken makes an OAuth 2.0 user access token invalid, as POST /2/oauth2/revoke does.
func (s *Server) RevokeToken(token string) { s.s.RevokeToken(token) }

// OAuth1Credentials act as one user with OAuth 1.0a (twitter.WithOAuth1).
type OAuth1Credentials struct {
	ConsumerKey, ConsumerSecret, Token, TokenSecret string
}

// OAuth1 returns OAuth 1.0a credentials acting as userID, the same in every run.
func (s *Server) OAuth1(userID string) OAuth1Credentials {
	c := s.s.OAuth1(userID)
	return OAuth1Credentials{ConsumerKey: c.ConsumerKey, ConsumerSecret: c.ConsumerSecret, Token: c.Token, TokenSecret: c.TokenSecret}
}

// OAuth2Client is the OAuth 2.0 client registered with the server, and its endpoints,
// for twitter.OAuth2Config.
type OAuth2Client struct {
	ClientID     string
	ClientSecret string
	RedirectURL  string // the only redirect URI the authorize endpoint accepts
	AuthorizeURL string // GET; approves at once as the WithAuthorizingUser user
	TokenURL     string // POST /2/oauth2/token
}

// OAuth2Client returns the registered OAuth 2.0 client and the server's endpoints.
func (s *Server) OAuth2Client() OAuth2Client {
	c := s.s.OAuth2Client()
	return OAuth2Client{ClientID: c.ClientID, ClientSecret: c.ClientSecret, RedirectURL: c.RedirectURL,
		AuthorizeURL: c.AuthorizeURL, TokenURL: c.TokenURL}
}

// ResetRateLimits forgets every rate-limit window, as if all had just reset.
func (s *Server) ResetRateLimits() { s.s.ResetRateLimits() }

// Violation is a request or response that broke the API document.
type Violation struct {
	OperationID string // the document's operationId, e.g. "lookupTweet"
	Route       string // "METHOD /2/path/{param}"
	Kind        string // "request" or "response"
	Status      int    // the response's status, for Kind "response"
	Message     string // what broke, naming the parameter or the JSON field
}

// Violations returns every contract violation seen so far. Under Start each has also
// failed the test.
func (s *Server) Violations() []Violation {
	var out []Violation
	for _, v := range s.s.Violations() {
		out = append(out, Violation{OperationID: v.OperationID, Route: v.Route, Kind: v.Kind, Status: v.Status, Message: v.Message})
	}
	return out
}
