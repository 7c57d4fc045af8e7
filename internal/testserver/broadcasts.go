package testserver

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Broadcasts (GET /2/broadcasts, GET /2/broadcasts/{id}) and their schedules (GET and POST
// /2/broadcasts/scheduled, GET, PUT and DELETE /2/broadcasts/scheduled/{id}, POST
// /2/broadcasts/scheduled/{id}/live): live videos and the bookings that start them. The
// chat is in broadcasts_chat.go.
//
// A broadcast and its schedule share one id. A schedule is Scheduled until it starts:
// by itself at its start time, or, made with manual_publish, only through go-live (which
// is refused for the others). It is Running from then until its scheduled end, and Ended
// after; the states follow the server's clock. The broadcasts list and lookups show the
// broadcasts that have started (Running or Ended), newest first; the schedules list shows
// those not yet ended, soonest first. Only the owner sees either. A schedule can be
// changed only before it starts, and cancelled unless it is on the air; cancelling a
// repeating one with roll_forward moves it to its next occurrence.
//
// Seeded for Alice, relative to the server's clock when it starts: AliceLiveBroadcastID,
// on the air for half an hour, with BroadcastChatSeed in its chat; AliceEndedBroadcastID,
// broadcast two days ago; AliceScheduledBroadcastID, booked for a day from now with
// manual_publish.
const (
	AliceLiveBroadcastID      = "1LyxBqZkvPnGN"
	AliceEndedBroadcastID     = "1OdJrXWkYNnKX"
	AliceScheduledBroadcastID = "1vAxRkDqWnEGl"
	// AliceScheduleID is the numeric scheduled_broadcast_id of AliceScheduledBroadcastID.
	AliceScheduleID = "1790000000000000001"
)

// Broadcast states, as X spells them.
const (
	broadcastScheduled = "Scheduled"
	broadcastRunning   = "Running"
	broadcastEnded     = "Ended"
)

// Broadcast is a live video of the fake world, or one booked to come.
type Broadcast struct {
	ID, OwnerID                  string
	Title, Description           string
	SourceID, Locale, ChatOption string
	State                        string // Scheduled, Running or Ended
	ManualPublish                bool
	AvailableForReplay, IsLocked bool
	TelecastID, ThumbnailMediaID string
	// ScheduleID is the numeric id of its schedule; "" for one broadcast without.
	ScheduleID string
	// RecurringID, Frequency (Daily or Weekly) and Repeats (occurrences after this one)
	// describe a repeating schedule.
	RecurringID, Frequency       string
	Repeats                      int
	ScheduledStart, ScheduledEnd time.Time
	Start, End                   time.Time
	Watched                      int
	CreatedAt, UpdatedAt         time.Time
	// Chat is its chat, newest message first; Mutes, the users silenced in it until a
	// time (the zero time: for good).
	Chat  []BroadcastChatMessage
	Mutes map[string]time.Time
}

type broadcastState struct {
	list    []*Broadcast // in the order they were made
	seq     int
	chatSeq int
}

// broadcast is the broadcast id, or nil.
func (st *broadcastState) broadcast(id string) *Broadcast {
	if i := slices.IndexFunc(st.list, func(b *Broadcast) bool { return b.ID == id }); i >= 0 {
		return st.list[i]
	}
	return nil
}

// advance moves every broadcast to its state at now: a schedule without manual_publish
// starts at its time, and whatever runs ends at its scheduled end.
func (st *broadcastState) advance(now time.Time) {
	for _, b := range st.list {
		if b.State == broadcastScheduled && !b.ManualPublish && !now.Before(b.ScheduledStart) {
			b.State, b.Start, b.UpdatedAt = broadcastRunning, b.ScheduledStart, b.ScheduledStart
		}
		if b.State == broadcastRunning && !b.ScheduledEnd.IsZero() && !now.Before(b.ScheduledEnd) {
			b.State, b.End, b.UpdatedAt = broadcastEnded, b.ScheduledEnd, b.ScheduledEnd
		}
	}
}

func (b *Broadcast) started() bool { return b.State == broadcastRunning || b.State == broadcastEnded }

func seedBroadcasts(st *state) {
	now := st.clock.Now().UTC().Truncate(time.Millisecond)
	live := &Broadcast{ID: AliceLiveBroadcastID, OwnerID: AliceID, Title: "Gophers, live", SourceID: "rtmp-alice-1",
		Locale: "en", ChatOption: "1", State: broadcastRunning, AvailableForReplay: true, Start: now.Add(-30 * time.Minute),
		Watched: 42, CreatedAt: now.Add(-time.Hour), UpdatedAt: now.Add(-30 * time.Minute)}
	for i, m := range BroadcastChatSeed() {
		m.BroadcastID, m.CreatedAt = live.ID, live.Start.Add(time.Duration(i+1)*time.Minute)
		live.Chat = append([]BroadcastChatMessage{m}, live.Chat...)
	}
	ended := &Broadcast{ID: AliceEndedBroadcastID, OwnerID: AliceID, Title: "Release day", SourceID: "rtmp-alice-1",
		Locale: "en", ChatOption: "1", State: broadcastEnded, AvailableForReplay: true, Start: now.Add(-48 * time.Hour),
		End: now.Add(-47 * time.Hour), Watched: 1200, CreatedAt: now.Add(-49 * time.Hour), UpdatedAt: now.Add(-47 * time.Hour)}
	booked := &Broadcast{ID: AliceScheduledBroadcastID, OwnerID: AliceID, Title: "Office hours", SourceID: "rtmp-alice-1",
		Locale: "en", ChatOption: "1", State: broadcastScheduled, ManualPublish: true, ScheduleID: AliceScheduleID,
		ScheduledStart: now.Add(24 * time.Hour), ScheduledEnd: now.Add(25 * time.Hour), CreatedAt: now, UpdatedAt: now}
	st.broadcasts = broadcastState{list: []*Broadcast{ended, live, booked}, seq: 1, chatSeq: len(live.Chat)}
}

// newBroadcastID makes an id of 13 letters and digits from the time and a sequence.
func newBroadcastID(now time.Time, seq int) string {
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	n := snowflake(now, seq)
	var b []byte
	for ; n > 0; n /= 62 {
		b = append(b, digits[n%62])
	}
	slices.Reverse(b)
	return "1" + strings.Repeat("0", 12-len(b)) + string(b)
}

// millis is t in milliseconds since the epoch, as X's decimal strings; "" for the zero time.
func millis(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.UnixMilli(), 10)
}

type wBroadcast struct {
	ID                 string `json:"id,omitempty"`
	BroadcastID        string `json:"broadcast_id,omitempty"`
	Title              string `json:"title,omitempty"`
	State              string `json:"state,omitempty"`
	SourceID           string `json:"source_id,omitempty"`
	TwitterUserID      string `json:"twitter_user_id,omitempty"`
	Language           string `json:"language,omitempty"`
	ChatOption         *int   `json:"chat_option,omitempty"`
	AvailableForReplay *bool  `json:"available_for_replay,omitempty"`
	IsHighLatency      *bool  `json:"is_high_latency,omitempty"`
	Width              int    `json:"width,omitempty"`
	Height             int    `json:"height,omitempty"`
	ImageURL           string `json:"image_url,omitempty"`
	ImageURLMedium     string `json:"image_url_medium,omitempty"`
	ImageURLSmall      string `json:"image_url_small,omitempty"`
	ShareURL           string `json:"share_url,omitempty"`
	CreatedAtMs        string `json:"created_at_ms,omitempty"`
	UpdatedAtMs        string `json:"updated_at_ms,omitempty"`
	ScheduledStartMs   string `json:"scheduled_start_ms,omitempty"`
	ScheduledEndMs     string `json:"scheduled_end_ms,omitempty"`
	StartMs            string `json:"start_ms,omitempty"`
	EndMs              string `json:"end_ms,omitempty"`
	TotalWatched       string `json:"total_watched,omitempty"`
	TotalWatching      string `json:"total_watching,omitempty"`
}

// renderBroadcast shows the fields broadcast.fields asks for; id, title and state when
// it asks for none.
func renderBroadcast(b *Broadcast, f set) wBroadcast {
	if len(f) == 0 {
		f = set{"id": true, "title": true, "state": true}
	}
	pick := func(name, v string) string {
		if f[name] {
			return v
		}
		return ""
	}
	flag := func(name string, v bool) *bool {
		if f[name] {
			return &v
		}
		return nil
	}
	image := "https://pbs.twimg.com/broadcast/" + b.ID
	watching := "0"
	if b.State == broadcastRunning {
		watching = strconv.Itoa(b.Watched / 3)
	}
	w := wBroadcast{ID: pick("id", b.ID), BroadcastID: pick("broadcast_id", b.ID), Title: pick("title", b.Title),
		State: pick("state", b.State), SourceID: pick("source_id", b.SourceID), TwitterUserID: pick("twitter_user_id", b.OwnerID),
		Language: pick("language", b.Locale), AvailableForReplay: flag("available_for_replay", b.AvailableForReplay),
		IsHighLatency: flag("is_high_latency", false), ImageURL: pick("image_url", image+".jpg"),
		ImageURLMedium: pick("image_url_medium", image+"_medium.jpg"), ImageURLSmall: pick("image_url_small", image+"_small.jpg"),
		ShareURL: pick("share_url", "https://x.com/i/broadcasts/"+b.ID), CreatedAtMs: pick("created_at_ms", millis(b.CreatedAt)),
		UpdatedAtMs: pick("updated_at_ms", millis(b.UpdatedAt)), ScheduledStartMs: pick("scheduled_start_ms", millis(b.ScheduledStart)),
		ScheduledEndMs: pick("scheduled_end_ms", millis(b.ScheduledEnd)), StartMs: pick("start_ms", millis(b.Start)),
		EndMs: pick("end_ms", millis(b.End)), TotalWatched: pick("total_watched", strconv.Itoa(b.Watched)),
		TotalWatching: pick("total_watching", watching)}
	if f["chat_option"] {
		n, _ := strconv.Atoi(b.ChatOption)
		w.ChatOption = &n
	}
	if f["width"] {
		w.Width = 1280
	}
	if f["height"] {
		w.Height = 720
	}
	return w
}

type wScheduledBroadcast struct {
	BroadcastID          string `json:"broadcast_id"`
	ScheduledBroadcastID string `json:"scheduled_broadcast_id"`
	State                string `json:"state"`
	Title                string `json:"title,omitempty"`
	Description          string `json:"description,omitempty"`
	SourceID             string `json:"source_id,omitempty"`
	ScheduledStartMs     string `json:"scheduled_start_ms"`
	ScheduledEndMs       string `json:"scheduled_end_ms"`
	ManualPublish        bool   `json:"manual_publish"`
	AvailableForReplay   bool   `json:"available_for_replay"`
	ChatOption           string `json:"chat_option,omitempty"`
	Locale               string `json:"locale,omitempty"`
	RecurringScheduleID  string `json:"recurring_schedule_id,omitempty"`
	TelecastID           string `json:"telecast_id,omitempty"`
	ThumbnailMediaID     string `json:"thumbnail_media_id,omitempty"`
}

func renderSchedule(b *Broadcast) wScheduledBroadcast {
	return wScheduledBroadcast{BroadcastID: b.ID, ScheduledBroadcastID: b.ScheduleID, State: b.State, Title: b.Title,
		Description: b.Description, SourceID: b.SourceID, ScheduledStartMs: millis(b.ScheduledStart),
		ScheduledEndMs: millis(b.ScheduledEnd), ManualPublish: b.ManualPublish, AvailableForReplay: b.AvailableForReplay,
		ChatOption: b.ChatOption, Locale: b.Locale, RecurringScheduleID: b.RecurringID, TelecastID: b.TelecastID,
		ThumbnailMediaID: b.ThumbnailMediaID}
}

// ownBroadcast is the caller's broadcast id, with the state brought up to now, or nil;
// s.mu is held for writing.
func (s *Server) ownBroadcast(c *call, id string) *Broadcast {
	s.w.broadcasts.advance(s.clock.Now())
	if b := s.w.broadcasts.broadcast(id); b != nil && b.OwnerID == c.who.userID {
		return b
	}
	return nil
}

// broadcastsFeature registers the operations this file serves and what it seeds into a new world.
func broadcastsFeature() feature {
	return feature{seed: seedBroadcasts, ops: map[string]operation{
		"listBroadcasts":           {(*Server).listBroadcasts, writes},
		"getBroadcast":             {(*Server).getBroadcast, writes},
		"listScheduledBroadcasts":  {(*Server).listScheduledBroadcasts, writes},
		"createScheduledBroadcast": {(*Server).createScheduledBroadcast, writes},
		"getScheduledBroadcast":    {(*Server).getScheduledBroadcast, writes},
		"updateScheduledBroadcast": {(*Server).updateScheduledBroadcast, writes},
		"deleteScheduledBroadcast": {(*Server).deleteScheduledBroadcast, writes},
		"goLiveScheduledBroadcast": {(*Server).goLiveScheduledBroadcast, writes},
	}}
}

func (s *Server) listBroadcasts(c *call) (int, any) {
	ids := c.q.Get("ids")
	if ids != "" && (c.q.Has("max_results") || c.q.Has("pagination_token")) {
		return http.StatusBadRequest, badParam("ids", ids, "ids goes with neither max_results nor pagination_token")
	}
	p, pr := pageParams(c, "broadcasts:"+c.who.userID, 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	f := listParam(c.q, "broadcast.fields")
	var env envelope
	var data []wBroadcast
	if ids != "" {
		for _, id := range strings.Split(ids, ",") {
			if b := s.ownBroadcast(c, id); b != nil && b.started() {
				data = append(data, renderBroadcast(b, f))
			} else {
				env.Errors = append(env.Errors, notFound("broadcast", "ids", id))
			}
		}
		env.Meta = listMeta{ResultCount: len(data)}
	} else {
		s.w.broadcasts.advance(s.clock.Now())
		var mine []*Broadcast
		for _, b := range s.w.broadcasts.list {
			if b.OwnerID == c.who.userID && b.started() {
				mine = append(mine, b)
			}
		}
		slices.SortStableFunc(mine, func(a, b *Broadcast) int { return b.Start.Compare(a.Start) })
		from, to, next, _ := p.window(len(mine))
		for _, b := range mine[from:to] {
			data = append(data, renderBroadcast(b, f))
		}
		env.Meta = listMeta{ResultCount: to - from, NextToken: next}
	}
	if data != nil {
		env.Data = data
	}
	return http.StatusOK, env
}

func (s *Server) getBroadcast(c *call) (int, any) {
	id := c.path["id"]
	b := s.ownBroadcast(c, id)
	if b == nil || !b.started() {
		return notFoundAnswer("broadcast", "id", id)
	}
	return http.StatusOK, envelope{Data: renderBroadcast(b, listParam(c.q, "broadcast.fields"))}
}

// ownSchedule is the caller's schedule of broadcast id, or nil; s.mu is held for writing.
func (s *Server) ownSchedule(c *call, id string) *Broadcast {
	if b := s.ownBroadcast(c, id); b != nil && b.ScheduleID != "" {
		return b
	}
	return nil
}

// parseStartBound reads oldest_start_time or newest_start_time: RFC 3339, or
// milliseconds since the epoch.
func parseStartBound(c *call, name string) (time.Time, *apiProblem) {
	v := c.q.Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if ms, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.UnixMilli(ms), nil
	}
	return time.Time{}, badParam(name, v, "The `%s` query parameter value [%s] is not a time", name, v)
}

func (s *Server) listScheduledBroadcasts(c *call) (int, any) {
	oldest, pr := parseStartBound(c, "oldest_start_time")
	if pr == nil {
		var newest time.Time
		if newest, pr = parseStartBound(c, "newest_start_time"); pr == nil {
			return s.scheduledPage(c, oldest, newest)
		}
	}
	return http.StatusBadRequest, pr
}

func (s *Server) scheduledPage(c *call, oldest, newest time.Time) (int, any) {
	p, pr := pageParams(c, "scheduled:"+c.who.userID+":"+c.q.Get("oldest_start_time")+":"+c.q.Get("newest_start_time"), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	s.w.broadcasts.advance(s.clock.Now())
	var mine []*Broadcast
	for _, b := range s.w.broadcasts.list {
		if b.OwnerID != c.who.userID || b.ScheduleID == "" || b.State == broadcastEnded ||
			!oldest.IsZero() && b.ScheduledStart.Before(oldest) || !newest.IsZero() && b.ScheduledStart.After(newest) {
			continue
		}
		mine = append(mine, b)
	}
	slices.SortStableFunc(mine, func(a, b *Broadcast) int { return a.ScheduledStart.Compare(b.ScheduledStart) })
	from, to, next, _ := p.window(len(mine))
	env := envelope{Meta: listMeta{ResultCount: to - from, NextToken: next}}
	if to > from {
		data := make([]wScheduledBroadcast, 0, to-from)
		for _, b := range mine[from:to] {
			data = append(data, renderSchedule(b))
		}
		env.Data = data
	}
	return http.StatusOK, env
}

// scheduleBody is the body of a schedule's creation or replacement.
type scheduleBody struct {
	ScheduledBroadcastID string `json:"scheduled_broadcast_id"`
	SourceID             string `json:"source_id"`
	ScheduledStartMs     string `json:"scheduled_start_ms"`
	ScheduledEndMs       string `json:"scheduled_end_ms"`
	Title                string `json:"title"`
	Description          string `json:"description"`
	ManualPublish        bool   `json:"manual_publish"`
	AvailableForReplay   bool   `json:"available_for_replay"`
	IsLocked             bool   `json:"is_locked"`
	ChatOption           string `json:"chat_option"`
	Locale               string `json:"locale"`
	TelecastID           string `json:"telecast_id"`
	ThumbnailMediaID     string `json:"thumbnail_media_id"`
	Recurrence           *struct {
		Frequency string `json:"frequency"`
		Repeats   string `json:"repeats"`
	} `json:"recurrence"`
}

// applySchedule checks the body against now and the caller's uploads and sets b's
// schedule from it, every field replaced (the telecast, which an update cannot name,
// stays); s.mu is held.
func (s *Server) applySchedule(c *call, b *Broadcast, body *scheduleBody, now time.Time) *apiProblem {
	start, _ := strconv.ParseInt(body.ScheduledStartMs, 10, 64)
	end, _ := strconv.ParseInt(body.ScheduledEndMs, 10, 64)
	switch {
	case end <= start:
		return badParam("scheduled_end_ms", body.ScheduledEndMs, "The broadcast must end after it starts")
	case !time.UnixMilli(start).After(now):
		return badParam("scheduled_start_ms", body.ScheduledStartMs, "The broadcast must start in the future")
	}
	if id := body.ThumbnailMediaID; id != "" {
		if u, why := s.usableUpload(id, c.who.userID, false); u == nil {
			return badParam("thumbnail_media_id", id, "Your media IDs are invalid: %s", why)
		}
	}
	b.ScheduledStart, b.ScheduledEnd = time.UnixMilli(start).UTC(), time.UnixMilli(end).UTC()
	b.SourceID, b.Title, b.Description, b.Locale, b.ChatOption = body.SourceID, body.Title, body.Description, body.Locale, body.ChatOption
	b.ManualPublish, b.AvailableForReplay, b.IsLocked = body.ManualPublish, body.AvailableForReplay, body.IsLocked
	b.ThumbnailMediaID, b.UpdatedAt = body.ThumbnailMediaID, now
	if body.TelecastID != "" {
		b.TelecastID = body.TelecastID
	}
	return nil
}

func (s *Server) createScheduledBroadcast(c *call) (int, any) {
	var body scheduleBody
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	st := &s.w.broadcasts
	st.seq++
	b := &Broadcast{ID: newBroadcastID(now, st.seq), OwnerID: c.who.userID, State: broadcastScheduled,
		ScheduleID: strconv.FormatUint(snowflake(now, st.seq), 10), CreatedAt: now}
	if pr := s.applySchedule(c, b, &body, now); pr != nil {
		return pr.Status, pr
	}
	if r := body.Recurrence; r != nil {
		n, _ := strconv.Atoi(r.Repeats)
		if n < 1 {
			return http.StatusBadRequest, badParam("recurrence.repeats", r.Repeats, "A recurrence repeats at least once")
		}
		b.RecurringID, b.Frequency, b.Repeats = strconv.FormatUint(snowflake(now, st.seq)+1, 10), r.Frequency, n
	}
	st.list = append(st.list, b)
	return http.StatusCreated, envelope{Data: renderSchedule(b)}
}

func (s *Server) getScheduledBroadcast(c *call) (int, any) {
	id := c.path["id"]
	b := s.ownSchedule(c, id)
	if b == nil {
		return notFoundAnswer("scheduled broadcast", "id", id)
	}
	return http.StatusOK, envelope{Data: renderSchedule(b)}
}

func (s *Server) updateScheduledBroadcast(c *call) (int, any) {
	var body scheduleBody
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	id := c.path["id"]
	b := s.ownSchedule(c, id)
	switch {
	case b == nil:
		return notFoundStatus("scheduled broadcast", "id", id)
	case body.ScheduledBroadcastID != b.ScheduleID:
		return http.StatusBadRequest, badParam("scheduled_broadcast_id", body.ScheduledBroadcastID,
			"scheduled_broadcast_id [%s] is not the schedule of broadcast %s", body.ScheduledBroadcastID, id)
	case b.State != broadcastScheduled:
		return http.StatusBadRequest, badParam("id", id, "The broadcast is %s; only a schedule yet to start can change", b.State)
	}
	if pr := s.applySchedule(c, b, &body, s.clock.Now().UTC().Truncate(time.Millisecond)); pr != nil {
		return pr.Status, pr
	}
	return http.StatusOK, envelope{Data: renderSchedule(b)}
}

func (s *Server) deleteScheduledBroadcast(c *call) (int, any) {
	id := c.path["id"]
	b := s.ownSchedule(c, id)
	switch {
	case b == nil:
		return notFoundStatus("scheduled broadcast", "id", id)
	case b.State == broadcastRunning:
		return http.StatusBadRequest, badParam("id", id, "The broadcast is on the air; it cannot be cancelled")
	}
	if roll, _ := strconv.ParseBool(c.q.Get("roll_forward")); roll && b.Repeats > 0 {
		step := 24 * time.Hour
		if b.Frequency == "Weekly" {
			step *= 7
		}
		b.ScheduledStart, b.ScheduledEnd = b.ScheduledStart.Add(step), b.ScheduledEnd.Add(step)
		b.Repeats--
		b.State, b.Start, b.End, b.UpdatedAt = broadcastScheduled, time.Time{}, time.Time{}, s.clock.Now().UTC()
		return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
	}
	st := &s.w.broadcasts
	st.list = slices.DeleteFunc(st.list, func(x *Broadcast) bool { return x == b })
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}

func (s *Server) goLiveScheduledBroadcast(c *call) (int, any) {
	id := c.path["id"]
	b := s.ownSchedule(c, id)
	switch {
	case b == nil:
		return notFoundStatus("scheduled broadcast", "id", id)
	case !b.ManualPublish:
		return http.StatusBadRequest, badParam("id", id, "The schedule starts by itself; only one made with manual_publish goes live on request")
	case b.State != broadcastScheduled:
		return http.StatusBadRequest, badParam("id", id, "The broadcast is already %s", b.State)
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	b.State, b.Start, b.UpdatedAt = broadcastRunning, now, now
	return http.StatusOK, envelope{Data: renderSchedule(b)}
}

// Broadcast returns the broadcast id as it stands on the server's clock, with its chat
// and mutes.
func (w *World) Broadcast(id string) (b Broadcast, ok bool) {
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	st := &w.s.w.broadcasts
	st.advance(w.s.clock.Now())
	if p := st.broadcast(id); p != nil {
		b, ok = *p, true
		b.Chat = slices.Clone(p.Chat)
		b.Mutes = make(map[string]time.Time, len(p.Mutes))
		for k, v := range p.Mutes {
			b.Mutes[k] = v
		}
	}
	return
}
