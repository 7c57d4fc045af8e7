package testserver

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"mime/multipart"
	"net/http"
	"testing"
)

// chatAppendForm sends one part of a chat upload as raw bytes in a multipart form.
func chatAppendForm(c *tc, tok, session, conv, key string, index int, data []byte) resp {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("conversation_id", conv)
	_ = mw.WriteField("media_hash_key", key)
	_ = mw.WriteField("segment_index", fmt.Sprint(index))
	fw, _ := mw.CreateFormFile("media", "part.bin")
	_, _ = fw.Write(data)
	_ = mw.Close()
	req := mustReq(c.t, http.MethodPost, c.s.URL()+"/2/chat/media/upload/"+session+"/append", buf.String())
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+tok)
	return c.send(req)
}

func TestChatMedia(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	alice, bob := s.UserToken(AliceID), s.UserToken(BobID)
	file := []byte("encrypted bytes of a photo, as the chat SDK made them")

	r := c.do(http.MethodPost, "/2/chat/media/upload/initialize", alice, map[string]any{"conversation_id": ChatAliceBobID, "total_bytes": len(file)})
	session, key := r.str("data", "session_id"), r.str("data", "media_hash_key")
	if r.status != http.StatusOK || session == "" || key == "" || r.str("data", "conversation_id") != ChatAliceBobID {
		t.Fatalf("initialize: %s", r.raw)
	}
	finalize := func(tok, conv, k, parts string) resp {
		return c.do(http.MethodPost, "/2/chat/media/upload/"+session+"/finalize", tok,
			map[string]any{"conversation_id": conv, "media_hash_key": k, "num_parts": parts})
	}
	download := func(tok, conv string) resp { return c.get("/2/chat/media/"+conv+"/"+key, tok) }

	// Out of order: nothing to finalize yet, nothing to download.
	r = finalize(alice, ChatAliceBobID, key, "1")
	if r.status != http.StatusBadRequest || !containsStr(r.str("errors", 0, "message"), "Nothing was appended") {
		t.Errorf("finalize first: %s", r.raw)
	}
	wantStatus(t, download(bob, ChatAliceBobID), http.StatusNotFound)
	// Appended: part 1 as JSON, then part 0 as a form; a wrong key or conversation is refused, and so is Bob.
	if r = c.do(http.MethodPost, "/2/chat/media/upload/"+session+"/append", alice, map[string]any{"conversation_id": ChatAliceBobID,
		"media_hash_key": key, "segment_index": 1, "media": base64.StdEncoding.EncodeToString(file[20:])}); r.num("data", "expires_at") == 0 {
		t.Fatalf("append JSON: %s", r.raw)
	}
	wantStatus(t, chatAppendForm(c, alice, session, ChatAliceBobID, "cmother", 0, file[:20]), http.StatusBadRequest)
	wantStatus(t, chatAppendForm(c, alice, session, ChatGroupID, key, 0, file[:20]), http.StatusBadRequest)
	wantStatus(t, chatAppendForm(c, bob, session, ChatAliceBobID, key, 0, file[:20]), http.StatusNotFound)
	wantStatus(t, finalize(alice, ChatAliceBobID, key, "2"), http.StatusBadRequest) // part 0 missing
	wantStatus(t, chatAppendForm(c, alice, session, ChatAliceBobID, key, 0, file[:20]), http.StatusOK)
	wantStatus(t, chatAppendForm(c, alice, session, ChatAliceBobID, key, 2, file), http.StatusBadRequest) // more than declared
	wantStatus(t, finalize(alice, ChatAliceBobID, key, "3"), http.StatusBadRequest)                       // another count
	if r = finalize(alice, ChatAliceBobID, key, "2"); r.at("data", "success") != true {
		t.Fatalf("finalize: %s", r.raw)
	}
	// Done: no more parts, no second finalize; Bob downloads the bytes as uploaded.
	wantStatus(t, chatAppendForm(c, alice, session, ChatAliceBobID, key, 0, file[:20]), http.StatusBadRequest)
	wantStatus(t, finalize(alice, ChatAliceBobID, key, "2"), http.StatusBadRequest)
	r = download(bob, ChatAliceBobID)
	if r.status != http.StatusOK || !bytes.Equal(r.raw, file) || r.header.Get("Content-Type") != "application/octet-stream" {
		t.Errorf("download: %d %q", r.status, r.raw)
	}
	if got, ok := s.World().ChatFile(ChatAliceBobID, key); !ok || !bytes.Equal(got, file) {
		t.Errorf("world: %q", got)
	}
	// Carol is not in the conversation; a session nobody began does not exist.
	wantStatus(t, download(s.UserToken(CarolID), ChatAliceBobID), http.StatusNotFound)
	wantStatus(t, c.do(http.MethodPost, "/2/chat/media/upload/initialize", s.UserToken(CarolID),
		map[string]any{"conversation_id": ChatAliceBobID, "total_bytes": 3}), http.StatusNotFound)
	wantStatus(t, chatAppendForm(c, alice, "42", ChatAliceBobID, key, 0, file), http.StatusNotFound)
	wantStatus(t, c.do(http.MethodPost, "/2/chat/media/upload/initialize", alice,
		map[string]any{"conversation_id": ChatAliceBobID, "total_bytes": 0}), http.StatusBadRequest)
}
