package twitter

import (
	"context"

	"github.com/twitterkit/go/gen"
)

// outcome says how a 2xx body that carries problems in "errors" is read.
type outcome int

const (
	// perItem: a batch lookup. Each problem is about one item (an id not found, a
	// protected account); the call succeeded and the problems are in
	// Response.PartialErrors.
	perItem outcome = iota
	// needData: a read about one subject (a Tweet, a user's followers, a search). Problems
	// beside data are partial errors; problems with no data at all mean the request failed
	// as a whole, as when X answers 200 for a Tweet id that does not exist.
	needData
	// allOrNothing: a change to one thing (like, follow, block). Any problem means the
	// change was not made, even though X answered 200.
	allOrNothing
	// none: the response type has no "errors" member (a stream, a raw document).
	none
)

// opFacts is what the facade knows of one operation of the document. operations.gen.go
// holds one for every operation, written from the document by internal/cmd/opfacts.
type opFacts struct {
	id string // the operationId
	endpoint
	facade  []string   // the facade methods that call it, as "Users.Followers"; none when only Raw does
	outcome outcome    // how a 2xx carrying "errors" is read
	size    pageSize   // the bounds of max_results; zero when the operation takes none
	paging  *pageFacts // nil when the operation is not paginated
}

// operation is an operation together with typed accessors of its response type T: how the
// call path reads the "errors" and "data" members without reflection.
type operation[T any] struct {
	opFacts
	problems func(*T) []gen.Problem // the "errors" member; nil when T has none (outcome none)
	hasData  func(*T) bool          // whether "data" is present; nil when T has none
}

// do performs one call of op through Client.call and decodes the body into a new T (the
// operation's generated response type). A 2xx answer that the operation's outcome says is
// a failure is returned as an *Error with the 2xx status and the body's problems, together
// with the decoded body.
func do[T any](ctx context.Context, c *Client, op *operation[T], send sender) (*T, *Response, error) {
	out := new(T)
	resp, err := c.call(ctx, op.endpoint, send, out)
	if err != nil {
		return nil, resp, err
	}
	if op.problems != nil {
		resp.PartialErrors = op.problems(out)
	}
	if len(resp.PartialErrors) == 0 {
		return out, resp, nil
	}
	if op.outcome == allOrNothing || op.outcome == needData && (op.hasData == nil || !op.hasData(out)) {
		return out, resp, failure(op.endpoint, resp)
	}
	return out, resp, nil
}

// failure describes a 2xx answer whose problems mean the request failed.
func failure(ep endpoint, resp *Response) *Error {
	p := resp.PartialErrors[0]
	e := &Error{
		StatusCode: resp.StatusCode,
		Type:       ProblemType(p.Type),
		Title:      p.Title,
		Problems:   resp.PartialErrors,
		RequestID:  resp.RequestID,
		RateLimit:  resp.RateLimit,
		Endpoint:   ep.name,
		Response:   resp.Response,
	}
	e.Detail = p.Detail
	return e
}
