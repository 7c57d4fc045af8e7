package twitter

import (
	"context"
	"fmt"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// StreamLinks lists the app's webhooks that receive the filtered stream: each Tweet that
// matches the app's rules (Rules.Add) is POSTed to them, signed like any webhook delivery,
// instead of being read from Stream.Filtered. Each link carries the fields and expansions
// its deliveries are rendered with. X has described the answer in two shapes (the links
// under data.links, or data as the list); both are read. Needs an app-only token.
func (s *WebhooksService) StreamLinks(ctx context.Context) ([]gen.StreamWebhookLink, *Response, error) {
	res, resp, err := do(ctx, s.client, &opListStreamWebhookLinks, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListStreamWebhookLinks(ctx)
	})
	if err != nil {
		return nil, resp, err
	}
	raw := res.Data
	if len(raw) == 0 || string(raw) == "null" {
		return nil, resp, nil
	}
	var list gen.StreamWebhookLinkArray
	if s.client.decode(raw, &list) == nil {
		return list, resp, nil
	}
	var obj gen.StreamWebhookLinkList
	if err := s.client.decode(raw, &obj); err != nil {
		return nil, resp, fmt.Errorf("twitter: GET /2/tweets/search/webhooks: data is neither a list of links nor an object holding them: %w (starts %q)", err, excerpt(raw))
	}
	return obj.Links, resp, nil
}

// LinkStream makes the filtered stream deliver to webhook id, which must be a webhook of
// the app that passed its challenge-response check (Webhooks.Create, Validate). opts says
// how each delivered Tweet is rendered, as on the stream itself; linking a linked webhook
// again replaces that. Data.Provisioned reports the outcome. The webhook's receiver
// (NewWebhookHandler) gets the Tweets. Not retried unless WithRetryMutations is set.
// Needs an app-only token.
func (s *WebhooksService) LinkStream(ctx context.Context, id string, opts *TweetOptions) (*gen.StreamWebhookLinkResponse, *Response, error) {
	const method = "Webhooks.LinkStream"
	if err := checkID(method, "webhook id", patternWebhookID, id); err != nil {
		return nil, nil, err
	}
	var p gen.LinkStreamWebhookParams
	var err error
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLinkStreamWebhook, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LinkStreamWebhook(ctx, id, &p)
	})
}

// UnlinkStream stops the filtered stream's deliveries to webhook id; the webhook stays
// registered and the rules stay as they are. Data.Deleted is false when the webhook was
// not linked. Not retried unless WithRetryMutations is set. Needs an app-only token.
func (s *WebhooksService) UnlinkStream(ctx context.Context, id string) (*gen.StreamWebhookUnlinkResponse, *Response, error) {
	if err := checkID("Webhooks.UnlinkStream", "webhook id", patternWebhookID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUnlinkStreamWebhook, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UnlinkStreamWebhook(ctx, id)
	})
}
