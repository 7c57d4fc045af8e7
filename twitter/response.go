package twitter

import (
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Response is the HTTP response of a call, with what the client parsed from it. Its body
// has already been read and closed.
type Response struct {
	*http.Response

	// RateLimit is the rate-limit state the response reported for its endpoint.
	RateLimit RateLimit

	// PartialErrors are the problems a successful response carried beside its data, such
	// as ids of a batch lookup that were not found. Empty when there were none.
	PartialErrors []gen.Problem

	// RequestID is X's id of the request (the x-transaction-id header), useful when
	// reporting a problem to X.
	RequestID string

	// Attempts is how many times the request was sent (1 when it was not retried).
	Attempts int
}

func requestID(h http.Header) string {
	if id := header(h, "X-Transaction-Id"); id != "" {
		return id
	}
	return header(h, "X-Request-Id")
}
