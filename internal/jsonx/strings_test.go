package jsonx_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx/jsonxtest"
)

// randomString returns the inside of a JSON string literal, valid or not: escapes of every kind,
// surrogate pairs and lone surrogates, raw UTF-8 of every length, invalid and overlong bytes,
// control characters.
func randomString(r *rand.Rand) string {
	pieces := []func() string{
		func() string { return "abc" },
		func() string { return "é東😀" },
		func() string { return `\n\t\"\\\/\b\f\r` },
		func() string { return fmt.Sprintf(`\u%04x`, r.IntN(0x10000)) },
		func() string { return fmt.Sprintf(`\u%04X\u%04x`, 0xd800+r.IntN(0x400), 0xdc00+r.IntN(0x400)) }, // pair
		func() string { return fmt.Sprintf(`\u%04x`, 0xd800+r.IntN(0x800)) },                             // lone
		func() string { return string([]byte{byte(0x80 + r.IntN(0x80))}) },                               // stray continuation or lead
		func() string { return string([]byte{0xed, 0xa0 + byte(r.IntN(0x20)), 0x80}) },                   // encoded surrogate
		func() string { return string([]byte{0xc0 + byte(r.IntN(2)), 0x80 + byte(r.IntN(0x40))}) },       // overlong
		func() string { return string([]byte{0xf4, 0x90, 0x80, 0x80}) },                                  // above U+10FFFF
		func() string { return string([]byte{0xe2, 0x82}) },                                              // truncated
		func() string { return string([]byte{byte(r.IntN(0x20))}) },                                      // control character
		func() string { return `\x` },                                                                    // bad escape
		func() string { return "\u2028\u2029\ufeff\x7f" },
	}
	var b strings.Builder
	for range r.IntN(8) {
		b.WriteString(pieces[r.IntN(len(pieces))]())
	}
	return b.String()
}

// Strings, valid or not, as values and as keys, agree.
func TestStringsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 4000 {
		s, k := randomString(r), randomString(r)
		jsonxtest.Compare(t, []byte(`{"title":"`+s+`","type":"t"}`), func() any { return new(gen.Problem) })
		jsonxtest.Compare(t, []byte(`{"data":[{"id":"1","text":"`+s+`","entities":{"hashtags":[{"start":0,"end":1,"tag":"`+k+`"}]}}]}`), func() any { return new(gen.TweetSearchResponse) })
		jsonxtest.Compare(t, []byte(`{"`+k+`":"`+s+`","title":"t"}`), func() any { return new(gen.Problem) })
		jsonxtest.Compare(t, []byte(`{"`+k+`":["`+s+`"]}`), func() any { return new(map[string][]string) })
		jsonxtest.Compare(t, []byte(`{"`+k+`":"`+s+`"}`), func() any { return new(any) })
	}
}

// Names that match fields only when folded (case, Kelvin sign for k, long s for s, escapes)
// reach the same fields.
func TestKeysAgree(t *testing.T) {
	names := []string{"id", "text", "author_id", "created_at", "possibly_sensitive", "public_metrics", "like_count",
		"entities", "hashtags", "start", "end", "tag", "title", "type", "status", "detail", "summary", "meta",
		"data", "errors", "includes", "users", "username", "coordinates", "bbox", "properties", "parameters"}
	r := rand.New(rand.NewPCG(5, 6))
	variant := func(name string) string {
		var b strings.Builder
		for _, c := range name {
			switch x := r.IntN(10); {
			case x == 0 && (c == 'k' || c == 's'):
				b.WriteString(map[rune]string{'k': "\u212a", 's': "\u017f"}[c])
			case x == 1:
				fmt.Fprintf(&b, `\u%04x`, c)
			case x == 2 && c == 'k':
				b.WriteString(`\u212A`)
			case x < 5:
				b.WriteString(strings.ToUpper(string(c)))
			case x == 5 && c == '_':
				b.WriteString("-")
			default:
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	for range 300 {
		var fields []string
		for range 1 + r.IntN(4) {
			n := names[r.IntN(len(names))]
			fields = append(fields, fmt.Sprintf(`"%s":"v%d"`, variant(n), r.IntN(9)), fmt.Sprintf(`"%s":%d`, variant(n), r.IntN(9)))
		}
		obj := "{" + strings.Join(fields, ",") + "}"
		for _, doc := range []string{
			obj,
			`{"data":[` + obj + `],"errors":[` + obj + `],"meta":` + obj + `}`,
			`{"data":{"entities":{"hashtags":[` + obj + `]},"public_metrics":` + obj + `},"includes":{"users":[` + obj + `]}}`,
		} {
			for _, tg := range jsonxtest.Targets {
				jsonxtest.Compare(t, []byte(doc), tg.New)
			}
		}
	}
}
