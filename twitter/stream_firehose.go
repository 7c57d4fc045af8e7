package twitter

import (
	"context"
	"net/http"
	"time"

	"github.com/twitterkit/go/gen"
)

// The partitioned Tweet streams: the full firehose, its language subsets and the 10%
// sample. X splits each over a fixed number of partitions; one connection reads one
// partition, and every Tweet is in exactly one of them, so a consumer that wants all of
// the stream opens one Stream per partition.
const (
	FirehosePartitions     = maximumStreamFirehosePartition   // GET /2/tweets/firehose/stream
	FirehoseEnPartitions   = maximumStreamFirehoseEnPartition // GET /2/tweets/firehose/stream/lang/en
	FirehoseLangPartitions = maximumStreamFirehoseJaPartition // the ja, ko and pt firehoses (each its own in FirehoseLang)
	Sample10Partitions     = maximumStreamSample10Partition   // GET /2/tweets/sample10/stream
)

// Firehose connects to one partition (1 to FirehosePartitions) of the firehose: every
// public Tweet as it is posted. It needs an app-only bearer token and an enterprise
// plan. StartTime, EndTime and BackfillMinutes work as for Filtered. It returns as
// Filtered does, and the Stream reconnects by itself to the same partition.
func (s *StreamService) Firehose(ctx context.Context, partition int, opts *StreamOptions) (*Stream, error) {
	return s.partitioned(ctx, "Stream.Firehose", opStreamFirehose.name, FirehosePartitions, partition, opts,
		func(raw *gen.Client, ctx context.Context, p *gen.StreamFirehoseParams) (*http.Response, error) {
			return raw.StreamFirehose(ctx, p)
		})
}

// FirehoseLang connects to one partition of the firehose of one language: lang is "en"
// (partitions 1 to FirehoseEnPartitions), "ja", "ko" or "pt" (1 to
// FirehoseLangPartitions). Otherwise it is Firehose.
func (s *StreamService) FirehoseLang(ctx context.Context, lang string, partition int, opts *StreamOptions) (*Stream, error) {
	const method = "Stream.FirehoseLang"
	type langStream func(raw *gen.Client, ctx context.Context, p *gen.StreamFirehoseParams) (*http.Response, error)
	var open langStream
	var n int
	var name string
	switch lang {
	case "en":
		n, name = FirehoseEnPartitions, opStreamFirehoseEn.name
		open = func(raw *gen.Client, ctx context.Context, p *gen.StreamFirehoseParams) (*http.Response, error) {
			return raw.StreamFirehoseEn(ctx, (*gen.StreamFirehoseEnParams)(p))
		}
	case "ja":
		n, name = maximumStreamFirehoseJaPartition, opStreamFirehoseJa.name
		open = func(raw *gen.Client, ctx context.Context, p *gen.StreamFirehoseParams) (*http.Response, error) {
			return raw.StreamFirehoseJa(ctx, (*gen.StreamFirehoseJaParams)(p))
		}
	case "ko":
		n, name = maximumStreamFirehoseKoPartition, opStreamFirehoseKo.name
		open = func(raw *gen.Client, ctx context.Context, p *gen.StreamFirehoseParams) (*http.Response, error) {
			return raw.StreamFirehoseKo(ctx, (*gen.StreamFirehoseKoParams)(p))
		}
	case "pt":
		n, name = maximumStreamFirehosePtPartition, opStreamFirehosePt.name
		open = func(raw *gen.Client, ctx context.Context, p *gen.StreamFirehoseParams) (*http.Response, error) {
			return raw.StreamFirehosePt(ctx, (*gen.StreamFirehosePtParams)(p))
		}
	default:
		return nil, invalid(method, "lang must be en, ja, ko or pt, got %q", lang)
	}
	return s.partitioned(ctx, method, name, n, partition, opts, open)
}

// Sample10 connects to one partition (1 to Sample10Partitions) of the 10% sample: a
// tenth of all public Tweets. It needs an app-only bearer token and an enterprise plan;
// otherwise it is Firehose.
func (s *StreamService) Sample10(ctx context.Context, partition int, opts *StreamOptions) (*Stream, error) {
	return s.partitioned(ctx, "Stream.Sample10", opStreamSample10.name, Sample10Partitions, partition, opts,
		func(raw *gen.Client, ctx context.Context, p *gen.StreamFirehoseParams) (*http.Response, error) {
			return raw.StreamSample10(ctx, (*gen.StreamSample10Params)(p))
		})
}

// partitionParams checks the partition (1 to n; n == 0 for a stream without partitions,
// which takes none) and the options, as streamParams.
func partitionParams(method string, likes bool, n, partition int, opts *StreamOptions) (StreamOptions, gen.StreamSampleParams, error) {
	if n > 0 && (partition < 1 || partition > n) {
		return StreamOptions{}, gen.StreamSampleParams{}, invalid(method, "partition must be 1 to %d, got %d", n, partition)
	}
	return streamParams(method, likes, opts)
}

// partitioned opens a partitioned Tweet stream of n partitions. The generated parameters
// of these streams are one shape; call converts them to its operation's.
func (s *StreamService) partitioned(ctx context.Context, method, name string, n, partition int, opts *StreamOptions,
	call func(*gen.Client, context.Context, *gen.StreamFirehoseParams) (*http.Response, error)) (*Stream, error) {
	o, p, err := partitionParams(method, false, n, partition, opts)
	if err != nil {
		return nil, err
	}
	fp := gen.StreamFirehoseParams{
		BackfillMinutes: p.BackfillMinutes, TweetFields: p.TweetFields, Expansions: p.Expansions,
		MediaFields: p.MediaFields, PollFields: p.PollFields, UserFields: p.UserFields, PlaceFields: p.PlaceFields,
		Partition: int32(partition), EndTime: optTime(o.EndTime),
	}
	raw, err := s.client.streamingRaw()
	if err != nil {
		return nil, err
	}
	open := startOnFirst(fp, o.StartTime, func(q *gen.StreamFirehoseParams, t *time.Time) { q.StartTime = t },
		func(ctx context.Context, q *gen.StreamFirehoseParams, _ ...gen.RequestEditorFn) (*http.Response, error) {
			return call(raw, ctx, q)
		})
	return s.client.openStream(ctx, name, o, open)
}
