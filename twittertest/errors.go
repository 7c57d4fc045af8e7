package twittertest

import (
	"errors"
	"strings"

	"github.com/twitterkit/go/internal/testserver"
)

// ErrWebhookInvalid is returned by Server.DeliverEvent for a webhook that failed its CRC
// check: X sends nothing to it.
var ErrWebhookInvalid = errors.New("twittertest: the webhook is not valid (it failed its CRC check)")

// publicErr gives an error of the fake the package's own prefix ("twittertest: ..." for
// "testserver: ..."), keeping it for errors.Is and errors.As; ErrWebhookInvalid becomes
// this package's. Other errors (a context's, the network's) are returned as they are.
func publicErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, testserver.ErrWebhookInvalid):
		return ErrWebhookInvalid
	case strings.HasPrefix(err.Error(), "testserver: "):
		return &fakeError{err}
	}
	return err
}

// fakeError is an error of the fake, told with this package's prefix.
type fakeError struct{ err error }

func (e *fakeError) Error() string {
	return "twittertest: " + strings.TrimPrefix(e.err.Error(), "testserver: ")
}

func (e *fakeError) Unwrap() error { return e.err }
