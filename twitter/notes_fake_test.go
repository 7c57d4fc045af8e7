package twitter_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func surveyNote(tweetID string) twitter.NewNote {
	return twitter.NewNote{TweetID: tweetID, TestMode: true,
		Text:           "Both languages were in the survey: https://example.com/survey",
		Classification: gen.NoteClassificationMisinformedOrPotentiallyMisleading,
		MisleadingTags: []gen.NoteMisleadingTag{gen.NoteMisleadingTagMissingImportantContext}, TrustworthySources: true}
}

func eligibleIDs(t *testing.T, c *twitter.Client, testMode bool) []string {
	t.Helper()
	return seqIDs(t, c.Notes.EligiblePostsIter(context.Background(), &twitter.EligiblePostsOptions{TestMode: testMode}, nil), tweetID)
}

func tweetID(tw gen.Tweet) string { return tw.ID }

func TestFakeNotesCreate(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)

	res, _, err := alice.Notes.Create(ctx, surveyNote(testserver.PollTweetID))
	if err != nil {
		t.Fatal(err)
	}
	notes := s.World().Notes(testserver.AliceID, true)
	if len(notes) != 1 || notes[0].ID != res.Data.ID || notes[0].TweetID != testserver.PollTweetID ||
		!slices.Equal(notes[0].MisleadingTags, []string{"missing_important_context"}) {
		t.Errorf("world notes: %+v", notes)
	}
	if slices.Contains(eligibleIDs(t, alice, true), testserver.PollTweetID) {
		t.Error("the noted Tweet is still eligible")
	}
	// A Tweet found not misleading needs no reason; X's refusal of an ineligible Tweet.
	ok := twitter.NewNote{TweetID: testserver.QuoteTweetID, Text: "Accurate, see https://example.com/thread", Classification: gen.NoteClassificationNotMisleading}
	if _, _, err := alice.Notes.Create(ctx, ok); err != nil {
		t.Errorf("not misleading: %v", err)
	}
	_, _, err = alice.Notes.Create(ctx, surveyNote(testserver.MediaTweetID))
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
	_, _, err = userClient(t, s, testserver.CarolID).Notes.Create(ctx, surveyNote(testserver.PollTweetID))
	wantError(t, err, 403, "")

	long := surveyNote(testserver.PlaceTweetID)
	long.Text = strings.Repeat("a", 281) + " https://example.com"
	noURL := surveyNote(testserver.PlaceTweetID)
	noURL.Text = "This is wrong."
	noTag := surveyNote(testserver.PlaceTweetID)
	noTag.MisleadingTags = nil
	badTag := surveyNote(testserver.PlaceTweetID)
	badTag.MisleadingTags = []gen.NoteMisleadingTag{"rude"}
	for name, n := range map[string]twitter.NewNote{"long": long, "no url": noURL, "no reason": noTag, "bad tag": badTag,
		"no tweet": {Text: "x https://example.com", Classification: gen.NoteClassificationNotMisleading}} {
		if _, _, err := alice.Notes.Create(ctx, n); !errors.Is(err, twitter.ErrInvalidArgument) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument", name, err)
		}
	}
}

func TestFakeNotesDelete(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Notes.Create(ctx, surveyNote(testserver.PollTweetID))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = userClient(t, s, testserver.BobID).Notes.Delete(ctx, res.Data.ID)
	if !twitter.IsNotFound(err) {
		t.Errorf("another writer's note: %v", err)
	}
	del, _, err := alice.Notes.Delete(ctx, res.Data.ID)
	if err != nil || !del.Data.Deleted || len(s.World().Notes(testserver.AliceID, true)) != 0 {
		t.Fatalf("delete: %+v, %v", del, err)
	}
	if !slices.Contains(eligibleIDs(t, alice, true), testserver.PollTweetID) {
		t.Error("the Tweet is not eligible again")
	}
	if _, _, err := alice.Notes.Delete(ctx, "note-1"); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("word id: %v", err)
	}
}

func TestFakeNotesEvaluate(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	claim, _, err := alice.Notes.Evaluate(ctx, testserver.PollTweetID, "The survey had 2 options: https://example.com/survey")
	if err != nil {
		t.Fatal(err)
	}
	opinion, _, err := alice.Notes.Evaluate(ctx, testserver.PollTweetID, "I think this is awful")
	if err != nil {
		t.Fatal(err)
	}
	if claim.Data.ClaimOpinionScore != 0.9 || opinion.Data.ClaimOpinionScore != 0.2 {
		t.Errorf("scores: claim %v, opinion %v", claim.Data.ClaimOpinionScore, opinion.Data.ClaimOpinionScore)
	}
	if len(s.World().Notes(testserver.AliceID, true))+len(s.World().Notes(testserver.AliceID, false)) != 0 {
		t.Error("evaluating wrote a note")
	}
	_, _, err = alice.Notes.Evaluate(ctx, testserver.NonexistentID, "text")
	wantError(t, err, 400, "")
	if _, _, err := alice.Notes.Evaluate(ctx, testserver.PollTweetID, ""); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("empty text: %v", err)
	}
}

func TestFakeNotesWritten(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	var ids []string
	for _, id := range testserver.NoteEligibleTweetIDs() {
		res, _, err := alice.Notes.Create(ctx, surveyNote(id))
		if err != nil {
			t.Fatal(err)
		}
		ids = append([]string{res.Data.ID}, ids...) // newest first
	}
	res, _, err := alice.Notes.Written(ctx, &twitter.NotesWrittenOptions{TestMode: true, PageOptions: twitter.PageOptions{MaxResults: 1},
		NoteFields: []gen.NoteField{gen.NoteFieldID, gen.NoteFieldInfo, gen.NoteFieldStatus, gen.NoteFieldTestResult, gen.NoteFieldScoringStatus}})
	if err != nil {
		t.Fatal(err)
	}
	n := res.Data[0]
	if len(res.Data) != 1 || n.ID != ids[0] || n.Info.PostID != testserver.NoteEligibleTweetIDs()[3] || n.Status != gen.NoteRatingStatusNeedsMoreRatings ||
		len(n.TestResult.EvaluationOutcome) != 1 || n.TestResult.EvaluationOutcome[0].EvaluatorScoreBucket != "High" ||
		!n.ScoringStatus.HasAccess || res.Meta.NextToken == "" {
		t.Errorf("first page: %s", jsonText(res))
	}
	got := seqIDs(t, alice.Notes.WrittenIter(ctx, &twitter.NotesWrittenOptions{TestMode: true, PageOptions: twitter.PageOptions{MaxResults: 3}}, nil),
		func(n gen.Note) string { return n.ID })
	if !slices.Equal(got, ids) {
		t.Errorf("iterated %v, want %v", got, ids)
	}
	if res, _, err := alice.Notes.Written(ctx, nil); err != nil || len(res.Data) != 0 {
		t.Errorf("real mode: %+v, %v", res, err)
	}
	if _, _, err := alice.Notes.Written(ctx, &twitter.NotesWrittenOptions{NoteFields: []gen.NoteField{"author"}}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("bad field: %v", err)
	}
}

func TestFakeNotesEligiblePosts(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	bob := userClient(t, s, testserver.BobID)
	res, _, err := bob.Notes.EligiblePosts(ctx, &twitter.EligiblePostsOptions{TestMode: true, PostSelection: "feed_size:small",
		TweetOptions: twitter.TweetOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID}},
		PageOptions:  twitter.PageOptions{MaxResults: 2}})
	if err != nil {
		t.Fatal(err)
	}
	want := testserver.NoteEligibleTweetIDs()
	if len(res.Data) != 2 || res.Data[0].ID != want[0] || res.Meta.NextToken == "" || len(res.Includes.Users) == 0 {
		t.Errorf("first page: %s", jsonText(res))
	}
	var pages int
	var ids []string
	for p, err := range bob.Notes.EligiblePostsPages(ctx, &twitter.EligiblePostsOptions{PageOptions: twitter.PageOptions{MaxResults: 3},
		TweetOptions: twitter.TweetOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID}}}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, tw := range p.Items {
			ids = append(ids, tw.ID)
			if _, ok := p.Includes.UserByID(tw.AuthorID); !ok {
				t.Errorf("author of %s not in includes", tw.ID)
			}
		}
	}
	if pages != 2 || !slices.Equal(ids, want) {
		t.Errorf("%d pages, %v", pages, ids)
	}
	_, _, err = userClient(t, s, testserver.DaveID).Notes.EligiblePosts(ctx, nil)
	wantError(t, err, 403, "")
	if _, _, err := bob.Notes.EligiblePosts(ctx, &twitter.EligiblePostsOptions{PageOptions: twitter.PageOptions{MaxResults: 101}}); !errors.Is(err, twitter.ErrInvalidArgument) {
		t.Errorf("max 101: %v", err)
	}
}
