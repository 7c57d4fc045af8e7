package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// ByID looks up one Space by id. A Space that does not exist is an error (IsNotFound)
// even though X answers it with a 200. Works with an app-only token or a user context.
func (s *SpacesService) ByID(ctx context.Context, id string, opts *SpaceOptions) (*gen.SingleSpaceLookupResponse, *Response, error) {
	const method = "Spaces.ByID"
	if err := checkID(method, "space id", patternSpaceID, id); err != nil {
		return nil, nil, err
	}
	var p gen.LookupSpaceParams
	var err error
	if p.SpaceFields, p.Expansions, p.UserFields, p.TopicFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupSpace, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupSpace(ctx, id, &p)
	})
}

// Lookup looks up 1 to 100 Spaces by id in one call. Ids that cannot be returned are
// listed in Response.PartialErrors beside the Spaces that were found. Works with an
// app-only token or a user context.
func (s *SpacesService) Lookup(ctx context.Context, ids []string, opts *SpaceOptions) (*gen.MultiSpaceLookupResponse, *Response, error) {
	const method = "Spaces.Lookup"
	if err := checkIDs(method, "space id", patternSpaceID, maxItemsLookupSpacesIds, ids); err != nil {
		return nil, nil, err
	}
	p := gen.LookupSpacesParams{Ids: ids}
	var err error
	if p.SpaceFields, p.Expansions, p.UserFields, p.TopicFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupSpaces, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupSpaces(ctx, &p)
	})
}

// ByCreators returns the live and scheduled Spaces created by 1 to 100 users. Creators
// that cannot be looked up are listed in Response.PartialErrors. Works with an app-only
// token or a user context.
func (s *SpacesService) ByCreators(ctx context.Context, userIDs []string, opts *SpaceOptions) (*gen.MultiSpaceLookupResponse, *Response, error) {
	const method = "Spaces.ByCreators"
	if err := checkIDs(method, "user id", patternUserID, maxItemsLookupSpacesByCreatorsUserIds, userIDs); err != nil {
		return nil, nil, err
	}
	var err error
	p := gen.LookupSpacesByCreatorsParams{UserIds: userIDs}
	if p.SpaceFields, p.Expansions, p.UserFields, p.TopicFields, err = orZero(opts).params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupSpacesByCreators, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupSpacesByCreators(ctx, &p)
	})
}

// Search returns the Spaces whose title matches query, live, scheduled or both
// (SpaceSearchOptions.State). MaxResults is 1 to 100; the search does not page. Works
// with an app-only token or a user context.
func (s *SpacesService) Search(ctx context.Context, query string, opts *SpaceSearchOptions) (*gen.MultiSpaceLookupResponse, *Response, error) {
	const method = "Spaces.Search"
	if err := checkQuery(method, query, maxLengthSearchSpacesQuery); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	p := gen.SearchSpacesParams{Query: query}
	var err error
	if p.State, err = optEnum(method, "State", o.State); err != nil {
		return nil, nil, err
	}
	if p.MaxResults, err = maxResults(method, o.MaxResults, opSearchSpaces.size); err != nil {
		return nil, nil, err
	}
	if p.SpaceFields, p.Expansions, p.UserFields, p.TopicFields, err = o.SpaceOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSearchSpaces, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchSpaces(ctx, &p)
	})
}

// Tweets returns the Tweets shared in Space id. MaxResults is 1 to 100; the list does not
// page. Works with an app-only token or an OAuth 2.0 user context.
func (s *SpacesService) Tweets(ctx context.Context, id string, opts *SpaceTweetsOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Spaces.Tweets"
	if err := checkID(method, "space id", patternSpaceID, id); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	var p gen.ListSpaceTweetsParams
	var err error
	if p.MaxResults, err = maxResults(method, o.MaxResults, opListSpaceTweets.size); err != nil {
		return nil, nil, err
	}
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListSpaceTweets, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListSpaceTweets(ctx, id, &p)
	})
}
