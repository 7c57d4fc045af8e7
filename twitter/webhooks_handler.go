package twitter

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
)

// WebhookSignatureHeader is the header in which X signs every event it POSTs to a
// webhook: "sha256=" and the base64 HMAC-SHA256 of the body, keyed by the app's consumer
// secret.
const WebhookSignatureHeader = "X-Twitter-Webhooks-Signature"

// DefaultWebhookMaxBody is how large an event NewWebhookHandler accepts by default.
const DefaultWebhookMaxBody = 4 << 20

// CRCResponseToken is the answer to X's challenge-response check of a webhook: X sends
// GET <webhook URL>?crc_token=<token> when the webhook is registered or re-checked (and
// from time to time), and the receiver must answer 200 with the JSON
// {"response_token": CRCResponseToken(consumerSecret, token)} within three seconds:
// "sha256=" and the base64 HMAC-SHA256 of the token keyed by the app's consumer secret.
// NewWebhookHandler does this; the function is for receivers built otherwise.
func CRCResponseToken(consumerSecret, crcToken string) string {
	return webhookMAC(consumerSecret, []byte(crcToken))
}

// VerifyWebhookSignature reports whether signature (the WebhookSignatureHeader of a
// delivery) is X's signature of body for the app with this consumer secret. The
// comparison takes the same time whatever the signature, so it reveals nothing about
// the right one.
func VerifyWebhookSignature(consumerSecret string, body []byte, signature string) bool {
	if consumerSecret == "" || !strings.HasPrefix(signature, "sha256=") {
		return false
	}
	return hmac.Equal([]byte(signature), []byte(webhookMAC(consumerSecret, body)))
}

func webhookMAC(secret string, msg []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(msg)
	return "sha256=" + base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// WebhookHandlerOptions tunes NewWebhookHandler; nil means the defaults.
type WebhookHandlerOptions struct {
	// MaxBody is the largest event body accepted, in bytes (DefaultWebhookMaxBody when
	// 0); a larger one is refused with 413.
	MaxBody int64
}

// NewWebhookHandler returns the http.Handler to serve at a webhook's URL. It answers X's
// challenge-response GETs (crc_token) with CRCResponseToken, and for each POSTed event
// reads the body, checks its WebhookSignatureHeader against consumerSecret in constant
// time and, only when it is X's, calls events with the request, whose Body holds the
// verified bytes (the JSON of the activity, as X sent it). An unsigned or tampered event
// is refused with 401 before events sees it; other methods get 405. The secret appears
// in no response, error or printed form of the handler.
func NewWebhookHandler(consumerSecret string, events http.Handler, opts *WebhookHandlerOptions) (http.Handler, error) {
	if consumerSecret == "" {
		return nil, errors.New("twitter: NewWebhookHandler: empty consumer secret")
	}
	if events == nil {
		return nil, errors.New("twitter: NewWebhookHandler: nil events handler")
	}
	o := orZero(opts)
	if o.MaxBody < 0 {
		return nil, fmt.Errorf("twitter: NewWebhookHandler: negative MaxBody %d", o.MaxBody)
	}
	h := &webhookHandler{secret: newSecret(consumerSecret), events: events, maxBody: o.MaxBody}
	if h.maxBody == 0 {
		h.maxBody = DefaultWebhookMaxBody
	}
	return h, nil
}

type webhookHandler struct {
	secret  secret
	events  http.Handler
	maxBody int64
}

// String describes the handler without its secret.
func (h *webhookHandler) String() string { return "twitter.webhookHandler{secret: REDACTED}" }

// Format prints String for every verb, %#v and %+v included.
func (h *webhookHandler) Format(f fmt.State, _ rune) { fmt.Fprint(f, h.String()) }

// LogValue keeps the secret out of logs.
func (h *webhookHandler) LogValue() slog.Value { return slog.StringValue(h.String()) }

func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		h.serveCRC(w, r)
	case http.MethodPost:
		h.serveEvent(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func (h *webhookHandler) serveCRC(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("crc_token")
	if token == "" {
		http.Error(w, "missing crc_token", http.StatusBadRequest)
		return
	}
	body, _ := json.Marshal(struct {
		ResponseToken string `json:"response_token"`
	}{CRCResponseToken(h.secret.reveal(), token)})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(body)
}

func (h *webhookHandler) serveEvent(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "event too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read event", http.StatusBadRequest)
		return
	}
	if !VerifyWebhookSignature(h.secret.reveal(), body, r.Header.Get(WebhookSignatureHeader)) {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	r2.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	h.events.ServeHTTP(w, r2)
}
