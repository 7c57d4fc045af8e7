package testserver

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Filtered-stream webhooks (GET /2/tweets/search/webhooks, POST and DELETE
// /2/tweets/search/webhooks/{webhook_id}): the app's filtered stream delivered to its
// registered webhooks instead of over a held-open connection.
//
// Linking needs a webhook of the app that passed its challenge-response check; linking it
// again replaces the rendering parameters. A link lives as long as its webhook: deleting
// the webhook (DELETE /2/webhooks/{id}) drops it. Unlinking a webhook that is not linked
// answers deleted: false.

// A Tweet that matches a rule in force is rendered for each linked webhook with the link's
// fields and expansions, as the filtered stream renders it for a connection (with
// matching_rules), and waits for DeliverStreamWebhooks to POST it.

// StreamInstanceID is the filtered-stream instance every link of the app belongs to.
const StreamInstanceID = "1860000000000000001"

// streamLinkParams are the query parameters of a link, in the order a link lists them.
var streamLinkParams = []string{"tweet.fields", "expansions", "media.fields", "poll.fields", "user.fields", "place.fields"}

// StreamLink is a webhook the filtered stream delivers to.
type StreamLink struct {
	WebhookID string
	// Fields are the rendering parameters as "name=value" strings, e.g.
	// "tweet.fields=created_at,lang".
	Fields    []string
	CreatedAt time.Time
}

type wStreamLink struct {
	WebhookID      string   `json:"webhook_id"`
	ApplicationID  string   `json:"application_id"`
	BusinessUserID string   `json:"business_user_id"`
	InstanceID     string   `json:"instance_id"`
	CreatedAt      string   `json:"created_at"`
	Fields         []string `json:"fields"`
}

// liveStreamLinks drops the links whose webhook is gone and returns the rest, oldest first.
func (st *state) liveStreamLinks() []*StreamLink {
	st.streamLinks = slices.DeleteFunc(st.streamLinks, func(l *StreamLink) bool { return st.hooks.find(l.WebhookID) == nil })
	return st.streamLinks
}

// streamWebhooksFeature registers the operations this file serves.
func streamWebhooksFeature() feature {
	return feature{ops: map[string]operation{
		"listStreamWebhookLinks": {(*Server).listStreamWebhookLinks, writes},
		"linkStreamWebhook":      {(*Server).linkStreamWebhook, writes},
		"unlinkStreamWebhook":    {(*Server).unlinkStreamWebhook, writes},
	}}
}

func (s *Server) listStreamWebhookLinks(c *call) (int, any) {
	links := []wStreamLink{}
	for _, l := range s.w.liveStreamLinks() {
		links = append(links, wStreamLink{WebhookID: l.WebhookID, ApplicationID: ClientAppID, BusinessUserID: XDevelopersID,
			InstanceID: StreamInstanceID, CreatedAt: fmtTime(l.CreatedAt), Fields: slices.Clone(l.Fields)})
	}
	return http.StatusOK, envelope{Data: map[string]any{"links": links}}
}

func (s *Server) linkStreamWebhook(c *call) (int, any) {
	id := c.path["webhook_id"]
	fields := []string{}
	for _, name := range streamLinkParams {
		if v := c.q.Get(name); v != "" {
			fields = append(fields, name+"="+v)
		}
	}
	w := s.w.hooks.find(id)
	if w == nil {
		pr := webhookNotFound(id)
		return pr.Status, pr
	}
	if !w.Valid {
		return http.StatusBadRequest, badParam("webhook_id", id, "Webhook %s has not passed its challenge-response check", id)
	}
	l := &StreamLink{WebhookID: id, Fields: fields, CreatedAt: s.clock.Now().UTC().Truncate(time.Millisecond)}
	links := s.w.liveStreamLinks()
	if i := slices.IndexFunc(links, func(l *StreamLink) bool { return l.WebhookID == id }); i >= 0 {
		links[i] = l
	} else {
		s.w.streamLinks = append(links, l)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"provisioned": true}}
}

func (s *Server) unlinkStreamWebhook(c *call) (int, any) {
	id := c.path["webhook_id"]
	if s.w.hooks.find(id) == nil {
		pr := webhookNotFound(id)
		return pr.Status, pr
	}
	links := s.w.liveStreamLinks()
	i := slices.IndexFunc(links, func(l *StreamLink) bool { return l.WebhookID == id })
	if i >= 0 {
		s.w.streamLinks = slices.Delete(links, i, i+1)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": i >= 0}}
}

// StreamLinks returns the webhooks the filtered stream delivers to, oldest link first.
func (w *World) StreamLinks() (links []StreamLink) {
	w.read(func(st *state) {
		for _, l := range st.streamLinks {
			if st.hooks.find(l.WebhookID) != nil {
				x := *l
				x.Fields = slices.Clone(l.Fields)
				links = append(links, x)
			}
		}
	})
	return
}

// queueStreamWebhooks renders a Tweet that matched rules for every linked webhook; call
// with s.mu held for writing.
func (s *Server) queueStreamWebhooks(t *Tweet, rules []matchingRule) {
	for _, l := range s.w.liveStreamLinks() {
		q := url.Values{}
		for _, f := range l.Fields {
			if name, value, ok := strings.Cut(f, "="); ok {
				q.Set(name, value)
			}
		}
		body, _ := encode(s.streamTweet(parseShape(q), t, rules))
		s.w.streamToHooks = append(s.w.streamToHooks, pendingDelivery{webhookID: l.WebhookID, body: body})
	}
}

// DeliverStreamWebhooks POSTs the filtered-stream Tweets waiting for the linked webhooks,
// oldest first, signed as DeliverEvent signs them, and returns how many were answered 2xx.
// Each Tweet is rendered when it is posted, with the fields and expansions of the link at
// that time. Tweets for a webhook that is gone or no longer valid are dropped; the first
// failure to deliver ends it with an error, keeping the undelivered ones.
func (s *Server) DeliverStreamWebhooks(ctx context.Context) (int, error) {
	return s.deliverQueued(ctx, func(st *state) *[]pendingDelivery { return &st.streamToHooks })
}
