package twittertest_test

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

func TestWorldReadsWhatTheClientChanged(t *testing.T) {
	srv := twittertest.Start(t)
	c := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	ctx := context.Background()
	w := srv.World()
	before := w.FollowerCount(twittertest.CarolID) // Alice among them
	if _, _, err := c.Users.Unfollow(ctx, twittertest.AliceID, twittertest.CarolID); err != nil {
		t.Fatal(err)
	}
	if got := w.FollowerCount(twittertest.CarolID); got != before-1 || slices.Contains(w.FollowingIDs(twittertest.AliceID), twittertest.CarolID) {
		t.Errorf("after Unfollow: %d followers (was %d), Alice follows %v", got, before, w.FollowingIDs(twittertest.AliceID))
	}
	posted, _, err := c.Tweets.Create(ctx, twitter.NewTweet{Text: "hello from a test"})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := w.Tweet(posted.Data.ID)
	if !ok || got.Text != "hello from a test" || got.AuthorID != twittertest.AliceID {
		t.Fatalf("World.Tweet = %+v, %v", got, ok)
	}
	if ids := w.UserTweetIDs(twittertest.AliceID); len(ids) == 0 || ids[0] != got.ID {
		t.Errorf("UserTweetIDs(alice) = %v, want %s first", ids, got.ID)
	}
}

func TestWorldReturnsCopies(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	l, ok := w.List(w.ListIDs()[0])
	if !ok || len(l.MemberIDs) == 0 {
		t.Fatalf("List = %+v, %v", l, ok)
	}
	l.MemberIDs[0] = "changed"
	if again, _ := w.List(l.ID); again.MemberIDs[0] == "changed" {
		t.Error("changing a returned List changed the world")
	}
}

func TestManualClockMovesTheServer(t *testing.T) {
	clock := twittertest.NewManualClock(time.Time{})
	if !clock.Now().Equal(twittertest.SeedTime) {
		t.Fatalf("NewManualClock(zero) shows %v, want SeedTime", clock.Now())
	}
	srv := twittertest.Start(t, twittertest.WithClock(clock))
	tw, err := srv.World().AddTweet(twittertest.Tweet{})
	if err != nil || !tw.CreatedAt.Equal(twittertest.SeedTime) {
		t.Fatalf("a Tweet added at SeedTime: %+v, %v", tw, err)
	}
	clock.Advance(time.Hour)
	if tw, _ := srv.World().AddTweet(twittertest.Tweet{}); !tw.CreatedAt.Equal(twittertest.SeedTime.Add(time.Hour)) {
		t.Errorf("after Advance(1h): created %v", tw.CreatedAt)
	}
}

// Retweets of Alice's Tweets by others, and an organization's affiliates, as the client
// pages them.
func TestWorldRepostsAndAffiliates(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	before := w.RepostIDs(twittertest.AliceID)
	mine := w.UserTweetIDs(twittertest.AliceID)[0]
	if _, _, err := twittertest.NewUserClient(t, srv, twittertest.CarolID).Tweets.Retweet(ctx, twittertest.CarolID, mine); err != nil {
		t.Fatal(err)
	}
	after := w.RepostIDs(twittertest.AliceID)
	page, _, err := twittertest.NewUserClient(t, srv, twittertest.AliceID).Users.RepostsOfMe(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+1 || len(page.Data) == 0 || page.Data[0].ID != after[0] {
		t.Errorf("RepostIDs %v (was %v); the client's first %+v", after, before, page.Data)
	}
	if rt, _ := w.Tweet(after[0]); rt.AuthorID != twittertest.CarolID {
		t.Errorf("the newest repost %+v is not Carol's", rt)
	}

	ids := w.AffiliateIDs(twittertest.XDevelopersID)
	aff, _, err := twittertest.NewClient(t, srv).Users.Affiliates(ctx, twittertest.XDevelopersID, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range aff.Data {
		got = append(got, u.ID)
	}
	if len(got) == 0 || len(ids) < len(got) || !slices.Equal(got, ids[:len(got)]) {
		t.Errorf("the client pages %v, the world has %v", got, ids)
	}
	if ids := w.AffiliateIDs(twittertest.AliceID); len(ids) != 0 {
		t.Errorf("Alice has affiliates %v", ids)
	}
}

// A direct message sent and deleted, and a DM block, through the client.
func TestWorldDMEventsAndBlocks(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	sent, _, err := alice.DirectMessages.SendTo(ctx, twittertest.CarolID, twitter.DirectMessage{Text: "lunch?"})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := w.DMEvent(sent.Data.DmEventID)
	if !ok || e.Text != "lunch?" || e.SenderID != twittertest.AliceID || e.ConversationID != sent.Data.DmConversationID {
		t.Errorf("DMEvent = %+v, %v", e, ok)
	}
	if _, _, err := alice.DirectMessages.DeleteEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := w.DMEvent(e.ID); ok {
		t.Error("a deleted event is still there")
	}

	bob := twittertest.NewUserClient(t, srv, twittertest.BobID)
	if _, _, err := bob.DirectMessages.Block(ctx, twittertest.AliceID); err != nil {
		t.Fatal(err)
	}
	if ids := w.DMBlockedIDs(twittertest.BobID); len(ids) == 0 || ids[0] != twittertest.AliceID {
		t.Errorf("DMBlockedIDs(bob) = %v", ids)
	}
}

// A bookmark folder, an Article and a Community Note written through the client.
func TestWorldFoldersArticlesAndNotes(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)

	folder, _, err := alice.Bookmarks.CreateFolder(ctx, twittertest.AliceID, "To read")
	if err != nil {
		t.Fatal(err)
	}
	fs := w.BookmarkFolders(twittertest.AliceID)
	if len(fs) == 0 || fs[len(fs)-1].ID != folder.Data.ID || fs[len(fs)-1].Name != "To read" {
		t.Errorf("BookmarkFolders = %+v", fs)
	}

	draft, _, err := alice.Articles.CreateDraft(ctx, twitter.NewArticle{Title: "On fakes", Content: twitter.ArticleText("One.", "Two.")})
	if err != nil {
		t.Fatal(err)
	}
	if as := w.Articles(twittertest.AliceID); len(as) != 1 || as[0].ID != draft.Data.ID || as[0].Blocks != 2 || as[0].TweetID != "" {
		t.Errorf("a draft: Articles = %+v", as)
	}
	pub, _, err := alice.Articles.Publish(ctx, draft.Data.ID)
	if err != nil {
		t.Fatal(err)
	}
	if as := w.Articles(twittertest.AliceID); len(as) != 1 || as[0].TweetID != pub.Data.PostID {
		t.Errorf("published as %s: Articles = %+v", pub.Data.PostID, as)
	}

	eligible, _, err := alice.Notes.EligiblePosts(ctx, &twitter.EligiblePostsOptions{TestMode: true})
	if err != nil || len(eligible.Data) == 0 {
		t.Fatalf("EligiblePosts: %+v, %v", eligible, err)
	}
	note, _, err := alice.Notes.Create(ctx, twitter.NewNote{TweetID: eligible.Data[0].ID, TestMode: true,
		Text: "Accurate, see https://example.com/source", Classification: gen.NoteClassificationNotMisleading})
	if err != nil {
		t.Fatal(err)
	}
	if ns := w.Notes(twittertest.AliceID, true); len(ns) != 1 || ns[0].ID != note.Data.ID || ns[0].TweetID != eligible.Data[0].ID ||
		ns[0].Classification != "not_misleading" || !ns[0].TestMode {
		t.Errorf("Notes(test mode) = %+v", ns)
	}
	if ns := w.Notes(twittertest.AliceID, false); len(ns) != 0 {
		t.Errorf("Notes(real) = %+v", ns)
	}
}

// The project's rule count follows the rules the client adds; a stream link the client
// makes is the world's.
func TestWorldRuleCountAndStreamLinks(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	c := twittertest.NewClient(t, srv)
	before := w.ProjectRuleCount()
	if _, _, err := c.Rules.Add(ctx, []gen.RuleNoID{{Value: "#golang", Tag: "go"}}, nil); err != nil {
		t.Fatal(err)
	}
	counts, _, err := c.Rules.Counts(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := w.ProjectRuleCount(); got != before+1 || strconv.Itoa(got) != counts.Data.ProjectRulesCount {
		t.Errorf("ProjectRuleCount %d (was %d); the client sees %q", got, before, counts.Data.ProjectRulesCount)
	}

	if _, _, err := c.Webhooks.LinkStream(ctx, twittertest.SeedWebhookID, &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldLang}}); err != nil {
		t.Fatal(err)
	}
	links := w.StreamLinks()
	if len(links) != 1 || links[0].WebhookID != twittertest.SeedWebhookID || !slices.Equal(links[0].Fields, []string{"tweet.fields=lang"}) {
		t.Errorf("StreamLinks = %+v", links)
	}
}
