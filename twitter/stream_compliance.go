package twitter

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/twitterkit/go/gen"
)

// ComplianceStreamPartitions is how many partitions the Tweet and user compliance
// streams are split over: one connection reads one, and every event is in exactly one.
// The document states it for each stream; UserCompliance checks against the user one's.
const ComplianceStreamPartitions = maximumStreamTweetCompliancePartition

// Event is one line of a stream of events that are not Tweets (a ComplianceStream): an
// event, or a system message carrying problems.
type Event[T any] struct {
	// Data is the event. Its members are named for what happened (Delete, Withheld,
	// UserSuspend, PublicTweetNotice...) and exactly one is set; an event of a kind this
	// client does not know yet comes with none set rather than as an error. Nil for a
	// system message.
	Data *T
	// Problems are the problems of a system message, such as the operational-disconnect
	// X sends before it closes a connection (the stream reconnects by itself). Nil for
	// an event.
	Problems []gen.Problem
}

// IsDisconnect reports whether the message announces that X is closing the connection;
// as for Message.IsDisconnect, the stream reconnects by itself.
func (e Event[T]) IsDisconnect() bool { return disconnectOf(e.Problems) != nil }

// ComplianceStream is an open stream of compliance or label events, with everything a
// Stream of Tweets has: reconnection on X's schedule, the stall watchdog, a bounded
// read-ahead, Close and context cancellation.
type ComplianceStream[T any] = EventStream[Event[T]]

// TweetCompliance connects to one partition (1 to ComplianceStreamPartitions) of the
// Tweet compliance stream: an event each time a Tweet is deleted, withheld, dropped,
// restored (undrop) or edited, which an app that stores Tweets must act on. It needs an
// app-only bearer token and an enterprise plan. Of the options, the Tweet fields and
// expansions do not apply (they are refused); BackfillMinutes, StartTime and EndTime
// work as for Filtered. It returns as Filtered does.
func (s *StreamService) TweetCompliance(ctx context.Context, partition int, opts *StreamOptions) (*ComplianceStream[gen.TweetComplianceEvent], error) {
	const method = "Stream.TweetCompliance"
	name := opStreamTweetCompliance.name
	return openCompliance(s, ctx, method, name, ComplianceStreamPartitions, partition, opts,
		func(raw *gen.Client, b gen.StreamTweetComplianceParams, start time.Time) connector {
			return startOnFirst(b, start, func(q *gen.StreamTweetComplianceParams, t *time.Time) { q.StartTime = t }, raw.StreamTweetCompliance)
		},
		func(l *gen.TweetComplianceStreamLine) (*gen.TweetComplianceEvent, []gen.Problem) {
			return l.Data, l.Errors
		})
}

// UserCompliance connects to one partition (1 to ComplianceStreamPartitions) of the
// user compliance stream: an event each time an account is protected, deleted,
// suspended or withheld (or that is undone), has its Tweets' location data scrubbed,
// or changes its profile. Otherwise it is TweetCompliance.
func (s *StreamService) UserCompliance(ctx context.Context, partition int, opts *StreamOptions) (*ComplianceStream[gen.UserComplianceEvent], error) {
	const method = "Stream.UserCompliance"
	name := opStreamUserCompliance.name
	return openCompliance(s, ctx, method, name, maximumStreamUserCompliancePartition, partition, opts,
		func(raw *gen.Client, b gen.StreamTweetComplianceParams, start time.Time) connector {
			return startOnFirst(gen.StreamUserComplianceParams(b), start,
				func(q *gen.StreamUserComplianceParams, t *time.Time) { q.StartTime = t }, raw.StreamUserCompliance)
		},
		func(l *gen.UserComplianceStreamLine) (*gen.UserComplianceEvent, []gen.Problem) {
			return l.Data, l.Errors
		})
}

// LikeCompliance connects to the likes compliance stream: an event (Data.Delete) each
// time a like is taken back, which an app that stores likes must forget. The stream is
// not partitioned. Otherwise it is TweetCompliance.
func (s *StreamService) LikeCompliance(ctx context.Context, opts *StreamOptions) (*ComplianceStream[gen.LikeComplianceEvent], error) {
	const method = "Stream.LikeCompliance"
	name := opStreamLikeCompliance.name
	return openCompliance(s, ctx, method, name, 0, 0, opts,
		func(raw *gen.Client, b gen.StreamTweetComplianceParams, start time.Time) connector {
			p := gen.StreamLikeComplianceParams{BackfillMinutes: b.BackfillMinutes, EndTime: b.EndTime}
			return startOnFirst(p, start,
				func(q *gen.StreamLikeComplianceParams, t *time.Time) { q.StartTime = t }, raw.StreamLikeCompliance)
		},
		func(l *gen.LikeComplianceStreamLine) (*gen.LikeComplianceEvent, []gen.Problem) {
			return l.Data, l.Errors
		})
}

// TweetLabels connects to the Tweet label stream: an event each time X puts a label on a
// Tweet (a public notice, such as "misleading", or making it unviewable) or takes one
// off (Application says which). The stream is not partitioned. Otherwise it is
// TweetCompliance.
func (s *StreamService) TweetLabels(ctx context.Context, opts *StreamOptions) (*ComplianceStream[gen.TweetLabelEvent], error) {
	const method = "Stream.TweetLabels"
	name := opStreamTweetLabels.name
	return openCompliance(s, ctx, method, name, 0, 0, opts,
		func(raw *gen.Client, b gen.StreamTweetComplianceParams, start time.Time) connector {
			p := gen.StreamTweetLabelsParams{BackfillMinutes: b.BackfillMinutes, EndTime: b.EndTime}
			return startOnFirst(p, start,
				func(q *gen.StreamTweetLabelsParams, t *time.Time) { q.StartTime = t }, raw.StreamTweetLabels)
		},
		func(l *gen.TweetLabelStreamLine) (*gen.TweetLabelEvent, []gen.Problem) { return l.Data, l.Errors })
}

// connector makes one connection attempt of a stream; first is true for the first.
type connector = func(ctx context.Context, first bool) (*http.Response, error)

// openCompliance opens a stream of events of type T whose lines are of type L. A
// partitioned stream has n partitions (0 for none); connect builds the connection
// attempts from the parameters every such stream shares (Partition is left zero for one
// without partitions); parts takes a decoded line apart into its event and problems.
func openCompliance[T, L any](s *StreamService, ctx context.Context, method, name string, n, partition int, opts *StreamOptions,
	connect func(*gen.Client, gen.StreamTweetComplianceParams, time.Time) connector,
	parts func(*L) (*T, []gen.Problem)) (*ComplianceStream[T], error) {
	o, p, err := partitionParams(method, false, n, partition, opts)
	if err != nil {
		return nil, err
	}
	if p.TweetFields != nil || p.Expansions != nil || p.MediaFields != nil || p.PollFields != nil ||
		p.UserFields != nil || p.PlaceFields != nil {
		return nil, invalid(method, "fields and expansions are for streams of Tweets; compliance events have none")
	}
	raw, err := s.client.streamingRaw()
	if err != nil {
		return nil, err
	}
	b := gen.StreamTweetComplianceParams{BackfillMinutes: p.BackfillMinutes, Partition: int32(partition), EndTime: optTime(o.EndTime)}
	return openEventStream(s.client, ctx, name, o, connect(raw, b, o.StartTime), decodeEvent(parts))
}

// decodeEvent decodes the lines of a stream of events: parts takes a line apart.
func decodeEvent[T, L any](parts func(*L) (*T, []gen.Problem)) lineDecoder[Event[T]] {
	return func(c *Client, line []byte) (Event[T], []gen.Problem, error) {
		l := new(L)
		if err := c.decode(line, l); err != nil {
			return Event[T]{}, nil, err
		}
		data, problems := parts(l)
		switch {
		case data != nil:
			return Event[T]{Data: data}, nil, nil
		case len(problems) > 0:
			return Event[T]{Problems: problems}, problems, nil
		}
		return Event[T]{}, nil, errors.New("line has neither data nor errors")
	}
}
