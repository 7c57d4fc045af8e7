package testserver

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// Webhooks. The app registers URLs (POST /2/webhooks); before a URL counts as valid the
// server makes the challenge-response check X makes: a real GET <url>?crc_token=<token>
// that must answer 200 with {"response_token": "sha256=<base64 HMAC-SHA256 of the token
// keyed by the app's consumer secret>"} within crcTimeout. PUT /2/webhooks/{id} checks
// again. DeliverEvent POSTs an event to a valid webhook, signed the way X signs
// deliveries (x-twitter-webhooks-signature). X only takes https URLs; the fake also
// takes http on a loopback host, so an httptest.Server can receive.

// The seeded webhook: registered two days before SeedTime at an address nothing listens
// on, valid when seeded (a re-check makes it invalid, as it would on X).
const (
	SeedWebhookID  = "1870000000000000001"
	SeedWebhookURL = "https://hooks.example.com/x/activity"
)

// crcTimeout is how long a receiver has to answer the challenge-response check.
const crcTimeout = 3 * time.Second

// signatureHeader carries the signature of every delivery.
const signatureHeader = "X-Twitter-Webhooks-Signature"

// Webhook is a registered webhook as the server holds it.
type Webhook struct {
	ID        string
	URL       string
	Valid     bool
	CreatedAt time.Time
	// CRCChecks counts the challenge-response checks the server made of this webhook.
	CRCChecks int
}

// hookState is the app's webhooks, oldest first.
type hookState struct {
	list   []*Webhook
	seq    uint64
	crcSeq uint64
	subs   map[string][]string // webhook id -> users subscribed to Account Activity (account_activity.go)
	replay replayState         // webhook_replay.go
}

func seedWebhooks(st *state) {
	st.hooks = &hookState{seq: 1870000000000000001, replay: replayState{seq: 1880000000000000000}}
	st.hooks.list = []*Webhook{{ID: SeedWebhookID, URL: SeedWebhookURL, Valid: true, CreatedAt: SeedTime.Add(-48 * time.Hour)}}
	st.hooks.seq++
	seedSubscriptions(st.hooks)
}

func (h *hookState) find(id string) *Webhook {
	for _, w := range h.list {
		if w.ID == id {
			return w
		}
	}
	return nil
}

// webhookNotFound is X's answer for a webhook id the app does not have.
func webhookNotFound(id string) *apiProblem {
	p := notFound("webhook", "webhook_id", id)
	p.Status = http.StatusNotFound
	return &p
}

type wWebhook struct {
	CreatedAt string `json:"created_at,omitempty"`
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Valid     *bool  `json:"valid,omitempty"`
}

func renderWebhook(w *Webhook, fields set) wWebhook {
	all := fields == nil
	out := wWebhook{ID: w.ID}
	if all || fields["created_at"] {
		out.CreatedAt = fmtTime(w.CreatedAt)
	}
	if all || fields["url"] {
		out.URL = w.URL
	}
	if all || fields["valid"] {
		v := w.Valid
		out.Valid = &v
	}
	return out
}

// webhooksFeature registers the operations this file serves and what it seeds into a new world.
func webhooksFeature() feature {
	return feature{seed: seedWebhooks, ops: map[string]operation{
		"listWebhooks": {(*Server).listWebhooks, reads},
		// The CRC check calls the webhook over HTTP: these lock the world themselves,
		// not while they wait for its answer.
		"createWebhook":   {(*Server).createWebhook, apart},
		"validateWebhook": {(*Server).validateWebhook, apart},
		"deleteWebhook":   {(*Server).deleteWebhook, writes},
	}}
}

func (s *Server) listWebhooks(c *call) (int, any) {
	fields := listParam(c.q, "webhook_config.fields")
	var data []wWebhook
	for _, w := range s.w.hooks.list {
		data = append(data, renderWebhook(w, fields))
	}
	env := envelope{Meta: listMeta{ResultCount: len(data)}}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

// checkWebhookURL accepts an absolute https URL, or http on a loopback host.
func checkWebhookURL(raw string) *apiProblem {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Fragment != "" {
		return badParam("url", raw, "The webhook url must be an absolute https URL without credentials or fragment.")
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if ip := net.ParseIP(u.Hostname()); u.Hostname() == "localhost" || ip != nil && ip.IsLoopback() {
			return nil
		}
	}
	return badParam("url", raw, "The webhook url must use https.")
}

func (s *Server) createWebhook(c *call) (int, any) {
	var body struct {
		URL string `json:"url"`
	}
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	w, pr := s.registerWebhook(c.r.Context(), body.URL)
	if pr != nil {
		return pr.Status, pr
	}
	return http.StatusOK, envelope{Data: renderWebhook(&w, nil)}
}

// registerWebhook adds a webhook of the app at target after its CRC check.
func (s *Server) registerWebhook(ctx context.Context, target string) (Webhook, *apiProblem) {
	if pr := checkWebhookURL(target); pr != nil {
		return Webhook{}, pr
	}
	valid := s.crcCheck(ctx, target)
	s.mu.Lock()
	defer s.mu.Unlock()
	h := s.w.hooks
	w := &Webhook{ID: strconv.FormatUint(h.seq, 10), URL: target, Valid: valid,
		CreatedAt: s.clock.Now().UTC().Truncate(time.Millisecond), CRCChecks: 1}
	h.seq++
	h.list = append(h.list, w)
	return *w, nil
}

func (s *Server) validateWebhook(c *call) (int, any) {
	id := c.path["webhook_id"]
	s.mu.RLock()
	w := s.w.hooks.find(id)
	var target string
	if w != nil {
		target = w.URL
	}
	s.mu.RUnlock()
	if w == nil {
		pr := webhookNotFound(id)
		return pr.Status, pr
	}
	valid := s.crcCheck(c.r.Context(), target)
	s.mu.Lock()
	defer s.mu.Unlock()
	if w = s.w.hooks.find(id); w == nil { // deleted during the check
		pr := webhookNotFound(id)
		return pr.Status, pr
	}
	w.Valid = valid
	w.CRCChecks++
	return http.StatusOK, envelope{Data: map[string]bool{"attempted": true, "valid": valid}}
}

func (s *Server) deleteWebhook(c *call) (int, any) {
	id := c.path["webhook_id"]
	h := s.w.hooks
	i := slices.IndexFunc(h.list, func(w *Webhook) bool { return w.ID == id })
	if i < 0 {
		pr := webhookNotFound(id)
		return pr.Status, pr
	}
	h.list = slices.Delete(h.list, i, i+1)
	delete(h.subs, id)
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}

// webhookMAC is the base64 HMAC-SHA256 of msg keyed by the app's consumer secret, with
// the "sha256=" prefix X puts on CRC answers and delivery signatures.
func webhookMAC(msg []byte) string {
	m := hmac.New(sha256.New, []byte(appConsumerSecret))
	m.Write(msg)
	return "sha256=" + base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// webhookClient is a client for one outbound exchange with a receiver. It keeps no
// connection (no goroutine outlives the exchange) and follows no redirect, as X does not.
func webhookClient() (*http.Client, func()) {
	tr := &http.Transport{DisableKeepAlives: true, Proxy: nil}
	return &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}, tr.CloseIdleConnections
}

// crcCheck makes the challenge-response check of target and reports whether it passed.
func (s *Server) crcCheck(ctx context.Context, target string) bool {
	s.mu.Lock()
	s.w.hooks.crcSeq++
	token := derive("crc", strconv.FormatUint(s.w.hooks.crcSeq, 10))[:32]
	s.mu.Unlock()
	u, err := url.Parse(target)
	if err != nil {
		return false
	}
	q := u.Query()
	q.Set("crc_token", token)
	u.RawQuery = q.Encode()
	ctx, cancel := context.WithTimeout(ctx, crcTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return false
	}
	client, done := webhookClient()
	defer done()
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false
	}
	var answer struct {
		ResponseToken string `json:"response_token"`
	}
	if json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&answer) != nil {
		return false
	}
	return hmac.Equal([]byte(answer.ResponseToken), []byte(webhookMAC([]byte(token))))
}

// ErrWebhookInvalid is returned by DeliverEvent for a webhook that did not pass its last
// challenge-response check: X sends nothing to it.
var ErrWebhookInvalid = errors.New("testserver: webhook is not valid (failed its CRC check)")

// DeliverEvent POSTs event (the JSON of an activity, as X sends it) to the registered
// webhook webhookID, signed as X signs deliveries: the x-twitter-webhooks-signature
// header holds "sha256=" and the base64 HMAC-SHA256 of the body keyed by the app's
// consumer secret. It returns the receiver's status code. A webhook the app does not
// have is an error, and so is an invalid one (ErrWebhookInvalid). The attempt is kept
// for replays (POST /2/webhooks/replay) whatever the receiver answered.
func (s *Server) DeliverEvent(ctx context.Context, webhookID string, event []byte) (int, error) {
	return s.deliver(ctx, webhookID, event, webhookMAC(event), true)
}

// DeliverEventWithSignature is DeliverEvent with the signature header set to signature
// instead of the right one, to show that a receiver refuses a forged or tampered event.
// X never sent such an event, so a replay does not send it again.
func (s *Server) DeliverEventWithSignature(ctx context.Context, webhookID string, event []byte, signature string) (int, error) {
	return s.deliver(ctx, webhookID, event, signature, false)
}

// deliver POSTs one event; log keeps it for replays.
func (s *Server) deliver(ctx context.Context, webhookID string, event []byte, signature string, log bool) (int, error) {
	s.mu.RLock()
	w := s.w.hooks.find(webhookID)
	var target string
	var valid bool
	if w != nil {
		target, valid = w.URL, w.Valid
	}
	s.mu.RUnlock()
	switch {
	case w == nil:
		return 0, fmt.Errorf("testserver: no webhook %s", webhookID)
	case !valid:
		return 0, ErrWebhookInvalid
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(event))
	if err != nil {
		return 0, fmt.Errorf("testserver: deliver to webhook %s: %w", webhookID, err)
	}
	if log {
		s.logDelivery(webhookID, event)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set(signatureHeader, signature)
	client, done := webhookClient()
	defer done()
	resp, err := client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("testserver: deliver to webhook %s: %w", webhookID, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

// deliverQueued POSTs the deliveries waiting in the queue of the world that queue names,
// oldest first, with DeliverEvent, and returns how many were answered 2xx. Deliveries to
// a webhook that is gone or invalid are dropped; the first failure to deliver ends it
// with an error and puts the undelivered ones back in front of the queue.
func (s *Server) deliverQueued(ctx context.Context, queue func(*state) *[]pendingDelivery) (int, error) {
	s.mu.Lock()
	q := queue(s.w)
	pending := *q
	*q = nil
	s.mu.Unlock()
	ok := 0
	for i, p := range pending {
		status, err := s.DeliverEvent(ctx, p.webhookID, p.body)
		if err == ErrWebhookInvalid || err != nil && s.World().hasNoWebhook(p.webhookID) {
			continue
		}
		if err != nil {
			s.mu.Lock()
			q = queue(s.w)
			*q = append(pending[i:], *q...)
			s.mu.Unlock()
			return ok, err
		}
		if status >= 200 && status < 300 {
			ok++
		}
	}
	return ok, nil
}

// Webhooks returns the app's webhooks, oldest first.
func (w *World) Webhooks() (hooks []Webhook) {
	w.read(func(st *state) {
		for _, h := range st.hooks.list {
			hooks = append(hooks, *h)
		}
	})
	return
}

// Webhook returns one webhook of the app.
func (w *World) Webhook(id string) (hook Webhook, ok bool) {
	w.read(func(st *state) {
		if h := st.hooks.find(id); h != nil {
			hook, ok = *h, true
		}
	})
	return
}
