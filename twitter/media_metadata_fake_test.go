package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// mediaID is the media id inside a media key ("3_123" -> "123").
func mediaID(key string) string {
	_, id, _ := strings.Cut(key, "_")
	return id
}

// uploadWaiting uploads data through Media.Upload, advancing clock over processing.
func uploadWaiting(t *testing.T, c *twitter.Client, clock *testserver.ManualClock, data []byte,
	mediaType gen.MediaUploadConfigRequestMediaType, category gen.MediaCategory) string {
	t.Helper()
	res, _, err := c.Media.Upload(context.Background(), bytes.NewReader(data), int64(len(data)), mediaType, &twitter.UploadOptions{
		Category: category,
		Wait: func(ctx context.Context, d time.Duration) error {
			clock.Advance(d)
			return ctx.Err()
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res.Data.ID
}

func TestFakeMediaByKey(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := appClient(t, s)
	res, resp, err := c.Media.ByKey(ctx, testserver.VideoMediaKey, &twitter.MediaOptions{
		MediaFields: []gen.MediaField{gen.MediaFieldDurationMs, gen.MediaFieldPublicMetrics, gen.MediaFieldPreviewImageURL},
	})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.World().Media(testserver.VideoMediaKey)
	if m := res.Data; m.MediaKey != want.Key || m.Type != want.Type || m.DurationMs != want.DurationMS ||
		int(m.PublicMetrics.ViewCount) != want.ViewCount || m.PreviewImageURL != want.PreviewImageURL || m.URL != "" {
		t.Errorf("video = %s; world has %+v", jsonText(m), want)
	}
	if rl, ok := c.RateLimit("GET /2/media/{media_key}"); resp.StatusCode != http.StatusOK || !ok || rl.Limit == 0 {
		t.Errorf("response %d, rate limit %+v %v", resp.StatusCode, rl, ok)
	}
	// Default fields, as a user.
	res, _, err = userClient(t, s, testserver.BobID, "tweet.read").Media.ByKey(ctx, testserver.PhotoMediaKey, nil)
	if err != nil || res.Data.MediaKey != testserver.PhotoMediaKey || res.Data.Type != "photo" || res.Data.AltText != "" {
		t.Errorf("default fields = %s, %v", jsonText(res), err)
	}

	_, _, err = c.Media.ByKey(ctx, "3_42", nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("missing key: err = %v, want not found", err)
	}
	for _, key := range []string{"", "3-42", "abc", "3_"} {
		if _, _, err := c.Media.ByKey(ctx, key, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("key %q: err = %v, want ErrInvalidArgument", key, err)
		}
	}
	_, _, err = c.Media.ByKey(ctx, testserver.PhotoMediaKey, &twitter.MediaOptions{MediaFields: []gen.MediaField{"colour"}})
	if !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("unknown field: err = %v", err)
	}
	_, _, err = userClient(t, s, testserver.BobID, "users.read").Media.ByKey(ctx, testserver.PhotoMediaKey, nil)
	wantError(t, err, http.StatusForbidden, "")
}

func TestFakeMediaLookup(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.CarolID)
	keys := []string{testserver.PhotoMediaKey, "7_42", testserver.VideoMediaKey}
	res, resp, err := c.Media.Lookup(ctx, keys, &twitter.MediaOptions{MediaFields: []gen.MediaField{gen.MediaFieldAltText, gen.MediaFieldWidth}})
	if err != nil {
		t.Fatal(err)
	}
	photo, _ := s.World().Media(testserver.PhotoMediaKey)
	vid, _ := s.World().Media(testserver.VideoMediaKey)
	var got []string
	for _, m := range res.Data {
		got = append(got, m.MediaKey)
	}
	if !cmp.Equal(got, []string{photo.Key, vid.Key}) || res.Data[0].AltText != photo.AltText || res.Data[1].Width != vid.Width {
		t.Errorf("lookup = %s", jsonText(res.Data))
	}
	if len(resp.PartialErrors) != 1 || resp.PartialErrors[0].Value != "7_42" {
		t.Errorf("partial errors = %s", jsonText(resp.PartialErrors))
	}

	if _, _, err := c.Media.Lookup(ctx, nil, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("no keys: err = %v", err)
	}
	many := make([]string, 101)
	for i := range many {
		many[i] = testserver.PhotoMediaKey
	}
	if _, _, err := c.Media.Lookup(ctx, many, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("101 keys: err = %v", err)
	}
	if _, _, err := c.Media.Lookup(ctx, []string{testserver.PhotoMediaKey, "x"}, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("bad key: err = %v", err)
	}
}

func TestFakeMediaSetMetadata(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID, "media.write", "tweet.read", "users.read")
	id := mediaID(testserver.PhotoMediaKey)
	no, yes := false, true
	res, _, err := alice.Media.SetMetadata(ctx, id, gen.MediaMetadata{
		AllowDownloadStatus:   gen.MediaMetadataAllowDownload{AllowDownload: &no},
		SensitiveMediaWarning: gen.MediaMetadataSensitiveWarning{GraphicViolence: &yes},
		FoundMediaOrigin:      gen.MediaMetadataFoundOrigin{Provider: "giphy", ID: "u5BzatR15TZ04"},
		SharedInfo:            &gen.MediaMetadataSharedInfo{Shared: false},
	})
	if err != nil {
		t.Fatal(err)
	}
	md := res.Data.AssociatedMetadata
	if res.Data.ID != id || md.AllowDownloadStatus.AllowDownload == nil || *md.AllowDownloadStatus.AllowDownload ||
		md.SensitiveMediaWarning.GraphicViolence == nil || !*md.SensitiveMediaWarning.GraphicViolence ||
		md.FoundMediaOrigin.Provider != "giphy" || md.SharedInfo == nil || md.SharedInfo.Shared ||
		md.AltText.Text != "A gopher on a laptop" {
		t.Errorf("metadata = %s", jsonText(res.Data))
	}
	world := s.World().MediaMetadata(id)
	if string(world["allow_download_status"]) != `{"allow_download":false}` || string(world["shared_info"]) != `{"shared":false}` {
		t.Errorf("world metadata = %s", world)
	}

	// Refused before sending: nothing set, alt text too long, a bad origin, a bad id.
	for name, md := range map[string]gen.MediaMetadata{
		"empty":    {},
		"alt text": {AltText: gen.MediaMetadataAltText{Text: strings.Repeat("ü", 1001)}},
		"origin":   {FoundMediaOrigin: gen.MediaMetadataFoundOrigin{Provider: "giphy"}},
		"provider": {FoundMediaOrigin: gen.MediaMetadataFoundOrigin{Provider: "longprovider", ID: "1"}},
	} {
		if _, _, err := alice.Media.SetMetadata(ctx, id, md); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
	if _, _, err := alice.Media.SetMetadata(ctx, testserver.PhotoMediaKey, gen.MediaMetadata{SharedInfo: &gen.MediaMetadataSharedInfo{}}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("media key as id: err = %v", err)
	}
	// X refuses: another user's media, an unknown id, an app-only token.
	_, _, err = userClient(t, s, testserver.BobID).Media.SetMetadata(ctx, id, gen.MediaMetadata{SharedInfo: &gen.MediaMetadataSharedInfo{}})
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = alice.Media.SetMetadata(ctx, "42", gen.MediaMetadata{SharedInfo: &gen.MediaMetadataSharedInfo{}})
	if !twitter.IsNotFound(err) {
		t.Errorf("unknown id: err = %v", err)
	}
	_, _, err = appClient(t, s).Media.SetMetadata(ctx, id, gen.MediaMetadata{SharedInfo: &gen.MediaMetadataSharedInfo{}})
	wantUnsupportedAuth(t, err)
}

func TestFakeMediaSetAltText(t *testing.T) {
	clock := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(clock))
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)
	id := uploadWaiting(t, bob, clock, bytes.Repeat([]byte{0x89}, 500), gen.MediaUploadConfigRequestMediaTypeImagePng, "")
	text := strings.Repeat("é", 1000) // 1000 characters, 2000 bytes: within X's limit
	res, _, err := bob.Media.SetAltText(ctx, id, text)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.ID != id || res.Data.AssociatedMetadata.AltText.Text != text {
		t.Errorf("set = %s", jsonText(res.Data))
	}
	if m, _ := s.World().Media("3_" + id); m.AltText != text {
		t.Errorf("world alt text = %q", m.AltText)
	}
	// Lookups show it.
	got, _, err := appClient(t, s).Media.ByKey(ctx, "3_"+id, &twitter.MediaOptions{MediaFields: []gen.MediaField{gen.MediaFieldAltText}})
	if err != nil || got.Data.AltText != text {
		t.Errorf("lookup after = %s, %v", jsonText(got), err)
	}

	for _, bad := range []string{"", text + "!"} {
		if _, _, err := bob.Media.SetAltText(ctx, id, bad); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("alt text of %d characters: err = %v", len([]rune(bad)), err)
		}
	}
	if _, _, err := bob.Media.SetAltText(ctx, "3_"+id, "x"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("media key as id: err = %v", err)
	}
	// Another user's upload; a token without media.write.
	_, _, err = userClient(t, s, testserver.CarolID).Media.SetAltText(ctx, id, "mine")
	wantError(t, err, http.StatusForbidden, "")
	_, _, err = userClient(t, s, testserver.BobID, "tweet.read", "users.read").Media.SetAltText(ctx, id, "x")
	wantError(t, err, http.StatusForbidden, "")
	if m, _ := s.World().Media("3_" + id); m.AltText != text {
		t.Errorf("refused calls changed the alt text to %q", m.AltText)
	}
}

func TestFakeMediaAddSubtitles(t *testing.T) {
	clock := testserver.NewManualClock(time.Time{})
	s := fake(t, testserver.WithClock(clock))
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	srt := uploadWaiting(t, alice, clock, []byte("1\n00:00:00,000 --> 00:00:02,000\nBonjour\n"),
		gen.MediaUploadConfigRequestMediaTypeTextSrt, gen.MediaCategorySubtitles)
	videoID := mediaID(testserver.VideoMediaKey)
	res, _, err := alice.Media.AddSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo,
		gen.MediaSubtitle{ID: srt, LanguageCode: "FR", DisplayName: "Français"})
	if err != nil {
		t.Fatal(err)
	}
	want := []gen.MediaSubtitle{
		{ID: testserver.VideoSubtitlesID, LanguageCode: "EN", DisplayName: "English"},
		{ID: srt, LanguageCode: "FR", DisplayName: "Français"},
	}
	if diff := cmp.Diff(want, res.Data.AssociatedSubtitles); diff != "" || res.Data.ID != videoID || res.Data.MediaCategory != "TweetVideo" {
		t.Errorf("tracks (-want +got):\n%s\n%s", diff, jsonText(res.Data))
	}
	var world []gen.MediaSubtitle
	for _, tr := range s.World().Subtitles(videoID) {
		world = append(world, gen.MediaSubtitle{ID: tr.ID, LanguageCode: tr.LanguageCode, DisplayName: tr.DisplayName})
	}
	if diff := cmp.Diff(want, world); diff != "" {
		t.Errorf("world tracks (-want +got):\n%s", diff)
	}

	// Refused before sending.
	for name, f := range map[string]func() error{
		"language": func() error {
			_, _, err := alice.Media.AddSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, gen.MediaSubtitle{ID: srt, LanguageCode: "fr"})
			return err
		},
		"category": func() error {
			_, _, err := alice.Media.AddSubtitles(ctx, videoID, "tweet_video", gen.MediaSubtitle{ID: srt, LanguageCode: "FR"})
			return err
		},
		"file id": func() error {
			_, _, err := alice.Media.AddSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, gen.MediaSubtitle{LanguageCode: "FR"})
			return err
		},
		"video id": func() error {
			_, _, err := alice.Media.AddSubtitles(ctx, testserver.VideoMediaKey, gen.MediaSubtitlesCategoryTweetVideo, gen.MediaSubtitle{ID: srt, LanguageCode: "FR"})
			return err
		},
	} {
		if err := f(); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
	// X refuses: the wrong category for the video, a photo, another user's video.
	_, _, err = alice.Media.AddSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryAmplifyVideo, gen.MediaSubtitle{ID: srt, LanguageCode: "FR"})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = alice.Media.AddSubtitles(ctx, mediaID(testserver.PhotoMediaKey), gen.MediaSubtitlesCategoryTweetVideo, gen.MediaSubtitle{ID: srt, LanguageCode: "FR"})
	wantError(t, err, http.StatusBadRequest, twitter.ProblemInvalidRequest)
	_, _, err = userClient(t, s, testserver.BobID).Media.AddSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, gen.MediaSubtitle{ID: srt, LanguageCode: "DE"})
	wantError(t, err, http.StatusForbidden, "")
	if n := len(s.World().Subtitles(videoID)); n != 2 {
		t.Errorf("refused calls left %d tracks, want 2", n)
	}
}

func TestFakeMediaDeleteSubtitles(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	videoID := mediaID(testserver.VideoMediaKey)
	if _, _, err := userClient(t, s, testserver.CarolID).Media.DeleteSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, "EN"); !twitter.IsForbidden(err) {
		t.Errorf("another user's video: err = %v", err)
	}
	res, _, err := alice.Media.DeleteSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, "EN")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Deleted || len(s.World().Subtitles(videoID)) != 0 {
		t.Errorf("delete = %s; world has %+v", jsonText(res.Data), s.World().Subtitles(videoID))
	}
	res, _, err = alice.Media.DeleteSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, "EN")
	if err != nil || res.Data.Deleted {
		t.Errorf("delete again = %s, %v; want deleted false", jsonText(res), err)
	}
	for _, lang := range []string{"", "en", "ENG"} {
		if _, _, err := alice.Media.DeleteSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, lang); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("language %q: err = %v", lang, err)
		}
	}
	if _, _, err := alice.Media.DeleteSubtitles(ctx, videoID, "", "EN"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("no category: err = %v", err)
	}
	_, _, err = appClient(t, s).Media.DeleteSubtitles(ctx, videoID, gen.MediaSubtitlesCategoryTweetVideo, "EN")
	wantUnsupportedAuth(t, err)
}
