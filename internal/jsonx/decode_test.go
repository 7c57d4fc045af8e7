package jsonx_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
	"github.com/twitterkit/go/internal/jsonx/internal/fixture"
	"github.com/twitterkit/go/internal/jsonx/jsonxtest"
)

// generatedRoots are the types Fast decodes with the generated decoders (decode.gen.go).
var generatedRoots = []func() any{
	func() any { return new(gen.TweetSearchResponse) },
	func() any { return new(gen.FilteredStreamingTweet) },
	func() any { return new(gen.StreamingTweet) },
	func() any { return new(gen.SingleTweetLookupResponse) },
	func() any { return new(gen.MultiTweetLookupResponse) },
	func() any { return new(gen.SingleUserLookupResponse) },
	func() any { return new(gen.MultiUserLookupResponse) },
}

func TestGeneratedDecodersCoverTheRoots(t *testing.T) {
	for _, newV := range generatedRoots {
		if handled, ok := jsonx.Generated([]byte(`{}`), newV()); !handled || !ok {
			t.Errorf("%T: handled %v, ok %v", newV(), handled, ok)
		}
	}
	for _, v := range []any{new(gen.Problem), new(gen.Tweet), new(any), new(gen.AddOrDeleteRulesResponse)} {
		if handled, _ := jsonx.Generated([]byte(`{}`), v); handled {
			t.Errorf("%T: handled by a generated decoder, which it has not", v)
		}
	}
}

// Which documents of the corpus the generated decoders take themselves (they must decode them
// exactly as encoding/json does) and which they leave to encoding/json (a key that is not an
// exact field name, a duplicate, a number that does not fit, invalid UTF-8, any error). A
// document a decoder takes is compared with encoding/json by TestCorpusAgrees; this test
// makes sure the success path is the one the corpus exercises.
func TestGeneratedDecodersTakeWhatTheyCanDecodeExactly(t *testing.T) {
	takes := map[string]bool{
		"tweet fields null": true, "null elements": true, "long arrays": true, "tweet maps and any": true,
		"tweet times": true, "whitespace everywhere": true, "unknown fields in tweet": true,
		"key folding unknown": true, "int forms": true, "float forms": true, "stream line": true,
		"problem parameters": true, "strings of every kind": true, "users": true, "nulls at top": true,
		"escapes": true, "surrogate pair": true, "lone high surrogate": true, "emoji raw": true,
		"deep in unknown field ok": true, "empty arrays": true, "null": true, "empty object": true,
		"unknown enum values": true, "time with offset": true,

		"key folding in tweet": false, "key folding with kelvin in tweet": false, "duplicate key in tweet": false,
		"duplicate key in entity": false, "duplicate nested object": false, "wrong types in tweet": false,
		"wrong type for array": false, "wrong type for pointer": false, "int 19 digits": false,
		"int leading zero": false, "int with exponent": false, "float overflow": false,
		"invalid utf8 in tweet text": false, "invalid utf8 in escaped text": false, "control char in text": false,
		"bad escape in text": false, "truncated surrogate pair": false, "string ends in escape": false,
		"tweet then garbage": false, "tweet then second document": false, "literal prefixes": false,
		"null prefix": false, "literal with suffix": false, "escaped time": false, "bad time": false, "deep in unknown field": false,
		"key case": false, "duplicate object key": false, "bom": false, "trailing value": false,
	}
	newV := map[string]func() any{
		"tweet fields null":            func() any { return new(gen.SingleTweetLookupResponse) },
		"tweet maps and any":           func() any { return new(gen.SingleTweetLookupResponse) },
		"tweet times":                  func() any { return new(gen.SingleTweetLookupResponse) },
		"escaped time":                 func() any { return new(gen.SingleTweetLookupResponse) },
		"user fields":                  func() any { return new(gen.SingleUserLookupResponse) },
		"users":                        func() any { return new(gen.MultiUserLookupResponse) },
		"stream line":                  func() any { return new(gen.FilteredStreamingTweet) },
		"strings of every kind":        func() any { return new(gen.StreamingTweet) },
		"invalid utf8 in tweet text":   func() any { return new(gen.StreamingTweet) },
		"invalid utf8 in escaped text": func() any { return new(gen.StreamingTweet) },
		"control char in text":         func() any { return new(gen.StreamingTweet) },
		"bad escape in text":           func() any { return new(gen.StreamingTweet) },
		"truncated surrogate pair":     func() any { return new(gen.StreamingTweet) },
		"string ends in escape":        func() any { return new(gen.StreamingTweet) },
		"tweet then garbage":           func() any { return new(gen.StreamingTweet) },
		"tweet then second document":   func() any { return new(gen.StreamingTweet) },
		"literal prefixes":             func() any { return new(gen.StreamingTweet) },
		"null prefix":                  func() any { return new(gen.StreamingTweet) },
		"literal with suffix":          func() any { return new(gen.StreamingTweet) },
		"duplicate nested object":      func() any { return new(gen.StreamingTweet) },
	}
	takes["user fields"] = true
	seen := 0
	for _, c := range jsonxtest.Corpus() {
		want, listed := takes[c.Name]
		if !listed {
			continue
		}
		seen++
		mk := newV[c.Name]
		if mk == nil {
			mk = func() any { return new(gen.TweetSearchResponse) }
		}
		v := mk()
		handled, ok := jsonx.Generated(c.Data, v)
		if !handled || ok != want {
			t.Errorf("%s into %T: taken %v, want %v", c.Name, v, ok, want)
		}
		if !ok && !reflect.ValueOf(v).Elem().IsZero() {
			t.Errorf("%s: a document not taken left a value that is not zero", c.Name)
		}
		jsonxtest.Compare(t, c.Data, mk)
	}
	if seen != len(takes) {
		t.Errorf("%d of %d listed cases are in the corpus", seen, len(takes))
	}
}

// Every document of the corpus, and documents built from realistic ones by cutting them
// short, into every type with a generated decoder: taken or not, the result is
// encoding/json's.
func TestGeneratedDecodersAgreeOnTruncations(t *testing.T) {
	line := fixture.StreamLines(1, 7)[0]
	for n := 0; n < len(line); n += 7 {
		for _, newV := range generatedRoots {
			jsonxtest.Compare(t, line[:n], newV)
		}
	}
}

// The scratch slices the generated decoders keep in pools are not shared between decodes
// running at once, and are cleared before they go back: many goroutines decode pages with
// long arrays at once (run with -race, as make test does).
func TestGeneratedDecodersConcurrently(t *testing.T) {
	page := fixture.Search(30, 3, true)
	want := new(gen.TweetSearchResponse)
	if err := json.Unmarshal(page, want); err != nil {
		t.Fatal(err)
	}
	done := make(chan *gen.TweetSearchResponse)
	for range 4 {
		go func() {
			for range 5 {
				v := new(gen.TweetSearchResponse)
				if err := jsonx.Fast.Unmarshal(page, v); err != nil {
					v = nil
				}
				done <- v
			}
		}()
	}
	for range 20 {
		if v := <-done; v == nil || !jsonxtest.Equal(v, want) {
			t.Error("a page decoded at the same time as others differs from encoding/json's")
		}
	}
}
