package jsonx

import (
	"encoding"
	"encoding/json"
	"reflect"
	"sync"
)

// go-json v0.12 decodes a float32 by rounding the number to a float64 first and then to a
// float32; encoding/json rounds once, with strconv.ParseFloat(s, 32). The two differ when the
// first rounding lands exactly halfway between two float32 values (TestNumbersAgree found
// hundreds of such numbers). The generated types hold no float32 (the document gives every
// number that is not an integer format double), so Fast leaves a value that can hold one to
// encoding/json whole: none of the client's, and rightly any other.

// holdsFloat32 reports whether decoding into a value of type t can set a float32 anywhere (a
// field, an element, a map entry). The answer is cached per type.
func holdsFloat32(t reflect.Type) bool {
	if v, ok := float32Types.Load(t); ok {
		return v.(bool)
	}
	v := canHoldFloat32(t, map[reflect.Type]bool{})
	float32Types.Store(t, v)
	return v
}

var float32Types sync.Map // reflect.Type → bool

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
