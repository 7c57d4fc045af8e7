package twitter_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// wrappedKeys is a conversation key as X's chat SDK wraps it for each user: opaque here.
func wrappedKeys(users ...string) []gen.ChatParticipantKey {
	var out []gen.ChatParticipantKey
	for _, u := range users {
		out = append(out, gen.ChatParticipantKey{UserID: u, EncryptedConversationKey: "d3JhcHBlZA==" + u, PublicKeyVersion: "1"})
	}
	return out
}

// newGroup reserves a group id for c and creates the group with members.
func newGroup(t *testing.T, c *twitter.Client, owner string, members ...string) string {
	t.Helper()
	ctx := context.Background()
	init, _, err := c.Chat.InitializeGroup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.Chat.CreateGroup(ctx, gen.ChatGroupCreateRequest{ConversationID: init.Data.ConversationID, ConversationKeyVersion: "1",
		GroupMembers: members, ConversationParticipantKeys: wrappedKeys(append([]string{owner}, members...)...),
		ActionSignatures: []gen.ChatActionSignature{chatSignature("Y3JlYXRl")}})
	if err != nil {
		t.Fatal(err)
	}
	return init.Data.ConversationID
}

func TestFakeChatInitializeGroup(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.DaveID, "dm.write")
	a, _, err := c.Chat.InitializeGroup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := c.Chat.InitializeGroup(ctx)
	if err != nil || !strings.HasPrefix(a.Data.ConversationID, "g") || a.Data.ConversationID == b.Data.ConversationID {
		t.Errorf("reserved %q and %q, %v", a.Data.ConversationID, b.Data.ConversationID, err)
	}
	// Reserved, not created: it is nobody's conversation yet.
	if _, ok := s.World().ChatConversation(a.Data.ConversationID); ok {
		t.Error("a reserved id is a conversation already")
	}
	_, _, err = userClient(t, s, testserver.DaveID, "dm.read").Chat.InitializeGroup(ctx)
	wantError(t, err, 403, "")
}

func TestFakeChatCreateGroup(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	dave := userClient(t, s, testserver.DaveID)
	init, _, err := dave.Chat.InitializeGroup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	req := gen.ChatGroupCreateRequest{ConversationID: init.Data.ConversationID, ConversationKeyVersion: "1", GroupName: "Daves",
		GroupMembers: []string{testserver.BobID, testserver.CarolID}, GroupAdmins: []string{testserver.BobID},
		ConversationParticipantKeys: wrappedKeys(testserver.DaveID, testserver.BobID, testserver.CarolID),
		ActionSignatures:            []gen.ChatActionSignature{chatSignature("Y3JlYXRl"), chatSignature("YWRtaW5z")}, TTLMsec: "3600000"}
	created, _, err := dave.Chat.CreateGroup(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if created.Data.ConversationID != req.ConversationID || created.Data.ConversationKeyChangeSequenceID == "" {
		t.Errorf("created: %+v", created.Data)
	}
	// Bob sees it, with Dave and himself as admins.
	cv, _, err := userClient(t, s, testserver.BobID).Chat.Conversation(ctx, req.ConversationID, &twitter.ChatConversationOptions{
		ConversationFields: []gen.ChatConversationField{gen.ChatConversationFieldGroupName, gen.ChatConversationFieldMessageTTLMs},
		Expansions:         []gen.ChatConversationExpansion{gen.ChatConversationExpansionAdminIds, gen.ChatConversationExpansionMemberIds}})
	if err != nil || cv.Data.GroupName != "Daves" || cv.Data.MessageTTLMs != 3600000 ||
		!slices.Equal(cv.Data.AdminIds, []string{testserver.DaveID, testserver.BobID}) || len(cv.Data.MemberIds) != 3 {
		t.Errorf("Bob's view: %+v, %v", cv, err)
	}
	if keys := s.World().ChatKeys(req.ConversationID); len(keys) != 3 || keys[0].EncryptedKey != "d3JhcHBlZA=="+testserver.DaveID {
		t.Errorf("keys kept: %+v", keys)
	}
	// Once only; not an id someone else reserved.
	_, _, err = dave.Chat.CreateGroup(ctx, req)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	other, _, _ := userClient(t, s, testserver.CarolID).Chat.InitializeGroup(ctx)
	req.ConversationID = other.Data.ConversationID
	_, _, err = dave.Chat.CreateGroup(ctx, req)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)

	bad := func(change func(*gen.ChatGroupCreateRequest)) func() error {
		r := gen.ChatGroupCreateRequest{ConversationID: "g1", ConversationKeyVersion: "1", GroupMembers: []string{testserver.BobID},
			ConversationParticipantKeys: wrappedKeys(testserver.DaveID, testserver.BobID)}
		change(&r)
		return func() error { _, _, err := dave.Chat.CreateGroup(ctx, r); return err }
	}
	wantInvalid(t, map[string]func() error{
		"group id":    bad(func(r *gen.ChatGroupCreateRequest) { r.ConversationID = testserver.ChatAliceBobID }),
		"key version": bad(func(r *gen.ChatGroupCreateRequest) { r.ConversationKeyVersion = "" }),
		"no keys":     bad(func(r *gen.ChatGroupCreateRequest) { r.ConversationParticipantKeys = nil }),
		"empty key":   bad(func(r *gen.ChatGroupCreateRequest) { r.ConversationParticipantKeys[1].EncryptedConversationKey = "" }),
		"key user":    bad(func(r *gen.ChatGroupCreateRequest) { r.ConversationParticipantKeys[1].UserID = "@bob" }),
		"no members":  bad(func(r *gen.ChatGroupCreateRequest) { r.GroupMembers = nil }),
		"member":      bad(func(r *gen.ChatGroupCreateRequest) { r.GroupMembers = []string{"bob"} }),
		"admin":       bad(func(r *gen.ChatGroupCreateRequest) { r.GroupAdmins = []string{""} }),
		"ttl":         bad(func(r *gen.ChatGroupCreateRequest) { r.TTLMsec = "1h" }),
		"signature": bad(func(r *gen.ChatGroupCreateRequest) {
			r.ActionSignatures = []gen.ChatActionSignature{chatSignature("eA==")}
			r.ActionSignatures[0].MessageEventSignature.SignatureVersion = ""
		}),
	})
}

func TestFakeChatAddMembers(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	req := gen.ChatMembersAddRequest{UserIds: []string{testserver.DaveID}, ConversationKeyVersion: "1",
		ConversationParticipantKeys: wrappedKeys(testserver.DaveID), EncryptedTitle: "ZW5jcnlwdGVkIHRpdGxl",
		ActionSignatures: []gen.ChatActionSignature{chatSignature("YWRk")}}
	added, _, err := alice.Chat.AddMembers(ctx, testserver.ChatGroupID, req)
	if err != nil {
		t.Fatal(err)
	}
	// X documents the answer as a Tweet; what comes is kept as it came.
	var change gen.ChatKeyChange
	if err := json.Unmarshal(added.Data, &change); err != nil || change.ConversationID != testserver.ChatGroupID || change.SequenceID == "" {
		t.Errorf("answer %s: %v", added.Data, err)
	}
	if ids := s.World().ChatConversationIDs(testserver.DaveID); !slices.Contains(ids, testserver.ChatGroupID) {
		t.Errorf("Dave's conversations: %v", ids)
	}
	// Bob is no admin; Dave is in already; a one-to-one conversation takes no members.
	_, _, err = userClient(t, s, testserver.BobID).Chat.AddMembers(ctx, testserver.ChatGroupID,
		gen.ChatMembersAddRequest{UserIds: []string{testserver.ErinID}, ActionSignatures: req.ActionSignatures})
	wantError(t, err, 403, "")
	_, _, err = alice.Chat.AddMembers(ctx, testserver.ChatGroupID, req)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	wantInvalid(t, map[string]func() error{
		"not a group": func() error { _, _, err := alice.Chat.AddMembers(ctx, testserver.ChatAliceBobID, req); return err },
		"no users": func() error {
			_, _, err := alice.Chat.AddMembers(ctx, testserver.ChatGroupID, gen.ChatMembersAddRequest{})
			return err
		},
		"bad user": func() error {
			_, _, err := alice.Chat.AddMembers(ctx, testserver.ChatGroupID, gen.ChatMembersAddRequest{UserIds: []string{"dave"}})
			return err
		},
	})
}

func TestFakeChatAddKeys(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	dave := userClient(t, s, testserver.DaveID)
	group := newGroup(t, dave, testserver.DaveID, testserver.ErinID)

	// A new version for the group, wrapped for both.
	rot := gen.ChatKeysAddRequest{ConversationKeyVersion: "2", ConversationParticipantKeys: wrappedKeys(testserver.DaveID, testserver.ErinID),
		Base64EncodedKeyRotation: "cm90YXRpb24=", ActionSignatures: []gen.ChatActionSignature{chatSignature("cm90YXRl")}}
	got, _, err := dave.Chat.AddKeys(ctx, group, rot)
	if err != nil || got.Data.ConversationID != group || got.Data.SequenceID == "" {
		t.Fatalf("rotate: %+v, %v", got, err)
	}
	page, _, err := dave.Chat.Events(ctx, group, nil)
	if err != nil || len(page.Meta.ConversationKeyEvents) != 2 || page.Meta.ConversationKeyEvents[1] != "cm90YXRpb24=" {
		t.Errorf("key events: %+v, %v", page, err)
	}
	_, _, err = dave.Chat.AddKeys(ctx, group, rot) // not newer
	wantError(t, err, 400, twitter.ProblemInvalidRequest)

	// Given Erin's user id: the one-to-one conversation is set up, and its id answered.
	first := gen.ChatKeysAddRequest{ConversationKeyVersion: "1", ConversationParticipantKeys: wrappedKeys(testserver.DaveID, testserver.ErinID),
		ActionSignatures: []gen.ChatActionSignature{chatSignature("c2V0dXA=")}}
	got, _, err = dave.Chat.AddKeys(ctx, testserver.ErinID, first)
	if err != nil || got.Data.ConversationID != testserver.DaveID+"-"+testserver.ErinID {
		t.Fatalf("set up: %+v, %v", got, err)
	}
	if _, _, err := userClient(t, s, testserver.ErinID).Chat.Conversation(ctx, got.Data.ConversationID, nil); err != nil {
		t.Errorf("Erin's new conversation: %v", err)
	}
	if _, _, err := dave.Chat.AddKeys(ctx, testserver.ChatAliceBobID, first); !twitter.IsNotFound(err) {
		t.Errorf("someone else's conversation: %v", err)
	}
	wantInvalid(t, map[string]func() error{
		"version": func() error {
			_, _, err := dave.Chat.AddKeys(ctx, group, gen.ChatKeysAddRequest{ConversationParticipantKeys: first.ConversationParticipantKeys})
			return err
		},
		"keys": func() error {
			_, _, err := dave.Chat.AddKeys(ctx, group, gen.ChatKeysAddRequest{ConversationKeyVersion: "3"})
			return err
		},
		"id": func() error { _, _, err := dave.Chat.AddKeys(ctx, "erin", first); return err },
	})
}
