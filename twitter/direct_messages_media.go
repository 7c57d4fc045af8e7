package twitter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
)

// maxDMMediaBytes bounds a DM or chat media download: twice the largest file X takes (a
// 512 MB video), so a body that never ends cannot fill the writer.
const maxDMMediaBytes = 1 << 30

// DownloadMedia writes the file attached to direct message dmID to w as it arrives,
// without holding it in memory, and returns how many bytes it wrote. mediaID is the number
// of the attachment's media key (the part after the underscore) and resourceID the file
// name at the end of the media's URL, extension included ("hVJQTwig.jpg"). The caller must
// take part in the conversation.
//
// Failures before the first byte (network errors, 429s, 5xx) are retried like any read.
// Once bytes have gone to w nothing is retried: a download that breaks off, or a body that
// ends before its Content-Length, is an error saying how many bytes arrived, and w holds
// them. A 2xx answer that is not a file (a JSON or HTML page) is an error and writes
// nothing; so is a file of more than 1 GiB, after that much. Needs an OAuth 2.0 user
// context with scope dm.read.
func (s *DirectMessagesService) DownloadMedia(ctx context.Context, dmID, mediaID, resourceID string, w io.Writer) (int64, *Response, error) {
	const method = "DirectMessages.DownloadMedia"
	switch {
	case w == nil:
		return 0, nil, invalid(method, "nil writer")
	case !patternDmMediaResourceID.MatchString(resourceID):
		return 0, nil, invalid(method, "resource id %q is not a file name of 1 to 50 letters, digits, '.', '_' or '-'", resourceID)
	}
	if err := checkID(method, "dm event id", patternDmEventID, dmID); err != nil {
		return 0, nil, err
	}
	if err := checkID(method, "media id", patternMediaID, mediaID); err != nil {
		return 0, nil, err
	}
	return s.client.download(ctx, opDownloadDMMedia.endpoint, w, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DownloadDMMedia(ctx, dmID, mediaID, resourceID)
	})
}

// download calls ep with fetch and streams a 2xx answer's body to w (see copyFile),
// returning how many bytes it wrote. Failures before the first byte are retried like any
// read; once bytes have gone to w nothing is.
func (c *Client) download(ctx context.Context, ep endpoint, w io.Writer, fetch func(context.Context) (*http.Response, error)) (int64, *Response, error) {
	var written int64
	var copyErr error
	resp, err := c.call(ctx, ep, func(ctx context.Context) (*http.Response, error) {
		res, err := fetch(ctx)
		if err != nil || res.StatusCode < 200 || res.StatusCode > 299 {
			return res, err // the call reads the error, retries or gives up
		}
		// The body goes to w here, where the call cannot retry it; the call then sees an
		// empty 2xx answer and only keeps its headers.
		written, copyErr = copyFile(w, res)
		res.Body.Close()
		res.Body = http.NoBody
		return res, nil
	}, nil)
	if err != nil {
		return written, resp, err
	}
	if copyErr != nil {
		return written, resp, fmt.Errorf("twitter: %s: %w", ep.name, copyErr)
	}
	return written, resp, nil
}

// errNotAFile says a 2xx answer to a download carried a document, not a file.
var errNotAFile = errors.New("the answer is not a file")

// copyFile streams a download's body to w, at most maxDMMediaBytes, and checks that it is
// as long as its Content-Length.
func copyFile(w io.Writer, res *http.Response) (int64, error) {
	if ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type")); ct == "application/json" || ct == "application/problem+json" || ct == "text/html" {
		head, _ := io.ReadAll(io.LimitReader(res.Body, 256))
		return 0, fmt.Errorf("%w: %d with Content-Type %s (body starts %q)", errNotAFile, res.StatusCode, ct, excerpt(head))
	}
	dst := &fileWriter{w: w}
	n, err := io.Copy(dst, io.LimitReader(res.Body, maxDMMediaBytes+1))
	switch {
	case dst.err != nil:
		return n, fmt.Errorf("writing the file after %d bytes: %w", n, dst.err)
	case n > maxDMMediaBytes:
		return maxDMMediaBytes + 1, fmt.Errorf("the file is larger than %d bytes; download stopped", int64(maxDMMediaBytes))
	case err != nil && res.ContentLength >= 0:
		return n, fmt.Errorf("the download broke off after %d of %d bytes: %w", n, res.ContentLength, err)
	case err != nil:
		return n, fmt.Errorf("the download broke off after %d bytes: %w", n, err)
	case res.ContentLength >= 0 && n != res.ContentLength:
		return n, fmt.Errorf("the download ended after %d of %d bytes: %w", n, res.ContentLength, io.ErrUnexpectedEOF)
	}
	return n, nil
}

// fileWriter remembers the writer's own error, to tell it from a broken download.
type fileWriter struct {
	w   io.Writer
	err error
}

func (f *fileWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil {
		f.err = err
	}
	return n, err
}
