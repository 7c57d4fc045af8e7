package twittertest_test

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twittertest"
)

// A message sent and marked read, as the members' clients do, is in the world's chat.
func TestWorldChatMessagesAndReads(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	bob := twittertest.NewUserClient(t, srv, twittertest.BobID)
	conv := twittertest.AliceID + "-" + twittertest.BobID // one to one: the smaller id first
	if !slices.Contains(w.ChatConversationIDs(twittertest.BobID), conv) {
		t.Fatalf("Bob's conversations %v lack %s", w.ChatConversationIDs(twittertest.BobID), conv)
	}
	if cv, ok := w.ChatConversation(conv); !ok || cv.Group || !slices.Contains(cv.MemberIDs, twittertest.AliceID) || !slices.Contains(cv.MemberIDs, twittertest.BobID) {
		t.Errorf("ChatConversation = %+v, %v", cv, ok)
	}
	before := len(w.ChatEvents(conv))
	sent, _, err := bob.Chat.Send(ctx, conv, gen.ChatMessageRequest{MessageID: "m-1", EncodedMessageCreateEvent: "ZW5jcnlwdGVk", EncodedMessageEventSignature: "c2ln"})
	if err != nil {
		t.Fatal(err)
	}
	events := w.ChatEvents(conv)
	last := events[len(events)-1]
	if len(events) != before+1 || last.Kind != "message" || last.SenderID != twittertest.BobID || last.MessageID != "m-1" ||
		last.Encoded != "ZW5jcnlwdGVk" || sent.Data.EncodedMessageEvent != last.Encoded {
		t.Errorf("the new event %+v (of %d, was %d); sent %+v", last, len(events), before, sent.Data)
	}
	if _, _, err := bob.Chat.MarkRead(ctx, conv, last.ID); err != nil {
		t.Fatal(err)
	}
	if got := w.ChatReadUntil(conv, twittertest.BobID); got != last.ID {
		t.Errorf("ChatReadUntil = %q, want %q", got, last.ID)
	}
}

// A group made by a client, with its wrapped keys; a user's registered public key.
func TestWorldChatGroupsAndKeys(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	bob := twittertest.NewUserClient(t, srv, twittertest.BobID)
	init, _, err := bob.Chat.InitializeGroup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	group := init.Data.ConversationID
	var keys []gen.ChatParticipantKey
	for _, u := range []string{twittertest.BobID, twittertest.CarolID} {
		keys = append(keys, gen.ChatParticipantKey{UserID: u, EncryptedConversationKey: "d3JhcHBlZA==", PublicKeyVersion: "1"})
	}
	sig := gen.ChatActionSignature{MessageID: "sig-1", EncodedMessageEventDetail: "Y3JlYXRl",
		MessageEventSignature: gen.ChatMessageEventSignature{Signature: "c2ln", PublicKeyVersion: "1", SignatureVersion: "1"}}
	if _, _, err := bob.Chat.CreateGroup(ctx, gen.ChatGroupCreateRequest{ConversationID: group, ConversationKeyVersion: "1",
		GroupMembers: []string{twittertest.CarolID}, ConversationParticipantKeys: keys, ActionSignatures: []gen.ChatActionSignature{sig}}); err != nil {
		t.Fatal(err)
	}
	cv, ok := w.ChatConversation(group)
	if !ok || !cv.Group || !slices.Contains(cv.MemberIDs, twittertest.CarolID) || !slices.Contains(cv.AdminIDs, twittertest.BobID) {
		t.Errorf("ChatConversation = %+v, %v", cv, ok)
	}
	if got := w.ChatKeys(group); len(got) != 2 || got[0].Version != "1" || got[1].UserID != twittertest.CarolID {
		t.Errorf("ChatKeys = %+v", got)
	}

	reg := gen.PublicKeyAddRequest{Version: "1", GenerateVersion: true, PublicKey: gen.PublicKeyNew{PublicKey: "aWRlbnRpdHk=", SigningPublicKey: "c2lnbmluZw==",
		IdentityPublicKeySignature: "c2ln", PublicKeyFingerprint: "ZnA=", RegistrationMethod: "generated"}}
	if _, _, err := bob.Users.AddPublicKey(ctx, twittertest.BobID, reg); err != nil {
		t.Fatal(err)
	}
	if got := w.PublicKeys(twittertest.BobID); len(got) == 0 || got[0].Fingerprint != "ZnA=" || got[0].PublicKey != "aWRlbnRpdHk=" {
		t.Errorf("PublicKeys = %+v", got)
	}
}

// A file a client uploads to a chat: its session and its bytes.
func TestWorldChatUploads(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	conv := twittertest.AliceID + "-" + twittertest.BobID
	file := bytes.Repeat([]byte("encrypted!"), 1000)
	session, _, err := alice.Chat.UploadMedia(context.Background(), conv, bytes.NewReader(file), int64(len(file)), nil)
	if err != nil {
		t.Fatal(err)
	}
	var up twittertest.ChatUpload
	for _, u := range w.ChatUploads(twittertest.AliceID) {
		if u.MediaHashKey == session.MediaHashKey {
			up = u
		}
	}
	if !up.Finalized || up.ConversationID != conv || up.TotalBytes != int64(len(file)) {
		t.Errorf("the upload's session: %+v", up)
	}
	if got, ok := w.ChatFile(conv, session.MediaHashKey); !ok || !bytes.Equal(got, file) {
		t.Errorf("ChatFile: %d bytes, %v", len(got), ok)
	}
}
