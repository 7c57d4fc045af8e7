package twitter

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"

	"github.com/twitterkit/go/gen"
)

// Limits of a chunked upload. The size of a file and the number of its segments are the
// document's (total_bytes, segment_index); the size of a segment is not in the document:
// X's media documentation bounds a segment at 5 MB, taken here as 5 MiB.
const (
	maxUploadBytes   = int64(maximumMediaUploadConfigRequestTotalBytes)
	maxSegments      = maximumMediaUploadAppendFormSegmentIndex + 1 // segment_index counts from 0
	maxChunkSize     = 5 << 20
	defaultChunkSize = 4 << 20
)

// Initialize starts a chunked upload: req declares the file's TotalBytes and MediaType
// (both required), and optionally its MediaCategory (tweet_image, tweet_gif, tweet_video,
// amplify_video, dm_image, dm_gif, dm_video, subtitles; X infers one from the type
// otherwise), up to 100 AdditionalOwners who may use it too, and Shared. Data.ID of the
// result names the upload in Append, Finalize and Status. Most programs call Upload, which
// does the whole flow. Needs a user context (scope media.write).
func (s *MediaService) Initialize(ctx context.Context, req gen.MediaUploadConfigRequest) (*gen.MediaUploadResponse, *Response, error) {
	if err := checkUploadConfig("Media.Initialize", req); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opInitializeMediaUpload, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.InitializeMediaUpload(ctx, req)
	})
}

// Append sends one segment of an upload: chunk, 1 byte to 5 MiB, at position segment (0
// to 999; segments are numbered from 0 in file order). It sends the bytes as they are, in
// a multipart form. As a mutation it is not retried unless WithRetryMutations is set.
// Needs a user context (scope media.write).
func (s *MediaService) Append(ctx context.Context, mediaID string, segment int, chunk []byte) (*gen.MediaUploadAppendResponse, *Response, error) {
	const method = "Media.Append"
	if err := checkID(method, "media id", patternMediaID, mediaID); err != nil {
		return nil, nil, err
	}
	if segment < minimumMediaUploadAppendFormSegmentIndex || segment > maximumMediaUploadAppendFormSegmentIndex {
		return nil, nil, invalid(method, "segment %d out of range [%d, %d]", segment, minimumMediaUploadAppendFormSegmentIndex, maximumMediaUploadAppendFormSegmentIndex)
	}
	if len(chunk) == 0 || len(chunk) > maxChunkSize {
		return nil, nil, invalid(method, "chunk of %d bytes; a segment is 1 to %d bytes", len(chunk), maxChunkSize)
	}
	body, contentType, err := appendForm(segment, chunk)
	if err != nil {
		return nil, nil, fmt.Errorf("twitter: %s: %w", method, err)
	}
	return do(ctx, s.client, &opAppendMediaUpload, func(ctx context.Context) (*http.Response, error) {
		// A new reader each attempt: a retried append sends the whole form again.
		return s.client.raw.AppendMediaUploadWithBody(ctx, mediaID, contentType, bytes.NewReader(body))
	})
}

// Finalize declares an upload complete once every segment is appended. Images are ready at
// once; videos and GIFs come back with Data.ProcessingInfo and must be polled with Status
// until its state is succeeded before they can be used. Needs a user context (scope
// media.write).
func (s *MediaService) Finalize(ctx context.Context, mediaID string) (*gen.MediaUploadResponse, *Response, error) {
	if err := checkID("Media.Finalize", "media id", patternMediaID, mediaID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opFinalizeMediaUpload, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.FinalizeMediaUpload(ctx, mediaID)
	})
}

// Status reads the processing state of a finalized upload (Data.ProcessingInfo: state,
// progress_percent, and check_after_secs, how long to wait before asking again). Needs a
// user context of the uploader (scope media.write).
func (s *MediaService) Status(ctx context.Context, mediaID string) (*gen.MediaUploadResponse, *Response, error) {
	if err := checkID("Media.Status", "media id", patternMediaID, mediaID); err != nil {
		return nil, nil, err
	}
	p := gen.GetMediaUploadStatusParams{MediaID: mediaID, Command: new(gen.GetMediaUploadStatusParamsCommandSTATUS)}
	return do(ctx, s.client, &opGetMediaUploadStatus, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.GetMediaUploadStatus(ctx, &p)
	})
}

// checkUploadConfig validates the declaration of an upload.
func checkUploadConfig(method string, req gen.MediaUploadConfigRequest) error {
	switch {
	case req.TotalBytes == 0:
		return invalid(method, "TotalBytes is required")
	case req.TotalBytes < 1 || int64(req.TotalBytes) > maxUploadBytes:
		return invalid(method, "TotalBytes %d out of range [1, %d]", req.TotalBytes, maxUploadBytes)
	case req.MediaType == "":
		return invalid(method, "MediaType is required")
	case !req.MediaType.Valid():
		return notOneOf(method, "MediaType", req.MediaType)
	case req.MediaCategory != "" && !req.MediaCategory.Valid():
		return notOneOf(method, "MediaCategory", req.MediaCategory)
	}
	if req.AdditionalOwners != nil {
		if n := len(req.AdditionalOwners); n > maxItemsMediaUploadConfigRequestAdditionalOwners {
			return invalid(method, "%d additional owners; X takes at most %d", n, maxItemsMediaUploadConfigRequestAdditionalOwners)
		}
		if err := checkEach(method, "additional owner user id", patternUserID, req.AdditionalOwners); err != nil {
			return err
		}
	}
	return nil
}

// appendForm builds the multipart form of one segment: segment_index, then the bytes as
// the file part media.
func appendForm(segment int, chunk []byte) ([]byte, string, error) {
	return mediaForm([][2]string{{"segment_index", strconv.Itoa(segment)}}, chunk)
}

// mediaForm builds a multipart form of fields (name, value), then file as the file part
// media.
func mediaForm(fields [][2]string, file []byte) ([]byte, string, error) {
	var buf bytes.Buffer
	buf.Grow(len(file) + 1024)
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		if err := w.WriteField(f[0], f[1]); err != nil {
			return nil, "", err
		}
	}
	part, err := w.CreateFormFile("media", "blob")
	if err != nil {
		return nil, "", err
	}
	if _, err := part.Write(file); err != nil {
		return nil, "", err
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
