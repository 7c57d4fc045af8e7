package testserver

import (
	"sync"
	"time"
)

// User is an account of the fake world.
type User struct {
	ID              string
	Name            string
	Username        string
	CreatedAt       time.Time
	Description     string
	Location        string
	URL             string
	ProfileImageURL string
	Protected       bool
	Verified        bool
	VerifiedType    string // blue, business, government or none
	PinnedTweetID   string
	Email           string // confirmed_email, told only to the user themself
	IdentityChecked bool   // is_identity_verified
	Parody          bool   // labelled as a parody account
}

// Tweet is a Tweet of the fake world. Entities (hashtags, mentions, cashtags, urls) are
// derived from Text when a response asks for them.
type Tweet struct {
	ID                 string
	Text               string
	AuthorID           string
	CreatedAt          time.Time
	ConversationID     string
	InReplyToUserID    string
	ReferencedTweets   []ReferencedTweet
	MediaKeys          []string
	PollID             string
	PlaceID            string
	Lang               string
	Source             string
	PossiblySensitive  bool
	ReplySettings      string
	ContextAnnotations []ContextAnnotation
	CardURI            string // the card it was posted with
	PaidPartnership    bool   // the author disclosed paid promotion
	ArticleTitle       string // the title of its long-form Article; "" for a Tweet without one
	// MatchedMediaNotes are Community Notes on media its media matched; NoteRequestSuggestions
	// are readers' suggestions toward a note on it.
	MatchedMediaNotes      []MatchedMediaNote
	NoteRequestSuggestions []NoteRequestSuggestion

	num  uint64
	info *textInfo // parsed Text, cached once the Tweet is stored
}

// textInfo is what search and rendering need from a Tweet's text, computed once.
type textInfo struct {
	once                                      sync.Once
	words, hashtags, mentions, cashtags, urls []string
	ents                                      *wEntities // mention ids not filled in
}

// parsed returns the Tweet's parsed text, computing it on first use.
func (t *Tweet) parsed() *textInfo {
	ti := t.info
	if ti == nil {
		ti = &textInfo{}
	}
	ti.once.Do(func() {
		ti.words = words(t.Text)
		ti.hashtags = hashtags(t.Text)
		ti.mentions = mentionedUsernames(t.Text)
		ti.cashtags = cashtags(t.Text)
		ti.urls = urlsIn(t.Text)
		ti.ents = textEntities(t.Text)
	})
	return ti
}

// ReferencedTweet links a Tweet to one it retweets ("retweeted"), quotes ("quoted") or
// answers ("replied_to").
type ReferencedTweet struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// MatchedMediaNote is a Community Note on media a Tweet's media matched.
type MatchedMediaNote struct {
	NoteID      string `json:"note_id"`
	MatchStatus string `json:"match_status"`
}

// NoteRequestSuggestion is a reader's suggestion toward a Community Note on a Tweet.
type NoteRequestSuggestion struct {
	SuggestionID string `json:"suggestion_id"`
	Suggestion   string `json:"suggestion"`
	SourceLink   string `json:"source_link,omitempty"`
}

// ContextAnnotation is a domain/entity pair, as in Tweet.context_annotations.
type ContextAnnotation struct {
	Domain AnnotationPart `json:"domain"`
	Entity AnnotationPart `json:"entity"`
}

// AnnotationPart is the domain or the entity of a ContextAnnotation.
type AnnotationPart struct {
	ID          string `json:"id"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

// Media is a photo, video or animated GIF attached to Tweets by its Key.
type Media struct {
	Key             string
	Type            string // photo, video, animated_gif
	URL             string
	PreviewImageURL string
	AltText         string
	Title           string // the author's title and description, told in a Tweet's media_metadata
	Description     string
	Width, Height   int
	DurationMS      int
	ViewCount       int
}

// Poll is a poll attached to a Tweet.
type Poll struct {
	ID              string
	Options         []PollOption
	DurationMinutes int
	EndDatetime     time.Time
	VotingStatus    string // open or closed; an open poll closes at EndDatetime on the server clock
}

// statusAt is the poll's voting_status at now: as stored, except that an open poll is
// closed once now reaches its end_datetime, as on X.
func (p *Poll) statusAt(now time.Time) string {
	if p.VotingStatus == "open" && !now.Before(p.EndDatetime) {
		return "closed"
	}
	return p.VotingStatus
}

// PollOption is one choice of a Poll.
type PollOption struct {
	Position int    `json:"position"`
	Label    string `json:"label"`
	Votes    int    `json:"votes"`
}

// Place is a named location a Tweet can be tagged with.
type Place struct {
	ID          string
	FullName    string
	Name        string
	Country     string
	CountryCode string
	PlaceType   string
	BBox        [4]float64
}

// Space is a live audio conversation.
type Space struct {
	ID               string
	State            string // live, scheduled or ended
	Title            string
	CreatorID        string
	HostIDs          []string
	SpeakerIDs       []string
	InvitedUserIDs   []string
	TopicIDs         []string
	Lang             string
	IsTicketed       bool
	ParticipantCount int
	SubscriberCount  int
	CreatedAt        time.Time
	StartedAt        time.Time
	ScheduledStart   time.Time
	EndedAt          time.Time
	UpdatedAt        time.Time
	SharedTweetIDs   []string // Tweets shared in the Space, newest first
	BuyerIDs         []string // users who bought a ticket (ticketed Spaces), newest first
}

// Topic is what a Space is about.
type Topic struct {
	ID          string
	Name        string
	Description string
}

// Rule is a filtered-stream rule in force.
type Rule struct {
	ID    string `json:"id"`
	Value string `json:"value"`
	Tag   string `json:"tag,omitempty"`
}

// ComplianceJob is a batch compliance job, as created by POST /2/compliance/jobs.
type ComplianceJob struct {
	ID        string
	Type      string // tweets or users
	Name      string
	Resumable bool
	CreatedAt time.Time
	Upload    []byte // what was PUT to the upload URL
	Failed    bool
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

// DMConversation is a direct-message conversation: one-to-one (ID "smallerID-largerID")
// or a group (a numeric ID).
type DMConversation struct {
	ID             string
	Group          bool
	ParticipantIDs []string // current participants, in the order they joined
}

// DMEvent is an event of a direct-message conversation: a message (MessageCreate) or
// participants joining or leaving a group (ParticipantsJoin, ParticipantsLeave).
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

	num uint64
}

// Upload is a chunked media upload, from initialize through append and finalize to the
// end of processing.
type Upload struct {
	ID               string
	MediaKey         string
	OwnerID          string
	AdditionalOwners []string
	MediaType        string // image/jpeg, video/mp4, ...
	Category         string // tweet_image, tweet_video, dm_gif, ...
	TotalBytes       int64
	Segments         map[int]int // segment_index -> bytes received
	CreatedAt        time.Time
	Finalized        bool
	FinalizedAt      time.Time
	failProcessing   bool // finalized under FaultProcessingFailed
	processed        bool // added by AddUpload: finished processing already
	// Data is the file of a one-shot upload (POST /2/media/upload); chunked uploads keep
	// only the sizes of their segments.
	Data []byte
}
