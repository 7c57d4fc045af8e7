package drift

import (
	"context"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/twitterkit/go/twitter"
)

// Fetch gets X's live document through the client's OpenAPIDocument call
// (GET /2/openapi.json, which needs no credentials) and parses it.
func Fetch(ctx context.Context, c *twitter.Client, name string) (*openapi3.T, error) {
	raw, _, err := c.OpenAPIDocument(ctx)
	if err != nil {
		return nil, fmt.Errorf("drift: fetch %s: %w", name, err)
	}
	return Parse(name, raw)
}
