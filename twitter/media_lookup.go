package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// MediaOptions selects the fields a media lookup returns. Without MediaFields X sends
// each object's media_key and type only.
type MediaOptions struct {
	MediaFields []gen.MediaField
}

func (o *MediaOptions) params(method string) (*gen.MediaFields, error) {
	o = orZero(o)
	if err := checkSet(method, "MediaFields", o.MediaFields); err != nil {
		return nil, err
	}
	return optional(o.MediaFields), nil
}

// ByKey looks up one photo, video or GIF by its media key ("3_1700000000000000001", as in
// a Tweet's attachments.media_keys). A key that does not exist is an error (IsNotFound)
// even though X answers it with a 200. Works with an app-only token or a user context
// (OAuth 2.0 scope tweet.read).
func (s *MediaService) ByKey(ctx context.Context, key string, opts *MediaOptions) (*gen.SingleMediaLookupResponse, *Response, error) {
	const method = "Media.ByKey"
	if err := checkID(method, "media key", patternMediaKey, key); err != nil {
		return nil, nil, err
	}
	fields, err := opts.params(method)
	if err != nil {
		return nil, nil, err
	}
	p := gen.LookupMediaByKeyParams{MediaFields: fields}
	return do(ctx, s.client, &opLookupMediaByKey, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupMediaByKey(ctx, key, &p)
	})
}

// Lookup looks up 1 to 100 media objects by media key in one call. Keys that cannot be
// returned are listed in Response.PartialErrors beside the media that were found. Works
// with an app-only token or a user context (OAuth 2.0 scope tweet.read).
func (s *MediaService) Lookup(ctx context.Context, keys []string, opts *MediaOptions) (*gen.MultiMediaLookupResponse, *Response, error) {
	const method = "Media.Lookup"
	if err := checkIDs(method, "media key", patternMediaKey, maxItemsLookupMediaByKeysMediaKeys, keys); err != nil {
		return nil, nil, err
	}
	fields, err := opts.params(method)
	if err != nil {
		return nil, nil, err
	}
	p := gen.LookupMediaByKeysParams{MediaKeys: keys, MediaFields: fields}
	return do(ctx, s.client, &opLookupMediaByKeys, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupMediaByKeys(ctx, &p)
	})
}
