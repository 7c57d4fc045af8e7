package requesturl

import (
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
		base, perr := url.Parse(server)
		for _, p := range paths {
			for _, q := range queries {
				want, wantErr := longWay(server, p, q)
				if perr != nil {
					if wantErr == nil {
						t.Fatalf("%q parses one way and not the other", server)
					}
					continue
				}
				got, err := Build(base, p, q)
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
		base, _ := url.Parse(server)
		for _, p := range []string{"/2/users/by/username/XDevelopers", "/2/tweets/1460323737035677698", "/2/users/by/username/a.b", "/2/users/by/username/%C3%BC"} {
			if _, ok := join(base, p, "a=b"); !ok {
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
		base, err := url.Parse(server)
		if err != nil {
			return
		}
		want, wantErr := longWay(server, p, q)
		got, err := Build(base, p, q)
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
	if err != nil || other.Host != "127.0.0.1:1" {
		t.Fatalf("a changed server gave %v, %v", other, err)
	}
	if _, err := c.Parse("http://[::1"); err == nil {
		t.Error("a server that does not parse gave no error")
	}
	if again, _ := c.Parse("http://127.0.0.1:1/"); again != other {
		t.Error("a failed parse replaced the kept URL")
	}
	var none *Cache
	if u, err := none.Parse("https://api.x.com/"); err != nil || u.Host != "api.x.com" {
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
				if err != nil || "https://"+u.Host+"/" != server {
					t.Errorf("Parse(%q) = %v, %v", server, u, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkBuild(b *testing.B) {
	base, _ := url.Parse("https://api.x.com/")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(base, "/2/users/by/username/XDevelopers", "user.fields=id,name"); err != nil {
			b.Fatal(err)
		}
	}
}
