package testserver

import (
	"strings"
	"unicode"
)

// Tweet length as X counts it: the weighted length of twitter-text's v3 configuration
// (maxWeightedTweetLength 280, scale 100, defaultWeight 200, transformedURLLength 23,
// emoji parsing on). Counted per code point:
//
//   - a URL counts 23, however long;
//   - an emoji sequence (a ZWJ family, a flag, a skin tone, a keycap...) counts 2;
//   - any other code point counts 1 in the ranges 0-4351 (Latin, Greek, Cyrillic,
//     Hebrew, Arabic, Indic scripts...), 8192-8205, 8208-8223 and 8242-8247 (spaces,
//     dashes, quotes, primes), and 2 everywhere else (CJK, Hangul, most symbols,
//     anything outside the BMP).
//
// It is faithful enough for a fake, not a port of twitter-text: the text is not
// NFC-normalised first (a decomposed "é" counts 2, not 1); emoji are recognised by
// code point ranges and sequence structure, not by the full Unicode emoji list; a URL
// with http:// or https:// may have any alphabetic top-level domain, while a URL
// without one needs a domain from the short list below (and, for a two-label
// country-code domain such as bit.ly, a path), as twitter-text requires.

const urlWeight = 23

// tweetLength is the weighted length of text.
func tweetLength(text string) int {
	rs := []rune(text)
	n := 0
	for i := 0; i < len(rs); {
		if j := urlEnd(rs, i); j > i {
			n += urlWeight
			i = j
			continue
		}
		if j := emojiEnd(rs, i); j > i {
			n += 2
			i = j
			continue
		}
		n += runeWeight(rs[i])
		i++
	}
	return n
}

// runeWeight is the weight of one code point outside URLs and emoji.
func runeWeight(r rune) int {
	switch {
	case r <= 4351, 8192 <= r && r <= 8205, 8208 <= r && r <= 8223, 8242 <= r && r <= 8247:
		return 1
	}
	return 2
}

// Emoji.

const (
	zwj    = 0x200D
	vs16   = 0xFE0F // emoji presentation selector
	keycap = 0x20E3
)

// pictographic tells whether r can start an emoji on its own: the emoji blocks of the
// supplementary planes and the BMP symbol blocks that hold emoji. Every such code
// point weighs 2 anyway; being an emoji matters for what may follow it.
func pictographic(r rune) bool {
	switch {
	case 0x1F000 <= r && r <= 0x1FAFF, // mahjong to symbols and pictographs extended-A, flags, skin tones
		0x2600 <= r && r <= 0x27BF, // miscellaneous symbols, dingbats
		0x2300 <= r && r <= 0x23FF, // miscellaneous technical: ⌚ ⏰ ⏩
		0x2B00 <= r && r <= 0x2BFF, // arrows and shapes: ⬆ ⭐ ⭕
		0x2190 <= r && r <= 0x21FF, // arrows: ↔ ↩
		0x25A0 <= r && r <= 0x25FF, // geometric shapes: ▶ ◀ ◻
		0x2100 <= r && r <= 0x214F, // letterlike symbols: ™ ℹ
		r == 0x203C, r == 0x2049, r == 0x2934, r == 0x2935, r == 0x24C2,
		r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	return false
}

func regionalIndicator(r rune) bool { return 0x1F1E6 <= r && r <= 0x1F1FF }
func skinTone(r rune) bool          { return 0x1F3FB <= r && r <= 0x1F3FF }
func tagChar(r rune) bool           { return 0xE0020 <= r && r <= 0xE007F }

// emojiEnd returns where the emoji sequence starting at rs[i] ends, or i if none does.
func emojiEnd(rs []rune, i int) int {
	j := emojiElement(rs, i)
	if j == i {
		return i
	}
	// ZWJ sequences: 👩‍👩‍👧‍👦, 👨‍💻, 🏳️‍🌈.
	for j+1 < len(rs) && rs[j] == zwj {
		k := emojiElement(rs, j+1)
		if k == j+1 {
			break
		}
		j = k
	}
	return j
}

// emojiElement returns where one emoji (a flag, a keycap, or a pictograph with its
// presentation selector, skin tone and tags) starting at rs[i] ends, or i.
func emojiElement(rs []rune, i int) int {
	at := func(k int) rune {
		if k < len(rs) {
			return rs[k]
		}
		return -1
	}
	r := rs[i]
	switch {
	case regionalIndicator(r):
		if regionalIndicator(at(i + 1)) {
			return i + 2 // a flag: 🇫🇷
		}
		return i + 1
	case r == '#' || r == '*' || '0' <= r && r <= '9':
		// Keycaps: #️⃣ or 1⃣. A bare digit is text.
		j := i + 1
		if at(j) == vs16 {
			j++
		}
		if at(j) == keycap {
			return j + 1
		}
		return i
	case pictographic(r):
	case at(i+1) == vs16 && (unicode.IsSymbol(r) || unicode.IsPunct(r)):
		// A text-style symbol shown as emoji: ©️ ®️ ‼️.
	default:
		return i
	}
	j := i + 1
	if at(j) == vs16 {
		j++
	}
	if skinTone(at(j)) {
		j++
	}
	if tagChar(at(j)) {
		// Subdivision flags: 🏴 and tag letters up to the cancel tag, 🏴󠁧󠁢󠁳󠁣󠁴󠁿.
		for tagChar(at(j)) {
			j++
			if rs[j-1] == 0xE007F {
				break
			}
		}
	}
	return j
}

// URLs.

// gTLDs and ccTLDs are the top-level domains recognised without a scheme: the common
// ones, not twitter-text's full list.
var (
	gTLDs = setOf("com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi",
		"app", "dev", "io", "ai", "xyz", "online", "site", "tech", "store", "blog", "news", "shop",
		"cloud", "page", "art", "design", "live", "top", "club", "social", "media", "wiki", "golang")
	ccTLDs = setOf("ac", "ad", "ae", "ar", "at", "au", "be", "bg", "br", "by", "ca", "cc", "ch", "cl", "cn",
		"co", "cz", "de", "dk", "ee", "es", "eu", "fi", "fm", "fr", "gl", "gr", "hk", "hu", "id", "ie",
		"il", "in", "is", "it", "jp", "kr", "li", "lt", "lu", "ly", "md", "me", "mx", "my", "nl", "no",
		"nu", "nz", "ph", "pl", "pt", "ro", "rs", "ru", "se", "sg", "sh", "si", "sk", "so", "su", "th",
		"to", "tr", "tv", "tw", "ua", "uk", "us", "vc", "vn", "ws", "za")
)

func setOf(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, v := range s {
		m[v] = true
	}
	return m
}

func asciiAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// urlEnd returns where the URL starting at rs[i] ends, or i if no URL starts there.
func urlEnd(rs []rune, i int) int {
	if i > 0 {
		// twitter-text's valid preceding characters: not a letter, digit, @, $, # or a
		// directional formatting character.
		switch p := rs[i-1]; {
		case asciiAlnum(p), p == '@', p == '＠', p == '$', p == '#', p == '＃', 0x202A <= p && p <= 0x202E:
			return i
		}
	}
	j, scheme := i, false
	for _, s := range []string{"https://", "http://"} {
		if hasPrefixFold(rs[i:], s) {
			j, scheme = i+len(s), true
			break
		}
	}
	if !scheme && i > 0 && strings.ContainsRune("-_./", rs[i-1]) {
		return i
	}
	// The host: labels of letters, digits and hyphens, separated by dots.
	hostStart := j
	var labels []string
	for {
		k := j
		for k < len(rs) && (asciiAlnum(rs[k]) || rs[k] == '-' || rs[k] == '_') {
			k++
		}
		if k == j {
			break
		}
		labels = append(labels, strings.ToLower(string(rs[j:k])))
		j = k
		if j+1 < len(rs) && rs[j] == '.' && asciiAlnum(rs[j+1]) {
			j++
			continue
		}
		break
	}
	if len(labels) < 2 {
		return i
	}
	tld := labels[len(labels)-1]
	for _, r := range tld {
		if !('a' <= r && r <= 'z') {
			return i
		}
	}
	if len(tld) < 2 || !scheme && !gTLDs[tld] && !ccTLDs[tld] {
		return i
	}
	host := string(rs[hostStart:j])
	if j < len(rs) && (rs[j] == '@' || rs[j] == '+') {
		return i // an e-mail address or the like
	}
	if j+1 < len(rs) && rs[j] == ':' && '0' <= rs[j+1] && rs[j+1] <= '9' {
		j++ // a port
		for j < len(rs) && '0' <= rs[j] && rs[j] <= '9' {
			j++
		}
	}
	hasPath := j < len(rs) && (rs[j] == '/' || rs[j] == '?' || rs[j] == '#')
	if hasPath {
		j = pathEnd(rs, j)
	}
	// Without a scheme, one label under a country code is a URL only with a path (bit.ly
	// is text, bit.ly/x a link), except t.co.
	if !scheme && !hasPath && len(labels) == 2 && ccTLDs[tld] && !strings.EqualFold(host, "t.co") {
		return i
	}
	return j
}

// pathEnd returns where the path, query or fragment starting at rs[j] ends: at the next
// space, less trailing punctuation and unbalanced closing parentheses.
func pathEnd(rs []rune, j int) int {
	end := j
	for end < len(rs) && !unicode.IsSpace(rs[end]) && !strings.ContainsRune(`<>"`, rs[end]) {
		end++
	}
	for end > j {
		r := rs[end-1]
		if r == ')' {
			open := 0
			for _, c := range rs[j : end-1] {
				switch c {
				case '(':
					open++
				case ')':
					open--
				}
			}
			if open > 0 {
				break // balanced: part of the URL, as in Go_(language)
			}
			end--
			continue
		}
		if asciiAlnum(r) || strings.ContainsRune("/=_#+-&", r) || r > 0x7F && unicode.IsLetter(r) {
			break
		}
		end--
	}
	return end
}

func hasPrefixFold(rs []rune, prefix string) bool {
	if len(rs) < len(prefix) {
		return false
	}
	return strings.EqualFold(string(rs[:len(prefix)]), prefix)
}
