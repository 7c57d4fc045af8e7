package testserver

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestMediaProcessingFailure: an upload finalized under FaultProcessingFailed goes
// pending, in_progress, then failed halfway (no check_after_secs: there is nothing to
// wait for), and cannot go in a Tweet; photos do not process and are unaffected; the
// next video, past the fault's Times, succeeds.
func TestMediaProcessingFailure(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	bob := s.UserToken(BobID)
	s.Inject("POST /2/media/upload/{id}/finalize", Fault{Kind: FaultProcessingFailed, Times: 2})

	photo := upload(t, c, bob, "image/png", "", []byte("png!"), 4, false)
	r := c.do("POST", "/2/media/upload/"+photo+"/finalize", bob, nil)
	wantStatus(t, r, 200)
	if r.has("data", "processing_info") || s.World().UploadState(photo) != "" {
		t.Errorf("photo finalized under the fault: %s", r.raw)
	}

	data := bytes.Repeat([]byte("video!"), 20000) // 120 kB: 2 s of processing
	id := upload(t, c, bob, "video/mp4", "", data, 60000, false)
	r = c.do("POST", "/2/media/upload/"+id+"/finalize", bob, nil)
	wantStatus(t, r, 200)
	if r.str("data", "processing_info", "state") != "pending" {
		t.Fatalf("finalize: %s", r.raw)
	}
	clock.Advance(1500 * time.Millisecond)
	r = c.get("/2/media/upload?media_id="+id, bob)
	if r.str("data", "processing_info", "state") != "in_progress" || r.num("data", "processing_info", "progress_percent") != 25 {
		t.Errorf("before failing: %s", r.raw)
	}
	clock.Advance(500 * time.Millisecond)
	r = c.get("/2/media/upload?media_id="+id, bob)
	if r.str("data", "processing_info", "state") != "failed" || r.num("data", "processing_info", "progress_percent") != 50 ||
		r.has("data", "processing_info", "check_after_secs") || s.World().UploadState(id) != "failed" {
		t.Errorf("failed: %s", r.raw)
	}
	clock.Advance(time.Hour)
	if st := s.World().UploadState(id); st != "failed" {
		t.Errorf("an hour later the upload is %q, want failed for good", st)
	}
	r = c.do("POST", "/2/tweets", bob, map[string]any{"text": "my broken video", "media": map[string]any{"media_ids": []string{id}}})
	wantStatus(t, r, 400)
	if !strings.Contains(string(r.raw), "failed processing") {
		t.Errorf("Tweet with the failed upload: %s", r.raw)
	}

	ok := upload(t, c, bob, "video/mp4", "", data, 60000, false)
	wantStatus(t, c.do("POST", "/2/media/upload/"+ok+"/finalize", bob, nil), 200)
	clock.Advance(10 * time.Second)
	if st := s.World().UploadState(ok); st != "succeeded" {
		t.Errorf("the upload after the fault ran out is %q, want succeeded", st)
	}
	if FaultProcessingFailed.String() != "FaultProcessingFailed" {
		t.Errorf("String() = %q", FaultProcessingFailed.String())
	}
}
