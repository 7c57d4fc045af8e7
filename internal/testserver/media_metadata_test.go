package testserver

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestMediaLookup(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	r := c.get("/2/media/"+PhotoMediaKey+"?media.fields=alt_text,url,width,height", c.app())
	wantStatus(t, r, 200)
	if r.str("data", "media_key") != PhotoMediaKey || r.str("data", "type") != "photo" ||
		r.str("data", "alt_text") != "A gopher on a laptop" || r.num("data", "width") != 2048 ||
		r.str("data", "url") != "https://pbs.twimg.com/media/photo1.jpg" {
		t.Errorf("photo: %s", r.raw)
	}
	// Default fields: key and type only.
	r = c.get("/2/media/"+VideoMediaKey, s.UserToken(BobID, "tweet.read"))
	if r.str("data", "type") != "video" || r.has("data", "duration_ms") || r.has("data", "url") {
		t.Errorf("video, default fields: %s", r.raw)
	}
	r = c.get("/2/media/3_42", c.app())
	wantStatus(t, r, 200)
	if r.has("data") || r.str("errors", 0, "resource_id") != "3_42" || !strings.HasSuffix(r.str("errors", 0, "type"), "resource-not-found") {
		t.Errorf("missing key: %s", r.raw)
	}
	r = c.get("/2/media?media_keys="+PhotoMediaKey+",3_42,"+VideoMediaKey+"&media.fields=duration_ms,public_metrics", c.app())
	wantStatus(t, r, 200)
	if len(r.list("data")) != 2 || r.str("data", 1, "media_key") != VideoMediaKey || r.num("data", 1, "duration_ms") != 30500 ||
		r.num("data", 1, "public_metrics", "view_count") != 1234 || r.str("errors", 0, "value") != "3_42" ||
		r.str("errors", 0, "parameter") != "media_keys" {
		t.Errorf("batch: %s", r.raw)
	}
	// A user token needs tweet.read.
	wantStatus(t, c.get("/2/media/"+PhotoMediaKey, s.UserToken(BobID, "users.read")), 403)
}

func TestMediaMetadata(t *testing.T) {
	s := Start(t, WithInvalidRequestsAllowed())
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	photoID := mediaIDOf(PhotoMediaKey)
	r := c.do("POST", "/2/media/metadata", alice, map[string]any{"id": photoID, "metadata": map[string]any{
		"alt_text":                map[string]any{"text": "Two gophers on a laptop"},
		"allow_download_status":   map[string]any{"allow_download": false},
		"sensitive_media_warning": map[string]any{"other": true},
	}})
	wantStatus(t, r, 200)
	if r.str("data", "id") != photoID || r.str("data", "associated_metadata", "alt_text", "text") != "Two gophers on a laptop" ||
		r.at("data", "associated_metadata", "allow_download_status", "allow_download") != false {
		t.Errorf("set: %s", r.raw)
	}
	// Lookups and includes show the new alt text; the seed is untouched for other servers.
	r = c.get("/2/tweets/"+MediaTweetID+"?expansions=attachments.media_keys&media.fields=alt_text", c.app())
	if r.str("includes", "media", 0, "alt_text") != "Two gophers on a laptop" {
		t.Errorf("includes: %s", r.raw)
	}
	if m, _ := s.World().Media(PhotoMediaKey); m.AltText != "Two gophers on a laptop" {
		t.Errorf("world: %+v", m)
	}
	if m, _ := Start(t).World().Media(PhotoMediaKey); m.AltText != "A gopher on a laptop" {
		t.Errorf("another server's seed changed: %+v", m)
	}
	// A second call replaces members of the same name and keeps the rest.
	r = c.do("POST", "/2/media/metadata", alice, map[string]any{"id": photoID, "metadata": map[string]any{
		"allow_download_status": map[string]any{"allow_download": true}}})
	wantStatus(t, r, 200)
	md := s.World().MediaMetadata(photoID)
	if string(md["allow_download_status"]) != `{"allow_download":true}` || string(md["sensitive_media_warning"]) != `{"other":true}` ||
		string(md["alt_text"]) != `{"text":"Two gophers on a laptop"}` {
		t.Errorf("merged: %s", md)
	}
	md["sensitive_media_warning"][2] = 'X' // a copy: the server's metadata stays as set
	if again := s.World().MediaMetadata(photoID); string(again["sensitive_media_warning"]) != `{"other":true}` {
		t.Errorf("changing what World.MediaMetadata returned changed the server's: %s", again["sensitive_media_warning"])
	}

	// Only the owner; not app-only; media.write needed.
	wantStatus(t, c.do("POST", "/2/media/metadata", s.UserToken(BobID), map[string]any{"id": photoID,
		"metadata": map[string]any{"alt_text": map[string]any{"text": "mine"}}}), 403)
	wantStatus(t, c.do("POST", "/2/media/metadata", c.app(), map[string]any{"id": photoID,
		"metadata": map[string]any{"alt_text": map[string]any{"text": "x"}}}), 403)
	wantStatus(t, c.do("POST", "/2/media/metadata", s.UserToken(AliceID, "tweet.read", "users.read"), map[string]any{"id": photoID,
		"metadata": map[string]any{"alt_text": map[string]any{"text": "x"}}}), 403)
	r = c.do("POST", "/2/media/metadata", alice, map[string]any{"id": "42", "metadata": map[string]any{"alt_text": map[string]any{"text": "x"}}})
	wantStatus(t, r, 404)
	wantStatus(t, c.do("POST", "/2/media/metadata", alice, map[string]any{"id": photoID, "metadata": map[string]any{}}), 400)
	wantStatus(t, c.do("POST", "/2/media/metadata", alice, map[string]any{"id": photoID,
		"metadata": map[string]any{"alt_text": map[string]any{"text": strings.Repeat("é", 1001)}}}), 400)
	if m, _ := s.World().Media(PhotoMediaKey); m.AltText != "Two gophers on a laptop" {
		t.Errorf("refused changes changed the media: %+v", m)
	}

	// An upload: not before it is finalized; after, for its owner.
	bob := s.UserToken(BobID)
	id := upload(t, c, bob, "image/png", "", bytes.Repeat([]byte{1}, 300), 300, false)
	wantStatus(t, c.do("POST", "/2/media/metadata", bob, map[string]any{"id": id, "metadata": map[string]any{"alt_text": map[string]any{"text": "x"}}}), 400)
	wantStatus(t, c.do("POST", "/2/media/upload/"+id+"/finalize", bob, nil), 200)
	r = c.do("POST", "/2/media/metadata", bob, map[string]any{"id": id, "metadata": map[string]any{"alt_text": map[string]any{"text": "a chart"}}})
	wantStatus(t, r, 200)
	r = c.get("/2/media/3_"+id+"?media.fields=alt_text", c.app())
	if r.str("data", "alt_text") != "a chart" {
		t.Errorf("uploaded photo: %s", r.raw)
	}
}

func TestMediaSubtitles(t *testing.T) {
	clock := NewManualClock(time.Time{})
	s := Start(t, WithClock(clock), WithInvalidRequestsAllowed())
	c := newTC(t, s)
	bob := s.UserToken(BobID)
	video := upload(t, c, bob, "video/mp4", "tweet_video", bytes.Repeat([]byte("v"), 5000), 5000, false)
	wantStatus(t, c.do("POST", "/2/media/upload/"+video+"/finalize", bob, nil), 200)
	srt := upload(t, c, bob, "text/srt", "subtitles", []byte("1\n00:00:00,000 --> 00:00:01,000\nHola\n"), 100, false)
	add := map[string]any{"id": video, "media_category": "TweetVideo",
		"subtitles": map[string]any{"id": srt, "language_code": "ES", "display_name": "Español"}}
	// The video must be processed, the subtitle file finalized.
	r := c.do("POST", "/2/media/subtitles", bob, add)
	wantStatus(t, r, 400)
	if !strings.Contains(string(r.raw), "still processing") {
		t.Errorf("processing video: %s", r.raw)
	}
	clock.Advance(5 * time.Second)
	r = c.do("POST", "/2/media/subtitles", bob, add)
	wantStatus(t, r, 400)
	if !strings.Contains(string(r.raw), "not finalized") {
		t.Errorf("unfinished subtitle file: %s", r.raw)
	}
	wantStatus(t, c.do("POST", "/2/media/upload/"+srt+"/finalize", bob, nil), 200)
	r = c.do("POST", "/2/media/subtitles", bob, add)
	wantStatus(t, r, 200)
	if r.str("data", "id") != video || r.str("data", "media_category") != "TweetVideo" || len(r.list("data", "associated_subtitles")) != 1 ||
		r.str("data", "associated_subtitles", 0, "language_code") != "ES" || r.str("data", "associated_subtitles", 0, "id") != srt {
		t.Errorf("add: %s", r.raw)
	}
	// Wrong category, another's video, a photo, a missing video.
	wrong := map[string]any{"id": video, "media_category": "AmplifyVideo", "subtitles": add["subtitles"]}
	wantStatus(t, c.do("POST", "/2/media/subtitles", bob, wrong), 400)
	wantStatus(t, c.do("POST", "/2/media/subtitles", s.UserToken(AliceID), add), 403)
	photo := map[string]any{"id": mediaIDOf(PhotoMediaKey), "media_category": "TweetVideo", "subtitles": add["subtitles"]}
	wantStatus(t, c.do("POST", "/2/media/subtitles", s.UserToken(AliceID), photo), 400)
	wantStatus(t, c.do("POST", "/2/media/subtitles", bob, map[string]any{"id": "42", "media_category": "TweetVideo", "subtitles": add["subtitles"]}), 404)
	wantStatus(t, c.do("POST", "/2/media/subtitles", c.app(), add), 403)

	// Alice's seeded video has English; she adds a file of her own as French.
	alice := s.UserToken(AliceID)
	videoID := mediaIDOf(VideoMediaKey)
	if tr := s.World().Subtitles(videoID); len(tr) != 1 || tr[0].ID != VideoSubtitlesID || tr[0].LanguageCode != "EN" {
		t.Fatalf("seeded tracks: %+v", tr)
	}
	vtt := upload(t, c, alice, "text/vtt", "subtitles", []byte("WEBVTT\n"), 100, false)
	wantStatus(t, c.do("POST", "/2/media/upload/"+vtt+"/finalize", alice, nil), 200)
	// Bob's subtitle file is not Alice's to use.
	wantStatus(t, c.do("POST", "/2/media/subtitles", alice, map[string]any{"id": videoID, "media_category": "TweetVideo",
		"subtitles": map[string]any{"id": srt, "language_code": "FR"}}), 400)
	r = c.do("POST", "/2/media/subtitles", alice, map[string]any{"id": videoID, "media_category": "TweetVideo",
		"subtitles": map[string]any{"id": vtt, "language_code": "FR", "display_name": "Français"}})
	wantStatus(t, r, 200)
	if len(r.list("data", "associated_subtitles")) != 2 || r.str("data", "associated_subtitles", 0, "language_code") != "EN" ||
		r.str("data", "associated_subtitles", 1, "id") != vtt {
		t.Errorf("second track: %s", r.raw)
	}

	// Delete: the track goes; deleting it again deletes nothing.
	del := map[string]any{"id": videoID, "media_category": "TweetVideo", "language_code": "EN"}
	wantStatus(t, c.do("DELETE", "/2/media/subtitles", s.UserToken(BobID), del), 403)
	r = c.do("DELETE", "/2/media/subtitles", alice, del)
	wantStatus(t, r, 200)
	if r.at("data", "deleted") != true {
		t.Errorf("delete: %s", r.raw)
	}
	if tr := s.World().Subtitles(videoID); len(tr) != 1 || tr[0].LanguageCode != "FR" {
		t.Errorf("after delete: %+v", tr)
	}
	r = c.do("DELETE", "/2/media/subtitles", alice, del)
	wantStatus(t, r, 200)
	if r.at("data", "deleted") != false {
		t.Errorf("delete again: %s", r.raw)
	}
	wantStatus(t, c.do("DELETE", "/2/media/subtitles", alice, map[string]any{"id": videoID, "media_category": "TweetVideo"}), 400)
}
