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
