package twittertest_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

// A user and a Tweet seeded with the fields X added lately reach the client as seeded,
// and World returns them as stored.
func TestAddedUserAndTweetKeepTheirFields(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	c := twittertest.NewClient(t, srv)

	u, err := w.AddUser(twittertest.User{Username: "gopherparody", Parody: true, IdentityChecked: true})
	if err != nil {
		t.Fatal(err)
	}
	if stored, _ := w.User(u.ID); !stored.Parody || !stored.IdentityChecked {
		t.Errorf("World.User = %+v", stored)
	}
	got, _, err := c.Users.ByID(ctx, u.ID, &twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldParody, gen.UserFieldIsIdentityVerified}})
	if err != nil || !got.Data.Parody || !got.Data.IsIdentityVerified {
		t.Errorf("ByID = %+v, %v", got, err)
	}

	seed := twittertest.Tweet{AuthorID: u.ID, Text: "a paid post about Go",
		ContextAnnotations: []twittertest.ContextAnnotation{{
			Domain: twittertest.AnnotationPart{ID: "131", Name: "Unified Twitter Taxonomy"},
			Entity: twittertest.AnnotationPart{ID: "848920371311001600", Name: "Technology", Description: "Technology and computing"}}},
		CardURI: "card://1700000000000000777", PaidPartnership: true, ArticleTitle: "Why Go",
		MatchedMediaNotes:      []twittertest.MatchedMediaNote{{NoteID: "1700000000000000901", MatchStatus: "matched"}},
		NoteRequestSuggestions: []twittertest.NoteRequestSuggestion{{SuggestionID: "1700000000000000951", Suggestion: "Say who paid", SourceLink: "https://example.com/ad"}},
	}
	tw, err := w.AddTweet(seed)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := w.Tweet(tw.ID)
	if diff := cmp.Diff(seed.ContextAnnotations, stored.ContextAnnotations); diff != "" || stored.CardURI != seed.CardURI ||
		!stored.PaidPartnership || stored.ArticleTitle != seed.ArticleTitle ||
		!slices.Equal(stored.MatchedMediaNotes, seed.MatchedMediaNotes) || !slices.Equal(stored.NoteRequestSuggestions, seed.NoteRequestSuggestions) {
		t.Errorf("World.Tweet = %+v %s", stored, diff)
	}
	res, _, err := c.Tweets.ByID(ctx, tw.ID, &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldContextAnnotations,
		gen.TweetFieldCardURI, gen.TweetFieldPaidPartnership, gen.TweetFieldArticleTitle, gen.TweetFieldMatchedMediaNotes,
		gen.TweetFieldNoteRequestSuggestions}})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	if len(d.ContextAnnotations) != 1 || d.ContextAnnotations[0].Entity.Name != "Technology" || d.ContextAnnotations[0].Domain.ID != "131" ||
		d.CardURI != seed.CardURI || !d.PaidPartnership || d.ArticleTitle != "Why Go" ||
		len(d.MatchedMediaNotes) != 1 || d.MatchedMediaNotes[0].NoteID != "1700000000000000901" ||
		len(d.NoteRequestSuggestions) != 1 || d.NoteRequestSuggestions[0].Suggestion != "Say who paid" {
		t.Errorf("the client sees %+v", d)
	}

	// Changing what AddTweet returned changes nothing in the world.
	tw.ContextAnnotations[0].Entity.Name = "changed"
	if again, _ := w.Tweet(tw.ID); again.ContextAnnotations[0].Entity.Name != "Technology" {
		t.Error("the returned Tweet shares the world's annotations")
	}
}

// World's Space and Media carry what the client reads of them.
func TestWorldSpaceAndMediaAreWhatTheClientSees(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	c := twittertest.NewClient(t, srv)

	sp, ok := w.Space(twittertest.LiveSpaceID)
	if !ok || len(sp.TopicIDs) == 0 || len(sp.InvitedUserIDs) == 0 {
		t.Fatalf("World.Space = %+v, %v", sp, ok)
	}
	res, _, err := c.Spaces.ByID(ctx, twittertest.LiveSpaceID, &twitter.SpaceOptions{SpaceFields: []gen.SpaceField{
		gen.SpaceFieldTopicIds, gen.SpaceFieldInvitedUserIds, gen.SpaceFieldSubscriberCount}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Data.TopicIds, sp.TopicIDs) || !slices.Equal(res.Data.InvitedUserIds, sp.InvitedUserIDs) ||
		int(res.Data.SubscriberCount) != sp.SubscriberCount {
		t.Errorf("the client sees %+v, the world has %+v", res.Data, sp)
	}

	// A Tweet of Alice's with a titled photo: its media_metadata tells the title.
	var tweetID string
	var m twittertest.Media
	for _, id := range w.UserTweetIDs(twittertest.AliceID) {
		if tw, _ := w.Tweet(id); len(tw.MediaKeys) > 0 {
			if m, _ = w.Media(tw.MediaKeys[0]); m.Title != "" {
				tweetID = id
				break
			}
		}
	}
	if tweetID == "" {
		t.Fatal("no Tweet of Alice's has titled media")
	}
	tw, _, err := c.Tweets.ByID(ctx, tweetID, &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldMediaMetadata}})
	if err != nil {
		t.Fatal(err)
	}
	if md := tw.Data.MediaMetadata; len(md) == 0 || md[0].Title != m.Title || md[0].Description != m.Description {
		t.Errorf("media_metadata %+v, the world has %+v", md, m)
	}
}

// A Space, a List and media seeded with every field set come back from World as given:
// the conversions to the server's types and back keep each field.
func TestAddedSpaceListAndMediaKeepEveryField(t *testing.T) {
	w := twittertest.Start(t).World()
	at := twittertest.SeedTime.Add(-2 * time.Hour)
	sp := twittertest.Space{ID: "1AllFields", State: "ended", Title: "Every field", CreatorID: twittertest.BobID,
		HostIDs: []string{twittertest.BobID, twittertest.CarolID}, SpeakerIDs: []string{twittertest.AliceID},
		InvitedUserIDs: []string{twittertest.DaveID}, TopicIDs: []string{"848920371311001600"}, Lang: "de", IsTicketed: true,
		ParticipantCount: 9, SubscriberCount: 4, CreatedAt: at, StartedAt: at.Add(time.Minute), ScheduledStart: at.Add(time.Minute),
		EndedAt: at.Add(time.Hour), UpdatedAt: at.Add(2 * time.Hour), SharedTweetIDs: []string{twittertest.JackFirstTweetID},
		BuyerIDs: []string{twittertest.ErinID}}
	if _, err := w.AddSpace(sp); err != nil {
		t.Fatal(err)
	}
	gotSpace, _ := w.Space(sp.ID)
	l := twittertest.List{ID: "1590000000000000777", Name: "All fields", Description: "every one", OwnerID: twittertest.CarolID,
		Private: true, CreatedAt: at, MemberIDs: []string{twittertest.BobID}, FollowerIDs: []string{twittertest.CarolID}}
	if _, err := w.AddList(l); err != nil {
		t.Fatal(err)
	}
	gotList, _ := w.List(l.ID)
	m := twittertest.Media{Key: "7_777", Type: "video", URL: "https://example.com/v.mp4", PreviewImageURL: "https://example.com/v.jpg",
		AltText: "alt", Title: "title", Description: "description", Width: 640, Height: 360, DurationMS: 1500, ViewCount: 8}
	if _, err := w.AddMedia(m); err != nil {
		t.Fatal(err)
	}
	gotMedia, _ := w.Media(m.Key)
	for name, diff := range map[string]string{"Space": cmp.Diff(sp, gotSpace), "List": cmp.Diff(l, gotList), "Media": cmp.Diff(m, gotMedia)} {
		if diff != "" {
			t.Errorf("the %s as stored (-seeded +stored):\n%s", name, diff)
		}
	}
}
