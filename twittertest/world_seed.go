package twittertest

import (
	"context"
	"slices"

	"github.com/twitterkit/go/internal/testserver"
)

// The World's Add methods, SetPinnedTweet and HideReply seed it. Each checks what it is
// given as the API would: the users and Tweets it names must exist and ids must be well
// formed; an error, prefixed "twittertest: " and naming the method, tells what is wrong,
// and the world is left unchanged.

// AddUser adds an account. Username is required and must be free (any case); zero
// fields are filled in: ID (a new id), Name (the username), CreatedAt (the server
// clock), VerifiedType ("none") and ProfileImageURL. Lookups, user search and mentions
// find it at once. It returns the user as stored, or an error for a taken or malformed
// id or username (a handle has 1 to 15 letters, digits or _) or a PinnedTweetID that is
// not a Tweet of the user: a new user has no Tweets yet, so pin one with SetPinnedTweet
// once AddTweet has given them some.
func (w *World) AddUser(u User) (User, error) {
	got, err := w.s.AddUser(u.internal())
	if err != nil {
		return User{}, publicErr(err)
	}
	return userOf(got), nil
}

// SetPinnedTweet pins tweetID on userID's profile (user.fields pinned_tweet_id, and the
// pinned_tweet_id expansion), replacing the Tweet pinned before, or unpins it when
// tweetID is "". As on X, a user pins a Tweet of their own that is no Retweet.
func (w *World) SetPinnedTweet(userID, tweetID string) error {
	return publicErr(w.s.SetPinnedTweet(userID, tweetID))
}

// AddTweet adds a Tweet without pushing it to any stream (Server.EmitTweet does that).
// Zero fields are filled in: ID (a new id above all others), AuthorID (AliceID),
// CreatedAt (the server clock), Text, ConversationID (its own ID), Lang ("en"), Source
// and ReplySettings ("everyone"). Its author, the Tweets it references and what it
// carries must exist: media (MediaKeys; AddMedia adds media), a poll on no other Tweet
// and not beside media (PollID; AddPoll adds one) and a place (PlaceID). It references
// at most one Tweet of each kind (retweeted, quoted, replied_to); a reply joins its
// parent's conversation and answers the parent's author unless told otherwise, and a
// Retweet counts as its author's retweet, as AddRetweet's does. It returns the Tweet as
// stored.
func (w *World) AddTweet(t Tweet) (Tweet, error) {
	got, err := w.s.AddTweet(t.internal())
	if err != nil {
		return Tweet{}, publicErr(err)
	}
	return tweetOf(got), nil
}

// AddMedia adds a photo, video or animated GIF, as a finished upload makes one, for a
// Tweet to carry by its Key (Tweet.MediaKeys): GET /2/media/{media_key} and a Tweet's
// attachments.media_keys expansion then show it. Zero fields are filled in: Type
// (photo), Key (a new id with its type's prefix: 3_ photo, 7_ video, 16_ animated_gif),
// URL (a photo's), PreviewImageURL (a video's or GIF's), and Width and Height. A photo
// has no DurationMS or ViewCount; AltText has at most 1,000 characters. It returns the
// media as stored. Nobody uploaded it, so no user can post it through the API: for media
// the code under test posts (Tweets.Create's media ids), seed an upload (AddUpload).
func (w *World) AddMedia(m Media) (Media, error) {
	got, err := w.s.AddMedia(m.internal())
	if err != nil {
		return Media{}, publicErr(err)
	}
	return mediaOf(got), nil
}

// AddPoll adds a poll for a Tweet to carry by its ID (Tweet.PollID). It has 2 to 4
// options, each labelled with 1 to 25 characters, and lasts 5 to 10,080 minutes. Zero
// fields are filled in: ID (a new id), DurationMinutes (1440), EndDatetime
// (DurationMinutes from the server clock), VotingStatus (open, or closed once
// EndDatetime has passed) and the options' Positions (1, 2, ...). It returns the poll as
// stored.
func (w *World) AddPoll(p Poll) (Poll, error) {
	got, err := w.s.AddPoll(p.internal())
	if err != nil {
		return Poll{}, publicErr(err)
	}
	return pollOf(got), nil
}

// AddFollow makes userID follow targetID, a protected account too (as if approved), but
// not one who blocks userID. Following again changes nothing.
func (w *World) AddFollow(userID, targetID string) error {
	return publicErr(w.s.AddFollow(userID, targetID))
}

// AddFollowRequest makes userID ask to follow targetID, a protected account, as
// following one with POST /2/users/{id}/following does: the request waits for the
// target's approval (AddFollow approves it; the API has no operation for it), so
// PendingFollowIDs lists it and connection_status (user.fields) shows
// follow_request_sent to userID and follow_request_received to targetID. A public
// account takes no request (AddFollow follows it); a user blocked by targetID, or
// following them already, cannot ask. Asking again changes nothing.
func (w *World) AddFollowRequest(userID, targetID string) error {
	return publicErr(w.s.AddFollowRequest(userID, targetID))
}

// AddLike makes userID like a Tweet they can see, as the newest like. Liking again
// changes nothing.
func (w *World) AddLike(userID, tweetID string) error {
	return publicErr(w.s.AddLike(userID, tweetID))
}

// HideReply hides a reply as the author of its conversation does with PUT
// /2/tweets/{tweet_id}/hidden (Tweets.HideReply): tweetID must reply (replied_to) in a
// conversation whose first Tweet the world has. IsHidden then tells it; the API has no
// operation that lists hidden replies, and the author's Tweets.HideReply with hidden
// false shows it again. Hiding again changes nothing.
func (w *World) HideReply(tweetID string) error {
	return publicErr(w.s.HideReply(tweetID))
}

// AddBookmark makes userID bookmark a Tweet they can see, as the newest bookmark.
// Bookmarking again changes nothing.
func (w *World) AddBookmark(userID, tweetID string) error {
	return publicErr(w.s.AddBookmark(userID, tweetID))
}

// AddBookmarkFolder adds a bookmark folder of userID, as the newest of their folders,
// with the Tweets of TweetIDs (newest filed first) filed in it: each bookmarked by the
// user (AddBookmark), once. Name has 1 to 25 characters; the ID is the server's. It
// returns the folder as stored.
func (w *World) AddBookmarkFolder(userID string, f BookmarkFolder) (BookmarkFolder, error) {
	got, err := w.s.AddBookmarkFolder(userID, testserver.BookmarkFolder{ID: f.ID, Name: f.Name, TweetIDs: slices.Clone(f.TweetIDs)})
	if err != nil {
		return BookmarkFolder{}, publicErr(err)
	}
	return BookmarkFolder(got), nil
}

// AddRetweet makes userID retweet a Tweet they can see, as POST /2/users/{id}/retweets
// does, and returns the Retweet: a Tweet of userID dated now on the server clock, which
// timelines, RetweeterIDs and the Tweet's retweet count then show. Retweeting again
// returns the Retweet there is. A protected account's Tweet (but the user's own) cannot
// be retweeted, nor a Retweet: retweet its source.
func (w *World) AddRetweet(userID, tweetID string) (Tweet, error) {
	got, err := w.s.AddRetweet(userID, tweetID)
	if err != nil {
		return Tweet{}, publicErr(err)
	}
	return tweetOf(got), nil
}

// AddBlock makes userID block targetID, as the newest block, ending the follows between
// them both ways as POST /2/users/{id}/blocking does. Blocking again changes nothing.
func (w *World) AddBlock(userID, targetID string) error {
	return publicErr(w.s.AddBlock(userID, targetID))
}

// AddMute makes userID mute targetID, as the newest mute: their Tweets leave userID's
// home timeline. Muting again changes nothing.
func (w *World) AddMute(userID, targetID string) error {
	return publicErr(w.s.AddMute(userID, targetID))
}

// AddSpace adds a Space. Zero fields are filled in: ID (a new id), State (live),
// CreatorID (AliceID), HostIDs (the creator), Lang ("en"), CreatedAt (the server clock),
// StartedAt (CreatedAt, for a live or ended Space), ScheduledStart (an hour after
// CreatedAt, for a scheduled one), EndedAt (the server clock, for an ended one) and
// UpdatedAt (the latest of those). The users and Tweets it names must exist, each once;
// TopicIDs must be topics of the world ("1349108813424230400" is Go,
// "848920371311001600" Technology); only a ticketed Space has BuyerIDs. It returns the
// Space as stored: Spaces.ByID, ByCreators and Search find it at once.
func (w *World) AddSpace(sp Space) (Space, error) {
	got, err := w.s.AddSpace(sp.internal())
	if err != nil {
		return Space{}, publicErr(err)
	}
	return spaceOf(got), nil
}

// AddList adds a List. Name is required, 1 to 25 characters (Description at most 100);
// zero fields are filled in: ID (a new id), OwnerID (AliceID) and CreatedAt (the server
// clock). MemberIDs and FollowerIDs, newest first, must be users, each once; nobody but
// its owner follows a private List. It returns the List as stored.
func (w *World) AddList(l List) (List, error) {
	got, err := w.s.AddList(l.internal())
	if err != nil {
		return List{}, publicErr(err)
	}
	return listOf(got), nil
}

// AddListMember makes userID the newest member of a List, a seeded one too. Adding a
// member again changes nothing.
func (w *World) AddListMember(listID, userID string) error {
	return publicErr(w.s.AddListMember(listID, userID))
}

// AddListFollower makes userID the newest follower of a List: a public one, or a private
// one of their own. Following again changes nothing.
func (w *World) AddListFollower(listID, userID string) error {
	return publicErr(w.s.AddListFollower(listID, userID))
}

// AddPinnedList makes userID pin a List they own or follow, as the newest pin, up to X's
// five. Pinning again changes nothing.
func (w *World) AddPinnedList(userID, listID string) error {
	return publicErr(w.s.AddPinnedList(userID, listID))
}

// AddDirectMessage adds a message to a direct-message conversation, as sending one does,
// and returns the event as stored: GET /2/dm_events and the conversation's events then
// list it first. ConversationID is a group's id (AddDMGroup) or the one-to-one id of the
// sender and another user, their two ids joined by "-", the smaller first (a new one is
// started). SenderID (AliceID when zero) must take part; Text is required unless the
// message carries one of MediaKeys. A user who blocks the sender, or refuses their
// direct messages, does not get it. ID, CreatedAt (the server clock), ParticipantIDs and
// ReferencedTweetIDs (the Tweets Text links) are the server's to set; EventType, when
// set, is MessageCreate.
func (w *World) AddDirectMessage(m DMEvent) (DMEvent, error) {
	got, err := w.s.AddDirectMessage(m.internal())
	if err != nil {
		return DMEvent{}, publicErr(err)
	}
	return dmEventOf(got), nil
}

// AddDMGroup starts a group conversation of creatorID with the others (one or more users,
// none blocking the creator), as POST /2/dm_conversations does but without a first
// message (AddDirectMessage adds messages). It returns the conversation.
func (w *World) AddDMGroup(creatorID string, others ...string) (DMConversation, error) {
	c, err := w.s.AddDMGroup(creatorID, others)
	if err != nil {
		return DMConversation{}, publicErr(err)
	}
	return DMConversation{ID: c.ID, Group: c.Group, ParticipantIDs: c.ParticipantIDs}, nil
}

// AddWebhook registers a webhook of the app at url, as POST /2/webhooks does: url must
// be https, or http on a loopback host (an httptest.Server), and the server sends it a
// CRC check (a GET with crc_token) whose answer makes the webhook Valid or not.
func (w *World) AddWebhook(ctx context.Context, url string) (Webhook, error) {
	h, err := w.s.AddWebhook(ctx, url)
	if err != nil {
		return Webhook{}, publicErr(err)
	}
	return webhookOf(h), nil
}

// AddAccountActivitySubscription sends userID's Account Activity to the webhook
// webhookID (see Server.DeliverActivity): both must be of the world, and their ids of
// the API's form (numbers of up to 19 digits). Subscribing again changes nothing.
func (w *World) AddAccountActivitySubscription(webhookID, userID string) error {
	return publicErr(w.s.AddAccountActivitySubscription(webhookID, userID))
}
