package twitter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/internal/testserver"
)

// fakeList is a paginated list of the ints 0..n-1 served size at a time, with tokens "p1",
// "p2", ... naming the page that starts at item size·k. It records the tokens it was asked
// for and can be told to fail or to misbehave.
type fakeList struct {
	n, size int
	calls   []string
	// failAt makes the fetch of the page with this number (1-based, counted by the
	// fetches of the list, not of one iteration) fail with failErr.
	failAt  int
	failErr error
	// nextOverride replaces the next token of the page with the given token.
	nextOverride map[string]string
	// onFetch runs at the start of every fetch.
	onFetch func(token string)
}

func (f *fakeList) fetch(_ context.Context, token string) (*Page[int], error) {
	f.calls = append(f.calls, token)
	if f.onFetch != nil {
		f.onFetch(token)
	}
	if f.failAt > 0 && len(f.calls) == f.failAt {
		return nil, f.failErr
	}
	k := 0
	if token != "" {
		var err error
		if k, err = strconv.Atoi(strings.TrimPrefix(token, "p")); err != nil || !strings.HasPrefix(token, "p") {
			return nil, fmt.Errorf("bad token %q", token)
		}
	}
	from := min(k*f.size, f.n)
	to := min(from+f.size, f.n)
	p := &Page[int]{Includes: NewIncludes(nil), Response: &Response{}}
	for i := from; i < to; i++ {
		p.Items = append(p.Items, i)
	}
	if to < f.n {
		p.NextToken = "p" + strconv.Itoa(k+1)
	}
	if o, ok := f.nextOverride[token]; ok {
		p.NextToken = o
	}
	p.Meta.ResultCount = len(p.Items)
	return p, nil
}

func seq(from, to int) []int {
	var s []int
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

// collect ranges over an item iterator, stopping at the first error.
func collect(t *testing.T, p *pager[int]) ([]int, error) {
	t.Helper()
	var got []int
	for v, err := range p.items(context.Background()) {
		if err != nil {
			return got, err
		}
		got = append(got, v)
	}
	return got, nil
}

func TestPagerItemsFollowsTokensToTheEnd(t *testing.T) {
	f := &fakeList{n: 25, size: 10}
	got, err := collect(t, newPager("Test.List", nil, f.fetch))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(seq(0, 25), got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"", "p1", "p2"}, f.calls); diff != "" {
		t.Errorf("tokens sent (-want +got):\n%s", diff)
	}
}

func TestPagerPagesCarryTokensAndNumbers(t *testing.T) {
	f := &fakeList{n: 25, size: 10}
	type pageInfo struct {
		Token, Next string
		Number, N   int
	}
	var got []pageInfo
	for p, err := range newPager("Test.List", nil, f.fetch).pages(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if p.Includes == nil || p.Response == nil {
			t.Fatalf("page %d lacks includes or response", p.Number)
		}
		got = append(got, pageInfo{p.Token, p.NextToken, p.Number, len(p.Items)})
	}
	want := []pageInfo{{"", "p1", 1, 10}, {"p1", "p2", 2, 10}, {"p2", "", 3, 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
}

func TestPagerEmptyList(t *testing.T) {
	f := &fakeList{n: 0, size: 10}
	got, err := collect(t, newPager("Test.List", nil, f.fetch))
	if err != nil || len(got) != 0 || len(f.calls) != 1 {
		t.Fatalf("got %v, %v after %d calls; want nothing after one call", got, err, len(f.calls))
	}
}

func TestPagerFollowsEmptyPagesThatHaveANextToken(t *testing.T) {
	// X's search sends pages with no results but a next_token; the rest must still come.
	f := &fakeList{n: 30, size: 10}
	f.nextOverride = map[string]string{}
	empty := &fakeList{n: 0, size: 10}
	fetch := func(ctx context.Context, token string) (*Page[int], error) {
		if token == "e" {
			p, err := empty.fetch(ctx, "")
			p.NextToken = "p1"
			return p, err
		}
		p, err := f.fetch(ctx, token)
		if token == "" {
			p.NextToken = "e"
		}
		return p, err
	}
	got, err := collect(t, newPager("Test.List", nil, fetch))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(seq(0, 30), got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
}

func TestPagerBreakStopsFetching(t *testing.T) {
	f := &fakeList{n: 100, size: 10}
	it := newPager("Test.List", nil, f.fetch).items(context.Background())
	var got []int
	for v, err := range it {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
		if len(got) == 3 {
			break
		}
	}
	if diff := cmp.Diff(seq(0, 3), got); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if len(f.calls) != 1 {
		t.Errorf("break after 3 items of the first page made %d requests, want 1", len(f.calls))
	}

	// Breaking out of a page iterator after the second page fetches no third.
	f.calls = nil
	for p := range newPager("Test.List", nil, f.fetch).pages(context.Background()) {
		if p.Number == 2 {
			break
		}
	}
	if len(f.calls) != 2 {
		t.Errorf("break after page 2 made %d requests, want 2", len(f.calls))
	}

	// Ranging again starts over.
	f.calls = nil
	for range it {
		break
	}
	if diff := cmp.Diff([]string{""}, f.calls); diff != "" {
		t.Errorf("second range (-want +got):\n%s", diff)
	}
}

func TestPagerErrorOnPage3(t *testing.T) {
	apiErr := &Error{StatusCode: http.StatusServiceUnavailable, Endpoint: "GET /2/test"}
	f := &fakeList{n: 50, size: 10, failAt: 3, failErr: apiErr}
	var got []int
	var errs []error
	for v, err := range newPager("Test.List", nil, f.fetch).items(context.Background()) {
		if err != nil {
			errs = append(errs, err)
			continue // a careless caller: the iterator must still stop
		}
		got = append(got, v)
	}
	if diff := cmp.Diff(seq(0, 20), got); diff != "" {
		t.Errorf("items before the error (-want +got):\n%s", diff)
	}
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want exactly 1: %v", len(errs), errs)
	}
	var pe *PageError
	if !errors.As(errs[0], &pe) {
		t.Fatalf("error %T is not a *PageError", errs[0])
	}
	want := &PageError{Op: "Test.List", Err: apiErr, Pages: 2, Items: 20, ResumeToken: "p2"}
	if diff := cmp.Diff(want, pe); diff != "" {
		t.Errorf("PageError (-want +got):\n%s", diff)
	}
	var e *Error
	if !errors.As(errs[0], &e) || e != apiErr || !IsServerError(errs[0]) {
		t.Errorf("errors.As does not reach the *Error through %v", errs[0])
	}
	for _, s := range []string{"Test.List", "2 pages", "20 items", `"p2"`, "503"} {
		if !strings.Contains(pe.Error(), s) {
			t.Errorf("error %q does not mention %s", pe.Error(), s)
		}
	}
	if len(f.calls) != 3 {
		t.Errorf("made %d requests, want 3 (none after the failure)", len(f.calls))
	}

	// Resuming from the token gets exactly the rest.
	f.failAt = 0
	rest, err := collect(t, newPager("Test.List", &IterOptions{StartToken: pe.ResumeToken}, f.fetch))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(seq(0, 50), append(got, rest...)); diff != "" {
		t.Errorf("items with the resumed ones (-want +got):\n%s", diff)
	}
}

func TestPagerErrorOnFirstPage(t *testing.T) {
	boom := errors.New("boom")
	f := &fakeList{n: 50, size: 10, failAt: 1, failErr: boom}
	for p, err := range newPager("Test.List", &IterOptions{StartToken: "p3"}, f.fetch).pages(context.Background()) {
		if p != nil {
			t.Fatalf("got page %d with the error", p.Number)
		}
		var pe *PageError
		if !errors.As(err, &pe) || !errors.Is(err, boom) || pe.Pages != 0 || pe.ResumeToken != "p3" {
			t.Fatalf("error = %#v, want a PageError resuming at p3 after 0 pages", err)
		}
	}
	if len(f.calls) != 1 {
		t.Errorf("made %d requests, want 1", len(f.calls))
	}
}

func TestPagerRepeatedToken(t *testing.T) {
	for _, tc := range []struct {
		name     string
		override map[string]string
		items    []int
		repeated string
	}{
		{"page names itself", map[string]string{"p1": "p1"}, seq(0, 20), "p1"},
		{"cycle of two", map[string]string{"p2": "p1"}, seq(0, 30), "p1"},
		{"back to the start", map[string]string{"p1": "p0"}, seq(0, 20), "p0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeList{n: 100, size: 10, nextOverride: tc.override}
			start := ""
			if tc.repeated == "p0" {
				start = "p0"
			}
			got, err := collect(t, newPager("Test.List", &IterOptions{StartToken: start}, f.fetch))
			if !errors.Is(err, ErrRepeatedToken) {
				t.Fatalf("error = %v, want ErrRepeatedToken", err)
			}
			if !strings.Contains(err.Error(), strconv.Quote(tc.repeated)) {
				t.Errorf("error %q does not name the token %q", err, tc.repeated)
			}
			if strings.Contains(err.Error(), "resume") {
				t.Errorf("error %q suggests resuming from a token that loops", err)
			}
			if diff := cmp.Diff(tc.items, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			if len(f.calls) != len(tc.items)/10 {
				t.Errorf("made %d requests, want %d", len(f.calls), len(tc.items)/10)
			}
		})
	}
}

func TestPagerContext(t *testing.T) {
	t.Run("done before the first page", func(t *testing.T) {
		f := &fakeList{n: 30, size: 10}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		n := 0
		for _, err := range newPager("Test.List", nil, f.fetch).items(ctx) {
			n++
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("error = %v, want context.Canceled", err)
			}
		}
		if n != 1 || len(f.calls) != 0 {
			t.Errorf("%d yields and %d requests, want 1 and 0", n, len(f.calls))
		}
	})
	t.Run("cancelled between pages", func(t *testing.T) {
		f := &fakeList{n: 30, size: 10}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var got []int
		var last error
		for v, err := range newPager("Test.List", nil, f.fetch).items(ctx) {
			if err != nil {
				last = err
				continue
			}
			got = append(got, v)
			cancel() // while consuming the first page
		}
		var pe *PageError
		if !errors.As(last, &pe) || !errors.Is(last, context.Canceled) || pe.ResumeToken != "p1" || pe.Items != 10 {
			t.Fatalf("error = %v, want a PageError for context.Canceled resuming at p1 after 10 items", last)
		}
		if len(got) != 10 || len(f.calls) != 1 {
			t.Errorf("%d items and %d requests, want the first page only", len(got), len(f.calls))
		}
	})
	t.Run("nil", func(t *testing.T) {
		f := &fakeList{n: 30, size: 10}
		var nilCtx context.Context
		for _, err := range newPager("Test.List", nil, f.fetch).pages(nilCtx) {
			var pe *PageError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), "nil context") {
				t.Fatalf("error = %v, want one about the nil context", err)
			}
		}
		if len(f.calls) != 0 {
			t.Errorf("made %d requests with a nil context", len(f.calls))
		}
	})
}

func TestPagerLimits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		opts  IterOptions
		items []int
		calls int
		pages int // pages yielded by the page iterator
	}{
		{"max items mid-page", IterOptions{MaxItems: 15}, seq(0, 15), 2, 2},
		{"max items on a page boundary", IterOptions{MaxItems: 20}, seq(0, 20), 2, 2},
		{"max items beyond the end", IterOptions{MaxItems: 500}, seq(0, 45), 5, 5},
		{"max pages", IterOptions{MaxPages: 2}, seq(0, 20), 2, 2},
		{"max pages beyond the end", IterOptions{MaxPages: 9}, seq(0, 45), 5, 5},
		{"both, items first", IterOptions{MaxItems: 5, MaxPages: 3}, seq(0, 5), 1, 1},
		{"both, pages first", IterOptions{MaxItems: 35, MaxPages: 3}, seq(0, 30), 3, 3},
		{"resume", IterOptions{StartToken: "p3"}, seq(30, 45), 2, 2},
		{"resume with a limit", IterOptions{StartToken: "p1", MaxItems: 12}, seq(10, 22), 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeList{n: 45, size: 10}
			opts := tc.opts
			got, err := collect(t, newPager("Test.List", &opts, f.fetch))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.items, got); diff != "" {
				t.Errorf("items (-want +got):\n%s", diff)
			}
			if len(f.calls) != tc.calls {
				t.Errorf("item iterator made %d requests, want %d", len(f.calls), tc.calls)
			}
			f.calls = nil
			pages := 0
			for _, err := range newPager("Test.List", &opts, f.fetch).pages(context.Background()) {
				if err != nil {
					t.Fatal(err)
				}
				pages++
			}
			if pages != tc.pages || len(f.calls) != tc.pages {
				t.Errorf("page iterator yielded %d pages in %d requests, want %d", pages, len(f.calls), tc.pages)
			}
		})
	}
}

func TestPagerRejectsBadLimitsWithoutARequest(t *testing.T) {
	for _, opts := range []IterOptions{{MaxItems: -1}, {MaxPages: -3}} {
		f := &fakeList{n: 45, size: 10}
		n := 0
		for _, err := range newPager("Test.List", &opts, f.fetch).items(context.Background()) {
			n++
			var pe *PageError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "negative") {
				t.Errorf("%+v: error = %v, want one about a negative limit", opts, err)
			}
		}
		if n != 1 || len(f.calls) != 0 {
			t.Errorf("%+v: %d yields and %d requests, want 1 and 0", opts, n, len(f.calls))
		}
	}
}

func TestPagerFetchBugIsAnErrorNotAPanic(t *testing.T) {
	fetch := func(context.Context, string) (*Page[int], error) { return nil, nil }
	_, err := collect(t, newPager("Test.List", nil, fetch))
	var pe *PageError
	if !errors.As(err, &pe) {
		t.Fatalf("error = %v, want a *PageError", err)
	}
}

func TestPageSizeChoose(t *testing.T) {
	b := pageSize{min: 10, max: 100}
	for _, tc := range []struct {
		set  int
		it   *IterOptions
		want int
		err  string
	}{
		{0, nil, 100, ""},
		{0, &IterOptions{}, 100, ""},
		{0, &IterOptions{MaxItems: 50}, 50, ""},
		{0, &IterOptions{MaxItems: 3}, 10, ""},
		{0, &IterOptions{MaxItems: 1000}, 100, ""},
		{0, &IterOptions{MaxPages: 1}, 100, ""},
		{25, &IterOptions{MaxItems: 3}, 25, ""},
		{10, nil, 10, ""},
		{100, nil, 100, ""},
		{9, nil, 0, "twitter: Test.List: invalid argument: MaxResults 9 out of range [10, 100]"},
		{101, nil, 0, "MaxResults 101 out of range [10, 100]"},
		{-5, nil, 0, "MaxResults -5 out of range [10, 100]"},
	} {
		got, err := b.choose("Test.List", tc.set, tc.it)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("choose(%d, %+v) error = %v, want %q", tc.set, tc.it, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("choose(%d, %+v) = %d, %v; want %d", tc.set, tc.it, got, err, tc.want)
		}
	}
}

func TestStartToken(t *testing.T) {
	it := &IterOptions{MaxItems: 5}
	if got, err := startToken("Test.List", "", it); err != nil || got != it {
		t.Errorf("no options token: got %+v, %v; want the IterOptions unchanged", got, err)
	}
	got, err := startToken("Test.List", "tok", it)
	if err != nil || got.StartToken != "tok" || got.MaxItems != 5 || it.StartToken != "" {
		t.Errorf("options token: got %+v, %v (caller's now %+v)", got, err, it)
	}
	if got, err := startToken("Test.List", "tok", nil); err != nil || got.StartToken != "tok" {
		t.Errorf("options token, nil IterOptions: got %+v, %v", got, err)
	}
	if _, err := startToken("Test.List", "tok", &IterOptions{StartToken: "tok"}); err != nil {
		t.Errorf("same token twice: %v", err)
	}
	if _, err := startToken("Test.List", "a", &IterOptions{StartToken: "b"}); err == nil || !strings.Contains(err.Error(), "differ") {
		t.Errorf("different tokens: error = %v", err)
	}
}

func TestPageErrorMessages(t *testing.T) {
	apiErr := &Error{StatusCode: 503, Endpoint: "GET /2/users/{id}/followers"}
	for _, tc := range []struct {
		name string
		e    *PageError
		want string
	}{
		{"an API error names the endpoint once, without a second prefix",
			&PageError{Op: "Users.Followers", Err: apiErr, Pages: 2, Items: 200, ResumeToken: "p3"},
			`twitter: Users.Followers: stopped after 2 pages (200 items); resume with token "p3": GET /2/users/{id}/followers: 503 Service Unavailable`},
		{"a wrapped API error",
			&PageError{Op: "Users.Followers", Err: fmt.Errorf("%w (retry abandoned: %w)", apiErr, context.Canceled)},
			`twitter: Users.Followers: stopped after 0 pages (0 items); resume from the first page: GET /2/users/{id}/followers: 503 Service Unavailable (retry abandoned: context canceled)`},
		{"an argument error before any request is the argument error",
			&PageError{Op: "Users.Followers", Err: invalid("Users.Followers", "MaxResults 5000 out of range [1, 1000]")},
			"twitter: Users.Followers: invalid argument: MaxResults 5000 out of range [1, 1000]"},
		{"an argument error on a later page drops the repeated prefix",
			&PageError{Op: "Users.Followers", Err: invalid("Users.Followers", "empty user id"), Pages: 1, Items: 3, ResumeToken: "t"},
			`twitter: Users.Followers: stopped after 1 page (3 items); resume with token "t": invalid argument: empty user id`},
		{"a cause from another operation keeps its name",
			&PageError{Op: "Users.Followers", Err: invalid("Users.Lookup", "no user ids"), Pages: 1, Items: 1, ResumeToken: "t"},
			`twitter: Users.Followers: stopped after 1 page (1 item); resume with token "t": Users.Lookup: invalid argument: no user ids`},
		{"a repeated token says nothing of resuming",
			&PageError{Op: "Lists.Members", Err: fmt.Errorf("%w %q", ErrRepeatedToken, "x"), Pages: 4, Items: 40, ResumeToken: "x"},
			`twitter: Lists.Members: stopped after 4 pages (40 items): the API repeated a pagination token "x"`},
		{"a cancelled context",
			&PageError{Op: "Tweets.SearchRecent", Err: context.Canceled, Pages: 1, Items: 10, ResumeToken: "n"},
			`twitter: Tweets.SearchRecent: stopped after 1 page (10 items); resume with token "n": context canceled`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.e.Error(); got != tc.want {
				t.Errorf("message\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestPageErrorMessageFromTheStart(t *testing.T) {
	e := &PageError{Op: "Tweets.SearchRecent", Err: errors.New("x")}
	if want := "twitter: Tweets.SearchRecent: stopped after 0 pages (0 items); resume from the first page: x"; e.Error() != want {
		t.Errorf("message %q, want %q", e.Error(), want)
	}
	e = &PageError{Op: "Users.Followers", Err: errors.New("x"), Pages: 1, Items: 1, ResumeToken: "t"}
	if want := `twitter: Users.Followers: stopped after 1 page (1 item); resume with token "t": x`; e.Error() != want {
		t.Errorf("message %q, want %q", e.Error(), want)
	}
	if !slices.Contains([]error{errors.Unwrap(e)}, e.Err) {
		t.Error("Unwrap does not return Err")
	}
}

// fakeOpts stands for an operation's options: a window that must stay the same on every
// page, a page size and a token.
type fakeOpts struct {
	Since      string
	MaxResults int
	Token      string
}

func fakePaging(o *fakeOpts) (*int, *string) { return &o.MaxResults, &o.Token }

type fakeResp struct {
	Data []int
	Next string
}

// fakeOp is a paginated operation of fakeResp pages, as operations.gen.go writes them.
func fakeOp(name string, size pageSize) *paged[fakeResp, int] {
	return &paged[fakeResp, int]{
		operation: operation[fakeResp]{opFacts: opFacts{id: "fake", facade: []string{name}, size: size, paging: &pageFacts{}}},
		page: func(r *fakeResp) *Page[int] {
			return newPage(r.Data, nil, r.Next, PageMeta{ResultCount: len(r.Data)})
		},
	}
}

// TestOpPagerSendsTheSameOptionsWithEachToken checks the adapter between the pager and an
// operation's single-page method.
func TestOpPagerSendsTheSameOptionsWithEachToken(t *testing.T) {
	var sent []fakeOpts
	call := func(_ context.Context, o *fakeOpts) (*fakeResp, *Response, error) {
		sent = append(sent, *o)
		o.Since = "mutated by the method" // must not leak into the next page
		switch o.Token {
		case "":
			return &fakeResp{Data: []int{1, 2}, Next: "n1"}, &Response{Attempts: 1}, nil
		case "n1":
			return &fakeResp{Data: []int{3}, Next: "n2"}, &Response{Attempts: 2}, nil
		}
		return &fakeResp{}, &Response{}, nil
	}
	caller := &fakeOpts{Since: "100"}
	var resps []int
	for p, err := range opPager(fakeOp("Fake.List", pageSize{min: 5, max: 50}), caller, nil, fakePaging, call).pages(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if p.Includes == nil || p.Response == nil {
			t.Fatal("page lacks includes or response")
		}
		resps = append(resps, p.Response.Attempts)
	}
	want := []fakeOpts{{"100", 50, ""}, {"100", 50, "n1"}, {"100", 50, "n2"}}
	if diff := cmp.Diff(want, sent); diff != "" {
		t.Errorf("options sent (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(fakeOpts{Since: "100"}, *caller); diff != "" {
		t.Errorf("the caller's options changed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 2, 0}, resps); diff != "" {
		t.Errorf("responses (-want +got):\n%s", diff)
	}

	// A page size set by the caller, a start token in the options, a MaxItems that shrinks
	// the page.
	for _, tc := range []struct {
		opts  *fakeOpts
		it    *IterOptions
		first fakeOpts
	}{
		{&fakeOpts{MaxResults: 7}, nil, fakeOpts{MaxResults: 7}},
		{&fakeOpts{Token: "n1"}, nil, fakeOpts{MaxResults: 50, Token: "n1"}},
		{nil, &IterOptions{StartToken: "n1"}, fakeOpts{MaxResults: 50, Token: "n1"}},
		{nil, &IterOptions{MaxItems: 12}, fakeOpts{MaxResults: 12}},
		{nil, &IterOptions{MaxItems: 2}, fakeOpts{MaxResults: 5}},
	} {
		sent = nil
		for _, err := range opPager(fakeOp("Fake.List", pageSize{min: 5, max: 50}), tc.opts, tc.it, fakePaging, call).pages(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
		if diff := cmp.Diff([]fakeOpts{tc.first}, sent); diff != "" {
			t.Errorf("%+v %+v: first request (-want +got):\n%s", tc.opts, tc.it, diff)
		}
	}

	// An operation without a page size (counts) sends none.
	sent = nil
	noSize := func(o *fakeOpts) (*int, *string) { return nil, &o.Token }
	for range opPager(fakeOp("Fake.Count", pageSize{}), nil, nil, noSize, call).items(context.Background()) {
		break
	}
	if diff := cmp.Diff([]fakeOpts{{}}, sent); diff != "" {
		t.Errorf("first request without a page size (-want +got):\n%s", diff)
	}
}

func TestOpPagerRejectsBadArgumentsWithoutARequest(t *testing.T) {
	calls := 0
	call := func(context.Context, *fakeOpts) (*fakeResp, *Response, error) {
		calls++
		return &fakeResp{}, &Response{}, nil
	}
	for _, tc := range []struct {
		opts *fakeOpts
		it   *IterOptions
		want string
	}{
		{&fakeOpts{MaxResults: 51}, nil, "twitter: Fake.List: invalid argument: MaxResults 51 out of range [5, 50]"},
		{&fakeOpts{MaxResults: 4}, nil, "twitter: Fake.List: invalid argument: MaxResults 4 out of range [5, 50]"},
		{&fakeOpts{Token: "a"}, &IterOptions{StartToken: "b"}, `twitter: Fake.List: invalid argument: the options' PaginationToken "a" and IterOptions.StartToken "b" differ; set one`},
		{nil, &IterOptions{MaxPages: -1}, "twitter: Fake.List: invalid argument: IterOptions.MaxPages -1 is negative"},
		{nil, &IterOptions{MaxItems: -2}, "twitter: Fake.List: invalid argument: IterOptions.MaxItems -2 is negative"},
	} {
		n := 0
		for v, err := range opPager(fakeOp("Fake.List", pageSize{min: 5, max: 50}), tc.opts, tc.it, fakePaging, call).items(context.Background()) {
			n++
			var pe *PageError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalidArgument) || pe.Op != "Fake.List" || pe.Pages != 0 ||
				err.Error() != tc.want || v != 0 {
				t.Errorf("%+v %+v: yielded %v, %v; want a PageError about %q", tc.opts, tc.it, v, err, tc.want)
			}
		}
		if n != 1 {
			t.Errorf("%+v %+v: %d yields, want 1", tc.opts, tc.it, n)
		}
	}
	if calls != 0 {
		t.Errorf("%d requests were sent for rejected arguments", calls)
	}
}

func TestOpPagerMethodErrors(t *testing.T) {
	boom := errors.New("boom")
	call := func(_ context.Context, o *fakeOpts) (*fakeResp, *Response, error) {
		if o.Token == "n1" {
			return nil, &Response{}, boom
		}
		return &fakeResp{Data: []int{1}, Next: "n1"}, &Response{}, nil
	}
	_, err := collect(t, opPager(fakeOp("Fake.List", pageSize{min: 5, max: 50}), nil, nil, fakePaging, call))
	var pe *PageError
	if !errors.As(err, &pe) || !errors.Is(err, boom) || pe.ResumeToken != "n1" || pe.Items != 1 {
		t.Errorf("error = %#v, want a PageError for boom resuming at n1", err)
	}
	nilBody := func(context.Context, *fakeOpts) (*fakeResp, *Response, error) { return nil, &Response{}, nil }
	if _, err := collect(t, opPager(fakeOp("Fake.List", pageSize{min: 5, max: 50}), nil, nil, fakePaging, nilBody)); !errors.As(err, &pe) {
		t.Errorf("nil body: error = %v, want a PageError", err)
	}
}

const manyFollowers = 100_000

// The memory of an iteration is one page: paging 100,000 followers must not hold them.

func manyFollowersServer(tb testing.TB) *testserver.Server {
	return testserver.Start(tb, testserver.WithFollowers(testserver.JackID, manyFollowers),
		testserver.WithoutResponseValidation(), testserver.WithoutRateLimits())
}

// heapInUse is the live heap after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestFollowersIterMemoryIsFlat(t *testing.T) {
	s := manyFollowersServer(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()

	base := heapInUse()
	var peak uint64
	n := 0
	var last string
	for u, err := range c.Users.FollowersIter(ctx, testserver.JackID, nil, nil) {
		if err != nil {
			t.Fatalf("after %d followers: %v", n, err)
		}
		n++
		last = u.ID
		if n%10_000 == 0 {
			peak = max(peak, heapInUse())
		}
	}
	after := heapInUse()
	if n != manyFollowers {
		t.Fatalf("iterated %d followers, want %d", n, manyFollowers)
	}
	if want := s.World().FollowerIDs(testserver.JackID)[manyFollowers-1]; last != want {
		t.Errorf("last follower %s, want %s", last, want)
	}
	growth := int64(peak) - int64(base)
	t.Logf("heap: %d KiB before, peak %d KiB during, %d KiB after", base>>10, peak>>10, after>>10)
	// One page of 1000 users is a few hundred KiB decoded; holding all 100,000 would be
	// tens of MiB. 8 MiB allows for the runtime, the transport and the server.
	const bound = 8 << 20
	if growth > bound {
		t.Errorf("the heap grew by %d KiB while iterating, more than %d KiB: pages are being held", growth>>10, bound>>10)
	}
	if retained := int64(after) - int64(base); retained > 2<<20 {
		t.Errorf("%d KiB still in use after the iteration", retained>>10)
	}
}

// BenchmarkFollowersIter100k pages through 100,000 followers, 1000 a page, against the fake
// X API in the same process (so its work is in the numbers too). Run with -benchmem:
// allocations per follower are reported as allocs/follower.
func BenchmarkFollowersIter100k(b *testing.B) {
	s := manyFollowersServer(b)
	c, _ := iterClient(b, s, s.AppBearerToken())
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range c.Users.FollowersIter(ctx, testserver.JackID, nil, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != manyFollowers {
			b.Fatalf("%d followers", n)
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "MiB-heap-in-use")
}
