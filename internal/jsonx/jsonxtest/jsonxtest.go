// Package jsonxtest checks that the decoders of package jsonx agree: any document, decoded by
// jsonx.Fast and by jsonx.Standard into a new value of the same type, gives exactly the same Go
// value, or an error from both.
//
// Tests elsewhere add their own documents with Compare (for example every response a fake
// server can produce):
//
//	jsonxtest.Compare(t, body, func() any { return new(gen.TweetSearchResponse) })
package jsonxtest

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
)

// Compare decodes data with jsonx.Fast and with jsonx.Standard, each into its own value made by
// newV (which must return a new pointer to a zero value each call), and fails t unless both
// give an error or both give exactly equal values (see Equal). It also fails t if a decoder
// changed data. It reports whether the decoders agreed.
func Compare(t testing.TB, data []byte, newV func() any) bool {
	t.Helper()
	return CompareDecoders(t, jsonx.Fast, jsonx.Standard, data, newV)
}

// CompareDecoders is Compare for any two decoders: got is checked against want.
func CompareDecoders(t testing.TB, got, want jsonx.Decoder, data []byte, newV func() any) bool {
	t.Helper()
	orig := bytes.Clone(data)
	gv, wv := newV(), newV()
	gerr := got.Unmarshal(data, gv)
	if !bytes.Equal(data, orig) {
		t.Errorf("%s changed its input", got.Name())
		return false
	}
	werr := want.Unmarshal(data, wv)
	typ := reflect.TypeOf(wv)
	switch {
	case gerr != nil && werr != nil:
		return true
	case gerr != nil:
		t.Errorf("into %v: %s failed where %s succeeded: %v\ninput: %s", typ, got.Name(), want.Name(), gerr, quote(data))
		return false
	case werr != nil:
		t.Errorf("into %v: %s succeeded where %s failed: %v\ninput: %s", typ, got.Name(), want.Name(), werr, quote(data))
		return false
	}
	if Equal(gv, wv) {
		return true
	}
	t.Errorf("into %v: %s and %s decoded different values\ninput: %s\n%s", typ, got.Name(), want.Name(), quote(data), diff(wv, gv, data))
	return false
}

// Equal reports whether a and b are exactly the same Go value: same types, same nil-ness of
// pointers, slices, maps and interfaces (an empty slice is not a nil one), unexported fields
// included (the raw bytes of the generated union types), and floats equal bit for bit (-0 is
// not 0). Unlike cmp.Equal it takes linear time on deeply nested values.
func Equal(a, b any) bool {
	return equal(reflect.ValueOf(a), reflect.ValueOf(b))
}

func equal(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	case reflect.Float32, reflect.Float64:
		return math.Float64bits(a.Float()) == math.Float64bits(b.Float())
	case reflect.Complex64, reflect.Complex128:
		ca, cb := a.Complex(), b.Complex()
		return math.Float64bits(real(ca)) == math.Float64bits(real(cb)) && math.Float64bits(imag(ca)) == math.Float64bits(imag(cb))
	case reflect.String:
		return a.String() == b.String()
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equal(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return false
		}
		fallthrough
	case reflect.Array:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !equal(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		it := a.MapRange()
		for it.Next() {
			bv := b.MapIndex(it.Key())
			if !bv.IsValid() || !equal(it.Value(), bv) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !equal(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.UnsafePointer, reflect.Chan, reflect.Func:
		return a.Pointer() == b.Pointer()
	}
	panic("jsonxtest: cannot compare " + a.Kind().String())
}

// diff explains how got differs from want, with cmp.Diff when the values are shallow enough
// for it (its running time grows exponentially with the nesting of slices).
func diff(want, got any, data []byte) string {
	if nesting(data) <= 64 {
		opts := cmp.Options{
			cmp.Exporter(func(reflect.Type) bool { return true }),
			cmp.Comparer(func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }),
			cmp.Comparer(func(x, y float32) bool { return math.Float32bits(x) == math.Float32bits(y) }),
		}
		if d := cmp.Diff(want, got, opts); d != "" {
			return "(-standard +fast):\n" + d
		}
	}
	return fmt.Sprintf("standard: %s\nfast:     %s", truncate(fmt.Sprintf("%#v", want)), truncate(fmt.Sprintf("%#v", got)))
}

func truncate(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}

// nesting returns the deepest nesting of brackets and braces in data, strings skipped.
func nesting(data []byte) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			deepest = max(deepest, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

func quote(data []byte) string {
	if len(data) > 300 {
		return fmt.Sprintf("%q... (%d bytes)", data[:300], len(data))
	}
	return fmt.Sprintf("%q", data)
}

// Target is a type documents are decoded into.
type Target struct {
	Name string
	New  func() any
}

// Targets are the types the differential tests decode every document into: the responses the
// client decodes most, the ones with the generated union types, and plain any.
var Targets = []Target{
	{"TweetSearchResponse", func() any { return new(gen.TweetSearchResponse) }},
	{"MultiTweetLookupResponse", func() any { return new(gen.MultiTweetLookupResponse) }},
	{"FilteredStreamingTweet", func() any { return new(gen.FilteredStreamingTweet) }},
	{"StreamingTweet", func() any { return new(gen.StreamingTweet) }},
	{"AddOrDeleteRulesResponse", func() any { return new(gen.AddOrDeleteRulesResponse) }},
	{"AddOrDeleteRulesRequest", func() any { return new(gen.AddOrDeleteRulesRequest) }},
	{"Problem", func() any { return new(gen.Problem) }},
	{"MultiUserLookupResponse", func() any { return new(gen.MultiUserLookupResponse) }},
	{"SingleTweetLookupResponse", func() any { return new(gen.SingleTweetLookupResponse) }},
	{"SingleUserLookupResponse", func() any { return new(gen.SingleUserLookupResponse) }},
	{"Place", func() any { return new(gen.Place) }},
	{"any", func() any { return new(any) }},
}

// Case is one document of the edge-case corpus.
type Case struct {
	Name string
	Data []byte
}

// Corpus returns documents on which JSON decoders are known to differ: escapes, surrogates,
// invalid UTF-8, nulls, unknown fields and enum values, numbers that do not fit, duplicate
// keys, deep nesting, whitespace, trailing data, a byte order mark, truncation, HTML error
// pages. Most are shaped like X responses so that they reach the fields of the Targets.
func Corpus() []Case {
	deep := func(open, close string, n int, inner string) []byte {
		return []byte(strings.Repeat(open, n) + inner + strings.Repeat(close, n))
	}
	cs := []Case{
		// whole documents that are not one JSON value
		{"empty", nil},
		{"whitespace only", []byte(" \t\r\n")},
		{"bom", []byte("\xef\xbb\xbf{\"title\":\"a\"}")},
		{"trailing garbage", []byte(`{"title":"a"} x`)},
		{"trailing value", []byte(`{"title":"a"}{"title":"b"}`)},
		{"trailing whitespace", []byte("{\"title\":\"a\"} \r\n\t")},
		{"leading whitespace", []byte("\r\n {\"title\":\"a\"}")},
		{"truncated object", []byte(`{"data":{"id":"1","text":"hel`)},
		{"truncated after key", []byte(`{"data":{"id"`)},
		{"truncated escape", []byte(`{"title":"a\u00`)},
		{"truncated number", []byte(`{"status":-`)},
		{"html error page", []byte("<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body><h1>Over capacity</h1></body></html>\n")},
		{"plain text error", []byte("upstream connect error or disconnect/reset before headers. reset reason: overflow")},
		{"nul byte", []byte("{\"title\":\"a\"}\x00")},
		{"nul in middle", []byte("{\"title\":\x00\"a\"}")},
		{"single quotes", []byte(`{'title':'a'}`)},
		{"trailing comma object", []byte(`{"title":"a",}`)},
		{"trailing comma array", []byte(`{"data":[{"id":"1","text":"a"},]}`)},
		{"missing comma", []byte(`{"title":"a" "type":"b"}`)},
		{"missing colon", []byte(`{"title" "a"}`)},
		{"NaN", []byte(`{"status":NaN}`)},
		{"Infinity", []byte(`[Infinity]`)},
		{"bare literals", []byte(`true`)},
		{"bad literal", []byte(`{"data":[{"possibly_sensitive":tru}]}`)},
		{"bad literal in unknown field", []byte(`{"zzz":nul,"title":"a"}`)},
		{"bad array in unknown field", []byte(`{"zzz":[1,,2],"title":"a"}`)},
		{"bad object in unknown field", []byte(`{"zzz":{"a" 1},"title":"a"}`)},
		{"control char in unknown field", []byte("{\"zzz\":\"a\x01\",\"title\":\"a\"}")},
		{"leading zero in unknown field", []byte(`{"zzz":01,"title":"a"}`)},

		// strings
		{"escapes", []byte(`{"title":"a\/b\"c\\d\b\f\n\r\t\u00e9\u0000\u2028\u2029\u001f","type":"t"}`)},
		{"escaped html", []byte(`{"data":[{"id":"1","text":"\u003cb\u003e \u0026amp; \u003c/b\u003e"}]}`)},
		{"surrogate pair", []byte(`{"data":[{"id":"1","text":"\ud83d\ude00 \uD83C\uDF89"}]}`)},
		{"lone high surrogate", []byte(`{"title":"\ud800","type":"x\ud800y"}`)},
		{"lone low surrogate", []byte(`{"title":"\udc00x"}`)},
		{"high surrogate then non-surrogate", []byte(`{"title":"\ud800\u0041"}`)},
		{"two high surrogates", []byte(`{"title":"\ud83d\ud83d\ude00"}`)},
		{"surrogate at end", []byte(`{"title":"abc\udbff"}`)},
		{"high surrogate then escape", []byte(`{"title":"\ud83d\n"}`)},
		{"emoji raw", []byte(`{"data":[{"id":"1","text":"👨‍👩‍👧‍👦 🇯🇵 👍🏽 ❤️"}]}`)},
		{"invalid utf8 in value", []byte("{\"title\":\"a\xffb\xc0\xafc\xed\xa0\x80d\xf4\x90\x80\x80\"}")},
		{"invalid utf8 truncated rune", []byte("{\"title\":\"ab\xe2\x82\"}")},
		{"invalid utf8 in key", []byte("{\"ti\xfftle\":\"x\",\"\xff\":1}")},
		{"invalid utf8 in unknown field", []byte("{\"zz\":\"\xff\",\"title\":\"a\"}")},
		{"overlong encoding", []byte("{\"title\":\"\xc0\x80\xe0\x80\xaf\"}")},
		{"bad escape", []byte(`{"title":"\x41"}`)},
		{"bad unicode escape", []byte(`{"title":"\u12G4"}`)},
		{"raw control char", []byte("{\"title\":\"a\x01b\"}")},
		{"raw tab", []byte("{\"title\":\"a\tb\"}")},
		{"raw newline", []byte("{\"title\":\"a\nb\"}")},
		{"raw DEL", []byte("{\"title\":\"a\x7fb\"}")},
		{"long string", []byte(`{"title":"` + strings.Repeat("ab\\n☕", 20000) + `"}`)},

		// nulls, missing and wrong types
		{"null", []byte(`null`)},
		{"nulls at top", []byte(`{"data":null,"includes":null,"meta":null,"errors":null,"matching_rules":null}`)},
		{"nulls inside", []byte(`{"data":[null,{"id":null,"text":null,"public_metrics":null,"edit_history_tweet_ids":[null]}],"title":null,"type":null,"status":null}`)},
		{"null time", []byte(`{"data":[{"id":"1","created_at":null,"edit_controls":{"editable_until":null,"edits_remaining":null}}]}`)},
		{"null summary", []byte(`{"meta":{"summary":null}}`)},
		{"null union request", []byte(`null`)},
		{"empty object", []byte(`{}`)},
		{"empty array", []byte(`[]`)},
		{"empty arrays", []byte(`{"data":[],"errors":[],"includes":{"users":[],"tweets":[]}}`)},
		{"object for array", []byte(`{"data":{"id":"1"}}`)},
		{"array for object", []byte(`{"meta":[]}`)},
		{"string for object", []byte(`{"meta":"x"}`)},
		{"number for string", []byte(`{"title":1,"type":"t"}`)},
		{"bool for string", []byte(`{"title":true}`)},
		{"string for bool", []byte(`{"data":[{"possibly_sensitive":"true"}]}`)},
		{"string top level", []byte(`"x"`)},
		{"number top level", []byte(`1`)},
		{"type error then more fields", []byte(`{"status":"x","title":"kept","type":"t"}`)},
		{"type error in array", []byte(`{"data":[{"id":1,"text":"a"},{"id":"2","text":"b"}]}`)},
		{"unknown fields", []byte(`{"foo":{"bar":[1,2,{"x":null}],"baz":"\ud83d\ude00"},"title":"t","type":"u","future":[[[]]]}`)},
		{"unknown enum values", []byte(`{"data":[{"id":"1","text":"a","reply_settings":"subscribers","referenced_tweets":[{"id":"2","type":"reposted"}]}],"includes":{"users":[{"id":"1","name":"n","username":"u","verified_type":"platinum"}],"places":[{"id":"p","full_name":"f","place_type":"galaxy"}]}}`)},
		{"bad time", []byte(`{"data":[{"id":"1","created_at":"yesterday"}]}`)},
		{"time with offset", []byte(`{"data":[{"id":"1","created_at":"2021-11-15T19:08:05.123+09:00"}]}`)},
		{"time as number", []byte(`{"data":[{"id":"1","created_at":1637003285}]}`)},

		// numbers
		{"number as string", []byte(`{"status":"123"}`)},
		{"count as string", []byte(`{"data":[{"id":"1","public_metrics":{"like_count":"5"}}]}`)},
		{"float into int", []byte(`{"status":1.5}`)},
		{"float zero fraction into int", []byte(`{"status":1.0}`)},
		{"exponent into int", []byte(`{"status":1e2}`)},
		{"negative zero into int", []byte(`{"status":-0}`)},
		{"int max", []byte(`{"status":9223372036854775807}`)},
		{"int overflow", []byte(`{"status":9223372036854775808}`)},
		{"int underflow", []byte(`{"status":-9223372036854775809}`)},
		{"huge int", []byte(`{"status":99999999999999999999999999999999}`)},
		{"int32 overflow", []byte(`{"data":[{"id":"1","public_metrics":{"bookmark_count":3000000000}}]}`)},
		{"int32 max", []byte(`{"data":[{"id":"1","public_metrics":{"bookmark_count":2147483647,"impression_count":-2147483648}}]}`)},
		{"huge float", []byte(`{"geo":{"bbox":[1e400]}}`)},
		{"huge exponent", []byte(`{"status":1e1000000000000}`)},
		{"huge float any", []byte(`[1e400]`)},
		{"coordinates beyond float32", []byte(`{"data":[{"id":"1","geo":{"coordinates":{"type":"Point","coordinates":[1e39,0]}}}]}`)},
		{"coordinates at float32 limits", []byte(`{"data":[{"id":"1","geo":{"coordinates":{"type":"Point","coordinates":[0.1,3.4028235677973366e38,1.401298464324817e-45,7e-46,-0]}}}]}`)},
		{"float64 edges", []byte(`{"geo":{"bbox":[0.1,2.2250738585072011e-308,4.9e-324,1e-400,123456789012345678901234567890,0.30000000000000004,-0,-0.0,1E+2,1e-2,179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000]}}`)},
		{"numbers into any", []byte(`[1,1.0,-0,-0.0,1e-400,12345678901234567890123,0.1,5e-324,1.7976931348623157e308]`)},
		{"leading zero", []byte(`{"status":01}`)},
		{"plus sign", []byte(`{"status":+1}`)},
		{"bare dot", []byte(`{"status":1.}`)},
		{"leading dot", []byte(`{"status":.5}`)},
		{"hex", []byte(`{"status":0x10}`)},
		{"bare exponent", []byte(`{"status":1e}`)},
		{"minus only", []byte(`{"status":-}`)},

		// keys
		{"duplicate object key", []byte(`{"data":{"id":"1","text":"a","lang":"en"},"data":{"id":"2"}}`)},
		{"duplicate array key", []byte(`{"data":[{"id":"1","text":"a"},{"id":"3","text":"c"}],"data":[{"id":"2"}]}`)},
		{"duplicate scalar key", []byte(`{"title":"a","title":"b","status":1,"status":2,"type":"t"}`)},
		{"duplicate map key", []byte(`{"errors":[{"errors":[{"parameters":{"a":["x"],"a":["y","z"]}}]}]}`)},
		{"duplicate map in place", []byte(`{"geo":{"properties":{"a":1,"b":[1]}},"geo":{"properties":{"b":2}}}`)},
		{"duplicate union", []byte(`{"meta":{"summary":{"created":1},"summary":{"deleted":2}}}`)},
		{"duplicate null", []byte(`{"data":[{"id":"1"}],"data":null}`)},
		{"key case", []byte(`{"TITLE":"a","Type":"b","STATUS":3,"Data":[{"ID":"1","Text":"t"}]}`)},
		{"key case exact and folded", []byte(`{"title":"exact","TITLE":"folded"}`)},
		{"key unicode folding", []byte("{\"\u212aey\":1,\"\u017fection\":\"long s\",\"title\":\"t\",\"typ\u212a\":\"k\"}")},
		{"escaped key", []byte(`{"t\u0069tle":"x","\u0074ype":"y"}`)},
		{"empty key", []byte(`{"":"x","title":"t"}`)},
		{"unicode keys into map", []byte(`{"geo":{"type":"Feature","properties":{"名前":"東京","\u00e9":1,"":null}}}`)},

		// unions
		{"union summary add", []byte(`{"meta":{"sent":"2021-11-15T19:08:05.000Z","summary":{"created":1,"not_created":0,"valid":1,"invalid":0}},"data":[{"id":"1","value":"cat has:media","tag":"cats"}]}`)},
		{"union summary delete", []byte(` { "meta" : { "summary" : { "deleted" : 1 , "not_deleted" : 0 } } } `)},
		{"union with whitespace inside", []byte("{\"meta\":{\"summary\":\t[ 1 ,\n2 ]\r}}")},
		{"union string", []byte(`{"meta":{"summary":"x\u00e9"}}`)},
		{"union request", []byte(`{"add":[{"value":"cat has:images","tag":"cats with images"}]}`)},
		{"union number", []byte(`-1.5e3`)},
		{"union invalid", []byte(`{"meta":{"summary":{"created":}}}`)},

		// shapes the generated decoders of package jsonx meet on the way to the fields
		{"tweet fields null", []byte(`{"data":{"id":"1","text":"t","geo":null,"withheld":null,"note_tweet":null,"entities":null,"created_at":null,"article":null,"article_title":null,"display_text_range":null,"possibly_sensitive":null,"public_metrics":{"like_count":null}}}`)},
		{"null elements", []byte(`{"data":[null,{"id":"1","text":"t","edit_history_tweet_ids":[null,"1"],"display_text_range":[null,3],"entities":{"hashtags":[null]}}]}`)},
		{"long arrays", []byte(`{"data":[{"id":"1","text":"t","edit_history_tweet_ids":["1","2","3","4","5","6","7","8","9"],"display_text_range":[0,1,2,3,4,5,6,7,8,9],"entities":{"hashtags":[{"start":0,"end":1,"tag":"a"},{"start":1,"end":2,"tag":"b"},{"start":2,"end":3,"tag":"c"},{"start":3,"end":4,"tag":"d"},{"start":4,"end":5,"tag":"e"},{"start":5,"end":6,"tag":"f"}]}},{"id":"2","text":"u"},{"id":"3","text":"v"},{"id":"4","text":"w"},{"id":"5","text":"x"},{"id":"6","text":"y"}]}`)},
		{"tweet maps and any", []byte(`{"data":{"id":"1","text":"t","article":{"title":"x","n":[1,2.5,{"a":null}],"t":true},"article_title":["x",1]},"includes":{"places":[{"id":"p","full_name":"f","geo":{"type":"Feature","bbox":[-1.5,2,3e2,-0],"properties":{"k":"v","n":{}}}}]}}`)},
		{"tweet times", []byte(`{"data":{"id":"1","text":"t","created_at":"2021-11-15T19:08:05.000Z","edit_controls":{"editable_until":"2021-11-15T19:08:05+02:00","edits_remaining":5,"is_edit_eligible":false}},"includes":{"polls":[{"id":"p","options":[{"label":"a","position":1,"votes":2}],"end_datetime":"2021-11-16T19:08:05.123456789Z"}]}}`)},
		{"escaped time", []byte(`{"data":{"id":"1","text":"t","created_at":"2021-11-15T19:08:05\u002e000Z"}}`)},
		{"whitespace everywhere", []byte(" {\n \"data\" : [ { \"id\" :\t\"1\" , \"text\":\"t\" ,\"public_metrics\" : { \"like_count\" : 5 } , \"edit_history_tweet_ids\" : [ \"1\" , \"2\" ] } ] ,\r\n\"meta\":{ \"result_count\" : 1 } } \n")},
		{"unknown fields in tweet", []byte(`{"data":[{"id":"1","zz":{"deep":[[[{"x":"\ud83d\ude00"}]]],"n":-1.5e-3,"b":false,"s":"a\"b"},"text":"t","future_metric":12345678901234567890123,"lang":"en"}],"future":null}`)},
		{"key folding in tweet", []byte(`{"data":[{"ID":"1","Text":"t","LANG":"en","Public_Metrics":{"Like_Count":1}}]}`)},
		{"key folding with kelvin in tweet", []byte("{\"data\":[{\"id\":\"1\",\"text\":\"t\",\"\u212aey\":1,\"\u017fource\":\"s\"}]}")},
		{"key folding unknown", []byte(`{"data":[{"id":"1","text":"t","Lang_x":"en","SOURCEX":1}]}`)},
		{"duplicate key in tweet", []byte(`{"data":[{"id":"1","text":"a","text":"b","lang":"en"}]}`)},
		{"duplicate key in entity", []byte(`{"data":[{"id":"1","text":"a","entities":{"hashtags":[{"start":0,"start":1,"end":2,"tag":"x"}]}}]}`)},
		{"duplicate nested object", []byte(`{"data":{"id":"1","text":"a","public_metrics":{"like_count":1},"public_metrics":{"reply_count":2}}}`)},
		{"wrong types in tweet", []byte(`{"data":[{"id":"1","text":"t","possibly_sensitive":"yes"}]}`)},
		{"wrong type for array", []byte(`{"data":[{"id":"1","text":"t","edit_history_tweet_ids":"1"}]}`)},
		{"wrong type for pointer", []byte(`{"data":[{"id":"1","text":"t","geo":"here"}]}`)},
		{"int forms", []byte(`{"data":[{"id":"1","text":"t","public_metrics":{"like_count":-0,"reply_count":0,"retweet_count":999999999999999999,"quote_count":-999999999999999999,"bookmark_count":-2147483648,"impression_count":2147483647}}]}`)},
		{"int 19 digits", []byte(`{"data":[{"id":"1","text":"t","public_metrics":{"like_count":1000000000000000000,"reply_count":-9223372036854775808}}]}`)},
		{"int leading zero", []byte(`{"data":[{"id":"1","text":"t","public_metrics":{"like_count":007}}]}`)},
		{"int with exponent", []byte(`{"data":[{"id":"1","text":"t","public_metrics":{"like_count":1e3}}]}`)},
		{"float forms", []byte(`{"data":[{"id":"1","text":"t","geo":{"coordinates":{"type":"Point","coordinates":[-0,0.1,1E+2,1e-2,-73.98569999999999,40.7484,1e308,5e-324]}},"entities":{"annotations":[{"start":0,"end":1,"probability":0.9999999999999999999,"type":"Person"}]}}]}`)},
		{"float overflow", []byte(`{"data":[{"id":"1","text":"t","geo":{"coordinates":{"coordinates":[1e309]}}}]}`)},
		{"user fields", []byte(`{"data":{"id":"1","name":"N\u00e9","username":"u","created_at":"2010-01-01T00:00:00.000Z","public_metrics":{"followers_count":1,"following_count":2,"tweet_count":3,"listed_count":4,"like_count":5},"entities":{"url":{"urls":[{"start":0,"end":23,"url":"https://t.co/x","expanded_url":"https://example.com/?a=1\u0026b=2"}]},"description":{"hashtags":[{"start":0,"end":2,"tag":"go"}],"mentions":[{"start":3,"end":5,"username":"x"}]}},"withheld":{"country_codes":["DE","FR"],"scope":"user"},"affiliation":{"user_id":["2"],"url":"u"},"connection_status":["following","follow_request_sent"],"verified_type":"blue","subscription":{"subscribes_to_you":true}}}`)},
		{"users", []byte(`{"data":[{"id":"1","name":"a","username":"a"},{"id":"2","name":"b","username":"b","protected":true}],"errors":[{"title":"Not Found Error","type":"https://api.twitter.com/2/problems/resource-not-found","detail":"d","value":"x","resource_type":"user","parameter":"ids","resource_id":"3"}]}`)},
		{"stream line", []byte(`{"data":{"id":"1","text":"t","edit_history_tweet_ids":["1"]},"matching_rules":[{"id":"9","tag":"cats"},{"id":"10"}]}` + "\r\n")},
		{"problem parameters", []byte(`{"errors":[{"title":"Invalid Request","type":"about:blank","errors":[{"message":"m","parameters":{"ids":["1","2"],"x":[]}}]}]}`)},
		{"strings of every kind", []byte("{\"data\":{\"id\":\"1\",\"text\":\"plain \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC \\ud83d\\ude00 \\ud800 \\udc00 \\ud800\\u0041 caf\u00e9 \u6771\u4eac \U0001f600 \u2028\",\"lang\":\"\\u0065n\",\"source\":\"\"}}")},
		{"invalid utf8 in tweet text", []byte("{\"data\":{\"id\":\"1\",\"text\":\"a\xffb\"}}")},
		{"invalid utf8 in escaped text", []byte("{\"data\":{\"id\":\"1\",\"text\":\"\\n\xc0\xaf\"}}")},
		{"control char in text", []byte("{\"data\":{\"id\":\"1\",\"text\":\"a\x1fb\"}}")},
		{"bad escape in text", []byte(`{"data":{"id":"1","text":"a\qb"}}`)},
		{"truncated surrogate pair", []byte(`{"data":{"id":"1","text":"\ud83d\ude0"}}`)},
		{"string ends in escape", []byte(`{"data":{"id":"1","text":"ab\`)},
		{"tweet then garbage", []byte(`{"data":{"id":"1","text":"t"}}]`)},
		{"tweet then second document", []byte(`{"data":{"id":"1","text":"t"}} {}`)},
		{"literal prefixes", []byte(`{"data":{"id":"1","text":"t","possibly_sensitive":tru}}`)},
		{"null prefix", []byte(`{"data":{"id":"1","text":"t","geo":nul}}`)},
		{"literal with suffix", []byte(`{"data":{"id":"1","text":"t","possibly_sensitive":truex}}`)},

		// nesting
		{"deep arrays 10000", deep("[", "]", 10000, "")},
		{"deep arrays 10001", deep("[", "]", 10001, "")},
		{"deep objects 10001", deep(`{"a":`, "}", 10001, "1")},
		{"deep in unknown field", []byte(`{"zzz":` + string(deep("[", "]", 10001, "")) + `,"title":"a"}`)},
		{"deep in unknown field ok", []byte(`{"zzz":` + string(deep("[", "]", 9000, "")) + `,"title":"a"}`)},
		{"deep in map", []byte(`{"geo":{"properties":` + string(deep(`{"a":`, "}", 10001, "1")) + `}}`)},
		{"deep unbalanced", deep("[", "", 20000, "")},
	}
	return cs
}
