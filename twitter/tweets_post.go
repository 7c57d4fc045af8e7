package twitter

import (
	"context"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// NewTweet is a Tweet to post with Tweets.Create. Only the fields set are sent. A Tweet
// needs Text unless it carries media; a poll goes with neither media, a quote nor a card.
type NewTweet struct {
	// Text is the Tweet's text: 280 characters for most accounts, X counts them.
	Text string

	// ReplyTo is the id of the Tweet this one answers.
	ReplyTo string
	// ExcludeReplyUserIDs leaves these users out of a reply's mentions.
	ExcludeReplyUserIDs []string
	// AutoPopulateReplyMetadata lets X mention the users of the conversation in a reply.
	AutoPopulateReplyMetadata bool

	// QuoteTweetID is the id of the Tweet this one quotes.
	QuoteTweetID string

	// MediaIDs attaches 1 to 4 uploads (see MediaService.Upload), used in the order given.
	MediaIDs []string
	// TaggedUserIDs tags up to 10 users in the attached media.
	TaggedUserIDs []string

	// Poll adds a poll.
	Poll *Poll

	// ReplySettings limits who may reply: following, mentionedUsers, subscribers or
	// verified; empty means everyone.
	ReplySettings gen.TweetCreateRequestReplySettings

	// PlaceID tags a place (geo.place_id).
	PlaceID string
	// CommunityID posts to a Community; ShareWithFollowers also shows it to followers.
	CommunityID        string
	ShareWithFollowers bool
	// ForSuperFollowersOnly makes the Tweet exclusive to super followers.
	ForSuperFollowersOnly bool
	// Nullcast posts a promoted-only Tweet, kept out of the public timeline.
	Nullcast bool
	// CardURI attaches a card; it goes with neither media, a poll, a quote nor a
	// DirectMessageDeepLink.
	CardURI string
	// DirectMessageDeepLink links the Tweet to a direct-message conversation.
	DirectMessageDeepLink string
	// EditOf is the id of an earlier Tweet of the user that this one edits.
	EditOf string
	// PaidPartnership discloses the Tweet as paid promotion; X labels it so, and
	// tweet.fields paid_partnership reads it back.
	PaidPartnership bool
}

// Poll is the poll of a NewTweet.
type Poll struct {
	// Options are 2 to 4 choices of 1 to 25 characters.
	Options []string
	// Duration is how long the poll is open, in whole minutes: 5 minutes to 7 days.
	Duration time.Duration
}

// Create posts a Tweet as the authenticated user and returns its id and text. A refusal
// (duplicate text, a reply the conversation does not allow, media that is not ready) is an
// *Error. As a mutation it is not retried unless WithRetryMutations is set. Needs a user
// context (scope tweet.write).
func (s *TweetsService) Create(ctx context.Context, t NewTweet) (*gen.TweetCreateResponse, *Response, error) {
	body, err := t.request("Tweets.Create")
	if err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opCreateTweet, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateTweet(ctx, body)
	})
}

// Delete deletes one of the authenticated user's Tweets; Data.Deleted reports it. Needs a
// user context whose user wrote the Tweet (scope tweet.write).
func (s *TweetsService) Delete(ctx context.Context, id string) (*gen.TweetDeleteResponse, *Response, error) {
	if err := checkID("Tweets.Delete", "tweet id", patternTweetID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteTweet, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteTweet(ctx, id)
	})
}

// The shortest and longest poll, from the document's bounds of duration_minutes.
const (
	minPollDuration = minimumTweetCreateRequestPollDurationMinutes * time.Minute
	maxPollDuration = maximumTweetCreateRequestPollDurationMinutes * time.Minute
)

// request validates t and builds the request body.
func (t NewTweet) request(method string) (gen.TweetCreateRequest, error) {
	var r gen.TweetCreateRequest
	if t.Text == "" && len(t.MediaIDs) == 0 {
		return r, invalid(method, "a Tweet needs Text unless it carries media")
	}
	if !utf8.ValidString(t.Text) {
		return r, invalid(method, "Text is not valid UTF-8")
	}
	if t.Poll != nil && (len(t.MediaIDs) > 0 || t.QuoteTweetID != "" || t.CardURI != "") {
		return r, invalid(method, "a poll cannot go with media, a quote or a card")
	}
	if t.CardURI != "" && (len(t.MediaIDs) > 0 || t.QuoteTweetID != "" || t.DirectMessageDeepLink != "") {
		return r, invalid(method, "a card cannot go with media, a quote or a direct-message deep link")
	}
	r.Text = t.Text

	if t.ReplyTo != "" {
		if err := checkID(method, "ReplyTo tweet id", patternTweetID, t.ReplyTo); err != nil {
			return r, err
		}
		if err := checkEach(method, "ExcludeReplyUserIDs user id", patternUserID, t.ExcludeReplyUserIDs); err != nil {
			return r, err
		}
		r.Reply = gen.TweetCreateRequestReply{
			InReplyToTweetID:          t.ReplyTo,
			ExcludeReplyUserIds:       t.ExcludeReplyUserIDs,
			AutoPopulateReplyMetadata: t.AutoPopulateReplyMetadata,
		}
	} else if len(t.ExcludeReplyUserIDs) > 0 || t.AutoPopulateReplyMetadata {
		return r, invalid(method, "ExcludeReplyUserIDs and AutoPopulateReplyMetadata need ReplyTo")
	}

	if t.QuoteTweetID != "" {
		if err := checkID(method, "QuoteTweetID", patternTweetID, t.QuoteTweetID); err != nil {
			return r, err
		}
		r.QuoteTweetID = t.QuoteTweetID
	}

	if len(t.MediaIDs) > 0 {
		if len(t.MediaIDs) > maxItemsTweetCreateRequestMediaMediaIds {
			return r, invalid(method, "%d media ids; a Tweet takes at most %d", len(t.MediaIDs), maxItemsTweetCreateRequestMediaMediaIds)
		}
		if err := checkEach(method, "media id", patternMediaID, t.MediaIDs); err != nil {
			return r, err
		}
		if len(t.TaggedUserIDs) > maxItemsTweetCreateRequestMediaTaggedUserIds {
			return r, invalid(method, "%d tagged users; media takes at most %d", len(t.TaggedUserIDs), maxItemsTweetCreateRequestMediaTaggedUserIds)
		}
		if err := checkEach(method, "tagged user id", patternUserID, t.TaggedUserIDs); err != nil {
			return r, err
		}
		r.Media = gen.TweetCreateRequestMedia{MediaIds: t.MediaIDs, TaggedUserIds: t.TaggedUserIDs}
	} else if len(t.TaggedUserIDs) > 0 {
		return r, invalid(method, "TaggedUserIDs need MediaIDs")
	}

	if t.Poll != nil {
		p, err := t.Poll.request(method)
		if err != nil {
			return r, err
		}
		r.Poll = p
	}

	if err := checkEnum(method, "ReplySettings", t.ReplySettings); err != nil {
		return r, err
	}
	r.ReplySettings = t.ReplySettings

	if t.PlaceID != "" {
		r.Geo = gen.TweetCreateRequestGeo{PlaceID: t.PlaceID}
	}
	if t.CommunityID != "" {
		if err := checkID(method, "CommunityID", patternCommunityId, t.CommunityID); err != nil {
			return r, err
		}
		r.CommunityID = t.CommunityID
	}
	if t.ShareWithFollowers {
		if t.CommunityID == "" {
			return r, invalid(method, "ShareWithFollowers needs CommunityID")
		}
		r.ShareWithFollowers = true
	}
	if t.EditOf != "" {
		if err := checkID(method, "EditOf tweet id", patternTweetID, t.EditOf); err != nil {
			return r, err
		}
		r.EditOptions = gen.TweetCreateRequestEditOptions{PreviousPostID: t.EditOf}
	}
	r.ForSuperFollowersOnly = t.ForSuperFollowersOnly
	r.Nullcast = t.Nullcast
	r.PaidPartnership = t.PaidPartnership
	r.CardURI = t.CardURI
	r.DirectMessageDeepLink = t.DirectMessageDeepLink
	return r, nil
}

func (p *Poll) request(method string) (gen.TweetCreateRequestPoll, error) {
	if n := len(p.Options); n < minItemsTweetCreateRequestPollOptions || n > maxItemsTweetCreateRequestPollOptions {
		return gen.TweetCreateRequestPoll{}, invalid(method, "a poll has %d options; it takes %d to %d", n, minItemsTweetCreateRequestPollOptions, maxItemsTweetCreateRequestPollOptions)
	}
	for i, o := range p.Options {
		if n := utf8.RuneCountInString(o); n < minLengthTweetCreateRequestPollOptionsItems || n > maxLengthTweetCreateRequestPollOptionsItems {
			return gen.TweetCreateRequestPoll{}, invalid(method, "poll option %d is %d characters; it takes %d to %d", i, n, minLengthTweetCreateRequestPollOptionsItems, maxLengthTweetCreateRequestPollOptionsItems)
		}
	}
	if p.Duration < minPollDuration || p.Duration > maxPollDuration || p.Duration%time.Minute != 0 {
		return gen.TweetCreateRequestPoll{}, invalid(method, "poll Duration %s is not a whole number of minutes from %s to %s", p.Duration, minPollDuration, maxPollDuration)
	}
	return gen.TweetCreateRequestPoll{Options: p.Options, DurationMinutes: int32(p.Duration / time.Minute)}, nil
}
