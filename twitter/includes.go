package twitter

import (
	"strings"
	"sync"

	"github.com/twitterkit/go/gen"
)

// Includes resolves the ids in a response's data to the objects the API expanded into its
// "includes": a Tweet's author, the Tweets it quotes or replies to, its media, poll and
// place; a user's pinned Tweet; a Space's creator, hosts and speakers.
//
// X sends each expanded object once per response, referred to by id from data, so the
// lookup maps are built once, on first use, and shared by every lookup. An object the
// response did not include (the field was not expanded, the object was deleted or is
// withheld, or the id is empty) is reported as absent: ok is false, or the id is listed as
// missing. The methods never panic, also on a nil *Includes or a nil argument, and are safe
// for concurrent use.
//
// The objects returned point into the response: treat them as read-only.
type Includes struct {
	exp  *gen.Expansions
	once sync.Once

	users     map[string]*gen.User
	usernames map[string]*gen.User // by lower-cased username: X compares them so
	tweets    map[string]*gen.Tweet
	media     map[string]*gen.Media
	places    map[string]*gen.Place
	polls     map[string]*gen.Poll
	topics    map[string]*gen.Topic
}

// NewIncludes returns the resolver for a response's "includes"; exp may be nil (nothing was
// expanded). It does no work until the first lookup.
func NewIncludes(exp *gen.Expansions) *Includes { return &Includes{exp: exp} }

// Expansions returns the "includes" object the resolver reads, or nil.
func (in *Includes) Expansions() *gen.Expansions {
	if in == nil {
		return nil
	}
	return in.exp
}

// index builds the maps on first use. When X repeats an object (it should not), the first
// copy wins.
func (in *Includes) index() bool {
	if in == nil {
		return false
	}
	in.once.Do(func() {
		if in.exp == nil {
			return
		}
		in.users = indexBy(in.exp.Users, func(u *gen.User) string { return u.ID })
		in.usernames = indexBy(in.exp.Users, func(u *gen.User) string { return strings.ToLower(u.Username) })
		in.tweets = indexBy(in.exp.Tweets, func(t *gen.Tweet) string { return t.ID })
		in.media = indexBy(in.exp.Media, func(m *gen.Media) string { return m.MediaKey })
		in.places = indexBy(in.exp.Places, func(p *gen.Place) string { return p.ID })
		in.polls = indexBy(in.exp.Polls, func(p *gen.Poll) string { return p.ID })
		in.topics = indexBy(in.exp.Topics, func(t *gen.Topic) string { return t.ID })
	})
	return true
}

// indexBy maps key(&list[i]) to &list[i], skipping empty keys; nil for an empty list.
func indexBy[T any](s []T, key func(*T) string) map[string]*T {
	if len(s) == 0 {
		return nil
	}
	m := make(map[string]*T, len(s))
	for i := range s {
		k := key(&s[i])
		if k == "" {
			continue
		}
		if _, dup := m[k]; !dup {
			m[k] = &s[i]
		}
	}
	return m
}

// byKey is one map read; absent for an empty id.
func byKey[T any](m map[string]*T, id string) (*T, bool) {
	if id == "" {
		return nil, false
	}
	v, ok := m[id]
	return v, ok
}

// UserByID returns the included user with this id.
func (in *Includes) UserByID(id string) (*gen.User, bool) {
	if !in.index() {
		return nil, false
	}
	return byKey(in.users, id)
}

// UserByUsername returns the included user with this handle (without the @), compared
// case-insensitively as X does.
func (in *Includes) UserByUsername(username string) (*gen.User, bool) {
	if !in.index() {
		return nil, false
	}
	return byKey(in.usernames, strings.ToLower(strings.TrimPrefix(username, "@")))
}

// TweetByID returns the included Tweet with this id.
func (in *Includes) TweetByID(id string) (*gen.Tweet, bool) {
	if !in.index() {
		return nil, false
	}
	return byKey(in.tweets, id)
}

// MediaByKey returns the included media with this media key.
func (in *Includes) MediaByKey(key string) (*gen.Media, bool) {
	if !in.index() {
		return nil, false
	}
	return byKey(in.media, key)
}

// PlaceByID returns the included place with this id.
func (in *Includes) PlaceByID(id string) (*gen.Place, bool) {
	if !in.index() {
		return nil, false
	}
	return byKey(in.places, id)
}

// PollByID returns the included poll with this id.
func (in *Includes) PollByID(id string) (*gen.Poll, bool) {
	if !in.index() {
		return nil, false
	}
	return byKey(in.polls, id)
}

// TopicByID returns the included topic with this id (Spaces expanded with topic_ids).
func (in *Includes) TopicByID(id string) (*gen.Topic, bool) {
	if !in.index() {
		return nil, false
	}
	return byKey(in.topics, id)
}

// Author returns the user who posted t (the author_id expansion).
func (in *Includes) Author(t *gen.Tweet) (*gen.User, bool) {
	if t == nil {
		return nil, false
	}
	return in.UserByID(t.AuthorID)
}

// InReplyToUser returns the user t replies to (the in_reply_to_user_id expansion).
func (in *Includes) InReplyToUser(t *gen.Tweet) (*gen.User, bool) {
	if t == nil {
		return nil, false
	}
	return in.UserByID(t.InReplyToUserID)
}

// MentionedUser is a mention in a Tweet's text with the user it names.
type MentionedUser struct {
	// Mention is the entity as X sent it: position in the text, username, and id when X
	// resolved it.
	Mention gen.MentionEntity
	// User is the included user, nil when the response did not include it.
	User *gen.User
}

// Mentions returns the users t mentions (the entities.mentions.username expansion), in the
// order of the text. A mention is matched by id when X sent one, else by username; User is
// nil for one the response did not include.
func (in *Includes) Mentions(t *gen.Tweet) []MentionedUser {
	if t == nil || len(t.Entities.Mentions) == 0 {
		return nil
	}
	ms := t.Entities.Mentions
	out := make([]MentionedUser, len(ms))
	for i, m := range ms {
		out[i].Mention = m
		u, ok := in.UserByID(m.ID)
		if !ok {
			u, _ = in.UserByUsername(m.Username)
		}
		out[i].User = u
	}
	return out
}

// ResolvedReference is a Tweet that another Tweet quotes, replies to or retweets.
type ResolvedReference struct {
	// Type is quoted, replied_to or retweeted (or a kind X adds later).
	Type gen.ReferencedTweetType
	// ID is the referenced Tweet's id.
	ID string
	// Tweet is the included Tweet, nil when the response did not include it.
	Tweet *gen.Tweet
}

// ReferencedTweets returns the Tweets t quotes, replies to or retweets (the
// referenced_tweets.id expansion), in the order X sent them; Tweet is nil for one the
// response did not include.
func (in *Includes) ReferencedTweets(t *gen.Tweet) []ResolvedReference {
	if t == nil || len(t.ReferencedTweets) == 0 {
		return nil
	}
	refs := t.ReferencedTweets
	out := make([]ResolvedReference, len(refs))
	for i, r := range refs {
		tw, _ := in.TweetByID(r.ID)
		out[i] = ResolvedReference{Type: r.Type, ID: r.ID, Tweet: tw}
	}
	return out
}

// referenced returns the first referenced Tweet of the given type.
func (in *Includes) referenced(t *gen.Tweet, kind gen.ReferencedTweetType) (*gen.Tweet, bool) {
	if t == nil {
		return nil, false
	}
	for _, r := range t.ReferencedTweets {
		if r.Type == kind {
			return in.TweetByID(r.ID)
		}
	}
	return nil, false
}

// QuotedTweet returns the Tweet t quotes.
func (in *Includes) QuotedTweet(t *gen.Tweet) (*gen.Tweet, bool) {
	return in.referenced(t, gen.ReferencedTweetTypeQuoted)
}

// RepliedToTweet returns the Tweet t replies to.
func (in *Includes) RepliedToTweet(t *gen.Tweet) (*gen.Tweet, bool) {
	return in.referenced(t, gen.ReferencedTweetTypeRepliedTo)
}

// RetweetedTweet returns the Tweet t retweets. A retweet's own text is truncated; the full
// text is the retweeted Tweet's.
func (in *Includes) RetweetedTweet(t *gen.Tweet) (*gen.Tweet, bool) {
	return in.referenced(t, gen.ReferencedTweetTypeRetweeted)
}

// Media returns the media attached to t (the attachments.media_keys expansion), in
// attachment order, and the keys the response did not include.
func (in *Includes) Media(t *gen.Tweet) (media []*gen.Media, missing []string) {
	if t == nil {
		return nil, nil
	}
	return resolveAll(t.Attachments.MediaKeys, in.MediaByKey)
}

// Poll returns the poll attached to t (the attachments.poll_ids expansion).
func (in *Includes) Poll(t *gen.Tweet) (*gen.Poll, bool) {
	if t == nil || len(t.Attachments.PollIds) == 0 {
		return nil, false
	}
	return in.PollByID(t.Attachments.PollIds[0])
}

// Place returns the place t is tagged with (the geo.place_id expansion).
func (in *Includes) Place(t *gen.Tweet) (*gen.Place, bool) {
	if t == nil || t.Geo == nil {
		return nil, false
	}
	return in.PlaceByID(t.Geo.PlaceID)
}

// PinnedTweet returns the Tweet u has pinned (the pinned_tweet_id expansion of a user).
func (in *Includes) PinnedTweet(u *gen.User) (*gen.Tweet, bool) {
	if u == nil {
		return nil, false
	}
	return in.TweetByID(u.PinnedTweetID)
}

// Affiliations returns the organizations u is affiliated with (the affiliation expansion
// of a user), and the ids the response did not include.
func (in *Includes) Affiliations(u *gen.User) (orgs []*gen.User, missing []string) {
	if u == nil || u.Affiliation == nil {
		return nil, nil
	}
	return resolveAll(u.Affiliation.UserID, in.UserByID)
}

// SpaceCreator returns the user who created s (the creator_id expansion).
func (in *Includes) SpaceCreator(s *gen.Space) (*gen.User, bool) {
	if s == nil {
		return nil, false
	}
	return in.UserByID(s.CreatorID)
}

// SpaceHosts returns the hosts of s (the host_ids expansion) and the ids the response did
// not include.
func (in *Includes) SpaceHosts(s *gen.Space) (users []*gen.User, missing []string) {
	if s == nil {
		return nil, nil
	}
	return resolveAll(s.HostIds, in.UserByID)
}

// SpaceSpeakers returns the speakers of s (the speaker_ids expansion) and the ids the
// response did not include.
func (in *Includes) SpaceSpeakers(s *gen.Space) (users []*gen.User, missing []string) {
	if s == nil {
		return nil, nil
	}
	return resolveAll(s.SpeakerIds, in.UserByID)
}

// SpaceInvited returns the users invited to speak in s (the invited_user_ids expansion)
// and the ids the response did not include.
func (in *Includes) SpaceInvited(s *gen.Space) (users []*gen.User, missing []string) {
	if s == nil {
		return nil, nil
	}
	return resolveAll(s.InvitedUserIds, in.UserByID)
}

// resolveAll looks up each id, in order, splitting them into found objects and missing ids.
func resolveAll[T any](ids []string, find func(string) (*T, bool)) (found []*T, missing []string) {
	for _, id := range ids {
		if v, ok := find(id); ok {
			found = append(found, v)
		} else {
			missing = append(missing, id)
		}
	}
	return found, missing
}
