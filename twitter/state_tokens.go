package twitter

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// DefaultRefreshLease is how long a Client sharing a user's token (StateUser) holds the
// refresh lease, unless RefreshLease says otherwise: its refresh request must finish
// within it, and others wait at most about this long for a holder that died.
const DefaultRefreshLease = 10 * time.Second

// StateUser makes a Client built WithState keep the user's token in the State, under a
// key made of the app's client id and user (the user's id, say; any name the Clients of
// that user agree on). The token given to WithOAuth2Token is stored only if the State
// has none for the user yet: the stored one, perhaps rotated by another Client since,
// wins. The token may then be nil, for Clients that find it in the State. To replace the
// stored token with one of a new authorization, use SetStateToken.
//
// When the token needs a refresh, one Client takes the State's lease, refreshes, stores
// the rotated token and calls OnTokenRefresh with it; the others wait until it is stored
// and go on with it.
func StateUser(user string) OAuth2Option {
	return func(a *oauth2UserAuth) error {
		if user == "" {
			return errors.New("StateUser: empty user")
		}
		a.stateUser = user
		return nil
	}
}

// SetStateToken stores tok in s as the token of user (as StateUser names them) for the
// app cfg, replacing any stored one: for the token of a new authorization, after the
// stored one was revoked or its refresh token rejected. Clients sharing the user load it
// when their cached token stops working, and those that were failing with
// ErrReauthorizationRequired go on with it at their next call.
func SetStateToken(ctx context.Context, s TokenState, cfg *OAuth2Config, user string, tok *oauth2.Token) error {
	switch {
	case ctx == nil:
		return errors.New("twitter: SetStateToken: nil context")
	case s == nil || cfg == nil || user == "":
		return errors.New("twitter: SetStateToken: nil State or config, or empty user")
	case tok == nil || tok.AccessToken == "" && tok.RefreshToken == "":
		return errors.New("twitter: SetStateToken: the token has neither an access token nor a refresh token")
	}
	key := StateKey("oauth2-user", cfg.ClientID, user)
	for range 10 { // another Client storing meanwhile moves the version on; try again
		_, version, err := s.LoadToken(ctx, key)
		if err != nil {
			return stateTokenError("loading the token", err)
		}
		ok, err := s.StoreToken(ctx, key, version, tok)
		if err != nil {
			return stateTokenError("storing the token", err)
		}
		if ok {
			return nil
		}
	}
	return errors.New("twitter: SetStateToken: the stored token kept changing; not stored")
}

// RefreshLease sets how long a sharing Client holds the refresh lease
// (DefaultRefreshLease by default). It bounds the refresh request, and how long the
// others wait for a holder that died before they take the lease themselves.
func RefreshLease(d time.Duration) OAuth2Option {
	return func(a *oauth2UserAuth) error {
		if d < 100*time.Millisecond {
			return fmt.Errorf("RefreshLease: %v is shorter than 100ms", d)
		}
		a.lease = d
		return nil
	}
}

// sharedTokens is the token provider of WithOAuth2Token with StateUser: the token lives
// in the State, and a local cache spares a State round trip per request while the token
// is usable.
type sharedTokens struct {
	cache   *tokenCache
	state   TokenState
	user    string // the key of the user's token
	initial *oauth2.Token
	ep      tokenEndpoint
	usable  func(*oauth2.Token) bool
	lease   time.Duration
	poll    time.Duration
	save    func(context.Context, *oauth2.Token) error
	logger  *slog.Logger

	mu      sync.Mutex
	seeded  bool
	pending *sharedRefresh // refreshed; not yet stored, or OnTokenRefresh not yet called
	// dead is the stored token (nil: none was stored) that failed in a way only a new
	// authorization fixes; the cache's failure stands until the State holds another.
	dead *oauth2.Token
}

// sharedRefresh is a token this Client refreshed from the stored version.
type sharedRefresh struct {
	tok     *oauth2.Token
	version int64 // the stored version it replaces
	stored  bool
}

func newSharedTokens(a *oauth2UserAuth, env authEnv, state TokenState, key string) *sharedTokens {
	p := &sharedTokens{
		state:   state,
		user:    key,
		initial: copyToken(a.initial),
		ep:      a.endpoint(env),
		lease:   a.lease,
		poll:    25 * time.Millisecond,
		save:    a.onRefresh,
		logger:  env.logger,
	}
	if p.lease == 0 {
		p.lease = DefaultRefreshLease
	}
	p.usable = func(t *oauth2.Token) bool {
		return t != nil && t.AccessToken != "" && (t.Expiry.IsZero() || env.now().Add(a.margin).Before(t.Expiry))
	}
	p.cache = &tokenCache{fetch: p.fetchOrMarkDead, usable: p.usable, revive: p.revived}
	return p
}

// fetchOrMarkDead is fetch, remembering which stored token needs the user again.
func (p *sharedTokens) fetchOrMarkDead(ctx context.Context, cur *oauth2.Token, forced bool) (*oauth2.Token, error) {
	tok, err := p.fetch(ctx, cur, forced)
	if err != nil && IsReauthorizationRequired(err) {
		// What the State holds now: what failed, or nothing. A read error leaves the
		// failure standing until a read succeeds and shows a change.
		stored, _, lerr := p.state.LoadToken(ctx, p.user)
		p.mu.Lock()
		if lerr == nil {
			p.dead = copyToken(stored)
		} else {
			p.dead = cur
		}
		p.mu.Unlock()
	}
	return tok, err
}

// revived reports whether the State now holds another token than the one that needed
// a new authorization: SetStateToken stored the user's new authorization, here or in
// another process, and the Client can go on without being made again.
func (p *sharedTokens) revived(ctx context.Context) bool {
	stored, _, err := p.state.LoadToken(ctx, p.user)
	if err != nil || stored == nil {
		return false
	}
	p.mu.Lock()
	dead := p.dead
	p.mu.Unlock()
	return dead == nil || stored.AccessToken != dead.AccessToken || stored.RefreshToken != dead.RefreshToken
}

func (p *sharedTokens) token(ctx context.Context) (*oauth2.Token, error) {
	if err := p.flush(ctx); err != nil {
		return nil, err
	}
	tok, err := p.cache.token(ctx)
	if err != nil {
		return nil, err
	}
	return tok, p.flush(ctx)
}

func (p *sharedTokens) renew(ctx context.Context, stale *oauth2.Token) (*oauth2.Token, error) {
	tok, err := p.cache.renew(ctx, stale)
	if err != nil {
		return nil, err
	}
	return tok, p.flush(ctx)
}

// fetch finds a usable token other than the one the API rejected (when forced): in the
// State, or by refreshing the stored one under the lease, or by waiting for the lease's
// holder to store its refresh. It waits at most about two leases.
func (p *sharedTokens) fetch(ctx context.Context, cur *oauth2.Token, forced bool) (*oauth2.Token, error) {
	if err := p.seed(ctx); err != nil {
		return nil, err
	}
	rejected := ""
	if forced && cur != nil {
		rejected = cur.AccessToken
	}
	deadline := time.Now().Add(2*p.lease + time.Second)
	for {
		tok, _, err := p.state.LoadToken(ctx, p.user)
		if err != nil {
			return nil, stateTokenError("loading the token", err)
		}
		if tok == nil {
			return nil, fmt.Errorf("twitter: the State holds no OAuth 2.0 token for this user (StateUser); authorize the app and give WithOAuth2Token the token: %w", ErrReauthorizationRequired)
		}
		if tok.AccessToken != rejected && p.usable(tok) {
			return tok, nil
		}
		id, ok, err := p.state.AcquireLease(ctx, p.user, p.lease)
		if err != nil {
			return nil, stateTokenError("taking the refresh lease", err)
		}
		if ok {
			return p.refresh(ctx, id, rejected)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("twitter: gave up waiting for another Client to refresh the shared OAuth 2.0 token (its lease is %v and it has not stored a token)", p.lease)
		}
		if err := sleep(ctx, p.poll); err != nil {
			return nil, err
		}
	}
}

// refresh runs under the lease id: it refreshes the stored token unless another Client
// stored a usable one meanwhile, stores the rotated token and releases the lease.
func (p *sharedTokens) refresh(ctx context.Context, id, rejected string) (*oauth2.Token, error) {
	defer func() {
		// A lease left behind only delays the others until it runs out; release it even
		// when ctx has ended.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.lease)
		defer cancel()
		if err := p.state.ReleaseLease(rctx, p.user, id); err != nil {
			p.logger.LogAttrs(ctx, slog.LevelWarn, "twitter: could not release the shared refresh lease; it will run out", slog.Any("error", err))
		}
	}()
	tok, version, err := p.state.LoadToken(ctx, p.user)
	if err != nil {
		return nil, stateTokenError("loading the token", err)
	}
	if tok == nil {
		return nil, fmt.Errorf("twitter: the State holds no OAuth 2.0 token for this user (StateUser): %w", ErrReauthorizationRequired)
	}
	if tok.AccessToken != rejected && p.usable(tok) {
		return tok, nil // stored by the lease's previous holder
	}
	if tok.RefreshToken == "" {
		return nil, fmt.Errorf("twitter: the shared OAuth 2.0 access token expired or was rejected, and there is no refresh token to renew it (ask for the offline.access scope to get one): %w", ErrReauthorizationRequired)
	}
	rctx, cancel := context.WithTimeout(ctx, p.lease)
	fresh, err := refreshWith(rctx, p.ep, tok.RefreshToken)
	cancel()
	if err != nil {
		if IsReauthorizationRequired(err) {
			p.logger.LogAttrs(ctx, slog.LevelError, "twitter: the shared OAuth 2.0 refresh token was rejected; the user must authorize the app again", slog.Any("error", err))
		}
		return nil, err
	}
	p.logger.LogAttrs(ctx, slog.LevelInfo, "twitter: refreshed the shared OAuth 2.0 user token", slog.Time("expiry", fresh.Expiry))
	p.mu.Lock()
	p.pending = &sharedRefresh{tok: fresh, version: version}
	p.mu.Unlock()
	if err := p.flush(ctx); err != nil {
		p.logger.LogAttrs(ctx, slog.LevelError, "twitter: refreshed the shared token but could not store it; will try again before the next request", slog.Any("error", err))
	}
	return fresh, nil
}

// seed stores the token given to WithOAuth2Token if the State has none, once.
func (p *sharedTokens) seed(ctx context.Context) error {
	p.mu.Lock()
	done := p.seeded || p.initial == nil
	p.mu.Unlock()
	if done {
		return nil
	}
	if _, err := p.state.StoreToken(ctx, p.user, 0, p.initial); err != nil {
		return stateTokenError("storing the initial token", err)
	}
	p.mu.Lock()
	p.seeded = true
	p.mu.Unlock()
	return nil
}

// flush stores the token this Client refreshed, if that has not been done, and calls
// OnTokenRefresh with it. The token stays in use meanwhile; the request fails with the
// error, so that the caller hears that the rotated token is not saved.
func (p *sharedTokens) flush(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock() // held across the calls: one flush at a time, in order
	r := p.pending
	if r == nil {
		return nil
	}
	if !r.stored {
		ok, err := p.state.StoreToken(ctx, p.user, r.version, r.tok)
		if err != nil {
			return stateTokenError("storing the refreshed token (it is in use here, and will be stored again before the next request)",
				scrubError(err, []string{r.tok.AccessToken, r.tok.RefreshToken}))
		}
		if !ok {
			p.logger.LogAttrs(ctx, slog.LevelWarn, "twitter: another Client stored a token while this one refreshed under an expired lease; this Client goes on with its own, the State keeps the other")
		}
		r.stored = true
	}
	if p.save != nil {
		if err := p.save(ctx, copyToken(r.tok)); err != nil {
			err = scrubError(err, []string{r.tok.AccessToken, r.tok.RefreshToken})
			p.logger.LogAttrs(ctx, slog.LevelError, "twitter: OnTokenRefresh failed; will try again before the next request", slog.Any("error", err))
			return &saveError{err: err}
		}
	}
	p.pending = nil
	return nil
}

func stateTokenError(doing string, err error) error {
	return fmt.Errorf("twitter: shared OAuth 2.0 token: %s: %w", doing, err)
}
