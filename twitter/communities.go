package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// CommunityOptions selects the fields of a Community beyond its id and name.
type CommunityOptions struct {
	CommunityFields []gen.CommunityField
}

// CommunitySearchOptions selects the fields and page of a Community search. The search
// pages with next_token.
type CommunitySearchOptions struct {
	CommunityOptions
	// MaxResults is 10 to 100; 0 means X's default, 10.
	MaxResults int
	// NextToken is the meta.next_token of the previous page; empty for the first page.
	NextToken string
}

// CommunityPage is a page of Communities.
type CommunityPage = Page[gen.Community]

func (o CommunityOptions) check(method string) (*gen.CommunityFields, error) {
	if err := checkSet(method, "CommunityFields", o.CommunityFields); err != nil {
		return nil, err
	}
	return optional(o.CommunityFields), nil
}

// ByID looks up one Community by id. A Community that does not exist is an error
// (IsNotFound) even though X answers it with a 200. Works with an app-only token or a
// user context (OAuth 2.0 scopes list.read, tweet.read and users.read, or OAuth 1.0a).
func (s *CommunitiesService) ByID(ctx context.Context, id string, opts *CommunityOptions) (*gen.SingleCommunityLookupResponse, *Response, error) {
	const method = "Communities.ByID"
	if err := checkID(method, "community id", patternCommunityId, id); err != nil {
		return nil, nil, err
	}
	var p gen.LookupCommunityParams
	var err error
	if p.CommunityFields, err = orZero(opts).check(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opLookupCommunity, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.LookupCommunity(ctx, id, &p)
	})
}

// Search returns one page of the Communities whose name or description match query (up
// to 4096 characters). It pages with next_token (CommunitySearchOptions.NextToken);
// MaxResults is 10 to 100. Needs a user context (OAuth 2.0 scopes tweet.read and
// users.read, or OAuth 1.0a); an app-only token is refused.
func (s *CommunitiesService) Search(ctx context.Context, query string, opts *CommunitySearchOptions) (*gen.CommunitySearchResponse, *Response, error) {
	const method = "Communities.Search"
	if err := checkQuery(method, query, maxLengthSearchCommunitiesQuery); err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	p := gen.SearchCommunitiesParams{Query: query, NextToken: optString(o.NextToken)}
	var err error
	if p.MaxResults, err = maxResults(method, o.MaxResults, opSearchCommunities.size); err != nil {
		return nil, nil, err
	}
	if p.CommunityFields, err = o.CommunityOptions.check(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSearchCommunities.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchCommunities(ctx, &p)
	})
}
