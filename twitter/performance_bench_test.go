package twitter

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/benchratio"
)

// The Goal benchmarks measure the client against a floor in the same run
// (internal/benchratio), both against the same loopback server. `make bench` runs them
// and prints the table README shows (internal/cmd/benchtable), each goal beside its
// figure.

// fixedServer answers every request with body and the headers X sends on a v2 answer.
func fixedServer(tb testing.TB, body []byte) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		h := w.Header()
		h["Content-Type"] = []string{"application/json; charset=utf-8"}
		h["X-Rate-Limit-Limit"] = []string{"900"}
		h["X-Rate-Limit-Remaining"] = []string{"899"}
		h["X-Rate-Limit-Reset"] = []string{"1796649600"}
		h["X-Response-Time"] = []string{"12"}
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
		_, _ = w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// plainGet is the floor of a call: a net/http GET of url, its body read whole.
func plainGet(tb testing.TB, hc *http.Client, url string) []byte {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer t")
	resp, err := hc.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		tb.Fatal(resp.StatusCode, err)
	}
	return data
}

func benchClient(tb testing.TB, baseURL string, opts ...Option) *Client {
	tb.Helper()
	c, err := NewClient(append([]Option{WithBaseURL(baseURL), WithBearerToken("t")}, opts...)...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// userBody is a user lookup as X answers it: 62 bytes of data.
const userBody = `{"data":{"id":"2244994945","name":"X Developers","username":"XDevelopers"}}`

// BenchmarkGoalSmallCall: a whole Users.ByUsername against a plain net/http GET of the
// same bytes from the same server. Goal: x-floor ≤ 1.08, B-x-floor ≤ 1.05.
func BenchmarkGoalSmallCall(b *testing.B) {
	srv := fixedServer(b, []byte(userBody))
	c := benchClient(b, srv.URL)
	hc := &http.Client{}
	ctx := context.Background()
	url := srv.URL + "/2/users/by/username/XDevelopers"
	b.ReportAllocs()
	benchratio.Compare(b, func() { plainGet(b, hc, url) }, func() {
		u, _, err := c.Users.ByUsername(ctx, "XDevelopers", nil)
		if err != nil || u.Data.Username != "XDevelopers" {
			b.Fatal(u, err)
		}
	})
}

// BenchmarkGoalFacadeOverhead: a whole Users.ByUsername against the same call through
// the generated client (Raw) and its generated parser. Goal: x-floor ≤ 1.05.
func BenchmarkGoalFacadeOverhead(b *testing.B) {
	srv := fixedServer(b, []byte(userBody))
	c := benchClient(b, srv.URL)
	raw := c.Raw()
	ctx := context.Background()
	b.ReportAllocs()
	benchratio.Compare(b, func() {
		resp, err := raw.LookupUserByUsername(ctx, "XDevelopers", nil)
		if err != nil {
			b.Fatal(err)
		}
		res, err := gen.ParseLookupUserByUsernameResult(resp)
		if err != nil || res.JSON200 == nil || res.JSON200.Data.Username != "XDevelopers" {
			b.Fatal(res, err)
		}
	}, func() {
		u, _, err := c.Users.ByUsername(ctx, "XDevelopers", nil)
		if err != nil || u.Data.Username != "XDevelopers" {
			b.Fatal(u, err)
		}
	})
}

// searchPageBody is internal/jsonx's checked-in full-archive page: 500 Tweets with every
// expansion, 1.55 MB.
func searchPageBody(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.FromSlash("../internal/jsonx/testdata/search_500.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// BenchmarkGoalPage: a whole Tweets.SearchAll of a 500-Tweet page against a plain GET and
// read of the same bytes. Goal: x-floor ≤ 3.
func BenchmarkGoalPage(b *testing.B) {
	srv := fixedServer(b, searchPageBody(b))
	c := benchClient(b, srv.URL)
	hc := &http.Client{}
	ctx := context.Background()
	b.ReportAllocs()
	benchratio.Compare(b, func() { plainGet(b, hc, srv.URL+"/2/tweets/search/all?query=go") }, func() {
		p, _, err := c.Tweets.SearchAll(ctx, "go", &SearchOptions{MaxResults: 500})
		if err != nil || len(p.Data) != 500 {
			b.Fatal(err)
		}
	})
}

// BenchmarkGoalPageBytes: the same page call against net/http and encoding/json into the
// same generated type. Goal: B-x-floor ≤ 1.
func BenchmarkGoalPageBytes(b *testing.B) {
	srv := fixedServer(b, searchPageBody(b))
	c := benchClient(b, srv.URL)
	hc := &http.Client{}
	ctx := context.Background()
	b.ReportAllocs()
	benchratio.Compare(b, func() {
		var p gen.TweetSearchResponse
		if err := json.Unmarshal(plainGet(b, hc, srv.URL+"/2/tweets/search/all?query=go"), &p); err != nil || len(p.Data) != 500 {
			b.Fatal(err)
		}
	}, func() {
		p, _, err := c.Tweets.SearchAll(ctx, "go", &SearchOptions{MaxResults: 500})
		if err != nil || len(p.Data) != 500 {
			b.Fatal(err)
		}
	})
}

// streamServer sends lines over and over until the client goes away, each line flushed
// as X sends each Tweet: a chunk of its own.
func streamServer(tb testing.TB, lines [][]byte) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		rc := http.NewResponseController(w)
		for i := 0; r.Context().Err() == nil; i++ {
			if _, err := w.Write(lines[i%len(lines)]); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
		}
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// BenchmarkGoalStream: Tweets through a whole Stream.Filtered against the floor of
// reading the same stream's lines with net/http and bufio. Both read from their own
// connection to the same server; one iteration is one Tweet on each. The sides take
// turns of 4096 Tweets: the stream decodes ahead on its own goroutine into its buffer
// (64 messages), which in short turns would be work done during the floor's turn.
// Goal: x-floor ≤ 1/0.60 = 1.67 (the client at 60% of the floor's rate or better).
func BenchmarkGoalStream(b *testing.B) {
	lines := realShapedLines(b, 64)
	srv := streamServer(b, lines)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/2/tweets/search/stream", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)

	c := benchClient(b, srv.URL)
	s, err := c.Stream.Filtered(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	benchratio.CompareRounds(b, 4096, func() {
		if !sc.Scan() {
			b.Fatal(sc.Err())
		}
	}, func() {
		m, err := s.Next(ctx)
		if err != nil || m.Tweet == nil {
			b.Fatal(err)
		}
	})
}
