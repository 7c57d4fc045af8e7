package twitter_test

import (
	"testing"

	"github.com/twitterkit/go/internal/statetest"
	"github.com/twitterkit/go/twitter"
)

func TestMemoryState(t *testing.T) {
	statetest.Run(t, func(*testing.T) twitter.State { return twitter.NewMemoryState() })
}
