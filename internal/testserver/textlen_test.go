package testserver

import (
	"strings"
	"testing"
)

func TestTweetLength(t *testing.T) {
	cases := []struct {
		name, text string
		want       int
	}{
		{"empty", "", 0},
		{"ascii", "hello, world", 12},
		{"280 ascii", strings.Repeat("a", 280), 280},
		{"precomposed accent", "café", 4},
		{"cjk", "日本語", 6},
		{"hangul", "한국어", 6},
		{"cyrillic and arabic", "привет مرحبا", 12},

		// The edges of the weight-1 ranges.
		{"U+10FF, last of 0-4351", "\u10ff", 1},
		{"U+1100, first after it", "\u1100", 2},
		{"U+1FFF", "\u1fff", 2},
		{"U+2000 en quad", "\u2000", 1},
		{"U+200D zero-width joiner alone", "\u200d", 1},
		{"U+200E", "\u200e", 2},
		{"U+200F", "\u200f", 2},
		{"U+2010 hyphen", "\u2010", 1},
		{"en and em dashes, curly quotes", "\u2013\u2014\u2018\u2019\u201c\u201d", 6},
		{"U+201F", "\u201f", 1},
		{"U+2020 dagger", "\u2020", 2},
		{"U+2026 ellipsis", "\u2026", 2},
		{"U+2032 prime", "\u2032", 1},
		{"U+2037", "\u2037", 1},
		{"U+2038", "\u2038", 2},
		{"outside the BMP, not emoji", "𝕏", 2},

		// Emoji sequences count 2 each, however many code points they hold.
		{"emoji", "😀", 2},
		{"two emoji", "😀😀", 4},
		{"skin tone", "👍🏽", 2},
		{"family ZWJ sequence", "👩\u200d👩\u200d👧\u200d👦", 2},
		{"profession ZWJ sequence", "👨\u200d💻", 2},
		{"rainbow flag", "🏳\ufe0f\u200d🌈", 2},
		{"flag", "🇫🇷", 2},
		{"two flags", "🇫🇷🇩🇪", 4},
		{"lone regional indicator", "🇫", 2},
		{"subdivision flag", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 2},
		{"heart with selector", "❤\ufe0f", 2},
		{"heart without", "❤", 2},
		{"keycap", "#\ufe0f\u20e3", 2},
		{"keycap without selector", "1\u20e3", 2},
		{"copyright as emoji", "©\ufe0f", 2},
		{"copyright as text", "©", 1},
		{"digits are text", "2026", 4},
		{"text around emoji", "go 🐹!", 6},

		// URLs count 23 whatever their length.
		{"https", "https://example.com", 23},
		{"http", "http://example.com", 23},
		{"long url", "https://a.very.long.domain.example.org/with/a/long/path?and=a&query=1#frag", 23},
		{"short url", "https://t.co/x", 23},
		{"url in a sentence", "see https://go.dev/doc.", 4 + 23 + 1},
		{"url in parentheses", "(https://example.com)", 1 + 23 + 1},
		{"balanced parentheses stay", "https://en.wikipedia.org/wiki/Go_(programming_language)", 23},
		{"two urls", "https://example.com https://example.org", 23 + 1 + 23},
		{"no scheme, gTLD", "go.dev", 23},
		{"no scheme, subdomain", "pkg.go.dev", 23},
		{"no scheme, ccTLD short domain", "bit.ly", 6},
		{"no scheme, ccTLD with path", "bit.ly/x", 23},
		{"t.co", "t.co", 23},
		{"file name under a ccTLD", "README.md", 9},
		{"file name", "main.txt", 8},
		{"e-mail", "bob@example.com", 15},
		{"hashtag", "#example.com", 12},
		{"glued to a word", "xhttps://example.com", 20},
		{"no top-level domain", "https://localhost", 17},
		{"url then emoji", "https://example.com 😀", 23 + 1 + 2},

		// The limit, weighted.
		{"140 cjk", strings.Repeat("日", 140), 280},
		{"141 cjk", strings.Repeat("日", 141), 282},
		{"140 emoji", strings.Repeat("👍🏽", 140), 280},
		{"long url inside the limit", strings.Repeat("a", 256) + " https://example.com/" + strings.Repeat("x", 200), 280},
	}
	for _, tc := range cases {
		if got := tweetLength(tc.text); got != tc.want {
			t.Errorf("%s: tweetLength(%q) = %d, want %d", tc.name, tc.text, got, tc.want)
		}
	}
}
