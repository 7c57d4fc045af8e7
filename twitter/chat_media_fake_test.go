package twitter_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// chatFile is a file as X's chat SDK would have encrypted it: opaque bytes.
func chatFile(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*31 + i>>8)
	}
	return b
}

func TestFakeChatUploadMedia(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	file := chatFile(10_000)

	var progress []int64
	session, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatGroupID, bytes.NewReader(file), int64(len(file)),
		&twitter.ChatUploadOptions{ChunkSize: 4096, Progress: func(sent, total int64) { progress = append(progress, sent) }, MessageID: "m-photo"})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := s.World().ChatFile(testserver.ChatGroupID, session.MediaHashKey); !ok || !bytes.Equal(got, file) {
		t.Errorf("the world holds %d bytes", len(got))
	}
	if len(progress) != 3 || progress[2] != int64(len(file)) {
		t.Errorf("progress %v", progress)
	}
	// Carol, a member, downloads it as uploaded.
	var got bytes.Buffer
	if n, _, err := userClient(t, s, testserver.CarolID).Chat.DownloadMedia(ctx, testserver.ChatGroupID, session.MediaHashKey, &got); err != nil ||
		n != int64(len(file)) || !bytes.Equal(got.Bytes(), file) {
		t.Errorf("download: %d bytes, %v", n, err)
	}

	// A reader shorter or longer than size: an error before finalizing, no file.
	for name, r := range map[string]*bytes.Reader{"short": bytes.NewReader(file[:5000]), "long": bytes.NewReader(append(file, 1))} {
		session, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatGroupID, r, int64(len(file)), &twitter.ChatUploadOptions{ChunkSize: 4096})
		if err == nil || errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s reader: %v", name, err)
		}
		if session != nil {
			if _, ok := s.World().ChatFile(testserver.ChatGroupID, session.MediaHashKey); ok {
				t.Errorf("%s reader: finalized", name)
			}
		}
	}
	// Not a member of the conversation.
	if _, _, err := userClient(t, s, testserver.DaveID).Chat.UploadMedia(ctx, testserver.ChatGroupID, bytes.NewReader(file), int64(len(file)), nil); !twitter.IsNotFound(err) {
		t.Errorf("outsider: %v", err)
	}
	wantInvalid(t, map[string]func() error{
		"nil reader": func() error {
			_, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatGroupID, nil, 10, nil)
			return err
		},
		"empty": func() error {
			_, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatGroupID, bytes.NewReader(nil), 0, nil)
			return err
		},
		"chunk": func() error {
			_, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatGroupID, bytes.NewReader(file), 10, &twitter.ChatUploadOptions{ChunkSize: 6 << 20})
			return err
		},
		"segments": func() error {
			_, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatGroupID, bytes.NewReader(file), int64(len(file)), &twitter.ChatUploadOptions{ChunkSize: 5})
			return err
		},
		"ttl": func() error {
			_, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatGroupID, bytes.NewReader(file), 10, &twitter.ChatUploadOptions{TTLMsec: -1})
			return err
		},
		"conversation": func() error {
			_, _, err := alice.Chat.UploadMedia(ctx, "gopher chat", bytes.NewReader(file), 10, nil)
			return err
		},
	})
}

// startChatUpload initializes an upload of n bytes by Alice to her conversation with Bob.
func startChatUpload(t *testing.T, c *twitter.Client, n int64) gen.ChatMediaSession {
	t.Helper()
	started, _, err := c.Chat.InitializeMedia(context.Background(), testserver.ChatAliceBobID, n)
	if err != nil {
		t.Fatal(err)
	}
	return started.Data
}

func TestFakeChatInitializeMedia(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	// The colon form and the other member's user id name the same conversation.
	for _, id := range []string{testserver.AliceID + ":" + testserver.BobID, testserver.BobID} {
		started, _, err := alice.Chat.InitializeMedia(ctx, id, 100)
		if err != nil || started.Data.ConversationID != testserver.ChatAliceBobID || started.Data.MediaHashKey == "" {
			t.Errorf("%s: %+v, %v", id, started, err)
		}
	}
	if ups := s.World().ChatUploads(testserver.AliceID); len(ups) != 2 || ups[0].TotalBytes != 100 {
		t.Errorf("sessions: %+v", ups)
	}
	_, _, err := userClient(t, s, testserver.AliceID, "dm.write").Chat.InitializeMedia(ctx, testserver.ChatAliceBobID, 100)
	wantError(t, err, 403, "")
	wantInvalid(t, map[string]func() error{
		"size": func() error { _, _, err := alice.Chat.InitializeMedia(ctx, testserver.ChatAliceBobID, 0); return err },
		"id":   func() error { _, _, err := alice.Chat.InitializeMedia(ctx, "", 10); return err },
	})
}

func TestFakeChatAppendMedia(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	session := startChatUpload(t, alice, 6)

	// Parts in any order; one sent again replaces the first.
	for _, p := range []struct {
		i    int
		data string
	}{{1, "def"}, {0, "xyz"}, {0, "abc"}} {
		got, _, err := alice.Chat.AppendMedia(ctx, session, p.i, []byte(p.data))
		if err != nil || got.Data.ExpiresAt == 0 {
			t.Fatalf("part %d: %+v, %v", p.i, got, err)
		}
	}
	ups := s.World().ChatUploads(testserver.AliceID)
	if len(ups) != 1 || string(ups[0].Parts[0]) != "abc" || string(ups[0].Parts[1]) != "def" {
		t.Errorf("parts: %+v", ups)
	}
	// More than declared, someone else's session, a session that never began: refused by X.
	_, _, err := alice.Chat.AppendMedia(ctx, session, 2, []byte("g"))
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	if _, _, err := userClient(t, s, testserver.BobID).Chat.AppendMedia(ctx, session, 2, []byte("g")); !twitter.IsNotFound(err) {
		t.Errorf("Bob appends to Alice's session: %v", err)
	}
	never := session
	never.SessionID = "42"
	if _, _, err := alice.Chat.AppendMedia(ctx, never, 0, []byte("a")); !twitter.IsNotFound(err) {
		t.Errorf("append before initialize: %v", err)
	}
	other := session
	other.MediaHashKey = "cmother"
	_, _, err = alice.Chat.AppendMedia(ctx, other, 0, []byte("a"))
	wantError(t, err, 400, twitter.ProblemInvalidRequest)

	bad := func(change func(*gen.ChatMediaSession), segment int, part []byte) func() error {
		sess := session
		change(&sess)
		return func() error { _, _, err := alice.Chat.AppendMedia(ctx, sess, segment, part); return err }
	}
	same := func(*gen.ChatMediaSession) {}
	wantInvalid(t, map[string]func() error{
		"session id":   bad(func(s *gen.ChatMediaSession) { s.SessionID = "" }, 0, []byte("a")),
		"hash key":     bad(func(s *gen.ChatMediaSession) { s.MediaHashKey = "a/b" }, 0, []byte("a")),
		"conversation": bad(func(s *gen.ChatMediaSession) { s.ConversationID = "" }, 0, []byte("a")),
		"segment":      bad(same, 1000, []byte("a")),
		"negative":     bad(same, -1, []byte("a")),
		"empty part":   bad(same, 0, nil),
		"big part":     bad(same, 0, make([]byte, 5<<20+1)),
	})
}

func TestFakeChatFinalizeMedia(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	session := startChatUpload(t, alice, 6)

	// Finalized before any part: a clear refusal.
	_, _, err := alice.Chat.FinalizeMedia(ctx, session, 1, nil)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	for i, part := range []string{"abc", "def"} {
		if _, _, err := alice.Chat.AppendMedia(ctx, session, i, []byte(part)); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err = alice.Chat.FinalizeMedia(ctx, session, 3, nil)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	got, _, err := alice.Chat.FinalizeMedia(ctx, session, 2, &twitter.ChatFinalizeOptions{MessageID: "m-1", TTLMsec: 60000})
	if err != nil || !got.Data.Success {
		t.Fatalf("finalize: %+v, %v", got, err)
	}
	if ups := s.World().ChatUploads(testserver.AliceID); len(ups) != 1 || !ups[0].Finalized || ups[0].MessageID != "m-1" {
		t.Errorf("session: %+v", ups)
	}
	// Twice, or appending after: refused.
	_, _, err = alice.Chat.FinalizeMedia(ctx, session, 2, nil)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	_, _, err = alice.Chat.AppendMedia(ctx, session, 0, []byte("abc"))
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	wantInvalid(t, map[string]func() error{
		"parts": func() error { _, _, err := alice.Chat.FinalizeMedia(ctx, session, 0, nil); return err },
		"many":  func() error { _, _, err := alice.Chat.FinalizeMedia(ctx, session, 1001, nil); return err },
		"ttl": func() error {
			_, _, err := alice.Chat.FinalizeMedia(ctx, session, 1, &twitter.ChatFinalizeOptions{TTLMsec: -5})
			return err
		},
	})
}

func TestFakeChatDownloadMedia(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	file := chatFile(300 << 10)
	session, _, err := alice.Chat.UploadMedia(ctx, testserver.ChatAliceBobID, bytes.NewReader(file), int64(len(file)), nil)
	if err != nil {
		t.Fatal(err)
	}
	bob := userClient(t, s, testserver.BobID)

	// Streamed in pieces, never whole in memory.
	var w chunkWriter
	n, resp, err := bob.Chat.DownloadMedia(ctx, testserver.AliceID+":"+testserver.BobID, session.MediaHashKey, &w)
	if err != nil || n != int64(len(file)) || !bytes.Equal(w.Bytes(), file) || resp.StatusCode != 200 {
		t.Fatalf("download: %d bytes, %v", n, err)
	}
	if len(w.writes) < 2 {
		t.Errorf("writes %v: want the file streamed in pieces", w.writes)
	}
	// Broken off half way: an error with the count, and no retry.
	s.Inject("downloadChatMedia", testserver.Fault{Kind: testserver.FaultTruncatedJSON, Times: 1})
	var got bytes.Buffer
	n, _, err = bob.Chat.DownloadMedia(ctx, testserver.ChatAliceBobID, session.MediaHashKey, &got)
	if err == nil || !strings.Contains(err.Error(), "broke off after") || n >= int64(len(file)) || int64(got.Len()) != n {
		t.Errorf("truncated: n %d, writer %d, err %v", n, got.Len(), err)
	}
	// Not a member, or no such file (an upload not finalized is none): not found.
	if _, _, err := userClient(t, s, testserver.CarolID).Chat.DownloadMedia(ctx, testserver.ChatAliceBobID, session.MediaHashKey, &got); !twitter.IsNotFound(err) {
		t.Errorf("outsider: %v", err)
	}
	pending := startChatUpload(t, alice, 10)
	if _, _, err := bob.Chat.DownloadMedia(ctx, testserver.ChatAliceBobID, pending.MediaHashKey, &got); !twitter.IsNotFound(err) {
		t.Errorf("unfinished upload: %v", err)
	}
	wantInvalid(t, map[string]func() error{
		"nil writer": func() error {
			_, _, err := bob.Chat.DownloadMedia(ctx, testserver.ChatAliceBobID, session.MediaHashKey, nil)
			return err
		},
		"hash key": func() error {
			_, _, err := bob.Chat.DownloadMedia(ctx, testserver.ChatAliceBobID, "../x", &got)
			return err
		},
		"id": func() error { _, _, err := bob.Chat.DownloadMedia(ctx, "", session.MediaHashKey, &got); return err },
	})
}
