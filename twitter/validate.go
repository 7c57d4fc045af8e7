package twitter

import (
	"errors"
	"fmt"
	"regexp"
)

// ErrInvalidArgument is wrapped by every error a method returns because it rejected its
// arguments before sending anything: an empty or malformed id, too many ids, a page size
// out of the operation's bounds. Test for it with errors.Is.
var ErrInvalidArgument = errors.New("invalid argument")

// invalid reports a rejected argument of method ("Tweets.Lookup").
func invalid(method, format string, args ...any) error {
	return fmt.Errorf("twitter: %s: %w: %s", method, ErrInvalidArgument, fmt.Sprintf(format, args...))
}

// Id and handle patterns from the API document.
var (
	numericID       = regexp.MustCompile(`^[0-9]{1,19}$`) // TweetID, UserID, RuleId, JobId
	usernamePattern = regexp.MustCompile(`^[A-Za-z0-9_]{1,15}$`)
)

// maxIDs is the most ids a batch lookup takes.
const maxIDs = 100

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

// checkIDs rejects an empty list, more than maxIDs items, or a malformed item.
func checkIDs(method, what string, pattern *regexp.Regexp, ids []string) error {
	if len(ids) == 0 {
		return invalid(method, "no %ss", what)
	}
	if len(ids) > maxIDs {
		return invalid(method, "%d %ss; the API takes at most %d a call", len(ids), what, maxIDs)
	}
	for i, id := range ids {
		if err := checkID(method, what, pattern, id); err != nil {
			return fmt.Errorf("%w (item %d)", err, i)
		}
	}
	return nil
}

// maxResults validates a page size against the operation's bounds and returns it for the
// generated params: nil for 0 (the endpoint's default).
func maxResults(method string, n, lo, hi int) (*int32, error) {
	if n == 0 {
		return nil, nil
	}
	if n < lo || n > hi {
		return nil, invalid(method, "MaxResults %d out of range [%d, %d]", n, lo, hi)
	}
	v := int32(n)
	return &v, nil
}

// page validates a PageOptions and returns its max_results and pagination_token.
func page(method string, o PageOptions, lo, hi int) (*int32, *string, error) {
	n, err := maxResults(method, o.MaxResults, lo, hi)
	if err != nil {
		return nil, nil, err
	}
	return n, optString(o.PaginationToken), nil
}

// checkPair validates the acting user and the target user of a graph change.
func checkPair(method, userID, target string) error {
	if err := checkID(method, "user id", numericID, userID); err != nil {
		return err
	}
	return checkID(method, "target user id", numericID, target)
}
