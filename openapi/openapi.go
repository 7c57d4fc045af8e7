// Package openapi holds the OpenAPI 3 document of the X API v2 that this module is built from.
//
// The document (twitter-v2.yaml) is written in this project: its facts (paths, parameters,
// field names, enums, security) follow X's published API, its organisation and descriptions
// are our own. gen/ is generated from it, and internal/testserver checks every request and
// response it handles against it.
package openapi

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// Document is the raw YAML of the API document.
//
//go:embed twitter-v2.yaml
var Document []byte

var load = sync.OnceValues(func() (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(Document)
	if err != nil {
		return nil, fmt.Errorf("openapi: parse twitter-v2.yaml: %w", err)
	}
	return doc, nil
})

// Load parses the document with kin-openapi. The result is shared and must not be modified;
// callers that need to change it should parse Document themselves.
func Load() (*openapi3.T, error) { return load() }
