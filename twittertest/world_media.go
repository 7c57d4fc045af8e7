package twittertest

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// Upload is a media upload, chunked (POST /2/media/upload/initialize, append, finalize)
// or one-shot (POST /2/media/upload), by its media id.
type Upload struct {
	ID       string // the media id
	MediaKey string // the key Tweets attach it by, once finalized (World.Media)
	OwnerID  string
	// AdditionalOwners may use the media too.
	AdditionalOwners []string
	MediaType        string // image/jpeg, video/mp4, ...
	Category         string // tweet_image, tweet_video, dm_gif, ...
	TotalBytes       int64
	// Segments maps each segment index received to its size in bytes.
	Segments    map[int]int
	CreatedAt   time.Time
	Finalized   bool
	FinalizedAt time.Time
	// Data is the file of a one-shot upload; a chunked upload keeps only the sizes of
	// its segments.
	Data []byte
}

// SubtitleTrack is a subtitle track of a video (POST /2/media/subtitles).
type SubtitleTrack struct {
	ID           string // the media id of the subtitles file
	LanguageCode string // e.g. "en"
	DisplayName  string // e.g. "English"
}

// Upload returns a media upload by its media id, with the segments received so far.
func (w *World) Upload(mediaID string) (Upload, bool) {
	return oneOf(func(u testserver.Upload) Upload {
		return Upload{ID: u.ID, MediaKey: u.MediaKey, OwnerID: u.OwnerID, AdditionalOwners: u.AdditionalOwners,
			MediaType: u.MediaType, Category: u.Category, TotalBytes: u.TotalBytes, Segments: u.Segments,
			CreatedAt: u.CreatedAt, Finalized: u.Finalized, FinalizedAt: u.FinalizedAt, Data: slices.Clone(u.Data)}
	})(w.w.Upload(mediaID))
}

// UploadCount is how many media uploads, chunked or one-shot, finalized or not, the
// world holds: to check that your program uploaded a file once, not again on a retry.
func (w *World) UploadCount() int { return w.w.UploadCount() }

// MediaMetadata returns the metadata of a media id as POST /2/media/metadata set it and
// reports it (alt_text, when the media has alt text, and the rest), each member as its
// JSON; nil when no media has this id.
func (w *World) MediaMetadata(mediaID string) map[string]json.RawMessage {
	md := w.w.MediaMetadata(mediaID)
	for k, v := range md {
		md[k] = slices.Clone(v)
	}
	return md
}

// Subtitles lists the subtitle tracks of a video's media id, by language code.
func (w *World) Subtitles(mediaID string) []SubtitleTrack {
	return manyOf(func(s testserver.SubtitleTrack) SubtitleTrack { return SubtitleTrack(s) }, w.w.Subtitles(mediaID))
}
