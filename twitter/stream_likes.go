package twitter

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/twitterkit/go/gen"
)

// The partitioned likes streams.
const (
	LikesFirehosePartitions = maximumStreamLikesFirehosePartition // GET /2/likes/firehose/stream
	LikesSample10Partitions = maximumStreamLikesSample10Partition // GET /2/likes/sample10/stream
)

// LikeMessage is one line of a likes stream that is not a keep-alive: a like, or a
// system message carrying problems.
type LikeMessage struct {
	// Like is the line's like: Data (its id, the liked Tweet and, when asked for, the
	// Tweet's author and the time), Includes (the liked Tweet and its author, when
	// expanded) and Errors (partial errors about the expansions). Nil for a system
	// message.
	Like *gen.LikeStreamLine
	// Problems are the problems of a system message, as for Message. Nil for a like.
	Problems []gen.Problem
}

// IsDisconnect reports whether the message announces that X is closing the connection;
// as for Message.IsDisconnect, the stream reconnects by itself.
func (m LikeMessage) IsDisconnect() bool { return disconnectOf(m.Problems) != nil }

// LikeStream is an open stream of likes, with everything a Stream of Tweets has.
type LikeStream = EventStream[LikeMessage]

// LikesFirehose connects to one partition (1 to LikesFirehosePartitions) of the firehose
// of likes: every public like as it happens. It needs an app-only bearer token and an
// enterprise plan. Of the options, LikeFields and LikeExpansions choose what each like
// carries, and TweetFields and UserFields shape the expanded Tweet and author; the other
// Tweet options are refused. BackfillMinutes, StartTime and EndTime work as for Filtered.
// It returns as Filtered does.
func (s *StreamService) LikesFirehose(ctx context.Context, partition int, opts *StreamOptions) (*LikeStream, error) {
	return s.likes(ctx, "Stream.LikesFirehose", opStreamLikesFirehose.name, LikesFirehosePartitions, partition, opts,
		func(raw *gen.Client, ctx context.Context, p *gen.StreamLikesFirehoseParams) (*http.Response, error) {
			return raw.StreamLikesFirehose(ctx, p)
		})
}

// LikesSample10 connects to one partition (1 to LikesSample10Partitions) of the 10%
// sample of likes. Otherwise it is LikesFirehose.
func (s *StreamService) LikesSample10(ctx context.Context, partition int, opts *StreamOptions) (*LikeStream, error) {
	return s.likes(ctx, "Stream.LikesSample10", opStreamLikesSample10.name, LikesSample10Partitions, partition, opts,
		func(raw *gen.Client, ctx context.Context, p *gen.StreamLikesFirehoseParams) (*http.Response, error) {
			return raw.StreamLikesSample10(ctx, (*gen.StreamLikesSample10Params)(p))
		})
}

// likes opens a likes stream of n partitions.
func (s *StreamService) likes(ctx context.Context, method, name string, n, partition int, opts *StreamOptions,
	call func(*gen.Client, context.Context, *gen.StreamLikesFirehoseParams) (*http.Response, error)) (*LikeStream, error) {
	o, p, err := partitionParams(method, true, n, partition, opts)
	if err != nil {
		return nil, err
	}
	if p.Expansions != nil || p.MediaFields != nil || p.PollFields != nil || p.PlaceFields != nil {
		return nil, invalid(method, "a likes stream takes LikeExpansions, LikeFields, TweetFields and UserFields only")
	}
	lp := gen.StreamLikesFirehoseParams{
		BackfillMinutes: p.BackfillMinutes, Partition: int32(partition), EndTime: optTime(o.EndTime),
		LikeWithTweetAuthorFields: optional(o.LikeFields), Expansions: optional(o.LikeExpansions),
		UserFields: p.UserFields, TweetFields: p.TweetFields,
	}
	raw, err := s.client.streamingRaw()
	if err != nil {
		return nil, err
	}
	open := startOnFirst(lp, o.StartTime, func(q *gen.StreamLikesFirehoseParams, t *time.Time) { q.StartTime = t },
		func(ctx context.Context, q *gen.StreamLikesFirehoseParams, _ ...gen.RequestEditorFn) (*http.Response, error) {
			return call(raw, ctx, q)
		})
	return openEventStream(s.client, ctx, name, o, open, decodeLikeLine)
}

// decodeLikeLine decodes a line of a likes stream.
func decodeLikeLine(c *Client, line []byte) (LikeMessage, []gen.Problem, error) {
	l := new(gen.LikeStreamLine)
	if err := c.decode(line, l); err != nil {
		return LikeMessage{}, nil, err
	}
	switch {
	case l.Data != nil:
		return LikeMessage{Like: l}, nil, nil
	case len(l.Errors) > 0:
		return LikeMessage{Problems: l.Errors}, l.Errors, nil
	}
	return LikeMessage{}, nil, errors.New("line has neither a like nor errors")
}
