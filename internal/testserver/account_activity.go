package testserver

import (
	"context"
	"net/http"
	"slices"
	"strconv"
)

// Account Activity. A user (OAuth 2.0 with dm.read, dm.write, tweet.read and users.read,
// or OAuth 1.0a) subscribes their activity to one of the app's webhooks; the app (bearer)
// lists and ends subscriptions and counts them. Subscriptions are kept per webhook, in the
// order they were made, and go when their webhook is deleted. DeliverActivity sends an
// event of a user to every valid webhook they are subscribed to.

// The seeded subscription: Alice's activity goes to the seeded webhook.
const (
	// AccountActivityAccountName is the account the subscriptions count against.
	AccountActivityAccountName = "fakex-project"
	// AccountActivityProvisioned is how many subscriptions the app may have.
	AccountActivityProvisioned = 15
)

func seedSubscriptions(h *hookState) {
	h.subs = map[string][]string{SeedWebhookID: {AliceID}}
}

type wSubscribed struct {
	Subscribed bool `json:"subscribed"`
}

// onHook runs f on the webhook of path parameter webhook_id, or answers X's 404 when
// the app has no such webhook.
func (s *Server) onHook(c *call, f func(w *Webhook, h *hookState) (int, any)) (int, any) {
	id := c.path["webhook_id"]
	w := s.w.hooks.find(id)
	if w == nil {
		pr := webhookNotFound(id)
		return pr.Status, pr
	}
	return f(w, s.w.hooks)
}

// accountActivityFeature registers the operations this file serves.
func accountActivityFeature() feature {
	return feature{ops: map[string]operation{
		"createAccountActivitySubscription": {(*Server).createAccountActivitySubscription, writes},
		"getAccountActivitySubscription":    {(*Server).getAccountActivitySubscription, reads},
		"listAccountActivitySubscriptions":  {(*Server).listAccountActivitySubscriptions, reads},
		"deleteAccountActivitySubscription": {(*Server).deleteAccountActivitySubscription, writes},
		"countAccountActivitySubscriptions": {(*Server).countAccountActivitySubscriptions, reads},
	}}
}

func (s *Server) createAccountActivitySubscription(c *call) (int, any) {
	return s.onHook(c, func(w *Webhook, h *hookState) (int, any) {
		if !slices.Contains(h.subs[w.ID], c.who.userID) {
			h.subs[w.ID] = append(h.subs[w.ID], c.who.userID)
		}
		return http.StatusOK, envelope{Data: wSubscribed{Subscribed: true}}
	})
}

func (s *Server) getAccountActivitySubscription(c *call) (int, any) {
	return s.onHook(c, func(w *Webhook, h *hookState) (int, any) {
		return http.StatusOK, envelope{Data: wSubscribed{Subscribed: slices.Contains(h.subs[w.ID], c.who.userID)}}
	})
}

func (s *Server) listAccountActivitySubscriptions(c *call) (int, any) {
	type sub struct {
		UserID string `json:"user_id"`
	}
	return s.onHook(c, func(w *Webhook, h *hookState) (int, any) {
		subs := []sub{}
		for _, u := range h.subs[w.ID] {
			subs = append(subs, sub{UserID: u})
		}
		return http.StatusOK, envelope{Data: struct {
			ApplicationID string `json:"application_id"`
			Subscriptions []sub  `json:"subscriptions"`
			WebhookID     string `json:"webhook_id"`
			WebhookURL    string `json:"webhook_url"`
		}{ClientAppID, subs, w.ID, w.URL}}
	})
}

func (s *Server) deleteAccountActivitySubscription(c *call) (int, any) {
	return s.onHook(c, func(w *Webhook, h *hookState) (int, any) {
		h.subs[w.ID] = slices.DeleteFunc(h.subs[w.ID], func(u string) bool { return u == c.path["user_id"] })
		return http.StatusOK, envelope{Data: wSubscribed{Subscribed: false}}
	})
}

func (s *Server) countAccountActivitySubscriptions(*call) (int, any) {
	n := 0
	for _, w := range s.w.hooks.list {
		n += len(s.w.hooks.subs[w.ID])
	}
	// A subscription to "all" activity carries direct messages too.
	return http.StatusOK, envelope{Data: map[string]string{
		"account_name":                        AccountActivityAccountName,
		"provisioned_count":                   strconv.Itoa(AccountActivityProvisioned),
		"subscriptions_count_all":             strconv.Itoa(n),
		"subscriptions_count_direct_messages": strconv.Itoa(n),
	}}
}

// DeliverActivity sends event (the JSON of an activity of userID) to every valid webhook
// userID is subscribed to, signed as DeliverEvent signs it, and returns how many
// webhooks answered 2xx. The first failure to deliver ends it with an error.
func (s *Server) DeliverActivity(ctx context.Context, userID string, event []byte) (int, error) {
	s.mu.RLock()
	var targets []string
	for _, w := range s.w.hooks.list {
		if w.Valid && slices.Contains(s.w.hooks.subs[w.ID], userID) {
			targets = append(targets, w.ID)
		}
	}
	s.mu.RUnlock()
	ok := 0
	for _, id := range targets {
		status, err := s.DeliverEvent(ctx, id, event)
		if err != nil {
			return ok, err
		}
		if status >= 200 && status < 300 {
			ok++
		}
	}
	return ok, nil
}

// AccountActivitySubscribers lists the users subscribed to webhook webhookID, in the
// order they subscribed.
func (w *World) AccountActivitySubscribers(webhookID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.hooks.subs[webhookID]...) })
	return
}
