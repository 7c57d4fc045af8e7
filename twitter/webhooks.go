package twitter

import (
	"context"
	"net/http"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// List returns the app's registered webhooks, each with whether it passed its last
// challenge-response (CRC) check: X sends events only to valid ones. Needs an app-only
// token.
func (s *WebhooksService) List(ctx context.Context, opts *WebhookListOptions) (*gen.WebhookListResponse, *Response, error) {
	o := orZero(opts)
	if err := checkSet("Webhooks.List", "WebhookConfigFields", o.WebhookConfigFields); err != nil {
		return nil, nil, err
	}
	p := gen.ListWebhooksParams{WebhookConfigFields: optional(o.WebhookConfigFields)}
	return do(ctx, s.client, &opListWebhooks, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListWebhooks(ctx, &p)
	})
}

// Create registers rawURL (https, at most 200 characters) as a webhook of the app. Before
// answering, X sends the URL a GET with a crc_token query parameter, which the receiver
// must answer with CRCResponseToken (NewWebhookHandler does); Data.Valid says whether it
// did. An invalid webhook stays registered and gets no events until Validate succeeds.
// The configuration is in Data whichever shape X answers in (older versions of the API
// send its members at the top level). Not retried unless WithRetryMutations is set.
// Needs an app-only token or OAuth 1.0a user context.
func (s *WebhooksService) Create(ctx context.Context, rawURL string) (*gen.WebhookCreateResponse, *Response, error) {
	const method = "Webhooks.Create"
	if err := checkWebhookURL(method, rawURL); err != nil {
		return nil, nil, err
	}
	res, resp, err := do(ctx, s.client, &opCreateWebhook, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateWebhook(ctx, gen.WebhookCreateRequest{URL: rawURL})
	})
	if res != nil && res.Data.ID == "" && res.ID != "" {
		res.Data = gen.WebhookConfig{ID: res.ID, URL: res.URL, Valid: res.Valid, CreatedAt: res.CreatedAt}
	}
	return res, resp, err
}

// Validate makes X run the challenge-response check of webhook id again: after fixing a
// receiver, it is how an invalid webhook becomes valid (X also re-checks on its own from
// time to time). Data.Valid is the outcome; older versions of the API send only
// Data.Attempted, and List shows the state. Not retried unless WithRetryMutations is set.
// Needs an app-only token or OAuth 1.0a user context.
func (s *WebhooksService) Validate(ctx context.Context, id string) (*gen.WebhookValidateResponse, *Response, error) {
	if err := checkID("Webhooks.Validate", "webhook id", patternWebhookID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opValidateWebhook, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ValidateWebhook(ctx, id)
	})
}

// Delete removes webhook id; X sends nothing more to its URL. Not retried unless
// WithRetryMutations is set. Needs an app-only token or OAuth 1.0a user context.
func (s *WebhooksService) Delete(ctx context.Context, id string) (*gen.WebhookDeleteResponse, *Response, error) {
	if err := checkID("Webhooks.Delete", "webhook id", patternWebhookID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteWebhook, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteWebhook(ctx, id)
	})
}

// replayLayout is how the replay window is sent: UTC, to the minute.
const replayLayout = "200601021504"

// Replay starts a job that sends webhook id again the events X sent or tried to send it
// from the minute of from to the minute of to, both included, in UTC. X keeps events for
// a day: a window that starts earlier is refused. The events arrive later at the
// webhook's URL, signed as before; Data holds the job's id whichever shape X answers in.
// Not retried unless WithRetryMutations is set. Needs an app-only token.
func (s *WebhooksService) Replay(ctx context.Context, id string, from, to time.Time) (*gen.WebhookReplayResponse, *Response, error) {
	const method = "Webhooks.Replay"
	if err := checkID(method, "webhook id", patternWebhookID, id); err != nil {
		return nil, nil, err
	}
	if from.IsZero() || to.IsZero() {
		return nil, nil, invalid(method, "the window needs both from and to")
	}
	if to.Before(from) {
		return nil, nil, invalid(method, "to %s is before from %s", to.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	req := gen.WebhookReplayRequest{WebhookID: id, FromDate: from.UTC().Format(replayLayout), ToDate: to.UTC().Format(replayLayout)}
	res, resp, err := do(ctx, s.client, &opReplayWebhookEvents, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ReplayWebhookEvents(ctx, req)
	})
	if res != nil && res.Data.JobID == "" && res.JobID != "" {
		res.Data = gen.WebhookReplayJob{JobID: res.JobID, CreatedAt: res.CreatedAt}
	}
	return res, resp, err
}

// checkWebhookURL rejects what X would never register: an empty, overlong or relative
// URL, one that is not http(s), or one with credentials in it. X itself takes only https; plain http is let through
// for local receivers in tests.
func checkWebhookURL(method, raw string) error {
	if raw == "" {
		return invalid(method, "empty webhook URL")
	}
	if n := utf8.RuneCountInString(raw); n > maxLengthWebhookCreateRequestURL {
		return invalid(method, "webhook URL is %d characters; the API takes at most %d", n, maxLengthWebhookCreateRequestURL)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		// The URL is not echoed: it may carry credentials or a secret path.
		return invalid(method, "webhook URL is not an absolute https URL")
	}
	if u.User != nil {
		return invalid(method, "webhook URL carries credentials (user:password@)")
	}
	return nil
}
