package testserver

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// shape is what a request asked to see: the *.fields lists and the expansions.
type shape struct {
	tweet, user, media, poll, place, space, topic set
	list, dmEvent                                 set
	exp                                           set
}

type set map[string]bool

func listParam(q url.Values, name string) set {
	v := q.Get(name)
	if v == "" {
		return nil
	}
	out := set{}
	for _, f := range strings.Split(v, ",") {
		out[strings.TrimSpace(f)] = true
	}
	return out
}

func parseShape(q url.Values) *shape {
	sh := &shape{
		tweet: listParam(q, "tweet.fields"), user: listParam(q, "user.fields"),
		media: listParam(q, "media.fields"), poll: listParam(q, "poll.fields"),
		place: listParam(q, "place.fields"), space: listParam(q, "space.fields"),
		topic: listParam(q, "topic.fields"), exp: listParam(q, "expansions"),
		list: listParam(q, "list.fields"), dmEvent: listParam(q, "dm_event.fields"),
	}
	// As on X, asking to expand a field also returns the field itself: expansions=author_id
	// alone gives each Tweet its author_id, as tweet.fields=author_id would.
	for e := range sh.exp {
		for _, implied := range expansionFields[e] {
			target := implied.of(sh)
			if *target == nil {
				*target = set{}
			}
			(*target)[implied.field] = true
		}
	}
	return sh
}

// impliedField is a field an expansion makes appear, in the fields set of its object.
type impliedField struct {
	of    func(*shape) *set
	field string
}

func tweetField(f string) impliedField {
	return impliedField{func(s *shape) *set { return &s.tweet }, f}
}
func userField(f string) impliedField {
	return impliedField{func(s *shape) *set { return &s.user }, f}
}
func spaceField(f string) impliedField {
	return impliedField{func(s *shape) *set { return &s.space }, f}
}
func dmField(f string) impliedField {
	return impliedField{func(s *shape) *set { return &s.dmEvent }, f}
}

// expansionFields maps each expansion to the field(s) it makes appear on the primary object.
var expansionFields = map[string][]impliedField{
	"author_id":                      {tweetField("author_id")},
	"in_reply_to_user_id":            {tweetField("in_reply_to_user_id")},
	"referenced_tweets.id":           {tweetField("referenced_tweets"), dmField("referenced_tweets")},
	"referenced_tweets.id.author_id": {tweetField("referenced_tweets")},
	"attachments.media_keys":         {tweetField("attachments"), dmField("attachments")},
	"attachments.poll_ids":           {tweetField("attachments")},
	"geo.place_id":                   {tweetField("geo")},
	"entities.mentions.username":     {tweetField("entities")},
	"pinned_tweet_id":                {userField("pinned_tweet_id")},
	"affiliation":                    {userField("affiliation")},
	"affiliation.user_id":            {userField("affiliation")},
	"most_recent_tweet_id":           {userField("most_recent_tweet_id")},
	"creator_id":                     {spaceField("creator_id")},
	"host_ids":                       {spaceField("host_ids")},
	"speaker_ids":                    {spaceField("speaker_ids")},
	"invited_user_ids":               {spaceField("invited_user_ids")},
	"sender_id":                      {dmField("sender_id")},
	"participant_ids":                {dmField("participant_ids")},
	"owner_id":                       {{func(s *shape) *set { return &s.list }, "owner_id"}},
}

const timeFormat = "2006-01-02T15:04:05.000Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// pick sets *dst to v when fields names field, and pickPtr to a pointer to a copy of v:
// the plain members of the wire shapes, each a copy of what the world holds.
func pick[T any](fields set, field string, dst *T, v T) {
	if fields[field] {
		*dst = v
	}
}

func pickPtr[T any](fields set, field string, dst **T, v T) {
	if fields[field] {
		*dst = &v
	}
}

// Wire shapes. Fields are pointers or omitempty so that what was not asked for is absent.

type wTweet struct {
	Article            *wArticle               `json:"article,omitempty"`
	ArticleTitle       string                  `json:"article_title,omitempty"`
	Attachments        *wAttachments           `json:"attachments,omitempty"`
	AuthorID           string                  `json:"author_id,omitempty"`
	CardURI            string                  `json:"card_uri,omitempty"`
	ContextAnnotations []ContextAnnotation     `json:"context_annotations,omitempty"`
	ConversationID     string                  `json:"conversation_id,omitempty"`
	CreatedAt          string                  `json:"created_at,omitempty"`
	DisplayTextRange   []int                   `json:"display_text_range,omitempty"`
	EditControls       *wEditControls          `json:"edit_controls,omitempty"`
	EditHistory        []string                `json:"edit_history_tweet_ids"`
	Entities           *wEntities              `json:"entities,omitempty"`
	Geo                *wGeo                   `json:"geo,omitempty"`
	ID                 string                  `json:"id"`
	InReplyToUserID    string                  `json:"in_reply_to_user_id,omitempty"`
	Lang               string                  `json:"lang,omitempty"`
	MatchedMediaNotes  []MatchedMediaNote      `json:"matched_media_notes,omitempty"`
	MediaMetadata      []wMediaMetadata        `json:"media_metadata,omitempty"`
	NonPublicMetrics   *wImpressions           `json:"non_public_metrics,omitempty"`
	NoteRequests       []NoteRequestSuggestion `json:"note_request_suggestions,omitempty"`
	OrganicMetrics     *wOrganic               `json:"organic_metrics,omitempty"`
	PaidPartnership    *bool                   `json:"paid_partnership,omitempty"`
	PossiblySensitive  *bool                   `json:"possibly_sensitive,omitempty"`
	PublicMetrics      *wTweetMetrics          `json:"public_metrics,omitempty"`
	ReferencedTweets   []ReferencedTweet       `json:"referenced_tweets,omitempty"`
	ReplySettings      string                  `json:"reply_settings,omitempty"`
	Source             string                  `json:"source,omitempty"`
	Text               string                  `json:"text"`
}

// wArticle is a Tweet's long-form Article. X's documents name no members; the fake sends
// its title, as article_title does.
type wArticle struct {
	Title string `json:"title"`
}

// wMediaMetadata is what the author told about one media item of a Tweet.
type wMediaMetadata struct {
	MediaKey    string `json:"media_key"`
	AltText     string `json:"alt_text,omitempty"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
}

type wAttachments struct {
	MediaKeys []string `json:"media_keys,omitempty"`
	PollIDs   []string `json:"poll_ids,omitempty"`
}

type wEditControls struct {
	EditsRemaining int    `json:"edits_remaining"`
	IsEditEligible bool   `json:"is_edit_eligible"`
	EditableUntil  string `json:"editable_until"`
}

type wEntities struct {
	Hashtags []wTag     `json:"hashtags,omitempty"`
	Cashtags []wTag     `json:"cashtags,omitempty"`
	Mentions []wMention `json:"mentions,omitempty"`
	URLs     []wURL     `json:"urls,omitempty"`
}

type wTag struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Tag   string `json:"tag"`
}

type wMention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Username string `json:"username"`
	ID       string `json:"id,omitempty"`
}

type wURL struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	URL         string `json:"url"`
	ExpandedURL string `json:"expanded_url,omitempty"`
	DisplayURL  string `json:"display_url,omitempty"`
	MediaKey    string `json:"media_key,omitempty"`
}

type wGeo struct {
	PlaceID     string  `json:"place_id,omitempty"`
	Coordinates *wPoint `json:"coordinates,omitempty"`
}

type wPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type wImpressions struct {
	ImpressionCount int `json:"impression_count"`
}

type wOrganic struct {
	ImpressionCount int `json:"impression_count"`
	LikeCount       int `json:"like_count"`
	ReplyCount      int `json:"reply_count"`
	RetweetCount    int `json:"retweet_count"`
}

type wTweetMetrics struct {
	RetweetCount    int `json:"retweet_count"`
	ReplyCount      int `json:"reply_count"`
	LikeCount       int `json:"like_count"`
	QuoteCount      int `json:"quote_count"`
	BookmarkCount   int `json:"bookmark_count"`
	ImpressionCount int `json:"impression_count"`
}

type wUser struct {
	Affiliation        *wAffiliation  `json:"affiliation,omitempty"`
	ConfirmedEmail     string         `json:"confirmed_email,omitempty"`
	ConnectionStatus   *[]string      `json:"connection_status,omitempty"`
	CreatedAt          string         `json:"created_at,omitempty"`
	Description        *string        `json:"description,omitempty"`
	Entities           *wUserEnts     `json:"entities,omitempty"`
	ID                 string         `json:"id"`
	IsIdentityVerified *bool          `json:"is_identity_verified,omitempty"`
	Location           string         `json:"location,omitempty"`
	MostRecentTweetID  string         `json:"most_recent_tweet_id,omitempty"`
	Name               string         `json:"name"`
	Parody             *bool          `json:"parody,omitempty"`
	PinnedTweetID      string         `json:"pinned_tweet_id,omitempty"`
	ProfileImageURL    string         `json:"profile_image_url,omitempty"`
	Protected          *bool          `json:"protected,omitempty"`
	PublicMetrics      *wUserMetrics  `json:"public_metrics,omitempty"`
	SubscribesToYou    *bool          `json:"subscribes_to_you,omitempty"`
	Subscription       *wSubscription `json:"subscription,omitempty"`
	URL                *string        `json:"url,omitempty"`
	Username           string         `json:"username"`
	Verified           *bool          `json:"verified,omitempty"`
	VerifiedFollowers  *int           `json:"verified_followers_count,omitempty"`
	VerifiedType       string         `json:"verified_type,omitempty"`
}

// wAffiliation is the organization an account is affiliated with, as its badge shows it.
type wAffiliation struct {
	BadgeURL    string   `json:"badge_url"`
	Description string   `json:"description"`
	URL         string   `json:"url"`
	UserID      []string `json:"user_id"`
}

type wSubscription struct {
	SubscribesToYou bool `json:"subscribes_to_you"`
}

type wUserEnts struct {
	URL         *wUserURL  `json:"url,omitempty"`
	Description *wEntities `json:"description,omitempty"`
}

type wUserURL struct {
	URLs []wURL `json:"urls"`
}

type wUserMetrics struct {
	FollowersCount int `json:"followers_count"`
	FollowingCount int `json:"following_count"`
	TweetCount     int `json:"tweet_count"`
	ListedCount    int `json:"listed_count"`
	LikeCount      int `json:"like_count"`
}

type wMedia struct {
	MediaKey        string         `json:"media_key"`
	Type            string         `json:"type"`
	URL             string         `json:"url,omitempty"`
	PreviewImageURL string         `json:"preview_image_url,omitempty"`
	AltText         string         `json:"alt_text,omitempty"`
	Width           *int           `json:"width,omitempty"`
	Height          *int           `json:"height,omitempty"`
	DurationMS      *int           `json:"duration_ms,omitempty"`
	PublicMetrics   *wMediaMetrics `json:"public_metrics,omitempty"`
	Variants        []wVariant     `json:"variants,omitempty"`
}

type wMediaMetrics struct {
	ViewCount int `json:"view_count"`
}

type wVariant struct {
	BitRate     int    `json:"bit_rate,omitempty"`
	ContentType string `json:"content_type"`
	URL         string `json:"url"`
}

type wPoll struct {
	ID              string       `json:"id"`
	Options         []PollOption `json:"options"`
	DurationMinutes int          `json:"duration_minutes,omitempty"`
	EndDatetime     string       `json:"end_datetime,omitempty"`
	VotingStatus    string       `json:"voting_status,omitempty"`
}

type wPlace struct {
	FullName    string    `json:"full_name"`
	ID          string    `json:"id"`
	Country     string    `json:"country,omitempty"`
	CountryCode string    `json:"country_code,omitempty"`
	Name        string    `json:"name,omitempty"`
	PlaceType   string    `json:"place_type,omitempty"`
	Geo         *wGeoJSON `json:"geo,omitempty"`
}

type wGeoJSON struct {
	Type       string         `json:"type"`
	BBox       []float64      `json:"bbox"`
	Properties map[string]any `json:"properties"`
}

type wSpace struct {
	ID               string   `json:"id"`
	State            string   `json:"state"`
	CreatedAt        string   `json:"created_at,omitempty"`
	CreatorID        string   `json:"creator_id,omitempty"`
	EndedAt          string   `json:"ended_at,omitempty"`
	HostIDs          []string `json:"host_ids,omitempty"`
	InvitedUserIDs   []string `json:"invited_user_ids,omitempty"`
	IsTicketed       *bool    `json:"is_ticketed,omitempty"`
	Lang             string   `json:"lang,omitempty"`
	ParticipantCount *int     `json:"participant_count,omitempty"`
	ScheduledStart   string   `json:"scheduled_start,omitempty"`
	SpeakerIDs       []string `json:"speaker_ids,omitempty"`
	StartedAt        string   `json:"started_at,omitempty"`
	SubscriberCount  *int     `json:"subscriber_count,omitempty"`
	Title            string   `json:"title,omitempty"`
	TopicIDs         []string `json:"topic_ids,omitempty"`
	UpdatedAt        string   `json:"updated_at,omitempty"`
}

type wTopic struct {
	ID          string `json:"id"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

type wIncludes struct {
	Users  []wUser  `json:"users,omitempty"`
	Tweets []wTweet `json:"tweets,omitempty"`
	Media  []wMedia `json:"media,omitempty"`
	Polls  []wPoll  `json:"polls,omitempty"`
	Places []wPlace `json:"places,omitempty"`
	Topics []wTopic `json:"topics,omitempty"`
}

// envelope is the top level of every JSON response: data, errors, includes, meta.
type envelope struct {
	Data          any            `json:"data,omitempty"`
	Errors        []apiProblem   `json:"errors,omitempty"`
	Includes      *wIncludes     `json:"includes,omitempty"`
	Meta          any            `json:"meta,omitempty"`
	MatchingRules []matchingRule `json:"matching_rules,omitempty"`
}

type matchingRule struct {
	ID  string `json:"id"`
	Tag string `json:"tag,omitempty"`
}

// renderer turns world objects into wire objects shaped by a request, collecting the
// objects its expansions ask for and the partial errors of fields the caller may not see.
type renderer struct {
	st     *state
	sh     *shape
	viewer string // authenticated user, "" for app-only

	users  []*User
	tweets []*Tweet
	media  []*Media
	polls  []*Poll
	places []*Place
	topics []*Topic
	seen   map[string]bool
	errs   []apiProblem
}

func newRenderer(st *state, sh *shape, viewer string) *renderer {
	return &renderer{st: st, sh: sh, viewer: viewer, seen: map[string]bool{}}
}

func (r *renderer) once(kind, id string) bool {
	k := kind + ":" + id
	if r.seen[k] {
		return false
	}
	r.seen[k] = true
	return true
}

func (r *renderer) includeUser(id string) {
	if u := r.st.user(id); u != nil && r.once("u", id) {
		r.users = append(r.users, u)
	}
}

func (r *renderer) includeTweet(id string) {
	if t := r.st.tweet(id); t != nil && r.st.canSee(r.viewer, t.AuthorID) && r.once("t", id) {
		r.tweets = append(r.tweets, t)
	}
}

func (r *renderer) includeMedia(keys []string) {
	for _, k := range keys {
		if m := r.st.mediaOf(k); m != nil && r.once("m", k) {
			r.media = append(r.media, m)
		}
	}
}

// tweet renders a primary Tweet and notes its expansions.
func (r *renderer) tweet(t *Tweet) wTweet {
	w := r.tweetFields(t, "data")
	x := r.sh.exp
	if x["author_id"] {
		r.includeUser(t.AuthorID)
	}
	if x["in_reply_to_user_id"] && t.InReplyToUserID != "" {
		r.includeUser(t.InReplyToUserID)
	}
	if x["entities.mentions.username"] {
		for _, m := range t.parsed().mentions {
			if u := r.st.userByName(m); u != nil {
				r.includeUser(u.ID)
			}
		}
	}
	if x["attachments.media_keys"] {
		r.includeMedia(t.MediaKeys)
	}
	if x["attachments.poll_ids"] && t.PollID != "" {
		if p := r.st.poll(t.PollID); p != nil && r.once("p", p.ID) {
			r.polls = append(r.polls, p)
		}
	}
	if x["geo.place_id"] && t.PlaceID != "" {
		if p := r.st.b.places[t.PlaceID]; p != nil && r.once("pl", p.ID) {
			r.places = append(r.places, p)
		}
	}
	for _, ref := range t.ReferencedTweets {
		rt := r.st.tweet(ref.ID)
		if rt == nil || !r.st.canSee(r.viewer, rt.AuthorID) {
			continue
		}
		if x["referenced_tweets.id"] {
			r.includeTweet(ref.ID)
		}
		if x["referenced_tweets.id.author_id"] {
			r.includeUser(rt.AuthorID)
		}
		if x["referenced_tweets.id.attachments.media_keys"] {
			r.includeMedia(rt.MediaKeys)
		}
	}
	return w
}

// tweetFields renders the fields of a Tweet asked for with tweet.fields.
func (r *renderer) tweetFields(t *Tweet, section string) wTweet {
	f := r.sh.tweet
	history := r.st.editHistory(t)
	w := wTweet{ID: t.ID, Text: t.Text, EditHistory: history}
	if f == nil {
		return w
	}
	if f["attachments"] && (len(t.MediaKeys) > 0 || t.PollID != "") {
		w.Attachments = &wAttachments{MediaKeys: t.MediaKeys}
		if t.PollID != "" {
			w.Attachments.PollIDs = []string{t.PollID}
		}
	}
	if f["article"] && t.ArticleTitle != "" {
		w.Article = &wArticle{Title: t.ArticleTitle}
	}
	pick(f, "article_title", &w.ArticleTitle, t.ArticleTitle)
	pick(f, "author_id", &w.AuthorID, t.AuthorID)
	pick(f, "card_uri", &w.CardURI, t.CardURI)
	pick(f, "context_annotations", &w.ContextAnnotations, t.ContextAnnotations)
	pick(f, "conversation_id", &w.ConversationID, t.ConversationID)
	pick(f, "created_at", &w.CreatedAt, fmtTime(t.CreatedAt))
	if f["display_text_range"] {
		w.DisplayTextRange = []int{0, utf8.RuneCountInString(t.Text)}
	}
	if f["edit_controls"] {
		first := t
		if orig := r.st.tweet(history[0]); orig != nil {
			first = orig
		}
		w.EditControls = &wEditControls{EditsRemaining: maxEdits - (len(history) - 1), IsEditEligible: editEligible(first),
			EditableUntil: fmtTime(first.CreatedAt.Add(editWindow))}
	}
	if f["entities"] {
		w.Entities = r.withMentionIDs(t.parsed().ents)
	}
	if f["geo"] && t.PlaceID != "" {
		w.Geo = &wGeo{PlaceID: t.PlaceID}
		if t.ID == PlaceTweetID {
			w.Geo.Coordinates = &wPoint{Type: "Point", Coordinates: [2]float64{-73.99, 40.75}}
		}
	}
	pick(f, "in_reply_to_user_id", &w.InReplyToUserID, t.InReplyToUserID)
	pick(f, "lang", &w.Lang, t.Lang)
	pick(f, "matched_media_notes", &w.MatchedMediaNotes, t.MatchedMediaNotes)
	if f["media_metadata"] {
		for _, k := range t.MediaKeys {
			if m := r.st.mediaOf(k); m != nil {
				w.MediaMetadata = append(w.MediaMetadata, wMediaMetadata{MediaKey: k, AltText: m.AltText, Title: m.Title, Description: m.Description})
			}
		}
	}
	pick(f, "note_request_suggestions", &w.NoteRequests, t.NoteRequestSuggestions)
	pickPtr(f, "paid_partnership", &w.PaidPartnership, t.PaidPartnership)
	likes, rts := len(r.st.likers[t.ID]), len(r.st.retweeters[t.ID])
	impressions := int(t.num%997) + 10*likes + 3*rts + 17
	for _, private := range []string{"non_public_metrics", "organic_metrics"} {
		if !f[private] {
			continue
		}
		if r.viewer == "" || r.viewer != t.AuthorID {
			r.errs = append(r.errs, apiProblem{
				Value: t.ID, Detail: "Sorry, you are not authorized to access '" + private + "' on the Tweet with id: [" + t.ID + "].",
				Title: "Field Authorization Error", ResourceType: "tweet", Parameter: "tweet.fields", ResourceID: t.ID,
				Section: section, Field: private, Type: problemBase + "not-authorized-for-field"})
			continue
		}
		if private == "non_public_metrics" {
			w.NonPublicMetrics = &wImpressions{ImpressionCount: impressions}
		} else {
			w.OrganicMetrics = &wOrganic{ImpressionCount: impressions, LikeCount: likes, ReplyCount: r.st.replies[t.ID], RetweetCount: rts}
		}
	}
	pickPtr(f, "possibly_sensitive", &w.PossiblySensitive, t.PossiblySensitive)
	if f["public_metrics"] {
		w.PublicMetrics = &wTweetMetrics{RetweetCount: rts, ReplyCount: r.st.replies[t.ID], LikeCount: likes,
			QuoteCount: r.st.quotes[t.ID], BookmarkCount: len(r.st.bookmarkers[t.ID]), ImpressionCount: impressions}
	}
	pick(f, "referenced_tweets", &w.ReferencedTweets, t.ReferencedTweets)
	pick(f, "reply_settings", &w.ReplySettings, t.ReplySettings)
	pick(f, "source", &w.Source, t.Source)
	return w
}

// user renders a primary user and notes its expansions.
func (r *renderer) user(u *User) wUser {
	w := r.userFields(u)
	if r.sh.exp["pinned_tweet_id"] && u.PinnedTweetID != "" {
		r.includeTweet(u.PinnedTweetID)
	}
	if r.sh.exp["most_recent_tweet_id"] {
		if l := r.st.byAuthor[u.ID]; len(l) > 0 {
			r.includeTweet(l[0].ID)
		}
	}
	if r.sh.exp["affiliation"] || r.sh.exp["affiliation.user_id"] {
		if org := r.st.affiliationOf(u.ID); org != "" {
			r.includeUser(org)
		}
	}
	return w
}

func (r *renderer) userFields(u *User) wUser {
	f := r.sh.user
	w := wUser{ID: u.ID, Name: u.Name, Username: u.Username}
	if f == nil {
		return w
	}
	if f["affiliation"] {
		if org := r.st.user(r.st.affiliationOf(u.ID)); org != nil {
			w.Affiliation = &wAffiliation{BadgeURL: org.ProfileImageURL, Description: org.Name,
				URL: "https://x.com/" + org.Username, UserID: []string{org.ID}}
		}
	}
	if f["confirmed_email"] && r.viewer == u.ID {
		w.ConfirmedEmail = u.Email
	}
	pickPtr(f, "is_identity_verified", &w.IsIdentityVerified, u.IdentityChecked)
	pickPtr(f, "parody", &w.Parody, u.Parody)
	// Whether the account subscribes to the viewer: only with a user token.
	if r.viewer != "" && (f["subscribes_to_you"] || f["subscription"]) {
		sub := r.st.subscribesTo(u.ID, r.viewer)
		if f["subscribes_to_you"] {
			w.SubscribesToYou = &sub
		}
		if f["subscription"] {
			w.Subscription = &wSubscription{SubscribesToYou: sub}
		}
	}
	if f["verified_followers_count"] {
		v := r.st.verifiedFollowerCount(u.ID)
		w.VerifiedFollowers = &v
	}
	if f["connection_status"] && r.viewer != "" {
		cs := []string{}
		st := r.st
		if st.isFollowing(r.viewer, u.ID) {
			cs = append(cs, "following")
		}
		if st.isFollowing(u.ID, r.viewer) {
			cs = append(cs, "followed_by")
		}
		if contains(st.pending[r.viewer], u.ID) {
			cs = append(cs, "follow_request_sent")
		}
		if contains(st.pending[u.ID], r.viewer) {
			cs = append(cs, "follow_request_received")
		}
		if contains(st.blocks[r.viewer], u.ID) {
			cs = append(cs, "blocking")
		}
		if contains(st.mutes[r.viewer], u.ID) {
			cs = append(cs, "muting")
		}
		w.ConnectionStatus = &cs
	}
	pick(f, "created_at", &w.CreatedAt, fmtTime(u.CreatedAt))
	pickPtr(f, "description", &w.Description, u.Description)
	if f["entities"] {
		e := &wUserEnts{}
		if u.URL != "" {
			e.URL = &wUserURL{URLs: []wURL{{Start: 0, End: utf8.RuneCountInString(u.URL), URL: u.URL, ExpandedURL: u.URL,
				DisplayURL: strings.TrimPrefix(strings.TrimPrefix(u.URL, "https://"), "http://")}}}
		}
		if d := r.withMentionIDs(entitiesOf(u.Description, reBioMention)); d != nil {
			e.Description = d
		}
		if e.URL != nil || e.Description != nil {
			w.Entities = e
		}
	}
	pick(f, "location", &w.Location, u.Location)
	if f["most_recent_tweet_id"] {
		if l := r.st.byAuthor[u.ID]; len(l) > 0 {
			w.MostRecentTweetID = l[0].ID
		}
	}
	if f["pinned_tweet_id"] && r.st.tweet(u.PinnedTweetID) != nil {
		w.PinnedTweetID = u.PinnedTweetID
	}
	pick(f, "profile_image_url", &w.ProfileImageURL, u.ProfileImageURL)
	pickPtr(f, "protected", &w.Protected, u.Protected)
	if f["public_metrics"] {
		w.PublicMetrics = &wUserMetrics{
			FollowersCount: r.st.followerCount(u.ID), FollowingCount: len(r.st.followingOf(u.ID)),
			TweetCount: len(r.st.byAuthor[u.ID]), ListedCount: len(u.Username) * 3, LikeCount: len(r.st.liked[u.ID]),
		}
	}
	pickPtr(f, "url", &w.URL, u.URL)
	pickPtr(f, "verified", &w.Verified, u.Verified)
	pick(f, "verified_type", &w.VerifiedType, u.VerifiedType)
	return w
}

func (r *renderer) mediaFields(m *Media) wMedia {
	f := r.sh.media
	w := wMedia{MediaKey: m.Key, Type: m.Type}
	pick(f, "url", &w.URL, m.URL)
	pick(f, "preview_image_url", &w.PreviewImageURL, m.PreviewImageURL)
	pick(f, "alt_text", &w.AltText, m.AltText)
	pickPtr(f, "width", &w.Width, m.Width)
	pickPtr(f, "height", &w.Height, m.Height)
	if f["duration_ms"] && m.Type == "video" {
		v := m.DurationMS
		w.DurationMS = &v
	}
	if f["public_metrics"] && m.Type == "video" {
		w.PublicMetrics = &wMediaMetrics{ViewCount: m.ViewCount}
	}
	if f["variants"] && m.Type == "video" {
		w.Variants = []wVariant{
			{ContentType: "application/x-mpegURL", URL: "https://video.twimg.com/" + m.Key + "/pl/playlist.m3u8"},
			{BitRate: 832000, ContentType: "video/mp4", URL: "https://video.twimg.com/" + m.Key + "/vid/640x360/v.mp4"},
		}
	}
	return w
}

func (r *renderer) pollFields(p *Poll) wPoll {
	f := r.sh.poll
	w := wPoll{ID: p.ID, Options: p.Options}
	pick(f, "duration_minutes", &w.DurationMinutes, p.DurationMinutes)
	pick(f, "end_datetime", &w.EndDatetime, fmtTime(p.EndDatetime))
	if f["voting_status"] {
		w.VotingStatus = p.statusAt(r.st.clock.Now())
	}
	return w
}

func (r *renderer) placeFields(p *Place) wPlace {
	f := r.sh.place
	w := wPlace{ID: p.ID, FullName: p.FullName}
	pick(f, "country", &w.Country, p.Country)
	pick(f, "country_code", &w.CountryCode, p.CountryCode)
	pick(f, "name", &w.Name, p.Name)
	pick(f, "place_type", &w.PlaceType, p.PlaceType)
	if f["geo"] {
		w.Geo = &wGeoJSON{Type: "Feature", BBox: p.BBox[:], Properties: map[string]any{}}
	}
	return w
}

// space renders a primary Space and notes its expansions.
func (r *renderer) space(sp *Space) wSpace {
	f := r.sh.space
	w := wSpace{ID: sp.ID, State: sp.State}
	opt := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return fmtTime(t)
	}
	pick(f, "created_at", &w.CreatedAt, opt(sp.CreatedAt))
	pick(f, "creator_id", &w.CreatorID, sp.CreatorID)
	pick(f, "ended_at", &w.EndedAt, opt(sp.EndedAt))
	pick(f, "host_ids", &w.HostIDs, sp.HostIDs)
	pick(f, "invited_user_ids", &w.InvitedUserIDs, sp.InvitedUserIDs)
	pickPtr(f, "is_ticketed", &w.IsTicketed, sp.IsTicketed)
	pick(f, "lang", &w.Lang, sp.Lang)
	if f["participant_count"] && sp.State != "scheduled" {
		v := sp.ParticipantCount
		w.ParticipantCount = &v
	}
	pick(f, "scheduled_start", &w.ScheduledStart, opt(sp.ScheduledStart))
	pick(f, "speaker_ids", &w.SpeakerIDs, sp.SpeakerIDs)
	pick(f, "started_at", &w.StartedAt, opt(sp.StartedAt))
	if f["subscriber_count"] && sp.State == "scheduled" {
		v := sp.SubscriberCount
		w.SubscriberCount = &v
	}
	pick(f, "title", &w.Title, sp.Title)
	pick(f, "topic_ids", &w.TopicIDs, sp.TopicIDs)
	pick(f, "updated_at", &w.UpdatedAt, opt(sp.UpdatedAt))
	x := r.sh.exp
	if x["creator_id"] {
		r.includeUser(sp.CreatorID)
	}
	// In this order, always: includes come in the order they were met.
	for _, e := range []struct {
		expansion string
		ids       []string
	}{{"host_ids", sp.HostIDs}, {"invited_user_ids", sp.InvitedUserIDs}, {"speaker_ids", sp.SpeakerIDs}} {
		if x[e.expansion] {
			for _, id := range e.ids {
				r.includeUser(id)
			}
		}
	}
	if x["topic_ids"] {
		for _, id := range sp.TopicIDs {
			if t := r.st.b.topics[id]; t != nil && r.once("tp", id) {
				r.topics = append(r.topics, t)
			}
		}
	}
	return w
}

// includes renders the objects the expansions collected (nil when there are none).
func (r *renderer) includes() *wIncludes {
	if len(r.users)+len(r.tweets)+len(r.media)+len(r.polls)+len(r.places)+len(r.topics) == 0 {
		return nil
	}
	inc := &wIncludes{}
	for _, u := range r.users {
		inc.Users = append(inc.Users, r.userFields(u))
	}
	for _, t := range r.tweets {
		inc.Tweets = append(inc.Tweets, r.tweetFields(t, "includes"))
	}
	for _, m := range r.media {
		inc.Media = append(inc.Media, r.mediaFields(m))
	}
	for _, p := range r.polls {
		inc.Polls = append(inc.Polls, r.pollFields(p))
	}
	for _, p := range r.places {
		inc.Places = append(inc.Places, r.placeFields(p))
	}
	for _, t := range r.topics {
		w := wTopic{ID: t.ID}
		if r.sh.topic == nil || r.sh.topic["name"] {
			w.Name = t.Name
		}
		if r.sh.topic["description"] {
			w.Description = t.Description
		}
		inc.Topics = append(inc.Topics, w)
	}
	return inc
}

var (
	reHashtag = regexp.MustCompile(`(^|[^\w&])#(\w+)`)
	reCashtag = regexp.MustCompile(`(^|[^\w])\$([A-Za-z]{1,6})\b`)
	reMention = regexp.MustCompile(`(^|[^\w])@(\w{1,15})`)
	// In a profile description X takes every @word of up to 20 characters for a mention,
	// whether or not it could be a username (15 at most).
	reBioMention = regexp.MustCompile(`(^|[^\w])@(\w{1,20})`)
	reURL        = regexp.MustCompile(`https?://[^\s]+`)
)

// mentionedUsernames lists the @handles in a text, without the @.
func mentionedUsernames(text string) []string {
	var out []string
	for _, m := range reMention.FindAllStringSubmatch(text, -1) {
		out = append(out, m[2])
	}
	return out
}

func hashtags(text string) []string {
	var out []string
	for _, m := range reHashtag.FindAllStringSubmatch(text, -1) {
		out = append(out, m[2])
	}
	return out
}

func cashtags(text string) []string {
	var out []string
	for _, m := range reCashtag.FindAllStringSubmatch(text, -1) {
		out = append(out, m[2])
	}
	return out
}

func urlsIn(text string) []string { return reURL.FindAllString(text, -1) }

// withMentionIDs copies entities, filling in the ids of mentioned users.
func (r *renderer) withMentionIDs(e *wEntities) *wEntities {
	if e == nil || len(e.Mentions) == 0 {
		return e
	}
	out := *e
	out.Mentions = make([]wMention, len(e.Mentions))
	for i, m := range e.Mentions {
		if u := r.st.userByName(m.Username); u != nil {
			m.ID, m.Username = u.ID, u.Username
		}
		out.Mentions[i] = m
	}
	return &out
}

// textEntities finds hashtags, cashtags, mentions and urls in the text of a Tweet or a
// message, with code-point offsets like X.
func textEntities(text string) *wEntities { return entitiesOf(text, reMention) }

// entitiesOf finds the entities of text, taking for mentions what mention matches.
func entitiesOf(text string, mention *regexp.Regexp) *wEntities {
	runes := func(i int) int { return utf8.RuneCountInString(text[:i]) }
	e := &wEntities{}
	for _, m := range reHashtag.FindAllStringSubmatchIndex(text, -1) {
		e.Hashtags = append(e.Hashtags, wTag{Start: runes(m[4] - 1), End: runes(m[5]), Tag: text[m[4]:m[5]]})
	}
	for _, m := range reCashtag.FindAllStringSubmatchIndex(text, -1) {
		e.Cashtags = append(e.Cashtags, wTag{Start: runes(m[4] - 1), End: runes(m[5]), Tag: text[m[4]:m[5]]})
	}
	for _, m := range mention.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[4]:m[5]]
		e.Mentions = append(e.Mentions, wMention{Start: runes(m[4] - 1), End: runes(m[5]), Username: name})
	}
	for _, m := range reURL.FindAllStringIndex(text, -1) {
		u := text[m[0]:m[1]]
		expanded := u
		if strings.HasPrefix(u, "https://t.co/") {
			expanded = "https://example.com/" + strings.TrimPrefix(u, "https://t.co/")
		}
		e.URLs = append(e.URLs, wURL{Start: runes(m[0]), End: runes(m[1]), URL: u, ExpandedURL: expanded,
			DisplayURL: strings.TrimPrefix(strings.TrimPrefix(expanded, "https://"), "http://")})
	}
	if len(e.Hashtags)+len(e.Cashtags)+len(e.Mentions)+len(e.URLs) == 0 {
		return nil
	}
	return e
}
