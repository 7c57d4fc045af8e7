package requesturl

import (
	"fmt"
	"net/url"
	"sync"
	"testing"
)

// longWay is how oapi-codegen's builders make a request's URL: the server parsed, the
// path resolved against it, the query set, and the whole written out.
func longWay(server, operationPath, rawQuery string) (string, error) {
	base, err := url.Parse(server)
	if err != nil {
		return "", err
	}
	if operationPath[0] == '/' {
		operationPath = "." + operationPath
	}
	u, err := base.Parse(operationPath)
	if err != nil {
		return "", err
	}
	u.RawQuery = rawQuery
	return u.String(), nil
}

var (
	servers = []string{
		"https://api.x.com", "https://api.x.com/", "http://127.0.0.1:39211", "http://127.0.0.1:39211/",
		"https://host/base", "https://host/base/", "https://host/a/b/c/", "https://HOST:443/",
		"https://host/with%20space/", "https://user:pw@host/", "https://[::1]:80/", "https://host/./x/",
		"https://host/a/../b/", "https://host/?q=1", "https://host/#frag", "https://host/a;b/",
		"HTTPS://host/", "mailto:someone", "/relative/", "", "https://host/%zz/", "https://host/ü/",
	}
	paths = []string{
		"/2/users/by/username/XDevelopers", "/2/tweets/1460323737035677698", "/2/users/me",
		"/2/users/by/username/..", "/2/users/by/username/.", "/2/users/by/username/a.b", "/2/users/by/username/...",
		"/2/users/by/username/%2E%2E", "/2/users/by/username/a%2Fb", "/2/users/by/username/a%2fb",
		"/2/users/by/username/a:b@c", "/2/users/by/username/%zz", "/2/users/by/username/%4", "/2/a//b",
		"/2/users/by/username/%C3%BC", "/2/spaces/1DXxyRYNejbKM", "/2/users/by/username/a;b", "/",
	}
	queries = []string{"", "user.fields=id,name&expansions=pinned_tweet_id", "a=%20b", "x=1#y"}
)

func TestBuildGivesTheLongWaysURL(t *testing.T) {
	for _, server := range servers {
		base, perr := Parse(server)
		for _, p := range paths {
			for _, q := range queries {
				want, wantErr := longWay(server, p, q)
				if perr != nil {
					if wantErr == nil {
						t.Fatalf("%q parses one way and not the other", server)
					}
					continue
				}
				got, err := base.Build(p, q)
				if (err != nil) != (wantErr != nil) || got != want {
					t.Errorf("Build(%q, %q, %q) = %q, %v; the long way gives %q, %v", server, p, q, got, err, want, wantErr)
				}
			}
		}
	}
}

// TestBuildJoinsTheCommonCaseDirectly makes sure the direct way is the one taken for the
// URLs the client builds, so that Build's speed is not lost to the long way unnoticed.
func TestBuildJoinsTheCommonCaseDirectly(t *testing.T) {
	for _, server := range []string{"https://api.x.com/", "http://127.0.0.1:39211/", "https://host/base/"} {
		base, err := Parse(server)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/2/users/by/username/XDevelopers", "/2/tweets/1460323737035677698", "/2/users/by/username/a.b", "/2/users/by/username/%C3%BC"} {
			if !base.direct(p) {
				t.Errorf("%s%s takes the long way", server, p)
			}
		}
	}
}

func FuzzBuild(f *testing.F) {
	for _, s := range servers {
		for _, p := range paths {
			f.Add(s, p, "q=1")
		}
	}
	f.Fuzz(func(t *testing.T, server, p, q string) {
		if p == "" {
			return
		}
		base, err := Parse(server)
		if err != nil {
			return
		}
		want, wantErr := longWay(server, p, q)
		got, err := base.Build(p, q)
		if (err != nil) != (wantErr != nil) || got != want {
			t.Errorf("Build(%q, %q, %q) = %q, %v; the long way gives %q, %v", server, p, q, got, err, want, wantErr)
		}
	})
}

func TestCacheParsesEachServerOnce(t *testing.T) {
	var c Cache
	a, err := c.Parse("https://api.x.com/")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := c.Parse("https://api.x.com/"); b != a {
		t.Error("the same server was parsed again")
	}
	other, err := c.Parse("http://127.0.0.1:1/")
	if err != nil || other.url.Host != "127.0.0.1:1" {
		t.Fatalf("a changed server gave %v, %v", other, err)
	}
	if _, err := c.Parse("http://[::1"); err == nil {
		t.Error("a server that does not parse gave no error")
	}
	if again, _ := c.Parse("http://127.0.0.1:1/"); again != other {
		t.Error("a failed parse replaced the kept URL")
	}
	var none *Cache
	if u, err := none.Parse("https://api.x.com/"); err != nil || u.url.Host != "api.x.com" {
		t.Errorf("a nil Cache gave %v, %v", u, err)
	}
}

func TestCacheConcurrentUse(t *testing.T) {
	var c Cache
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			server := []string{"https://a/", "https://b/"}[i%2]
			for range 200 {
				u, err := c.Parse(server)
				if err != nil || "https://"+u.url.Host+"/" != server {
					t.Errorf("Parse(%q) = %v, %v", server, u, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkBuild(b *testing.B) {
	base, _ := Parse("https://api.x.com/")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := base.Build("/2/users/by/username/XDevelopers", "user.fields=id,name"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPathIsSprintf(t *testing.T) {
	for _, c := range []struct {
		format string
		params []string
	}{
		{"/2/users/me", nil},
		{"/2/users/%s", []string{"2244994945"}},
		{"/2/users/%s/following/%s", []string{"1", "2"}},
		{"/2/lists/%s/members", []string{""}},
		{"/2/%s%s", []string{"a", "b"}},
		{"/2/users/%s", nil},             // fewer parameters than verbs
		{"/2/users", []string{"extra"}},  // more
		{"/2/100%", nil},                 // a lone percent sign
		{"/2/%d/%s", []string{"1", "2"}}, // another verb
		{"/2/%%/%s", []string{"x"}},      // an escaped percent sign
		{"/2/users/%s", []string{"%s"}},  // a parameter that looks like a verb
	} {
		args := make([]any, len(c.params))
		for i, p := range c.params {
			args[i] = p
		}
		if got, want := Path(c.format, c.params...), fmt.Sprintf(c.format, args...); got != want {
			t.Errorf("Path(%q, %q) = %q; Sprintf gives %q", c.format, c.params, got, want)
		}
	}
}

func FuzzPath(f *testing.F) {
	f.Add("/2/users/%s/following/%s", "1", "2")
	f.Add("/2/%s%", "1", "2")
	f.Fuzz(func(t *testing.T, format, a, b string) {
		if got, want := Path(format, a, b), fmt.Sprintf(format, a, b); got != want {
			t.Errorf("Path(%q, %q, %q) = %q; Sprintf gives %q", format, a, b, got, want)
		}
	})
}

func BenchmarkPath(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Path("/2/users/%s/following/%s", "2244994945", "6253282")
	}
}
