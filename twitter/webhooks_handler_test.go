package twitter_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/twitterkit/go/twitter"
)

// Vectors computed independently (Python's hmac module).
const (
	vecSecret   = "consumer-secret"
	vecCRCToken = "crc-token-123"
	vecCRCWant  = "sha256=pqNVCku98klY+uShlb3Xa/LIgd2B2xq7EveP37yRYOI="
	vecBody     = `{"for_user_id":"1"}`
	vecBodySig  = "sha256=Hlco0COzwYOsSzVcCoqAGpNZdK3BYQku/gWz9SSGVjA="
)

func TestCRCResponseToken(t *testing.T) {
	if got := twitter.CRCResponseToken(vecSecret, vecCRCToken); got != vecCRCWant {
		t.Errorf("CRCResponseToken = %q, want %q", got, vecCRCWant)
	}
}

func TestVerifyWebhookSignature(t *testing.T) {
	for _, tc := range []struct {
		secret, body, sig string
		ok                bool
	}{
		{vecSecret, vecBody, vecBodySig, true},
		{vecSecret, vecBody + " ", vecBodySig, false},
		{"other", vecBody, vecBodySig, false},
		{vecSecret, vecBody, strings.TrimPrefix(vecBodySig, "sha256="), false},
		{vecSecret, vecBody, "", false},
		{"", vecBody, vecBodySig, false},
		{vecSecret, vecBody, strings.Replace(vecBodySig, "Hlco", "Hlcp", 1), false},
	} {
		if got := twitter.VerifyWebhookSignature(tc.secret, []byte(tc.body), tc.sig); got != tc.ok {
			t.Errorf("Verify(%q, %q, %q) = %v, want %v", tc.secret, tc.body, tc.sig, got, tc.ok)
		}
	}
}

func TestWebhookHandler(t *testing.T) {
	var got []string
	h, err := twitter.NewWebhookHandler(vecSecret, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := new(strings.Builder)
		_, _ = fmt.Fprint(b, r.ContentLength, " ")
		buf := make([]byte, 64)
		n, _ := r.Body.Read(buf)
		b.Write(buf[:n])
		got = append(got, b.String())
		w.WriteHeader(http.StatusNoContent)
	}), &twitter.WebhookHandlerOptions{MaxBody: 32})
	if err != nil {
		t.Fatal(err)
	}
	serve := func(method, target, body, sig string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, target, strings.NewReader(body))
		if sig != "" {
			r.Header.Set(twitter.WebhookSignatureHeader, sig)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}

	w := serve(http.MethodGet, "/hook?crc_token="+vecCRCToken+"&nonce=x", "", "")
	var answer map[string]string
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &answer) != nil || answer["response_token"] != vecCRCWant ||
		!strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Errorf("CRC: %d %s", w.Code, w.Body)
	}
	if w := serve(http.MethodGet, "/hook", "", ""); w.Code != http.StatusBadRequest {
		t.Errorf("GET without crc_token: %d", w.Code)
	}
	if w := serve(http.MethodPost, "/hook", vecBody, vecBodySig); w.Code != http.StatusNoContent || len(got) != 1 || got[0] != "19 "+vecBody {
		t.Errorf("signed event: %d, handler got %q", w.Code, got)
	}
	for _, sig := range []string{"", "sha256=", vecCRCWant} {
		if w := serve(http.MethodPost, "/hook", vecBody, sig); w.Code != http.StatusUnauthorized || strings.Contains(w.Body.String(), vecSecret) {
			t.Errorf("signature %q: %d %s", sig, w.Code, w.Body)
		}
	}
	if w := serve(http.MethodPost, "/hook", strings.Repeat("x", 33), vecBodySig); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized: %d", w.Code)
	}
	if w := serve(http.MethodPut, "/hook", vecBody, vecBodySig); w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, POST" {
		t.Errorf("PUT: %d", w.Code)
	}
	if len(got) != 1 {
		t.Errorf("handler reached %d times, want once", len(got))
	}

	// The secret never prints.
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("handler", "h", h)
	for _, s := range []string{fmt.Sprint(h), fmt.Sprintf("%+v", h), fmt.Sprintf("%#v", h), logged.String()} {
		if strings.Contains(s, vecSecret) || !strings.Contains(s, "REDACTED") {
			t.Errorf("printed handler: %s", s)
		}
	}

	if _, err := twitter.NewWebhookHandler("", http.NotFoundHandler(), nil); err == nil {
		t.Error("empty secret accepted")
	}
	if _, err := twitter.NewWebhookHandler(vecSecret, nil, nil); err == nil {
		t.Error("nil handler accepted")
	}
	if _, err := twitter.NewWebhookHandler(vecSecret, http.NotFoundHandler(), &twitter.WebhookHandlerOptions{MaxBody: -1}); err == nil {
		t.Error("negative MaxBody accepted")
	}
}
