package testserver

import (
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Seeded direct messages.
//
//   - AliceBobConversationID: AliceBobMessageCount messages, alternating from Alice;
//     one of Bob's links MediaTweetID, one of Alice's carries DMPhotoMediaKey.
//   - AliceCarolConversationID: two messages.
//   - GroupConversationID: Alice's group with Bob, Carol and Dave; Dave has left.
//
// One-to-one conversation ids are "smallerID-largerID"; group ids are numbers.
const (
	AliceBobConversationID   = AliceID + "-" + BobID
	AliceCarolConversationID = AliceID + "-" + CarolID
	GroupConversationID      = "1570000000000000001"
	AliceBobMessageCount     = 25
	DMPhotoMediaKey          = "3_1700000000000000010"
	// AliceDMEventCount is every event of Alice's conversations: what GET /2/dm_events pages through.
	AliceDMEventCount = AliceBobMessageCount + 2 + 5
)

var reStatusURL = regexp.MustCompile(`https://(?:x|twitter)\.com/\w+/status/([0-9]{1,19})`)

// pairID is the id of the one-to-one conversation of two users.
func pairID(a, b string) string {
	if len(a) > len(b) || len(a) == len(b) && a > b {
		a, b = b, a
	}
	return a + "-" + b
}

// splitPair returns the two users of a one-to-one conversation id.
func splitPair(id string) (string, string, bool) {
	a, b, ok := strings.Cut(id, "-")
	return a, b, ok && a != "" && b != "" && pairID(a, b) == id
}

// dmState is the direct-message conversations of a world and their events.
type dmState struct {
	convs  map[string]*DMConversation
	events []*DMEvent // newest first
	seq    int
}

func seedDMs(st *state) {
	st.dms.convs = map[string]*DMConversation{
		AliceBobConversationID:   {ID: AliceBobConversationID, ParticipantIDs: []string{AliceID, BobID}},
		AliceCarolConversationID: {ID: AliceCarolConversationID, ParticipantIDs: []string{AliceID, CarolID}},
		GroupConversationID:      {ID: GroupConversationID, Group: true, ParticipantIDs: []string{AliceID, BobID, CarolID}},
	}
	st.media[DMPhotoMediaKey] = &Media{Key: DMPhotoMediaKey, Type: "photo", URL: "https://ton.twimg.com/dm/photo10.jpg", Width: 800, Height: 600}
	var evs []*DMEvent
	msg := func(conv, sender, text string, at time.Time) *DMEvent {
		e := &DMEvent{EventType: "MessageCreate", ConversationID: conv, SenderID: sender, Text: text, CreatedAt: at}
		evs = append(evs, e)
		return e
	}
	start := SeedTime.Add(-48 * time.Hour)
	for k := 0; k < AliceBobMessageCount; k++ {
		from, text := AliceID, "Alice's note "+strconv.Itoa(k)+" about the client"
		if k%2 == 1 {
			from, text = BobID, "Bob's answer "+strconv.Itoa(k)
		}
		switch k {
		case 21:
			text = "Have you seen this? https://x.com/alice/status/" + MediaTweetID
		case 22:
			text = "My desk, again #golang $GOOG @bob"
		}
		e := msg(AliceBobConversationID, from, text, start.Add(time.Duration(k)*10*time.Minute))
		if k == 22 {
			e.MediaKeys = []string{DMPhotoMediaKey}
		}
	}
	msg(AliceCarolConversationID, CarolID, "Coffee tomorrow?", SeedTime.Add(-30*time.Hour))
	msg(AliceCarolConversationID, AliceID, "Yes, at nine", SeedTime.Add(-29*time.Hour))
	g := SeedTime.Add(-24 * time.Hour)
	evs = append(evs, &DMEvent{EventType: "ParticipantsJoin", ConversationID: GroupConversationID,
		ParticipantIDs: []string{BobID, CarolID, DaveID}, CreatedAt: g})
	msg(GroupConversationID, AliceID, "Welcome to the group", g.Add(time.Hour))
	msg(GroupConversationID, DaveID, "hi all", g.Add(2*time.Hour))
	evs = append(evs, &DMEvent{EventType: "ParticipantsLeave", ConversationID: GroupConversationID,
		ParticipantIDs: []string{DaveID}, CreatedAt: g.Add(3 * time.Hour)})
	msg(GroupConversationID, CarolID, "See you at the Space", g.Add(4*time.Hour))
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].CreatedAt.Before(evs[j].CreatedAt) })
	for _, e := range evs {
		st.dms.seq++
		e.num = snowflake(e.CreatedAt, st.dms.seq)
		e.ID = strconv.FormatUint(e.num, 10)
		e.ReferencedTweetIDs = linkedTweets(e.Text)
		st.dms.events = append([]*DMEvent{e}, st.dms.events...)
	}
}

func linkedTweets(text string) []string {
	var out []string
	for _, m := range reStatusURL.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

// addDMEvent stores a new event of a conversation, newest first.
func (st *state) addDMEvent(e *DMEvent) {
	st.dms.seq++
	e.num = snowflake(e.CreatedAt, st.dms.seq)
	if len(st.dms.events) > 0 && e.num <= st.dms.events[0].num {
		e.num = st.dms.events[0].num + 1
	}
	e.ID = strconv.FormatUint(e.num, 10)
	e.ReferencedTweetIDs = linkedTweets(e.Text)
	st.dms.events = append([]*DMEvent{e}, st.dms.events...)
}

// dmEventsOf lists the events of the conversations userID takes part in (or of one
// conversation), newest first, of the given types (all when types is nil).
func (st *state) dmEventsOf(userID, convID string, types set) []*DMEvent {
	var out []*DMEvent
	for _, e := range st.dms.events {
		if convID != "" && e.ConversationID != convID || types != nil && !types[e.EventType] {
			continue
		}
		if conv := st.dms.convs[e.ConversationID]; conv == nil || !contains(conv.ParticipantIDs, userID) {
			continue
		}
		out = append(out, e)
	}
	return out
}

type wDMEvent struct {
	ID               string          `json:"id"`
	EventType        string          `json:"event_type"`
	Text             string          `json:"text,omitempty"`
	CreatedAt        string          `json:"created_at,omitempty"`
	DMConversationID string          `json:"dm_conversation_id,omitempty"`
	SenderID         string          `json:"sender_id,omitempty"`
	ParticipantIDs   []string        `json:"participant_ids,omitempty"`
	Attachments      *wDMAttachments `json:"attachments,omitempty"`
	ReferencedTweets []wDMRef        `json:"referenced_tweets,omitempty"`
	Hashtags         []wTag          `json:"hashtags,omitempty"`
	Cashtags         []wTag          `json:"cashtags,omitempty"`
	Mentions         []wMention      `json:"mentions,omitempty"`
	URLs             []wURL          `json:"urls,omitempty"`
	Entities         *wEntities      `json:"entities,omitempty"`
}

type wDMAttachments struct {
	MediaKeys []string `json:"media_keys,omitempty"`
}

type wDMRef struct {
	ID string `json:"id"`
}

// dmEvent renders an event shaped by dm_event.fields (id, event_type and text by
// default) and notes its expansions.
func (r *renderer) dmEvent(e *DMEvent) wDMEvent {
	f := r.sh.dmEvent
	w := wDMEvent{ID: e.ID, EventType: e.EventType, Text: e.Text}
	pick(f, "created_at", &w.CreatedAt, fmtTime(e.CreatedAt))
	pick(f, "dm_conversation_id", &w.DMConversationID, e.ConversationID)
	pick(f, "sender_id", &w.SenderID, e.SenderID)
	pick(f, "participant_ids", &w.ParticipantIDs, e.ParticipantIDs)
	if f["attachments"] && len(e.MediaKeys) > 0 {
		w.Attachments = &wDMAttachments{MediaKeys: e.MediaKeys}
	}
	if f["referenced_tweets"] {
		for _, id := range e.ReferencedTweetIDs {
			w.ReferencedTweets = append(w.ReferencedTweets, wDMRef{ID: id})
		}
	}
	// X's documents disagree on where a message's entities go: 2.159 at the top of the
	// event, the newest under "entities". The fake sends both, so clients read either.
	if f["entities"] {
		if ents := r.withMentionIDs(textEntities(e.Text)); ents != nil {
			w.Hashtags, w.Cashtags, w.Mentions, w.URLs = ents.Hashtags, ents.Cashtags, ents.Mentions, ents.URLs
			w.Entities = ents
		}
	}
	x := r.sh.exp
	if x["sender_id"] && e.SenderID != "" {
		r.includeUser(e.SenderID)
	}
	if x["participant_ids"] {
		for _, id := range e.ParticipantIDs {
			r.includeUser(id)
		}
	}
	if x["referenced_tweets.id"] {
		for _, id := range e.ReferencedTweetIDs {
			r.includeTweet(id)
		}
	}
	if x["attachments.media_keys"] {
		r.includeMedia(e.MediaKeys)
	}
	return w
}

func (s *Server) dmPage(c *call, list []*DMEvent) (int, any) {
	p, pr := pageParams(c, filterKey(c, "event_types"), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return renderedPage(s, c, p, len(list), func(r *renderer, i int) (wDMEvent, bool) { return r.dmEvent(list[i]), true })
}

// dmFeature registers the operations this file serves and what it seeds into a new world.
func dmFeature() feature {
	return feature{seed: seedDMs, ops: map[string]operation{
		"listDMEvents":                {(*Server).listDMEvents, reads},
		"listDMEventsWithParticipant": {(*Server).listDMEventsWithParticipant, reads},
		"listDMConversationEvents":    {(*Server).listDMConversationEvents, reads},
		"sendDMToParticipant":         {(*Server).sendDMToParticipant, writes},
		"sendDMToConversation":        {(*Server).sendDMToConversation, writes},
		"createDMConversation":        {(*Server).createDMConversation, writes},
	}}
}

func (s *Server) listDMEvents(c *call) (int, any) {
	return s.dmPage(c, s.w.dmEventsOf(c.who.userID, "", listParam(c.q, "event_types")))
}

func (s *Server) listDMEventsWithParticipant(c *call) (int, any) {
	me, other := c.who.userID, c.path["participant_id"]
	if other == me {
		return http.StatusBadRequest, badParam("participant_id", other, "The participant cannot be the authenticated user")
	}
	if s.w.user(other) == nil {
		return notFoundAnswer("user", "participant_id", other)
	}
	return s.dmPage(c, s.w.dmEventsOf(me, pairID(me, other), listParam(c.q, "event_types")))
}

// dmConversation finds a conversation the caller takes part in. A one-to-one id of the
// caller and an existing user names a conversation even before its first message (the
// first message stores it); anything else the caller is not part of is a 403, and a
// group that does not exist a 404.
func (s *Server) dmConversation(c *call, id string) (*DMConversation, *apiProblem) {
	me := c.who.userID
	conv := s.w.dms.convs[id]
	if a, b, ok := splitPair(id); ok {
		if a != me && b != me {
			return nil, forbidden("You are not a participant of this conversation.")
		}
		other := a
		if a == me {
			other = b
		}
		if s.w.user(other) == nil {
			return nil, notFoundProblem("Could not find the other participant of conversation " + id + ".")
		}
		if conv == nil {
			conv = &DMConversation{ID: id, ParticipantIDs: []string{me, other}}
		}
		return conv, nil
	}
	if conv == nil {
		return nil, notFoundProblem("Could not find DM conversation with id: [" + id + "].")
	}
	if !contains(conv.ParticipantIDs, me) {
		return nil, forbidden("You are not a participant of this conversation.")
	}
	return conv, nil
}

func (s *Server) listDMConversationEvents(c *call) (int, any) {
	conv, pr := s.dmConversation(c, c.path["id"])
	if pr != nil {
		return pr.Status, pr
	}
	var list []*DMEvent
	types := listParam(c.q, "event_types")
	for _, e := range s.w.dms.events {
		if e.ConversationID == conv.ID && (types == nil || types[e.EventType]) {
			list = append(list, e)
		}
	}
	return s.dmPage(c, list)
}

type dmMessage struct {
	Text        string `json:"text"`
	Attachments []struct {
		MediaID string `json:"media_id"`
	} `json:"attachments"`
}

// newMessage checks a message and stores it in conv; s.mu is held.
func (s *Server) newMessage(c *call, conv *DMConversation, m dmMessage, param string) (*DMEvent, *apiProblem) {
	me := c.who.userID
	if len(m.Attachments) > 1 {
		return nil, badParam(param+"attachments", "", "A message can carry one attachment")
	}
	e := &DMEvent{EventType: "MessageCreate", ConversationID: conv.ID, SenderID: me, Text: m.Text,
		CreatedAt: s.clock.Now().UTC().Truncate(time.Millisecond)}
	for _, a := range m.Attachments {
		u, why := s.usableUpload(a.MediaID, me, true)
		if u == nil {
			return nil, badParam(param+"attachments.media_id", a.MediaID, "Your media IDs are invalid: %s", why)
		}
		e.MediaKeys = append(e.MediaKeys, u.MediaKey)
	}
	for _, p := range conv.ParticipantIDs {
		if p != me && contains(s.w.blocks[p], me) {
			return nil, forbidden("You cannot send messages to users who have blocked you.")
		}
	}
	if pr := s.w.dmRefused(conv, me); pr != nil {
		return nil, pr
	}
	if s.w.dms.convs[conv.ID] == nil {
		s.w.dms.convs[conv.ID] = conv
	}
	s.w.addDMEvent(e)
	s.dmActivity(conv, e)
	return e, nil
}

func created(e *DMEvent) (int, any) {
	return http.StatusCreated, envelope{Data: map[string]string{"dm_conversation_id": e.ConversationID, "dm_event_id": e.ID}}
}

func (s *Server) sendDMToParticipant(c *call) (int, any) {
	var m dmMessage
	if pr := decodeBody(c, &m); pr != nil {
		return pr.Status, pr
	}
	me, other := c.who.userID, c.path["participant_id"]
	if other == me {
		return http.StatusBadRequest, badParam("participant_id", other, "You cannot send a message to yourself")
	}
	if s.w.user(other) == nil {
		return http.StatusBadRequest, badParam("participant_id", other, "Could not find user with id: [%s].", other)
	}
	conv, pr := s.dmConversation(c, pairID(me, other))
	if pr != nil {
		return pr.Status, pr
	}
	e, pr := s.newMessage(c, conv, m, "")
	if pr != nil {
		return pr.Status, pr
	}
	return created(e)
}

func (s *Server) sendDMToConversation(c *call) (int, any) {
	var m dmMessage
	if pr := decodeBody(c, &m); pr != nil {
		return pr.Status, pr
	}
	conv, pr := s.dmConversation(c, c.path["dm_conversation_id"])
	if pr != nil {
		return pr.Status, pr
	}
	e, pr := s.newMessage(c, conv, m, "")
	if pr != nil {
		return pr.Status, pr
	}
	return created(e)
}

// newGroupID makes the id of a group conversation started at now, free in the world.
func (st *state) newGroupID(now time.Time) string {
	st.dms.seq++
	n := snowflake(now, st.dms.seq)
	for st.dms.convs[strconv.FormatUint(n, 10)] != nil {
		n++
	}
	return strconv.FormatUint(n, 10)
}

// createDMConversation starts a group with the caller and the participants: a
// ParticipantsJoin event, then the first message, whose id it returns.
func (s *Server) createDMConversation(c *call) (int, any) {
	var b struct {
		ParticipantIDs []string  `json:"participant_ids"`
		Message        dmMessage `json:"message"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	me := c.who.userID
	seen := map[string]bool{}
	for _, p := range b.ParticipantIDs {
		switch {
		case p == me:
			return http.StatusBadRequest, badParam("participant_ids", p, "participant_ids lists the others, not the authenticated user")
		case seen[p]:
			return http.StatusBadRequest, badParam("participant_ids", p, "participant_ids lists %s twice", p)
		case s.w.user(p) == nil:
			return http.StatusBadRequest, badParam("participant_ids", p, "Could not find user with id: [%s].", p)
		}
		seen[p] = true
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	conv := &DMConversation{ID: s.w.newGroupID(now), Group: true, ParticipantIDs: append([]string{me}, b.ParticipantIDs...)}
	for _, p := range b.ParticipantIDs {
		if contains(s.w.blocks[p], me) {
			return http.StatusForbidden, forbidden("You cannot add users who have blocked you to a conversation.")
		}
	}
	// Check the message before anything is stored.
	if len(b.Message.Attachments) > 1 {
		return http.StatusBadRequest, badParam("message.attachments", "", "A message can carry one attachment")
	}
	for _, a := range b.Message.Attachments {
		if u, why := s.usableUpload(a.MediaID, me, true); u == nil {
			return http.StatusBadRequest, badParam("message.attachments.media_id", a.MediaID, "Your media IDs are invalid: %s", why)
		}
	}
	s.w.dms.convs[conv.ID] = conv
	s.w.addDMEvent(&DMEvent{EventType: "ParticipantsJoin", ConversationID: conv.ID,
		ParticipantIDs: append([]string(nil), b.ParticipantIDs...), CreatedAt: now})
	e, pr := s.newMessage(c, conv, b.Message, "message.")
	if pr != nil {
		return pr.Status, pr
	}
	return created(e)
}
