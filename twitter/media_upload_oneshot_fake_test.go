package twitter_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// pngOf is a w×h PNG, followed by pad zero bytes (to make a large file).
func pngOf(t *testing.T, w, h, pad int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return append(buf.Bytes(), make([]byte, pad)...)
}

// A small still image goes up in one request; the fake keeps its bytes (chunked uploads
// keep only segment sizes), which tells the two paths apart.
func TestFakeMediaUploadOneShot(t *testing.T) {
	clock := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(clock))
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	photo := pngOf(t, 64, 48, 0)
	var progress []string
	res, _, err := alice.Media.Upload(ctx, iotest.HalfReader(bytes.NewReader(photo)), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImagePng,
		&twitter.UploadOptions{Progress: func(sent, total int64) { progress = append(progress, fmt.Sprintf("%d/%d", sent, total)) }})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := s.World().Upload(res.Data.ID)
	if !bytes.Equal(u.Data, photo) || u.Category != "tweet_image" || !u.Finalized || res.Data.MediaKey != u.MediaKey ||
		res.Data.Image.W != 64 || res.Data.Image.H != 48 || res.Data.Image.ImageType != "image/png" {
		t.Errorf("one-shot upload: %s; world %+v", jsonText(res.Data), u)
	}
	if want := []string{fmt.Sprintf("%d/%d", len(photo), len(photo))}; !slices.Equal(progress, want) {
		t.Errorf("progress %v, want %v", progress, want)
	}
	if _, _, err := alice.Tweets.Create(ctx, twitter.NewTweet{Text: "one request", MediaIDs: []string{res.Data.ID}}); err != nil {
		t.Errorf("posting the photo: %v", err)
	}

	// For a direct message, shared with Bob.
	res, _, err = alice.Media.Upload(ctx, bytes.NewReader(photo), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImagePng,
		&twitter.UploadOptions{Category: gen.MediaCategoryDmImage, AdditionalOwners: []string{testserver.BobID}})
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := s.World().Upload(res.Data.ID); u.Data == nil || u.Category != "dm_image" || !slices.Equal(u.AdditionalOwners, []string{testserver.BobID}) {
		t.Errorf("dm photo: %+v", u)
	}

	// Past 5,000,000 bytes, and for GIFs, the chunked path.
	for name, tc := range map[string]struct {
		file      []byte
		mediaType gen.MediaUploadConfigRequestMediaType
		segments  int
	}{
		"large photo": {pngOf(t, 8, 8, 5_000_001), gen.MediaUploadConfigRequestMediaTypeImagePng, 2},
		"gif":         {append([]byte("GIF89a"), make([]byte, 100)...), gen.MediaUploadConfigRequestMediaTypeImageGif, 1},
	} {
		res, _, err := alice.Media.Upload(ctx, bytes.NewReader(tc.file), int64(len(tc.file)), tc.mediaType, &twitter.UploadOptions{
			Wait: func(ctx context.Context, d time.Duration) error { clock.Advance(d); return ctx.Err() }})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if u, _ := s.World().Upload(res.Data.ID); u.Data != nil || len(u.Segments) != tc.segments || !u.Finalized {
			t.Errorf("%s: not chunked: %d segments, data %v", name, len(u.Segments), u.Data != nil)
		}
	}

	// A reader that does not hold the declared size sends nothing.
	before := s.World().UploadCount()
	_, _, err = alice.Media.Upload(ctx, bytes.NewReader(photo[:10]), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImagePng, nil)
	if err == nil || !strings.Contains(err.Error(), "ended after 10 of") {
		t.Errorf("short reader: %v", err)
	}
	_, _, err = alice.Media.Upload(ctx, bytes.NewReader(append(photo, 0)), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImagePng, nil)
	if err == nil || !strings.Contains(err.Error(), "holds more than") {
		t.Errorf("long reader: %v", err)
	}
	if n := s.World().UploadCount(); n != before {
		t.Errorf("%d uploads made by bad readers", n-before)
	}
}
