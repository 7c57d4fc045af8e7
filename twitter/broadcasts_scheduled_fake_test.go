package twitter_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// clockedFake is a fake on a manual clock at SeedTime, with Alice's client.
func clockedFake(t *testing.T) (*testserver.Server, *testserver.ManualClock, *twitter.Client) {
	t.Helper()
	mc := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(mc))
	return s, mc, userClient(t, s, testserver.AliceID)
}

// booking is a schedule of an hour starting in d, on the fake's clock mc.
func booking(mc *testserver.ManualClock, d time.Duration) twitter.BroadcastSchedule {
	start := mc.Now().Add(d)
	return twitter.BroadcastSchedule{Start: start, End: start.Add(time.Hour), SourceID: "rtmp-alice-2", Title: "Live coding", AvailableForReplay: true}
}

func scheduledID(b gen.ScheduledBroadcast) string { return b.BroadcastID }

func TestFakeBroadcastsSchedule(t *testing.T) {
	s, mc, alice := clockedFake(t)
	ctx := context.Background()
	b := booking(mc, 2*time.Hour)
	b.Repeat, b.Repeats = gen.ScheduledBroadcastFrequencyWeekly, 3
	res, resp, err := alice.Broadcasts.Schedule(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	start, _ := twitter.BroadcastTime(d.ScheduledStartMs)
	if resp.StatusCode != http.StatusCreated || d.State != "Scheduled" || !start.Equal(b.Start.Truncate(time.Millisecond)) ||
		d.ScheduledBroadcastID == "" || d.RecurringScheduleID == "" || d.Title != "Live coding" || !d.AvailableForReplay {
		t.Fatalf("scheduled %+v (status %d)", d, resp.StatusCode)
	}
	// Without manual_publish it goes on the air at its start, and ends at its end.
	mc.Advance(2*time.Hour + time.Minute)
	if w, _ := s.World().Broadcast(d.BroadcastID); w.State != "Running" {
		t.Errorf("at its start: %s", w.State)
	}
	mc.Advance(time.Hour)
	if w, _ := s.World().Broadcast(d.BroadcastID); w.State != "Ended" {
		t.Errorf("after its end: %s", w.State)
	}

	// X refuses a start that has passed.
	_, _, err = alice.Broadcasts.Schedule(ctx, booking(mc, -time.Hour))
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	for name, edit := range map[string]func(*twitter.BroadcastSchedule){
		"no start":          func(b *twitter.BroadcastSchedule) { b.Start = time.Time{} },
		"ends first":        func(b *twitter.BroadcastSchedule) { b.End = b.Start.Add(-time.Minute) },
		"no source":         func(b *twitter.BroadcastSchedule) { b.SourceID = "" },
		"repeat, no count":  func(b *twitter.BroadcastSchedule) { b.Repeat = gen.ScheduledBroadcastFrequencyDaily },
		"unknown frequency": func(b *twitter.BroadcastSchedule) { b.Repeat, b.Repeats = "Monthly", 2 },
		"chat option":       func(b *twitter.BroadcastSchedule) { b.ChatOption = "everyone" },
		"thumbnail":         func(b *twitter.BroadcastSchedule) { b.ThumbnailMediaID = "photo.jpg" },
	} {
		b := booking(mc, time.Hour)
		edit(&b)
		if _, _, err := alice.Broadcasts.Schedule(ctx, b); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeBroadcastsScheduled(t *testing.T) {
	_, mc, alice := clockedFake(t)
	ctx := context.Background()
	for _, d := range []time.Duration{72 * time.Hour, 2 * time.Hour} {
		if _, _, err := alice.Broadcasts.Schedule(ctx, booking(mc, d)); err != nil {
			t.Fatal(err)
		}
	}
	// Soonest first: in 2 hours, the seeded one in a day, in 3 days; one a page.
	got := seqIDs(t, alice.Broadcasts.ScheduledIter(ctx, &twitter.ScheduledOptions{PageOptions: twitter.PageOptions{MaxResults: 1}}, nil), scheduledID)
	if len(got) != 3 || got[1] != testserver.AliceScheduledBroadcastID {
		t.Fatalf("scheduled: %v", got)
	}
	res, _, err := alice.Broadcasts.Scheduled(ctx, &twitter.ScheduledOptions{OldestStart: mc.Now().Add(3 * time.Hour), NewestStart: mc.Now().Add(48 * time.Hour)})
	if err != nil || len(res.Data) != 1 || res.Data[0].BroadcastID != testserver.AliceScheduledBroadcastID || !res.Data[0].ManualPublish {
		t.Errorf("window: %+v, %v", res, err)
	}
	if _, _, err := alice.Broadcasts.Scheduled(ctx, &twitter.ScheduledOptions{OldestStart: mc.Now(), NewestStart: mc.Now().Add(-time.Hour)}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("inverted window: %v", err)
	}
}

func TestFakeBroadcastsScheduledByID(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Broadcasts.ScheduledByID(ctx, testserver.AliceScheduledBroadcastID)
	if err != nil || res.Data.ScheduledBroadcastID != testserver.AliceScheduleID || res.Data.Title != "Office hours" {
		t.Fatalf("schedule: %+v, %v", res, err)
	}
	_, _, err = userClient(t, s, testserver.BobID).Broadcasts.ScheduledByID(ctx, testserver.AliceScheduledBroadcastID)
	if !twitter.IsNotFound(err) {
		t.Errorf("Bob reading Alice's schedule: %v", err)
	}
	if _, _, err := userClient(t, s, testserver.BobID).Broadcasts.ScheduledByID(ctx, "bad id!"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("malformed id: %v", err)
	}
}

func TestFakeBroadcastsUpdateScheduled(t *testing.T) {
	s, mc, alice := clockedFake(t)
	ctx := context.Background()
	b := booking(mc, 5*time.Hour)
	b.Title = "Renamed"
	res, _, err := alice.Broadcasts.UpdateScheduled(ctx, testserver.AliceScheduledBroadcastID, testserver.AliceScheduleID, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Every field is replaced: manual_publish, left out, is cleared.
	w, _ := s.World().Broadcast(testserver.AliceScheduledBroadcastID)
	if res.Data.Title != "Renamed" || w.Title != "Renamed" || w.ManualPublish || !w.ScheduledStart.Equal(b.Start.Truncate(time.Millisecond)) {
		t.Errorf("updated %+v; world %+v", res.Data, w)
	}
	// The body must name the schedule of that broadcast.
	_, _, err = alice.Broadcasts.UpdateScheduled(ctx, testserver.AliceScheduledBroadcastID, "1", b, nil)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = alice.Broadcasts.UpdateScheduled(ctx, "1NoSuchThing1", testserver.AliceScheduleID, b, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("unknown broadcast: %v", err)
	}
	// Once it has started, it no longer changes.
	mc.Advance(5*time.Hour + time.Minute)
	_, _, err = alice.Broadcasts.UpdateScheduled(ctx, testserver.AliceScheduledBroadcastID, testserver.AliceScheduleID, booking(mc, time.Hour), nil)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)

	recurring := booking(mc, time.Hour)
	recurring.Repeat, recurring.Repeats = gen.ScheduledBroadcastFrequencyDaily, 2
	if _, _, err := alice.Broadcasts.UpdateScheduled(ctx, testserver.AliceScheduledBroadcastID, testserver.AliceScheduleID, recurring, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("recurrence on update: %v", err)
	}
	if _, _, err := alice.Broadcasts.UpdateScheduled(ctx, testserver.AliceScheduledBroadcastID, "schedule-1", b, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("word schedule id: %v", err)
	}
}

func TestFakeBroadcastsDeleteScheduled(t *testing.T) {
	s, mc, alice := clockedFake(t)
	ctx := context.Background()
	b := booking(mc, time.Hour)
	b.Repeat, b.Repeats = gen.ScheduledBroadcastFrequencyDaily, 1
	res, _, err := alice.Broadcasts.Schedule(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	id := res.Data.BroadcastID
	// Rolling forward cancels this occurrence only: the next is a day later.
	if del, _, err := alice.Broadcasts.DeleteScheduled(ctx, id, &twitter.DeleteScheduledOptions{RollForward: true}); err != nil || !del.Data.Deleted {
		t.Fatalf("roll forward: %+v, %v", del, err)
	}
	w, ok := s.World().Broadcast(id)
	if !ok || !w.ScheduledStart.Equal(b.Start.Truncate(time.Millisecond).Add(24*time.Hour)) || w.Repeats != 0 {
		t.Errorf("rolled forward: %+v", w)
	}
	// The last occurrence: gone.
	if _, _, err := alice.Broadcasts.DeleteScheduled(ctx, id, &twitter.DeleteScheduledOptions{RollForward: true}); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.World().Broadcast(id); ok {
		t.Error("the schedule is still there")
	}
	_, _, err = alice.Broadcasts.DeleteScheduled(ctx, id, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("deleted twice: %v", err)
	}
	// On the air, it cannot be cancelled.
	if _, _, err := alice.Broadcasts.GoLive(ctx, testserver.AliceScheduledBroadcastID); err != nil {
		t.Fatal(err)
	}
	_, _, err = alice.Broadcasts.DeleteScheduled(ctx, testserver.AliceScheduledBroadcastID, nil)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	if _, _, err := alice.Broadcasts.DeleteScheduled(ctx, "", nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("empty id: %v", err)
	}
}

func TestFakeBroadcastsGoLive(t *testing.T) {
	s, mc, alice := clockedFake(t)
	ctx := context.Background()
	res, _, err := alice.Broadcasts.GoLive(ctx, testserver.AliceScheduledBroadcastID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.State != "Running" {
		t.Errorf("went live: %+v", res.Data)
	}
	// Now a broadcast, listed first, and its chat is open.
	list, _, err := alice.Broadcasts.List(ctx, nil)
	if err != nil || len(list.Data) != 3 || list.Data[0].ID != testserver.AliceScheduledBroadcastID {
		t.Errorf("broadcasts after going live: %+v, %v", list, err)
	}
	if _, _, err := userClient(t, s, testserver.BobID).Broadcasts.SendChat(ctx, testserver.AliceScheduledBroadcastID, twitter.ChatMessage{Text: "on time!"}); err != nil {
		t.Errorf("chat: %v", err)
	}
	_, _, err = alice.Broadcasts.GoLive(ctx, testserver.AliceScheduledBroadcastID)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)

	// A schedule without manual_publish starts by itself: going live is refused.
	auto, _, err := alice.Broadcasts.Schedule(ctx, booking(mc, time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = alice.Broadcasts.GoLive(ctx, auto.Data.BroadcastID)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = userClient(t, s, testserver.BobID).Broadcasts.GoLive(ctx, auto.Data.BroadcastID)
	if !twitter.IsNotFound(err) {
		t.Errorf("Bob starting Alice's: %v", err)
	}
	if _, _, err := alice.Broadcasts.GoLive(ctx, "way-too-long-an-id"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("malformed id: %v", err)
	}
}
