package redisstate_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/oauth2"

	"github.com/twitterkit/go/internal/statetest"
	"github.com/twitterkit/go/redisstate"
	"github.com/twitterkit/go/twitter"
)

// addrEnv names the variable with the address of the Redis the tests use: scripts/with-redis
// starts one and sets it (make test does both).
const addrEnv = "TWITTERKIT_REDIS_ADDR"

func TestMain(m *testing.M) {
	redis.SetLogger(quiet{}) // the tests cut connections on purpose
	if mode := os.Getenv(workerEnv); mode != "" {
		os.Exit(worker(mode))
	}
	if os.Getenv(addrEnv) == "" {
		fmt.Fprintf(os.Stderr, "redisstate tests need a Redis server: run them with ../scripts/with-redis go test ./... (make test does), or set %s=host:port\n", addrEnv)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

var ctx = context.Background()

type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

// testKey is the Sealer key of the tests.
var testKey = func() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return k
}()

// redisClient returns a client of the test Redis at addr, closed when t ends.
func redisClient(t testing.TB, addr string, opts ...func(*redis.Options)) *redis.Client {
	o := &redis.Options{Addr: addr}
	for _, f := range opts {
		f(o)
	}
	rdb := redis.NewClient(o)
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

// namespace returns a namespace of its own for one test, whose keys are deleted after it.
func namespace(t testing.TB) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	ns := "test-" + hex.EncodeToString(b)
	t.Cleanup(func() {
		rdb := redis.NewClient(&redis.Options{Addr: os.Getenv(addrEnv)})
		defer rdb.Close()
		keys, _ := rdb.Keys(ctx, ns+":*").Result()
		if len(keys) > 0 {
			rdb.Del(ctx, keys...)
		}
	})
	return ns
}

// newState returns a sealed State on the test Redis, in a namespace of its own.
func newState(t testing.TB, opts ...func(*redisstate.Options)) (*redisstate.State, string) {
	t.Helper()
	sealer, err := redisstate.AESGCM(testKey)
	if err != nil {
		t.Fatal(err)
	}
	o := redisstate.Options{Namespace: namespace(t), Sealer: sealer}
	for _, f := range opts {
		f(&o)
	}
	st, err := redisstate.New(redisClient(t, os.Getenv(addrEnv)), o)
	if err != nil {
		t.Fatal(err)
	}
	return st, o.Namespace
}

func TestState(t *testing.T) {
	statetest.Run(t, func(t *testing.T) twitter.State {
		st, _ := newState(t)
		return st
	})
}

func TestNew(t *testing.T) {
	rdb := redisClient(t, os.Getenv(addrEnv))
	if _, err := redisstate.New(rdb, redisstate.Options{}); err == nil || !strings.Contains(err.Error(), "no Sealer") {
		t.Errorf("no sealer: %v", err)
	}
	if _, err := redisstate.New(nil, redisstate.Options{PlainTokens: true}); err == nil {
		t.Error("nil client accepted")
	}
	if _, err := redisstate.AESGCM(make([]byte, 16)); err == nil {
		t.Error("a 16-byte key accepted")
	}
}

// Tokens are sealed in Redis, bound to their key, and unreadable with another key; in
// clear text only with PlainTokens.
func TestTokensAtRest(t *testing.T) {
	tok := &oauth2.Token{AccessToken: "access-secret-value", RefreshToken: "refresh-secret-value", TokenType: "bearer"}
	st, ns := newState(t)
	if ok, err := st.StoreToken(ctx, "u", 0, tok); err != nil || !ok {
		t.Fatal(ok, err)
	}
	rdb := redisClient(t, os.Getenv(addrEnv))
	raw, err := rdb.HGet(ctx, ns+":t:u", "d").Result()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(raw, "secret-value") {
		t.Errorf("the stored token is readable: %q", raw)
	}
	// Moved to another user's key, it does not open.
	rdb.HSet(ctx, ns+":t:v", "v", 1, "d", raw)
	if _, _, err := st.LoadToken(ctx, "v"); err == nil || strings.Contains(err.Error(), "secret-value") {
		t.Errorf("a token moved to another key: %v", err)
	}
	// Another key does not open it, and says so.
	other, err := redisstate.AESGCM(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	st2, _ := redisstate.New(rdb, redisstate.Options{Namespace: ns, Sealer: other})
	if _, _, err := st2.LoadToken(ctx, "u"); err == nil || !strings.Contains(err.Error(), "another Sealer key") {
		t.Errorf("another sealer key: %v", err)
	}

	plain, pns := newState(t, func(o *redisstate.Options) { o.Sealer, o.PlainTokens = nil, true })
	if _, err := plain.StoreToken(ctx, "u", 0, tok); err != nil {
		t.Fatal(err)
	}
	if raw, _ := rdb.HGet(ctx, pns+":t:u", "d").Result(); !strings.Contains(raw, "access-secret-value") {
		t.Errorf("PlainTokens stored %q", raw)
	}
	if got, _, err := plain.LoadToken(ctx, "u"); err != nil || got.RefreshToken != tok.RefreshToken {
		t.Errorf("PlainTokens load: %v %v", got, err)
	}
}

// Keys are in the namespace and hold no secret.
func TestKeys(t *testing.T) {
	st, ns := newState(t)
	const bearer = "AAAA-the-app-bearer-token"
	c, err := twitter.NewClient(twitter.WithState(st), twitter.WithBearerToken(bearer), twitter.WithBaseURL("http://127.0.0.1:1"),
		twitter.WithRetryPolicy(twitter.NoRetries()))
	if err != nil {
		t.Fatal(err)
	}
	_, _, _ = c.Users.ByID(ctx, "12", nil) // nothing listens; the window is not known
	now := time.Now()
	key := twitter.StateKey("app-bearer", bearer) + " GET /2/users/{id}"
	if err := st.Record(ctx, key, now, twitter.RateLimit{Limit: 1, Remaining: 1, Reset: now.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	keys, err := redisClient(t, os.Getenv(addrEnv)).Keys(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, k := range keys {
		if strings.Contains(k, bearer) {
			t.Errorf("key %q holds the bearer token", k)
		}
		found = found || k == ns+":w:"+key
	}
	if !found {
		t.Errorf("no key %q among %q", ns+":w:"+key, keys)
	}
}
