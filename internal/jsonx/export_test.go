package jsonx

// FastOnly decodes with the fast decoder alone, without the fallback, so that tests can tell
// whether a document is served by the fast path.
func FastOnly(data []byte, v any) error { return fastUnmarshal(data, v) }
