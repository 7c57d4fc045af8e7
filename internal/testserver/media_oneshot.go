package testserver

import (
	"bytes"
	"encoding/json"
	"image"
	_ "image/jpeg" // DecodeConfig reads the size of uploaded photos
	_ "image/png"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
)

// One-shot upload (POST /2/media/upload): the whole file in one request, base64 in a JSON
// body or bytes in a multipart form. The upload is finalized at once, under the same
// limits as a chunked one of its category; X works the media type out from the bytes when
// the request leaves it out. The fake keeps the bytes (Upload.Data): a photo sent this way
// and attached to a direct message downloads as it was sent. A PNG's or JPEG's size is
// read from the file; other images count as 1200x800.

// oneShot is the request of a one-shot upload, from either body.
type oneShot struct {
	media            []byte
	category         string
	mediaType        string
	additionalOwners []string
}

func readOneShot(c *call) (*oneShot, *apiProblem) {
	ct, params, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		var b struct {
			Media            []byte   `json:"media"` // base64 in JSON
			MediaCategory    string   `json:"media_category"`
			MediaType        string   `json:"media_type"`
			AdditionalOwners []string `json:"additional_owners"`
		}
		if err := json.Unmarshal(c.body, &b); err != nil {
			return nil, badParam("media", "", "The request body is not valid (the `media` field must be base64): %v", err)
		}
		return &oneShot{media: b.Media, category: b.MediaCategory, mediaType: b.MediaType, additionalOwners: b.AdditionalOwners}, nil
	}
	o := &oneShot{}
	mr := multipart.NewReader(bytes.NewReader(c.body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return o, nil
		}
		if err != nil {
			return nil, badParam("media", "", "The multipart body is not valid: %v", err)
		}
		v, err := io.ReadAll(io.LimitReader(p, maxGIFBytes+1))
		if err != nil {
			return nil, badParam("media", "", "The multipart body is not valid: %v", err)
		}
		switch p.FormName() {
		case "media":
			o.media = v
		case "media_category":
			o.category = string(v)
		case "media_type":
			o.mediaType = string(v)
		case "additional_owners":
			for _, id := range strings.Split(string(v), ",") {
				if id = strings.TrimSpace(id); id != "" {
					o.additionalOwners = append(o.additionalOwners, id)
				}
			}
		}
	}
}

// mediaOneshotFeature registers the operations this file serves.
func mediaOneshotFeature() feature {
	return feature{ops: map[string]operation{
		"uploadMedia": {(*Server).uploadMedia, writes},
	}}
}

func (s *Server) uploadMedia(c *call) (int, any) {
	o, pr := readOneShot(c)
	if pr != nil {
		return pr.Status, pr
	}
	if len(o.media) == 0 {
		return http.StatusBadRequest, badParam("media", "", "The `media` field holds no bytes")
	}
	if o.mediaType == "" {
		o.mediaType, _, _ = strings.Cut(http.DetectContentType(o.media), ";")
	}
	limit, ok := categoryFits(o.category, o.mediaType)
	if !ok {
		return http.StatusBadRequest, badParam("media_category", o.category, "media_type %s cannot be uploaded as %s", o.mediaType, o.category)
	}
	if n := int64(len(o.media)); n > limit {
		return http.StatusBadRequest, badParam("media", strconv.FormatInt(n, 10), "File size exceeds %d bytes, the limit of %s", limit, o.category)
	}
	w, h := 1200, 800
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(o.media)); err == nil {
		w, h = cfg.Width, cfg.Height
	}
	u, pr := s.newUpload(c, o.additionalOwners, o.mediaType, o.category, int64(len(o.media)))
	if pr != nil {
		return pr.Status, pr
	}
	u.Segments[0] = len(o.media)
	u.Data = o.media
	s.finishUpload(c, u, w, h)
	out := struct {
		wUpload
		Image *wUploadImage `json:"image,omitempty"`
	}{wUpload: s.renderUpload(u, true)}
	if strings.HasPrefix(o.mediaType, "image/") && o.mediaType != "image/gif" {
		out.Image = &wUploadImage{W: w, H: h, ImageType: o.mediaType}
	}
	return http.StatusOK, envelope{Data: out}
}

type wUploadImage struct {
	W         int    `json:"w"`
	H         int    `json:"h"`
	ImageType string `json:"image_type"`
}

// UploadCount is how many uploads, chunked or one-shot, the world holds.
func (w *World) UploadCount() (n int) {
	w.read(func(st *state) { n = len(st.uploads) })
	return
}
