package testserver

import (
	"bytes"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"testing"
)

// pngOf is a w×h PNG.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOneShotUpload(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice := s.UserToken(AliceID)
	photo := pngOf(t, 64, 48)

	// JSON, base64; the media type is read from the bytes.
	r := c.do(http.MethodPost, "/2/media/upload", alice, map[string]any{"media": photo, "media_category": "tweet_image"})
	wantStatus(t, r, http.StatusOK)
	id := r.str("data", "id")
	if r.num("data", "size") != len(photo) || r.num("data", "image", "w") != 64 || r.num("data", "image", "h") != 48 ||
		r.str("data", "image", "image_type") != "image/png" || r.has("data", "processing_info") || r.str("data", "media_key") != "3_"+id {
		t.Errorf("json upload: %s", r.raw)
	}
	u, ok := s.World().Upload(id)
	if !ok || !u.Finalized || u.OwnerID != AliceID || !bytes.Equal(u.Data, photo) {
		t.Errorf("world upload: %+v", u)
	}
	u.Data[0] ^= 0xff // a copy: the server's file stays as uploaded
	if again, _ := s.World().Upload(id); !bytes.Equal(again.Data, photo) {
		t.Error("changing the Data World.Upload returned changed the server's file")
	}
	// It can be posted at once.
	r = c.do(http.MethodPost, "/2/tweets", alice, map[string]any{"text": "one shot", "media": map[string]any{"media_ids": []string{id}}})
	wantStatus(t, r, http.StatusCreated)

	// Multipart, for a direct message, shared with Bob.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("media_category", "dm_image")
	_ = mw.WriteField("media_type", "image/png")
	_ = mw.WriteField("additional_owners", BobID)
	part, _ := mw.CreateFormFile("media", "photo.png")
	_, _ = part.Write(photo)
	_ = mw.Close()
	req := mustReq(t, http.MethodPost, s.URL()+"/2/media/upload", body.String())
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+alice)
	r = c.send(req)
	wantStatus(t, r, http.StatusOK)
	if u, _ := s.World().Upload(r.str("data", "id")); u.Category != "dm_image" || len(u.AdditionalOwners) != 1 || u.AdditionalOwners[0] != BobID {
		t.Errorf("multipart upload: %+v (%s)", u, r.raw)
	}

	// Refusals: a GIF as an image, a photo over 5 MiB, no bytes, an app token.
	gif := append([]byte("GIF89a"), make([]byte, 20)...)
	wantStatus(t, c.do(http.MethodPost, "/2/media/upload", alice, map[string]any{"media": gif, "media_category": "tweet_image"}), http.StatusBadRequest)
	big := append(pngOf(t, 1, 1), make([]byte, 5<<20)...)
	wantStatus(t, c.do(http.MethodPost, "/2/media/upload", alice, map[string]any{"media": big, "media_category": "tweet_image"}), http.StatusBadRequest)
	wantStatus(t, c.do(http.MethodPost, "/2/media/upload", alice, map[string]any{"media": []byte{}, "media_category": "tweet_image"}), http.StatusBadRequest)
	wantStatus(t, c.do(http.MethodPost, "/2/media/upload", c.app(), map[string]any{"media": photo, "media_category": "tweet_image"}), http.StatusForbidden)
}
