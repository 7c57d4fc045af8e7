package twitter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/twitterkit/go/internal/jsonx"
	"golang.org/x/oauth2"
)

// maxTokenResponse caps how much of a token endpoint's answer is read. A token response
// is a few hundred bytes; anything near this is an error page.
const maxTokenResponse = 1 << 20

// tokenEndpoint posts grants to an OAuth 2.0 token endpoint: X's app-only endpoint
// (POST /oauth2/token) and its user-context one (POST /2/oauth2/token).
//
// It is written out rather than taken from golang.org/x/oauth2's Exchange and refresh
// because those lose what a caller needs when the endpoint misbehaves (the status and
// body of a 200 that is an HTML page), keep the request, Basic credentials included,
// inside their error, and compute the expiry from the wall clock rather than the
// client's clock.
type tokenEndpoint struct {
	url string
	hc  *http.Client
	now func() time.Time

	// clientID and clientSecret authenticate the client. With a secret they are sent as
	// HTTP Basic credentials, each form-encoded first as RFC 6749 section 2.3.1 and X's
	// app-only documentation ask. Without one (a public client) client_id goes in the body.
	// (For app-only tokens they are the consumer key and secret: both are kept secret.)
	clientID, clientSecret secret

	// dec decodes the answers: the client's decoder (WithStandardJSON), or jsonx's
	// default when nil (a config used without a client).
	dec jsonx.Decoder
}

func (e tokenEndpoint) decoder() jsonx.Decoder {
	if e.dec == nil {
		return jsonx.Default()
	}
	return e.dec
}

// tokenResponse is the JSON a token endpoint answers with, success or failure.
type tokenResponse struct {
	AccessToken  string          `json:"access_token"`
	TokenType    string          `json:"token_type"`
	RefreshToken string          `json:"refresh_token"`
	ExpiresIn    json.RawMessage `json:"expires_in"` // a number, or a numeric string
	Scope        string          `json:"scope"`

	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	// The app-only endpoint's older shape: {"errors":[{"code":99,"message":"..."}]}.
	Errors []struct {
		Code    json.Number `json:"code"`
		Message string      `json:"message"`
	} `json:"errors"`
}

// post sends one grant and returns the token. secrets are the values of form (refresh
// token, code, verifier) that must not appear in an error, besides the client secret.
func (e tokenEndpoint) post(ctx context.Context, form url.Values, secrets ...string) (*oauth2.Token, error) {
	grant := form.Get("grant_type")
	fail := func(status int, err error) *TokenError {
		return &TokenError{Grant: grant, URL: e.url, StatusCode: status, Err: err}
	}
	clientID, clientSecret := e.clientID.reveal(), e.clientSecret.reveal()
	secrets = append(secrets, clientSecret)

	if clientSecret == "" && clientID != "" {
		form.Set("client_id", clientID)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.url, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fail(0, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
	req.Header.Set("Accept", "application/json")
	if clientSecret != "" {
		req.SetBasicAuth(url.QueryEscape(clientID), url.QueryEscape(clientSecret))
	}

	resp, err := e.client(req.URL).Do(req)
	var cross *crossOriginRedirect
	if errors.As(err, &cross) {
		status := 0
		if resp != nil {
			status = resp.StatusCode // the redirect; net/http has closed its body
		}
		return nil, fail(status, cross)
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			err = ctxErr // "context canceled" says more than the transport's wrapping of it
		}
		return nil, fail(0, scrubError(err, secrets))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenResponse+1))
	if err != nil {
		return nil, fail(resp.StatusCode, fmt.Errorf("reading the answer: %w", scrubError(err, secrets)))
	}
	if len(body) > maxTokenResponse {
		return nil, fail(resp.StatusCode, fmt.Errorf("answer larger than %d bytes", maxTokenResponse))
	}

	var tr tokenResponse
	jsonErr := e.decoder().Unmarshal(body, &tr)
	if resp.StatusCode < 200 || resp.StatusCode > 299 || (jsonErr == nil && (tr.Error != "" || len(tr.Errors) > 0)) {
		te := fail(resp.StatusCode, nil)
		switch {
		case jsonErr == nil && tr.Error != "":
			te.Code, te.Description = tr.Error, redact(tr.ErrorDescription, secrets...)
		case jsonErr == nil && len(tr.Errors) > 0:
			te.Code, te.Description = tr.Errors[0].Code.String(), redact(tr.Errors[0].Message, secrets...)
		default:
			te.Body = redact(excerpt(body), secrets...)
		}
		return nil, te
	}
	if jsonErr != nil {
		te := fail(resp.StatusCode, errors.New("the answer is not a JSON token response"))
		te.Body = redact(excerpt(body), secrets...)
		return nil, te
	}
	if tr.AccessToken == "" {
		return nil, fail(resp.StatusCode, errors.New("the answer has no access_token"))
	}
	if tr.TokenType != "" && !strings.EqualFold(tr.TokenType, "bearer") {
		return nil, fail(resp.StatusCode, fmt.Errorf("token_type is %q, not bearer", tr.TokenType))
	}
	expiresIn, err := parseExpiresIn(tr.ExpiresIn)
	if err != nil {
		return nil, fail(resp.StatusCode, err)
	}

	tok := &oauth2.Token{
		AccessToken:  tr.AccessToken,
		TokenType:    "bearer",
		RefreshToken: tr.RefreshToken,
		ExpiresIn:    expiresIn,
	}
	if expiresIn > 0 {
		tok.Expiry = e.now().Add(time.Duration(expiresIn) * time.Second)
	}
	var extra map[string]any
	if e.decoder().Unmarshal(body, &extra) == nil {
		tok = tok.WithExtra(extra) // tok.Extra("scope") is the granted scopes
	}
	return tok, nil
}

// client is the endpoint's HTTP client, made to follow a redirect only within the
// origin (scheme, host and port) of to. A token request carries the client's credentials
// (Basic consumer key:secret or client id:secret) and grants (a refresh token, a code):
// net/http keeps the Authorization header on a redirect to the same host on another
// port, and a 307 or 308 sends the body again, wherever it points. The caller's own
// CheckRedirect, if any, still has its say within the origin.
func (e tokenEndpoint) client(to *url.URL) *http.Client {
	hc := *e.hc
	own, from := hc.CheckRedirect, origin(to)
	hc.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if o := origin(r.URL); o != from {
			return &crossOriginRedirect{from: from, to: o}
		}
		if own != nil {
			return own(r, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &hc
}

// crossOriginRedirect is a token endpoint redirecting to another origin; the redirect
// was not followed. It is not temporary: the endpoint is configured wrong, or is not the
// one it claims to be.
type crossOriginRedirect struct{ from, to string }

func (e *crossOriginRedirect) Error() string {
	return fmt.Sprintf("redirected from %s to another origin, %s: not followed, since a token request carries credentials", e.from, e.to)
}

// parseExpiresIn reads expires_in: absent, a number of seconds, or such a number quoted.
func parseExpiresIn(raw json.RawMessage) (int64, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return 0, nil
	}
	s := strings.Trim(string(raw), `"`)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("expires_in %s is not a number of seconds", raw)
	}
	return n, nil
}

// scrubError returns err, or an error with its message redacted when the message contains
// one of the secrets (a transport echoing its request, say).
func scrubError(err error, secrets []string) error {
	msg := err.Error()
	if clean := redact(msg, secrets...); clean != msg {
		return errors.New(clean)
	}
	return err
}
