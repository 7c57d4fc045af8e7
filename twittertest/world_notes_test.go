package twittertest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

func TestWorldAddNoteWriterAndEligibleTweet(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	bot, err := w.AddUser(twittertest.User{Username: "notebot"})
	if err != nil {
		t.Fatal(err)
	}
	c := twittertest.NewUserClient(t, srv, bot.ID)
	if _, _, err := c.Notes.EligiblePosts(ctx, nil); !twitter.IsForbidden(err) {
		t.Fatalf("a user not enrolled listing eligible Tweets: %v, want 403", err)
	}
	for range 2 { // enrolling again changes nothing
		if err := w.AddNoteWriter(bot.ID); err != nil {
			t.Fatal(err)
		}
	}
	claim, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.CarolID, Text: "The moon is made of cheese"})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := w.AddNoteEligibleTweet(claim.ID); err != nil {
			t.Fatal(err)
		}
	}
	first := func(testMode bool) (string, int) {
		t.Helper()
		res, _, err := c.Notes.EligiblePosts(ctx, &twitter.EligiblePostsOptions{TestMode: testMode, PageOptions: twitter.PageOptions{MaxResults: 100}})
		if err != nil || len(res.Data) == 0 {
			t.Fatalf("EligiblePosts = %+v, %v", res, err)
		}
		return res.Data[0].ID, len(res.Data)
	}
	id, n := first(true)
	if id != claim.ID {
		t.Errorf("the first eligible Tweet is %s, want the added %s", id, claim.ID)
	}

	// The bot notes it through the API; it is no longer eligible for the bot in test mode.
	if _, _, err := c.Notes.Create(ctx, twitter.NewNote{TweetID: claim.ID, TestMode: true, Text: "It is rock: https://science.nasa.gov/moon",
		Classification: gen.NoteClassificationMisinformedOrPotentiallyMisleading, MisleadingTags: []gen.NoteMisleadingTag{gen.NoteMisleadingTagFactualError}}); err != nil {
		t.Fatal(err)
	}
	if id, m := first(true); id == claim.ID || m != n-1 {
		t.Errorf("after the note the first eligible Tweet is %s of %d (was %d)", id, m, n)
	}
	if id, _ := first(false); id != claim.ID {
		t.Errorf("out of test mode the first eligible Tweet is %s, want %s", id, claim.ID)
	}

	wantErr(t, "enrolling nobody", w.AddNoteWriter(twittertest.NonexistentID), "no user")
	wantErr(t, "enrolling a malformed id", w.AddNoteWriter("@bot"), "not a user id")
	wantErr(t, "a Tweet that does not exist", w.AddNoteEligibleTweet(twittertest.NonexistentID), "no Tweet")
	wantErr(t, "a malformed Tweet id", w.AddNoteEligibleTweet("moon"), "not a Tweet id")
}

func TestWorldAddNote(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	ctx := context.Background()
	claim, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.CarolID, Text: "Go was released in 2012"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddNoteEligibleTweet(claim.ID); err != nil {
		t.Fatal(err)
	}
	note, err := w.AddNote(twittertest.Note{TweetID: claim.ID, TestMode: true, Text: "Go was released in 2009: https://go.dev/doc/devel/release",
		Classification: "misinformed_or_potentially_misleading", MisleadingTags: []string{"factual_error"}, TrustworthySources: true})
	if err != nil {
		t.Fatal(err)
	}
	if note.ID == "" || note.AuthorID != twittertest.AliceID || note.CreatedAt.IsZero() {
		t.Errorf("AddNote filled in %+v", note)
	}

	// Alice finds it among the notes she wrote in test mode, as one she wrote herself.
	alice := twittertest.NewUserClient(t, srv, twittertest.AliceID)
	res, _, err := alice.Notes.Written(ctx, &twitter.NotesWrittenOptions{TestMode: true,
		NoteFields: []gen.NoteField{gen.NoteFieldID, gen.NoteFieldInfo, gen.NoteFieldTestResult}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 1 || res.Data[0].ID != note.ID || res.Data[0].Info.PostID != claim.ID || res.Data[0].Info.Text != note.Text ||
		len(res.Data[0].Info.MisleadingTags) != 1 || len(res.Data[0].TestResult.EvaluationOutcome) != 1 {
		t.Errorf("Notes.Written = %+v", res.Data)
	}
	if res, _, err := alice.Notes.Written(ctx, nil); err != nil || len(res.Data) != 0 {
		t.Errorf("the real notes: %+v, %v; want none", res, err)
	}
	if _, _, err := alice.Notes.Create(ctx, twitter.NewNote{TweetID: claim.ID, TestMode: true, Text: "again https://go.dev",
		Classification: gen.NoteClassificationNotMisleading}); !twitter.IsInvalidRequest(err) {
		t.Errorf("noting the Tweet again through the API: %v, want a 400", err)
	}
	valid := func(f func(n *twittertest.Note)) twittertest.Note {
		n := twittertest.Note{TweetID: claim.ID, Text: "See https://go.dev/doc/devel/release", Classification: "not_misleading"}
		f(&n)
		return n
	}
	for _, c := range []struct {
		what string
		n    twittertest.Note
		says string
	}{
		{"a user not enrolled", valid(func(n *twittertest.Note) { n.AuthorID = twittertest.CarolID }), "no AI Note Writer"},
		{"an author who does not exist", valid(func(n *twittertest.Note) { n.AuthorID = twittertest.NonexistentID }), "no user"},
		{"a Tweet that does not exist", valid(func(n *twittertest.Note) { n.TweetID = twittertest.NonexistentID }), "no Tweet"},
		{"a seeded Tweet not eligible", valid(func(n *twittertest.Note) {
			n.TweetID = w.UserTweetIDs(twittertest.XDevelopersID)[0]
		}), "not eligible"},
		{"no URL", valid(func(n *twittertest.Note) { n.Text = "It was 2009" }), "URL"},
		{"281 characters", valid(func(n *twittertest.Note) { n.Text = "https://go.dev " + strings.Repeat("x", 266) }), "at most 280"},
		{"misleading without a reason", valid(func(n *twittertest.Note) { n.Classification = "misinformed_or_potentially_misleading" }), "must say why"},
		{"an unknown classification", valid(func(n *twittertest.Note) { n.Classification = "wrong" }), "none of"},
		{"no classification", valid(func(n *twittertest.Note) { n.Classification = "" }), "none of"},
		{"an unknown tag", valid(func(n *twittertest.Note) {
			n.Classification, n.MisleadingTags = "misinformed_or_potentially_misleading", []string{"boring"}
		}), "none of"},
		{"a taken id", valid(func(n *twittertest.Note) { n.ID = note.ID }), "taken"},
		{"a malformed id", valid(func(n *twittertest.Note) { n.ID = "note-1" }), "not a note id"},
		{"a time", valid(func(n *twittertest.Note) { n.CreatedAt = note.CreatedAt }), "the server's to set"},
	} {
		_, err := w.AddNote(c.n)
		wantErr(t, c.what, err, c.says)
	}
	if notes := w.Notes(twittertest.AliceID, false); len(notes) != 0 {
		t.Errorf("refused notes were kept: %+v", notes)
	}
	// Its author deletes it as a note she wrote; its id is then free.
	if _, _, err := alice.Notes.Delete(ctx, note.ID); err != nil {
		t.Errorf("Alice deleting the added note: %v", err)
	}
	if _, err := w.AddNote(valid(func(n *twittertest.Note) { n.ID = note.ID })); err != nil {
		t.Errorf("AddNote of a deleted note's id: %v", err)
	}
}
