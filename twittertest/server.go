package twittertest

import (
	"context"
	"net/http"
	"time"

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

// World reads the server's current data, to compare with what your program saw. Every
// method of World takes a consistent snapshot and returns copies.
func (s *Server) World() *World { return s.s.World() }

// Fault is a failure for Inject to make a route suffer.
type Fault struct {
	Kind   FaultKind     // FaultStatus, FaultHTML, FaultRateLimit, ...
	Status int           // the status of FaultStatus, FaultStatusNoJSON and FaultHTML (default 503, 502)
	Times  int           // how many requests suffer it; 0 means every one
	After  int           // let this many matching requests through first
	Delay  time.Duration // FaultStall: the pause; FaultSlowDrip: between chunks; FaultRateLimit: until the reset
	// RetryAfter, when set, is sent as a Retry-After header (whole seconds) with the
	// answer, as a 503 saying when to come back.
	RetryAfter time.Duration
}

// Inject makes a route fail: route is "METHOD /2/path/{param}" as in the document, an
// operationId, or "*" for every operation. Faults are tried in the order injected; the
// first that applies wins. Inject panics on a route the document does not have.
func (s *Server) Inject(route string, f Fault) {
	s.s.Inject(route, testserver.Fault{Kind: f.Kind, Status: f.Status, Times: f.Times, After: f.After, Delay: f.Delay, RetryAfter: f.RetryAfter})
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() { s.s.ClearFaults() }

// ResetRateLimits forgets every rate-limit window, as if all had just reset.
func (s *Server) ResetRateLimits() { s.s.ResetRateLimits() }

// EmitTweet adds Tweets to the world and pushes them to the connected streams (the sample
// stream gets each, the filtered stream those a rule matches). Zero fields are filled
// in; it returns the Tweets as stored.
func (s *Server) EmitTweet(tweets ...Tweet) []Tweet { return s.s.EmitTweet(tweets...) }

// EmitComplianceEvent pushes events to the connected compliance and label streams of
// their Stream and partition (see StreamPartition), changing nothing in the world.
func (s *Server) EmitComplianceEvent(evs ...ComplianceEvent) error {
	return s.s.EmitComplianceEvent(evs...)
}

// EmitLike pushes a like of a Tweet by a user to the connected likes streams, without
// recording it in the world.
func (s *Server) EmitLike(userID, tweetID string) (Like, error) { return s.s.EmitLike(userID, tweetID) }

// DisconnectStreams ends every open stream with an operational-disconnect problem of the
// given disconnect_type ("" for "OperationalDisconnect"), as X does, and returns how many
// it ended.
func (s *Server) DisconnectStreams(disconnectType string) int {
	return s.s.DisconnectStreams(disconnectType)
}

// StreamConnections counts the open connections of a stream route ("GET
// /2/tweets/sample/stream", "streamFiltered"); "" counts every stream.
func (s *Server) StreamConnections(route string) int { return s.s.StreamConnections(route) }

// WaitStreamConnections waits until a stream route has at least n open connections, or
// ctx ends.
func (s *Server) WaitStreamConnections(ctx context.Context, route string, n int) error {
	return s.s.WaitStreamConnections(ctx, route, n)
}

// DeliverEvent POSTs event (an activity's JSON) to the registered webhook webhookID,
// signed as X signs deliveries, and returns the receiver's status code.
// ErrWebhookInvalid: the webhook failed its CRC check.
func (s *Server) DeliverEvent(ctx context.Context, webhookID string, event []byte) (int, error) {
	return s.s.DeliverEvent(ctx, webhookID, event)
}

// DeliverEventWithSignature is DeliverEvent with a signature of your choosing, to show
// that a receiver refuses a forged event.
func (s *Server) DeliverEventWithSignature(ctx context.Context, webhookID string, event []byte, signature string) (int, error) {
	return s.s.DeliverEventWithSignature(ctx, webhookID, event, signature)
}

// DeliverActivity sends event to every valid webhook userID is subscribed to, and returns
// how many answered 2xx.
func (s *Server) DeliverActivity(ctx context.Context, userID string, event []byte) (int, error) {
	return s.s.DeliverActivity(ctx, userID, event)
}

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
