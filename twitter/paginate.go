package twitter

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/twitterkit/go/gen"
)

// IterOptions limits and resumes an iteration over a paginated operation. A nil
// *IterOptions (or the zero value) means every page, starting from the first.
type IterOptions struct {
	// MaxItems stops the iteration after this many items; 0 means no limit. An item
	// iterator yields exactly this many (fewer when the list is shorter). A page iterator
	// yields whole pages and stops after the page that reaches the limit. When the
	// operation's page size was not set explicitly, a MaxItems below the largest page size
	// also shrinks the pages requested, so no more is fetched than needed.
	MaxItems int

	// MaxPages stops the iteration after this many pages (successful requests); 0 means
	// no limit.
	MaxPages int

	// StartToken resumes an earlier iteration: pass the NextToken of the last page it
	// handled, or PageError.ResumeToken after a failure. Empty means the first page. It
	// takes the place of the pagination token of the operation's own options; setting both
	// to different values is an error.
	StartToken string
}

// Page is one page of a paginated operation.
//
// A Page is not reused: it stays valid after the iteration moves on. Hold on to it only as
// long as needed, since the iteration's memory stays flat only while pages are let go.
type Page[T any] struct {
	// Items are the page's results (the response's "data"); empty when the page had none,
	// which X sends at times even when more pages follow.
	Items []T

	// Includes resolves the ids in Items to the objects expanded into the page's
	// "includes". Never nil.
	Includes *Includes

	// Response is the HTTP response of the page's request.
	Response *Response

	// Token is the pagination token this page was fetched with: "" for the first page.
	// Pass it as IterOptions.StartToken to fetch this page again.
	Token string

	// NextToken fetches the page after this one; "" on the last page. Pass it as
	// IterOptions.StartToken to resume after this page.
	NextToken string

	// Meta is the rest of the response's "meta" object.
	Meta PageMeta

	// Number counts the pages of this iteration, from 1.
	Number int
}

// PageMeta is the "meta" object of a page, the same shape for every operation; a field the
// operation does not send is zero.
type PageMeta struct {
	// ResultCount is the number of results the API says the page holds.
	ResultCount int
	// NewestID and OldestID are the ids of the newest and oldest Tweets of a Tweet page:
	// keep NewestID to ask later for only newer Tweets (SinceID).
	NewestID, OldestID string
	// PreviousToken fetches the page before this one, where the operation offers it.
	PreviousToken string
	// TotalTweetCount is the sum of the counts of a Tweet-counts page.
	TotalTweetCount int
}

// TweetPage is a page of Tweets, of every paginated operation whose items are Tweets.
type TweetPage = Page[gen.Tweet]

// UserPage is a page of users, of every paginated operation whose items are users.
type UserPage = Page[gen.User]

// CountPage is a page of Tweet-count buckets.
type CountPage = Page[gen.SearchCount]

// RulePage is a page of filtered-stream rules.
type RulePage = Page[gen.Rule]

// ListPage is a page of Lists.
type ListPage = Page[gen.List]

// DMEventPage is a page of direct-message events.
type DMEventPage = Page[gen.DmEvent]

// ErrRepeatedToken reports that the API sent a pagination token it had already sent during
// the same iteration. Following it would fetch the same pages forever, so the iteration
// stops; the error names the token. Test for it with errors.Is.
var ErrRepeatedToken = errors.New("twitter: the API repeated a pagination token")

// PageError is the error every iterator yields: it says how far the iteration got and
// where to resume. Err is the cause: a *Error for an API answer (errors.As and the Is...
// predicates see through PageError), the context's error, ErrRepeatedToken, or an
// argument the iteration rejected before sending anything.
type PageError struct {
	// Op is the paginated operation, as "Users.Followers".
	Op string
	// Err is why the iteration stopped.
	Err error
	// Pages and Items count the pages and items the iteration fetched and yielded before
	// the failure.
	Pages, Items int
	// ResumeToken is the token of the page that failed: pass it as IterOptions.StartToken
	// (with the same operation options) to carry on from there without repeating or
	// missing an item. "" means the first page. After ErrRepeatedToken it is the repeated
	// token, for the report: resuming from it would repeat pages.
	ResumeToken string
}

// Error says how far the iteration got and where to resume, then the cause once, without
// repeating the "twitter: Op: " prefix the cause may carry:
//
//	twitter: Users.Followers: stopped after 2 pages (200 items); resume with token "7140dibdnow9c7btw3w": GET /2/users/{id}/followers: 503 Service Unavailable
//
// An argument rejected before any request reads as the argument error itself (resuming
// cannot help), in the same words the single-page method uses:
//
//	twitter: Users.Followers: invalid argument: MaxResults 5000 out of range [1, 1000]
func (e *PageError) Error() string {
	cause := "<nil>"
	if e.Err != nil {
		cause = e.Err.Error()
	}
	if e.Pages == 0 && errors.Is(e.Err, ErrInvalidArgument) {
		return cause
	}
	cause = strings.TrimPrefix(cause, "twitter: ")
	cause = strings.TrimPrefix(cause, e.Op+": ")
	var resume string
	switch {
	case errors.Is(e.Err, ErrRepeatedToken):
		// Resuming would loop again: say nothing about it.
	case e.ResumeToken == "":
		resume = "; resume from the first page"
	default:
		resume = fmt.Sprintf("; resume with token %q", e.ResumeToken)
	}
	return fmt.Sprintf("twitter: %s: stopped after %s (%s)%s: %s", e.Op, plural(e.Pages, "page"), plural(e.Items, "item"), resume, cause)
}

// plural is "1 page", "2 pages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *PageError) Unwrap() error { return e.Err }

// fetchPage fetches the page that token names ("" for the first) and fills in its Items,
// Includes, Response, NextToken and Meta. It never returns a nil page without an error.
type fetchPage[T any] func(ctx context.Context, token string) (*Page[T], error)

// pager is the machinery behind every iterator: one operation, its limits and its fetch.
type pager[T any] struct {
	op     string
	limits IterOptions
	fetch  fetchPage[T]
	err    error // an argument error, yielded instead of any request
}

// rejected returns a pager that yields err (wrapped in a *PageError) and sends nothing.
func rejected[T any](op string, it *IterOptions, err error) *pager[T] {
	p := &pager[T]{op: op, err: err}
	if it != nil {
		p.limits = *it
	}
	return p
}

// newPager checks the limits and returns a pager; a bad limit becomes the pager's only
// yield, before any request.
func newPager[T any](op string, it *IterOptions, fetch fetchPage[T]) *pager[T] {
	p := &pager[T]{op: op, fetch: fetch}
	if it != nil {
		p.limits = *it
	}
	switch {
	case p.limits.MaxItems < 0:
		p.err = invalid(op, "IterOptions.MaxItems %d is negative", p.limits.MaxItems)
	case p.limits.MaxPages < 0:
		p.err = invalid(op, "IterOptions.MaxPages %d is negative", p.limits.MaxPages)
	}
	return p
}

// pages returns the page iterator.
func (p *pager[T]) pages(ctx context.Context) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) { p.run(ctx, yield) }
}

// items returns the item iterator: the pages' items in order, at most MaxItems of them.
func (p *pager[T]) items(ctx context.Context) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		n := 0
		p.run(ctx, func(page *Page[T], err error) bool {
			if err != nil {
				var zero T
				yield(zero, err)
				return false
			}
			for i := range page.Items {
				if p.limits.MaxItems > 0 && n >= p.limits.MaxItems {
					return false
				}
				n++
				if !yield(page.Items[i], nil) {
					return false
				}
			}
			return true
		})
	}
}

// run fetches pages in order and yields each, until the last page, a limit, a break (yield
// returns false) or the first error, which it yields once.
//
// It remembers every token of the iteration to detect a loop: a few dozen bytes a page,
// against the page itself.
func (p *pager[T]) run(ctx context.Context, yield func(*Page[T], error) bool) {
	token := p.limits.StartToken
	pages, items := 0, 0
	fail := func(err error) {
		yield(nil, &PageError{Op: p.op, Err: err, Pages: pages, Items: items, ResumeToken: token})
	}
	if p.err != nil {
		fail(p.err)
		return
	}
	if ctx == nil {
		fail(errors.New("nil context"))
		return
	}
	seen := map[string]struct{}{token: {}}
	for {
		if err := ctx.Err(); err != nil {
			fail(err)
			return
		}
		page, err := p.fetch(ctx, token)
		if err == nil && page == nil {
			err = errors.New("no page and no error") // a bug in the fetch function
		}
		if err != nil {
			fail(err)
			return
		}
		pages++
		items += len(page.Items)
		page.Token, page.Number = token, pages
		if !yield(page, nil) {
			return
		}
		next := page.NextToken
		if next == "" ||
			(p.limits.MaxPages > 0 && pages >= p.limits.MaxPages) ||
			(p.limits.MaxItems > 0 && items >= p.limits.MaxItems) {
			return
		}
		if _, dup := seen[next]; dup {
			token = next
			fail(fmt.Errorf("%w %q", ErrRepeatedToken, next))
			return
		}
		seen[next] = struct{}{}
		token = next
	}
}

// pageSize is the range of max_results an operation accepts, from the API document
// (opFacts.size).
type pageSize struct{ min, max int }

// choose returns the max_results to send: the caller's value when set (checked against the
// operation's range), otherwise the largest page, or a smaller one when MaxItems needs no
// more, so an iteration makes as few requests as it can.
// op names the operation in the error, which words the range as its single-page method does.
func (b pageSize) choose(op string, set int, it *IterOptions) (int, error) {
	if set != 0 {
		if set < b.min || set > b.max {
			return 0, outOfRange(op, "MaxResults", set, b.min, b.max)
		}
		return set, nil
	}
	if it != nil && it.MaxItems > 0 && it.MaxItems < b.max {
		return max(it.MaxItems, b.min), nil
	}
	return b.max, nil
}

// startToken merges the pagination token of an operation's options with
// IterOptions.StartToken into the iteration's limits.
func startToken(op, optsToken string, it *IterOptions) (*IterOptions, error) {
	if optsToken == "" {
		return it, nil
	}
	var lim IterOptions
	if it != nil {
		lim = *it
	}
	if lim.StartToken != "" && lim.StartToken != optsToken {
		return nil, invalid(op, "the options' PaginationToken %q and IterOptions.StartToken %q differ; set one",
			optsToken, lim.StartToken)
	}
	lim.StartToken = optsToken
	return &lim, nil
}

// opPager builds the pager of one paginated operation of the services layer, from the
// operation's generated facts: its facade name (for errors), its page sizes and how a
// response becomes a Page.
//
// opts are the operation's options (nil for defaults); they are copied, never modified,
// and every page is requested with the same copy except for the token, so the window of
// a search (start_time, end_time, since_id, until_id) and the fields asked for stay the
// same across pages. paging returns pointers to the options' page size (nil when the
// operation has none) and pagination token. call is the operation's single-page method.
func opPager[O, R, T any](op *paged[R, T], opts *O, it *IterOptions,
	paging func(*O) (maxResults *int, token *string),
	call func(context.Context, *O) (*R, *Response, error),
) *pager[T] {
	name := op.facade[0]
	var o O
	if opts != nil {
		o = *opts
	}
	maxResults, tok := paging(&o)
	lim, err := startToken(name, *tok, it)
	if err != nil {
		return rejected[T](name, it, err)
	}
	*tok = ""
	if maxResults != nil {
		n, err := op.size.choose(name, *maxResults, lim)
		if err != nil {
			return rejected[T](name, lim, err)
		}
		*maxResults = n
	}
	return newPager(name, lim, func(ctx context.Context, token string) (*Page[T], error) {
		oc := o
		_, t := paging(&oc)
		*t = token
		r, resp, err := call(ctx, &oc)
		if err != nil {
			return nil, err
		}
		if r == nil {
			return nil, errors.New("no response body")
		}
		p := op.page(r)
		p.Response = resp
		return p, nil
	})
}

// newPage assembles a page from the parts of a generated list response.
func newPage[T any](data []T, includes *gen.Expansions, next string, meta PageMeta) *Page[T] {
	return &Page[T]{Items: data, Includes: NewIncludes(includes), NextToken: next, Meta: meta}
}

// pageFacts are the pagination facts of an operation, from the document.
type pageFacts struct {
	sizeParam  string // "max_results", or "" when the page size cannot be chosen
	tokenParam string // the query parameter that takes a page's token: pagination_token or next_token
	nextToken  string // the meta member that carries the next page's token
	item       string // the generated type of the items, as "User"
}

// paged is a paginated operation: its operation and how a response becomes a Page of I.
type paged[T, I any] struct {
	operation[T]
	page func(*T) *Page[I]
}
