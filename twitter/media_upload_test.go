package twitter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/twitterkit/go/gen"
)

// uploadServer is a fake of X's chunked upload for one file. It checks that segments come
// in order, each but the last of the declared chunk size, that they add up to the file,
// and after finalize it answers the processing states of script, one a status check.
type uploadServer struct {
	t         *testing.T
	want      []byte // the file
	chunk     int    // the expected segment size
	mediaType string
	category  string   // expected media_category; "" for none
	script    []string // processing states: after finalize, then one per status check; nil for an image
	checkSecs int      // check_after_secs of every non-final state
	failAt    int      // segment to refuse with a 400; -1 for none

	mu        sync.Mutex
	requests  []string // "initialize", "append 0", ..., "finalize", "status"
	got       bytes.Buffer
	finalized bool
	polls     int
}

func newUploadServer(t *testing.T, file []byte, chunk int, mediaType, category string, script ...string) *uploadServer {
	return &uploadServer{t: t, want: file, chunk: chunk, mediaType: mediaType, category: category, script: script, checkSecs: 1, failAt: -1}
}

func (s *uploadServer) log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}

// reply writes the state of the upload after step (the index into script).
func (s *uploadServer) state(w http.ResponseWriter, step int) {
	data := map[string]any{"id": mediaID, "media_key": "7_" + mediaID, "size": len(s.want), "expires_after_secs": 86400}
	if s.script != nil {
		state := s.script[min(step, len(s.script)-1)]
		info := map[string]any{"state": state}
		switch state {
		case "succeeded":
			info["progress_percent"] = 100
		case "failed":
		default:
			info["check_after_secs"] = s.checkSecs
			info["progress_percent"] = step * 10
		}
		data["processing_info"] = info
	}
	json.NewEncoder(w).Encode(map[string]any{"data": data})
}

func (s *uploadServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.t
	w.Header().Set("Content-Type", "application/json")
	base := "/2/media/upload/" + mediaID + "/"
	switch {
	case r.Method == "POST" && r.URL.Path == "/2/media/upload/initialize":
		s.requests = append(s.requests, "initialize")
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Errorf("initialize body: %v", err)
		}
		if body["total_bytes"] != float64(len(s.want)) || body["media_type"] != s.mediaType || (s.category != "") != (body["media_category"] != nil) ||
			(s.category != "" && body["media_category"] != s.category) {
			t.Errorf("initialize body = %v", body)
		}
		io.WriteString(w, `{"data":{"id":"`+mediaID+`","media_key":"7_`+mediaID+`","expires_after_secs":86400}}`)

	case r.Method == "POST" && r.URL.Path == base+"append":
		a := readAppend(t, r)
		n, err := strconv.Atoi(a.segment)
		s.requests = append(s.requests, "append "+a.segment)
		if wantN := s.got.Len() / s.chunk; err != nil || n != wantN {
			t.Errorf("segment_index %q, want %d: segments out of order", a.segment, wantN)
		}
		if s.finalized {
			t.Errorf("append after finalize")
		}
		if left := len(s.want) - s.got.Len(); len(a.media) != min(s.chunk, left) {
			t.Errorf("segment %d has %d bytes, want %d", n, len(a.media), min(s.chunk, left))
		}
		if n == s.failAt {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"title":"Invalid Request","detail":"Segment could not be stored.","type":"https://api.twitter.com/2/problems/invalid-request"}`)
			return
		}
		s.got.Write(a.media)
		io.WriteString(w, `{"data":{"expires_at":1732755600}}`)

	case r.Method == "POST" && r.URL.Path == base+"finalize":
		s.requests = append(s.requests, "finalize")
		if !bytes.Equal(s.got.Bytes(), s.want) {
			t.Errorf("finalized %d bytes that differ from the file's %d", s.got.Len(), len(s.want))
		}
		s.finalized = true
		s.state(w, 0)

	case r.Method == "GET" && r.URL.Path == "/2/media/upload":
		s.requests = append(s.requests, "status")
		if q := r.URL.RawQuery; q != "media_id="+mediaID+"&command=STATUS" {
			t.Errorf("status query = %q", q)
		}
		if !s.finalized {
			t.Errorf("status before finalize")
		}
		s.polls++
		s.state(w, s.polls)

	default:
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusNotFound)
	}
}

// recorder collects the progress reports and waits of an upload.
type recorder struct {
	progress []string
	waits    []time.Duration
}

func (r *recorder) options(o UploadOptions) *UploadOptions {
	o.Progress = func(sent, total int64) { r.progress = append(r.progress, fmt.Sprintf("%d/%d", sent, total)) }
	o.Wait = func(ctx context.Context, d time.Duration) error {
		r.waits = append(r.waits, d)
		return ctx.Err()
	}
	return &o
}

func file(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}

func TestUploadVideoProcessesUntilSucceeded(t *testing.T) {
	data := file(10)
	srv := newUploadServer(t, data, 4, "video/mp4", "tweet_video", "pending", "in_progress", "in_progress", "succeeded")
	srv.checkSecs = 3
	c := setup(t, srv.ServeHTTP)
	var rec recorder
	res, resp, err := c.Media.Upload(context.Background(), bytes.NewReader(data), int64(len(data)), gen.MediaUploadConfigRequestMediaTypeVideoMp4,
		rec.options(UploadOptions{Category: gen.MediaCategoryTweetVideo, ChunkSize: 4}))
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != mediaID || res.Data.ProcessingInfo.State != gen.ProcessingInfoStateSucceeded || resp.StatusCode != 200 {
		t.Errorf("result = %s", asJSON(t, res))
	}
	if got, want := strings.Join(srv.log(), ","), "initialize,append 0,append 1,append 2,finalize,status,status,status"; got != want {
		t.Errorf("requests = %s\nwant       %s", got, want)
	}
	if got, want := strings.Join(rec.progress, " "), "4/10 8/10 10/10"; got != want {
		t.Errorf("progress = %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(rec.waits), "[3s 3s 3s]"; got != want {
		t.Errorf("waits = %s, want %s (check_after_secs)", got, want)
	}
}

func TestUploadImageNeedsNoProcessing(t *testing.T) {
	data := file(5<<20 + 123) // default chunks: 4 MiB, then the rest
	srv := newUploadServer(t, data, 4<<20, "image/png", "")
	c := setup(t, srv.ServeHTTP)
	var rec recorder
	res, _, err := c.Media.Upload(context.Background(), bytes.NewReader(data), int64(len(data)), gen.MediaUploadConfigRequestMediaTypeImagePng, rec.options(UploadOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != mediaID || res.Data.ProcessingInfo != (gen.ProcessingInfo{}) {
		t.Errorf("result = %s", asJSON(t, res))
	}
	if got, want := strings.Join(srv.log(), ","), "initialize,append 0,append 1,finalize"; got != want {
		t.Errorf("requests = %s, want %s", got, want)
	}
	if got, want := strings.Join(rec.progress, " "), fmt.Sprintf("%d/%d %d/%d", 4<<20, len(data), len(data), len(data)); got != want {
		t.Errorf("progress = %s, want %s", got, want)
	}
	if len(rec.waits) != 0 {
		t.Errorf("waited %v for an image", rec.waits)
	}
}

func TestUploadWithoutOptions(t *testing.T) {
	data := file(3)
	srv := newUploadServer(t, data, 4<<20, "image/gif", "", "succeeded")
	c := setup(t, srv.ServeHTTP)
	// One byte at a time: a reader that returns less than asked is read until the chunk is full.
	if _, _, err := c.Media.Upload(context.Background(), iotest.OneByteReader(bytes.NewReader(data)), 3, "image/gif", nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(srv.log(), ","); got != "initialize,append 0,finalize" {
		t.Errorf("requests = %s", got)
	}
}

func TestUploadProcessingFails(t *testing.T) {
	data := file(9)
	srv := newUploadServer(t, data, 3, "video/mp4", "", "pending", "in_progress", "failed")
	c := setup(t, srv.ServeHTTP)
	var rec recorder
	res, _, err := c.Media.Upload(context.Background(), bytes.NewReader(data), 9, gen.MediaUploadConfigRequestMediaTypeVideoMp4, rec.options(UploadOptions{ChunkSize: 3}))
	if !errors.Is(err, ErrProcessingFailed) || !strings.Contains(err.Error(), "Media.Upload: media "+mediaID) {
		t.Fatalf("err = %v, want ErrProcessingFailed", err)
	}
	if res == nil || res.Data.ProcessingInfo.State != gen.ProcessingInfoStateFailed {
		t.Errorf("result = %v, want the failed status", res)
	}
	if len(rec.waits) != 2 || strings.Join(rec.progress, " ") != "3/9 6/9 9/9" {
		t.Errorf("waits = %v, progress = %v", rec.waits, rec.progress)
	}
}

func TestUploadUnknownStateIsPolledLikeInProgress(t *testing.T) {
	data := file(2)
	srv := newUploadServer(t, data, 2, "video/mp4", "", "queued", "succeeded")
	c := setup(t, srv.ServeHTTP)
	var rec recorder
	if _, _, err := c.Media.Upload(context.Background(), bytes.NewReader(data), 2, "video/mp4", rec.options(UploadOptions{ChunkSize: 2})); err != nil {
		t.Fatal(err)
	}
	if len(rec.waits) != 1 || srv.polls != 1 {
		t.Errorf("waits = %v, polls = %d", rec.waits, srv.polls)
	}
}

func TestUploadProcessingTimeout(t *testing.T) {
	data := file(2)
	srv := newUploadServer(t, data, 2, "video/mp4", "", "in_progress") // forever
	srv.checkSecs = 5
	c := setup(t, srv.ServeHTTP)
	var rec recorder
	res, _, err := c.Media.Upload(context.Background(), bytes.NewReader(data), 2, "video/mp4", rec.options(UploadOptions{ChunkSize: 2, ProcessingTimeout: 12 * time.Second}))
	if err == nil || !strings.Contains(err.Error(), "still in_progress after waiting 10s (ProcessingTimeout 12s); poll Media.Status") {
		t.Fatalf("err = %v", err)
	}
	if res == nil || res.Data.ProcessingInfo.State != gen.ProcessingInfoStateInProgress || fmt.Sprint(rec.waits) != "[5s 5s]" {
		t.Errorf("result = %v, waits = %v", res, rec.waits)
	}
}

func TestUploadWaitHonoursTheContext(t *testing.T) {
	data := file(2)
	srv := newUploadServer(t, data, 2, "video/mp4", "", "pending")
	srv.checkSecs = 30
	c := setup(t, srv.ServeHTTP)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	// The default wait: a timer that gives up when the context does.
	_, _, err := c.Media.Upload(ctx, bytes.NewReader(data), 2, "video/mp4", &UploadOptions{ChunkSize: 2})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "waiting for processing") {
		t.Fatalf("err = %v, want the deadline while waiting", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Upload took %s: the wait did not stop with the context", d)
	}
}

func TestUploadChecksTheReaderHoldsSizeBytes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		r      io.Reader
		want   string
		server string // requests the server saw
	}{
		{"short", bytes.NewReader(file(7)), "the reader ended after 7 of 10 bytes", "initialize,append 0"},
		{"long", bytes.NewReader(file(11)), "the reader holds more than 10 bytes", "initialize,append 0,append 1"},
		{"failing", io.MultiReader(bytes.NewReader(file(5)), iotest.ErrReader(errors.New("disk gone"))), "reading segment 1: disk gone", "initialize,append 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newUploadServer(t, file(10), 4, "video/mp4", "")
			c := setup(t, srv.ServeHTTP)
			var rec recorder
			_, _, err := c.Media.Upload(context.Background(), tc.r, 10, "video/mp4", rec.options(UploadOptions{ChunkSize: 4}))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "media "+mediaID) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if got := strings.Join(srv.log(), ","); got != tc.server {
				t.Errorf("requests = %s, want %s (never finalized)", got, tc.server)
			}
		})
	}
}

func TestUploadStopsAtARefusedSegment(t *testing.T) {
	data := file(12)
	srv := newUploadServer(t, data, 4, "video/mp4", "")
	srv.failAt = 1
	c := setup(t, srv.ServeHTTP)
	var rec recorder
	_, resp, err := c.Media.Upload(context.Background(), bytes.NewReader(data), 12, "video/mp4", rec.options(UploadOptions{ChunkSize: 4}))
	if !IsInvalidRequest(err) || !strings.Contains(err.Error(), "appending segment 1") || resp == nil || resp.StatusCode != 400 {
		t.Fatalf("err = %v, resp = %v", err, resp)
	}
	if e := apiError(t, err); e.Endpoint != "POST /2/media/upload/{id}/append" {
		t.Errorf("endpoint = %s", e.Endpoint)
	}
	if got := strings.Join(srv.log(), ","); got != "initialize,append 0,append 1" || strings.Join(rec.progress, " ") != "4/12" {
		t.Errorf("requests = %s, progress = %v", got, rec.progress)
	}
}

func TestUploadRejectsBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	r := func() io.Reader { return bytes.NewReader(file(10)) }
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"nil reader", func() error { _, _, err := c.Media.Upload(ctx, nil, 10, "image/png", nil); return err }, "Media.Upload: invalid argument: nil reader"},
		{"no size", func() error { _, _, err := c.Media.Upload(ctx, r(), 0, "image/png", nil); return err }, "size 0 out of range [1, 17179869184]"},
		{"too big", func() error { _, _, err := c.Media.Upload(ctx, r(), 17179869185, "video/mp4", nil); return err }, "size 17179869185 out of range"},
		{"media type", func() error { _, _, err := c.Media.Upload(ctx, r(), 10, "application/zip", nil); return err }, `Media.Upload: invalid argument: MediaType "application/zip" is not one of`},
		{"category", func() error {
			_, _, err := c.Media.Upload(ctx, r(), 10, "image/png", &UploadOptions{Category: "banner"})
			return err
		}, `MediaCategory "banner" is not one of`},
		{"owners", func() error {
			_, _, err := c.Media.Upload(ctx, r(), 10, "image/png", &UploadOptions{AdditionalOwners: []string{""}})
			return err
		}, "empty additional owner user id"},
		{"chunk too big", func() error {
			_, _, err := c.Media.Upload(ctx, r(), 10, "image/png", &UploadOptions{ChunkSize: 6 << 20})
			return err
		}, "ChunkSize 6291456 out of range [1, 5242880]"},
		{"negative chunk", func() error {
			_, _, err := c.Media.Upload(ctx, r(), 10, "image/png", &UploadOptions{ChunkSize: -1})
			return err
		}, "ChunkSize -1 out of range"},
		{"too many segments", func() error {
			_, _, err := c.Media.Upload(ctx, r(), 1001, "video/mp4", &UploadOptions{ChunkSize: 1})
			return err
		}, "1001 bytes in chunks of 1 make 1001 segments; X takes at most 1000, so raise ChunkSize"},
		{"more than 1000 segments of 5 MiB", func() error {
			_, _, err := c.Media.Upload(ctx, r(), 1000*(5<<20)+1, "video/mp4", &UploadOptions{ChunkSize: 5 << 20})
			return err
		}, "size 5242880001 is more than 1000 segments of 5242880 bytes"},
		{"timeout", func() error {
			_, _, err := c.Media.Upload(ctx, r(), 10, "video/mp4", &UploadOptions{ProcessingTimeout: -time.Second})
			return err
		}, "ProcessingTimeout -1s is negative"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
