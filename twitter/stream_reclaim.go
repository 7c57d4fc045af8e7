package twitter

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/twitterkit/go/gen"
)

// streamEndpoints are the Connections API's names of the streams, by their endpoint name
// (the operation's method and path).
var streamEndpoints = map[string]gen.ConnectionEndpoint{
	"GET /2/tweets/search/stream":           gen.ConnectionEndpointFilteredStream,
	"GET /2/tweets/sample/stream":           gen.ConnectionEndpointSampleStream,
	"GET /2/tweets/sample10/stream":         gen.ConnectionEndpointSample10Stream,
	"GET /2/tweets/firehose/stream":         gen.ConnectionEndpointFirehoseStream,
	"GET /2/tweets/firehose/stream/lang/en": gen.ConnectionEndpointFirehoseStreamLangEn,
	"GET /2/tweets/firehose/stream/lang/ja": gen.ConnectionEndpointFirehoseStreamLangJa,
	"GET /2/tweets/firehose/stream/lang/ko": gen.ConnectionEndpointFirehoseStreamLangKo,
	"GET /2/tweets/firehose/stream/lang/pt": gen.ConnectionEndpointFirehoseStreamLangPt,
	"GET /2/tweets/compliance/stream":       gen.ConnectionEndpointTweetsComplianceStream,
	"GET /2/users/compliance/stream":        gen.ConnectionEndpointUsersComplianceStream,
	"GET /2/tweets/label/stream":            gen.ConnectionEndpointTweetLabelStream,
	"GET /2/likes/firehose/stream":          gen.ConnectionEndpointLikesFirehoseStream,
	"GET /2/likes/sample10/stream":          gen.ConnectionEndpointLikesSample10Stream,
	"GET /2/likes/compliance/stream":        gen.ConnectionEndpointLikesComplianceStream,
}

// tooManyConnections reports whether a connection attempt was refused because the app
// has as many connections to the stream as it may.
func tooManyConnections(e *Error) bool {
	if e.StatusCode != http.StatusTooManyRequests {
		return false
	}
	for _, p := range e.Problems {
		if strings.EqualFold(p.ConnectionIssue, "TooManyConnections") {
			return true
		}
	}
	return false
}

// closeStale is StreamOptions.CloseStaleConnections at work: after a connection attempt
// refused with TooManyConnections, it closes the app's connections to the stream's
// endpoint and reports whether the attempt should be made again at once. It does so once
// until a connection has stayed healthy, so two consumers that both opted in cannot take
// each other's connections away in a tight loop.
func (s *EventStream[M]) closeStale(e *Error) bool {
	ep, known := streamEndpoints[s.endpoint]
	if !s.opts.CloseStaleConnections || s.closedStale || !known || !tooManyConnections(e) {
		return false
	}
	s.closedStale = true
	res, _, err := s.c.Connections.CloseEndpoint(s.ctx, ep)
	if err != nil {
		s.c.cfg.logger.LogAttrs(s.ctx, slog.LevelWarn, "twitter: closing stale stream connections failed",
			slog.String("endpoint", s.endpoint), slog.Any("error", err))
		return false
	}
	s.c.cfg.logger.LogAttrs(s.ctx, slog.LevelWarn, "twitter: closed stale stream connections",
		slog.String("endpoint", s.endpoint), slog.Int("closed", res.Data.SuccessfulKills))
	return res.Data.SuccessfulKills > 0
}
