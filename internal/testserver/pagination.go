package testserver

import (
	"encoding/base32"
	"encoding/binary"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
)

// Pagination tokens are opaque to clients: an offset into the list and a check of which
// list they belong to, so a token from another list (or a made-up one) is a 400, like X.

var tokenEnc = base32.NewEncoding("0123456789abcdefghijklmnopqrstuv").WithPadding(base32.NoPadding)

func listTag(key string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()
}

func encodeToken(key string, offset int) string {
	var b [9]byte
	b[0] = 1
	binary.BigEndian.PutUint32(b[1:], listTag(key))
	binary.BigEndian.PutUint32(b[5:], uint32(offset))
	return tokenEnc.EncodeToString(b[:])
}

func decodeToken(key, tok string) (int, bool) {
	b, err := tokenEnc.DecodeString(tok)
	if err != nil || len(b) != 9 || b[0] != 1 || binary.BigEndian.Uint32(b[1:]) != listTag(key) {
		return 0, false
	}
	return int(binary.BigEndian.Uint32(b[5:])), true
}

// rulesToken is the 16-character token listStreamRules uses.
func rulesToken(offset int) string {
	s := strconv.FormatInt(int64(offset), 16)
	return "r" + strings.Repeat("0", 15-len(s)) + s
}

// pageReq is the paging part of a request.
type pageReq struct {
	key    string // identifies the list, for its tokens
	param  string // pagination_token or next_token
	token  string
	offset int
	max    int
}

// pageParams reads max_results (default def) and the page token of a list request.
func pageParams(c *call, key string, def int) (pageReq, *apiProblem) {
	p := pageReq{key: key, max: def}
	if v := c.q.Get("max_results"); v != "" {
		p.max, _ = strconv.Atoi(v)
	}
	for _, name := range []string{"pagination_token", "next_token"} {
		if v := c.q.Get(name); v != "" {
			p.param, p.token = name, v
		}
	}
	if p.token != "" {
		off, ok := decodeToken(key, p.token)
		if !ok {
			return p, badParam(p.param, p.token, "The `%s` query parameter value [%s] is not valid", p.param, p.token)
		}
		p.offset = off
	}
	return p, nil
}

// window returns the [from, to) slice bounds of the page in a list of total items, and
// the tokens of the pages after and before it.
func (p pageReq) window(total int) (from, to int, next, prev string) {
	from = min(p.offset, total)
	to = min(from+p.max, total)
	if to < total {
		next = encodeToken(p.key, to)
	}
	if from > 0 {
		prev = encodeToken(p.key, max(0, from-p.max))
	}
	return
}

// renderedPage answers page p of a list of n items: each rendered by render (false leaves
// it out), with listMeta and the includes and errors the renderer collected.
func renderedPage[W any](s *Server, c *call, p pageReq, n int, render func(r *renderer, i int) (W, bool)) (int, any) {
	from, to, next, prev := p.window(n)
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	var data []W
	for i := from; i < to; i++ {
		if w, ok := render(r, i); ok {
			data = append(data, w)
		}
	}
	env := envelope{Meta: listMeta{ResultCount: len(data), NextToken: next, PreviousToken: prev}, Includes: r.includes(), Errors: r.errs}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

type listMeta struct {
	ResultCount   int    `json:"result_count"`
	NextToken     string `json:"next_token,omitempty"`
	PreviousToken string `json:"previous_token,omitempty"`
}

type timelineMeta struct {
	ResultCount   int    `json:"result_count"`
	NewestID      string `json:"newest_id,omitempty"`
	OldestID      string `json:"oldest_id,omitempty"`
	NextToken     string `json:"next_token,omitempty"`
	PreviousToken string `json:"previous_token,omitempty"`
}
