package testserver

import (
	"fmt"
	"strconv"
	"time"
)

// The compliance and label streams, by the Stream of a ComplianceEvent.
const (
	TweetComplianceStream = "tweets" // GET /2/tweets/compliance/stream, 4 partitions by Tweet id
	UserComplianceStream  = "users"  // GET /2/users/compliance/stream, 4 partitions by user id
	LikeComplianceStream  = "likes"  // GET /2/likes/compliance/stream
	TweetLabelStream      = "labels" // GET /2/tweets/label/stream
)

// complianceKinds are the event kinds (their names on the wire) of each stream.
var complianceKinds = map[string]struct {
	family streamFamily
	kinds  []string
}{
	TweetComplianceStream: {familyTweetCompliance, []string{"delete", "withheld", "drop", "undrop", "tweet_edit"}},
	UserComplianceStream: {familyUserCompliance, []string{"user_protect", "user_unprotect", "user_delete", "user_undelete",
		"user_suspend", "user_unsuspend", "user_withheld", "scrub_geo", "user_profile_modification"}},
	LikeComplianceStream: {familyLikeCompliance, []string{"delete"}},
	TweetLabelStream:     {familyTweetLabels, []string{"public_tweet_notice", "public_tweet_unviewable"}},
}

// ComplianceEvent is one event of a compliance or label stream, for EmitComplianceEvent.
// Only the fields of its kind are sent.
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
	// QuoteTweetID, for a Tweet event about a quote Tweet: the Tweet it quotes.
	QuoteTweetID string
	// Countries, for withheld and user_withheld: where (default ["DE"]).
	Countries []string
	// EditTweetIDs, for tweet_edit: every version, the first first (default [TweetID]).
	EditTweetIDs []string
	// UpToTweetID, for scrub_geo (default: the newest Tweet id so far).
	UpToTweetID string
	// ProfileField and NewValue, for user_profile_modification (default "description").
	ProfileField, NewValue string
	// Label, for labels: its event_type (default "misleading"), Application ("apply" or
	// "remove"; default "apply") and, for a notice, Details.
	Label, Application, Details string
	// At is when it happened (default: the server clock).
	At time.Time
}

// EmitComplianceEvent pushes events to the connected compliance and label streams of
// their Stream (and partition: Tweet events by Tweet id, user events by user id, see
// StreamPartition). It changes nothing in the world: deleting a Tweet through the API
// sends its delete event by itself. It returns an error, and sends nothing, when an
// event names an unknown stream or kind or lacks the ids its kind needs.
func (s *Server) EmitComplianceEvent(evs ...ComplianceEvent) error {
	out := make([]streamEvent, 0, len(evs))
	s.mu.RLock()
	for i, ev := range evs {
		se, err := s.complianceEvent(ev)
		if err != nil {
			s.mu.RUnlock()
			return fmt.Errorf("testserver: EmitComplianceEvent: event %d: %w", i, err)
		}
		out = append(out, se)
	}
	s.mu.RUnlock()
	s.push(out)
	return nil
}

// complianceEvent builds the line of an event; call with s.mu held.
func (s *Server) complianceEvent(ev ComplianceEvent) (streamEvent, error) {
	k, ok := complianceKinds[ev.Stream]
	if !ok {
		return streamEvent{}, fmt.Errorf("unknown stream %q", ev.Stream)
	}
	known := false
	for _, kind := range k.kinds {
		known = known || kind == ev.Kind
	}
	if !known {
		return streamEvent{}, fmt.Errorf("stream %q has no event kind %q (it has %v)", ev.Stream, ev.Kind, k.kinds)
	}
	at := ev.At
	if at.IsZero() {
		at = s.clock.Now()
	}
	body := map[string]any{"event_at": at.UTC().Truncate(time.Millisecond).Format("2006-01-02T15:04:05.000Z")}
	countries := ev.Countries
	if len(countries) == 0 {
		countries = []string{"DE"}
	}
	var key string
	switch ev.Stream {
	case UserComplianceStream:
		if !isID(ev.UserID) {
			return streamEvent{}, fmt.Errorf("%s needs a numeric UserID, got %q", ev.Kind, ev.UserID)
		}
		key = ev.UserID
		body["user"] = map[string]any{"id": ev.UserID}
		switch ev.Kind {
		case "user_withheld":
			body["withheld_in_countries"] = countries
		case "scrub_geo":
			upTo := ev.UpToTweetID
			if upTo == "" && len(s.w.order) > 0 {
				upTo = s.w.order[0].ID
			}
			body["up_to_tweet_id"] = upTo
		case "user_profile_modification":
			field := ev.ProfileField
			if field == "" {
				field = "description"
			}
			body["profile_field"], body["new_value"] = field, ev.NewValue
		}
	case LikeComplianceStream:
		if !isID(ev.TweetID) || !isID(ev.UserID) {
			return streamEvent{}, fmt.Errorf("a like needs numeric TweetID and UserID, got %q and %q", ev.TweetID, ev.UserID)
		}
		body["favorite"] = map[string]any{"id": ev.TweetID, "user_id": ev.UserID}
	default: // Tweet compliance and labels: about a Tweet
		if !isID(ev.TweetID) {
			return streamEvent{}, fmt.Errorf("%s needs a numeric TweetID, got %q", ev.Kind, ev.TweetID)
		}
		key = ev.TweetID
		author := ev.UserID
		if t := s.w.tweet(ev.TweetID); author == "" && t != nil {
			author = t.AuthorID
		}
		tweet := map[string]any{"id": ev.TweetID}
		if ev.Kind != "tweet_edit" {
			if !isID(author) {
				return streamEvent{}, fmt.Errorf("%s of Tweet %s needs its author: give UserID", ev.Kind, ev.TweetID)
			}
			tweet["author_id"] = author
		}
		body["tweet"] = tweet
		if ev.QuoteTweetID != "" && ev.Stream == TweetComplianceStream && ev.Kind != "tweet_edit" {
			body["quote_tweet_id"] = ev.QuoteTweetID
		}
		switch ev.Kind {
		case "withheld":
			body["withheld_in_countries"] = countries
		case "tweet_edit":
			chain := ev.EditTweetIDs
			if len(chain) == 0 {
				chain = []string{ev.TweetID}
			}
			body["initial_tweet_id"], body["edit_tweet_ids"] = chain[0], chain
		case "public_tweet_notice", "public_tweet_unviewable":
			app := ev.Application
			if app == "" {
				app = "apply"
			}
			body["application"] = app
			if ev.Kind == "public_tweet_notice" {
				label := ev.Label
				if label == "" {
					label = "misleading"
				}
				body["event_type"] = label
				if ev.Details != "" {
					body["details"] = ev.Details
				}
			}
		}
	}
	se := streamEvent{family: k.family, line: map[string]any{"data": map[string]any{ev.Kind: body}}}
	se.key, _ = strconv.ParseUint(key, 10, 64)
	return se, nil
}

// isID reports whether s is a numeric id of X.
func isID(s string) bool {
	if s == "" || len(s) > 19 {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// tweetDeleted sends the delete event of a Tweet deleted through the API to the Tweet
// compliance streams; call with s.mu held (the push takes only the hub's lock).
func (s *Server) tweetDeleted(t *Tweet) {
	ev, err := s.complianceEvent(ComplianceEvent{Stream: TweetComplianceStream, Kind: "delete", TweetID: t.ID, UserID: t.AuthorID})
	if err == nil {
		s.push([]streamEvent{ev})
	}
}
