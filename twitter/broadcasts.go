package twitter

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/twitterkit/go/gen"
)

// BroadcastOptions selects the fields of a broadcast; none means X's default.
type BroadcastOptions struct {
	BroadcastFields []gen.BroadcastField
}

func (o BroadcastOptions) check(method string) (*gen.BroadcastFields, error) {
	if err := checkSet(method, "BroadcastFields", o.BroadcastFields); err != nil {
		return nil, err
	}
	return optional(o.BroadcastFields), nil
}

// BroadcastListOptions selects the fields and page of the caller's broadcasts.
type BroadcastListOptions struct {
	BroadcastOptions
	// PageOptions: MaxResults is 1 to 100, 0 meaning X's default.
	PageOptions
}

// BroadcastTime reads a time X sends as milliseconds since the Unix epoch, in decimal
// digits; ok is false when ms is empty or not such a number.
func BroadcastTime(ms string) (t time.Time, ok bool) {
	n, err := strconv.ParseInt(ms, 10, 64)
	if err != nil || ms == "" {
		return time.Time{}, false
	}
	return time.UnixMilli(n).UTC(), true
}

// millis writes t as X's decimal milliseconds since the Unix epoch.
func epochMillis(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }

// List returns one page of the caller's broadcasts that have gone on the air. It pages
// with pagination_token. Needs a user context (OAuth 2.0 scope
// broadcast.read, or OAuth 1.0a).
func (s *BroadcastsService) List(ctx context.Context, opts *BroadcastListOptions) (*gen.BroadcastsResponse, *Response, error) {
	const method = "Broadcasts.List"
	o := orZero(opts)
	fields, err := o.BroadcastOptions.check(method)
	if err != nil {
		return nil, nil, err
	}
	p := gen.ListBroadcastsParams{BroadcastFields: fields}
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListBroadcasts.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListBroadcasts.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListBroadcasts(ctx, &p)
	})
}

// Lookup returns up to 100 of the caller's broadcasts by id; an id that is not one of
// them is a partial error in Response.PartialErrors beside the others (when none is
// found, the call fails). Needs a user context (OAuth 2.0 scope broadcast.read, or OAuth
// 1.0a).
func (s *BroadcastsService) Lookup(ctx context.Context, ids []string, opts *BroadcastOptions) (*gen.BroadcastsResponse, *Response, error) {
	const method = "Broadcasts.Lookup"
	if err := checkIDs(method, "broadcast id", patternBroadcastID, maxItemsListBroadcastsIds, ids); err != nil {
		return nil, nil, err
	}
	fields, err := orZero(opts).check(method)
	if err != nil {
		return nil, nil, err
	}
	p := gen.ListBroadcastsParams{Ids: &ids, BroadcastFields: fields}
	return do(ctx, s.client, &opListBroadcasts.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListBroadcasts(ctx, &p)
	})
}

// ByID returns one of the caller's broadcasts. Needs a user context (OAuth 2.0 scope
// broadcast.read, or OAuth 1.0a).
func (s *BroadcastsService) ByID(ctx context.Context, id string, opts *BroadcastOptions) (*gen.BroadcastResponse, *Response, error) {
	const method = "Broadcasts.ByID"
	if err := checkID(method, "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	fields, err := orZero(opts).check(method)
	if err != nil {
		return nil, nil, err
	}
	p := gen.GetBroadcastParams{BroadcastFields: fields}
	return do(ctx, s.client, &opGetBroadcast, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetBroadcast(ctx, id, &p)
	})
}

// BroadcastPage is a page of broadcasts.
type BroadcastPage = Page[gen.Broadcast]
