package twitter

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// OpenAPIDocument fetches the OpenAPI document X publishes for the API, as raw JSON. It
// needs no authentication. Useful to compare X's live API with the document this module
// was generated from.
func (c *Client) OpenAPIDocument(ctx context.Context) (json.RawMessage, *Response, error) {
	doc, resp, err := do(ctx, c, &opGetOpenAPIDocument, func(ctx context.Context) (*http.Response, error) {
		return c.raw.GetOpenAPIDocument(ctx)
	})
	if err != nil {
		return nil, resp, err
	}
	if len(*doc) == 0 || (*doc)[0] != '{' {
		return nil, resp, fmt.Errorf("twitter: %s: the document is not a JSON object (body starts %q)", opGetOpenAPIDocument.name, excerpt(*doc))
	}
	return *doc, resp, nil
}
