package twittertest_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/twittertest"
)

// TestErrorsSayTwittertest: an error a test gets from the package names the package it
// called, not the fake inside it.
func TestErrorsSayTwittertest(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"AddUser":   func() error { _, err := w.AddUser(twittertest.User{Username: "jack"}); return err },
		"AddTweet":  func() error { _, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.NonexistentID}); return err },
		"AddFollow": func() error { return w.AddFollow(twittertest.BobID, twittertest.BobID) },
		"AddLike":   func() error { return w.AddLike(twittertest.BobID, twittertest.NonexistentID) },
		"AddWebhook": func() error {
			_, err := w.AddWebhook(ctx, "ftp://example.com/hook")
			return err
		},
		"AddAccountActivitySubscription": func() error {
			return w.AddAccountActivitySubscription(twittertest.NonexistentID, twittertest.BobID)
		},
		"SearchIDs":     func() error { _, err := w.SearchIDs("(unbalanced"); return err },
		"EmitLike":      func() error { _, err := srv.EmitLike(twittertest.NonexistentID, twittertest.NonexistentID); return err },
		"UpdateProfile": func() error { return srv.UpdateProfile(twittertest.NonexistentID, twittertest.ProfileBio, "x") },
		"EmitComplianceEvent": func() error {
			return srv.EmitComplianceEvent(twittertest.ComplianceEvent{Stream: "nowhere", Kind: "delete"})
		},
	} {
		err := call()
		if err == nil || !strings.HasPrefix(err.Error(), "twittertest: ") || strings.Contains(err.Error(), "testserver") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestDeliverEventToAnInvalidWebhook(t *testing.T) {
	srv := twittertest.Start(t)
	ctx := context.Background()
	hook, err := srv.World().AddWebhook(ctx, "https://127.0.0.1:1/nothing-listens")
	if err != nil || hook.Valid {
		t.Fatalf("AddWebhook = %+v, %v", hook, err)
	}
	_, err = srv.DeliverEvent(ctx, hook.ID, []byte(`{}`))
	if !errors.Is(err, twittertest.ErrWebhookInvalid) || err != twittertest.ErrWebhookInvalid {
		t.Errorf("DeliverEvent: %v, want ErrWebhookInvalid", err)
	}
	if !strings.HasPrefix(err.Error(), "twittertest: ") {
		t.Errorf("the error says %q", err)
	}
}
