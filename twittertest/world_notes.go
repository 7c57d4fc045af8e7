package twittertest

import (
	"slices"

	"github.com/twitterkit/go/internal/testserver"
)

// Community Notes. AliceID and BobID are enrolled as AI Note Writers, who alone may write
// notes (POST /2/notes) and search the Tweets eligible for them; a few seeded Tweets are
// eligible. These methods seed more of each, and notes written before the code under
// test runs.

// AddNoteWriter enrolls userID as an AI Note Writer, so that a client acting as the user
// may write notes and list the Tweets eligible for them. Enrolling again changes nothing.
func (w *World) AddNoteWriter(userID string) error {
	return publicErr(w.s.AddNoteWriter(userID))
}

// AddNoteEligibleTweet makes tweetID eligible for Community Notes, in test mode and out
// of it: GET /2/notes/search/posts_eligible_for_notes (Notes.EligiblePosts) lists it
// first to every writer until they note it. Making it eligible again changes nothing.
func (w *World) AddNoteEligibleTweet(tweetID string) error {
	return publicErr(w.s.AddNoteEligibleTweet(tweetID))
}

// AddNote adds a Community Note as POST /2/notes (Notes.Create) writes one, and returns
// it as stored: GET /2/notes/search/notes_written (Notes.Written) then lists it first to
// its author, in its mode (TestMode or not), and the Tweet is no longer eligible for the
// author in that mode. As X requires, the author (AliceID when zero) is an AI Note
// Writer and the Tweet eligible for a note from them; Text cites an http(s) URL in at
// most 280 characters; Classification is misinformed_or_potentially_misleading or
// not_misleading, and a misleading one has MisleadingTags, each of the API's values.
// The ID (a new id when zero) and CreatedAt (the server clock) are the server's.
func (w *World) AddNote(n Note) (Note, error) {
	in := testserver.Note(n)
	in.MisleadingTags = slices.Clone(n.MisleadingTags)
	got, err := w.s.AddNote(in)
	if err != nil {
		return Note{}, publicErr(err)
	}
	return Note(got), nil
}
