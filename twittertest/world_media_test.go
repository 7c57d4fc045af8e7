package twittertest_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// A photo the client uploads: one upload more, with its bytes; its alt text in the
// media's metadata.
func TestWorldUploadAndMetadata(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	var photo bytes.Buffer
	if err := png.Encode(&photo, image.NewGray(image.Rect(0, 0, 16, 9))); err != nil {
		t.Fatal(err)
	}
	before := w.UploadCount()
	res, _, err := alice.Media.Upload(ctx, bytes.NewReader(photo.Bytes()), int64(photo.Len()), gen.MediaUploadConfigRequestMediaTypeImagePng, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.UploadCount(); got != before+1 {
		t.Errorf("UploadCount %d, was %d", got, before)
	}
	up, ok := w.Upload(res.Data.ID)
	if !ok || !up.Finalized || up.OwnerID != twittertest.AliceID || up.MediaType != "image/png" || up.TotalBytes != int64(photo.Len()) {
		t.Errorf("Upload = %+v, %v", up, ok)
	}
	if _, ok := w.Media(up.MediaKey); !ok {
		t.Errorf("no media %q", up.MediaKey)
	}

	if _, _, err := alice.Media.SetAltText(ctx, res.Data.ID, "a grey rectangle"); err != nil {
		t.Fatal(err)
	}
	if md := w.MediaMetadata(res.Data.ID); !strings.Contains(string(md["alt_text"]), "a grey rectangle") {
		t.Errorf("MediaMetadata = %s", md)
	}
	if md := w.MediaMetadata("1"); md != nil {
		t.Errorf("MediaMetadata of no media = %s", md)
	}
}

// Subtitles a client adds to a seeded video.
func TestWorldSubtitles(t *testing.T) {
	clock := twittertest.NewManualClock(time.Time{})
	srv := twittertest.Start(t, twittertest.WithClock(clock))
	w := srv.World()
	ctx := context.Background()
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	var videoID string
	for _, id := range w.UserTweetIDs(twittertest.AliceID) {
		tw, _ := w.Tweet(id)
		for _, key := range tw.MediaKeys {
			if m, _ := w.Media(key); m.Type == "video" {
				_, videoID, _ = strings.Cut(key, "_") // a media key is "<kind>_<media id>"
			}
		}
	}
	if videoID == "" {
		t.Fatal("Alice posted no video")
	}
	srt := []byte("1\n00:00:00,000 --> 00:00:02,000\nBonjour\n")
	up, _, err := alice.Media.Upload(ctx, bytes.NewReader(srt), int64(len(srt)), gen.MediaUploadConfigRequestMediaTypeTextSrt, &twitter.UploadOptions{
		Category: gen.MediaCategorySubtitles,
		Wait:     func(ctx context.Context, d time.Duration) error { clock.Advance(d); return ctx.Err() },
	})
	if err != nil {
		t.Fatal(err)
	}
	before := len(w.Subtitles(videoID))
	if _, _, err := alice.Media.AddSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo,
		gen.MediaSubtitle{ID: up.Data.ID, LanguageCode: "FR", DisplayName: "Français"}); err != nil {
		t.Fatal(err)
	}
	tracks := w.Subtitles(videoID)
	found := false
	for _, tr := range tracks {
		found = found || tr == twittertest.SubtitleTrack{ID: up.Data.ID, LanguageCode: "FR", DisplayName: "Français"}
	}
	if len(tracks) != before+1 || !found {
		t.Errorf("Subtitles = %+v (was %d)", tracks, before)
	}
}

// An upload the world is seeded with is posted as an upload the client made: by its
// owner and additional owners, by its media id, and not by anyone else.
func TestWorldAddUpload(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	photo, err := w.AddUpload(twittertest.Upload{OwnerID: twittertest.AliceID, AdditionalOwners: []string{twittertest.BobID}})
	if err != nil {
		t.Fatal(err)
	}
	if !photo.Finalized || photo.Category != "tweet_image" || photo.MediaType != "image/jpeg" || photo.MediaKey != "3_"+photo.ID ||
		photo.TotalBytes != 64<<10 || photo.Segments[0] != 64<<10 || photo.CreatedAt.IsZero() {
		t.Errorf("AddUpload filled in %+v", photo)
	}
	if got, ok := w.Upload(photo.ID); !ok || got.OwnerID != twittertest.AliceID || w.UploadState(photo.ID) != "" {
		t.Errorf("Upload(%s) = %+v, %v; state %q", photo.ID, got, ok, w.UploadState(photo.ID))
	}
	for _, poster := range []string{twittertest.AliceID, twittertest.BobID} {
		c := twittertest.NewUserClient(t, srv, poster)
		res, _, err := c.Tweets.Create(ctx, twitter.NewTweet{Text: "my desk", MediaIDs: []string{photo.ID}})
		if err != nil {
			t.Fatalf("%s posting the upload: %v", poster, err)
		}
		got, _, err := c.Tweets.ByID(ctx, res.Data.ID, &twitter.TweetOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansionAttachmentsMediaKeys}})
		if err != nil {
			t.Fatal(err)
		}
		if keys := got.Data.Attachments.MediaKeys; len(keys) != 1 || keys[0] != photo.MediaKey ||
			len(got.Includes.Media) != 1 || got.Includes.Media[0].Type != "photo" {
			t.Errorf("%s's Tweet carries %v, includes %+v; want %s", poster, keys, got.Includes.Media, photo.MediaKey)
		}
	}
	_, _, err = twittertest.NewUserClient(t, srv, twittertest.CarolID).Tweets.Create(ctx, twitter.NewTweet{Text: "mine?", MediaIDs: []string{photo.ID}})
	if !twitter.IsInvalidRequest(err) || !strings.Contains(err.Error(), "no upload") {
		t.Errorf("Carol posting Alice's upload: %v, want a 400", err)
	}

	// A video is processed already; a DM upload goes into a direct message.
	video, err := w.AddUpload(twittertest.Upload{OwnerID: twittertest.AliceID, MediaType: "video/mp4"})
	if err != nil {
		t.Fatal(err)
	}
	if video.Category != "tweet_video" || w.UploadState(video.ID) != "succeeded" || video.MediaKey != "7_"+video.ID {
		t.Errorf("the video %+v is %q", video, w.UploadState(video.ID))
	}
	if m, ok := w.Media(video.MediaKey); !ok || m.Type != "video" || m.PreviewImageURL == "" {
		t.Errorf("the video's media %+v, %v", m, ok)
	}
	dm, err := w.AddUpload(twittertest.Upload{OwnerID: twittertest.AliceID, Category: "dm_image", MediaType: "image/png"})
	if err != nil {
		t.Fatal(err)
	}
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	if _, _, err := alice.DirectMessages.SendTo(ctx, twittertest.BobID, twitter.DirectMessage{Text: "look", MediaID: dm.ID}); err != nil {
		t.Errorf("sending the DM upload: %v", err)
	}
	if _, _, err := alice.Tweets.Create(ctx, twitter.NewTweet{Text: "look", MediaIDs: []string{dm.ID}}); !twitter.IsInvalidRequest(err) {
		t.Errorf("posting a dm_image upload in a Tweet: %v, want a 400", err)
	}

	// A day after it was made the upload has expired, as a real one does.
	old, err := w.AddUpload(twittertest.Upload{OwnerID: twittertest.AliceID, CreatedAt: time.Now().Add(-25 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := alice.Tweets.Create(ctx, twitter.NewTweet{Text: "late", MediaIDs: []string{old.ID}}); !twitter.IsInvalidRequest(err) || !strings.Contains(err.Error(), "expired") {
		t.Errorf("posting an expired upload: %v, want a 400", err)
	}
	if _, err := w.AddUpload(twittertest.Upload{OwnerID: twittertest.AliceID, ID: photo.ID}); err == nil || !strings.Contains(err.Error(), "taken") {
		t.Errorf("AddUpload of a taken media id: %v", err)
	}
}

func TestWorldAddUploadRefusesWhatTheAPIWould(t *testing.T) {
	w := twittertest.Start(t).World()
	many := make([]string, 101)
	for i := range many {
		many[i] = w.FollowerIDs(twittertest.JackID)[100+i] // generated followers
	}
	for _, c := range []struct {
		what string
		u    twittertest.Upload
		says string
	}{
		{"no owner", twittertest.Upload{}, "no OwnerID"},
		{"an owner who does not exist", twittertest.Upload{OwnerID: twittertest.NonexistentID}, "no user"},
		{"a malformed additional owner", twittertest.Upload{OwnerID: twittertest.AliceID, AdditionalOwners: []string{"@bob"}}, "not a user id"},
		{"the owner as additional owner", twittertest.Upload{OwnerID: twittertest.AliceID, AdditionalOwners: []string{twittertest.AliceID}}, "twice"},
		{"101 additional owners", twittertest.Upload{OwnerID: twittertest.AliceID, AdditionalOwners: many}, "at most 100"},
		{"a malformed media id", twittertest.Upload{OwnerID: twittertest.AliceID, ID: "3_123"}, "not a media id"},
		{"a seeded Tweet's media id", twittertest.Upload{OwnerID: twittertest.AliceID, ID: strings.TrimPrefix(twittertest.PhotoMediaKey, "3_")}, "taken"},
		{"an unknown category", twittertest.Upload{OwnerID: twittertest.AliceID, Category: "tweet_audio"}, "none of"},
		{"an unknown media type", twittertest.Upload{OwnerID: twittertest.AliceID, MediaType: "image/x-gopher"}, "none the API uploads"},
		{"a type that does not fit its category", twittertest.Upload{OwnerID: twittertest.AliceID, MediaType: "video/mp4", Category: "tweet_image"}, "cannot be uploaded as tweet_image"},
		{"a photo over the limit", twittertest.Upload{OwnerID: twittertest.AliceID, TotalBytes: 5<<20 + 1}, "the limit of tweet_image"},
		{"a negative size", twittertest.Upload{OwnerID: twittertest.AliceID, TotalBytes: -1}, "negative"},
		{"a media key", twittertest.Upload{OwnerID: twittertest.AliceID, MediaKey: "3_1"}, "the server's to set"},
		{"finalized", twittertest.Upload{OwnerID: twittertest.AliceID, Finalized: true}, "the server's to set"},
	} {
		before := w.UploadCount()
		_, err := w.AddUpload(c.u)
		wantErr(t, c.what, err, c.says)
		if w.UploadCount() != before {
			t.Errorf("%s: the refused upload was kept", c.what)
		}
	}
}
