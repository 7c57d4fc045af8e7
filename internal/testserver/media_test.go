package testserver

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime/multipart"
	"net/http"
	"testing"
	"time"
)

// appendJSON sends one segment base64-encoded in JSON.
func appendJSON(c *tc, tok, id string, index int, data []byte) resp {
	c.t.Helper()
	return c.do("POST", "/2/media/upload/"+id+"/append", tok,
		map[string]any{"media": base64.StdEncoding.EncodeToString(data), "segment_index": index})
}

// appendForm sends one segment as raw bytes in a multipart form.
func appendForm(c *tc, tok, id string, index int, data []byte) resp {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("segment_index", fmt.Sprint(index))
	fw, _ := mw.CreateFormFile("media", "chunk.bin")
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, err := http.NewRequest("POST", c.s.URL()+"/2/media/upload/"+id+"/append", &buf)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+tok)
	return c.send(req)
}

// upload initializes an upload and appends data in chunks of chunk bytes, without finalizing.
func upload(t *testing.T, c *tc, tok, mediaType, category string, data []byte, chunk int, form bool) string {
	t.Helper()
	body := map[string]any{"total_bytes": len(data), "media_type": mediaType}
	if category != "" {
		body["media_category"] = category
	}
	r := c.do("POST", "/2/media/upload/initialize", tok, body)
	wantStatus(t, r, 200)
	id := r.str("data", "id")
	for i := 0; i*chunk < len(data); i++ {
		seg := data[i*chunk : min((i+1)*chunk, len(data))]
		var r resp
		if form {
			r = appendForm(c, tok, id, i, seg)
		} else {
			r = appendJSON(c, tok, id, i, seg)
		}
		wantStatus(t, r, 200)
	}
	return id
}

func TestMediaUploadPhoto(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	data := bytes.Repeat([]byte{0xff, 0xd8, 0x42}, 700) // 2,100 bytes
	r := c.do("POST", "/2/media/upload/initialize", alice, map[string]any{"total_bytes": len(data), "media_type": "image/jpeg"})
	wantStatus(t, r, 200)
	id := r.str("data", "id")
	if r.str("data", "media_key") != "3_"+id || r.num("data", "expires_after_secs") < 86000 || r.has("data", "processing_info") {
		t.Fatalf("initialize: %s", r.raw)
	}
	r = appendJSON(c, alice, id, 0, data[:1000])
	wantStatus(t, r, 200)
	if !r.has("data", "expires_at") {
		t.Errorf("append: %s", r.raw)
	}
	wantStatus(t, appendJSON(c, alice, id, 1, data[1000:]), 200)
	if u, _ := s.World().Upload(id); u.Segments[0] != 1000 || u.Segments[1] != 1100 || u.Finalized || u.Category != "tweet_image" {
		t.Errorf("upload in world: %+v", u)
	}
	r = c.do("POST", "/2/media/upload/"+id+"/finalize", alice, nil)
	wantStatus(t, r, 200)
	if r.num("data", "size") != len(data) || r.has("data", "processing_info") || r.str("data", "media_key") != "3_"+id {
		t.Errorf("finalize: %s", r.raw)
	}
	r = c.get("/2/media/upload?command=STATUS&media_id="+id, alice)
	if r.status != 200 || r.num("data", "size") != len(data) {
		t.Errorf("status: %s", r.raw)
	}
	// Attached to a Tweet, it is the Tweet's media.
	r = c.do("POST", "/2/tweets", alice, map[string]any{"text": "new photo", "media": map[string]any{"media_ids": []string{id}}})
	wantStatus(t, r, 201)
	r = c.get("/2/tweets/"+r.str("data", "id")+"?tweet.fields=attachments&expansions=attachments.media_keys&media.fields=url,width", c.app())
	if r.str("data", "attachments", "media_keys", 0) != "3_"+id || r.str("includes", "media", 0, "type") != "photo" ||
		r.str("includes", "media", 0, "url") != "https://pbs.twimg.com/media/"+id+".jpg" {
		t.Errorf("Tweet with the photo: %s", r.raw)
	}
	// Someone else cannot use it, or see it.
	r = c.do("POST", "/2/tweets", s.UserToken(BobID), map[string]any{"text": "stolen", "media": map[string]any{"media_ids": []string{id}}})
	wantStatus(t, r, 400)
	r = c.get("/2/media/upload?command=STATUS&media_id="+id, s.UserToken(BobID))
	wantStatus(t, r, 404)
	if r.str("resource_type") != "media" {
		t.Errorf("status of another's upload: %s", r.raw)
	}
}

func TestMediaUploadVideoProcessing(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock))
	c := newTC(t, s)
	bob := s.UserToken(BobID)
	data := bytes.Repeat([]byte("video!"), 20000) // 120 kB: the shortest processing, 2 s
	id := upload(t, c, bob, "video/mp4", "", data, 50000, true)
	r := c.do("POST", "/2/media/upload/"+id+"/finalize", bob, nil)
	wantStatus(t, r, 200)
	if r.str("data", "processing_info", "state") != "pending" || r.num("data", "processing_info", "check_after_secs") != 1 ||
		r.str("data", "media_key") != "7_"+id {
		t.Fatalf("finalize: %s", r.raw)
	}
	// Not usable while processing.
	r = c.do("POST", "/2/tweets", bob, map[string]any{"text": "my video", "media": map[string]any{"media_ids": []string{id}}})
	wantStatus(t, r, 400)
	clock.Advance(1500 * time.Millisecond)
	r = c.get("/2/media/upload?command=STATUS&media_id="+id, bob)
	if r.str("data", "processing_info", "state") != "in_progress" || r.num("data", "processing_info", "progress_percent") != 25 ||
		r.num("data", "processing_info", "check_after_secs") != 2 || s.World().UploadState(id) != "in_progress" {
		t.Errorf("in progress: %s", r.raw)
	}
	clock.Advance(3 * time.Second)
	r = c.get("/2/media/upload?media_id="+id, bob)
	if r.str("data", "processing_info", "state") != "succeeded" || r.has("data", "processing_info", "check_after_secs") ||
		r.num("data", "processing_info", "progress_percent") != 100 {
		t.Errorf("succeeded: %s", r.raw)
	}
	r = c.do("POST", "/2/tweets", bob, map[string]any{"text": "my video", "media": map[string]any{"media_ids": []string{id}}})
	wantStatus(t, r, 201)
	r = c.get("/2/tweets/"+r.str("data", "id")+"?expansions=attachments.media_keys&media.fields=duration_ms,preview_image_url", c.app())
	if r.str("includes", "media", 0, "type") != "video" || !r.has("includes", "media", 0, "duration_ms") {
		t.Errorf("Tweet with the video: %s", r.raw)
	}
	// A GIF processes too and is an animated_gif.
	gif := upload(t, c, bob, "image/gif", "tweet_gif", []byte("GIF89a....."), 4, false)
	r = c.do("POST", "/2/media/upload/"+gif+"/finalize", bob, nil)
	if r.str("data", "processing_info", "state") != "pending" || r.str("data", "media_key") != "16_"+gif {
		t.Errorf("gif: %s", r.raw)
	}
	clock.Advance(10 * time.Second)
	if m, ok := s.World().Media("16_" + gif); !ok || m.Type != "animated_gif" || s.World().UploadState(gif) != "succeeded" {
		t.Errorf("gif media: %+v", m)
	}
	// Uploads expire after a day.
	late := upload(t, c, bob, "image/png", "", []byte("png"), 3, false)
	wantStatus(t, c.do("POST", "/2/media/upload/"+late+"/finalize", bob, nil), 200)
	clock.Advance(25 * time.Hour)
	r = c.do("POST", "/2/tweets", bob, map[string]any{"text": "too late", "media": map[string]any{"media_ids": []string{late}}})
	wantStatus(t, r, 400)
}

func TestMediaUploadRefusals(t *testing.T) {
	s := Start(t, WithInvalidRequestsAllowed())
	c := newTC(t, s)
	carol := s.UserToken(CarolID)
	init := func(body map[string]any) resp {
		return c.do("POST", "/2/media/upload/initialize", carol, body)
	}
	wantStatus(t, init(map[string]any{"total_bytes": 10}), 400)
	wantStatus(t, init(map[string]any{"media_type": "image/png"}), 400)
	wantStatus(t, init(map[string]any{"total_bytes": 10, "media_type": "image/png", "media_category": "tweet_video"}), 400)
	wantStatus(t, init(map[string]any{"total_bytes": 6 << 20, "media_type": "image/png"}), 400)
	wantStatus(t, init(map[string]any{"total_bytes": 10, "media_type": "image/x-nope"}), 400)
	wantStatus(t, init(map[string]any{"total_bytes": 10, "media_type": "image/png", "extra": true}), 400)

	// A missing segment, a wrong size, an append after finalize.
	id := upload(t, c, carol, "image/png", "", []byte("0123456789"), 4, false) // segments 0, 1, 2
	r := appendJSON(c, carol, id, 5, []byte("x"))
	wantStatus(t, r, 400) // 11 bytes > total_bytes
	gap := upload(t, c, carol, "image/png", "", []byte("0123"), 4, false)
	wantStatus(t, appendJSON(c, carol, gap, 2, []byte("45")), 400) // total_bytes exceeded
	short := upload(t, c, carol, "image/png", "", []byte("0123456789"), 4, false)
	wantStatus(t, appendJSON(c, carol, short, 2, []byte("8")), 200) // resend segment 2, one byte short
	r = c.do("POST", "/2/media/upload/"+short+"/finalize", carol, nil)
	wantStatus(t, r, 400)
	if r.str("type") != "https://api.twitter.com/2/problems/invalid-request" {
		t.Errorf("size mismatch: %s", r.raw)
	}
	hole := upload(t, c, carol, "image/png", "", []byte("0123456789"), 10, false)
	r = c.do("POST", "/2/media/upload/initialize", carol, map[string]any{"total_bytes": 8, "media_type": "image/png"})
	holed := r.str("data", "id")
	wantStatus(t, appendJSON(c, carol, holed, 0, []byte("0123")), 200)
	wantStatus(t, appendJSON(c, carol, holed, 2, []byte("4567")), 200)
	r = c.do("POST", "/2/media/upload/"+holed+"/finalize", carol, nil)
	wantStatus(t, r, 400)
	wantStatus(t, c.do("POST", "/2/media/upload/"+id+"/finalize", carol, nil), 200)
	wantStatus(t, appendJSON(c, carol, id, 3, []byte("x")), 400)
	wantStatus(t, c.do("POST", "/2/media/upload/"+id+"/finalize", carol, nil), 400)
	r = c.do("POST", "/2/media/upload/"+id+"/append", carol, map[string]any{"media": "!!not base64!!", "segment_index": 0})
	wantStatus(t, r, 400)
	wantStatus(t, c.get("/2/media/upload?command=STATUS&media_id="+hole, carol), 400) // not finalized
	wantStatus(t, c.get("/2/media/upload?command=STATUS&media_id="+NonexistentID, carol), 404)
	wantStatus(t, appendJSON(c, carol, id, 1000, []byte("x")), 400)
	// A DM upload is not for Tweets.
	dm := upload(t, c, carol, "image/png", "dm_image", []byte("png!"), 4, false)
	wantStatus(t, c.do("POST", "/2/media/upload/"+dm+"/finalize", carol, nil), 200)
	r = c.do("POST", "/2/tweets", carol, map[string]any{"text": "dm photo", "media": map[string]any{"media_ids": []string{dm}}})
	wantStatus(t, r, 400)
	// User context with media.write only.
	r = c.do("POST", "/2/media/upload/initialize", c.app(), map[string]any{"total_bytes": 10, "media_type": "image/png"})
	if r.status != 403 || r.str("type") != "https://api.twitter.com/2/problems/unsupported-authentication" {
		t.Errorf("app-only: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/media/upload/initialize", s.UserToken(CarolID, "tweet.read"), map[string]any{"total_bytes": 10, "media_type": "image/png"}), 403)
	wantStatus(t, c.do("POST", "/2/media/upload/initialize", s.UserToken(CarolID, "media.write"), map[string]any{"total_bytes": 10, "media_type": "image/png"}), 200)
}
