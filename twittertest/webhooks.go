package twittertest

import "context"

// DeliverEvent POSTs event (an activity's JSON) to the registered webhook webhookID,
// signed as X signs deliveries, and returns the receiver's status code.
// ErrWebhookInvalid: the webhook failed its CRC check.
func (s *Server) DeliverEvent(ctx context.Context, webhookID string, event []byte) (int, error) {
	status, err := s.s.DeliverEvent(ctx, webhookID, event)
	return status, publicErr(err)
}

// DeliverEventWithSignature is DeliverEvent with a signature of your choosing, to show
// that a receiver refuses a forged event.
func (s *Server) DeliverEventWithSignature(ctx context.Context, webhookID string, event []byte, signature string) (int, error) {
	status, err := s.s.DeliverEventWithSignature(ctx, webhookID, event, signature)
	return status, publicErr(err)
}

// DeliverActivity sends event to every valid webhook userID is subscribed to, and returns
// how many answered 2xx.
func (s *Server) DeliverActivity(ctx context.Context, userID string, event []byte) (int, error) {
	n, err := s.s.DeliverActivity(ctx, userID, event)
	return n, publicErr(err)
}

// DeliverStreamWebhooks POSTs the filtered-stream Tweets waiting for the webhooks linked to
// the stream (Webhooks.LinkStream): each Tweet that matched a rule in force, rendered with
// its link's fields and expansions as the stream renders it (with matching_rules). Oldest
// first, signed as DeliverEvent signs them; it returns how many were answered 2xx. Tweets
// for a webhook that is gone or invalid are dropped; the first failure to deliver ends it
// with an error, keeping the undelivered ones.
func (s *Server) DeliverStreamWebhooks(ctx context.Context) (int, error) {
	n, err := s.s.DeliverStreamWebhooks(ctx)
	return n, publicErr(err)
}
