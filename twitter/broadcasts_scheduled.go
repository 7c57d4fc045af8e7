package twitter

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/twitterkit/go/gen"
)

// BroadcastSchedule is a booking of a broadcast: when it runs, what it streams from and
// how it shows. Updating a schedule replaces every field, so send again what should stay.
type BroadcastSchedule struct {
	// Start and End bound the broadcast; both are required and End must be after Start.
	// X refuses a Start that has passed.
	Start, End time.Time
	// SourceID is the ingest (RTMP stream key) it is streamed from; required to create.
	SourceID           string
	Title, Description string
	// ManualPublish holds the broadcast until GoLive; without it X starts it at Start.
	ManualPublish bool
	// AvailableForReplay keeps it watchable after it ends.
	AvailableForReplay bool
	Locked             bool
	// ChatOption is X's numbered choice of who may chat, in decimal digits; empty
	// leaves X's default.
	ChatOption string
	Locale     string
	// ThumbnailMediaID is an uploaded image shown before it starts (Media.Upload).
	ThumbnailMediaID string
	// TelecastID associates it with a telecast; only when creating.
	TelecastID string
	// Repeat makes it happen again Daily or Weekly, Repeats more times; only when
	// creating.
	Repeat  gen.ScheduledBroadcastFrequency
	Repeats int
}

// check rejects a schedule X would refuse; creating tells the fields only a creation takes.
func (b BroadcastSchedule) check(method string, creating bool) error {
	switch {
	case b.Start.IsZero() || b.End.IsZero():
		return invalid(method, "a schedule needs both a Start and an End")
	case !b.End.After(b.Start):
		return invalid(method, "the schedule ends (%s) before it starts (%s)", b.End.Format(time.RFC3339), b.Start.Format(time.RFC3339))
	case creating && b.SourceID == "":
		return invalid(method, "a schedule needs the SourceID it is streamed from")
	case b.ChatOption != "" && !patternBroadcastDecimal.MatchString(b.ChatOption):
		return invalid(method, "ChatOption %q is not a decimal number", b.ChatOption)
	case b.ThumbnailMediaID != "" && !patternMediaID.MatchString(b.ThumbnailMediaID):
		return invalid(method, "ThumbnailMediaID %q is malformed (want %s)", b.ThumbnailMediaID, patternMediaID)
	case !creating && (b.TelecastID != "" || b.Repeat != "" || b.Repeats != 0):
		return invalid(method, "an update cannot change TelecastID, Repeat or Repeats")
	case b.TelecastID != "" && !patternBroadcastDecimal.MatchString(b.TelecastID):
		return invalid(method, "TelecastID %q is not a decimal number", b.TelecastID)
	case b.Repeat != "" && !b.Repeat.Valid():
		return notOneOf(method, "Repeat", b.Repeat)
	case (b.Repeat == "") != (b.Repeats == 0) || b.Repeats < 0:
		return invalid(method, "Repeat and a positive Repeats go together (got %q, %d)", b.Repeat, b.Repeats)
	}
	return nil
}

// ScheduledOptions selects a window and page of the caller's schedules.
type ScheduledOptions struct {
	// OldestStart and NewestStart, when set, leave out schedules starting before or after
	// them.
	OldestStart, NewestStart time.Time
	// PageOptions: MaxResults is 1 to 100, 0 meaning X's default.
	PageOptions
}

// UpdateScheduledOptions modifies an update of a schedule.
type UpdateScheduledOptions struct {
	// RollForward applies the change to the later occurrences of a repeating schedule too.
	RollForward bool
}

// DeleteScheduledOptions modifies the cancelling of a schedule.
type DeleteScheduledOptions struct {
	// RollForward cancels only this occurrence of a repeating schedule and books the next.
	RollForward bool
}

// Schedule books a broadcast of the caller and returns its schedule, with the broadcast's
// id in Data.BroadcastID and the schedule's own in Data.ScheduledBroadcastID (an update
// repeats it). Not retried unless WithRetryMutations is set. Needs a user context (OAuth
// 2.0 scopes broadcast.read and broadcast.write, or OAuth 1.0a).
func (s *BroadcastsService) Schedule(ctx context.Context, b BroadcastSchedule) (*gen.ScheduledBroadcastResponse, *Response, error) {
	if err := b.check("Broadcasts.Schedule", true); err != nil {
		return nil, nil, err
	}
	req := gen.ScheduledBroadcastCreateRequest{SourceID: b.SourceID, ScheduledStartMs: epochMillis(b.Start), ScheduledEndMs: epochMillis(b.End),
		Title: b.Title, Description: b.Description, ManualPublish: b.ManualPublish, AvailableForReplay: b.AvailableForReplay,
		IsLocked: b.Locked, ChatOption: b.ChatOption, Locale: b.Locale, ThumbnailMediaID: b.ThumbnailMediaID, TelecastID: b.TelecastID}
	if b.Repeat != "" {
		req.Recurrence = gen.ScheduledBroadcastRecurrence{Frequency: b.Repeat, Repeats: strconv.Itoa(b.Repeats)}
	}
	return do(ctx, s.client, &opCreateScheduledBroadcast, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateScheduledBroadcast(ctx, req)
	})
}

// Scheduled returns one page of the caller's schedules that have not ended. It pages with pagination_token (X's document shows no token in the answer; a
// page without one is the last). Needs a user context (OAuth 2.0 scope broadcast.read,
// or OAuth 1.0a).
func (s *BroadcastsService) Scheduled(ctx context.Context, opts *ScheduledOptions) (*gen.ScheduledBroadcastsResponse, *Response, error) {
	const method = "Broadcasts.Scheduled"
	o := orZero(opts)
	if !o.OldestStart.IsZero() && !o.NewestStart.IsZero() && o.NewestStart.Before(o.OldestStart) {
		return nil, nil, invalid(method, "NewestStart %s is before OldestStart %s", o.NewestStart.Format(time.RFC3339), o.OldestStart.Format(time.RFC3339))
	}
	var p gen.ListScheduledBroadcastsParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opListScheduledBroadcasts.size); err != nil {
		return nil, nil, err
	}
	for _, b := range []struct {
		t   time.Time
		dst **string
	}{{o.OldestStart, &p.OldestStartTime}, {o.NewestStart, &p.NewestStartTime}} {
		if !b.t.IsZero() {
			*b.dst = optString(b.t.UTC().Format(time.RFC3339))
		}
	}
	return do(ctx, s.client, &opListScheduledBroadcasts.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListScheduledBroadcasts(ctx, &p)
	})
}

// ScheduledByID returns the caller's schedule of broadcast id. Needs a user context
// (OAuth 2.0 scope broadcast.read, or OAuth 1.0a).
func (s *BroadcastsService) ScheduledByID(ctx context.Context, id string) (*gen.ScheduledBroadcastResponse, *Response, error) {
	if err := checkID("Broadcasts.ScheduledByID", "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opGetScheduledBroadcast, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetScheduledBroadcast(ctx, id)
	})
}

// UpdateScheduled replaces the schedule of broadcast id, whose numeric
// scheduled_broadcast_id is scheduleID, with b: every field, so what b leaves out is
// cleared. Only a schedule yet to start changes. Not retried unless WithRetryMutations is
// set. Needs a user context (OAuth 2.0 scopes broadcast.read and broadcast.write, or OAuth
// 1.0a).
func (s *BroadcastsService) UpdateScheduled(ctx context.Context, id, scheduleID string, b BroadcastSchedule, opts *UpdateScheduledOptions) (*gen.ScheduledBroadcastResponse, *Response, error) {
	const method = "Broadcasts.UpdateScheduled"
	if err := checkID(method, "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	if err := checkID(method, "schedule id", patternBroadcastDecimal, scheduleID); err != nil {
		return nil, nil, err
	}
	if err := b.check(method, false); err != nil {
		return nil, nil, err
	}
	req := gen.ScheduledBroadcastUpdateRequest{ScheduledBroadcastID: scheduleID, ScheduledStartMs: epochMillis(b.Start),
		ScheduledEndMs: epochMillis(b.End), SourceID: b.SourceID, Title: b.Title, Description: b.Description,
		ManualPublish: b.ManualPublish, AvailableForReplay: b.AvailableForReplay, IsLocked: b.Locked,
		ChatOption: b.ChatOption, Locale: b.Locale, ThumbnailMediaID: b.ThumbnailMediaID, RollForward: orZero(opts).RollForward}
	return do(ctx, s.client, &opUpdateScheduledBroadcast, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.UpdateScheduledBroadcast(ctx, id, req)
	})
}

// DeleteScheduled cancels the caller's schedule of broadcast id (refused while it is on
// the air). Not retried unless WithRetryMutations is set. Needs a user context (OAuth 2.0
// scopes broadcast.read and broadcast.write, or OAuth 1.0a).
func (s *BroadcastsService) DeleteScheduled(ctx context.Context, id string, opts *DeleteScheduledOptions) (*gen.BroadcastDeleteResponse, *Response, error) {
	if err := checkID("Broadcasts.DeleteScheduled", "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	var p gen.DeleteScheduledBroadcastParams
	if orZero(opts).RollForward {
		roll := true
		p.RollForward = &roll
	}
	return do(ctx, s.client, &opDeleteScheduledBroadcast, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteScheduledBroadcast(ctx, id, &p)
	})
}

// GoLive puts the caller's broadcast id on the air now and returns its schedule, in state
// Running. Only a schedule made with ManualPublish goes live on request; X starts the
// others at their time and refuses this call for them. Not retried unless
// WithRetryMutations is set. Needs a user context (OAuth 2.0 scopes broadcast.read and
// broadcast.write, or OAuth 1.0a).
func (s *BroadcastsService) GoLive(ctx context.Context, id string) (*gen.ScheduledBroadcastResponse, *Response, error) {
	if err := checkID("Broadcasts.GoLive", "broadcast id", patternBroadcastID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opGoLiveScheduledBroadcast, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GoLiveScheduledBroadcast(ctx, id)
	})
}

// ScheduledBroadcastPage is a page of schedules.
type ScheduledBroadcastPage = Page[gen.ScheduledBroadcast]
