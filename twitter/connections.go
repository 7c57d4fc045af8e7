package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// ConnectionOptions selects which connections List returns and their fields.
type ConnectionOptions struct {
	// Status is active (open connections; the default), inactive (ended ones) or all.
	Status gen.ConnectionStatus
	// Endpoints keeps the connections of these streams only; nil means all.
	Endpoints []gen.ConnectionEndpoint
	// ConnectionFields are the fields to return besides the defaults.
	ConnectionFields []gen.ConnectionField
	// MaxResults is 1 to 100; 0 means X's default, 10.
	PageOptions
}

// ConnectionPage is one page of the app's streaming connections.
type ConnectionPage = Page[gen.Connection]

// List returns one page of the app's streaming connections, newest first.
func (s *ConnectionsService) List(ctx context.Context, opts *ConnectionOptions) (*gen.ConnectionsResponse, *Response, error) {
	const method = "Connections.List"
	o := orZero(opts)
	var p gen.ListConnectionsParams
	var err error
	if p.Status, err = optEnum(method, "Status", o.Status); err != nil {
		return nil, nil, err
	}
	if p.Endpoints, err = optSet(method, "Endpoints", o.Endpoints); err != nil {
		return nil, nil, err
	}
	if p.ConnectionFields, err = optSet(method, "ConnectionFields", o.ConnectionFields); err != nil {
		return nil, nil, err
	}
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListConnections.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opListConnections.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListConnections(ctx, &p)
	})
}

// Close closes up to 100 of the app's open connections by id (gen.Connection.ID). The
// answer counts what was closed (Data.SuccessfulKills) and what could not be
// (Data.FailedKills, such as an id of a connection that had ended), with one result per
// id. Not retried unless WithRetryMutations is set.
func (s *ConnectionsService) Close(ctx context.Context, ids []string) (*gen.ConnectionsCloseResponse, *Response, error) {
	const method = "Connections.Close"
	if len(ids) < minItemsConnectionsCloseRequestUuids || len(ids) > maxItemsConnectionsCloseRequestUuids {
		return nil, nil, invalid(method, "%d connection ids; the API takes %d to %d", len(ids), minItemsConnectionsCloseRequestUuids, maxItemsConnectionsCloseRequestUuids)
	}
	for i, id := range ids {
		if id == "" {
			return nil, nil, invalid(method, "empty connection id (item %d)", i)
		}
	}
	return do(ctx, s.client, &opCloseConnections, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CloseConnections(ctx, gen.ConnectionsCloseRequest{Uuids: ids})
	})
}

// CloseAll closes every open streaming connection of the app, on every stream. Not
// retried unless WithRetryMutations is set.
func (s *ConnectionsService) CloseAll(ctx context.Context) (*gen.ConnectionsCloseResponse, *Response, error) {
	return do(ctx, s.client, &opCloseAllConnections, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CloseAllConnections(ctx)
	})
}

// CloseEndpoint closes every open connection of the app to one stream, such as
// gen.ConnectionEndpointFilteredStream. Not retried unless WithRetryMutations is set.
func (s *ConnectionsService) CloseEndpoint(ctx context.Context, endpoint gen.ConnectionEndpoint) (*gen.ConnectionsCloseResponse, *Response, error) {
	const method = "Connections.CloseEndpoint"
	if err := checkOneOf(method, "endpoint", endpoint); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opCloseEndpointConnections, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CloseEndpointConnections(ctx, endpoint)
	})
}
