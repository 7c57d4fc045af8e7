package twitter

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestOpenAPIDocument(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "OpenAPIDocument",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			doc, resp, err := c.OpenAPIDocument(ctx)
			return doc, resp, err
		},
		want:  wire{method: "GET", path: "/2/openapi.json"},
		reply: `{"openapi":"3.0.0","info":{"title":"Twitter API v2","version":"2.159"},"paths":{}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			doc, _ := out.(json.RawMessage)
			if !sameJSON(t, string(doc), `{"openapi":"3.0.0","info":{"title":"Twitter API v2","version":"2.159"},"paths":{}}`) {
				t.Errorf("document = %s", doc)
			}
		},
	}, {
		name: "OpenAPIDocument that is not an object",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			doc, resp, err := c.OpenAPIDocument(ctx)
			if doc != nil {
				t.Errorf("document = %s", doc)
			}
			return nil, resp, err
		},
		want:    wire{method: "GET", path: "/2/openapi.json"},
		reply:   `null`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !strings.Contains(err.Error(), "GET /2/openapi.json: the document is not a JSON object") {
				t.Errorf("err = %v", err)
			}
		},
	}})
}
