package testserver

import (
	"fmt"
	"slices"
	"strings"
)

// AddNoteWriter enrolls userID as an AI Note Writer, who may then write Community Notes
// (POST /2/notes) and search the Tweets eligible for them; enrolling again changes
// nothing.
func (s *Server) AddNoteWriter(userID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.knownUser("AddNoteWriter", userID); err != nil {
		return err
	}
	if !slices.Contains(s.w.notes.writers, userID) {
		s.w.notes.writers = append(s.w.notes.writers, userID)
	}
	return nil
}

// AddNoteEligibleTweet makes tweetID eligible for Community Notes, listed first by GET
// /2/notes/search/posts_eligible_for_notes, in test mode and out of it, until a writer
// notes it; making it eligible again changes nothing.
func (s *Server) AddNoteEligibleTweet(tweetID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.knownTweet("AddNoteEligibleTweet", tweetID); err != nil {
		return err
	}
	if !slices.Contains(s.w.notes.eligible, tweetID) {
		s.w.notes.eligible = prepend(s.w.notes.eligible, tweetID)
	}
	return nil
}

// AddNote adds a Community Note as POST /2/notes writes one, and returns it as stored:
// its author (AliceID when zero) is an AI Note Writer, its Tweet eligible for a note from
// them in its mode (TestMode or not), its Text cites an http(s) URL in at most 280
// characters, its Classification and MisleadingTags are of the API's values, and a note
// that finds the Tweet misleading says why. The ID (a new id when zero) and CreatedAt
// (the server clock) are the server's; the Tweet is then no longer eligible for the
// author in that mode.
func (s *Server) AddNote(n Note) (Note, error) {
	const op = "AddNote"
	s.mu.Lock()
	defer s.mu.Unlock()
	if n.AuthorID == "" {
		n.AuthorID = AliceID
	}
	if err := s.w.checkNewNote(&n); err != nil {
		return Note{}, err
	}
	if pr := s.w.noteProblem(&n); pr != nil {
		return Note{}, fmt.Errorf("testserver: %s: %s", op, pr.Errors[0].Message)
	}
	stored := n
	stored.MisleadingTags = slices.Clone(n.MisleadingTags)
	s.w.addNote(&stored)
	n.ID, n.CreatedAt = stored.ID, stored.CreatedAt
	return n, nil
}

// checkNewNote checks what AddNote takes beyond what X checks of a new note.
func (st *state) checkNewNote(n *Note) error {
	const op = "AddNote"
	if err := st.knownUser(op, n.AuthorID); err != nil {
		return err
	}
	if _, err := st.knownTweet(op, n.TweetID); err != nil {
		return err
	}
	classes, tags := schemaEnum("NoteClassification"), schemaEnum("NoteMisleadingTag")
	switch {
	case !n.CreatedAt.IsZero():
		return fmt.Errorf("testserver: %s: CreatedAt is the server's to set", op)
	case n.ID != "" && !schemaPattern("NoteID").MatchString(n.ID):
		return fmt.Errorf("testserver: %s: %q is not a note id (a number of up to 19 digits)", op, n.ID)
	case n.ID != "" && slices.ContainsFunc(st.notes.list, func(o *Note) bool { return o.ID == n.ID }):
		return fmt.Errorf("testserver: %s: note id %q is taken", op, n.ID)
	case !slices.Contains(st.notes.writers, n.AuthorID):
		return fmt.Errorf("testserver: %s: user %q is no AI Note Writer (AddNoteWriter enrolls one)", op, n.AuthorID)
	case !slices.Contains(classes, n.Classification):
		return fmt.Errorf("testserver: %s: classification %q is none of %s", op, n.Classification, strings.Join(classes, ", "))
	}
	for _, tag := range n.MisleadingTags {
		if !slices.Contains(tags, tag) {
			return fmt.Errorf("testserver: %s: misleading tag %q is none of %s", op, tag, strings.Join(tags, ", "))
		}
	}
	return nil
}
