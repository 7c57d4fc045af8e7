package testserver

import (
	"slices"
	"testing"
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
