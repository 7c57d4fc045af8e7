package testserver

import (
	"slices"
	"testing"
	"time"
)

func TestAddMediaIsFoundAsUploadedMediaIs(t *testing.T) {
	s := Start(t)
	v, err := s.AddMedia(Media{Type: "video", DurationMS: 4000})
	if err != nil {
		t.Fatal(err)
	}
	if v.Key[:2] != "7_" || v.Width != 1280 || v.PreviewImageURL == "" {
		t.Errorf("the video filled in as %+v", v)
	}
	tw, err := s.AddTweet(Tweet{AuthorID: BobID, Text: "a clip", MediaKeys: []string{v.Key}})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := s.World().SearchIDs("has:videos from:bob")
	if err != nil || !slices.Contains(ids, tw.ID) {
		t.Errorf("has:videos from:bob = %v, %v; want %s", ids, err, tw.ID)
	}
	res := newTC(t, s).do("POST", "/2/media/upload/initialize", s.UserToken(BobID),
		map[string]any{"media_type": "video/mp4", "total_bytes": 1000, "media_category": "tweet_video"})
	wantStatus(t, res, 200)
	if key := res.str("data", "media_key"); key == "" || key == v.Key {
		t.Errorf("the next upload's key %q beside the added %q", key, v.Key)
	}
}

func TestAddUploadIsAFinishedUpload(t *testing.T) {
	s := Start(t, WithClock(NewManualClock(time.Time{})))
	u, err := s.AddUpload(Upload{OwnerID: BobID, Category: "tweet_video"})
	if err != nil {
		t.Fatal(err)
	}
	res := newTC(t, s).do("GET", "/2/media/upload?command=STATUS&media_id="+u.ID, s.UserToken(BobID), nil)
	wantStatus(t, res, 200)
	if res.str("data", "processing_info", "state") != "succeeded" || res.str("data", "media_key") != "7_"+u.ID ||
		res.num("data", "expires_after_secs") != 86400 || int64(res.num("data", "size")) != u.TotalBytes {
		t.Errorf("the status of the added upload: %s", res.body)
	}
	// The next upload's id comes from the same counter, and is another.
	next := newTC(t, s).do("POST", "/2/media/upload/initialize", s.UserToken(BobID),
		map[string]any{"media_type": "image/png", "total_bytes": 10})
	wantStatus(t, next, 200)
	if id := next.str("data", "id"); id == "" || id == u.ID {
		t.Errorf("the next upload's id %q beside the added %q", id, u.ID)
	}
}
