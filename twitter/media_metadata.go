package twitter

import (
	"context"
	"net/http"
	"reflect"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// SetMetadata sets metadata on media the user uploaded (mediaID is the upload's id, the
// number after the underscore of its media key): alt text, whether it may be downloaded,
// sensitive-content warnings, where it came from, when it expires... Only the members of md
// that are set are sent, and X changes only those; md must set at least one. Data of the
// result is the media's metadata afterwards. For alt text alone, SetAltText is shorter.
// Needs the uploader's user context (OAuth 2.0 scope media.write).
func (s *MediaService) SetMetadata(ctx context.Context, mediaID string, md gen.MediaMetadata) (*gen.MediaMetadataResponse, *Response, error) {
	const method = "Media.SetMetadata"
	if err := checkID(method, "media id", patternMediaID, mediaID); err != nil {
		return nil, nil, err
	}
	if err := checkMetadata(method, md); err != nil {
		return nil, nil, err
	}
	body := gen.MediaMetadataRequest{ID: mediaID, Metadata: md}
	return do(ctx, s.client, &opCreateMediaMetadata, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateMediaMetadata(ctx, body)
	})
}

// SetAltText sets the alt text of media the user uploaded: the description screen readers
// read in its place, 1 to 1000 characters. It is SetMetadata with only alt_text. Needs the
// uploader's user context (OAuth 2.0 scope media.write).
func (s *MediaService) SetAltText(ctx context.Context, mediaID, text string) (*gen.MediaMetadataResponse, *Response, error) {
	if text == "" {
		return nil, nil, invalid("Media.SetAltText", "empty alt text")
	}
	if err := checkAltText("Media.SetAltText", text); err != nil {
		return nil, nil, err
	}
	return s.SetMetadata(ctx, mediaID, gen.MediaMetadata{AltText: gen.MediaMetadataAltText{Text: text}})
}

// AddSubtitles attaches a subtitle track to a video the user uploaded. videoID is the
// video's media id and category its kind (gen.MediaSubtitlesCategoryTweetVideo, or
// AmplifyVideo); track.ID is the media id of a finished upload of category subtitles (an
// SRT or WebVTT file), track.LanguageCode two capital letters ("EN") and track.DisplayName
// the language's name shown to viewers. A track of the same language is replaced. Data of
// the result lists every track the video has afterwards. Needs the uploader's user context
// (OAuth 2.0 scope media.write).
func (s *MediaService) AddSubtitles(ctx context.Context, videoID string, category gen.MediaSubtitlesCategory, track gen.MediaSubtitle) (*gen.MediaSubtitlesResponse, *Response, error) {
	const method = "Media.AddSubtitles"
	if err := checkSubtitled(method, videoID, category, track.LanguageCode); err != nil {
		return nil, nil, err
	}
	if err := checkID(method, "subtitle file media id", patternMediaID, track.ID); err != nil {
		return nil, nil, err
	}
	body := gen.MediaSubtitlesRequest{ID: videoID, MediaCategory: category, Subtitles: track}
	return do(ctx, s.client, &opCreateMediaSubtitles, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateMediaSubtitles(ctx, body)
	})
}

// DeleteSubtitles removes the subtitle track of one language ("EN") from a video the user
// uploaded (videoID and category as for AddSubtitles). Data.Deleted is false when the
// video had no track of that language. Needs the uploader's user context (OAuth 2.0 scope
// media.write).
func (s *MediaService) DeleteSubtitles(ctx context.Context, videoID string, category gen.MediaSubtitlesCategory, language string) (*gen.MediaSubtitlesDeleteResponse, *Response, error) {
	if err := checkSubtitled("Media.DeleteSubtitles", videoID, category, language); err != nil {
		return nil, nil, err
	}
	body := gen.MediaSubtitlesDeleteRequest{ID: videoID, MediaCategory: category, LanguageCode: language}
	return do(ctx, s.client, &opDeleteMediaSubtitles, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteMediaSubtitles(ctx, body)
	})
}

// checkAltText rejects alt text longer than X takes.
func checkAltText(method, text string) error {
	if n := utf8.RuneCountInString(text); n > maxLengthMediaMetadataAltTextText {
		return invalid(method, "alt text is %d characters; X takes at most %d", n, maxLengthMediaMetadataAltTextText)
	}
	return nil
}

// checkMetadata rejects metadata that sets nothing or breaks the document's limits.
func checkMetadata(method string, md gen.MediaMetadata) error {
	if reflect.ValueOf(md).IsZero() {
		return invalid(method, "metadata sets nothing")
	}
	if err := checkAltText(method, md.AltText.Text); err != nil {
		return err
	}
	if o := md.FoundMediaOrigin; o != (gen.MediaMetadataFoundOrigin{}) {
		switch {
		case o.Provider == "" || o.ID == "":
			return invalid(method, "FoundMediaOrigin needs both Provider and ID")
		case utf8.RuneCountInString(o.Provider) > maxLengthMediaMetadataFoundOriginProvider:
			return invalid(method, "FoundMediaOrigin.Provider %q is longer than %d characters", o.Provider, maxLengthMediaMetadataFoundOriginProvider)
		case utf8.RuneCountInString(o.ID) > maxLengthMediaMetadataFoundOriginID:
			return invalid(method, "FoundMediaOrigin.ID %q is longer than %d characters", o.ID, maxLengthMediaMetadataFoundOriginID)
		}
	}
	return nil
}

// checkSubtitled validates the video, category and language of a subtitles call.
func checkSubtitled(method, videoID string, category gen.MediaSubtitlesCategory, language string) error {
	if err := checkID(method, "video media id", patternMediaID, videoID); err != nil {
		return err
	}
	if err := checkOneOf(method, "media category", category); err != nil {
		return err
	}
	return checkID(method, "language code", patternMediaSubtitleLanguage, language)
}
