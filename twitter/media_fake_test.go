package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// video is n bytes standing in for an MP4.
func video(n int) []byte { return bytes.Repeat([]byte("mp4!"), n/4) }

// initialize starts an upload of data, failing the test if it cannot.
func initialize(t *testing.T, c *twitter.Client, mediaType gen.MediaUploadConfigRequestMediaType, data []byte) string {
	t.Helper()
	res, _, err := c.Media.Initialize(context.Background(), gen.MediaUploadConfigRequest{MediaType: mediaType, TotalBytes: len(data)})
	if err != nil {
		t.Fatal(err)
	}
	return res.Data.ID
}

func TestFakeMediaInitialize(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID, "media.write")
	res, _, err := bob.Media.Initialize(ctx, gen.MediaUploadConfigRequest{
		MediaType: gen.MediaUploadConfigRequestMediaTypeVideoMp4, TotalBytes: 4000,
		MediaCategory: gen.MediaCategoryTweetVideo, AdditionalOwners: []string{testserver.CarolID},
	})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Data.ID
	u, ok := s.World().Upload(id)
	if !ok || res.Data.MediaKey != u.MediaKey || u.OwnerID != testserver.BobID || u.TotalBytes != 4000 ||
		u.Category != "tweet_video" || !cmp.Equal(u.AdditionalOwners, []string{testserver.CarolID}) || res.Data.ExpiresAfterSecs <= 0 {
		t.Errorf("initialize = %s; world has %+v", jsonText(res.Data), u)
	}

	// A PNG is no video.
	_, _, err = bob.Media.Initialize(ctx, gen.MediaUploadConfigRequest{
		MediaType: gen.MediaUploadConfigRequestMediaTypeImagePng, TotalBytes: 10, MediaCategory: gen.MediaCategoryTweetVideo,
	})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = appClient(t, s).Media.Initialize(ctx, gen.MediaUploadConfigRequest{MediaType: gen.MediaUploadConfigRequestMediaTypeImagePng, TotalBytes: 10})
	wantUnsupportedAuth(t, err)
}

func TestFakeMediaAppend(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	carol := userClient(t, s, testserver.CarolID)
	data := []byte("0123456789")
	id := initialize(t, carol, gen.MediaUploadConfigRequestMediaTypeImagePng, data)
	for i, seg := range [][]byte{data[:4], data[4:8], data[8:]} {
		res, _, err := carol.Media.Append(ctx, id, i, seg)
		if err != nil {
			t.Fatalf("segment %d: %v", i, err)
		}
		if res.Data.ExpiresAt == 0 {
			t.Errorf("segment %d: %s", i, jsonText(res))
		}
	}
	if u, _ := s.World().Upload(id); !cmp.Equal(u.Segments, map[int]int{0: 4, 1: 4, 2: 2}) {
		t.Errorf("segments in the world = %v", u.Segments)
	}
	// More than total_bytes.
	_, _, err := carol.Media.Append(ctx, id, 3, []byte("x"))
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	// Another user's upload.
	_, _, err = userClient(t, s, testserver.BobID).Media.Append(ctx, id, 0, data[:4])
	if err == nil {
		t.Error("Bob appended to Carol's upload")
	}
}

func TestFakeMediaFinalize(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)

	// A photo is ready at once.
	photo := []byte("not really a png")
	id := initialize(t, bob, gen.MediaUploadConfigRequestMediaTypeImagePng, photo)
	if _, _, err := bob.Media.Append(ctx, id, 0, photo); err != nil {
		t.Fatal(err)
	}
	res, _, err := bob.Media.Finalize(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Data.Size) != len(photo) || res.Data.ProcessingInfo != (gen.ProcessingInfo{}) {
		t.Errorf("finalize of a photo = %s", jsonText(res.Data))
	}

	// A video processes.
	v := video(4000)
	id = initialize(t, bob, gen.MediaUploadConfigRequestMediaTypeVideoMp4, v)
	if _, _, err := bob.Media.Append(ctx, id, 0, v); err != nil {
		t.Fatal(err)
	}
	res, _, err = bob.Media.Finalize(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Data.ProcessingInfo; p.State != gen.ProcessingInfoStatePending || p.CheckAfterSecs < 1 {
		t.Errorf("finalize of a video = %s", jsonText(res.Data))
	}

	// Bytes missing.
	id = initialize(t, bob, gen.MediaUploadConfigRequestMediaTypeImagePng, photo)
	if _, _, err := bob.Media.Append(ctx, id, 0, photo[:5]); err != nil {
		t.Fatal(err)
	}
	_, _, err = bob.Media.Finalize(ctx, id)
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
}

func TestFakeMediaStatus(t *testing.T) {
	clock := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(clock))
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)
	v := video(4000)
	id := initialize(t, bob, gen.MediaUploadConfigRequestMediaTypeVideoMp4, v)
	if _, _, err := bob.Media.Append(ctx, id, 0, v); err != nil {
		t.Fatal(err)
	}
	// Not finalized yet.
	_, _, err := bob.Media.Status(ctx, id)
	wantError(t, err, http.StatusBadRequest, "")
	if _, _, err := bob.Media.Finalize(ctx, id); err != nil {
		t.Fatal(err)
	}

	var states []string
	for range 10 {
		res, _, err := bob.Media.Status(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		p := res.Data.ProcessingInfo
		state := string(p.State)
		if state != s.World().UploadState(id) {
			t.Errorf("status %s, world %s", state, s.World().UploadState(id))
		}
		if len(states) == 0 || states[len(states)-1] != state {
			states = append(states, state)
		}
		if state == "succeeded" {
			break
		}
		clock.Advance(time.Duration(p.CheckAfterSecs) * time.Second)
	}
	if diff := cmp.Diff([]string{"pending", "in_progress", "succeeded"}, states); diff != "" {
		t.Errorf("states (-want +got):\n%s", diff)
	}

	_, _, err = bob.Media.Status(ctx, testserver.NonexistentID)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
	_, _, err = userClient(t, s, testserver.CarolID).Media.Status(ctx, id)
	if !twitter.IsNotFound(err) {
		t.Errorf("another's upload: err = %v, want not found", err)
	}
}

func TestFakeMediaUpload(t *testing.T) {
	clock := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(clock))
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	v := video(3 << 20) // 3 MiB: processing takes a few seconds on the server's clock
	var progress []string
	var waits []time.Duration
	res, _, err := alice.Media.Upload(ctx, bytes.NewReader(v), int64(len(v)), gen.MediaUploadConfigRequestMediaTypeVideoMp4, &twitter.UploadOptions{
		Category:  gen.MediaCategoryTweetVideo,
		ChunkSize: 1 << 20,
		Progress:  func(sent, total int64) { progress = append(progress, fmt.Sprintf("%d/%d", sent>>20, total>>20)) },
		Wait: func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			clock.Advance(d)
			return ctx.Err()
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Data.ID
	u, _ := s.World().Upload(id)
	if res.Data.ProcessingInfo.State != gen.ProcessingInfoStateSucceeded || s.World().UploadState(id) != "succeeded" ||
		!cmp.Equal(u.Segments, map[int]int{0: 1 << 20, 1: 1 << 20, 2: 1 << 20}) || u.Category != "tweet_video" {
		t.Errorf("upload = %s; world has %+v, state %s", jsonText(res.Data), u, s.World().UploadState(id))
	}
	if diff := cmp.Diff([]string{"1/3", "2/3", "3/3"}, progress); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	if len(waits) < 2 {
		t.Errorf("waits = %v: pending and in_progress should each have been waited out", waits)
	}

	// The video can now go in a Tweet.
	tw, _, err := alice.Tweets.Create(ctx, twitter.NewTweet{Text: "my first video", MediaIDs: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	if posted, _ := s.World().Tweet(tw.Data.ID); !cmp.Equal(posted.MediaKeys, []string{u.MediaKey}) {
		t.Errorf("Tweet media = %v, want %s", posted.MediaKeys, u.MediaKey)
	}

	// X's refusal (a 6 MiB photo is too big) wraps the *Error, and nothing is read.
	r := bytes.NewReader(v)
	_, _, err = alice.Media.Upload(ctx, r, 6<<20, gen.MediaUploadConfigRequestMediaTypeImagePng, nil)
	var e *twitter.Error
	if !errors.As(err, &e) || e.StatusCode != http.StatusBadRequest || !twitter.IsInvalidRequest(err) || r.Len() != len(v) {
		t.Errorf("err = %v after reading %d bytes, want X's 400 before any", err, len(v)-r.Len())
	}
	_, _, err = appClient(t, s).Media.Upload(ctx, bytes.NewReader(v[:10]), 10, gen.MediaUploadConfigRequestMediaTypeImagePng, nil)
	if !twitter.IsUnsupportedAuthentication(err) {
		t.Errorf("err = %v, want unsupported authentication", err)
	}
}
