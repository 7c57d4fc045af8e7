package testserver

import (
	"fmt"
	"strings"
	"unicode"
)

// The search and rule query language, a useful subset of X's:
//
//	keyword  "exact phrase"  #hashtag  @mention  $cashtag
//	from:user  to:user  retweets_of:user  conversation_id:id  lang:xx  url:text
//	is:retweet  is:reply  is:quote  is:verified
//	has:media  has:images  has:videos  has:links  has:mentions  has:hashtags
//	has:cashtags  has:geo
//	-term (negation), terms side by side (AND), OR, ( ... )
//
// user is a username or a user id. A query of only negated terms is rejected, as X does.

type qnode interface {
	eval(st *state, t *Tweet) bool
}

type qand []qnode
type qor []qnode
type qnot struct{ n qnode }
type qterm struct{ op, val string }

func (a qand) eval(st *state, t *Tweet) bool {
	for _, n := range a {
		if !n.eval(st, t) {
			return false
		}
	}
	return true
}

func (o qor) eval(st *state, t *Tweet) bool {
	for _, n := range o {
		if n.eval(st, t) {
			return true
		}
	}
	return false
}

func (n qnot) eval(st *state, t *Tweet) bool { return !n.n.eval(st, t) }

func hasRef(t *Tweet, typ string) string {
	for _, r := range t.ReferencedTweets {
		if r.Type == typ {
			return r.ID
		}
	}
	return ""
}

func userMatches(st *state, id, who string) bool {
	if id == who {
		return true
	}
	u := st.user(id)
	return u != nil && strings.EqualFold(u.Username, who)
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// words splits a text into lower-case tokens for keyword matching.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
}

func (q qterm) eval(st *state, t *Tweet) bool {
	switch q.op {
	case "word":
		for _, w := range t.parsed().words {
			if w == q.val {
				return true
			}
		}
		return false
	case "phrase":
		return strings.Contains(strings.ToLower(t.Text), q.val)
	case "#":
		return containsFold(t.parsed().hashtags, q.val)
	case "@":
		return containsFold(t.parsed().mentions, q.val)
	case "$":
		return containsFold(t.parsed().cashtags, q.val)
	case "from":
		return userMatches(st, t.AuthorID, q.val)
	case "to":
		return t.InReplyToUserID != "" && userMatches(st, t.InReplyToUserID, q.val)
	case "retweets_of":
		if id := hasRef(t, "retweeted"); id != "" {
			src := st.tweet(id)
			return src != nil && userMatches(st, src.AuthorID, q.val)
		}
		return false
	case "conversation_id":
		return t.ConversationID == q.val
	case "lang":
		return strings.EqualFold(t.Lang, q.val)
	case "url":
		for _, u := range t.parsed().urls {
			if strings.Contains(strings.ToLower(u), q.val) {
				return true
			}
		}
		return false
	case "is":
		switch q.val {
		case "retweet":
			return hasRef(t, "retweeted") != ""
		case "reply":
			return hasRef(t, "replied_to") != ""
		case "quote":
			return hasRef(t, "quoted") != ""
		case "verified":
			u := st.user(t.AuthorID)
			return u != nil && u.Verified
		}
	case "has":
		switch q.val {
		case "media":
			return len(t.MediaKeys) > 0
		case "images", "videos":
			want := map[string]string{"images": "photo", "videos": "video"}[q.val]
			for _, k := range t.MediaKeys {
				if m := st.mediaOf(k); m != nil && m.Type == want {
					return true
				}
			}
			return false
		case "links":
			return len(t.parsed().urls) > 0
		case "mentions":
			return len(t.parsed().mentions) > 0
		case "hashtags":
			return len(t.parsed().hashtags) > 0
		case "cashtags":
			return len(t.parsed().cashtags) > 0
		case "geo":
			return t.PlaceID != ""
		}
	}
	return false
}

var queryValues = map[string][]string{
	"is":  {"retweet", "reply", "quote", "verified"},
	"has": {"media", "images", "videos", "links", "mentions", "hashtags", "cashtags", "geo"},
}

var queryOperators = map[string]bool{"from": true, "to": true, "retweets_of": true, "conversation_id": true,
	"lang": true, "url": true, "is": true, "has": true}

// queryError is a query the language does not accept.
type queryError struct{ msg string }

func (e *queryError) Error() string { return e.msg }

type qparser struct {
	toks []string
	pos  int
}

// parseQuery parses a search query or a rule value.
func parseQuery(s string) (qnode, error) {
	toks, err := lexQuery(s)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, &queryError{"There were errors processing your request: the query is empty"}
	}
	p := &qparser{toks: toks}
	n, positive, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, &queryError{fmt.Sprintf("There were errors processing your request: unexpected %q (at position %d)", p.toks[p.pos], p.pos+1)}
	}
	if !positive {
		return nil, &queryError{"There were errors processing your request: Rules must contain a non-negation term (at position 1)"}
	}
	return n, nil
}

func lexQuery(s string) ([]string, error) {
	var toks []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		case c == '"' || (c == '-' && i+1 < len(s) && s[i+1] == '"'):
			start := i
			if c == '-' {
				i++
			}
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, &queryError{fmt.Sprintf("There were errors processing your request: unterminated quote (at position %d)", start+1)}
			}
			toks = append(toks, s[start:i+end+2])
			i += end + 2
		default:
			start := i
			for i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '(' && s[i] != ')' {
				i++
			}
			toks = append(toks, s[start:i])
		}
	}
	return toks, nil
}

// or: and ("OR" and)*. The bool reports whether the expression has a positive term.
func (p *qparser) or() (qnode, bool, error) {
	first, pos, err := p.and()
	if err != nil {
		return nil, false, err
	}
	alts := qor{first}
	for p.pos < len(p.toks) && p.toks[p.pos] == "OR" {
		p.pos++
		n, ps, err := p.and()
		if err != nil {
			return nil, false, err
		}
		alts = append(alts, n)
		pos = pos && ps
	}
	if len(alts) == 1 {
		return first, pos, nil
	}
	return alts, pos, nil
}

func (p *qparser) and() (qnode, bool, error) {
	var all qand
	positive := false
	for p.pos < len(p.toks) && p.toks[p.pos] != ")" && p.toks[p.pos] != "OR" {
		n, pos, err := p.unary()
		if err != nil {
			return nil, false, err
		}
		all = append(all, n)
		positive = positive || pos
	}
	if len(all) == 0 {
		return nil, false, &queryError{fmt.Sprintf("There were errors processing your request: missing term (at position %d)", p.pos+1)}
	}
	if len(all) == 1 {
		return all[0], positive, nil
	}
	return all, positive, nil
}

func (p *qparser) unary() (qnode, bool, error) {
	tok := p.toks[p.pos]
	if tok == "(" {
		p.pos++
		n, pos, err := p.or()
		if err != nil {
			return nil, false, err
		}
		if p.pos >= len(p.toks) || p.toks[p.pos] != ")" {
			return nil, false, &queryError{"There were errors processing your request: missing closing parenthesis"}
		}
		p.pos++
		return n, pos, nil
	}
	p.pos++
	neg := false
	if strings.HasPrefix(tok, "-") && len(tok) > 1 {
		neg = true
		tok = tok[1:]
	}
	if tok == "(" || tok == ")" {
		return nil, false, &queryError{"There were errors processing your request: misplaced parenthesis"}
	}
	t, err := parseTerm(tok)
	if err != nil {
		return nil, false, err
	}
	if neg {
		return qnot{t}, false, nil
	}
	// is: and has: cannot stand alone in X; they still count as terms here.
	return t, true, nil
}

func parseTerm(tok string) (qterm, error) {
	if strings.HasPrefix(tok, `"`) {
		return qterm{"phrase", strings.ToLower(strings.Trim(tok, `"`))}, nil
	}
	switch tok[0] {
	case '#', '@', '$':
		if len(tok) == 1 {
			return qterm{}, &queryError{fmt.Sprintf("There were errors processing your request: empty %q term", tok)}
		}
		return qterm{tok[:1], tok[1:]}, nil
	}
	if op, val, ok := strings.Cut(tok, ":"); ok && op != "" && !strings.HasPrefix(val, "//") {
		if !queryOperators[op] {
			return qterm{}, &queryError{fmt.Sprintf("There were errors processing your request: Reference to invalid operator '%s'. Operator is not available in current product or product packaging. Please refer to complete available operator list at https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-query#list.", op)}
		}
		if val == "" {
			return qterm{}, &queryError{fmt.Sprintf("There were errors processing your request: operator '%s:' needs a value", op)}
		}
		if allowed, ok := queryValues[op]; ok && !containsFold(allowed, val) {
			return qterm{}, &queryError{fmt.Sprintf("There were errors processing your request: Reference to invalid field '%s' (at position 1)", val)}
		}
		return qterm{op, strings.ToLower(val)}, nil
	}
	w := words(tok)
	if len(w) == 1 && w[0] == strings.ToLower(tok) {
		return qterm{"word", w[0]}, nil
	}
	return qterm{"phrase", strings.ToLower(tok)}, nil
}
