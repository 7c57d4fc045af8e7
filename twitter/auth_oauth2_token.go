package twitter

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// DefaultRefreshMargin is how long before its expiry an OAuth 2.0 user token is
// refreshed, unless RefreshMargin says otherwise.
const DefaultRefreshMargin = time.Minute

// An OAuth2Option tunes how WithOAuth2Token keeps the user's token fresh.
type OAuth2Option func(*oauth2UserAuth) error

// OnTokenRefresh sets a function called with every token the client obtains by
// refreshing, before the token is used. X rotates refresh tokens: once refreshed, the
// previous refresh token no longer works, so a program that stores tokens must save each
// new one here or lose the user's authorization when it restarts.
//
// If fn returns an error, the request that needed the token fails with an error wrapping
// it; the new token stays in use in memory, and fn is called with it again before each
// following request until it succeeds. fn may thus see the same token more than once.
// Calls never overlap. ctx is the context of the request that caused the refresh.
func OnTokenRefresh(fn func(ctx context.Context, tok *oauth2.Token) error) OAuth2Option {
	return func(a *oauth2UserAuth) error {
		if fn == nil {
			return errors.New("OnTokenRefresh: nil function")
		}
		a.onRefresh = fn
		return nil
	}
}

// RefreshMargin sets how long before its expiry the token is refreshed
// (DefaultRefreshMargin by default), so that it does not expire while a request is on
// its way. Zero refreshes only once the token has expired.
func RefreshMargin(d time.Duration) OAuth2Option {
	return func(a *oauth2UserAuth) error {
		if d < 0 {
			return fmt.Errorf("RefreshMargin: negative margin %v", d)
		}
		a.margin = d
		return nil
	}
}

// WithOAuth2Token makes the client act as a user, with the OAuth 2.0 token cfg's
// authorization flow gave (Exchange), or one loaded from storage.
//
// The client refreshes the token with its refresh token (present when the user granted
// ScopeOfflineAccess) shortly before it expires, and once when the API answers 401;
// concurrent requests share one refresh. Save rotated tokens with OnTokenRefresh. When
// the token cannot be renewed (no refresh token, or X rejected it) calls fail with an
// error for which IsReauthorizationRequired is true, without further token requests.
//
// The client keeps its own copy of tok. Give each token to one Client only: since X
// rotates refresh tokens, two Clients refreshing the same token would invalidate each
// other's. To share tokens between clients or processes, use WithTokenSource.
func WithOAuth2Token(cfg *OAuth2Config, tok *oauth2.Token, opts ...OAuth2Option) Option {
	return func(c *config) error {
		if err := cfg.validate(); err != nil {
			return fmt.Errorf("WithOAuth2Token: %w", err)
		}
		if tok != nil && strings.TrimSpace(tok.AccessToken) == "" && strings.TrimSpace(tok.RefreshToken) == "" {
			return errors.New("WithOAuth2Token: the token has neither an access token nor a refresh token")
		}
		// A nil token is for StateUser, which loads it from the State (checkState).
		if tok != nil {
			for _, f := range []struct{ what, v string }{{"AccessToken", tok.AccessToken}, {"RefreshToken", tok.RefreshToken}} {
				if f.v == "" {
					continue
				}
				if err := checkSecret("WithOAuth2Token", f.what, f.v); err != nil {
					return err
				}
			}
		}
		a := &oauth2UserAuth{cfg: *cfg, clientSecret: newSecret(cfg.ClientSecret), initial: copyToken(tok), margin: DefaultRefreshMargin}
		a.cfg.ClientSecret = "" // kept in clientSecret, which never prints
		a.cfg.Scopes = append([]Scope(nil), cfg.Scopes...)
		for _, opt := range opts {
			if opt == nil {
				continue
			}
			if err := opt(a); err != nil {
				return fmt.Errorf("WithOAuth2Token: %w", err)
			}
		}
		return c.setAuth("WithOAuth2Token", a)
	}
}

// oauth2UserAuth is WithOAuth2Token's authenticator.
type oauth2UserAuth struct {
	cfg          OAuth2Config // without its ClientSecret
	clientSecret secret
	initial      *oauth2.Token
	onRefresh    func(context.Context, *oauth2.Token) error
	margin       time.Duration
	stateUser    string        // StateUser: the token lives in the Client's State
	lease        time.Duration // RefreshLease
}

func (a *oauth2UserAuth) name() string { return "OAuth 2.0 user context" }

func (a *oauth2UserAuth) wrap(next http.RoundTripper, env authEnv) http.RoundTripper {
	if a.stateUser != "" && env.state != nil {
		return &tokenTransport{next: next, src: newSharedTokens(a, env, env.state, env.stateID), logger: env.logger}
	}
	p := &userTokens{
		ep:     a.endpoint(env),
		save:   a.onRefresh,
		now:    env.now,
		logger: env.logger,
		saving: make(chan struct{}, 1),
	}
	p.cache = &tokenCache{
		fetch: p.fetch,
		usable: func(t *oauth2.Token) bool {
			return t.AccessToken != "" && (t.Expiry.IsZero() || env.now().Add(a.margin).Before(t.Expiry))
		},
		tok: copyToken(a.initial),
	}
	return &tokenTransport{next: next, src: p, logger: env.logger}
}

// endpoint is the token endpoint the authenticator refreshes at, with its client secret,
// decoding answers with the client's decoder.
func (a *oauth2UserAuth) endpoint(env authEnv) tokenEndpoint {
	ep := a.cfg.endpoint(env.tokenClient, env.now)
	ep.clientSecret = a.clientSecret
	ep.dec = env.decoder
	return ep
}

// String keeps the tokens and the client secret out of %v.
func (a *oauth2UserAuth) String() string {
	return fmt.Sprintf("oauth2UserAuth{client: %q, client secret: REDACTED, token: REDACTED}", a.cfg.ClientID)
}

// Format prints String for every verb, %#v included.
func (a *oauth2UserAuth) Format(f fmt.State, _ rune) { fmt.Fprint(f, a.String()) }

// LogValue keeps the tokens out of logs.
func (a *oauth2UserAuth) LogValue() slog.Value { return slog.StringValue(a.String()) }

// userTokens is the token provider of WithOAuth2Token: a cache refreshed with the refresh
// token, and the rotated tokens still to be saved.
type userTokens struct {
	cache  *tokenCache
	ep     tokenEndpoint
	save   func(context.Context, *oauth2.Token) error
	now    func() time.Time
	logger *slog.Logger

	saving  chan struct{} // a one-slot semaphore: one save at a time
	mu      sync.Mutex
	pending *oauth2.Token // refreshed, not yet saved
}

func (p *userTokens) token(ctx context.Context) (*oauth2.Token, error) {
	tok, err := p.cache.token(ctx)
	if err != nil {
		return nil, err
	}
	return tok, p.flush(ctx)
}

func (p *userTokens) renew(ctx context.Context, stale *oauth2.Token) (*oauth2.Token, error) {
	tok, err := p.cache.renew(ctx, stale)
	if err != nil {
		return nil, err
	}
	return tok, p.flush(ctx)
}

// fetch refreshes cur. Without a refresh token, cur is used until it expires.
func (p *userTokens) fetch(ctx context.Context, cur *oauth2.Token, forced bool) (*oauth2.Token, error) {
	if cur.RefreshToken == "" {
		if !forced && cur.AccessToken != "" && (cur.Expiry.IsZero() || p.now().Before(cur.Expiry)) {
			return cur, nil // inside the refresh margin, and nothing to refresh with
		}
		why := "expired"
		if forced {
			why = "was rejected by the API (401)"
		}
		return nil, fmt.Errorf("twitter: the OAuth 2.0 access token %s and there is no refresh token to renew it (ask for the offline.access scope to get one): %w",
			why, ErrReauthorizationRequired)
	}
	tok, err := refreshWith(ctx, p.ep, cur.RefreshToken)
	if err != nil {
		if IsReauthorizationRequired(err) {
			p.logger.LogAttrs(ctx, slog.LevelError, "twitter: the OAuth 2.0 refresh token was rejected; the user must authorize the app again",
				slog.Any("error", err))
		}
		return nil, err
	}
	p.logger.LogAttrs(ctx, slog.LevelInfo, "twitter: refreshed the OAuth 2.0 user token",
		slog.Time("expiry", tok.Expiry), slog.Bool("after_401", forced))
	if p.save != nil {
		p.mu.Lock()
		p.pending = tok
		p.mu.Unlock()
	}
	return tok, nil
}

// flush saves the last refreshed token if it has not been saved yet.
func (p *userTokens) flush(ctx context.Context) error {
	p.mu.Lock()
	t := p.pending
	p.mu.Unlock()
	if t == nil {
		return nil
	}
	select {
	case p.saving <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-p.saving }()
	p.mu.Lock()
	t = p.pending // another caller may have saved it, or a newer one, meanwhile
	p.mu.Unlock()
	if t == nil {
		return nil
	}
	if err := p.save(ctx, copyToken(t)); err != nil {
		err = scrubError(err, []string{t.AccessToken, t.RefreshToken})
		p.logger.LogAttrs(ctx, slog.LevelError, "twitter: OnTokenRefresh failed; will try again before the next request", slog.Any("error", err))
		return &saveError{err: err}
	}
	p.mu.Lock()
	if p.pending == t {
		p.pending = nil
	}
	p.mu.Unlock()
	return nil
}

// saveError is OnTokenRefresh failing. The retry policy does not retry it: the caller
// should hear that tokens are not being saved.
type saveError struct{ err error }

func (e *saveError) Error() string {
	return "twitter: the OAuth 2.0 token was refreshed but OnTokenRefresh failed (the new token is in use, and will be saved again before the next request): " + e.err.Error()
}

func (e *saveError) Unwrap() error { return e.err }

// copyToken returns a copy the caller may change without affecting the original.
func copyToken(t *oauth2.Token) *oauth2.Token {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}

// WithTokenSource makes the client send the tokens of ts, which owns refreshing and
// storing them: a golang.org/x/oauth2 TokenSource, or one backed by a store shared by
// several clients or processes. ts.Token is called for every request (wrap it in
// oauth2.ReuseTokenSource to cache), and once more when the API answers 401; if it then
// returns the same token, the 401 is returned. ts must be safe for concurrent use.
//
// oauth2.TokenSource takes no context, so a cancelled request cannot interrupt it.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return func(c *config) error {
		if ts == nil {
			return errors.New("WithTokenSource: nil token source")
		}
		return c.setAuth("WithTokenSource", sourceAuth{token: ts.Token, kind: fmt.Sprintf("%T", ts)})
	}
}

// sourceAuth keeps the source as its Token method: the source may hold tokens (as
// oauth2.StaticTokenSource does), and a func prints as an address whatever the verb.
type sourceAuth struct {
	token func() (*oauth2.Token, error)
	kind  string // the source's type, for String
}

func (a sourceAuth) name() string { return "OAuth 2.0 token source" }

func (a sourceAuth) wrap(next http.RoundTripper, env authEnv) http.RoundTripper {
	return &tokenTransport{next: next, src: sourceTokens{fetch: a.token}, logger: env.logger}
}

// String describes the source by type only: it may hold secrets.
func (a sourceAuth) String() string { return "sourceAuth{" + a.kind + "}" }

// Format prints String for every verb, %#v included.
func (a sourceAuth) Format(f fmt.State, _ rune) { fmt.Fprint(f, a.String()) }

// LogValue keeps the source out of logs.
func (a sourceAuth) LogValue() slog.Value { return slog.StringValue(a.String()) }

// sourceTokens adapts an oauth2.TokenSource to a tokenProvider.
type sourceTokens struct{ fetch func() (*oauth2.Token, error) }

func (s sourceTokens) token(ctx context.Context) (*oauth2.Token, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tok, err := s.fetch()
	if err != nil {
		return nil, sourceError(err)
	}
	if tok == nil || tok.AccessToken == "" {
		return nil, errors.New("twitter: the token source returned no access token")
	}
	return tok, nil
}

func (s sourceTokens) renew(ctx context.Context, stale *oauth2.Token) (*oauth2.Token, error) {
	tok, err := s.token(ctx)
	if err != nil {
		return nil, err
	}
	if tok.AccessToken == stale.AccessToken {
		return nil, errKeep401
	}
	return tok, nil
}

// sourceError turns an error of a golang.org/x/oauth2 token source into one that cannot
// print the token request (RetrieveError keeps the response, and through it the request
// with its credentials) and that IsReauthorizationRequired understands.
func sourceError(err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		return fmt.Errorf("twitter: token source: %w", err)
	}
	te := &TokenError{Grant: "refresh_token", Code: re.ErrorCode, Description: re.ErrorDescription}
	if re.Response != nil {
		te.StatusCode = re.Response.StatusCode
		if re.Response.Request != nil && re.Response.Request.URL != nil {
			u := *re.Response.Request.URL
			u.User, u.RawQuery = nil, ""
			te.URL = u.String()
		}
	}
	if te.Code == "" {
		te.Body = excerpt(re.Body)
	}
	return markReauth(te)
}
