package twitter

import (
	"context"
	"reflect"
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
)

// do performs one call through Client.call and decodes the body into a new T (a generated
// response type). A 2xx answer that outcome says is a failure is returned as an *Error
// with the 2xx status and the body's problems, together with the decoded body.
func do[T any](ctx context.Context, c *Client, ep endpoint, how outcome, send sender) (*T, *Response, error) {
	out := new(T)
	resp, err := c.call(ctx, ep, send, out)
	if err != nil {
		return nil, resp, err
	}
	if len(resp.PartialErrors) == 0 {
		return out, resp, nil
	}
	if how == allOrNothing || how == needData && !hasData(out) {
		return out, resp, failure(ep, resp)
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

// hasData reports whether the "data" member of a decoded generated response type is
// present: a non-nil list (even an empty one) or a non-zero object.
func hasData(out any) bool {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return false
	}
	f := v.Elem().FieldByName("Data")
	if !f.IsValid() {
		return false
	}
	switch f.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return !f.IsNil()
	}
	return !f.IsZero()
}
