package twitter

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"golang.org/x/oauth2"
)

// State is what Clients share when several of them act for the same app or the same
// users: in one process, or in many (workers of a crawler, replicas of a web app). X
// counts rate limits per app or per user, not per process, and rotates OAuth 2.0 refresh
// tokens, so Clients that do not share both overrun the limits together and invalidate
// each other's refresh tokens.
//
// A Client given a State with WithState takes one request from the shared window of an
// endpoint before sending it, and records the window each response reports; with
// WithOAuth2Token and StateUser, it keeps the user's token in the State and refreshes it
// under the State's lease, so that exactly one Client refreshes each expired token and
// the others go on with the rotated one.
//
// NewMemoryState shares within one process; the module github.com/twitterkit/go/redisstate
// shares through Redis. Without WithState, a Client keeps its windows and token to
// itself, as it always has, and does not hold requests back before X answers 429.
//
// Keys name a credential by a hash (see StateKey), never by a secret. Implementations
// must be safe for concurrent use.
type State interface {
	WindowState
	TokenState
}

// WindowState keeps rate-limit windows, each named by a key that stands for one
// credential (an app or a user) and one endpoint.
//
// A window is the RateLimit a response reported: the 15-minute window (Limit, Remaining,
// Reset) and the 24-hour quotas (App24Hour, User24Hour) where X reports them; each of the
// three is reserved from and recorded on its own. now is the Client's clock, less a
// second of slack for X's whole-second resets: a window is over once now is not before
// its Reset.
type WindowState interface {
	// Reserve takes one request from the windows of key, if none is spent. A window whose
	// Reset has passed is taken to have started over with its full Limit (its new Reset
	// is not known until a response reports it). A key with no window recorded yet
	// grants every request: nothing is known to hold it back.
	Reserve(ctx context.Context, key string, now time.Time) (Reservation, error)
	// Record stores the windows a response reported (those the response had no headers
	// for are left alone). Within one window, the smaller Remaining of the stored and the
	// reported wins, since other Clients' requests may be on their way; a later Reset
	// starts a new window; an earlier or already passed one is ignored.
	Record(ctx context.Context, key string, now time.Time, rl RateLimit) error
}

// Reservation is the answer of WindowState.Reserve.
type Reservation struct {
	// Granted means one request was taken from the windows (or nothing is known about
	// them): send it.
	Granted bool
	// Window is the state of the windows after the reservation. When Granted is false, at
	// least one of them has Remaining 0; its Reset says when to ask again (zero when the
	// window started over and its whole Limit is on its way, so its new Reset is not
	// known yet).
	Window RateLimit
}

// TokenState keeps one OAuth 2.0 token per user, named by a key (StateKey), with a
// version that changes with every store, and a lease that lets one Client at a time
// refresh it.
type TokenState interface {
	// LoadToken returns the user's token and its version; nil and 0 when none is stored.
	LoadToken(ctx context.Context, user string) (*oauth2.Token, int64, error)
	// StoreToken stores tok if the stored version is still version (0: no token stored)
	// and reports whether it did. The store's version is then another one.
	StoreToken(ctx context.Context, user string, version int64, tok *oauth2.Token) (bool, error)
	// AcquireLease takes the user's refresh lease for ttl if no one holds it, and returns
	// an id to release it with. ok is false while another holder's lease runs: a holder
	// that dies lets it run out.
	AcquireLease(ctx context.Context, user string, ttl time.Duration) (id string, ok bool, err error)
	// ReleaseLease ends the lease id, if it is still the one held.
	ReleaseLease(ctx context.Context, user, id string) error
}

// StateKey returns the name a Client gives a credential in a State: the first 128 bits of
// the SHA-256 of its parts, in hex. A key names the app or user, never holds a secret, and
// is the same in every process given the same credential.
func StateKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// WithState makes the Client share its rate-limit windows, and with WithOAuth2Token and
// StateUser the user's token, with the other Clients using s (see State). The Client
// still reports through RateLimit and RateLimits the windows its own responses showed.
//
// Before each request the Client reserves one from the endpoint's shared window. When a
// window is spent, the call waits for its reset if WithRateLimitWait allows that long,
// and otherwise fails, without sending, with the *Error X answers a request over the
// limit with (429 Too Many Requests, IsRateLimited). An error of s fails the call with
// an error saying so.
func WithState(s State) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("WithState: nil State")
		}
		c.state = s
		return nil
	}
}

// stateIdentity names the credentials of the client in the state, or says why it cannot.
func (c *config) stateIdentity() (string, error) {
	switch a := c.auth.(type) {
	case nil:
		return StateKey("anonymous"), nil
	case bearerAuth:
		return StateKey("app-bearer", a.token.reveal()), nil
	case *appAuth:
		return StateKey("app-credentials", a.key.reveal()), nil
	case oauth1Auth:
		return StateKey("oauth1-user", a.creds.consumerKey.reveal(), a.creds.token.reveal()), nil
	case *oauth2UserAuth:
		if a.stateUser == "" {
			return "", errors.New("WithState with WithOAuth2Token needs StateUser to name the user in the State")
		}
		return StateKey("oauth2-user", a.cfg.ClientID, a.stateUser), nil
	}
	return "", fmt.Errorf("WithState cannot name the credentials of %s: use WithOAuth2Token with StateUser, or no WithState", c.auth.name())
}

// checkState rejects state options that cannot work with the credentials.
func (c *config) checkState() error {
	if a, ok := c.auth.(*oauth2UserAuth); ok && c.state == nil {
		if a.stateUser != "" {
			return errors.New("StateUser needs WithState")
		}
		if a.initial == nil {
			return errors.New("WithOAuth2Token: no token, and no State to load one from")
		}
	}
	if c.state == nil {
		return nil
	}
	id, err := c.stateIdentity()
	c.stateID = id
	return err
}
