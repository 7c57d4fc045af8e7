package twittertest

import (
	"encoding/json"
	"maps"
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

// AddUpload adds a finished media upload of u.OwnerID, as uploading a file (POST
// /2/media/upload, or initialize, append and finalize) leaves one, so that the code
// under test can post with it without uploading: its owner and AdditionalOwners attach
// it by its ID to a Tweet (Tweets.Create's media ids) when its Category is tweet_image,
// tweet_gif, tweet_video or amplify_video, or to a direct message when it is dm_image,
// dm_gif or dm_video, until it expires a day after CreatedAt; a subtitles upload gives
// a video subtitles. World.Media of its MediaKey is the media object the upload made.
// Zero fields are filled in: ID (a new media id), Category (the one X assumes from
// MediaType, else tweet_image), MediaType (image/jpeg, image/gif, video/mp4 or text/srt
// for the category), TotalBytes (64 KiB) and CreatedAt (the server clock). MediaType and
// Category are of the API's values and must fit each other, TotalBytes the category's
// size limit; a video or GIF has finished processing. MediaKey, Segments, Finalized,
// FinalizedAt and Data are the server's to set. It returns the upload as stored.
//
// AddMedia adds media only Tweets seeded with AddTweet carry; AddUpload's can be posted.
func (w *World) AddUpload(u Upload) (Upload, error) {
	got, err := w.s.AddUpload(testserver.Upload{ID: u.ID, MediaKey: u.MediaKey, OwnerID: u.OwnerID,
		AdditionalOwners: slices.Clone(u.AdditionalOwners), MediaType: u.MediaType, Category: u.Category,
		TotalBytes: u.TotalBytes, Segments: u.Segments, CreatedAt: u.CreatedAt, Finalized: u.Finalized,
		FinalizedAt: u.FinalizedAt, Data: u.Data})
	if err != nil {
		return Upload{}, publicErr(err)
	}
	return uploadOf(got), nil
}

// uploadOf converts an internal upload, sharing none of its slices or maps.
func uploadOf(u testserver.Upload) Upload {
	return Upload{ID: u.ID, MediaKey: u.MediaKey, OwnerID: u.OwnerID, AdditionalOwners: slices.Clone(u.AdditionalOwners),
		MediaType: u.MediaType, Category: u.Category, TotalBytes: u.TotalBytes, Segments: maps.Clone(u.Segments),
		CreatedAt: u.CreatedAt, Finalized: u.Finalized, FinalizedAt: u.FinalizedAt, Data: slices.Clone(u.Data)}
}

// Upload returns a media upload by its media id, with the segments received so far.
func (w *World) Upload(mediaID string) (Upload, bool) {
	return oneOf(uploadOf)(w.w.Upload(mediaID))
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
