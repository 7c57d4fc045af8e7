package twittertest

import (
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// Broadcast is a live video broadcast (Broadcasts, POST /2/broadcasts/schedules and the
// rest), as it stands on the server clock: a scheduled one goes live at its start.
type Broadcast struct {
	ID, OwnerID        string
	Title, Description string
	SourceID, Locale   string
	ChatOption         string
	State              string // Scheduled, Running or Ended
	ManualPublish      bool
	AvailableForReplay bool
	IsLocked           bool
	TelecastID         string
	ThumbnailMediaID   string
	// ScheduleID is the numeric id of its schedule; "" for a broadcast without one.
	ScheduleID string
	// RecurringID, Frequency (Daily or Weekly) and Repeats (occurrences after this one)
	// describe a repeating schedule.
	RecurringID, Frequency       string
	Repeats                      int
	ScheduledStart, ScheduledEnd time.Time
	Start, End                   time.Time
	Watched                      int // how many watched it
	CreatedAt, UpdatedAt         time.Time
	// Chat is its chat, newest message first.
	Chat []BroadcastChatMessage
	// Mutes are the users silenced in its chat, each until a time (the zero time: for
	// good).
	Mutes map[string]time.Time
}

// BroadcastChatMessage is a message of a broadcast's chat.
type BroadcastChatMessage struct {
	ID, BroadcastID, AuthorID string
	Text                      string
	ReplyTo                   string // the id of the message it answers
	CreatedAt                 time.Time
}

// Broadcast returns the broadcast with this id as it stands on the server clock, with
// its chat and mutes.
func (w *World) Broadcast(id string) (Broadcast, bool) {
	return oneOf(func(b testserver.Broadcast) Broadcast {
		return Broadcast{ID: b.ID, OwnerID: b.OwnerID, Title: b.Title, Description: b.Description, SourceID: b.SourceID,
			Locale: b.Locale, ChatOption: b.ChatOption, State: b.State, ManualPublish: b.ManualPublish,
			AvailableForReplay: b.AvailableForReplay, IsLocked: b.IsLocked, TelecastID: b.TelecastID,
			ThumbnailMediaID: b.ThumbnailMediaID, ScheduleID: b.ScheduleID, RecurringID: b.RecurringID,
			Frequency: b.Frequency, Repeats: b.Repeats, ScheduledStart: b.ScheduledStart, ScheduledEnd: b.ScheduledEnd,
			Start: b.Start, End: b.End, Watched: b.Watched, CreatedAt: b.CreatedAt, UpdatedAt: b.UpdatedAt,
			Chat:  manyOf(func(m testserver.BroadcastChatMessage) BroadcastChatMessage { return BroadcastChatMessage(m) }, b.Chat),
			Mutes: b.Mutes}
	})(w.w.Broadcast(id))
}
