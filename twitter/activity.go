package twitter

import (
	"context"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// ActivitySubscriptionPage is one page of the app's X Activity subscriptions.
type ActivitySubscriptionPage = Page[gen.ActivitySubscription]

// CreateSubscription subscribes the app to the events of type req.EventType that match
// req.Filter: Filter.UserID for every type but news.new, which filters by
// Filter.Keyword; Filter.Direction (inbound or outbound) narrows two-sided events such as
// like.create, and is refused for mutes and blocks. Events go to the activity stream, or
// to the app's webhook req.WebhookID. Types this client does not list are passed on as
// they are.
//
// Public events (profile changes, posts and their deletion, follows, Spaces and
// broadcasts starting and ending) can be subscribed with an app-only token. Private ones
// (likes, mentions, replies, quotes, reposts, direct messages and chats, mutes, blocks)
// need the filtered user's own OAuth 2.0 token with the scope of the type: dm.read for
// chat and dm events, like.read, mute.read, block.read, tweet.read for the rest. Not
// retried unless WithRetryMutations is set.
func (s *ActivityService) CreateSubscription(ctx context.Context, req gen.ActivitySubscriptionCreateRequest) (*gen.ActivitySubscriptionCreateResponse, *Response, error) {
	const method = "Activity.CreateSubscription"
	if err := checkActivitySubscription(method, req); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opCreateActivitySubscription,
		func(ctx context.Context) (*http.Response, error) {
			return s.client.raw.CreateActivitySubscription(ctx, req)
		})
}

func checkActivitySubscription(method string, req gen.ActivitySubscriptionCreateRequest) error {
	f := req.Filter
	switch {
	case req.EventType == "":
		return invalid(method, "empty EventType")
	case f.UserID == "" && f.Keyword == "":
		return invalid(method, "the filter needs a UserID (or a Keyword, for news.new)")
	case f.Direction != "" && !f.Direction.Valid():
		return notOneOf(method, "Direction", f.Direction)
	case utf8.RuneCountInString(f.Keyword) > maxLengthActivityFilterKeyword:
		return invalid(method, "Keyword of %d characters; the API takes at most %d", utf8.RuneCountInString(f.Keyword), maxLengthActivityFilterKeyword)
	}
	if f.UserID != "" {
		if err := checkID(method, "user id", patternUserID, f.UserID); err != nil {
			return err
		}
	}
	return checkActivityDelivery(method, req.Tag, maxLengthActivitySubscriptionCreateRequestTag, req.WebhookID)
}

// checkActivityDelivery checks a subscription's tag and webhook id, either of which may be
// left out; maxTag is the most characters the request takes in its tag.
func checkActivityDelivery(method, tag string, maxTag int, webhookID string) error {
	if n := utf8.RuneCountInString(tag); n > maxTag {
		return invalid(method, "Tag of %d characters; the API takes at most %d", n, maxTag)
	}
	if webhookID != "" {
		return checkID(method, "webhook id", patternWebhookID, webhookID)
	}
	return nil
}

// Subscriptions lists one page of the app's X Activity subscriptions, oldest first.
// MaxResults is 1 to 1000; PaginationToken is the Meta.NextToken of the page before.
// Works with an app-only token or a user context (OAuth 2.0 scopes like.read and
// tweet.read, or OAuth 1.0a).
func (s *ActivityService) Subscriptions(ctx context.Context, opts *PageOptions) (*gen.ActivitySubscriptionsResponse, *Response, error) {
	const method = "Activity.Subscriptions"
	o := orZero(opts)
	if n := len(o.PaginationToken); n > 0 && n < minLengthListActivitySubscriptionsPaginationToken {
		return nil, nil, invalid(method, "pagination token of %d characters; the API takes at least %d", n, minLengthListActivitySubscriptionsPaginationToken)
	}
	var p gen.ListActivitySubscriptionsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, *o, opListActivitySubscriptions.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListActivitySubscriptions.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListActivitySubscriptions(ctx, &p)
	})
}

// UpdateSubscription changes the tag of subscription id, or the webhook its events go to;
// what req leaves empty stays as it is, and its type and filter cannot change (end it and
// subscribe again). Needs an app-only token. Not retried unless WithRetryMutations is set.
func (s *ActivityService) UpdateSubscription(ctx context.Context, id string, req gen.ActivitySubscriptionUpdateRequest) (*gen.ActivitySubscriptionUpdateResponse, *Response, error) {
	const method = "Activity.UpdateSubscription"
	if err := checkID(method, "subscription id", patternActivitySubscriptionID, id); err != nil {
		return nil, nil, err
	}
	if req.Tag == "" && req.WebhookID == "" {
		return nil, nil, invalid(method, "nothing to change: set Tag or WebhookID")
	}
	if err := checkActivityDelivery(method, req.Tag, maxLengthActivitySubscriptionUpdateRequestTag, req.WebhookID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opUpdateActivitySubscription,
		func(ctx context.Context) (*http.Response, error) {
			return s.client.raw.UpdateActivitySubscription(ctx, id, req)
		})
}

// DeleteSubscription ends subscription id (Data.Deleted), and tells how many the app has
// left (Meta.TotalSubscriptions). Needs an app-only token. Not retried unless
// WithRetryMutations is set.
func (s *ActivityService) DeleteSubscription(ctx context.Context, id string) (*gen.ActivitySubscriptionDeleteResponse, *Response, error) {
	const method = "Activity.DeleteSubscription"
	if err := checkID(method, "subscription id", patternActivitySubscriptionID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteActivitySubscription,
		func(ctx context.Context) (*http.Response, error) {
			return s.client.raw.DeleteActivitySubscription(ctx, id)
		})
}

// DeleteSubscriptions ends up to 100 subscriptions at once. Each id that was ended is in
// Data; each that could not be (such as one the app does not have) is in Failures (X's
// "errors") with its reason, and does not stop the others, so a 200 is no promise that
// all went: look at Failures. Needs an app-only token. Not retried unless
// WithRetryMutations is set.
func (s *ActivityService) DeleteSubscriptions(ctx context.Context, ids []string) (*gen.ActivitySubscriptionsDeleteResponse, *Response, error) {
	const method = "Activity.DeleteSubscriptions"
	if err := checkIDs(method, "subscription id", patternActivitySubscriptionID, maxItemsDeleteActivitySubscriptionsIds, ids); err != nil {
		return nil, nil, err
	}
	p := gen.DeleteActivitySubscriptionsParams{Ids: ids}
	return do(ctx, s.client, &opDeleteActivitySubscriptions,
		func(ctx context.Context) (*http.Response, error) {
			return s.client.raw.DeleteActivitySubscriptions(ctx, &p)
		})
}

// Stream connects to the activity stream: the events of the app's subscriptions that
// have no webhook, as ActivityMessages. It is an EventStream like the filtered stream,
// with the same reconnection on X's schedule, stall watchdog, bounded read-ahead and
// shutdown. Of the options, BackfillMinutes, StartTime and EndTime work as for
// Stream.Filtered; the Tweet and like fields are refused (events carry what X puts in
// them). It needs an app-only token, and returns as Stream.Filtered does.
func (s *ActivityService) Stream(ctx context.Context, opts *StreamOptions) (*ActivityStream, error) {
	const method = "Activity.Stream"
	o, p, err := streamParams(method, false, opts)
	if err != nil {
		return nil, err
	}
	if p.TweetFields != nil || p.Expansions != nil || p.MediaFields != nil || p.PollFields != nil ||
		p.UserFields != nil || p.PlaceFields != nil {
		return nil, invalid(method, "fields and expansions are for streams of Tweets; activity events come as X sends them")
	}
	raw, err := s.client.streamingRaw()
	if err != nil {
		return nil, err
	}
	ap := gen.StreamActivityParams{BackfillMinutes: p.BackfillMinutes, EndTime: optTime(o.EndTime)}
	open := startOnFirst(ap, o.StartTime, func(q *gen.StreamActivityParams, t *time.Time) { q.StartTime = t }, raw.StreamActivity)
	return openEventStream(s.client, ctx, opStreamActivity.name, o, open, decodeActivityLine)
}
