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
