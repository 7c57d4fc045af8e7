package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// chunkWriter records the size of each Write; after failAfter writes (when set) it fails.
type chunkWriter struct {
	bytes.Buffer
	writes    []int
	failAfter int
}

var errDiskFull = errors.New("disk full")

func (w *chunkWriter) Write(p []byte) (int, error) {
	if w.failAfter > 0 && len(w.writes) == w.failAfter {
		return 0, errDiskFull
	}
	w.writes = append(w.writes, len(p))
	return w.Buffer.Write(p)
}

// dmPhotoEvent is the id of Alice's seeded message with DMPhotoMediaKey.
func dmPhotoEvent(t *testing.T, s *testserver.Server) string {
	t.Helper()
	for _, e := range s.World().DMEvents(testserver.AliceID, testserver.AliceBobConversationID) {
		if len(e.MediaKeys) == 1 && e.MediaKeys[0] == testserver.DMPhotoMediaKey {
			return e.ID
		}
	}
	t.Fatal("no seeded DM photo")
	return ""
}

func TestFakeDirectMessagesDownloadMedia(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)
	ev := dmPhotoEvent(t, s)
	_, mediaID, _ := strings.Cut(testserver.DMPhotoMediaKey, "_")

	// The seeded photo arrives in pieces, never whole in memory.
	var w chunkWriter
	n, resp, err := bob.DirectMessages.DownloadMedia(ctx, ev, mediaID, testserver.DMPhotoResource, &w)
	if err != nil {
		t.Fatal(err)
	}
	if n != testserver.DMPhotoSize || !bytes.Equal(w.Bytes(), testserver.DMMediaBytes(testserver.DMPhotoMediaKey, testserver.DMPhotoSize)) ||
		resp.StatusCode != 200 || resp.Attempts != 1 {
		t.Errorf("wrote %d bytes (%d in the writer), status %d", n, w.Len(), resp.StatusCode)
	}
	if len(w.writes) < 2 || max(w.writes[0], w.writes[len(w.writes)-1]) > 64<<10 {
		t.Errorf("writes %v: want the file streamed in pieces", w.writes)
	}

	// A photo Alice uploads and sends comes back to Bob byte for byte.
	alice := userClient(t, s, testserver.AliceID)
	photo := pngOf(t, 20, 10, 0)
	up, _, err := alice.Media.Upload(ctx, bytes.NewReader(photo), int64(len(photo)), gen.MediaUploadConfigRequestMediaTypeImagePng,
		&twitter.UploadOptions{Category: gen.MediaCategoryDmImage})
	if err != nil {
		t.Fatal(err)
	}
	sent, _, err := alice.DirectMessages.SendTo(ctx, testserver.BobID, twitter.DirectMessage{Text: "a photo", MediaID: up.Data.ID})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if n, _, err := bob.DirectMessages.DownloadMedia(ctx, sent.Data.DmEventID, up.Data.ID, up.Data.ID+".jpg", &got); err != nil ||
		n != int64(len(photo)) || !bytes.Equal(got.Bytes(), photo) {
		t.Errorf("uploaded photo: %d bytes, %v", n, err)
	}

	// Broken off half way: an error with the count, the bytes that came in w, no retry.
	s.Inject("downloadDMMedia", testserver.Fault{Kind: testserver.FaultTruncatedJSON, Times: 1})
	got.Reset()
	n, _, err = bob.DirectMessages.DownloadMedia(ctx, ev, mediaID, testserver.DMPhotoResource, &got)
	if err == nil || !strings.Contains(err.Error(), "broke off after") || n >= testserver.DMPhotoSize || int64(got.Len()) != n {
		t.Errorf("truncated: n %d, writer %d, err %v", n, got.Len(), err)
	}
	// The writer's own failure is told apart.
	n, _, err = bob.DirectMessages.DownloadMedia(ctx, ev, mediaID, testserver.DMPhotoResource, &chunkWriter{failAfter: 1})
	if !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "writing the file") {
		t.Errorf("failing writer: n %d, err %v", n, err)
	}

	// Carol is not in the conversation; a wrong resource is not found; dm.read is needed.
	_, _, err = userClient(t, s, testserver.CarolID).DirectMessages.DownloadMedia(ctx, ev, mediaID, testserver.DMPhotoResource, &got)
	if !twitter.IsNotFound(err) {
		t.Errorf("outsider: %v", err)
	}
	_, _, err = bob.DirectMessages.DownloadMedia(ctx, ev, mediaID, "photo11.jpg", &got)
	if !twitter.IsNotFound(err) {
		t.Errorf("wrong resource: %v", err)
	}
	_, _, err = userClient(t, s, testserver.BobID, "tweet.read", "users.read").DirectMessages.DownloadMedia(ctx, ev, mediaID, testserver.DMPhotoResource, &got)
	wantError(t, err, 403, "")

	for name, call := range map[string]func() error{
		"nil writer": func() error {
			_, _, err := bob.DirectMessages.DownloadMedia(ctx, ev, mediaID, testserver.DMPhotoResource, nil)
			return err
		},
		"resource path": func() error {
			_, _, err := bob.DirectMessages.DownloadMedia(ctx, ev, mediaID, "../photo.jpg", &got)
			return err
		},
		"dm id": func() error {
			_, _, err := bob.DirectMessages.DownloadMedia(ctx, "dm", mediaID, testserver.DMPhotoResource, &got)
			return err
		},
		"media key": func() error {
			_, _, err := bob.DirectMessages.DownloadMedia(ctx, ev, testserver.DMPhotoMediaKey, testserver.DMPhotoResource, &got)
			return err
		},
	} {
		if err := call(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}
