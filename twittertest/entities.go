package twittertest

import (
	"slices"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// The things of the world, as World returns them and as World's Add methods take them.
// Each is a copy: changing one changes nothing in the server.

// User is an account of the world.
type User struct {
	ID              string
	Name            string // the display name
	Username        string // the handle, without the @
	CreatedAt       time.Time
	Description     string // the bio
	Location        string
	URL             string
	ProfileImageURL string
	Protected       bool   // only approved followers see its Tweets
	Verified        bool   // verified (a blue, business or government check)
	VerifiedType    string // blue, business, government or none
	PinnedTweetID   string
	Email           string // confirmed_email, told only to the user themself
	IdentityChecked bool   // is_identity_verified: X checked the owner's identity
	Parody          bool   // labelled as a parody, commentary or fan account
}

func userOf(u testserver.User) User {
	return User{ID: u.ID, Name: u.Name, Username: u.Username, CreatedAt: u.CreatedAt, Description: u.Description,
		Location: u.Location, URL: u.URL, ProfileImageURL: u.ProfileImageURL, Protected: u.Protected,
		Verified: u.Verified, VerifiedType: u.VerifiedType, PinnedTweetID: u.PinnedTweetID, Email: u.Email,
		IdentityChecked: u.IdentityChecked, Parody: u.Parody}
}

func (u User) internal() testserver.User {
	return testserver.User{ID: u.ID, Name: u.Name, Username: u.Username, CreatedAt: u.CreatedAt, Description: u.Description,
		Location: u.Location, URL: u.URL, ProfileImageURL: u.ProfileImageURL, Protected: u.Protected,
		Verified: u.Verified, VerifiedType: u.VerifiedType, PinnedTweetID: u.PinnedTweetID, Email: u.Email,
		IdentityChecked: u.IdentityChecked, Parody: u.Parody}
}

// Tweet is a Tweet (a post) of the world. Its entities (hashtags, mentions, cashtags,
// URLs) are derived from Text.
type Tweet struct {
	ID               string
	Text             string
	AuthorID         string
	CreatedAt        time.Time
	ConversationID   string // the id of the Tweet that started the conversation
	InReplyToUserID  string
	ReferencedTweets []ReferencedTweet
	MediaKeys        []string // its attached media (World.Media)
	PollID           string   // its poll (World.Poll)
	PlaceID          string
	Lang             string
	Source           string
	// PossiblySensitive marks a Tweet whose content may be sensitive.
	PossiblySensitive bool
	// ReplySettings says who may reply: everyone, mentionedUsers, following, ...
	ReplySettings string
	// ContextAnnotations are the topics X found the Tweet to be about.
	ContextAnnotations []ContextAnnotation
	CardURI            string // the card it was posted with
	PaidPartnership    bool   // the author disclosed paid promotion
	ArticleTitle       string // the title of its long-form Article; "" without one
	// MatchedMediaNotes are the Community Notes on media that its media matched.
	MatchedMediaNotes []MatchedMediaNote
	// NoteRequestSuggestions are readers' suggestions toward a Community Note on it.
	NoteRequestSuggestions []NoteRequestSuggestion
}

// ContextAnnotation places a Tweet in a domain (a kind of topic, such as "Brand") and an
// entity of it (the topic itself, such as "Go").
type ContextAnnotation struct {
	Domain, Entity AnnotationPart
}

// AnnotationPart is the domain or the entity of a ContextAnnotation.
type AnnotationPart struct {
	ID, Name, Description string
}

// MatchedMediaNote is a Community Note on media that a Tweet's media matched.
type MatchedMediaNote struct {
	NoteID      string
	MatchStatus string // e.g. "matched"
}

// NoteRequestSuggestion is a reader's suggestion toward a Community Note on a Tweet.
type NoteRequestSuggestion struct {
	SuggestionID string
	Suggestion   string // what the reader suggests the note say
	SourceLink   string // a source the reader offers
}

// ReferencedTweet links a Tweet to one it retweets (Type "retweeted"), quotes ("quoted")
// or answers ("replied_to").
type ReferencedTweet struct {
	Type string
	ID   string
}

func tweetOf(t testserver.Tweet) Tweet {
	out := Tweet{ID: t.ID, Text: t.Text, AuthorID: t.AuthorID, CreatedAt: t.CreatedAt, ConversationID: t.ConversationID,
		InReplyToUserID: t.InReplyToUserID, MediaKeys: slices.Clone(t.MediaKeys), PollID: t.PollID, PlaceID: t.PlaceID,
		Lang: t.Lang, Source: t.Source, PossiblySensitive: t.PossiblySensitive, ReplySettings: t.ReplySettings}
	for _, r := range t.ReferencedTweets {
		out.ReferencedTweets = append(out.ReferencedTweets, ReferencedTweet{Type: r.Type, ID: r.ID})
	}
	out.CardURI, out.PaidPartnership, out.ArticleTitle = t.CardURI, t.PaidPartnership, t.ArticleTitle
	for _, a := range t.ContextAnnotations {
		out.ContextAnnotations = append(out.ContextAnnotations, ContextAnnotation{Domain: AnnotationPart(a.Domain), Entity: AnnotationPart(a.Entity)})
	}
	for _, n := range t.MatchedMediaNotes {
		out.MatchedMediaNotes = append(out.MatchedMediaNotes, MatchedMediaNote(n))
	}
	for _, n := range t.NoteRequestSuggestions {
		out.NoteRequestSuggestions = append(out.NoteRequestSuggestions, NoteRequestSuggestion(n))
	}
	return out
}

func (t Tweet) internal() testserver.Tweet {
	out := testserver.Tweet{ID: t.ID, Text: t.Text, AuthorID: t.AuthorID, CreatedAt: t.CreatedAt, ConversationID: t.ConversationID,
		InReplyToUserID: t.InReplyToUserID, MediaKeys: slices.Clone(t.MediaKeys), PollID: t.PollID, PlaceID: t.PlaceID,
		Lang: t.Lang, Source: t.Source, PossiblySensitive: t.PossiblySensitive, ReplySettings: t.ReplySettings}
	for _, r := range t.ReferencedTweets {
		out.ReferencedTweets = append(out.ReferencedTweets, testserver.ReferencedTweet{Type: r.Type, ID: r.ID})
	}
	out.CardURI, out.PaidPartnership, out.ArticleTitle = t.CardURI, t.PaidPartnership, t.ArticleTitle
	for _, a := range t.ContextAnnotations {
		out.ContextAnnotations = append(out.ContextAnnotations, testserver.ContextAnnotation{
			Domain: testserver.AnnotationPart(a.Domain), Entity: testserver.AnnotationPart(a.Entity)})
	}
	for _, n := range t.MatchedMediaNotes {
		out.MatchedMediaNotes = append(out.MatchedMediaNotes, testserver.MatchedMediaNote(n))
	}
	for _, n := range t.NoteRequestSuggestions {
		out.NoteRequestSuggestions = append(out.NoteRequestSuggestions, testserver.NoteRequestSuggestion(n))
	}
	return out
}

// Media is a photo, video or animated GIF that Tweets attach by its Key.
type Media struct {
	Key             string
	Type            string // photo, video or animated_gif
	URL             string
	PreviewImageURL string
	AltText         string
	Title           string // the author's title, told in a Tweet's media_metadata
	Description     string // the author's description, told in a Tweet's media_metadata
	Width, Height   int
	DurationMS      int // videos
	ViewCount       int // videos
}

func mediaOf(m testserver.Media) Media {
	return Media{Key: m.Key, Type: m.Type, URL: m.URL, PreviewImageURL: m.PreviewImageURL, AltText: m.AltText,
		Title: m.Title, Description: m.Description, Width: m.Width, Height: m.Height, DurationMS: m.DurationMS, ViewCount: m.ViewCount}
}

func (m Media) internal() testserver.Media {
	return testserver.Media{Key: m.Key, Type: m.Type, URL: m.URL, PreviewImageURL: m.PreviewImageURL, AltText: m.AltText,
		Title: m.Title, Description: m.Description, Width: m.Width, Height: m.Height, DurationMS: m.DurationMS, ViewCount: m.ViewCount}
}

// Poll is a poll attached to a Tweet.
type Poll struct {
	ID              string
	Options         []PollOption
	DurationMinutes int
	EndDatetime     time.Time
	VotingStatus    string // open or closed, as the API shows it now
}

// PollOption is one choice of a Poll and its votes.
type PollOption struct {
	Position int
	Label    string
	Votes    int
}

func pollOf(p testserver.Poll) Poll {
	out := Poll{ID: p.ID, DurationMinutes: p.DurationMinutes, EndDatetime: p.EndDatetime, VotingStatus: p.VotingStatus}
	for _, o := range p.Options {
		out.Options = append(out.Options, PollOption{Position: o.Position, Label: o.Label, Votes: o.Votes})
	}
	return out
}

func (p Poll) internal() testserver.Poll {
	out := testserver.Poll{ID: p.ID, DurationMinutes: p.DurationMinutes, EndDatetime: p.EndDatetime, VotingStatus: p.VotingStatus}
	for _, o := range p.Options {
		out.Options = append(out.Options, testserver.PollOption{Position: o.Position, Label: o.Label, Votes: o.Votes})
	}
	return out
}

// Space is a live audio conversation.
type Space struct {
	ID               string
	State            string // live, scheduled or ended
	Title            string
	CreatorID        string
	HostIDs          []string
	SpeakerIDs       []string
	InvitedUserIDs   []string // invited to speak
	TopicIDs         []string // the topics its host picked
	Lang             string
	IsTicketed       bool
	ParticipantCount int
	SubscriberCount  int // those who asked to be told when a scheduled Space starts
	CreatedAt        time.Time
	StartedAt        time.Time // zero until it starts
	ScheduledStart   time.Time // scheduled Spaces
	EndedAt          time.Time // zero until it ends
	UpdatedAt        time.Time
	SharedTweetIDs   []string // Tweets shared in the Space, newest first
	BuyerIDs         []string // who bought a ticket (ticketed Spaces), newest first
}

func spaceOf(s testserver.Space) Space {
	return Space{ID: s.ID, State: s.State, Title: s.Title, CreatorID: s.CreatorID, HostIDs: slices.Clone(s.HostIDs),
		SpeakerIDs: slices.Clone(s.SpeakerIDs), Lang: s.Lang, IsTicketed: s.IsTicketed, ParticipantCount: s.ParticipantCount,
		CreatedAt: s.CreatedAt, StartedAt: s.StartedAt, ScheduledStart: s.ScheduledStart, EndedAt: s.EndedAt,
		InvitedUserIDs: slices.Clone(s.InvitedUserIDs), TopicIDs: slices.Clone(s.TopicIDs), SubscriberCount: s.SubscriberCount,
		UpdatedAt: s.UpdatedAt, SharedTweetIDs: slices.Clone(s.SharedTweetIDs), BuyerIDs: slices.Clone(s.BuyerIDs)}
}

func (s Space) internal() testserver.Space {
	return testserver.Space{ID: s.ID, State: s.State, Title: s.Title, CreatorID: s.CreatorID, HostIDs: slices.Clone(s.HostIDs),
		SpeakerIDs: slices.Clone(s.SpeakerIDs), Lang: s.Lang, IsTicketed: s.IsTicketed, ParticipantCount: s.ParticipantCount,
		CreatedAt: s.CreatedAt, StartedAt: s.StartedAt, ScheduledStart: s.ScheduledStart, EndedAt: s.EndedAt,
		InvitedUserIDs: slices.Clone(s.InvitedUserIDs), TopicIDs: slices.Clone(s.TopicIDs), SubscriberCount: s.SubscriberCount,
		UpdatedAt: s.UpdatedAt, SharedTweetIDs: slices.Clone(s.SharedTweetIDs), BuyerIDs: slices.Clone(s.BuyerIDs)}
}

// List is a curated List of accounts. Private Lists are seen only by their owner.
type List struct {
	ID          string
	Name        string
	Description string
	OwnerID     string
	Private     bool
	CreatedAt   time.Time
	MemberIDs   []string // newest member first
	FollowerIDs []string // newest follower first
}

func listOf(l testserver.List) List {
	return List{ID: l.ID, Name: l.Name, Description: l.Description, OwnerID: l.OwnerID, Private: l.Private,
		CreatedAt: l.CreatedAt, MemberIDs: slices.Clone(l.MemberIDs), FollowerIDs: slices.Clone(l.FollowerIDs)}
}

func (l List) internal() testserver.List {
	return testserver.List{ID: l.ID, Name: l.Name, Description: l.Description, OwnerID: l.OwnerID, Private: l.Private,
		CreatedAt: l.CreatedAt, MemberIDs: slices.Clone(l.MemberIDs), FollowerIDs: slices.Clone(l.FollowerIDs)}
}

// Rule is a filtered-stream rule in force.
type Rule struct {
	ID    string
	Value string // the query, e.g. "from:XDevelopers has:media"
	Tag   string
}

// DMConversation is a direct-message conversation: one-to-one (ID "smallerID-largerID")
// or a group (a numeric ID).
type DMConversation struct {
	ID             string
	Group          bool
	ParticipantIDs []string // current participants, in the order they joined
}

// DMEvent is an event of a direct-message conversation: a message (EventType
// "MessageCreate") or participants joining or leaving a group ("ParticipantsJoin",
// "ParticipantsLeave").
type DMEvent struct {
	ID                 string
	EventType          string
	ConversationID     string
	SenderID           string   // MessageCreate
	Text               string   // MessageCreate
	ParticipantIDs     []string // ParticipantsJoin, ParticipantsLeave
	MediaKeys          []string // attachments of a MessageCreate
	ReferencedTweetIDs []string // Tweets linked from the text
	CreatedAt          time.Time
}

func dmEventOf(e testserver.DMEvent) DMEvent {
	return DMEvent{ID: e.ID, EventType: e.EventType, ConversationID: e.ConversationID, SenderID: e.SenderID, Text: e.Text,
		ParticipantIDs: slices.Clone(e.ParticipantIDs), MediaKeys: slices.Clone(e.MediaKeys),
		ReferencedTweetIDs: slices.Clone(e.ReferencedTweetIDs), CreatedAt: e.CreatedAt}
}

func (e DMEvent) internal() testserver.DMEvent {
	return testserver.DMEvent{ID: e.ID, EventType: e.EventType, ConversationID: e.ConversationID, SenderID: e.SenderID, Text: e.Text,
		ParticipantIDs: slices.Clone(e.ParticipantIDs), MediaKeys: slices.Clone(e.MediaKeys),
		ReferencedTweetIDs: slices.Clone(e.ReferencedTweetIDs), CreatedAt: e.CreatedAt}
}

// ComplianceJob is a batch compliance job, as POST /2/compliance/jobs creates it.
type ComplianceJob struct {
	ID        string
	Type      string // tweets or users
	Name      string
	Resumable bool
	CreatedAt time.Time
	Upload    []byte // what was PUT to its upload URL
	// Status is the job's status now: created, in_progress, complete or failed.
	Status string
}

// Webhook is a webhook registered by the app (POST /2/webhooks, World.AddWebhook).
type Webhook struct {
	ID        string
	URL       string
	Valid     bool // it passed its last CRC check
	CreatedAt time.Time
	// CRCChecks counts the challenge-response checks the server made of it.
	CRCChecks int
}

func webhookOf(w testserver.Webhook) Webhook {
	return Webhook{ID: w.ID, URL: w.URL, Valid: w.Valid, CreatedAt: w.CreatedAt, CRCChecks: w.CRCChecks}
}

// ReplayJob is a replay of a webhook's past deliveries (POST
// /2/webhooks/replay).
type ReplayJob struct {
	ID        string
	WebhookID string
	From, To  time.Time // to the minute, both inclusive
	CreatedAt time.Time
	Replayed  int // how many events it sent again
}

// BookmarkFolder is a folder of a user's bookmarks.
type BookmarkFolder struct {
	ID       string
	Name     string
	TweetIDs []string // newest filed first
}

// Article is a long-form Article (POST /2/articles/draft): a draft until published.
type Article struct {
	ID, AuthorID, Title string
	Blocks              int    // how many blocks its body has
	CoverMediaID        string // "" without a cover
	TweetID             string // the Tweet that published it; "" for a draft
	CreatedAt           time.Time
}

// Note is a Community Note a user wrote about a Tweet (POST /2/notes).
type Note struct {
	ID, AuthorID, TweetID string
	Text                  string
	// Classification is misinformed_or_potentially_misleading or not_misleading;
	// MisleadingTags say why a Tweet misleads.
	Classification     string
	MisleadingTags     []string
	TrustworthySources bool
	MediaNote          bool // about the Tweet's media, not its text
	TestMode           bool
	CreatedAt          time.Time
}

// StreamLink links the filtered stream to a webhook, which then receives the Tweets the
// rules match.
type StreamLink struct {
	WebhookID string
	// Fields are the rendering parameters of the delivered Tweets, as "name=value"
	// strings, e.g. "tweet.fields=created_at,lang".
	Fields    []string
	CreatedAt time.Time
}
