package testserver

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// oauth1Window is how far an OAuth 1.0a timestamp may be from the server clock.
const oauth1Window = 5 * time.Minute

// verifyOAuth1 checks an OAuth 1.0a HMAC-SHA1 signature (RFC 5849) over the real
// signature base string, the timestamp window and that the nonce is new. It returns the
// user the token belongs to.
func (s *Server) verifyOAuth1(r *http.Request, header string, body []byte) (string, error) {
	op, err := parseOAuthHeader(header)
	if err != nil {
		return "", err
	}
	if op["oauth_consumer_key"] != appConsumerKey {
		return "", errors.New("unknown consumer key")
	}
	if op["oauth_signature_method"] != "HMAC-SHA1" {
		return "", errors.New("unsupported signature method")
	}
	if v, ok := op["oauth_version"]; ok && v != "1.0" {
		return "", errors.New("bad version")
	}
	token := op["oauth_token"]
	userID, _, _ := strings.Cut(token, "-")
	creds := s.OAuth1(userID)
	if token == "" || subtle.ConstantTimeCompare([]byte(token), []byte(creds.Token)) != 1 {
		return "", errors.New("unknown token")
	}
	ts, err := strconv.ParseInt(op["oauth_timestamp"], 10, 64)
	if err != nil {
		return "", errors.New("bad timestamp")
	}
	now := s.clock.Now()
	if d := now.Sub(time.Unix(ts, 0)); d > oauth1Window || d < -oauth1Window {
		return "", errors.New("timestamp out of window")
	}
	nonce := op["oauth_nonce"]
	if nonce == "" {
		return "", errors.New("missing nonce")
	}

	params := url.Values{}
	for k, vs := range r.URL.Query() {
		params[k] = append(params[k], vs...)
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/x-www-form-urlencoded" {
		form, err := url.ParseQuery(string(body))
		if err == nil {
			for k, vs := range form {
				params[k] = append(params[k], vs...)
			}
		}
	}
	for k, v := range op {
		if k != "oauth_signature" && k != "realm" {
			params[k] = append(params[k], v)
		}
	}
	base := signatureBase(r.Method, baseURL(r), params)
	key := percentEncode(appConsumerSecret) + "&" + percentEncode(creds.TokenSecret)
	m := hmac.New(sha1.New, []byte(key))
	m.Write([]byte(base))
	want := base64.StdEncoding.EncodeToString(m.Sum(nil))
	if subtle.ConstantTimeCompare([]byte(want), []byte(op["oauth_signature"])) != 1 {
		return "", errors.New("bad signature")
	}

	s.auth.mu.Lock()
	defer s.auth.mu.Unlock()
	for k, t := range s.auth.nonces {
		if now.Sub(t) > 2*oauth1Window {
			delete(s.auth.nonces, k)
		}
	}
	nk := token + "|" + nonce
	if _, seen := s.auth.nonces[nk]; seen {
		return "", errors.New("nonce replayed")
	}
	s.auth.nonces[nk] = now
	return userID, nil
}

// parseOAuthHeader splits `OAuth k="v", ...` into its decoded parameters.
func parseOAuthHeader(h string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(strings.TrimSpace(h[len("OAuth "):]), ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("malformed OAuth parameter %q", part)
		}
		v = strings.Trim(v, `"`)
		dk, err1 := url.PathUnescape(k)
		dv, err2 := url.PathUnescape(v)
		if err1 != nil || err2 != nil {
			return nil, errors.New("bad percent-encoding")
		}
		out[dk] = dv
	}
	return out, nil
}

// baseURL is the base string URI of RFC 5849 3.4.1.2: scheme, host, path; default port dropped.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := strings.ToLower(r.Host)
	if scheme == "http" {
		host = strings.TrimSuffix(host, ":80")
	} else {
		host = strings.TrimSuffix(host, ":443")
	}
	return scheme + "://" + host + r.URL.EscapedPath()
}

// signatureBase builds METHOD&URI&PARAMS with RFC 5849 3.4.1.3.2 normalization.
func signatureBase(method, uri string, params url.Values) string {
	type kv struct{ k, v string }
	var pairs []kv
	for k, vs := range params {
		for _, v := range vs {
			pairs = append(pairs, kv{percentEncode(k), percentEncode(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	var b strings.Builder
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.k + "=" + p.v)
	}
	return strings.ToUpper(method) + "&" + percentEncode(uri) + "&" + percentEncode(b.String())
}

// percentEncode is RFC 3986 encoding: everything but ALPHA DIGIT - . _ ~ is %XX.
func percentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
