package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// TestFakeMediaUploadProcessingFailed: when the fake's processing of a video fails,
// Upload waits out pending and in_progress as X asks, then returns an error wrapping
// ErrProcessingFailed with the last status (state failed, the media id), and the media
// cannot go in a Tweet.
func TestFakeMediaUploadProcessingFailed(t *testing.T) {
	clock := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(clock))
	s.Inject("finalizeMediaUpload", testserver.Fault{Kind: testserver.FaultProcessingFailed, Times: 1})
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	v := video(3 << 20) // 3 MiB: three seconds of processing, failing after one and a half
	var waits []time.Duration
	res, resp, err := alice.Media.Upload(ctx, bytes.NewReader(v), int64(len(v)), gen.MediaUploadConfigRequestMediaTypeVideoMp4, &twitter.UploadOptions{
		ChunkSize: 1 << 20,
		Wait: func(ctx context.Context, d time.Duration) error {
			waits = append(waits, d)
			clock.Advance(d)
			return ctx.Err()
		},
	})
	if !errors.Is(err, twitter.ErrProcessingFailed) {
		t.Fatalf("err = %v, want ErrProcessingFailed", err)
	}
	if res == nil || resp == nil || res.Data.ProcessingInfo.State != gen.ProcessingInfoStateFailed || res.Data.ID == "" {
		t.Fatalf("last status %+v, response %v; want the failed state and the media id", res, resp)
	}
	id := res.Data.ID
	if st := s.World().UploadState(id); st != "failed" {
		t.Errorf("the world has upload %s %q, want failed", id, st)
	}
	// Pending (1 s), then in_progress until the failure: at least two waits, as X asked.
	if len(waits) < 2 || waits[0] != time.Second || slices.ContainsFunc(waits, func(d time.Duration) bool { return d <= 0 }) {
		t.Errorf("waits %v: want pending's second, then in_progress's", waits)
	}

	_, _, err = alice.Tweets.Create(ctx, twitter.NewTweet{Text: "my broken video", MediaIDs: []string{id}})
	if !twitter.IsInvalidRequest(err) {
		t.Errorf("Tweet with the failed media: err = %v, want X's 400", err)
	}

	// The fault was for one upload only: the next one succeeds.
	res, _, err = alice.Media.Upload(ctx, bytes.NewReader(v), int64(len(v)), gen.MediaUploadConfigRequestMediaTypeVideoMp4, &twitter.UploadOptions{
		ChunkSize: 1 << 20,
		Wait: func(ctx context.Context, d time.Duration) error {
			clock.Advance(d)
			return ctx.Err()
		},
	})
	if err != nil || res.Data.ProcessingInfo.State != gen.ProcessingInfoStateSucceeded {
		t.Errorf("second upload: %v, %+v", err, res)
	}
}

// A processing state X's document does not list is waited out as pending is: polled as
// X asks until it ends, and bounded by ProcessingTimeout when it never does, with an
// error that names the state.
func TestFakeMediaUploadUnlistedProcessingState(t *testing.T) {
	clock := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(clock))
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	v := video(3 << 20)
	var waited time.Duration
	opts := &twitter.UploadOptions{
		ChunkSize:         1 << 20,
		ProcessingTimeout: time.Minute,
		Wait: func(ctx context.Context, d time.Duration) error {
			waited += d
			clock.Advance(d)
			return ctx.Err()
		},
	}

	// The finalize alone reports a new state; the status polls that follow end it.
	s.Inject("finalizeMediaUpload", testserver.Fault{Kind: testserver.FaultUnlistedValues, Times: 1})
	res, _, err := alice.Media.Upload(ctx, bytes.NewReader(v), int64(len(v)), gen.MediaUploadConfigRequestMediaTypeVideoMp4, opts)
	if err != nil || res.Data.ProcessingInfo.State != gen.ProcessingInfoStateSucceeded {
		t.Fatalf("upload: %v, %+v; want it polled to success", err, res)
	}
	if waited == 0 {
		t.Error("the unlisted state was taken for the end of processing: no wait")
	}

	// Every answer in a state X never leaves: the timeout ends it, naming the state.
	s.Inject("*", testserver.Fault{Kind: testserver.FaultUnlistedValues})
	waited = 0
	res, _, err = alice.Media.Upload(ctx, bytes.NewReader(v), int64(len(v)), gen.MediaUploadConfigRequestMediaTypeVideoMp4, opts)
	if err == nil || !strings.Contains(err.Error(), "unlistedByTheDocument") || !strings.Contains(err.Error(), "ProcessingTimeout") {
		t.Fatalf("err = %v, want the timeout naming the state", err)
	}
	if res == nil || res.Data.ID == "" || waited > time.Minute || waited == 0 {
		t.Errorf("last status %+v after waiting %s; want the media id, within the minute", res, waited)
	}
}
