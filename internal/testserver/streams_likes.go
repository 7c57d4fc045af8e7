package testserver

import (
	"fmt"
	"hash/fnv"
	"time"
)

// Like is a like as the likes streams carry it (see EmitLike).
type Like struct {
	ID        string // the like's own id: 32 hex digits
	TweetID   string // the liked Tweet
	AuthorID  string // its author
	UserID    string // who liked it (the streams do not tell)
	CreatedAt time.Time
	key       uint64
}

// Partition returns the partition (1 to n) of a likes stream of n partitions that
// carries the like.
func (l Like) Partition(n int) int { return StreamPartition(l.key, n) }

// newLike makes the like of a Tweet by a user; call with s.mu held.
func (s *Server) newLike(userID string, t *Tweet) *Like {
	h := fnv.New64a()
	_, _ = fmt.Fprintf(h, "%s/%s", userID, t.ID)
	key := h.Sum64()
	return &Like{ID: fmt.Sprintf("%016x%016x", key, t.num), TweetID: t.ID, AuthorID: t.AuthorID, UserID: userID,
		CreatedAt: s.clock.Now().UTC().Truncate(time.Millisecond), key: key}
}

// EmitLike pushes a like of a Tweet by a user to the connected likes streams (the
// partition of each is Like.Partition), as liking it through the API does, without
// recording it in the world. It returns an error for an unknown user or Tweet.
func (s *Server) EmitLike(userID, tweetID string) (Like, error) {
	s.mu.RLock()
	t, u := s.w.tweet(tweetID), s.w.user(userID)
	if t == nil || u == nil {
		s.mu.RUnlock()
		return Like{}, fmt.Errorf("testserver: EmitLike: no user %q or no Tweet %q", userID, tweetID)
	}
	l := s.newLike(userID, t)
	s.mu.RUnlock()
	s.push([]streamEvent{{family: familyLikes, like: l, key: l.key}})
	return *l, nil
}

// liked sends a like made through the API to the likes streams, which carry public
// likes only: none of a protected account's Tweet. Call with s.mu held.
func (s *Server) liked(userID string, t *Tweet) {
	if a := s.w.user(t.AuthorID); a == nil || a.Protected {
		return
	}
	l := s.newLike(userID, t)
	s.push([]streamEvent{{family: familyLikes, like: l, key: l.key}})
}

// unliked sends the likes compliance event of a like taken back through the API; call
// with s.mu held.
func (s *Server) unliked(userID, tweetID string) {
	ev, err := s.complianceEvent(ComplianceEvent{Stream: LikeComplianceStream, Kind: "delete", TweetID: tweetID, UserID: userID})
	if err == nil {
		s.push([]streamEvent{ev})
	}
}

// wLike is a like on the wire.
type wLike struct {
	CreatedAt     string `json:"created_at,omitempty"`
	ID            string `json:"id,omitempty"`
	LikedTweetID  string `json:"liked_tweet_id,omitempty"`
	TimestampMs   int64  `json:"timestamp_ms,omitempty"`
	TweetAuthorID string `json:"tweet_author_id,omitempty"`
}

// likeLine renders a like with the fields and expansions a connection asked for: id and
// liked_tweet_id by default; an expansion also brings the field it expands, and
// attachments.media_keys the liked Tweet's media (the field attachments_media_keys, which X
// lists without a member of the like for it, adds nothing).
func (s *Server) likeLine(c *call, sh *shape, l *Like) envelope {
	fields := listParam(c.q, "like_with_tweet_author.fields")
	w := wLike{ID: l.ID, LikedTweetID: l.TweetID}
	if fields["created_at"] {
		w.CreatedAt = l.CreatedAt.Format("2006-01-02T15:04:05.000Z")
	}
	if fields["timestamp_ms"] {
		w.TimestampMs = l.CreatedAt.UnixMilli()
	}
	if fields["liked_tweet_author_id"] || sh.exp["liked_tweet_author_id"] {
		w.TweetAuthorID = l.AuthorID
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newRenderer(s.w, sh, "")
	if sh.exp["liked_tweet_id"] {
		r.includeTweet(l.TweetID)
	}
	if sh.exp["liked_tweet_author_id"] {
		r.includeUser(l.AuthorID)
	}
	if sh.exp["attachments.media_keys"] {
		if t := s.w.tweet(l.TweetID); t != nil {
			r.includeMedia(t.MediaKeys)
		}
	}
	return envelope{Data: w, Includes: r.includes(), Errors: r.errs}
}
