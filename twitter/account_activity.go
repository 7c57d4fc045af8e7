package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// Subscribe starts sending the authenticated user's activity to webhook webhookID, as
// events POSTed to its URL (see NewWebhookHandler). Subscribing again changes nothing.
// Needs user context: OAuth 2.0 with the dm.read, dm.write, tweet.read and users.read
// scopes, or OAuth 1.0a. Not retried unless WithRetryMutations is set.
func (s *AccountActivityService) Subscribe(ctx context.Context, webhookID string) (*gen.AccountActivitySubscriptionResponse, *Response, error) {
	if err := checkID("AccountActivity.Subscribe", "webhook id", patternWebhookID, webhookID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opCreateAccountActivitySubscription, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateAccountActivitySubscription(ctx, webhookID, gen.AccountActivitySubscribeRequest{})
	})
}

// Subscribed reports (Data.Subscribed) whether the authenticated user's activity goes to
// webhook webhookID. Needs the same user context as Subscribe.
func (s *AccountActivityService) Subscribed(ctx context.Context, webhookID string) (*gen.AccountActivitySubscriptionResponse, *Response, error) {
	if err := checkID("AccountActivity.Subscribed", "webhook id", patternWebhookID, webhookID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opGetAccountActivitySubscription, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetAccountActivitySubscription(ctx, webhookID)
	})
}

// Subscriptions lists the users whose activity goes to webhook webhookID, with the
// webhook's URL and the app's id. Needs an app-only token.
func (s *AccountActivityService) Subscriptions(ctx context.Context, webhookID string) (*gen.AccountActivityListResponse, *Response, error) {
	if err := checkID("AccountActivity.Subscriptions", "webhook id", patternWebhookID, webhookID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListAccountActivitySubscriptions, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListAccountActivitySubscriptions(ctx, webhookID)
	})
}

// Unsubscribe stops sending user userID's activity to webhook webhookID; the app can end
// any user's subscription. Needs an app-only token. Not retried unless WithRetryMutations
// is set.
func (s *AccountActivityService) Unsubscribe(ctx context.Context, webhookID, userID string) (*gen.AccountActivitySubscriptionResponse, *Response, error) {
	const method = "AccountActivity.Unsubscribe"
	if err := checkID(method, "webhook id", patternWebhookID, webhookID); err != nil {
		return nil, nil, err
	}
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteAccountActivitySubscription,
		func(ctx context.Context) (*http.Response, error) {
			return s.client.raw.DeleteAccountActivitySubscription(ctx, webhookID, userID)
		})
}

// Count reports how many subscriptions the app has across its webhooks and how many it
// may have (X sends the numbers as decimal strings). Needs an app-only token.
func (s *AccountActivityService) Count(ctx context.Context) (*gen.AccountActivityCountResponse, *Response, error) {
	return do(ctx, s.client, &opCountAccountActivitySubscriptions, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CountAccountActivitySubscriptions(ctx)
	})
}
