// Package redisstate keeps a twitter.State in Redis, so that Clients in many processes,
// on many machines, share the rate-limit windows of their app and users and refresh each
// user's rotating OAuth 2.0 token exactly once:
//
//	rdb := redis.NewClient(&redis.Options{Addr: "10.0.0.5:6379"})
//	sealer, err := redisstate.AESGCM(key) // 32 bytes, the same in every worker
//	st, err := redisstate.New(rdb, redisstate.Options{Namespace: "mybot", Sealer: sealer})
//	c, err := twitter.NewClient(
//		twitter.WithState(st),
//		twitter.WithOAuth2Token(cfg, nil, twitter.StateUser(userID)),
//	)
//
// # What Redis holds
//
// Keys start with the namespace ("twitterkit" by default) and name credentials by a hash
// (twitter.StateKey), never by a secret:
//
//   - {ns}:w:{credential} {endpoint}: a hash with the endpoint's rate-limit windows for the
//     credential (limit, remaining, reset of the 15-minute window and of the 24-hour app
//     and user quotas). Reservations and records are Lua scripts, so atomic. Each key
//     expires two days after its last record.
//   - {ns}:t:{user}: the user's token: a version, and the token as JSON sealed by the
//     Options' Sealer (AES-256-GCM with AESGCM, bound to the key), or in clear text only
//     when Options.PlainTokens says so. No expiry.
//   - {ns}:l:{user}: the refresh lease: SET NX PX with a random id, released by a script
//     that deletes it only if the id still matches.
//
// # When Redis fails
//
// Every failure is an error naming the operation, returned within the go-redis
// client's timeouts: a Client's call fails with it, and never sends a token the State did
// not give it. With Options.LocalFallback, rate-limit windows go on in this process's
// memory while Redis fails (and the process may then overrun the shared window); token
// operations never fall back, since a refresh outside the lease would invalidate the
// other workers' tokens: a Client goes on with its cached token while it is valid.
package redisstate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/oauth2"

	"github.com/twitterkit/go/twitter"
)

// DefaultNamespace prefixes the keys when Options.Namespace is empty.
const DefaultNamespace = "twitterkit"

// windowTTL is how long a window key outlives its last record: past the 24-hour quotas.
const windowTTL = 48 * time.Hour

// Options configure a State.
type Options struct {
	// Namespace prefixes every key, so that several programs share one Redis.
	Namespace string
	// Sealer encrypts tokens before they go to Redis and decrypts them after. Required
	// unless PlainTokens.
	Sealer Sealer
	// PlainTokens stores tokens as clear JSON: only for a Redis as private as the
	// processes' memory. Ignored when Sealer is set.
	PlainTokens bool
	// LocalFallback keeps rate-limit windows in this process's memory while Redis fails,
	// instead of failing the calls; Redis is tried again a second after each failure.
	// Tokens never fall back.
	LocalFallback bool
	// Logger hears of fallbacks; nothing is logged by default.
	Logger *slog.Logger
}

// State is a twitter.State in Redis. It is safe for concurrent use.
type State struct {
	rdb      redis.UniversalClient
	ns       string
	sealer   Sealer
	local    *twitter.MemoryState // LocalFallback; nil otherwise
	logger   *slog.Logger
	fellBack atomic.Bool  // the last window operation fell back; logged on change
	downTill atomic.Int64 // with LocalFallback: Redis is not tried again before (unix ns)
}

// retryRedis is how long window operations stay local after Redis failed, with
// LocalFallback, before Redis is tried again.
const retryRedis = time.Second

var _ twitter.State = (*State)(nil)

// New returns a State on rdb.
func New(rdb redis.UniversalClient, o Options) (*State, error) {
	if rdb == nil {
		return nil, errors.New("redisstate: nil Redis client")
	}
	if o.Sealer == nil && !o.PlainTokens {
		return nil, errors.New("redisstate: no Sealer for the tokens (use AESGCM, or PlainTokens for a Redis as private as memory)")
	}
	s := &State{rdb: rdb, ns: o.Namespace, sealer: o.Sealer, logger: o.Logger}
	if s.ns == "" {
		s.ns = DefaultNamespace
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	if o.LocalFallback {
		s.local = twitter.NewMemoryState()
	}
	return s, nil
}

// String describes the state without any token.
func (s *State) String() string { return fmt.Sprintf("redisstate.State{namespace: %q}", s.ns) }

func (s *State) windowKey(key string) string { return s.ns + ":w:" + key }
func (s *State) tokenKey(user string) string { return s.ns + ":t:" + user }
func (s *State) leaseKey(user string) string { return s.ns + ":l:" + user }

// ms is t in unix milliseconds, 0 for the zero time.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v)
}

// reserveScript takes one request from every known window of KEYS[1] unless one is
// spent; ARGV[1] is now (unix ms). It returns granted (0 or 1) and the three windows as
// limit, remaining, reset (unix ms, 0: started over, new reset not known).
var reserveScript = redis.NewScript(`
local now = tonumber(ARGV[1])
local f = redis.call('HMGET', KEYS[1], 'ml', 'mr', 'mt', 'al', 'ar', 'at', 'ul', 'ur', 'ut')
local w = {}
local granted = 1
for i = 0, 2 do
  local l, r, t = tonumber(f[i*3+1] or 0), tonumber(f[i*3+2] or 0), tonumber(f[i*3+3] or 0)
  if l > 0 then
    if t ~= 0 and now >= t then r = l; t = 0 end
    if r <= 0 then granted = 0 end
  end
  w[i+1] = {l, r, t}
end
local names = {'m', 'a', 'u'}
local out = {granted}
for i = 1, 3 do
  if w[i][1] > 0 then
    if granted == 1 then w[i][2] = w[i][2] - 1 end
    redis.call('HSET', KEYS[1], names[i] .. 'r', w[i][2], names[i] .. 't', w[i][3])
  end
  table.insert(out, w[i][1]); table.insert(out, w[i][2]); table.insert(out, w[i][3])
end
return out
`)

// recordScript merges reported windows into KEYS[1]: ARGV[1] is now (unix ms), then
// limit, remaining, reset (unix ms) of the 15-minute window, the app and the user quota
// (limit 0: not reported), then the key's TTL in ms. The rules are
// twitter.WindowState.Record's.
var recordScript = redis.NewScript(`
local now = tonumber(ARGV[1])
local names = {'m', 'a', 'u'}
for i = 0, 2 do
  local L, h, R = tonumber(ARGV[2+i*3]), tonumber(ARGV[3+i*3]), tonumber(ARGV[4+i*3])
  if L > 0 and R ~= 0 and now < R then
    local n = names[i+1]
    local cur = redis.call('HMGET', KEYS[1], n .. 'l', n .. 'r', n .. 't')
    local l, r, t = tonumber(cur[1] or 0), tonumber(cur[2] or 0), tonumber(cur[3] or 0)
    if l > 0 and R == t then
      redis.call('HSET', KEYS[1], n .. 'l', L, n .. 'r', math.min(r, h))
    elseif l > 0 and t == 0 then
      redis.call('HSET', KEYS[1], n .. 'l', L, n .. 'r', math.min(r, h), n .. 't', R)
    elseif l <= 0 or R > t then
      redis.call('HSET', KEYS[1], n .. 'l', L, n .. 'r', h, n .. 't', R)
    end
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[11])
return 1
`)

// Reserve implements twitter.WindowState.
func (s *State) Reserve(ctx context.Context, key string, now time.Time) (twitter.Reservation, error) {
	if s.down() {
		return s.local.Reserve(ctx, key, now)
	}
	v, err := reserveScript.Run(ctx, s.rdb, []string{s.windowKey(key)}, ms(now)).Int64Slice()
	if err != nil || len(v) != 10 {
		if err == nil {
			err = fmt.Errorf("the reserve script answered %d values", len(v))
		}
		if s.fallBack(ctx, "reserve", err) {
			return s.local.Reserve(ctx, key, now)
		}
		return twitter.Reservation{}, fmt.Errorf("redisstate: reserving from %s: %w", s.windowKey(key), err)
	}
	s.recovered(ctx)
	rl := twitter.RateLimit{Limit: int(v[1]), Remaining: int(v[2]), Reset: fromMS(v[3])}
	if v[4] > 0 {
		rl.App24Hour = &twitter.Quota{Limit: int(v[4]), Remaining: int(v[5]), Reset: fromMS(v[6])}
	}
	if v[7] > 0 {
		rl.User24Hour = &twitter.Quota{Limit: int(v[7]), Remaining: int(v[8]), Reset: fromMS(v[9])}
	}
	return twitter.Reservation{Granted: v[0] == 1, Window: rl}, nil
}

// Record implements twitter.WindowState.
func (s *State) Record(ctx context.Context, key string, now time.Time, rl twitter.RateLimit) error {
	if s.down() {
		return s.local.Record(ctx, key, now, rl)
	}
	args := []any{ms(now), 0, 0, 0, 0, 0, 0, 0, 0, 0, windowTTL.Milliseconds()}
	if rl.Known() {
		args[1], args[2], args[3] = rl.Limit, rl.Remaining, ms(rl.Reset)
	}
	for i, q := range []*twitter.Quota{rl.App24Hour, rl.User24Hour} {
		if q != nil {
			args[4+3*i], args[5+3*i], args[6+3*i] = q.Limit, q.Remaining, ms(q.Reset)
		}
	}
	if err := recordScript.Run(ctx, s.rdb, []string{s.windowKey(key)}, args...).Err(); err != nil {
		if s.fallBack(ctx, "record", err) {
			return s.local.Record(ctx, key, now, rl)
		}
		return fmt.Errorf("redisstate: recording in %s: %w", s.windowKey(key), err)
	}
	s.recovered(ctx)
	return nil
}

// fallBack reports whether a failed window operation goes on in local memory.
func (s *State) fallBack(ctx context.Context, op string, err error) bool {
	if s.local == nil || ctx.Err() != nil {
		return false
	}
	s.downTill.Store(time.Now().Add(retryRedis).UnixNano())
	if !s.fellBack.Swap(true) {
		s.logger.LogAttrs(ctx, slog.LevelWarn, "redisstate: Redis failed; keeping rate-limit windows in local memory",
			slog.String("operation", op), slog.Any("error", err))
	}
	return true
}

// down reports whether window operations are to stay local for now (LocalFallback).
func (s *State) down() bool { return s.local != nil && time.Now().UnixNano() < s.downTill.Load() }

func (s *State) recovered(ctx context.Context) {
	if s.local != nil && s.fellBack.Swap(false) {
		s.logger.LogAttrs(ctx, slog.LevelInfo, "redisstate: Redis answers again; rate-limit windows are shared again")
	}
}

// storeScript sets the token of KEYS[1] to ARGV[2] if its version is ARGV[1] (0: none).
var storeScript = redis.NewScript(`
local v = tonumber(redis.call('HGET', KEYS[1], 'v') or 0)
if v ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'v', v + 1, 'd', ARGV[2])
return 1
`)

// releaseScript deletes the lease KEYS[1] if it is still ARGV[1]'s.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`)

// LoadToken implements twitter.TokenState.
func (s *State) LoadToken(ctx context.Context, user string) (*oauth2.Token, int64, error) {
	key := s.tokenKey(user)
	f, err := s.rdb.HMGet(ctx, key, "v", "d").Result()
	if err != nil {
		return nil, 0, fmt.Errorf("redisstate: loading %s: %w", key, err)
	}
	vs, ok1 := f[0].(string)
	data, ok2 := f[1].(string)
	if !ok1 || !ok2 {
		return nil, 0, nil
	}
	version, err := strconv.ParseInt(vs, 10, 64)
	if err != nil {
		return nil, 0, fmt.Errorf("redisstate: %s has a malformed version %q", key, vs)
	}
	plain := []byte(data)
	if s.sealer != nil {
		if plain, err = s.sealer.Open([]byte(data), []byte(key)); err != nil {
			return nil, 0, fmt.Errorf("redisstate: opening the token in %s (another Sealer key?): %w", key, err)
		}
	}
	var tok oauth2.Token
	if err := json.Unmarshal(plain, &tok); err != nil {
		return nil, 0, fmt.Errorf("redisstate: %s does not hold a token: %w", key, err)
	}
	return &tok, version, nil
}

// StoreToken implements twitter.TokenState.
func (s *State) StoreToken(ctx context.Context, user string, version int64, tok *oauth2.Token) (bool, error) {
	key := s.tokenKey(user)
	data, err := json.Marshal(tok)
	if err != nil {
		return false, fmt.Errorf("redisstate: encoding the token: %w", err)
	}
	if s.sealer != nil {
		if data, err = s.sealer.Seal(data, []byte(key)); err != nil {
			return false, fmt.Errorf("redisstate: sealing the token: %w", err)
		}
	}
	n, err := storeScript.Run(ctx, s.rdb, []string{key}, version, data).Int()
	if err != nil {
		return false, fmt.Errorf("redisstate: storing %s: %w", key, err)
	}
	return n == 1, nil
}

// AcquireLease implements twitter.TokenState.
func (s *State) AcquireLease(ctx context.Context, user string, ttl time.Duration) (string, bool, error) {
	id := newID()
	err := s.rdb.SetArgs(ctx, s.leaseKey(user), id, redis.SetArgs{Mode: "NX", TTL: ttl}).Err()
	if errors.Is(err, redis.Nil) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("redisstate: taking the lease %s: %w", s.leaseKey(user), err)
	}
	return id, true, nil
}

// ReleaseLease implements twitter.TokenState.
func (s *State) ReleaseLease(ctx context.Context, user, id string) error {
	if err := releaseScript.Run(ctx, s.rdb, []string{s.leaseKey(user)}, id).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("redisstate: releasing the lease %s: %w", s.leaseKey(user), err)
	}
	return nil
}
