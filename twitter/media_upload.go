package twitter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/twitterkit/go/gen"
)

// ErrProcessingFailed is wrapped by the error Media.Upload returns when X finished
// processing an upload and reports its state as failed (a video it cannot decode, say).
// Test for it with errors.Is.
var ErrProcessingFailed = errors.New("media processing failed")

// defaultProcessingTimeout bounds the waits for processing when UploadOptions does not.
const defaultProcessingTimeout = 15 * time.Minute

// UploadOptions tunes Media.Upload. A nil *UploadOptions means all defaults.
type UploadOptions struct {
	// Category is the use of the media: tweet_image, tweet_gif, tweet_video, amplify_video,
	// dm_image, dm_gif, dm_video or subtitles. Empty leaves it to X, which infers one of
	// the tweet_ categories from the media type; direct messages need a dm_ category.
	Category gen.MediaCategory

	// AdditionalOwners are up to 100 users who may use the upload as well as the uploader.
	AdditionalOwners []string

	// Shared marks the media as shared.
	Shared bool

	// ChunkSize is the size of each appended segment, 1 byte to 5 MiB; 0 means 4 MiB. An
	// upload has at most 1,000 segments, so files over 4,000 MiB need larger chunks, and
	// 5,000 MiB is the most that can be sent. Setting it makes Upload take the chunked
	// path even for an image small enough to go in one request.
	ChunkSize int

	// Progress, when set, is called after each segment is sent (once for an image sent in
	// one request) with the bytes sent so far and the total, on the goroutine that called
	// Upload.
	Progress func(sent, total int64)

	// Wait waits d or until ctx is done, returning ctx's error then. Upload waits with it
	// between status checks, as long as X's check_after_secs says. Nil means a timer; tests
	// pass a fake clock.
	Wait func(ctx context.Context, d time.Duration) error

	// ProcessingTimeout bounds the total of the waits for processing (the check_after_secs
	// X asks for, added up); 0 means 15 minutes. When it runs out, Upload returns an error
	// and the last status, and the upload can still be polled with Status.
	ProcessingTimeout time.Duration
}

// Upload uploads size bytes of media from r, of mediaType ("image/png", "video/mp4", ...),
// in one call. A still image (JPEG, PNG, WebP, BMP, TIFF; not a GIF) of up to 5,000,000
// bytes for a Tweet or a direct message goes up in one request (POST /2/media/upload),
// reporting Progress once, unless UploadOptions.ChunkSize is set. Anything else takes the
// chunked path: it initializes a chunked
// upload, appends r in segments of UploadOptions.ChunkSize (reporting Progress after
// each), finalizes it, and for media X processes (videos, GIFs) polls Status, waiting as
// long as X's check_after_secs says, until the state is succeeded. It returns the last answer, whose Data.ID is the media id
// to attach to a Tweet (NewTweet.MediaIDs) or a direct message (DirectMessage.MediaID).
//
// r must hold exactly size bytes: a shorter or longer reader is an error before the upload
// is finalized, never a silently truncated file. Processing that fails is an error wrapping
// ErrProcessingFailed, returned with the last status. An error part way leaves an unused
// upload that X discards when it expires. The context bounds the whole upload, waits
// included. Needs a user context (scope media.write).
func (s *MediaService) Upload(ctx context.Context, r io.Reader, size int64, mediaType gen.MediaUploadConfigRequestMediaType, opts *UploadOptions) (*gen.MediaUploadResponse, *Response, error) {
	const method = "Media.Upload"
	o := orZero(opts)
	switch {
	case r == nil:
		return nil, nil, invalid(method, "nil reader")
	case size < 1 || size > maxUploadBytes:
		return nil, nil, invalid(method, "size %d out of range [1, %d]", size, maxUploadBytes)
	case o.ProcessingTimeout < 0:
		return nil, nil, invalid(method, "ProcessingTimeout %s is negative", o.ProcessingTimeout)
	}
	chunk, err := chunking(method, size, o.ChunkSize, maxSegments)
	if err != nil {
		return nil, nil, err
	}
	if int64(int(size)) != size {
		return nil, nil, invalid(method, "size %d does not fit this platform's int", size)
	}
	req := gen.MediaUploadConfigRequest{
		TotalBytes:       int(size),
		MediaType:        mediaType,
		MediaCategory:    o.Category,
		AdditionalOwners: o.AdditionalOwners,
		Shared:           o.Shared,
	}

	if err := checkUploadConfig(method, req); err != nil {
		return nil, nil, err
	}
	if o.ChunkSize == 0 && oneShotFits(req) {
		return s.uploadOneShot(ctx, r, size, req, o)
	}

	started, resp, err := s.Initialize(ctx, req)
	if err != nil {
		return started, resp, fmt.Errorf("twitter: %s: initializing: %w", method, err)
	}
	if started.Data.ID == "" {
		return started, resp, fmt.Errorf("twitter: %s: initialize answered no media id", method)
	}
	id := started.Data.ID

	appendOne := func(segment int, part []byte) (*Response, error) {
		_, resp, err := s.Append(ctx, id, segment, part)
		return resp, err
	}
	if resp, err := appendChunks(r, size, chunk, o.Progress, appendOne); err != nil {
		return nil, resp, fmt.Errorf("twitter: %s: media %s: %w", method, id, err)
	}

	status, resp, err := s.Finalize(ctx, id)
	if err != nil {
		return status, resp, fmt.Errorf("twitter: %s: finalizing media %s: %w", method, id, err)
	}
	return s.awaitProcessing(ctx, id, status, resp, o)
}

// chunking returns the chunk size of an upload of size bytes, asked (the caller's
// ChunkSize) or 4 MiB for 0, after checking that size bytes can go up in such chunks:
// each 1 byte to 5 MiB (maxChunkSize, which media and chat media uploads share), at most
// maxSegments of them (the upload's own).
func chunking(method string, size int64, asked, maxSegments int) (int, error) {
	chunk := asked
	if chunk == 0 {
		chunk = defaultChunkSize
	}
	switch {
	case chunk < 1 || chunk > maxChunkSize:
		return 0, invalid(method, "ChunkSize %d out of range [1, %d]", asked, maxChunkSize)
	case size > int64(maxSegments)*maxChunkSize:
		return 0, invalid(method, "size %d is more than %d segments of %d bytes, the most a chunked upload takes", size, maxSegments, maxChunkSize)
	case (size+int64(chunk)-1)/int64(chunk) > int64(maxSegments):
		return 0, invalid(method, "%d bytes in chunks of %d make %d segments; X takes at most %d, so raise ChunkSize",
			size, chunk, (size+int64(chunk)-1)/int64(chunk), maxSegments)
	}
	return chunk, nil
}

// appendChunks reads r in chunks and hands them to appendOne in order, numbered from 0,
// checking that r holds exactly size bytes. It returns the last append's *Response when
// one failed. Media and chat media uploads share it.
func appendChunks(r io.Reader, size int64, chunk int, progress func(sent, total int64), appendOne func(segment int, part []byte) (*Response, error)) (*Response, error) {
	buf := make([]byte, min(int64(chunk), size))
	var sent int64
	for segment := 0; sent < size; segment++ {
		n := int(min(int64(len(buf)), size-sent))
		if got, err := io.ReadFull(r, buf[:n]); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("the reader ended after %d of %d bytes", sent+int64(got), size)
			}
			return nil, fmt.Errorf("reading segment %d: %w", segment, err)
		}
		if sent+int64(n) == size {
			// Before the last segment goes out: a longer reader means size was wrong.
			var extra [1]byte
			if got, err := io.ReadFull(r, extra[:]); got > 0 {
				return nil, fmt.Errorf("the reader holds more than %d bytes", size)
			} else if !errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("reading past the last segment: %w", err)
			}
		}
		if resp, err := appendOne(segment, buf[:n]); err != nil {
			return resp, fmt.Errorf("appending segment %d: %w", segment, err)
		}
		sent += int64(n)
		if progress != nil {
			progress(sent, size)
		}
	}
	return nil, nil
}

// awaitProcessing polls Status until the upload's processing succeeds or fails, waiting as
// long as X asks, for at most o.ProcessingTimeout in total.
func (s *MediaService) awaitProcessing(ctx context.Context, id string, last *gen.MediaUploadResponse, resp *Response, o *UploadOptions) (*gen.MediaUploadResponse, *Response, error) {
	const method = "Media.Upload"
	wait := o.Wait
	if wait == nil {
		wait = s.client.cfg.sleep
	}
	budget := o.ProcessingTimeout
	if budget == 0 {
		budget = defaultProcessingTimeout
	}
	var waited time.Duration
	for {
		info := last.Data.ProcessingInfo // no State: nothing to process
		if info.State == "" || info.State == gen.ProcessingInfoStateSucceeded {
			return last, resp, nil // nothing to process, or done
		}
		if info.State == gen.ProcessingInfoStateFailed {
			return last, resp, fmt.Errorf("twitter: %s: media %s: %w", method, id, ErrProcessingFailed)
		}
		// pending, in_progress, or a state X added since: ask again when X says.
		d := time.Second
		if info.CheckAfterSecs > 0 {
			d = time.Duration(info.CheckAfterSecs) * time.Second
		}
		if waited+d > budget {
			return last, resp, fmt.Errorf("twitter: %s: media %s still %s after waiting %s (ProcessingTimeout %s); poll Media.Status to carry on",
				method, id, info.State, waited, budget)
		}
		if err := wait(ctx, d); err != nil {
			return last, resp, fmt.Errorf("twitter: %s: media %s: waiting for processing: %w", method, id, err)
		}
		waited += d
		if err := ctx.Err(); err != nil {
			return last, resp, fmt.Errorf("twitter: %s: media %s: waiting for processing: %w", method, id, err)
		}
		next, r, err := s.Status(ctx, id)
		if err != nil {
			return next, r, fmt.Errorf("twitter: %s: checking the processing of media %s: %w", method, id, err)
		}
		last, resp = next, r
	}
}
