package jsonx

import (
	"encoding"
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"reflect"
	"strconv"
	"sync"
	"unsafe"
)

// go-json v0.12 decodes a float32 by rounding the number to a float64 first and then to a
// float32; encoding/json rounds once, with strconv.ParseFloat(s, 32). The two differ when the
// first rounding lands exactly halfway between two float32 values (TestNumbersAgree found
// hundreds of such numbers). The generated types have float32s (gen.Position, the coordinates of
// a gen.Point), so when the value Fast decoded holds a float32 (rare: X sends coordinates only for
// tweets with a precise location), Fast checks each number of the document that is not a short
// integer, and leaves a document with such a number to encoding/json.

// float32Finder returns a function that reports whether a value of type t holds a float32
// anywhere (in a field, an element, a map entry), or nil when no value of type t can hold one.
// The answer is cached per type.
func float32Finder(t reflect.Type) func(reflect.Value) bool {
	if f, ok := float32Finders.Load(t); ok {
		return f.(func(reflect.Value) bool)
	}
	f := newFloat32Finder(t, map[reflect.Type]*func(reflect.Value) bool{})
	float32Finders.Store(t, f)
	return f
}

var float32Finders sync.Map // reflect.Type → func(reflect.Value) bool

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decodedByItself reports whether values of type t are decoded by a method of their own (the
// same way in both decoders), or, for an interface, as any (float64 numbers: Fast decodes into
// zero values, so an interface never holds a value to decode into).
func decodedByItself(t reflect.Type) bool {
	if t.Kind() == reflect.Interface {
		return true
	}
	if t.Kind() == reflect.Pointer {
		return false
	}
	pt := reflect.PointerTo(t)
	return pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType)
}

// canHoldFloat32 reports whether decoding into a value of type t can set a float32; seen holds
// the types being looked at, for recursive types.
func canHoldFloat32(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] || decodedByItself(t) {
		return false
	}
	seen[t] = true
	defer delete(seen, t)
	switch t.Kind() {
	case reflect.Float32:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return canHoldFloat32(t.Elem(), seen)
	case reflect.Map:
		return canHoldFloat32(t.Key(), seen) || canHoldFloat32(t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if sf := t.Field(i); (sf.IsExported() || sf.Anonymous) && canHoldFloat32(sf.Type, seen) {
				return true
			}
		}
	}
	return false
}

// newFloat32Finder builds the finder of float32Finder; building holds the finders of the types
// being built, for recursive types.
func newFloat32Finder(t reflect.Type, building map[reflect.Type]*func(reflect.Value) bool) func(reflect.Value) bool {
	if !canHoldFloat32(t, map[reflect.Type]bool{}) {
		return nil
	}
	if f, ok := building[t]; ok {
		return func(v reflect.Value) bool { return (*f)(v) }
	}
	slot := new(func(reflect.Value) bool)
	building[t] = slot
	defer delete(building, t)
	var f func(reflect.Value) bool
	switch t.Kind() {
	case reflect.Float32:
		f = func(reflect.Value) bool { return true }
	case reflect.Pointer:
		if elem := newFloat32Finder(t.Elem(), building); elem != nil {
			f = func(v reflect.Value) bool { return !v.IsNil() && elem(v.Elem()) }
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Float32 {
			f = func(v reflect.Value) bool { return v.Len() > 0 }
		} else if elem := newFloat32Finder(t.Elem(), building); elem != nil {
			f = func(v reflect.Value) bool {
				for i := range v.Len() {
					if elem(v.Index(i)) {
						return true
					}
				}
				return false
			}
		}
	case reflect.Map:
		key, elem := newFloat32Finder(t.Key(), building), newFloat32Finder(t.Elem(), building)
		if key != nil || elem != nil {
			f = func(v reflect.Value) bool {
				for it := v.MapRange(); it.Next(); {
					if key != nil && key(it.Key()) || elem != nil && elem(it.Value()) {
						return true
					}
				}
				return false
			}
		}
	case reflect.Struct:
		type field struct {
			index int
			find  func(reflect.Value) bool
		}
		var fields []field
		for i := range t.NumField() {
			if sf := t.Field(i); sf.IsExported() || sf.Anonymous {
				if find := newFloat32Finder(sf.Type, building); find != nil {
					fields = append(fields, field{i, find})
				}
			}
		}
		if fields != nil {
			f = func(v reflect.Value) bool {
				for _, fl := range fields {
					if fl.find(v.Field(fl.index)) {
						return true
					}
				}
				return false
			}
		}
	}
	*slot = f
	return f
}

// hasDoubleRoundedFloat32 reports whether data has a number (outside strings) that rounds to
// another float32 through a float64 than directly. data need not be valid JSON: on invalid JSON
// the fast decoder fails and encoding/json decides anyway.
func hasDoubleRoundedFloat32(data []byte) bool {
	n := len(data)
	for i := 0; i < n; {
		c := data[i]
		switch {
		case c == '"':
			i = skipString(data, i+1)
		case c == '-' || '0' <= c && c <= '9':
			j, plain := i+1, true
			for j < n {
				d := data[j]
				if '0' <= d && d <= '9' {
					j++
					continue
				}
				if d == '.' || d == 'e' || d == 'E' || d == '+' || d == '-' {
					plain = false
					j++
					continue
				}
				break
			}
			// An integer of up to 15 digits is exact in a float64: rounding it once or twice is
			// the same.
			if (!plain || j-i > 15) && doubleRoundsFloat32(data[i:j]) {
				return true
			}
			i = j
		default:
			i++
		}
	}
	return false
}

const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080
	quotes = '"' * ones
	slashs = '\\' * ones
)

// skipString returns the index after the quote that ends the string whose contents start at i,
// or len(data). It looks at 8 bytes at a time for a quote or a backslash.
func skipString(data []byte, i int) int {
	n := len(data)
	for i+8 <= n {
		w := binary.LittleEndian.Uint64(data[i:])
		q, b := w^quotes, w^slashs
		m := (q-ones)&^q&highs | (b-ones)&^b&highs
		if m == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(m) / 8
		if data[i] == '"' {
			return i + 1
		}
		i += 2 // a backslash and the byte it escapes (for \uXXXX, the u)
	}
	for i < n {
		switch data[i] {
		case '"':
			return i + 1
		case '\\':
			i += 2
		default:
			i++
		}
	}
	return n
}

func doubleRoundsFloat32(tok []byte) bool {
	s := unsafe.String(unsafe.SliceData(tok), len(tok))
	f64, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f64, 0) {
		return false // out of range: both decoders report an error, or Fast falls back
	}
	if float64(float32(f64)) == f64 {
		// The float64 is a float32: the number is within half a float64 step of it, so also
		// nearest to it among the float32s.
		return false
	}
	f32, err := strconv.ParseFloat(s, 32)
	return err != nil || float32(f64) != float32(f32)
}
