package jsonx

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// The generated decoders (decode.gen.go, written by internal/cmd/decodergen) read a document
// with a decoder. They decode only what they can decode exactly as encoding/json does; on
// anything else (a syntax error, a key that is not an exact field name or appears twice, a
// value of another JSON type than the field's, a number that does not fit, invalid UTF-8, an
// error from a field's UnmarshalJSON) they stop and report false, and Fast decodes the whole
// document again with encoding/json. So only their success path must be exact, and it is
// kept narrow:
//
//   - keys are matched exactly, as plain ASCII without escapes; a key that is no field name
//     is skipped unless encoding/json's case folding would match it to one (then false);
//   - a key seen twice in one object gives false (encoding/json would merge);
//   - null leaves a field as it is (zero: the target is a zero value and no key repeats),
//     which is what encoding/json does for every kind the generated types hold;
//   - an empty array gives an empty, non-nil slice, as encoding/json's does;
//   - strings are copied; escapes, surrogate pairs and lone surrogates (U+FFFD) are decoded
//     as encoding/json decodes them; invalid UTF-8 gives false;
//   - integers are taken only without fraction or exponent and with at most 18 digits, then
//     range-checked; floats are parsed by strconv.ParseFloat, as encoding/json parses them;
//   - fields whose type has an UnmarshalJSON method get the raw bytes of the value, maps and
//     interfaces are decoded by encoding/json from the raw bytes of their value;
//   - skipped values are checked for syntax as encoding/json's scanner checks the whole
//     document, nesting included (at most maxDepth levels).

// maxDepth is encoding/json's limit on nesting (its scanner refuses a 10001st level).
const maxDepth = 10000

// decoder reads one JSON document.
type decoder struct {
	data  []byte
	pos   int
	depth int
}

// ws skips white space and returns the next byte (0 at the end, which no value starts with).
func (d *decoder) ws() byte {
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			return c
		}
		d.pos++
	}
	return 0
}

// end reports whether only white space is left.
func (d *decoder) end() bool {
	d.ws()
	return d.pos == len(d.data)
}

// null consumes a null literal if one comes next.
func (d *decoder) null() bool {
	if d.ws() == 'n' && len(d.data)-d.pos >= 4 && string(d.data[d.pos:d.pos+4]) == "null" {
		d.pos += 4
		return true
	}
	return false
}

// open consumes the byte c ('{' or '['), which must come next, and enters a level of nesting.
func (d *decoder) open(c byte) bool {
	if d.ws() != c || d.depth >= maxDepth {
		return false
	}
	d.pos++
	d.depth++
	return true
}

// Results of firstKey and nextKey.
const (
	keyFailed = -1
	keyEnd    = 0
	keyFound  = 1
)

// firstKey reads the first key of an object just opened and the colon after it; at the end of
// the object it returns keyEnd.
func (d *decoder) firstKey() ([]byte, int) {
	if d.ws() == '}' {
		d.pos++
		d.depth--
		return nil, keyEnd
	}
	return d.key()
}

// nextKey reads the comma and the key of the next member, and the colon after it; at the end
// of the object it returns keyEnd.
func (d *decoder) nextKey() ([]byte, int) {
	switch d.ws() {
	case '}':
		d.pos++
		d.depth--
		return nil, keyEnd
	case ',':
		d.pos++
		d.ws()
		return d.key()
	}
	return nil, keyFailed
}

// key reads a key made of printable ASCII without escapes, and the colon after it.
func (d *decoder) key() ([]byte, int) {
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return nil, keyFailed
	}
	start := d.pos + 1
	i := start
	for i < len(d.data) && plain[d.data[i]] {
		i++
	}
	if i >= len(d.data) || d.data[i] != '"' {
		return nil, keyFailed
	}
	k := d.data[start:i]
	d.pos = i + 1
	if d.ws() != ':' {
		return nil, keyFailed
	}
	d.pos++
	return k, keyFound
}

// unknown skips the value of a key that is no field name of the object's type, unless
// encoding/json would match the key to one of names by its case folding (for ASCII it
// folds a-z to A-Z only).
func (d *decoder) unknown(key []byte, names []string) bool {
	for _, n := range names {
		if len(n) == len(key) && asciiFoldEqual(n, key) {
			return false
		}
	}
	return d.skip()
}

func asciiFoldEqual(a string, b []byte) bool {
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// elem reads what comes after an array element: true with more set when another element
// follows (the comma consumed), true with more unset at the end of the array.
func (d *decoder) elem() (more, ok bool) {
	switch d.ws() {
	case ',':
		d.pos++
		return true, true
	case ']':
		d.pos++
		d.depth--
		return false, true
	}
	return false, false
}

// emptyArray consumes the closing bracket of an array just opened if it comes next.
func (d *decoder) emptyArray() bool {
	if d.ws() == ']' {
		d.pos++
		d.depth--
		return true
	}
	return false
}

// plain tells the bytes that stand for themselves in a string and need no check: printable
// ASCII other than '"' and '\\'.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// scanString reads a string whose opening quote is at d.pos. It returns the bytes between the
// quotes and whether they hold escapes; ok is unset on a string encoding/json would not take
// as it stands (invalid UTF-8, a control character, no closing quote). Escapes are checked
// when they are decoded.
func (d *decoder) scanString() (raw []byte, escaped, ok bool) {
	const highs = 0x8080808080808080
	data := d.data
	start := d.pos + 1
	i := start
	var high uint64 // the bytes passed or-ed together: high bits tell non-ASCII
	for {
		// Eight bytes at a time while none is a quote, a backslash or a control character.
		for i+8 <= len(data) {
			x := binary.LittleEndian.Uint64(data[i:])
			if special(x) {
				break
			}
			high |= x
			i += 8
		}
		if i >= len(data) {
			return nil, false, false
		}
		c := data[i]
		switch {
		case c == '"':
			raw = data[start:i]
			if high&highs != 0 && !utf8.Valid(raw) {
				return nil, false, false
			}
			d.pos = i + 1
			return raw, escaped, true
		case c == '\\':
			escaped = true
			i += 2
		case c < 0x20:
			return nil, false, false
		default:
			high |= uint64(c)
			i++
		}
	}
}

// special reports whether any of the eight bytes in x is a quote, a backslash or a control
// character (the usual tests for a zero byte and a byte below n, exact for n <= 0x80).
func special(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q, b := x^(ones*'"'), x^(ones*'\\')
	return ((x-ones*0x20)&^x|(q-ones)&^q|(b-ones)&^b)&highs != 0
}

// str decodes a string into p.
func (d *decoder) str(p *string) bool { return d.string(p, false) }

// strIntern is str for fields whose few values repeat on every Tweet (a language, a source,
// an enumeration): equal strings are shared (encoding/json returns equal strings, so sharing
// them cannot be told).
func (d *decoder) strIntern(p *string) bool { return d.string(p, true) }

func (d *decoder) string(p *string, shared bool) bool {
	if d.ws() != '"' {
		return d.null()
	}
	raw, escaped, ok := d.scanString()
	switch {
	case !ok:
		return false
	case escaped:
		return unescape(raw, p)
	case shared:
		*p = intern(raw)
	default:
		*p = string(raw)
	}
	return true
}

// internTable holds recently seen short strings by hash; a slot is replaced when another
// string of the same hash comes, so it never grows.
var internTable [1024]atomic.Pointer[string]

const internMax = 48 // longer strings are not interned

func intern(b []byte) string {
	if len(b) > internMax {
		return string(b)
	}
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	slot := &internTable[h%uint32(len(internTable))]
	if s := slot.Load(); s != nil && *s == string(b) {
		return *s
	}
	s := string(b)
	slot.Store(&s)
	return s
}

// unescape decodes the inside of a string with escapes (checked by scanString for UTF-8) as
// encoding/json does (a lone surrogate becomes U+FFFD); it refuses invalid escapes.
func unescape(raw []byte, p *string) bool {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '\\')
		if j < 0 {
			out = append(out, raw[i:]...)
			break
		}
		out = append(out, raw[i:i+j]...)
		i += j
		if i+1 >= len(raw) {
			return false
		}
		switch raw[i+1] {
		case '"', '\\', '/':
			out = append(out, raw[i+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(raw[i+2:])
			if !ok {
				return false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if i+1 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					if r2, ok := hex4(raw[i+2:]); ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							out = utf8.AppendRune(out, dec)
							i += 6
							continue
						}
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return false
		}
		i += 2
	}
	*p = unsafe.String(unsafe.SliceData(out), len(out))
	return true
}

// hex4 decodes four hexadecimal digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// integer reads an integer of at most 18 digits (which fits an int64), without fraction or
// exponent (encoding/json refuses those for integer fields); null reports ok and isNull.
func (d *decoder) integer() (n int64, isNull, ok bool) {
	c := d.ws()
	if c == 'n' {
		return 0, true, d.null()
	}
	data := d.data
	i := d.pos
	neg := c == '-'
	if neg {
		i++
	}
	start := i
	for i < len(data) && '0' <= data[i] && data[i] <= '9' {
		n = n*10 + int64(data[i]-'0')
		i++
	}
	digits := i - start
	if digits == 0 || digits > 18 || (digits > 1 && data[start] == '0') {
		return 0, false, false
	}
	if i < len(data) && (data[i] == '.' || data[i] == 'e' || data[i] == 'E') {
		return 0, false, false
	}
	d.pos = i
	if neg {
		n = -n
	}
	return n, false, true
}

func (d *decoder) int(p *int) bool {
	n, isNull, ok := d.integer()
	if ok && !isNull {
		*p = int(n)
	}
	return ok
}

func (d *decoder) int32(p *int32) bool {
	n, isNull, ok := d.integer()
	if !ok || isNull {
		return ok
	}
	if int64(int32(n)) != n {
		return false
	}
	*p = int32(n)
	return true
}

// float64 decodes a number with strconv.ParseFloat, as encoding/json does.
func (d *decoder) float64(p *float64) bool {
	c := d.ws()
	if c == 'n' {
		return d.null()
	}
	start := d.pos
	if !d.skipNumber() {
		return false
	}
	b := d.data[start:d.pos]
	f, err := strconv.ParseFloat(unsafe.String(unsafe.SliceData(b), len(b)), 64)
	if err != nil {
		return false
	}
	*p = f
	return true
}

func (d *decoder) bool(p *bool) bool {
	switch d.ws() {
	case 't':
		if len(d.data)-d.pos >= 4 && string(d.data[d.pos:d.pos+4]) == "true" {
			d.pos += 4
			*p = true
			return true
		}
	case 'f':
		if len(d.data)-d.pos >= 5 && string(d.data[d.pos:d.pos+5]) == "false" {
			d.pos += 5
			return true
		}
	case 'n':
		return d.null()
	}
	return false
}

// raw returns the raw bytes of the next value, checked for syntax.
func (d *decoder) raw() ([]byte, bool) {
	d.ws()
	start := d.pos
	if !d.skip() {
		return nil, false
	}
	return d.data[start:d.pos], true
}

// std decodes the next value into v with encoding/json (maps and interfaces: rare, and
// decoded by encoding/json from scratch exactly as in place, the value being zero).
func (d *decoder) std(v any) bool {
	d.ws()
	start := d.pos
	if !d.skip() {
		return false
	}
	return json.Unmarshal(d.data[start:d.pos], v) == nil
}

// skip checks the syntax of the next value and moves past it.
func (d *decoder) skip() bool {
	switch c := d.ws(); c {
	case '"':
		return d.skipString()
	case '{':
		if !d.open('{') {
			return false
		}
		if d.ws() == '}' {
			d.pos++
			d.depth--
			return true
		}
		for {
			if d.ws() != '"' || !d.skipString() || d.ws() != ':' {
				return false
			}
			d.pos++
			if !d.skip() {
				return false
			}
			switch d.ws() {
			case ',':
				d.pos++
				continue
			case '}':
				d.pos++
				d.depth--
				return true
			}
			return false
		}
	case '[':
		if !d.open('[') {
			return false
		}
		if d.emptyArray() {
			return true
		}
		for {
			if !d.skip() {
				return false
			}
			more, ok := d.elem()
			if !ok {
				return false
			}
			if !more {
				return true
			}
		}
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	default:
		return d.skipNumber()
	}
}

func (d *decoder) literal(s string) bool {
	if len(d.data)-d.pos >= len(s) && string(d.data[d.pos:d.pos+len(s)]) == s {
		d.pos += len(s)
		return true
	}
	return false
}

// skipString moves past a string whose opening quote is at d.pos, checking it as
// encoding/json's scanner does (no control characters, valid escapes; any other bytes).
func (d *decoder) skipString() bool {
	data := d.data
	for i := d.pos + 1; i < len(data); {
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return true
		case c == '\\':
			if i+1 >= len(data) {
				return false
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := hex4(data[i+2:]); !ok {
					return false
				}
				i += 6
			default:
				return false
			}
		case c < 0x20:
			return false
		default:
			i++
		}
	}
	return false
}

// skipNumber moves past a number, checking its syntax.
func (d *decoder) skipNumber() bool {
	data := d.data
	i := d.pos
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(data) && data[i] == '.' {
		i++
		j := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	d.pos = i
	return true
}

// wholeDocument finishes the decoding of a document into the zero value at p: decoded
// reports whether the generated decoder took a value, and the rest of the document must be
// blank. When not, the value is set back to zero. (decodeGenerated calls each decoder
// itself, not through a function value, so that the decoder state stays on the stack.)
func wholeDocument[T any](d *decoder, p *T, decoded bool) bool {
	if decoded && d.end() {
		return true
	}
	var zero T
	*p = zero
	return false
}

// stackElems is how many elements of an array the generated decoders decode on the stack
// before they take a scratch slice from a pool.
const stackElems = 4
