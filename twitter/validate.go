package twitter

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"
	"unicode/utf8"
)

// ErrInvalidArgument is wrapped by every error a method or iterator returns because it
// rejected its arguments before sending anything: an empty or malformed id, too many ids,
// a page size out of the operation's bounds. Test for it with errors.Is.
var ErrInvalidArgument = errors.New("twitter: invalid argument")

// argumentError is a rejected argument of one method. Every argument error is one, made
// by invalid, so they all read "twitter: Users.Followers: invalid argument: ...".
type argumentError struct {
	method string // "Tweets.Lookup"
	msg    string
}

func (e *argumentError) Error() string {
	return "twitter: " + e.method + ": invalid argument: " + e.msg
}

// Is makes errors.Is(err, ErrInvalidArgument) true.
func (e *argumentError) Is(target error) bool { return target == ErrInvalidArgument }

// invalid reports a rejected argument of method ("Tweets.Lookup"): the one wording of
// argument errors, for single-page methods and iterators alike.
func invalid(method, format string, args ...any) error {
	return &argumentError{method: method, msg: fmt.Sprintf(format, args...)}
}

// outOfRange reports an integer argument (name, as the options spell it: "MaxResults")
// outside the operation's bounds.
func outOfRange(method, name string, n, lo, hi int) error {
	return invalid(method, "%s %d out of range [%d, %d]", name, n, lo, hi)
}

// checkID rejects an empty id, or one that does not match pattern. what names the
// argument ("tweet id").
func checkID(method, what string, pattern *regexp.Regexp, id string) error {
	if id == "" {
		return invalid(method, "empty %s", what)
	}
	if !pattern.MatchString(id) {
		return invalid(method, "%s %q is malformed (want %s)", what, id, pattern)
	}
	return nil
}

// checkIDs rejects an empty list, more than max items (the maxItems of the parameter or
// property that sends them), or a malformed item.
func checkIDs(method, what string, pattern *regexp.Regexp, max int, ids []string) error {
	if len(ids) == 0 {
		return invalid(method, "no %ss", what)
	}
	if len(ids) > max {
		return invalid(method, "%d %ss; the API takes at most %d a call", len(ids), what, max)
	}
	return checkEach(method, what, pattern, ids)
}

// checkEach validates every item of a list of ids, which may be empty.
func checkEach(method, what string, pattern *regexp.Regexp, ids []string) error {
	for i, id := range ids {
		if err := checkID(method, what, pattern, id); err != nil {
			return fmt.Errorf("%w (item %d)", err, i)
		}
	}
	return nil
}

// maxResults validates a page size against the operation's bounds and returns it for the
// generated params: nil for 0 (the endpoint's default).
func maxResults(method string, n int, size pageSize) (*int32, error) {
	return bounded(method, "MaxResults", n, size.min, size.max)
}

// bounded validates an optional integer parameter (name) against its bounds and returns
// it for the generated params: nil for 0 (the endpoint's default).
func bounded(method, name string, n, lo, hi int) (*int32, error) {
	if n == 0 {
		return nil, nil
	}
	if n < lo || n > hi {
		return nil, outOfRange(method, name, n, lo, hi)
	}
	v := int32(n)
	return &v, nil
}

// page validates a PageOptions and returns its max_results and pagination_token.
func page(method string, o PageOptions, size pageSize) (*int32, *string, error) {
	n, err := maxResults(method, o.MaxResults, size)
	if err != nil {
		return nil, nil, err
	}
	return n, optString(o.PaginationToken), nil
}

// checkQuery rejects an empty query or one longer than max characters.
func checkQuery(method, query string, max int) error {
	if query == "" {
		return invalid(method, "empty query")
	}
	if n := utf8.RuneCountInString(query); n > max {
		return invalid(method, "query is %d characters; the API takes at most %d", n, max)
	}
	return nil
}

// window validates the since_id/until_id and start_time/end_time bounds of a request.
func window(method, sinceID, untilID string, start, end time.Time) error {
	if sinceID != "" {
		if err := checkID(method, "SinceID", patternTweetID, sinceID); err != nil {
			return err
		}
	}
	if untilID != "" {
		if err := checkID(method, "UntilID", patternTweetID, untilID); err != nil {
			return err
		}
	}
	if !start.IsZero() && !end.IsZero() && !end.After(start) {
		return invalid(method, "EndTime %s is not after StartTime %s", end.Format(time.RFC3339), start.Format(time.RFC3339))
	}
	return nil
}

// enum is a string enum of the generated client: its Valid method knows the document's
// values, and enumValues (enums.gen.go, generated from the same document) lists them.
type enum interface {
	~string
	Valid() bool
}

// checkEnum rejects v, the value of the option name, when it is set and not one of the
// document's values.
func checkEnum[E enum](method, name string, v E) error {
	if v != "" && !v.Valid() {
		return notOneOf(method, name, v)
	}
	return nil
}

// checkOneOf rejects v, the value of the required field name, when it is not one of the
// document's values; empty is not one of them.
func checkOneOf[E enum](method, name string, v E) error {
	if !v.Valid() {
		return notOneOf(method, name, v)
	}
	return nil
}

// optEnum checks v as checkEnum does and returns it for the generated params: nil when
// empty (the parameter left out).
func optEnum[E enum](method, name string, v E) (*E, error) {
	if v == "" {
		return nil, nil
	}
	if err := checkEnum(method, name, v); err != nil {
		return nil, err
	}
	return &v, nil
}

// checkSet rejects a value of the enumerated list option name that is not one of the
// document's values, or a value listed twice.
func checkSet[E enum](method, name string, values []E) error {
	for i, v := range values {
		if !v.Valid() {
			return notOneOf(method, name, v)
		}
		if slices.Contains(values[:i], v) {
			return invalid(method, "%s lists %q twice", name, v)
		}
	}
	return nil
}

// optSet checks values as checkSet does and returns them for the generated params: nil
// when empty.
func optSet[E enum](method, name string, values []E) (*[]E, error) {
	if err := checkSet(method, name, values); err != nil {
		return nil, err
	}
	return optional(values), nil
}

// notOneOf is the error of an enum value outside the document's: it names the option or
// field, the value and the values it takes, in the document's order.
func notOneOf[E enum](method, name string, v E) error {
	return invalid(method, "%s %q is not one of %s", name, v, enumValues(v))
}

// checkPair validates the acting user and the target user of a graph change.
func checkPair(method, userID, target string) error {
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return err
	}
	return checkID(method, "target user id", patternUserID, target)
}

// checkUserTweet validates the acting user and the Tweet of a like or Retweet.
func checkUserTweet(method, userID, tweetID string) error {
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return err
	}
	return checkID(method, "tweet id", patternTweetID, tweetID)
}
