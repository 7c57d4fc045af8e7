package twitter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/twitterkit/go/gen"
)

// Stream defaults.
const (
	// DefaultStallTimeout is how long a stream waits for data or a keep-alive before it
	// calls the connection stalled. X sends a keep-alive every 20 seconds and advises
	// reconnecting after 20 seconds of silence. A timeout of exactly the interval races
	// every next keep-alive against network jitter (tweepy measured keep-alives arriving
	// marginally after 20 s, causing needless reconnects, and added a second), so the
	// default is X's 20 seconds plus one second of slack.
	DefaultStallTimeout = 21 * time.Second
	// DefaultStreamBuffer is how many messages a stream reads ahead of its consumer.
	DefaultStreamBuffer = 64
	// DefaultMaxLineSize is the longest stream line accepted, far above any real Tweet
	// with every expansion.
	DefaultMaxLineSize = 16 << 20
	// A connection that ends is healthy, so that the next drop counts as the first in a
	// row again and is reconnected at once, when it stayed up at least briefAfter and
	// delivered an event (a system message, such as the operational-disconnect, is not
	// one), or stayed up healthyAfter. Any other drop is one more in a row, backed off like
	// a network error: a server that drops every connection at once, with or without a
	// disconnect message, gets 250 ms, 500 ms, ... 16 s between connections, not a storm.
	briefAfter   = time.Second
	healthyAfter = time.Minute
)

// ErrStreamClosed is what Stream.Next returns once Close was called.
var ErrStreamClosed = errors.New("twitter: stream closed")

// StreamOptions configures a stream. The zero value (or nil) asks for the default fields
// with X's reconnection schedule.
type StreamOptions struct {
	// Fields and expansions of each Tweet, as for a Tweet lookup.
	TweetFields []gen.TweetField
	Expansions  []gen.TweetExpansion
	MediaFields []gen.MediaField
	PollFields  []gen.PollField
	UserFields  []gen.UserField
	PlaceFields []gen.PlaceField

	// For the likes streams only (LikesFirehose, LikesSample10): the fields of each like
	// and its expansions (the liked Tweet, shaped by TweetFields, and its author, by
	// UserFields). Other streams refuse them.
	LikeFields     []gen.LikeField
	LikeExpansions []gen.LikeExpansion

	// BackfillMinutes (1 to 5; 0 leaves it out) asks X, on every connection, to replay
	// up to that many minutes of Tweets missed while disconnected. It needs an elevated
	// plan. A Tweet delivered before a disconnect can come again after it: deduplicate by
	// Data.ID when that matters.
	BackfillMinutes int

	// StartTime and EndTime bound the Tweets of the filtered stream by creation time
	// (Sample refuses them). StartTime is sent on the first connection only: asking for
	// it again on every reconnection would replay everything since. Once EndTime has
	// passed the stream does not reconnect: it ends, and Next returns io.EOF.
	StartTime, EndTime time.Time

	// StallTimeout is how long the server may send nothing, not even a keep-alive, before
	// the connection is called stalled, closed and reconnected. It also bounds each
	// connection attempt as a whole, from its start: any token request, the headers of the
	// answer and, for an answer that is not a 200, its body. Default DefaultStallTimeout.
	StallTimeout time.Duration

	// ReconnectPolicy chooses the waits between connection attempts. Default
	// DefaultReconnectPolicy(): X's schedule, never giving up.
	ReconnectPolicy ReconnectPolicy

	// OnReconnect, if set, is called for every reconnection with its cause, attempt and
	// wait, before the wait. It runs on the stream's goroutine, which reads nothing until
	// it returns, so it must be quick. Each reconnection is also logged at Warn.
	OnReconnect func(ReconnectEvent)

	// BufferSize is how many messages the stream reads ahead of the consumer (default
	// DefaultStreamBuffer). When it is full the stream stops reading until the consumer
	// takes one: memory stays bounded and no message is dropped, but a consumer that
	// stays behind will be disconnected by X, which then counts as a drop.
	BufferSize int

	// MaxLineSize is the longest line accepted, in bytes (default DefaultMaxLineSize).
	// A longer one is skipped and reported as a *LineError.
	MaxLineSize int

	// CloseStaleConnections, when a connection attempt is refused with 429
	// TooManyConnections, closes the app's connections to this stream
	// (Connections.CloseEndpoint) and tries again at once, instead of waiting out the
	// rate-limit backoff: the way out when a restarted consumer's old connection still
	// counts against the app. It closes every connection of the app to the stream,
	// including live ones of other processes, so set it only where this process is the
	// stream's one consumer. It acts once, then not again until a connection has stayed
	// healthy (delivered a message, or lasted a minute); it needs an app-only token, and
	// does nothing on the activity stream, which the Connections API does not name.
	CloseStaleConnections bool

	afterFunc afterFunc // the stall watchdog's timers; nil means time.AfterFunc
}

// Message is one line of a stream that is not a keep-alive: a Tweet, or a system message
// carrying problems.
type Message struct {
	// Tweet is the line's Tweet: Data, Includes, MatchingRules (the filtered stream's rules
	// it matched; nil on the sample stream) and Errors (partial errors about the Tweet's
	// expansions, such as a deleted quoted Tweet). Nil for a system message.
	Tweet *gen.FilteredStreamingTweet
	// Problems are the problems of a system message: a line with errors and no Tweet,
	// such as the operational-disconnect X sends before it closes a connection (the stream
	// reconnects by itself). Nil for a Tweet.
	Problems []gen.Problem
}

// IsDisconnect reports whether the message announces that X is closing the connection
// (an operational-disconnect). The stream reconnects by itself; it is told for logging.
func (m Message) IsDisconnect() bool { return disconnectOf(m.Problems) != nil }

// disconnectOf returns the operational-disconnect among a system message's problems, or nil.
func disconnectOf(problems []gen.Problem) *gen.Problem {
	for i, p := range problems {
		if ProblemType(p.Type) == ProblemOperationalDisconnect {
			return &problems[i]
		}
	}
	return nil
}

// Stream is an open stream of Tweets that reconnects by itself. Read it with Messages or
// Next, from one goroutine at a time, and Close it when done (or cancel the context it was
// opened with); until then it holds a connection and a goroutine.
//
// A stream ends only on a final error: an answer that reconnecting cannot fix (401, 403,
// other 4xx, a usage cap; a *Error), credentials that cannot work (the token endpoint
// refusing the app's key and secret, a *TokenError; an OAuth 2.0 refresh token the user
// must replace, IsReauthorizationRequired), the policy giving up, EndTime passing,
// Close, or the context ending. Everything else (drops, stalls, network errors, 5xx,
// 429) is retried on X's schedule and reported through StreamOptions.OnReconnect.
//
// Lines are read and decoded on the stream's goroutine, ahead of the consumer by up to
// StreamOptions.BufferSize messages. README's Performance section has the figures
// (BenchmarkGoalStream, BenchmarkStreamDecode).
//
// Stream is the EventStream of Tweets: its methods are EventStream's.
type Stream = EventStream[Message]

// EventStream is an open stream of messages of type M that reconnects by itself: a
// Stream of Tweets (M is Message), or a stream of other events such as a
// ComplianceStream. Everything said of Stream holds for every EventStream; only what a
// line decodes into differs.
type EventStream[M any] struct {
	c        *Client
	endpoint string
	open     func(ctx context.Context, first bool) (*http.Response, error)
	opts     StreamOptions
	policy   ReconnectPolicy
	decode   lineDecoder[M]

	ctx    context.Context // ends the stream; cancelled by Close
	cancel context.CancelFunc
	closed atomic.Bool
	inHook atomic.Bool // OnReconnect is running on the stream's goroutine

	items chan streamItem[M]
	done  chan struct{} // closed when the goroutine has exited
	final error         // written before items is closed

	attempts  [numCauses]int // failures in a row, by cause
	connStart time.Time      // when the last connection attempt began, by the client's clock

	closedStale bool // CloseStaleConnections acted since the last healthy connection (stream_reclaim.go)
}

type streamItem[M any] struct {
	msg M
	err error
}

// lineDecoder turns one stream line (not a keep-alive) into a message. problems are
// those of a system message (nil for an event), looked at for an operational-disconnect.
// An error is reported as a *LineError and the stream goes on.
type lineDecoder[M any] func(c *Client, line []byte) (msg M, problems []gen.Problem, err error)

// connFailure is a connection attempt or a connection that ended, to reconnect after.
type connFailure struct {
	cause   ReconnectCause
	err     error
	healthy bool // the connection was up long enough, with events, to count as a success (briefAfter)
}

// Filtered connects to the filtered stream: the Tweets that match the rules in force
// (see RulesService). It returns once a connection is established or has failed: an
// answer that reconnecting cannot fix (such as 401 or 403) or refused credentials are
// returned as the error; any other failure is retried in the background like a later
// disconnect.
func (s *StreamService) Filtered(ctx context.Context, opts *StreamOptions) (*Stream, error) {
	name := opStreamFiltered.name
	o, p, err := streamParams("Stream.Filtered", false, opts)
	if err != nil {
		return nil, err
	}
	fp := gen.StreamFilteredParams{
		TweetFields: p.TweetFields, Expansions: p.Expansions, MediaFields: p.MediaFields,
		PollFields: p.PollFields, UserFields: p.UserFields, PlaceFields: p.PlaceFields,
		BackfillMinutes: p.BackfillMinutes, EndTime: optTime(o.EndTime),
	}
	raw, err := s.client.streamingRaw()
	if err != nil {
		return nil, err
	}
	open := startOnFirst(fp, o.StartTime, func(q *gen.StreamFilteredParams, t *time.Time) { q.StartTime = t }, raw.StreamFiltered)
	return s.client.openStream(ctx, name, o, open)
}

// startOnFirst returns the connection attempts of a stream with parameters p: call with
// p, and on the first attempt only with StartTime set (by set) to start, since asking for
// it again on every reconnection would replay everything since.
func startOnFirst[P any](p P, start time.Time, set func(*P, *time.Time),
	call func(context.Context, *P, ...gen.RequestEditorFn) (*http.Response, error)) func(context.Context, bool) (*http.Response, error) {
	return func(ctx context.Context, first bool) (*http.Response, error) {
		q := p
		if first {
			set(&q, optTime(start))
		}
		return call(ctx, &q)
	}
}

// Sample connects to the sample stream: about 1% of all Tweets, as they are posted. It
// returns as Filtered does.
func (s *StreamService) Sample(ctx context.Context, opts *StreamOptions) (*Stream, error) {
	name := opStreamSample.name
	o, p, err := streamParams("Stream.Sample", false, opts)
	if err != nil {
		return nil, err
	}
	if !o.StartTime.IsZero() || !o.EndTime.IsZero() {
		return nil, invalid("Stream.Sample", "StartTime and EndTime are for the filtered stream only")
	}
	raw, err := s.client.streamingRaw()
	if err != nil {
		return nil, err
	}
	open := func(ctx context.Context, _ bool) (*http.Response, error) {
		q := p
		return raw.StreamSample(ctx, &q)
	}
	return s.client.openStream(ctx, name, o, open)
}

// streamParams checks the options of method ("Stream.Filtered"), fills in defaults and
// builds the query parameters the streams share. likes says the stream is a likes stream,
// the only kind that takes LikeFields and LikeExpansions.
func streamParams(method string, likes bool, opts *StreamOptions) (StreamOptions, gen.StreamSampleParams, error) {
	var o StreamOptions
	if opts != nil {
		o = *opts
	}
	bad := func(format string, args ...any) (StreamOptions, gen.StreamSampleParams, error) {
		return o, gen.StreamSampleParams{}, invalid(method, format, args...)
	}
	switch {
	case o.BackfillMinutes < minimumStreamBackfillMinutes || o.BackfillMinutes > maximumStreamBackfillMinutes:
		return bad("BackfillMinutes must be %d to %d, got %d", minimumStreamBackfillMinutes, maximumStreamBackfillMinutes, o.BackfillMinutes)
	case o.StallTimeout < 0:
		return bad("negative StallTimeout %v", o.StallTimeout)
	case o.BufferSize < 0:
		return bad("negative BufferSize %d", o.BufferSize)
	case o.MaxLineSize < 0:
		return bad("negative MaxLineSize %d", o.MaxLineSize)
	case (o.LikeFields != nil || o.LikeExpansions != nil) && !likes:
		return bad("LikeFields and LikeExpansions are for the likes streams")
	case !o.StartTime.IsZero() && !o.EndTime.IsZero() && !o.EndTime.After(o.StartTime):
		return bad("EndTime %v is not after StartTime %v", o.EndTime, o.StartTime)
	}
	tweets := TweetOptions{TweetFields: o.TweetFields, Expansions: o.Expansions, MediaFields: o.MediaFields,
		PollFields: o.PollFields, UserFields: o.UserFields, PlaceFields: o.PlaceFields}
	if err := errors.Join(tweets.check(method),
		checkSet(method, "LikeFields", o.LikeFields), checkSet(method, "LikeExpansions", o.LikeExpansions)); err != nil {
		return o, gen.StreamSampleParams{}, err
	}
	if o.StallTimeout == 0 {
		o.StallTimeout = DefaultStallTimeout
	}
	if o.BufferSize == 0 {
		o.BufferSize = DefaultStreamBuffer
	}
	if o.MaxLineSize == 0 {
		o.MaxLineSize = DefaultMaxLineSize
	}
	if o.ReconnectPolicy == nil {
		o.ReconnectPolicy = DefaultReconnectPolicy()
	}
	if o.afterFunc == nil {
		o.afterFunc = realAfterFunc
	}
	p := gen.StreamSampleParams{
		TweetFields: optional(o.TweetFields), Expansions: optional(o.Expansions),
		MediaFields: optional(o.MediaFields), PollFields: optional(o.PollFields),
		UserFields: optional(o.UserFields), PlaceFields: optional(o.PlaceFields),
	}
	if o.BackfillMinutes > 0 {
		n := int32(o.BackfillMinutes)
		p.BackfillMinutes = &n
	}
	return o, p, nil
}

// streamingRaw returns a generated client for long-lived requests: the client's own,
// unless its *http.Client has a Timeout, which would cut every stream after that long.
// Stalls are caught by the stream's own watchdog instead.
func (c *Client) streamingRaw() (*gen.Client, error) {
	if c.httpClient.Timeout == 0 {
		return c.raw, nil
	}
	hc := *c.httpClient
	hc.Timeout = 0
	raw, err := c.newRaw(&hc)
	if err != nil {
		return nil, fmt.Errorf("twitter: %w", err)
	}
	return raw, nil
}

// openStream opens a stream of Tweets.
func (c *Client) openStream(ctx context.Context, name string, o StreamOptions, open func(context.Context, bool) (*http.Response, error)) (*Stream, error) {
	return openEventStream(c, ctx, name, o, open, decodeTweetLine)
}

// openEventStream makes the first connection attempt and starts the stream's goroutine.
func openEventStream[M any](c *Client, ctx context.Context, name string, o StreamOptions,
	open func(context.Context, bool) (*http.Response, error), decode lineDecoder[M]) (*EventStream[M], error) {
	if ctx == nil {
		return nil, fmt.Errorf("twitter: %s: nil context", name)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("twitter: %s: %w", name, err)
	}
	if err := c.needCredentials(name); err != nil {
		return nil, err
	}
	sctx, cancel := context.WithCancel(ctx)
	s := &EventStream[M]{
		c: c, endpoint: name, open: open, opts: o, policy: o.ReconnectPolicy, decode: decode,
		ctx: sctx, cancel: cancel,
		items: make(chan streamItem[M], o.BufferSize), done: make(chan struct{}),
	}
	conn, fail, err := s.connect(true)
	if err != nil {
		cancel()
		return nil, err
	}
	go s.run(conn, fail)
	return s, nil
}

// Next returns the next message. Its error is either a *LineError (a line that could not
// be delivered; call Next again) or final: the stream has ended, and every later call
// returns the same error. The final error is io.EOF once EndTime has passed,
// ErrStreamClosed after Close, the context's error when it ended, a *Error for an
// answer reconnecting cannot fix, or the last failure when the policy gave up.
//
// ctx bounds this call only: when it ends first, Next returns its error and the stream
// goes on.
func (s *EventStream[M]) Next(ctx context.Context) (M, error) {
	var zero M
	if ctx == nil {
		return zero, errors.New("twitter: Stream.Next: nil context")
	}
	select {
	case it, ok := <-s.items:
		if !ok {
			return zero, s.final
		}
		return it.msg, it.err
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// Messages ranges over the stream:
//
//	for msg, err := range s.Messages() {
//		if err != nil {
//			return err // final, or a *LineError if you would rather go on
//		}
//		if msg.Tweet != nil {
//			fmt.Println(msg.Tweet.Data.Text)
//		}
//	}
//
// It yields what Next returns, except that it ends quietly at io.EOF and after Close; a
// *LineError is yielded and the loop may go on. Breaking out of the loop does not close
// the stream: it can be ranged over again, and must still be closed.
func (s *EventStream[M]) Messages() iter.Seq2[M, error] {
	return func(yield func(M, error) bool) {
		for {
			it, ok := <-s.items
			if !ok {
				if s.final == io.EOF || errors.Is(s.final, ErrStreamClosed) {
					return
				}
				var zero M
				yield(zero, s.final)
				return
			}
			if !yield(it.msg, it.err) {
				return
			}
		}
	}
}

// Close stops the stream: it closes the connection, stops any wait, and returns once the
// stream's goroutine has exited. Messages already read ahead are dropped. Close may be
// called more than once and from any goroutine. While OnReconnect runs (so also when it
// is called from OnReconnect) it does not wait: the stream ends as soon as OnReconnect
// returns.
func (s *EventStream[M]) Close() error {
	s.closed.Store(true)
	s.cancel()
	if !s.inHook.Load() {
		<-s.done
	}
	return nil
}

// Done is closed once the stream has ended and its goroutine has exited.
func (s *EventStream[M]) Done() <-chan struct{} { return s.done }

func (s *EventStream[M]) run(conn *http.Response, fail *connFailure) {
	defer close(s.done)
	defer close(s.items)
	for {
		if conn != nil {
			fail = s.consume(conn)
			conn = nil
		}
		if s.ctx.Err() != nil {
			s.end(nil)
			return
		}
		if fail.healthy {
			s.attempts[CauseDropped], s.attempts[CauseStalled] = 0, 0
			s.closedStale = false
		}
		if end := s.opts.EndTime; !end.IsZero() && !s.c.cfg.now().Before(end) {
			s.end(io.EOF)
			return
		}
		s.attempts[fail.cause]++
		ev := ReconnectEvent{Cause: fail.cause, Attempt: s.attempts[fail.cause], Err: fail.err, At: s.c.cfg.now()}
		wait, ok := s.policy.Next(ev)
		if !ok {
			s.end(fmt.Errorf("twitter: %s: gave up reconnecting after %d failures in a row (%s): %w", s.endpoint, ev.Attempt, ev.Cause, ev.Err))
			return
		}
		ev.Wait = max(wait, 0)
		s.report(ev)
		if err := s.c.cfg.sleep(s.ctx, ev.Wait); err != nil {
			s.end(nil)
			return
		}
		var err error
		conn, fail, err = s.connect(false)
		if err != nil {
			s.end(err)
			return
		}
	}
}

// end records the final error; nil means the stream's context ended.
func (s *EventStream[M]) end(err error) {
	if err == nil {
		switch {
		case s.closed.Load():
			err = ErrStreamClosed
		default:
			err = fmt.Errorf("twitter: %s: %w", s.endpoint, context.Cause(s.ctx))
		}
	}
	s.final = err
	s.cancel()
}

func (s *EventStream[M]) report(ev ReconnectEvent) {
	s.c.cfg.logger.LogAttrs(s.ctx, slog.LevelWarn, "twitter: stream reconnecting",
		slog.String("endpoint", s.endpoint), slog.String("cause", ev.Cause.String()),
		slog.Int("attempt", ev.Attempt), slog.Duration("wait", ev.Wait), slog.Any("error", ev.Err))
	s.c.cfg.observer.Reconnect(s.ctx, StreamReconnect{Endpoint: s.endpoint, Event: ev})
	if s.opts.OnReconnect != nil {
		s.inHook.Store(true)
		defer s.inHook.Store(false)
		s.opts.OnReconnect(ev)
	}
}

// connect makes one connection attempt. It returns the established connection, or the
// failure to reconnect after, or a final error.
//
// One watchdog bounds the whole answer to the attempt, StallTimeout from its start: the
// token request the transport may make first, the headers, and the body of an error
// answer, so a server that holds any of them open cannot hold up the stream.
func (s *EventStream[M]) connect(first bool) (*http.Response, *connFailure, error) {
	connCtx, cancel := context.WithCancel(s.ctx)
	s.connStart = s.c.cfg.now()
	wd := newWatchdog(s.opts.afterFunc, s.opts.StallTimeout, cancel)
	resp, err := s.open(connCtx, first)
	if err != nil {
		wd.disarm()
		cancel()
		if s.ctx.Err() != nil {
			return nil, nil, s.ctxErr()
		}
		err = fmt.Errorf("twitter: %s: %w", s.endpoint, err)
		if permanentAuthError(err) {
			// Credentials refused by the token endpoint (or a refresh token the user must
			// replace by authorizing again) fail the same way on every attempt.
			return nil, nil, err
		}
		if wd.fired.Load() {
			err = fmt.Errorf("%w (no answer within %v)", err, s.opts.StallTimeout)
		}
		return nil, &connFailure{cause: CauseNetwork, err: err}, nil
	}
	rl := parseRateLimit(s.endpoint, resp.Header)
	s.c.limits.record(rl)
	if resp.StatusCode == http.StatusOK {
		wd.disarm()
		s.attempts[CauseNetwork], s.attempts[CauseHTTP], s.attempts[CauseRateLimited] = 0, 0, 0
		resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
		return resp, nil, nil
	}
	body, rerr := io.ReadAll(io.LimitReader(resp.Body, s.c.cfg.maxErrorBodySize))
	wd.disarm()
	resp.Body.Close()
	cancel()
	if rerr != nil && s.ctx.Err() != nil {
		return nil, nil, s.ctxErr()
	}
	apiErr := newError(s.c.cfg.decoder, s.endpoint, resp, body, rl).arrived(s.c.cfg.now())
	var failure error = apiErr
	if rerr != nil {
		why := rerr.Error()
		if wd.fired.Load() {
			why = fmt.Sprintf("not sent within %v", s.opts.StallTimeout)
		}
		failure = fmt.Errorf("%w (the body of the answer was cut short after %d bytes: %s)", apiErr, len(body), why)
	}
	if s.closeStale(apiErr) {
		return s.connect(first)
	}
	cause, retry := classifyConnect(apiErr)
	if !retry {
		return nil, nil, failure
	}
	return nil, &connFailure{cause: cause, err: failure}, nil
}

func (s *EventStream[M]) ctxErr() error {
	if s.closed.Load() {
		return ErrStreamClosed
	}
	return fmt.Errorf("twitter: %s: %w", s.endpoint, context.Cause(s.ctx))
}

// cancelBody ends the connection's context when the body is closed.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// consume reads an established connection to its end, delivering each line, and returns
// why it ended.
func (s *EventStream[M]) consume(resp *http.Response) *connFailure {
	defer resp.Body.Close()
	cb := resp.Body.(*cancelBody)
	wd := newWatchdog(s.opts.afterFunc, s.opts.StallTimeout, cb.cancel)
	wd.disarm()
	defer wd.disarm()
	lines := newLineReader(watchedBody{r: resp.Body, w: wd}, s.opts.MaxLineSize)
	events := 0 // lines delivered that are not system messages
	var disconnect *gen.Problem
	for {
		line, err := lines.next()
		if err != nil {
			var tooLong *lineTooLong
			if errors.As(err, &tooLong) {
				if !s.emit(streamItem[M]{err: &LineError{Endpoint: s.endpoint, Size: tooLong.size, Err: ErrLineTooLong}}) {
					return &connFailure{cause: CauseDropped, err: s.ctx.Err()}
				}
				continue
			}
			lasted := s.c.cfg.now().Sub(s.connStart)
			f := &connFailure{cause: CauseDropped, healthy: lasted >= briefAfter && (events > 0 || lasted >= healthyAfter)}
			switch {
			case wd.fired.Load():
				f.cause, f.err = CauseStalled, ErrStalled
			case disconnect != nil && err == io.EOF:
				f.err = fmt.Errorf("twitter: %s: disconnected by the server: %s", s.endpoint, describeProblem(*disconnect))
			case err == io.EOF:
				f.err = fmt.Errorf("twitter: %s: connection closed by the server", s.endpoint)
			default:
				f.err = fmt.Errorf("twitter: %s: reading the stream: %w", s.endpoint, err)
			}
			if lines.partial > 0 {
				f.err = fmt.Errorf("%w (an unfinished line of %d bytes was dropped)", f.err, lines.partial)
			}
			return f
		}
		if isKeepAlive(line) {
			continue
		}
		it, problems := s.decodeLine(line)
		switch {
		case it.err != nil:
		case problems == nil:
			events++
		default:
			if d := disconnectOf(problems); d != nil {
				disconnect = d
			}
		}
		if !s.emit(it) {
			return &connFailure{cause: CauseDropped, err: s.ctx.Err()}
		}
	}
}

// decodeLine turns one line into a message, or a *LineError, and returns the problems
// of a system message.
func (s *EventStream[M]) decodeLine(line []byte) (streamItem[M], []gen.Problem) {
	msg, problems, err := s.decode(s.c, line)
	if err != nil {
		return streamItem[M]{err: &LineError{Endpoint: s.endpoint, Size: len(line), Excerpt: excerpt(line), Err: err}}, nil
	}
	return streamItem[M]{msg: msg}, problems
}

// decodeTweetLine decodes a line of a Tweet stream.
func decodeTweetLine(c *Client, line []byte) (Message, []gen.Problem, error) {
	t := new(gen.FilteredStreamingTweet)
	if err := c.decode(line, t); err != nil {
		return Message{}, nil, err
	}
	switch {
	case t.Data.ID != "": // X always sends a Tweet's id
		return Message{Tweet: t}, nil, nil
	case len(t.Errors) > 0:
		return Message{Problems: t.Errors}, t.Errors, nil
	}
	return Message{}, nil, errors.New("line has neither a Tweet nor errors")
}

// emit hands an item to the consumer, waiting while the buffer is full. It returns false
// when the stream is ending.
func (s *EventStream[M]) emit(it streamItem[M]) bool {
	select {
	case s.items <- it:
		return true
	case <-s.ctx.Done():
		return false
	}
}

// describeProblem is a problem's title, detail and disconnect type, for messages.
func describeProblem(p gen.Problem) string {
	d := p.Title
	if p.Detail != "" {
		d += ": " + p.Detail
	}
	if p.DisconnectType != "" {
		d += " (" + p.DisconnectType + ")"
	}
	if p.ConnectionIssue != "" {
		d += " (" + p.ConnectionIssue + ")"
	}
	return d
}
