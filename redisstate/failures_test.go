package redisstate_test

import (
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/twitterkit/go/redisstate"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// proxy forwards loopback connections to the test Redis until it is cut: then every
// connection is closed and new ones are refused, as when Redis goes away. Stalled, it
// forwards nothing and closes nothing, as a Redis that hangs.
type proxy struct {
	ln      net.Listener
	stalled atomic.Bool
	mu      sync.Mutex
	conns   []net.Conn
}

func startProxy(t *testing.T) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln}
	t.Cleanup(p.cut)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", os.Getenv(addrEnv))
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { p.copy(up, c); up.Close() }()
			go func() { p.copy(c, up); c.Close() }()
		}
	}()
	return p
}

// copy forwards from src to dst, dropping what comes while the proxy is stalled.
func (p *proxy) copy(dst io.Writer, src io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !p.stalled.Load() {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *proxy) addr() string { return p.ln.Addr().String() }

func (p *proxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
	p.mu.Unlock()
}

// proxiedState is a State on Redis through a proxy, with short timeouts.
func proxiedState(t *testing.T, fallback bool) (*redisstate.State, *proxy) {
	p := startProxy(t)
	rdb := redisClient(t, p.addr(), func(o *redis.Options) {
		o.DialTimeout, o.ReadTimeout, o.WriteTimeout, o.MaxRetries = 300*time.Millisecond, 300*time.Millisecond, 300*time.Millisecond, 1
	})
	sealer, _ := redisstate.AESGCM(testKey)
	st, err := redisstate.New(rdb, redisstate.Options{Namespace: namespace(t), Sealer: sealer, LocalFallback: fallback})
	if err != nil {
		t.Fatal(err)
	}
	return st, p
}

// counted is an http.Client counting the API requests it sends.
func counted(n *atomic.Int32) *http.Client {
	tr := &http.Transport{}
	return &http.Client{Transport: roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		n.Add(1)
		return tr.RoundTrip(r)
	})}
}

type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Redis going away or hanging mid-run: the call fails within the Redis client's
// timeouts (300ms here), with an error saying so, and sends nothing.
func TestRedisFails(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fail  func(*proxy)
		wants string
	}{
		{"goes away", (*proxy).cut, "reserving a request from the shared rate-limit window"},
		{"hangs", func(p *proxy) { p.stalled.Store(true) }, "redisstate: reserving"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := twittertest.Start(t)
			st, p := proxiedState(t, false)
			var sent atomic.Int32
			c := twittertest.NewClient(t, srv, twitter.WithState(st), twitter.WithHTTPClient(counted(&sent)), twitter.WithRetryPolicy(twitter.NoRetries()))
			if _, _, err := c.Users.ByID(ctx, twittertest.JackID, nil); err != nil {
				t.Fatal(err)
			}
			tc.fail(p)
			start := time.Now()
			_, _, err := c.Users.ByID(ctx, twittertest.JackID, nil)
			if err == nil || !strings.Contains(err.Error(), tc.wants) {
				t.Errorf("got %v, want an error with %q", err, tc.wants)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("the failure took %v", d)
			}
			if sent.Load() != 1 {
				t.Errorf("%d requests sent, want only the one before Redis failed", sent.Load())
			}
		})
	}
}

// With LocalFallback, the windows go on in memory while Redis is away.
func TestRedisGoesAwayWithFallback(t *testing.T) {
	srv := twittertest.Start(t, twittertest.WithRateLimit("GET /2/users/{id}", 3, 15*time.Minute))
	st, p := proxiedState(t, true)
	var sent atomic.Int32
	c := twittertest.NewClient(t, srv, twitter.WithState(st), twitter.WithHTTPClient(counted(&sent)), twitter.WithRetryPolicy(twitter.NoRetries()))
	if _, _, err := c.Users.ByID(ctx, twittertest.JackID, nil); err != nil {
		t.Fatal(err)
	}
	p.cut()
	// The local windows know nothing at first: the next call goes out, and its response
	// tells the window, with 1 left.
	for i := range 4 {
		_, _, err := c.Users.ByID(ctx, twittertest.JackID, nil)
		var e *twitter.Error
		switch {
		case i < 2 && err != nil:
			t.Fatalf("call %d on local windows: %v", i+2, err)
		case i >= 2 && (!errors.As(err, &e) || !twitter.IsRateLimited(err) || e.Response != nil):
			t.Fatalf("call %d, over the window of 3: %v", i+2, err)
		}
	}
	if n := sent.Load(); n != 3 {
		t.Errorf("%d requests sent, want the window's 3", n)
	}
}

// A token that needs a refresh while Redis is away: an error, no refresh, no token sent.
func TestRedisGoesAwayBeforeRefresh(t *testing.T) {
	srv := twittertest.Start(t)
	st, p := proxiedState(t, true)
	seedExpired(t, srv, st)
	p.cut()
	oc := srv.OAuth2Client()
	var sent atomic.Int32
	cfg := &twitter.OAuth2Config{ClientID: oc.ClientID, ClientSecret: oc.ClientSecret, RedirectURL: oc.RedirectURL,
		Scopes: []twitter.Scope{twitter.ScopeUsersRead}, TokenURL: oc.TokenURL}
	c := twittertest.NewClient(t, srv, twitter.WithState(st), twitter.WithHTTPClient(counted(&sent)), twitter.WithRetryPolicy(twitter.NoRetries()),
		twitter.WithOAuth2Token(cfg, nil, twitter.StateUser(twittertest.JackID)))
	start := time.Now()
	_, _, err := c.Users.Me(ctx, nil)
	if err == nil || !strings.Contains(err.Error(), "shared OAuth 2.0 token") {
		t.Errorf("with Redis gone: %v", err)
	}
	var te *twitter.Error
	if errors.As(err, &te) {
		t.Errorf("an API answer: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the failure took %v", d)
	}
	if sent.Load() != 0 {
		t.Errorf("%d requests sent (token or API), want none", sent.Load())
	}
}
