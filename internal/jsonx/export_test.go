package jsonx

import "errors"

// FastOnly decodes with the fast decoder alone, without the fallback, so that tests can tell
// whether a document is served by the fast path: the generated decoder where v's type has one
// (an error when it does not take the document), go-json otherwise.
func FastOnly(data []byte, v any) error {
	if handled, ok := decodeGenerated(data, v); handled {
		if !ok {
			return errNotTaken
		}
		return nil
	}
	return fastUnmarshal(data, v)
}

// Generated decodes with the generated decoder alone, without recovering from a panic:
// handled reports whether v's type has one, ok whether it took the document.
func Generated(data []byte, v any) (handled, ok bool) { return decodeGenerated(data, v) }

var errNotTaken = errors.New("jsonx: the generated decoder did not take the document")
