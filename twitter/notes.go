package twitter

import (
	"context"
	"net/http"
	"regexp"
	"unicode/utf8"

	"github.com/twitterkit/go/gen"
)

// maxNoteChars is the longest note X takes, in characters (as long as a Tweet). It is not
// a document fact: neither the API document nor X's published one bounds the note's text.
const maxNoteChars = 280

// noteURL is what every note must cite. It is not from the API document: X's document states
// it as a pattern on the note's text with a lookahead, which Go's regexp (and so kin-openapi,
// which checks the fake's requests against ours) cannot compile; this is its RE2 form.
var noteURL = regexp.MustCompile(`https?://\S`)

// NewNote is a Community Note to write.
type NewNote struct {
	// TweetID is the Tweet the note is about; it must be one of EligiblePosts.
	TweetID string
	// TestMode writes the note for testing only: X scores it (Note.TestResult) and never
	// shows it.
	TestMode bool
	// Text is the note, up to 280 characters, citing at least one http(s) URL.
	Text string
	// Classification is whether the Tweet misleads.
	Classification gen.NoteClassification
	// MisleadingTags say why it misleads; at least one when Classification is
	// misinformed_or_potentially_misleading.
	MisleadingTags []gen.NoteMisleadingTag
	// TrustworthySources says whether the sources the note cites are trustworthy.
	TrustworthySources bool
	// MediaNote marks a note about the Tweet's media rather than its text.
	MediaNote bool
}

// NotesWrittenOptions selects a page of the notes the caller wrote.
type NotesWrittenOptions struct {
	// TestMode lists the notes of test mode instead of the real ones.
	TestMode bool
	// NoteFields are the fields of each note; none means X's default, the id.
	NoteFields []gen.NoteField
	// PageOptions: MaxResults is 1 to 100, 0 meaning X's 10.
	PageOptions
}

// EligiblePostsOptions selects a page of the Tweets the caller may note.
type EligiblePostsOptions struct {
	// TestMode lists the Tweets of test mode instead of the real ones.
	TestMode bool
	// PostSelection narrows the Tweets in X's selection syntax (such as "feed_size:small");
	// empty leaves the choice to X.
	PostSelection string
	TweetOptions
	// PageOptions: MaxResults is 1 to 100, 0 meaning X's 10.
	PageOptions
}

// Create writes a note on n.TweetID and returns its id in Data.ID. The Tweet stops being
// eligible for the caller in that mode. Not retried unless WithRetryMutations is set.
// Needs a user context (OAuth 2.0 scope tweet.write, or OAuth 1.0a).
func (s *NotesService) Create(ctx context.Context, n NewNote) (*gen.CreateNoteResponse, *Response, error) {
	const method = "Notes.Create"
	if err := checkID(method, "tweet id", patternTweetID, n.TweetID); err != nil {
		return nil, nil, err
	}
	switch {
	case !noteURL.MatchString(n.Text):
		return nil, nil, invalid(method, "the note's text cites no http(s) URL; X takes only notes that do")
	case utf8.RuneCountInString(n.Text) > maxNoteChars:
		return nil, nil, invalid(method, "the note's text is %d characters; X takes at most %d", utf8.RuneCountInString(n.Text), maxNoteChars)
	case !n.Classification.Valid():
		return nil, nil, notOneOf(method, "Classification", n.Classification)
	case n.Classification == gen.NoteClassificationMisinformedOrPotentiallyMisleading && len(n.MisleadingTags) == 0:
		return nil, nil, invalid(method, "a note that finds the Tweet misleading needs at least one MisleadingTags reason")
	}
	if err := checkSet(method, "MisleadingTags", n.MisleadingTags); err != nil {
		return nil, nil, err
	}
	tags := n.MisleadingTags
	if tags == nil {
		tags = []gen.NoteMisleadingTag{} // the field is required, even when empty
	}
	req := gen.CreateNoteRequest{TestMode: n.TestMode, PostID: n.TweetID, Info: gen.NoteContent{
		Text: n.Text, Classification: n.Classification, MisleadingTags: tags,
		TrustworthySources: n.TrustworthySources, IsMediaNote: n.MediaNote}}
	return do(ctx, s.client, &opCreateNote, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateNote(ctx, req)
	})
}

// Delete withdraws note id, which the caller wrote; its Tweet becomes eligible for the
// caller again. Not retried unless WithRetryMutations is set. Needs a user context (OAuth
// 2.0 scope tweet.write, or OAuth 1.0a).
func (s *NotesService) Delete(ctx context.Context, id string) (*gen.DeleteNoteResponse, *Response, error) {
	if err := checkID("Notes.Delete", "note id", patternNoteID, id); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opDeleteNote, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DeleteNote(ctx, id)
	})
}

// Evaluate scores a draft note on tweetID before it is written: Data.ClaimOpinionScore,
// from 0 to 1, is higher the more the text states checkable claims rather than opinion.
// Nothing is written. Not retried unless WithRetryMutations is set. Needs a user context
// (OAuth 2.0 scope tweet.write, or OAuth 1.0a).
func (s *NotesService) Evaluate(ctx context.Context, tweetID, text string) (*gen.EvaluateNoteResponse, *Response, error) {
	const method = "Notes.Evaluate"
	if err := checkID(method, "tweet id", patternTweetID, tweetID); err != nil {
		return nil, nil, err
	}
	if text == "" {
		return nil, nil, invalid(method, "empty note text")
	}
	req := gen.EvaluateNoteRequest{PostID: tweetID, NoteText: text}
	return do(ctx, s.client, &opEvaluateNote, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.EvaluateNote(ctx, req)
	})
}

// Written lists one page of the notes the caller wrote, newest first, of test mode or of
// real mode. It pages with pagination_token. Needs a user context (OAuth 2.0 scope
// tweet.read, or OAuth 1.0a).
func (s *NotesService) Written(ctx context.Context, opts *NotesWrittenOptions) (*gen.NotesWrittenResponse, *Response, error) {
	const method = "Notes.Written"
	o := orZero(opts)
	if err := checkSet(method, "NoteFields", o.NoteFields); err != nil {
		return nil, nil, err
	}
	p := gen.SearchNotesWrittenParams{TestMode: o.TestMode, NoteFields: optional(o.NoteFields)}
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opSearchNotesWritten.size); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSearchNotesWritten.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchNotesWritten(ctx, &p)
	})
}

// EligiblePosts lists one page of the Tweets the caller may write a note on and has not
// yet, of test mode or of real mode. It pages with pagination_token. Needs a user context
// (OAuth 2.0 scope tweet.read, or OAuth 1.0a).
func (s *NotesService) EligiblePosts(ctx context.Context, opts *EligiblePostsOptions) (*gen.PostsEligibleForNotesResponse, *Response, error) {
	const method = "Notes.EligiblePosts"
	o := orZero(opts)
	p := gen.SearchPostsEligibleForNotesParams{TestMode: o.TestMode, PostSelection: optString(o.PostSelection)}
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opSearchPostsEligibleForNotes.size); err != nil {
		return nil, nil, err
	}
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opSearchPostsEligibleForNotes.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.SearchPostsEligibleForNotes(ctx, &p)
	})
}

// NotePage is a page of Community Notes.
type NotePage = Page[gen.Note]
