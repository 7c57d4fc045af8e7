package twitter

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// MemoryState is a State in memory, shared by the Clients of one process that are given
// it: they then reserve from the same rate-limit windows and refresh each user's token
// once. It is the reference for other States: the redisstate module's behaves the same.
// The zero value is not usable; call NewMemoryState.
type MemoryState struct {
	mu      sync.Mutex
	windows map[string]*sharedWindows
	tokens  map[string]storedToken
	leases  map[string]memoryLease
	version int64
	now     func() time.Time // lease expiry; tests may replace it
}

type storedToken struct {
	tok     *oauth2.Token
	version int64
}

type memoryLease struct {
	id      string
	expires time.Time
}

// NewMemoryState returns an empty MemoryState.
func NewMemoryState() *MemoryState {
	return &MemoryState{windows: map[string]*sharedWindows{}, tokens: map[string]storedToken{},
		leases: map[string]memoryLease{}, now: time.Now}
}

// String describes the state without its tokens.
func (m *MemoryState) String() string { return "twitter.MemoryState" }

// Reserve implements WindowState.
func (m *MemoryState) Reserve(ctx context.Context, key string, now time.Time) (Reservation, error) {
	if err := ctx.Err(); err != nil {
		return Reservation{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.windows[key]
	if w == nil {
		return Reservation{Granted: true}, nil
	}
	return w.reserve(now), nil
}

// Record implements WindowState.
func (m *MemoryState) Record(ctx context.Context, key string, now time.Time, rl RateLimit) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.windows[key]
	if w == nil {
		w = &sharedWindows{}
		m.windows[key] = w
	}
	w.record(now, rl)
	return nil
}

// LoadToken implements TokenState.
func (m *MemoryState) LoadToken(ctx context.Context, user string) (*oauth2.Token, int64, error) {
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.tokens[user]
	if !ok {
		return nil, 0, nil
	}
	return copyToken(st.tok), st.version, nil
}

// StoreToken implements TokenState.
func (m *MemoryState) StoreToken(ctx context.Context, user string, version int64, tok *oauth2.Token) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.tokens[user].version != version {
		return false, nil
	}
	m.version++
	m.tokens[user] = storedToken{tok: copyToken(tok), version: m.version}
	return true, nil
}

// AcquireLease implements TokenState.
func (m *MemoryState) AcquireLease(ctx context.Context, user string, ttl time.Duration) (string, bool, error) {
	if err := ctx.Err(); err != nil {
		return "", false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if l, held := m.leases[user]; held && now.Before(l.expires) {
		return "", false, nil
	}
	id := leaseID()
	m.leases[user] = memoryLease{id: id, expires: now.Add(ttl)}
	return id, true, nil
}

// ReleaseLease implements TokenState.
func (m *MemoryState) ReleaseLease(_ context.Context, user, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.leases[user].id == id {
		delete(m.leases, user)
	}
	return nil
}

// leaseID returns a random lease id.
func leaseID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // never fails
	return hex.EncodeToString(b)
}

// sharedWindows are the three windows of one key: the 15-minute one and the 24-hour quotas.
type sharedWindows struct{ main, app, user sharedWindow }

// sharedWindow is one shared window. A known window has limit > 0; reset zero means it started
// over and no response has reported its new reset yet.
type sharedWindow struct {
	limit, remaining int
	reset            time.Time
}

func (ws *sharedWindows) all() [3]*sharedWindow { return [3]*sharedWindow{&ws.main, &ws.app, &ws.user} }

// reserve takes one request from every known window, unless one is spent.
func (ws *sharedWindows) reserve(now time.Time) Reservation {
	granted := true
	for _, w := range ws.all() {
		if w.limit <= 0 {
			continue
		}
		if !w.reset.IsZero() && !now.Before(w.reset) {
			w.remaining, w.reset = w.limit, time.Time{} // over: started again
		}
		if w.remaining <= 0 {
			granted = false
		}
	}
	if granted {
		for _, w := range ws.all() {
			if w.limit > 0 {
				w.remaining--
			}
		}
	}
	return Reservation{Granted: granted, Window: ws.rateLimit()}
}

// record merges the windows a response reported.
func (ws *sharedWindows) record(now time.Time, rl RateLimit) {
	if rl.Known() {
		ws.main.record(now, rl.Limit, rl.Remaining, rl.Reset)
	}
	if q := rl.App24Hour; q != nil {
		ws.app.record(now, q.Limit, q.Remaining, q.Reset)
	}
	if q := rl.User24Hour; q != nil {
		ws.user.record(now, q.Limit, q.Remaining, q.Reset)
	}
}

func (w *sharedWindow) record(now time.Time, limit, remaining int, reset time.Time) {
	switch {
	case limit <= 0 || reset.IsZero() || !now.Before(reset):
		// nothing to share, or a window already over
	case w.limit > 0 && reset.Equal(w.reset):
		w.limit, w.remaining = limit, min(w.remaining, remaining)
	case w.limit > 0 && w.reset.IsZero():
		// the window that started over: our reservations since are in its count
		w.limit, w.remaining, w.reset = limit, min(w.remaining, remaining), reset
	case w.limit <= 0 || reset.After(w.reset):
		w.limit, w.remaining, w.reset = limit, remaining, reset
	}
}

// rateLimit reports the windows as a RateLimit.
func (ws *sharedWindows) rateLimit() RateLimit {
	rl := RateLimit{Limit: ws.main.limit, Remaining: ws.main.remaining, Reset: ws.main.reset}
	if ws.app.limit > 0 {
		rl.App24Hour = &Quota{Limit: ws.app.limit, Remaining: ws.app.remaining, Reset: ws.app.reset}
	}
	if ws.user.limit > 0 {
		rl.User24Hour = &Quota{Limit: ws.user.limit, Remaining: ws.user.remaining, Reset: ws.user.reset}
	}
	return rl
}
