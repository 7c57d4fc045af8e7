package testserver

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// X Activity API (XAA). The app subscribes to one type of event for a filter (a user, a
// keyword, a direction); the subscriptions are kept in the order they were made. When
// something happens in the world (a Tweet is posted, replied to, quoted, retweeted or
// deleted, a user follows, mutes, blocks or likes, a profile changes: see UpdateProfile)
// every matching subscription yields one event: those without a webhook go to the
// activity stream (GET /2/activity/stream), those with one wait for
// DeliverActivityWebhooks. Private events need the consent of the filtered user: a
// subscription for them must be made with that user's token and the scope of the type.

// ActivitySubscriptionLimit is how many subscriptions the app may have (X's self-serve
// tier).
const ActivitySubscriptionLimit = 1500

// firstActivitySubscriptionID is the first id given to a subscription.
const firstActivitySubscriptionID = 1900000000000000001

// ActivitySubscription is an X Activity subscription as the server holds it.
type ActivitySubscription struct {
	ID        string
	EventType string
	UserID    string // filter.user_id
	Keyword   string // filter.keyword
	Direction string // filter.direction: inbound, outbound or ""
	Tag       string
	WebhookID string // "" delivers to the activity stream
	CreatedAt time.Time
	UpdatedAt time.Time
}

// activityState is the app's subscriptions and the events waiting for their webhooks.
type activityState struct {
	subs    []*ActivitySubscription
	seq     uint64
	events  uint64 // event_uuid of the last event
	pending []pendingDelivery
}

// pendingDelivery is a webhook delivery waiting to be POSTed (X Activity events, filtered-stream
// Tweets).
type pendingDelivery struct {
	webhookID string
	body      []byte
}

func seedActivity(st *state) {
	st.activity = &activityState{seq: firstActivitySubscriptionID}
}

func (a *activityState) find(id string) (int, *ActivitySubscription) {
	for i, s := range a.subs {
		if s.ID == id {
			return i, s
		}
	}
	return -1, nil
}

// activityScope is the OAuth 2.0 scope a user token needs to subscribe to an event type.
func activityScope(eventType string) string {
	switch {
	case strings.HasPrefix(eventType, "chat.") || strings.HasPrefix(eventType, "dm."):
		return "dm.read"
	case strings.HasPrefix(eventType, "like."):
		return "like.read"
	case strings.HasPrefix(eventType, "mute."):
		return "mute.read"
	case strings.HasPrefix(eventType, "block."):
		return "block.read"
	}
	return "tweet.read"
}

// activityPrivate reports whether an event type is private: visible only with the
// consent of the filtered user.
func activityPrivate(eventType string) bool {
	switch eventType {
	case "post.mention.create", "post.reply.create", "post.quote.create", "post.repost.create", "broadcast.chat":
		return true
	}
	for _, p := range []string{"like.", "chat.", "dm.", "mute.", "block."} {
		if strings.HasPrefix(eventType, p) {
			return true
		}
	}
	return false
}

// activityActorOnly reports whether an event type follows only what the filtered user
// does (mutes and blocks), which takes no direction.
func activityActorOnly(eventType string) bool {
	return strings.HasPrefix(eventType, "mute.") || strings.HasPrefix(eventType, "block.")
}

type wActivityFilter struct {
	UserID    string `json:"user_id,omitempty"`
	Keyword   string `json:"keyword,omitempty"`
	Direction string `json:"direction,omitempty"`
}

type wActivitySubscription struct {
	SubscriptionID string          `json:"subscription_id"`
	EventType      string          `json:"event_type"`
	Filter         wActivityFilter `json:"filter"`
	Tag            string          `json:"tag,omitempty"`
	WebhookID      string          `json:"webhook_id,omitempty"`
	CreatedAt      string          `json:"created_at"`
	UpdatedAt      string          `json:"updated_at"`
}

func renderActivitySubscription(s *ActivitySubscription) wActivitySubscription {
	return wActivitySubscription{
		SubscriptionID: s.ID, EventType: s.EventType,
		Filter: wActivityFilter{UserID: s.UserID, Keyword: s.Keyword, Direction: s.Direction},
		Tag:    s.Tag, WebhookID: s.WebhookID, CreatedAt: fmtTime(s.CreatedAt), UpdatedAt: fmtTime(s.UpdatedAt),
	}
}

type activityTotal struct {
	TotalSubscriptions int `json:"total_subscriptions"`
}

// activityFeature registers the operations this file serves and what it seeds into a new world.
func activityFeature() feature {
	return feature{seed: seedActivity, ops: map[string]operation{
		"createActivitySubscription":  {(*Server).createActivitySubscription, writes},
		"listActivitySubscriptions":   {(*Server).listActivitySubscriptions, reads},
		"updateActivitySubscription":  {(*Server).updateActivitySubscription, writes},
		"deleteActivitySubscription":  {(*Server).deleteActivitySubscription, writes},
		"deleteActivitySubscriptions": {(*Server).deleteActivitySubscriptions, writes},
	}}
}

func (s *Server) createActivitySubscription(c *call) (int, any) {
	var b struct {
		EventType string          `json:"event_type"`
		Filter    wActivityFilter `json:"filter"`
		Tag       string          `json:"tag"`
		WebhookID string          `json:"webhook_id"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	// X answers with the newer spelling of the one renamed type.
	if b.EventType == "chat.conversation_join" {
		b.EventType = "chat.conversation.join"
	}
	f := b.Filter
	if pr := s.checkActivityFilter(c, b.EventType, f); pr != nil {
		return pr.Status, pr
	}
	a := s.w.activity
	if b.WebhookID != "" && s.w.hooks.find(b.WebhookID) == nil {
		pr := webhookNotFound(b.WebhookID)
		return pr.Status, pr
	}
	for _, x := range a.subs {
		if x.EventType == b.EventType && x.UserID == f.UserID && x.Keyword == f.Keyword &&
			x.Direction == f.Direction && x.WebhookID == b.WebhookID {
			return http.StatusConflict, &apiProblem{Title: "Conflict", Type: problemBase + "conflict", Status: http.StatusConflict,
				Detail: "A subscription with this event_type, filter and delivery already exists: " + x.ID + "."}
		}
	}
	if len(a.subs) >= ActivitySubscriptionLimit {
		return http.StatusTooManyRequests, &apiProblem{Title: "Too Many Requests", Type: "about:blank", Status: http.StatusTooManyRequests,
			Detail: fmt.Sprintf("The app already has the most subscriptions its plan allows (%d).", ActivitySubscriptionLimit)}
	}
	now := s.clock.Now()
	sub := &ActivitySubscription{ID: strconv.FormatUint(a.seq, 10), EventType: b.EventType, UserID: f.UserID,
		Keyword: f.Keyword, Direction: f.Direction, Tag: b.Tag, WebhookID: b.WebhookID, CreatedAt: now, UpdatedAt: now}
	a.seq++
	a.subs = append(a.subs, sub)
	return http.StatusOK, envelope{
		Data: struct {
			Subscription wActivitySubscription `json:"subscription"`
		}{renderActivitySubscription(sub)},
		Meta: activityTotal{len(a.subs)},
	}
}

// checkActivityFilter checks a new subscription's filter against its type and the
// credentials it is made with; s.mu is held.
func (s *Server) checkActivityFilter(c *call, eventType string, f wActivityFilter) *apiProblem {
	switch {
	case eventType == "news.new" && f.Keyword == "":
		return badParam("filter.keyword", "", "news.new subscriptions filter by keyword.")
	case eventType != "news.new" && f.UserID == "":
		return badParam("filter.user_id", "", "%s subscriptions filter by user_id.", eventType)
	case f.Direction != "" && activityActorOnly(eventType):
		return badParam("filter.direction", f.Direction, "%s subscriptions take no direction.", eventType)
	}
	if f.UserID != "" && s.w.user(f.UserID) == nil {
		p := notFound("user", "filter.user_id", f.UserID)
		p.Status = http.StatusBadRequest
		return &p
	}
	switch c.who.kind {
	case authOAuth2User:
		if sc := activityScope(eventType); !c.who.scopes[sc] {
			return forbidden("Missing OAuth 2.0 scopes for this event type: [" + sc + "].")
		}
	case authApp:
		if activityPrivate(eventType) {
			return forbidden(eventType + " is a private event: subscribe with a user-context token of the filtered user.")
		}
		return nil
	}
	if (activityPrivate(eventType) || activityActorOnly(eventType)) && f.UserID != c.who.userID {
		return forbidden(eventType + " is a private event: only the filtered user can subscribe to it.")
	}
	return nil
}

// activityPageToken is the 16-character token of a subscription page at offset.
func activityPageToken(offset int) string {
	v := strconv.FormatInt(int64(offset), 16)
	return "a" + strings.Repeat("0", 15-len(v)) + v
}

func (s *Server) listActivitySubscriptions(c *call) (int, any) {
	max := 100
	if v := c.q.Get("max_results"); v != "" {
		max, _ = strconv.Atoi(v)
	}
	offset := 0
	if tok := c.q.Get("pagination_token"); tok != "" {
		n, err := strconv.ParseInt(tok[1:], 16, 64)
		if tok[0] != 'a' || len(tok) != 16 || err != nil {
			return http.StatusBadRequest, badParam("pagination_token", tok, "The pagination token is not valid.")
		}
		offset = int(n)
	}
	subs := s.w.activity.subs
	offset = min(offset, len(subs))
	end := min(offset+max, len(subs))
	data := []wActivitySubscription{}
	for _, x := range subs[offset:end] {
		data = append(data, renderActivitySubscription(x))
	}
	meta := listMeta{ResultCount: len(data)}
	if end < len(subs) {
		meta.NextToken = activityPageToken(end)
	}
	return http.StatusOK, envelope{Data: data, Meta: meta}
}

func (s *Server) updateActivitySubscription(c *call) (int, any) {
	var b struct {
		Tag       *string `json:"tag"`
		WebhookID *string `json:"webhook_id"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	a := s.w.activity
	_, sub := a.find(c.path["subscription_id"])
	if sub == nil {
		return activitySubscriptionNotFound(c.path["subscription_id"])
	}
	if b.WebhookID != nil && s.w.hooks.find(*b.WebhookID) == nil {
		pr := webhookNotFound(*b.WebhookID)
		return pr.Status, pr
	}
	if b.Tag != nil {
		sub.Tag = *b.Tag
	}
	if b.WebhookID != nil {
		sub.WebhookID = *b.WebhookID
	}
	sub.UpdatedAt = s.clock.Now()
	return http.StatusOK, envelope{Data: struct {
		Subscription       wActivitySubscription `json:"subscription"`
		TotalSubscriptions int                   `json:"total_subscriptions"`
	}{renderActivitySubscription(sub), len(a.subs)}}
}

func activitySubscriptionNotFound(id string) (int, any) {
	p := notFound("subscription", "subscription_id", id)
	p.Status = http.StatusNotFound
	return http.StatusNotFound, &p
}

func (s *Server) deleteActivitySubscription(c *call) (int, any) {
	a := s.w.activity
	i, sub := a.find(c.path["subscription_id"])
	if sub == nil {
		return activitySubscriptionNotFound(c.path["subscription_id"])
	}
	a.subs = slices.Delete(a.subs, i, i+1)
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}, Meta: activityTotal{len(a.subs)}}
}

func (s *Server) deleteActivitySubscriptions(c *call) (int, any) {
	type result struct {
		SubscriptionID string `json:"subscription_id"`
		Deleted        bool   `json:"deleted"`
	}
	type failure struct {
		SubscriptionID string `json:"subscription_id"`
		Reason         string `json:"reason"`
		Message        string `json:"message"`
	}
	a := s.w.activity
	var out struct {
		Data   []result      `json:"data,omitempty"`
		Errors []failure     `json:"errors,omitempty"`
		Meta   activityTotal `json:"meta"`
	}
	for _, id := range strings.Split(c.q.Get("ids"), ",") {
		i, sub := a.find(id)
		if sub == nil {
			out.Errors = append(out.Errors, failure{SubscriptionID: id, Reason: "NotFound", Message: "No subscription " + id + " of this app."})
			continue
		}
		a.subs = slices.Delete(a.subs, i, i+1)
		out.Data = append(out.Data, result{SubscriptionID: id, Deleted: true})
	}
	out.Meta.TotalSubscriptions = len(a.subs)
	return http.StatusOK, out
}

// An activity is something that happened in the world, before it is matched against
// the subscriptions: its type, the users it concerns (actor, and subject for two-sided
// events such as a follow or a like) and its payload.
type activity struct {
	eventType string
	actor     string // who did it: the filtered user of outbound events
	subject   string // whom it was done to, for two-sided events: the filtered user of inbound ones
	payload   any
	includes  *wIncludes
}

// matches reports whether a subscription wants an activity.
func (a activity) matches(sub *ActivitySubscription) bool {
	if sub.EventType != a.eventType {
		return false
	}
	switch sub.Direction {
	case "outbound":
		return sub.UserID == a.actor
	case "inbound":
		return a.subject != "" && sub.UserID == a.subject
	}
	return sub.UserID == a.actor || a.subject != "" && sub.UserID == a.subject && !activityActorOnly(a.eventType)
}

// emitActivity turns an activity into one event per matching subscription: those for
// the stream are pushed to it, those for a webhook wait for DeliverActivityWebhooks.
// Call with s.mu held for writing.
func (s *Server) emitActivity(acts ...activity) {
	st := s.w.activity
	var events []streamEvent
	for _, act := range acts {
		for _, sub := range st.subs {
			if !act.matches(sub) {
				continue
			}
			st.events++
			ev := envelope{Data: wActivityEvent{
				EventUUID: strconv.FormatUint(st.events, 10), EventType: act.eventType,
				Filter: wActivityFilter{UserID: sub.UserID, Keyword: sub.Keyword, Direction: sub.Direction},
				Tag:    sub.Tag, Payload: act.payload, Includes: act.includes,
			}}
			if sub.WebhookID != "" {
				body, _ := encode(ev)
				st.pending = append(st.pending, pendingDelivery{webhookID: sub.WebhookID, body: body})
				continue
			}
			events = append(events, streamEvent{family: familyActivity, line: ev})
		}
	}
	if len(events) > 0 {
		s.push(events)
	}
}

type wActivityEvent struct {
	EventUUID string          `json:"event_uuid"`
	EventType string          `json:"event_type"`
	Filter    wActivityFilter `json:"filter"`
	Tag       string          `json:"tag,omitempty"`
	Payload   any             `json:"payload"`
	Includes  *wIncludes      `json:"includes,omitempty"`
}

// activityShape is how the events render Tweets and users: the fields X's examples show.
var activityShape = parseShape(url.Values{
	"tweet.fields": {"author_id,conversation_id,created_at,entities,in_reply_to_user_id,lang,possibly_sensitive,referenced_tweets,reply_settings"},
	"user.fields":  {"created_at,description,location,profile_image_url,protected,url,verified,verified_type"},
	"expansions":   {"author_id"},
})

// wUserRef is a user in an activity payload, wrapped in data as X's examples show it.
type wUserRef struct {
	Data wUser `json:"data"`
}

func (s *Server) activityUser(id string) *wUserRef {
	u := s.w.user(id)
	if u == nil {
		return nil
	}
	return &wUserRef{Data: newRenderer(s.w, activityShape, "").userFields(u)}
}

// userPairActivity is a follow, mute or block of target by source; s.mu is held.
func (s *Server) userPairActivity(eventType, source, target string) {
	s.emitActivity(activity{eventType: eventType, actor: source, subject: target,
		payload: struct {
			Source *wUserRef `json:"source,omitempty"`
			Target *wUserRef `json:"target,omitempty"`
		}{s.activityUser(source), s.activityUser(target)}})
}

// dmActivity yields the events of a new direct message of a one-to-one conversation:
// dm.sent for its sender and dm.received for its recipient, each with the message in the
// v1.1 shape X's documentation shows and both users. X documents the events of one-to-one
// messages only, so a group's messages yield none here. s.mu is held.
func (s *Server) dmActivity(conv *DMConversation, e *DMEvent) {
	if conv.Group || e.EventType != "MessageCreate" {
		return
	}
	recipient := ""
	for _, p := range conv.ParticipantIDs {
		if p != e.SenderID {
			recipient = p
		}
	}
	if recipient == "" {
		return
	}
	type messageData struct {
		Text     string              `json:"text"`
		Entities map[string][]string `json:"entities"`
	}
	type messageCreate struct {
		Target struct {
			RecipientID string `json:"recipient_id"`
		} `json:"target"`
		SenderID    string      `json:"sender_id"`
		MessageData messageData `json:"message_data"`
	}
	type dmEvent struct {
		Type             string        `json:"type"`
		ID               string        `json:"id"`
		CreatedTimestamp string        `json:"created_timestamp"`
		MessageCreate    messageCreate `json:"message_create"`
	}
	ev := dmEvent{Type: "message_create", ID: e.ID, CreatedTimestamp: strconv.FormatInt(e.CreatedAt.UnixMilli(), 10)}
	ev.MessageCreate.Target.RecipientID = recipient
	ev.MessageCreate.SenderID = e.SenderID
	ev.MessageCreate.MessageData = messageData{Text: e.Text,
		Entities: map[string][]string{"hashtags": {}, "symbols": {}, "user_mentions": {}, "urls": {}}}
	payload := struct {
		DirectMessageEvents []dmEvent            `json:"direct_message_events"`
		Users               map[string]*wUserRef `json:"users"`
	}{[]dmEvent{ev}, map[string]*wUserRef{e.SenderID: s.activityUser(e.SenderID), recipient: s.activityUser(recipient)}}
	s.emitActivity(activity{eventType: "dm.sent", actor: e.SenderID, payload: payload},
		activity{eventType: "dm.received", actor: recipient, payload: payload})
}

// chatActivity yields the events of a new chat message: chat.sent for its sender and
// chat.received for every other member, with the message as its sender's SDK encoded it.
// s.mu is held.
func (s *Server) chatActivity(cv *ChatConversation, e *ChatEvent) {
	payload := struct {
		ID                string `json:"id,omitempty"`
		ConversationID    string `json:"conversation_id"`
		ConversationToken string `json:"conversation_token,omitempty"`
		SenderID          string `json:"sender_id"`
		CreatedAtMsec     string `json:"created_at_msec"`
		EncodedEvent      string `json:"encoded_event"`
	}{e.MessageID, cv.ID, e.ConversationToken, e.SenderID, strconv.FormatInt(e.CreatedAt.UnixMilli(), 10), e.Encoded}
	acts := []activity{{eventType: "chat.sent", actor: e.SenderID, payload: payload}}
	for _, m := range cv.Members {
		if m != e.SenderID {
			acts = append(acts, activity{eventType: "chat.received", actor: m, payload: payload})
		}
	}
	s.emitActivity(acts...)
}

// tweetActivity yields the events of a new Tweet: post.create for its author and, for
// the users it touches, post.reply.create, post.quote.create, post.repost.create and
// post.mention.create. A protected account's Tweets yield none. s.mu is held.
func (s *Server) tweetActivity(t *Tweet) {
	author := s.w.user(t.AuthorID)
	if author == nil || author.Protected {
		return
	}
	r := newRenderer(s.w, activityShape, "")
	payload := r.tweet(t)
	inc := r.includes()
	acts := []activity{{eventType: "post.create", actor: t.AuthorID, payload: payload, includes: inc}}
	for _, ref := range t.ReferencedTweets {
		other := s.w.tweet(ref.ID)
		if other == nil || other.AuthorID == t.AuthorID {
			continue
		}
		kind := map[string]string{"replied_to": "post.reply.create", "quoted": "post.quote.create", "retweeted": "post.repost.create"}[ref.Type]
		if kind != "" {
			acts = append(acts, activity{eventType: kind, actor: t.AuthorID, subject: other.AuthorID, payload: payload, includes: inc})
		}
	}
	if !isRetweet(t) {
		seen := map[string]bool{}
		for _, m := range mentionedUsernames(t.Text) {
			if u := s.w.userByName(m); u != nil && u.ID != t.AuthorID && !seen[u.ID] {
				seen[u.ID] = true
				acts = append(acts, activity{eventType: "post.mention.create", actor: t.AuthorID, subject: u.ID, payload: payload, includes: inc})
			}
		}
	}
	// A mention or reply event is for the user mentioned or replied to: deliver it by
	// subject only.
	for i := range acts[1:] {
		acts[i+1].actor = ""
	}
	s.emitActivity(acts...)
}

func isRetweet(t *Tweet) bool {
	for _, r := range t.ReferencedTweets {
		if r.Type == "retweeted" {
			return true
		}
	}
	return false
}

// tweetDeletedActivity yields post.delete; s.mu is held.
func (s *Server) tweetDeletedActivity(t *Tweet) {
	if a := s.w.user(t.AuthorID); a == nil || a.Protected {
		return
	}
	s.emitActivity(activity{eventType: "post.delete", actor: t.AuthorID,
		payload: map[string]string{"id": t.ID, "author_id": t.AuthorID}})
}

// likeActivity yields like.create: outbound for the user who liked, inbound for the
// Tweet's author. s.mu is held.
func (s *Server) likeActivity(userID string, t *Tweet) {
	l := s.newLike(userID, t)
	r := newRenderer(s.w, activityShape, "")
	r.includeTweet(t.ID)
	r.includeUser(t.AuthorID)
	s.emitActivity(activity{eventType: "like.create", actor: userID, subject: t.AuthorID, includes: r.includes(),
		payload: map[string]string{
			"id": l.ID, "liked_tweet_id": t.ID, "liked_tweet_author_id": t.AuthorID,
			"created_at": fmtTime(t.CreatedAt), "timestamp_ms": strconv.FormatInt(l.CreatedAt.UnixMilli(), 10),
		}})
}

// ProfileField is a part of a profile that UpdateProfile changes.
type ProfileField string

// The profile fields and the event each change yields.
const (
	ProfileBio      ProfileField = "profile.update.bio"             // User.Description
	ProfileName     ProfileField = "profile.update.screenname"      // User.Name, the display name
	ProfileLocation ProfileField = "profile.update.geo"             // User.Location
	ProfileURL      ProfileField = "profile.update.url"             // User.URL
	ProfilePicture  ProfileField = "profile.update.profile_picture" // User.ProfileImageURL
)

// UpdateProfile changes a field of a user's profile, as the user would in X's app (the
// API has no operation for it), and yields its X Activity event with the value before
// and after. It returns an error for an unknown user or field. (A change of handle is not
// offered: lookups by username would have to follow it.)
func (s *Server) UpdateProfile(userID string, field ProfileField, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := s.w.user(userID)
	if seen == nil {
		return fmt.Errorf("testserver: UpdateProfile: no user %q", userID)
	}
	u := new(User)
	*u = *seen // the seeded users are shared by every server: change a copy
	var p *string
	switch field {
	case ProfileBio:
		p = &u.Description
	case ProfileName:
		p = &u.Name
	case ProfileLocation:
		p = &u.Location
	case ProfileURL:
		p = &u.URL
	case ProfilePicture:
		p = &u.ProfileImageURL
	default:
		return fmt.Errorf("testserver: UpdateProfile: unknown field %q", field)
	}
	before := *p
	*p = value
	if s.w.profiles == nil {
		s.w.profiles = map[string]*User{}
	}
	s.w.profiles[userID] = u
	s.emitActivity(activity{eventType: string(field), actor: userID,
		payload: map[string]string{"before": before, "after": value}})
	return nil
}

// DeliverActivityWebhooks POSTs the X Activity events waiting for webhook subscriptions
// to their webhooks, oldest first, signed as DeliverEvent signs them, and returns how
// many were answered 2xx. Events for a webhook that is gone or invalid are dropped; the
// first failure to deliver ends it with an error, keeping the undelivered ones.
func (s *Server) DeliverActivityWebhooks(ctx context.Context) (int, error) {
	return s.deliverQueued(ctx, func(st *state) *[]pendingDelivery { return &st.activity.pending })
}

func (w *World) hasNoWebhook(id string) (gone bool) {
	w.read(func(st *state) { gone = st.hooks.find(id) == nil })
	return
}

// ActivitySubscriptions lists the app's X Activity subscriptions, oldest first.
func (w *World) ActivitySubscriptions() (subs []ActivitySubscription) {
	w.read(func(st *state) {
		for _, s := range st.activity.subs {
			subs = append(subs, *s)
		}
	})
	return
}
