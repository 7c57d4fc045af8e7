package twittertest

import (
	"fmt"
	"strconv"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// World is the server's data: what your program's calls read and changed. Its reading
// methods each take a consistent snapshot and return copies, to compare with what your
// program saw. Its Add methods seed the world before your code runs: they change it as
// if it had been so when the server started, with no stream event or activity event.
// Lists of ids are newest first unless a method says otherwise.
//
// A World stays valid as long as its Server; it is safe for concurrent use.
type World struct {
	w *testserver.World
	s *testserver.Server
}

// World returns the server's world (see World).
func (s *Server) World() *World { return &World{w: s.s.World(), s: s.s} }

// oneOf converts the (value, found) answers of an internal lookup with conv.
func oneOf[In, Out any](conv func(In) Out) func(In, bool) (Out, bool) {
	return func(v In, ok bool) (Out, bool) {
		if !ok {
			var zero Out
			return zero, false
		}
		return conv(v), true
	}
}

// manyOf converts a list of an internal lookup.
func manyOf[In, Out any](conv func(In) Out, in []In) []Out {
	var out []Out
	for _, v := range in {
		out = append(out, conv(v))
	}
	return out
}

// Users

// User returns the user with this id: seeded, added, or a generated follower.
func (w *World) User(id string) (User, bool) { return oneOf(userOf)(w.w.User(id)) }

// UserByUsername returns the user with this handle (any case, without the @).
func (w *World) UserByUsername(username string) (User, bool) {
	return oneOf(userOf)(w.w.UserByUsername(username))
}

// UserIDs lists the seeded users and those AddUser added, sorted; generated followers
// are not listed.
func (w *World) UserIDs() []string { return w.w.UserIDs() }

// FollowerIDs lists who follows userID: exactly what GET /2/users/{id}/followers pages
// through. For a user given 100,000 followers (WithFollowers) it allocates 100,000
// strings; FollowerCount does not.
func (w *World) FollowerIDs(userID string) []string { return w.w.FollowerIDs(userID) }

// FollowerCount is len(FollowerIDs(userID)) without building the list.
func (w *World) FollowerCount(userID string) int { return w.w.FollowerCount(userID) }

// FollowingIDs lists whom userID follows.
func (w *World) FollowingIDs(userID string) []string { return w.w.FollowingIDs(userID) }

// PendingFollowIDs lists the protected accounts userID asked to follow, not yet approved.
func (w *World) PendingFollowIDs(userID string) []string { return w.w.PendingFollowIDs(userID) }

// BlockingIDs lists whom userID blocks.
func (w *World) BlockingIDs(userID string) []string { return w.w.BlockingIDs(userID) }

// MutingIDs lists whom userID mutes.
func (w *World) MutingIDs(userID string) []string { return w.w.MutingIDs(userID) }

// AffiliateIDs lists the accounts the organization userID shows as its affiliates, in
// the order GET /2/users/{id}/affiliates pages them.
func (w *World) AffiliateIDs(userID string) []string { return w.w.AffiliateIDs(userID) }

// Tweets

// Tweet returns the Tweet with this id, deleted ones excepted.
func (w *World) Tweet(id string) (Tweet, bool) { return oneOf(tweetOf)(w.w.Tweet(id)) }

// IsDeleted tells whether a Tweet was deleted (DELETE /2/tweets/{id}).
func (w *World) IsDeleted(tweetID string) bool { return w.w.IsDeleted(tweetID) }

// IsHidden tells whether a reply is hidden by the author of its conversation.
func (w *World) IsHidden(tweetID string) bool { return w.w.IsHidden(tweetID) }

// UserTweetIDs lists the Tweets userID posted.
func (w *World) UserTweetIDs(userID string) []string { return w.w.UserTweetIDs(userID) }

// MentionIDs lists the Tweets that mention userID.
func (w *World) MentionIDs(userID string) []string { return w.w.MentionIDs(userID) }

// HomeTimelineIDs lists what GET /2/users/{id}/timelines/reverse_chronological pages
// through for userID with no filter: the Tweets of whom the user follows and the user's
// own, without muted or blocked accounts, at most 800.
func (w *World) HomeTimelineIDs(userID string) []string { return w.w.HomeTimelineIDs(userID) }

// SearchIDs runs a search query over the world as an app-only caller would, without
// paging: what GET /2/tweets/search/recent returns page after page. It returns an error
// for a query the API would refuse.
func (w *World) SearchIDs(query string) ([]string, error) {
	ids, err := w.w.SearchIDs(query)
	if err != nil {
		return nil, fmt.Errorf("twittertest: SearchIDs: %w", err)
	}
	return ids, nil
}

// LikedTweetIDs lists the Tweets userID liked, newest like first.
func (w *World) LikedTweetIDs(userID string) []string { return w.w.LikedTweetIDs(userID) }

// LikingUserIDs lists who liked a Tweet.
func (w *World) LikingUserIDs(tweetID string) []string { return w.w.LikingUserIDs(tweetID) }

// RetweeterIDs lists who retweeted a Tweet.
func (w *World) RetweeterIDs(tweetID string) []string { return w.w.RetweeterIDs(tweetID) }

// BookmarkIDs lists the Tweets userID bookmarked, newest bookmark first.
func (w *World) BookmarkIDs(userID string) []string { return w.w.BookmarkIDs(userID) }

// RepostIDs lists the Retweets by others of userID's Tweets, newest first: what GET
// /2/users/reposts_of_me pages through for userID.
func (w *World) RepostIDs(userID string) []string { return w.w.RepostIDs(userID) }

// BookmarkFolders lists userID's bookmark folders in the order they were made, each with
// the Tweets filed in it (those no longer bookmarked too, which the API leaves out).
func (w *World) BookmarkFolders(userID string) []BookmarkFolder {
	return manyOf(func(f testserver.BookmarkFolder) BookmarkFolder { return BookmarkFolder(f) }, w.w.BookmarkFolders(userID))
}

// Articles lists the long-form Articles userID wrote, drafts and published, oldest
// first.
func (w *World) Articles(userID string) []Article {
	return manyOf(func(a testserver.Article) Article { return Article(a) }, w.w.Articles(userID))
}

// Notes lists the Community Notes userID wrote, newest first: those of test mode
// (written with TestMode, which X never shows) when testMode, else the real ones.
func (w *World) Notes(userID string, testMode bool) []Note {
	return manyOf(func(n testserver.Note) Note {
		return Note{ID: n.ID, AuthorID: n.AuthorID, TweetID: n.TweetID, Text: n.Text, Classification: n.Classification,
			MisleadingTags: n.MisleadingTags, TrustworthySources: n.TrustworthySources, MediaNote: n.MediaNote,
			TestMode: n.TestMode, CreatedAt: n.CreatedAt}
	}, w.w.Notes(userID, testMode))
}

// Media returns media by key: seeded, or made by a finished upload.
func (w *World) Media(key string) (Media, bool) { return oneOf(mediaOf)(w.w.Media(key)) }

// UploadState returns the processing state of a finalized media upload now: "" for an
// upload that needs no processing (a photo) or is not finalized, else pending,
// in_progress, succeeded or failed.
func (w *World) UploadState(mediaID string) string { return w.w.UploadState(mediaID) }

// Poll returns a poll with its votes. Its VotingStatus is the one the API shows now: an
// open poll is closed once the server clock reaches its EndDatetime.
func (w *World) Poll(id string) (Poll, bool) { return oneOf(pollOf)(w.w.Poll(id)) }

// TweetUsage is how many Tweets the server's responses carried on the UTC day of day:
// what GET /2/usage/tweets reports for it.
func (w *World) TweetUsage(day time.Time) int { return w.w.TweetUsage(day) }

// Spaces, Lists, direct messages

// Space returns the Space with this id.
func (w *World) Space(id string) (Space, bool) { return oneOf(spaceOf)(w.w.Space(id)) }

// List returns a List, a private one too, with its members and followers.
func (w *World) List(id string) (List, bool) { return oneOf(listOf)(w.w.List(id)) }

// ListIDs lists every List, private ones too.
func (w *World) ListIDs() []string { return w.w.ListIDs() }

// OwnedListIDs lists the Lists userID owns, private ones too.
func (w *World) OwnedListIDs(userID string) []string { return w.w.OwnedListIDs(userID) }

// ListMembershipIDs lists the Lists userID is a member of, private ones too.
func (w *World) ListMembershipIDs(userID string) []string { return w.w.ListMembershipIDs(userID) }

// FollowedListIDs lists the Lists userID follows.
func (w *World) FollowedListIDs(userID string) []string { return w.w.FollowedListIDs(userID) }

// PinnedListIDs lists the Lists userID pinned.
func (w *World) PinnedListIDs(userID string) []string { return w.w.PinnedListIDs(userID) }

// DMConversation returns a direct-message conversation with its current participants.
func (w *World) DMConversation(id string) (DMConversation, bool) {
	c, ok := w.w.DMConversation(id)
	return DMConversation{ID: c.ID, Group: c.Group, ParticipantIDs: c.ParticipantIDs}, ok
}

// DMEvents lists the direct-message events userID sees: of every conversation the user
// takes part in, or of one when conversationID is not "". It is what GET /2/dm_events
// (or a conversation's dm_events) pages through.
func (w *World) DMEvents(userID, conversationID string) []DMEvent {
	return manyOf(dmEventOf, w.w.DMEvents(userID, conversationID))
}

// DMEvent returns the direct-message event with this id, whoever can see it; false once
// it is deleted (DELETE /2/dm_events/{event_id}).
func (w *World) DMEvent(id string) (DMEvent, bool) { return oneOf(dmEventOf)(w.w.DMEvent(id)) }

// DMBlockedIDs lists the users whose direct messages userID refuses, newest block first.
func (w *World) DMBlockedIDs(userID string) []string { return w.w.DMBlockedIDs(userID) }

// Streams, compliance, webhooks

// Rules returns the filtered-stream rules in force, oldest first.
func (w *World) Rules() []Rule {
	return manyOf(func(r testserver.Rule) Rule { return Rule{ID: r.ID, Value: r.Value, Tag: r.Tag} }, w.w.Rules())
}

// ComplianceJobs returns the batch compliance jobs, oldest first, with their status now.
func (w *World) ComplianceJobs() []ComplianceJob {
	jobs, status := w.w.ComplianceJobs()
	out := make([]ComplianceJob, len(jobs))
	for i, j := range jobs {
		out[i] = ComplianceJob{ID: j.ID, Type: j.Type, Name: j.Name, Resumable: j.Resumable, CreatedAt: j.CreatedAt,
			Upload: append([]byte(nil), j.Upload...), Status: status[i]}
	}
	return out
}

// ProjectRuleCount is how many filtered-stream rules the project has, as GET
// /2/tweets/search/stream/rules/counts reports it: this app's rules in force and those
// of the project's other app.
func (w *World) ProjectRuleCount() int {
	n, _ := strconv.Atoi(w.w.ProjectRuleCount())
	return n
}

// StreamLinks lists the webhooks the filtered stream delivers to (POST
// /2/tweets/search/webhooks/{webhook_id}), oldest link first.
func (w *World) StreamLinks() []StreamLink {
	return manyOf(func(l testserver.StreamLink) StreamLink { return StreamLink(l) }, w.w.StreamLinks())
}

// Webhooks returns the app's webhooks, oldest first.
func (w *World) Webhooks() []Webhook { return manyOf(webhookOf, w.w.Webhooks()) }

// Webhook returns one webhook of the app.
func (w *World) Webhook(id string) (Webhook, bool) { return oneOf(webhookOf)(w.w.Webhook(id)) }

// AccountActivitySubscribers lists the users whose Account Activity goes to the webhook
// webhookID, in the order they subscribed.
func (w *World) AccountActivitySubscribers(webhookID string) []string {
	return w.w.AccountActivitySubscribers(webhookID)
}

// ReplayJobs lists the webhook replay jobs, oldest first.
func (w *World) ReplayJobs() []ReplayJob {
	return manyOf(func(j testserver.ReplayJob) ReplayJob {
		return ReplayJob{ID: j.ID, WebhookID: j.WebhookID, From: j.From, To: j.To, CreatedAt: j.CreatedAt, Replayed: j.Replayed}
	}, w.w.ReplayJobs())
}
