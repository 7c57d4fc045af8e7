package twitter_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func broadcastID(b gen.Broadcast) string { return b.ID }

func TestFakeBroadcastsList(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	res, _, err := alice.Broadcasts.List(ctx, &twitter.BroadcastListOptions{BroadcastOptions: twitter.BroadcastOptions{
		BroadcastFields: []gen.BroadcastField{gen.BroadcastFieldID, gen.BroadcastFieldState, gen.BroadcastFieldStartMs, gen.BroadcastFieldTotalWatched}}})
	if err != nil {
		t.Fatal(err)
	}
	// Newest first; the schedule yet to start is not a broadcast yet.
	if len(res.Data) != 2 || res.Data[0].ID != testserver.AliceLiveBroadcastID || res.Data[0].State != "Running" ||
		res.Data[1].ID != testserver.AliceEndedBroadcastID || res.Data[1].State != "Ended" || res.Data[1].TotalWatched != "1200" {
		t.Fatalf("broadcasts: %+v", res.Data)
	}
	if start, ok := twitter.BroadcastTime(res.Data[0].StartMs); !ok || !start.Before(time.Now()) {
		t.Errorf("start_ms %q", res.Data[0].StartMs)
	}
	// One a page, through the iterator.
	got := seqIDs(t, alice.Broadcasts.ListIter(ctx, &twitter.BroadcastListOptions{PageOptions: twitter.PageOptions{MaxResults: 1}}, nil), broadcastID)
	if len(got) != 2 || got[0] != testserver.AliceLiveBroadcastID {
		t.Errorf("iterated: %v", got)
	}
	// Bob has none.
	if res, _, err := userClient(t, s, testserver.BobID).Broadcasts.List(ctx, nil); err != nil || len(res.Data) != 0 {
		t.Errorf("Bob: %+v, %v", res, err)
	}
	for name, o := range map[string]*twitter.BroadcastListOptions{
		"page size": {PageOptions: twitter.PageOptions{MaxResults: 101}},
		"field":     {BroadcastOptions: twitter.BroadcastOptions{BroadcastFields: []gen.BroadcastField{"viewers"}}},
	} {
		if _, _, err := alice.Broadcasts.List(ctx, o); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeBroadcastsLookup(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, resp, err := alice.Broadcasts.Lookup(ctx, []string{testserver.AliceEndedBroadcastID, "1NoSuchThing1"},
		&twitter.BroadcastOptions{BroadcastFields: []gen.BroadcastField{gen.BroadcastFieldTitle}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 1 || res.Data[0].Title != "Release day" || len(resp.PartialErrors) != 1 {
		t.Errorf("lookup: %+v, partial %+v", res.Data, resp.PartialErrors)
	}
	// Someone else's broadcasts are not found.
	_, _, err = userClient(t, s, testserver.BobID).Broadcasts.Lookup(ctx, []string{testserver.AliceLiveBroadcastID}, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("Bob looking up Alice's: %v", err)
	}
	for name, ids := range map[string][]string{"none": nil, "malformed": {"not-an-id"}, "too long": {"12345678901234"}} {
		if _, _, err := alice.Broadcasts.Lookup(ctx, ids, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeBroadcastsByID(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Broadcasts.ByID(ctx, testserver.AliceLiveBroadcastID, &twitter.BroadcastOptions{
		BroadcastFields: []gen.BroadcastField{gen.BroadcastFieldTwitterUserID, gen.BroadcastFieldChatOption, gen.BroadcastFieldAvailableForReplay}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.TwitterUserID != testserver.AliceID || res.Data.ChatOption != 1 || !res.Data.AvailableForReplay || res.Data.Title != "" {
		t.Errorf("broadcast: %+v", res.Data)
	}
	_, _, err = alice.Broadcasts.ByID(ctx, testserver.AliceScheduledBroadcastID, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("a broadcast yet to start: %v", err)
	}
	if _, _, err := alice.Broadcasts.ByID(ctx, "", nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("empty id: %v", err)
	}
}
