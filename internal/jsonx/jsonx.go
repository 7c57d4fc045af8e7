// Package jsonx is the one place of the module that decides which JSON decoder turns a response
// body or a stream line into Go values. Everything else calls Unmarshal (or a Decoder it was
// given), never a JSON library.
//
// Two decoders are offered:
//
//   - Standard is encoding/json, the reference.
//   - Fast gives exactly the results of Standard (the same Go value, or an error from
//     encoding/json), faster: the types the client decodes most (search pages, Tweet and User
//     lookups, stream lines: see decodeGenerated) with decoders generated for them, every other
//     type with github.com/goccy/go-json v0.12, each with fallbacks to encoding/json. README's "Decoding speed"
//     has the figures (BenchmarkGoalDecode, BenchmarkSearchPage).
//
// # The generated decoders
//
// internal/cmd/decodergen (run by go generate) reads the types of package gen by reflection, as
// encoding/json sees them, and writes decode.gen.go: one plain function per struct, slice and
// pointer type the roots reach (not UnmarshalJSON methods, which would change what
// encoding/json itself does with the types and void the comparison with it), no reflection.
// They decode only what they can decode exactly as encoding/json does and give up on anything
// else (decode.go lists the rules: keys that are not exact field names but fold to one,
// duplicate keys, values of another JSON type than the field's, integers that do not fit,
// invalid UTF-8, syntax errors, an error from a field's UnmarshalJSON); Fast then sets the value
// back to zero and decodes the document with encoding/json from scratch, so only what they
// take must be, and is, exact. Maps and interfaces (rare: an Article, a place's properties)
// are decoded by encoding/json from the raw bytes of their value, types with an UnmarshalJSON
// method (time.Time) are given those bytes, as encoding/json gives them. What is cheaper than
// encoding/json's own way and cannot be told from it: the first elements of an array are
// decoded on the stack and the rest into a pooled scratch slice, so each slice is allocated
// once, of its length; the few strings that repeat on every Tweet (lang, source,
// reply_settings, entity and media types, context annotation domains) are shared among
// decodes through a small fixed table.
//
// # How Fast stays equal to Standard with go-json
//
// go-json v0.12 decodes as encoding/json does (invalid UTF-8 and lone surrogates become U+FFFD,
// duplicate keys merge into the value already decoded, names match case-insensitively with the
// same folding, 10000 levels at most, UnmarshalJSON methods are called with the raw value), with
// two known differences: it refuses some documents encoding/json accepts (a float32 that rounds
// to MaxFloat32), and it rounds a number to a float32 through a float64, which gives another
// float32 than encoding/json's single rounding for numbers that fall (as a float64) exactly
// halfway between two float32s. So Fast:
//
//  1. decodes with the generated decoders or go-json only into a non-nil pointer to a zero
//     value (the way the client decodes); anything else goes to encoding/json, whose merging
//     into existing values they would otherwise have to imitate;
//  2. when go-json reports an error (or panics), sets the value back to zero and decodes again
//     with encoding/json, so every error returned is one of encoding/json's own
//     (*json.SyntaxError, *json.UnmarshalTypeError, ...) and a document go-json refused wrongly
//     still decodes;
//  3. leaves a value that can hold a float32 to encoding/json whole. The generated types hold
//     none: the document gives every number that is not an integer format double, so that
//     coordinates keep every digit X sends (as float32, -6.61749693 would become -6.617497).
//
// Other differences would be bugs to find: the differential tests (package jsonxtest,
// TestNumbersAgree, TestGeneratedDecodersTakeWhatTheyCanDecodeExactly, FuzzDecodersAgree, and
// in package twitter every response of the fake server) look for them, and a class found gets a
// check here that sends such input to encoding/json.
//
// All decoders are safe for concurrent use.
package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"unsafe"

	gojson "github.com/goccy/go-json"
)

// Decoder decodes one JSON document (a whole response body or one stream line) into v, which
// must be a non-nil pointer. Implementations are safe for concurrent use.
type Decoder interface {
	// Unmarshal decodes data into v with the semantics of encoding/json.Unmarshal.
	Unmarshal(data []byte, v any) error
	// Name says which decoder this is, for logs and benchmarks.
	Name() string
}

var (
	// Standard decodes with encoding/json.
	Standard Decoder = standardDecoder{}
	// Fast decodes with generated decoders or github.com/goccy/go-json, falling back to
	// encoding/json so that its results are exactly Standard's (see the package documentation).
	Fast Decoder = fastDecoder{}
)

// Default returns the decoder the client uses unless told otherwise: Fast.
func Default() Decoder { return Fast }

// Unmarshal decodes data into v with Default().
func Unmarshal(data []byte, v any) error { return Default().Unmarshal(data, v) }

type standardDecoder struct{}

func (standardDecoder) Unmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
func (standardDecoder) Name() string                       { return "encoding/json" }

type fastDecoder struct{}

func (fastDecoder) Name() string { return "generated decoders and github.com/goccy/go-json" }

func (fastDecoder) Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || !zeroMemory(rv.UnsafePointer(), rv.Type().Elem().Size()) {
		return json.Unmarshal(data, v)
	}
	if handled, ok := generated(data, v); handled {
		if ok {
			return nil
		}
		return json.Unmarshal(data, v)
	}
	if holdsFloat32(rv.Type()) {
		return json.Unmarshal(data, v)
	}
	if fastUnmarshal(data, v) == nil {
		return nil
	}
	// go-json failed: encoding/json decides, from scratch.
	rv.Elem().SetZero()
	return json.Unmarshal(data, v)
}

// zeros is compared against to tell zero memory: bytes.Equal is vectorised.
var zeros [1024]byte

// zeroMemory reports whether the n bytes at p are all zero, which means the value there is its
// type's zero value. It answers what reflect.Value.IsZero answers without walking the fields one
// by one (a measurable part of decoding a stream line into the generated types, over a
// kilobyte each), except that a value IsZero calls zero without all-zero bits (a negative zero
// float, non-zero padding) is not zero here: it goes to encoding/json, slower but right.
func zeroMemory(p unsafe.Pointer, n uintptr) bool {
	b := unsafe.Slice((*byte)(p), n)
	for len(b) > len(zeros) {
		if !bytes.Equal(b[:len(zeros)], zeros[:]) {
			return false
		}
		b = b[len(zeros):]
	}
	return bytes.Equal(b, zeros[:len(b)])
}

// errFastPanicked stands for a panic in the fast decoder; it never leaves the package.
var errFastPanicked = errors.New("jsonx: fast decoder panicked")

// generated decodes with the generated decoders (decode.gen.go) when v's type has one; a
// panic counts as a document they did not take (the value is set back to zero).
func generated(data []byte, v any) (handled, ok bool) {
	defer func() {
		if recover() != nil {
			reflect.ValueOf(v).Elem().SetZero()
			handled, ok = true, false
		}
	}()
	return decodeGenerated(data, v)
}

func fastUnmarshal(data []byte, v any) (err error) {
	defer func() {
		if recover() != nil {
			err = errFastPanicked
		}
	}()
	return gojson.Unmarshal(data, v)
}

// TooLargeError is returned by ReadLimited and UnmarshalReader when the input has more than
// Limit bytes.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("jsonx: document larger than %d bytes", e.Limit)
}

// ReadLimited reads r to its end and returns what it read, or a *TooLargeError when r has more
// than limit bytes (limit <= 0 means no limit).
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		return io.ReadAll(r)
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return data, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return data, nil
}

// UnmarshalReader reads one whole document from r with ReadLimited and decodes it into v with d
// (Default() when d is nil).
func UnmarshalReader(d Decoder, r io.Reader, limit int64, v any) error {
	data, err := ReadLimited(r, limit)
	if err != nil {
		return err
	}
	if d == nil {
		d = Default()
	}
	return d.Unmarshal(data, v)
}
