package twitter

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/twitterkit/go/gen"
)

// maxOneShotBytes is the largest file Media.Upload sends in one request. X's limit for
// images is "5 MB"; 5,000,000 bytes is within it whichever megabyte X means.
const maxOneShotBytes = 5_000_000

// oneShotFits tells whether Media.Upload sends a file in one request (POST
// /2/media/upload): a still image (not a GIF) for a Tweet or a direct message, small
// enough. Everything else goes through the chunked steps.
func oneShotFits(req gen.MediaUploadConfigRequest) bool {
	if req.TotalBytes > maxOneShotBytes || !gen.MediaOneShotType(req.MediaType).Valid() || !strings.HasPrefix(string(req.MediaType), "image/") {
		return false
	}
	switch req.MediaCategory {
	case "", gen.MediaCategoryTweetImage, gen.MediaCategoryDmImage:
		return true
	}
	return false
}

// uploadOneShot reads the file, which must hold exactly size bytes, and sends it as a
// multipart form in one request.
func (s *MediaService) uploadOneShot(ctx context.Context, r io.Reader, size int64, req gen.MediaUploadConfigRequest, o *UploadOptions) (*gen.MediaUploadResponse, *Response, error) {
	const method = "Media.Upload"
	file, err := readExactly(r, size)
	if err != nil {
		return nil, nil, fmt.Errorf("twitter: %s: %w", method, err)
	}
	category := req.MediaCategory
	if category == "" {
		category = gen.MediaCategoryTweetImage // what X infers for a still image
	}
	body, contentType, err := oneShotForm(file, category, req)
	if err != nil {
		return nil, nil, fmt.Errorf("twitter: %s: %w", method, err)
	}
	res, resp, err := do(ctx, s.client, &opUploadMedia, func(ctx context.Context) (*http.Response, error) {
		// A new reader each attempt: a retried upload sends the whole form again.
		return s.client.raw.UploadMediaWithBody(ctx, contentType, bytes.NewReader(body))
	})
	if err != nil {
		return res, resp, fmt.Errorf("twitter: %s: %w", method, err)
	}
	if res.Data.ID == "" {
		return res, resp, fmt.Errorf("twitter: %s: the upload answered no media id", method)
	}
	if o.Progress != nil {
		o.Progress(size, size)
	}
	return s.awaitProcessing(ctx, res.Data.ID, res, resp, o)
}

// readExactly reads size bytes from r and checks that r holds no more.
func readExactly(r io.Reader, size int64) ([]byte, error) {
	buf := make([]byte, size)
	if got, err := io.ReadFull(r, buf); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("the reader ended after %d of %d bytes", got, size)
		}
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	var extra [1]byte
	if got, err := io.ReadFull(r, extra[:]); got > 0 {
		return nil, fmt.Errorf("the reader holds more than %d bytes", size)
	} else if !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("reading past the end of the file: %w", err)
	}
	return buf, nil
}

// oneShotForm builds the multipart form of a one-shot upload: what the file is, then its
// bytes as the file part media.
func oneShotForm(file []byte, category gen.MediaCategory, req gen.MediaUploadConfigRequest) ([]byte, string, error) {
	fields := [][2]string{{"media_category", string(category)}, {"media_type", string(req.MediaType)}}
	if len(req.AdditionalOwners) > 0 {
		fields = append(fields, [2]string{"additional_owners", strings.Join(req.AdditionalOwners, ",")})
	}
	if req.Shared {
		fields = append(fields, [2]string{"shared", "true"})
	}
	return mediaForm(fields, file)
}
