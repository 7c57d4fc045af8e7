package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeWebhooksLinkStream(t *testing.T) {
	s := fake(t, testserver.WithClock(testserver.NewManualClock(time.Time{})))
	ctx := context.Background()
	c := appClient(t, s)

	res, _, err := c.Webhooks.LinkStream(ctx, testserver.SeedWebhookID, &twitter.TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt, gen.TweetFieldLang},
		Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
		UserFields:  []gen.UserField{gen.UserFieldUsername},
	})
	if err != nil || !res.Data.Provisioned {
		t.Fatalf("link: %+v, %v", res, err)
	}
	links := s.World().StreamLinks()
	want := []string{"tweet.fields=created_at,lang", "expansions=author_id", "user.fields=username"}
	if len(links) != 1 || links[0].WebhookID != testserver.SeedWebhookID || !slices.Equal(links[0].Fields, want) {
		t.Errorf("world links: %+v", links)
	}
	// Again, with no options: the rendering is replaced.
	if _, _, err := c.Webhooks.LinkStream(ctx, testserver.SeedWebhookID, nil); err != nil {
		t.Fatal(err)
	}
	if links := s.World().StreamLinks(); len(links) != 1 || len(links[0].Fields) != 0 {
		t.Errorf("relinked: %+v", links)
	}

	// A webhook that failed its CRC check cannot be linked; nor can one the app lacks.
	hook, _, err := c.Webhooks.Create(ctx, "http://127.0.0.1:1/nobody")
	if err != nil || hook.Data.Valid {
		t.Fatalf("invalid webhook: %+v, %v", hook, err)
	}
	_, _, err = c.Webhooks.LinkStream(ctx, hook.Data.ID, nil)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	_, _, err = c.Webhooks.LinkStream(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 404, "")
	_, _, err = userClient(t, s, testserver.AliceID).Webhooks.LinkStream(ctx, testserver.SeedWebhookID, nil)
	wantError(t, err, 403, "")
	if _, _, err := c.Webhooks.LinkStream(ctx, "hook-1", nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("word id: %v", err)
	}
}

func TestFakeWebhooksStreamLinks(t *testing.T) {
	s := fake(t, testserver.WithClock(testserver.NewManualClock(time.Time{})))
	ctx := context.Background()
	c := appClient(t, s)

	links, _, err := c.Webhooks.StreamLinks(ctx)
	if err != nil || len(links) != 0 {
		t.Fatalf("none yet: %+v, %v", links, err)
	}
	if _, _, err := c.Webhooks.LinkStream(ctx, testserver.SeedWebhookID, &twitter.TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldLang}}); err != nil {
		t.Fatal(err)
	}
	links, _, err = c.Webhooks.StreamLinks(ctx)
	if err != nil || len(links) != 1 {
		t.Fatalf("one link: %+v, %v", links, err)
	}
	l := links[0]
	if l.WebhookID != testserver.SeedWebhookID || l.ApplicationID != testserver.ClientAppID || l.InstanceID != testserver.StreamInstanceID ||
		!slices.Equal(l.Fields, []string{"tweet.fields=lang"}) || l.CreatedAt != testserver.SeedTime.Format("2006-01-02T15:04:05.000Z") {
		t.Errorf("link: %+v", l)
	}
	// Deleting the webhook ends its link.
	if _, _, err := c.Webhooks.Delete(ctx, testserver.SeedWebhookID); err != nil {
		t.Fatal(err)
	}
	if links, _, err = c.Webhooks.StreamLinks(ctx); err != nil || len(links) != 0 {
		t.Errorf("after the webhook's deletion: %+v, %v", links, err)
	}
	_, _, err = userClient(t, s, testserver.AliceID).Webhooks.StreamLinks(ctx)
	wantError(t, err, 403, "")
}

// X's newer document sends the links as data itself; the older one under data.links.
func TestFakeWebhooksStreamLinksAsList(t *testing.T) {
	s := fake(t, testserver.WithResponseMutator(func(opID string, status int, body []byte) []byte {
		if opID == "listStreamWebhookLinks" && status == 200 {
			body = bytes.Replace(body, []byte(`{"data":{"links":`), []byte(`{"data":`), 1)
			body = bytes.Replace(body, []byte(`]}}`), []byte(`]}`), 1)
		}
		return body
	}))
	ctx := context.Background()
	c := appClient(t, s)
	if _, _, err := c.Webhooks.LinkStream(ctx, testserver.SeedWebhookID, nil); err != nil {
		t.Fatal(err)
	}
	links, _, err := c.Webhooks.StreamLinks(ctx)
	if err != nil || len(links) != 1 || links[0].WebhookID != testserver.SeedWebhookID {
		t.Fatalf("list shape: %+v, %v", links, err)
	}
}

func TestFakeWebhooksUnlinkStream(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	if _, _, err := c.Webhooks.LinkStream(ctx, testserver.SeedWebhookID, nil); err != nil {
		t.Fatal(err)
	}
	res, _, err := c.Webhooks.UnlinkStream(ctx, testserver.SeedWebhookID)
	if err != nil || !res.Data.Deleted || len(s.World().StreamLinks()) != 0 {
		t.Fatalf("unlink: %+v, %v", res, err)
	}
	if _, ok := s.World().Webhook(testserver.SeedWebhookID); !ok {
		t.Error("unlinking deleted the webhook")
	}
	res, _, err = c.Webhooks.UnlinkStream(ctx, testserver.SeedWebhookID)
	if err != nil || res.Data.Deleted {
		t.Errorf("unlink again: %+v, %v", res, err)
	}
	_, _, err = c.Webhooks.UnlinkStream(ctx, testserver.NonexistentID)
	wantError(t, err, 404, "")
	if _, _, err := c.Webhooks.UnlinkStream(ctx, ""); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("empty id: %v", err)
	}
}
