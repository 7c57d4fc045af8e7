package testserver

import (
	"net/http"
	"path"
	"strings"
)

// DM media download (GET /2/dm_conversations/media/{dm_id}/{media_id}/{resource_id}): the
// bytes of a file attached to a direct message, for a participant of its conversation.
// media_id is the number of the attachment's media key (3_<media_id>); resource_id is the
// last segment of the media's URL (DMPhotoResource for the seeded photo, <media_id>.jpg
// for uploaded photos, <media_id>.mp4 for uploaded videos and GIFs). A file uploaded in
// one request (POST /2/media/upload) comes back as it was sent; others are DMMediaBytes of
// their size. Anything that does not fit is a 404.

// DMPhotoResource is the resource id of the photo seeded in Alice and Bob's conversation
// (DMPhotoMediaKey); DMPhotoSize is its size in bytes.
const (
	DMPhotoResource = "photo10.jpg"
	DMPhotoSize     = 300 << 10
)

// binaryBody is a response body sent as application/octet-stream.
type binaryBody []byte

// DMMediaBytes are the n bytes the fake serves for a DM file it did not keep the bytes
// of: a pattern that differs from key to key.
func DMMediaBytes(key string, n int) []byte {
	b := make([]byte, n)
	seed := byte(len(key))
	for i := range key {
		seed = seed*31 + key[i]
	}
	for i := range b {
		b[i] = seed + byte(i*7) + byte(i>>10)
	}
	return b
}

// dmResource is the resource id of an attached media object.
func dmResource(m *Media, mediaID string) string {
	switch {
	case m.URL != "":
		return path.Base(m.URL)
	case m.Type == "photo":
		return mediaID + ".jpg"
	}
	return mediaID + ".mp4"
}

// dmMediaFeature registers the operations this file serves.
func dmMediaFeature() feature {
	return feature{ops: map[string]operation{
		"downloadDMMedia": {(*Server).downloadDMMedia, reads},
	}}
}

func (s *Server) downloadDMMedia(c *call) (int, any) {
	dmID, mediaID, resource := c.path["dm_id"], c.path["media_id"], c.path["resource_id"]
	missing := func(what, param, value string) (int, any) {
		pr := notFound(what, param, value)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	_, e := s.w.dmEventFor(c.who.userID, dmID)
	if e == nil {
		return missing("dm_event", "dm_id", dmID)
	}
	var key string
	for _, k := range e.MediaKeys {
		if _, id, _ := strings.Cut(k, "_"); id == mediaID {
			key = k
		}
	}
	m := s.w.mediaOf(key)
	if key == "" || m == nil {
		return missing("media", "media_id", mediaID)
	}
	if dmResource(m, mediaID) != resource {
		return missing("media", "resource_id", resource)
	}
	if u := s.w.uploads[mediaID]; u != nil {
		if u.Data != nil {
			return http.StatusOK, binaryBody(u.Data)
		}
		return http.StatusOK, binaryBody(DMMediaBytes(key, int(u.TotalBytes)))
	}
	return http.StatusOK, binaryBody(DMMediaBytes(key, DMPhotoSize))
}
