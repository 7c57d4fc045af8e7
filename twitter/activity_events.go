package twitter

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/jsonx"
)

// ActivityOAuthRevoke is the type of the event X sends when a user takes back the app's
// access. It needs no subscription, so the document's list of types to subscribe to
// leaves it out.
const ActivityOAuthRevoke gen.ActivityEventType = "oauth.revoke"

// ActivityEvent is one X Activity event, from the activity stream or a webhook. The
// embedded gen.ActivityEvent holds what every event has: EventUUID, EventType (X's dot
// names, such as profile.update.bio), the Filter and Tag of the subscription that
// matched, Includes, and Payload, the payload as X sent it.
//
// For the types this client knows, the payload is also decoded into the one member
// below that fits: Tweet, TweetDeleted, Profile, Users, Like, Live, News or Revoke. The
// others (chat and dm events, broadcast.chat, and types X adds later) come with none of
// them set: read Payload. An unknown type is never an error.
type ActivityEvent struct {
	gen.ActivityEvent

	// Tweet is the Tweet of post.create, post.mention.create, post.reply.create,
	// post.quote.create and post.repost.create.
	Tweet *gen.Tweet
	// TweetDeleted is which Tweet of which author post.delete is about.
	TweetDeleted *gen.ActivityTweetDeleted
	// Profile is the value before and after a profile.update event.
	Profile *gen.ActivityProfileChange
	// Users are who acted (Source) and on whom (Target), for follow.follow,
	// follow.unfollow, mute.mute, mute.unmute, block.block and block.unblock.
	Users *ActivityUsers
	// Like is the like of like.create.
	Like *ActivityLike
	// Live is the Space or broadcast of spaces.start, spaces.end, broadcast.start and
	// broadcast.end.
	Live *ActivityLive
	// News is the story of news.new.
	News *gen.News
	// Revoke is the revocation of oauth.revoke.
	Revoke *gen.ActivityRevoke
	// DirectMessages are the messages of dm.sent and dm.received (direct messages that
	// are not end-to-end encrypted), in the order X sent them, with their users resolved.
	DirectMessages []ActivityDirectMessage
	// Chat is the encrypted event of chat.received, chat.sent and
	// chat.conversation.join, for X's chat SDK to read.
	Chat *gen.ActivityChatMessage
}

// ActivityDirectMessage is a message of a dm.sent or dm.received event.
type ActivityDirectMessage struct {
	ID          string
	SenderID    string
	RecipientID string
	Text        string
	SentAt      time.Time // zero when X left it out
	// Sender and Recipient are the users of the payload's map, nil when X left them out.
	Sender, Recipient *gen.User
	// Event is the message as X sent it, in the v1.1 shape: its entities and attachment.
	Event gen.ActivityDirectMessageEvent
}

// ActivityUsers are the two users of a follow, mute or block event. Either is nil when X
// left it out.
type ActivityUsers struct {
	Source, Target *gen.User
}

// ActivityLike is the like of a like.create event.
type ActivityLike struct {
	ID       string // the like's own id (not a number)
	TweetID  string // the liked Tweet
	AuthorID string // its author
	// TweetCreatedAt is when the liked Tweet was posted, and LikedAt when the like was
	// made; zero when X left them out.
	TweetCreatedAt, LikedAt time.Time
}

// ActivityLive is the Space or broadcast of a spaces or broadcast event.
type ActivityLive struct {
	Host        *gen.User // the user who started it, nil when X left it out
	BroadcastID string    // the Space's or broadcast's id
	Title       string
	State       string // a broadcast's state, such as Running
	Language    string
}

// ActivityMessage is one line of the activity stream that is not a keep-alive: an
// event, or a system message carrying problems.
type ActivityMessage struct {
	// Event is the line's event; nil for a system message.
	Event *ActivityEvent
	// Problems are the problems of a system message, as for Message. Nil for an event.
	Problems []gen.Problem
}

// IsDisconnect reports whether the message announces that X is closing the connection;
// as for Message.IsDisconnect, the stream reconnects by itself.
func (m ActivityMessage) IsDisconnect() bool { return disconnectOf(m.Problems) != nil }

// ActivityStream is an open activity stream, with everything a Stream of Tweets has.
type ActivityStream = EventStream[ActivityMessage]

// ParseActivityEvent decodes an X Activity event as X POSTs it to a webhook: the body
// NewWebhookHandler hands on once the signature is checked, {"data": {...}}. Typed
// members are set as for the stream; an event of a type this client does not know is
// returned with only the raw Payload. A body that is not an event is an error.
func ParseActivityEvent(body []byte) (*ActivityEvent, error) {
	ev, problems, err := parseActivityLine(jsonx.Default(), body)
	switch {
	case err != nil:
		return nil, fmt.Errorf("twitter: ParseActivityEvent: %w", err)
	case ev == nil:
		return nil, fmt.Errorf("twitter: ParseActivityEvent: the body carries problems, not an event: %s", describeProblem(problems[0]))
	}
	return ev, nil
}

// decodeActivityLine decodes a line of the activity stream.
func decodeActivityLine(c *Client, line []byte) (ActivityMessage, []gen.Problem, error) {
	ev, problems, err := parseActivityLine(c.cfg.decoder, line)
	if err != nil {
		return ActivityMessage{}, nil, err
	}
	if ev == nil {
		return ActivityMessage{Problems: problems}, problems, nil
	}
	return ActivityMessage{Event: ev}, nil, nil
}

// parseActivityLine decodes an event, or the problems of a system message.
func parseActivityLine(dec jsonx.Decoder, line []byte) (*ActivityEvent, []gen.Problem, error) {
	var l gen.ActivityStreamLine
	if err := dec.Unmarshal(line, &l); err != nil {
		return nil, nil, err
	}
	switch {
	case l.Data != nil && l.Data.EventType != "":
		ev := &ActivityEvent{ActivityEvent: *l.Data}
		if err := ev.decodePayload(dec); err != nil {
			return nil, nil, fmt.Errorf("payload of %s: %w", ev.EventType, err)
		}
		return ev, nil, nil
	case len(l.Errors) > 0:
		return nil, l.Errors, nil
	}
	return nil, nil, errors.New("line has neither an event nor errors")
}

// activityKind is which typed member of ActivityEvent a payload decodes into.
type activityKind int

const (
	kindRaw activityKind = iota // none: the payload stays raw
	kindTweet
	kindTweetDeleted
	kindProfile
	kindUsers
	kindLike
	kindLive
	kindNews
	kindRevoke
	kindDirectMessages
	kindChat
)

// activityKinds are the event types whose payload is typed. Only these exact names: a
// newer type that merely looks like one (profile.update.something) stays raw, since its
// payload may differ.
var activityKinds = map[gen.ActivityEventType]activityKind{
	gen.ActivityEventTypePostCreate: kindTweet, gen.ActivityEventTypePostMentionCreate: kindTweet,
	gen.ActivityEventTypePostReplyCreate: kindTweet, gen.ActivityEventTypePostQuoteCreate: kindTweet,
	gen.ActivityEventTypePostRepostCreate: kindTweet,
	gen.ActivityEventTypePostDelete:       kindTweetDeleted,

	gen.ActivityEventTypeProfileUpdateBio: kindProfile, gen.ActivityEventTypeProfileUpdateProfilePicture: kindProfile,
	gen.ActivityEventTypeProfileUpdateBannerPicture: kindProfile, gen.ActivityEventTypeProfileUpdateScreenname: kindProfile,
	gen.ActivityEventTypeProfileUpdateGeo: kindProfile, gen.ActivityEventTypeProfileUpdateURL: kindProfile,
	gen.ActivityEventTypeProfileUpdateVerifiedBadge: kindProfile, gen.ActivityEventTypeProfileUpdateAffiliateBadge: kindProfile,
	gen.ActivityEventTypeProfileUpdateHandle: kindProfile,

	gen.ActivityEventTypeFollowFollow: kindUsers, gen.ActivityEventTypeFollowUnfollow: kindUsers,
	gen.ActivityEventTypeMuteMute: kindUsers, gen.ActivityEventTypeMuteUnmute: kindUsers,
	gen.ActivityEventTypeBlockBlock: kindUsers, gen.ActivityEventTypeBlockUnblock: kindUsers,

	gen.ActivityEventTypeLikeCreate: kindLike,

	gen.ActivityEventTypeSpacesStart: kindLive, gen.ActivityEventTypeSpacesEnd: kindLive,
	gen.ActivityEventTypeBroadcastStart: kindLive, gen.ActivityEventTypeBroadcastEnd: kindLive,

	gen.ActivityEventTypeNewsNew: kindNews,
	ActivityOAuthRevoke:          kindRevoke,

	gen.ActivityEventTypeDmSent: kindDirectMessages, gen.ActivityEventTypeDmReceived: kindDirectMessages,

	gen.ActivityEventTypeChatReceived: kindChat, gen.ActivityEventTypeChatSent: kindChat,
	gen.ActivityEventTypeChatConversationJoin: kindChat, gen.ActivityEventTypeChatConversationJoinLegacy: kindChat,
}

// decodePayload fills the typed member that fits the event's type, if any.
func (ev *ActivityEvent) decodePayload(dec jsonx.Decoder) error {
	p := ev.Payload
	if absent(p) {
		return nil
	}
	switch activityKinds[ev.EventType] {
	case kindTweet:
		return decodeInto(dec, p, &ev.Tweet)
	case kindTweetDeleted:
		return decodeInto(dec, p, &ev.TweetDeleted)
	case kindProfile:
		return decodeInto(dec, p, &ev.Profile)
	case kindUsers:
		var pair gen.ActivityUserPair
		if err := dec.Unmarshal(p, &pair); err != nil {
			return err
		}
		u := new(ActivityUsers)
		var err error
		if u.Source, err = activityUser(dec, pair.Source); err != nil {
			return fmt.Errorf("source: %w", err)
		}
		if u.Target, err = activityUser(dec, pair.Target); err != nil {
			return fmt.Errorf("target: %w", err)
		}
		ev.Users = u
	case kindLike:
		var l gen.ActivityLike
		if err := dec.Unmarshal(p, &l); err != nil {
			return err
		}
		like := &ActivityLike{ID: l.ID, TweetID: l.LikedTweetID, AuthorID: l.LikedTweetAuthorID, TweetCreatedAt: l.CreatedAt}
		if like.AuthorID == "" {
			like.AuthorID = l.TweetAuthorID
		}
		ms, err := millis(l.TimestampMs)
		if err != nil {
			return fmt.Errorf("timestamp_ms: %w", err)
		}
		like.LikedAt = ms
		ev.Like = like
	case kindLive:
		var l gen.ActivityLive
		if err := dec.Unmarshal(p, &l); err != nil {
			return err
		}
		host, err := activityUser(dec, l.User)
		if err != nil {
			return fmt.Errorf("user: %w", err)
		}
		ev.Live = &ActivityLive{Host: host, BroadcastID: l.BroadcastID, Title: l.Title, State: l.BroadcastState, Language: l.Language}
	case kindNews:
		return decodeInto(dec, p, &ev.News)
	case kindRevoke:
		return decodeInto(dec, p, &ev.Revoke)
	case kindDirectMessages:
		var dms gen.ActivityDirectMessages
		if err := dec.Unmarshal(p, &dms); err != nil {
			return err
		}
		msgs, err := directMessages(dec, dms)
		if err != nil {
			return err
		}
		ev.DirectMessages = msgs
	case kindChat:
		return decodeInto(dec, p, &ev.Chat)
	}
	return nil
}

// directMessages reads the messages of a dm.sent or dm.received payload, each user of its
// map decoded once.
func directMessages(dec jsonx.Decoder, dms gen.ActivityDirectMessages) ([]ActivityDirectMessage, error) {
	users := make(map[string]*gen.User, len(dms.Users))
	user := func(id string) (*gen.User, error) {
		if u, ok := users[id]; ok || id == "" {
			return u, nil
		}
		u, err := activityUser(dec, dms.Users[id])
		if err != nil {
			return nil, fmt.Errorf("users[%q]: %w", id, err)
		}
		users[id] = u
		return u, nil
	}
	out := make([]ActivityDirectMessage, 0, len(dms.DirectMessageEvents))
	for i, e := range dms.DirectMessageEvents {
		mc := e.MessageCreate
		m := ActivityDirectMessage{ID: e.ID, SenderID: mc.SenderID, RecipientID: mc.Target.RecipientID, Text: mc.MessageData.Text, Event: e}
		var err error
		if e.CreatedTimestamp != "" {
			if m.SentAt, err = millis(e.CreatedTimestamp); err != nil {
				return nil, fmt.Errorf("direct_message_events[%d].created_timestamp: %w", i, err)
			}
		}
		if m.Sender, err = user(m.SenderID); err != nil {
			return nil, err
		}
		if m.Recipient, err = user(m.RecipientID); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// decodeInto decodes p into a new T and sets *dst to it; *dst stays nil on error.
func decodeInto[T any](dec jsonx.Decoder, p []byte, dst **T) error {
	v := new(T)
	if err := dec.Unmarshal(p, v); err != nil {
		return err
	}
	*dst = v
	return nil
}

// absent reports whether a raw JSON member is missing or null.
func absent(raw []byte) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || bytes.Equal(raw, []byte("null"))
}

// activityUser decodes a user of an activity payload, which X sends either as the user
// itself or wrapped in {"data": ...}; nil when absent.
func activityUser(dec jsonx.Decoder, raw gen.ActivityUserRef) (*gen.User, error) {
	if absent(raw) {
		return nil, nil
	}
	var wrapped struct {
		Data *gen.User `json:"data"`
	}
	if err := dec.Unmarshal(raw, &wrapped); err != nil {
		return nil, err
	}
	if wrapped.Data != nil {
		return wrapped.Data, nil
	}
	u := new(gen.User)
	if err := dec.Unmarshal(raw, u); err != nil {
		return nil, err
	}
	return u, nil
}

// millis reads a time in milliseconds since 1970 that X sends as a number or a decimal
// string; zero when absent.
func millis(v any) (time.Time, error) {
	var n int64
	switch x := v.(type) {
	case nil:
		return time.Time{}, nil
	case float64:
		n = int64(x)
	case string:
		var err error
		if n, err = strconv.ParseInt(x, 10, 64); err != nil {
			return time.Time{}, fmt.Errorf("%q is not a number of milliseconds", x)
		}
	default:
		return time.Time{}, fmt.Errorf("unexpected %T", v)
	}
	return time.UnixMilli(n).UTC(), nil
}
