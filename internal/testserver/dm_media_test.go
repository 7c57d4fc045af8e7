package testserver

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// seededPhotoEvent is the id of Alice's message that carries DMPhotoMediaKey.
func seededPhotoEvent(t *testing.T, s *Server) string {
	t.Helper()
	for _, e := range s.World().DMEvents(AliceID, AliceBobConversationID) {
		if len(e.MediaKeys) == 1 && e.MediaKeys[0] == DMPhotoMediaKey {
			return e.ID
		}
	}
	t.Fatal("no seeded DM photo")
	return ""
}

func TestDMMediaDownload(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	ev := seededPhotoEvent(t, s)
	_, mediaID, _ := strings.Cut(DMPhotoMediaKey, "_")
	path := "/2/dm_conversations/media/" + ev + "/" + mediaID + "/"

	r := c.get(path+DMPhotoResource, s.UserToken(BobID))
	wantStatus(t, r, http.StatusOK)
	if r.header.Get("Content-Type") != "application/octet-stream" || !bytes.Equal(r.raw, DMMediaBytes(DMPhotoMediaKey, DMPhotoSize)) {
		t.Errorf("seeded photo: %s, %d bytes", r.header.Get("Content-Type"), len(r.raw))
	}

	// Carol is not in the conversation; a wrong media id or resource is not found; the
	// scope dm.read is needed.
	for name, tc := range map[string]struct {
		path, token string
		status      int
	}{
		"outsider":       {path + DMPhotoResource, s.UserToken(CarolID), http.StatusNotFound},
		"wrong media":    {"/2/dm_conversations/media/" + ev + "/1700000000000000099/" + DMPhotoResource, s.UserToken(BobID), http.StatusNotFound},
		"wrong resource": {path + "photo11.jpg", s.UserToken(BobID), http.StatusNotFound},
		"no dm.read":     {path + DMPhotoResource, s.UserToken(BobID, "tweet.read", "users.read"), http.StatusForbidden},
		"app token":      {path + DMPhotoResource, c.app(), http.StatusForbidden},
	} {
		if r := c.get(tc.path, tc.token); r.status != tc.status {
			t.Errorf("%s: status %d, want %d: %s", name, r.status, tc.status, r.raw)
		}
	}

	// A photo sent in one request and then in a message comes back byte for byte.
	photo := pngOf(t, 10, 10)
	r = c.do(http.MethodPost, "/2/media/upload", s.UserToken(AliceID), map[string]any{"media": photo, "media_category": "dm_image"})
	wantStatus(t, r, http.StatusOK)
	id := r.str("data", "id")
	r = c.do(http.MethodPost, "/2/dm_conversations/with/"+BobID+"/messages", s.UserToken(AliceID),
		map[string]any{"text": "a square", "attachments": []map[string]string{{"media_id": id}}})
	wantStatus(t, r, http.StatusCreated)
	r = c.get("/2/dm_conversations/media/"+r.str("data", "dm_event_id")+"/"+id+"/"+id+".jpg", s.UserToken(BobID))
	if !bytes.Equal(r.raw, photo) {
		t.Errorf("uploaded photo: %d bytes back, sent %d", len(r.raw), len(photo))
	}

	// FaultTruncatedJSON: the full length is announced, half arrives, the connection drops.
	s.Inject("downloadDMMedia", Fault{Kind: FaultTruncatedJSON, Times: 1})
	res, err := c.hc.Do(func() *http.Request {
		req := mustReq(t, http.MethodGet, s.URL()+path+DMPhotoResource, "")
		req.Header.Set("Authorization", "Bearer "+s.UserToken(BobID))
		return req
	}())
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	got, err := io.ReadAll(res.Body)
	if err == nil || res.ContentLength != DMPhotoSize || len(got) >= DMPhotoSize {
		t.Errorf("truncated: read %d of %d, err %v", len(got), res.ContentLength, err)
	}
}
