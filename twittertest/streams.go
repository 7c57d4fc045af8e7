package twittertest

import (
	"context"
	"slices"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// EmitTweet adds Tweets to the world and pushes them to the connected streams: the
// sample stream gets each, the filtered stream those a rule in force matches. Zero
// fields are filled in as World.AddTweet fills them. The streams keep them, by the
// server clock, for later connections that ask for backfill_minutes or start_time. It
// returns the Tweets as stored.
func (s *Server) EmitTweet(tweets ...Tweet) []Tweet {
	in := make([]testserver.Tweet, len(tweets))
	for i, t := range tweets {
		in[i] = t.internal()
	}
	return manyOf(tweetOf, s.s.EmitTweet(in...))
}

// The compliance and label streams, for ComplianceEvent.Stream.
const (
	TweetComplianceStream = "tweets" // GET /2/tweets/compliance/stream, partitioned by Tweet id
	UserComplianceStream  = "users"  // GET /2/users/compliance/stream, partitioned by user id
	LikeComplianceStream  = "likes"  // GET /2/likes/compliance/stream
	TweetLabelStream      = "labels" // GET /2/tweets/label/stream
)

// StreamPartition is the partition (1 to n) of a stream of n partitions that carries
// the Tweet (or, for the user compliance stream, the user) with this numeric id.
func StreamPartition(id uint64, n int) int { return testserver.StreamPartition(id, n) }

// ComplianceEvent is one event of a compliance or label stream, for
// Server.EmitComplianceEvent. Only the fields of its Kind are sent.
type ComplianceEvent struct {
	// Stream is TweetComplianceStream, UserComplianceStream, LikeComplianceStream or
	// TweetLabelStream.
	Stream string
	// Kind is the event's name on the wire: for Tweets delete, withheld, drop, undrop or
	// tweet_edit; for users user_protect, user_unprotect, user_delete, user_undelete,
	// user_suspend, user_unsuspend, user_withheld, scrub_geo or user_profile_modification;
	// for likes delete; for labels public_tweet_notice or public_tweet_unviewable.
	Kind string
	// TweetID is the Tweet the event is about (the liked Tweet, for a like).
	TweetID string
	// UserID is the account (user events), the user who liked (likes), or the Tweet's
	// author (Tweet events and labels; taken from the world when empty).
	UserID string
	// QuoteTweetID, for a Tweet event about a quote Tweet, is the Tweet it quotes.
	QuoteTweetID string
	// Countries, for withheld and user_withheld, says where (default ["DE"]).
	Countries []string
	// EditTweetIDs, for tweet_edit, is every version, the first first (default [TweetID]).
	EditTweetIDs []string
	// UpToTweetID, for scrub_geo, is the newest Tweet scrubbed (default: the newest so far).
	UpToTweetID string
	// ProfileField and NewValue, for user_profile_modification: what changed (default
	// "description") and to what.
	ProfileField, NewValue string
	// Label, for labels, is its event_type (default "misleading"); Application is "apply"
	// (the default) or "remove"; Details, for a notice, its text.
	Label, Application, Details string
	// At is when it happened (default: the server clock).
	At time.Time
}

// EmitComplianceEvent pushes events to the connected compliance and label streams of
// their Stream and partition (see StreamPartition). It changes nothing in the world:
// deleting a Tweet through the API sends its delete event by itself. It returns an
// error, and sends nothing, when an event names an unknown stream or kind or lacks the
// ids its kind needs.
func (s *Server) EmitComplianceEvent(evs ...ComplianceEvent) error {
	in := make([]testserver.ComplianceEvent, len(evs))
	for i, e := range evs {
		in[i] = testserver.ComplianceEvent{Stream: e.Stream, Kind: e.Kind, TweetID: e.TweetID, UserID: e.UserID,
			QuoteTweetID: e.QuoteTweetID, Countries: slices.Clone(e.Countries), EditTweetIDs: slices.Clone(e.EditTweetIDs),
			UpToTweetID: e.UpToTweetID, ProfileField: e.ProfileField, NewValue: e.NewValue, Label: e.Label,
			Application: e.Application, Details: e.Details, At: e.At}
	}
	return publicErr(s.s.EmitComplianceEvent(in...))
}

// Like is a like as the likes streams carry it (Server.EmitLike).
type Like struct {
	ID        string // the like's own id: 32 hex digits
	TweetID   string // the liked Tweet
	AuthorID  string // the Tweet's author
	UserID    string // who liked it (the streams do not tell)
	CreatedAt time.Time

	src testserver.Like
}

// Partition returns the partition (1 to n) of a likes stream of n partitions that
// carries the like.
func (l Like) Partition(n int) int { return l.src.Partition(n) }

// EmitLike pushes a like of a Tweet by a user to the connected likes streams, as liking
// it through the API does, without recording it in the world (World.AddLike does that).
// It returns an error for an unknown user or Tweet.
func (s *Server) EmitLike(userID, tweetID string) (Like, error) {
	l, err := s.s.EmitLike(userID, tweetID)
	if err != nil {
		return Like{}, publicErr(err)
	}
	return Like{ID: l.ID, TweetID: l.TweetID, AuthorID: l.AuthorID, UserID: l.UserID, CreatedAt: l.CreatedAt, src: l}, nil
}

// DisconnectStreams ends every open stream with an operational-disconnect problem of the
// given disconnect_type ("" for "OperationalDisconnect"), as X does, and returns how many
// it ended.
func (s *Server) DisconnectStreams(disconnectType string) int {
	return s.s.DisconnectStreams(disconnectType)
}

// StreamConnections counts the open connections of a stream route ("GET
// /2/tweets/sample/stream", or an operationId such as "streamFiltered"); "" counts every
// stream.
func (s *Server) StreamConnections(route string) int { return s.s.StreamConnections(route) }

// WaitStreamConnections waits until a stream route has at least n open connections, or
// ctx ends: connect your program's stream, wait, then emit.
func (s *Server) WaitStreamConnections(ctx context.Context, route string, n int) error {
	return s.s.WaitStreamConnections(ctx, route, n)
}

// Why a stream connection ended (Connection.Reason), besides the disconnect_type of a
// connection the server ended (Server.DisconnectStreams).
const (
	ReasonClosedByRequest  = "ClosedByRequest"  // the Connections API closed it
	ReasonClientDisconnect = "ClientDisconnect" // the client went away, or the server closed
)

// Connection is a stream connection of the app, as GET /2/connections describes it.
type Connection struct {
	ID             string
	Endpoint       string // e.g. "sample_stream", "filtered_stream"; "" for a stream without a name
	ClientIP       string
	ConnectedAt    time.Time
	DisconnectedAt time.Time // zero while open
	Reason         string    // why it ended; "" while open
}

// Connections lists the app's open stream connections, newest first, then those that
// ended that the server remembers (the last 100), newest first.
func (s *Server) Connections() []Connection {
	return manyOf(func(c testserver.Connection) Connection { return Connection(c) }, s.s.Connections())
}
