package twitter_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeChatConversations(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	page, _, err := alice.Chat.Conversations(ctx, &twitter.ChatConversationsOptions{
		ChatConversationOptions: twitter.ChatConversationOptions{
			ConversationFields: []gen.ChatConversationField{gen.ChatConversationFieldGroupName, gen.ChatConversationFieldUpdatedAt},
			Expansions:         []gen.ChatConversationExpansion{gen.ChatConversationExpansionParticipantIds},
		},
		PageOptions: twitter.PageOptions{MaxResults: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Data) != 2 || page.Data[0].ID != testserver.ChatAliceBobID || page.Data[1].GroupName != testserver.ChatGroupName ||
		!page.Data[0].UpdatedAt.After(page.Data[1].UpdatedAt) || len(page.Data[1].ParticipantIds) != 3 ||
		len(page.Includes.Users) != 3 || !page.Meta.HasMore || page.Meta.NextToken == "" {
		t.Errorf("first page: %+v", page)
	}

	// Every conversation, through the iterator, in the world's order.
	var ids []string
	for cv, err := range alice.Chat.ConversationsIter(ctx, &twitter.ChatConversationsOptions{PageOptions: twitter.PageOptions{MaxResults: 1}}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, cv.ID)
	}
	if want := s.World().ChatConversationIDs(testserver.AliceID); !slices.Equal(ids, want) {
		t.Errorf("iterated %v, want %v", ids, want)
	}
	pages := 0
	for p, err := range alice.Chat.ConversationsPages(ctx, nil, &twitter.IterOptions{MaxPages: 1}) {
		if err != nil || len(p.Items) != 3 {
			t.Errorf("page: %+v, %v", p, err)
		}
		pages++
	}
	if pages != 1 {
		t.Errorf("%d pages", pages)
	}

	_, _, err = userClient(t, s, testserver.AliceID, "dm.read").Chat.Conversations(ctx, nil)
	wantError(t, err, 403, "")
	for name, opts := range map[string]*twitter.ChatConversationsOptions{
		"page size": {PageOptions: twitter.PageOptions{MaxResults: 101}},
		"field":     {ChatConversationOptions: twitter.ChatConversationOptions{ConversationFields: []gen.ChatConversationField{"message_ttl_msec"}}},
		"expansion": {ChatConversationOptions: twitter.ChatConversationOptions{Expansions: []gen.ChatConversationExpansion{"sender_id"}}},
	} {
		if _, _, err := alice.Chat.Conversations(ctx, opts); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestFakeChatConversation(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	carol := userClient(t, s, testserver.CarolID)

	// The colon form X's chat SDK writes is taken as well as the hyphen form of paths.
	for _, id := range []string{testserver.ChatAliceCarolID, testserver.AliceID + ":" + testserver.CarolID} {
		cv, _, err := carol.Chat.Conversation(ctx, id, &twitter.ChatConversationOptions{
			ConversationFields: []gen.ChatConversationField{gen.ChatConversationFieldIsMuted, gen.ChatConversationFieldMessageTTLMs, gen.ChatConversationFieldType},
		})
		if err != nil {
			t.Fatal(err)
		}
		if cv.Data.ID != testserver.ChatAliceCarolID || cv.Data.Type != "direct" || !cv.Data.IsMuted || cv.Data.MessageTTLMs != 86400000 {
			t.Errorf("%s: %+v", id, cv.Data)
		}
	}
	group, _, err := carol.Chat.Conversation(ctx, testserver.ChatGroupID, &twitter.ChatConversationOptions{
		Expansions: []gen.ChatConversationExpansion{gen.ChatConversationExpansionAdminIds},
		UserFields: []gen.UserField{gen.UserFieldUsername},
	})
	if err != nil {
		t.Fatal(err)
	}
	if group.Data.Type != "group" || !slices.Equal(group.Data.AdminIds, []string{testserver.AliceID}) ||
		len(group.Includes.Users) != 1 || group.Includes.Users[0].Username != "alice" {
		t.Errorf("group: %+v %+v", group.Data, group.Includes)
	}

	// A conversation Dave is not in does not exist for him: a typed not-found error.
	_, _, err = userClient(t, s, testserver.DaveID).Chat.Conversation(ctx, testserver.ChatGroupID, nil)
	if e := wantError(t, err, 200, twitter.ProblemResourceNotFound); !twitter.IsNotFound(e) {
		t.Errorf("outsider: %v", err)
	}
	for _, id := range []string{"", "g", "12-", "12:34:56", "group1", "../g1"} {
		if _, _, err := carol.Chat.Conversation(ctx, id, nil); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("id %q: %v", id, err)
		}
	}
}
