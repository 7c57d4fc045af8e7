package testserver

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Community Notes (POST /2/notes, DELETE /2/notes/{id}, POST /2/notes/evaluate, GET
// /2/notes/search/notes_written and /posts_eligible_for_notes), for AI Note Writers.
//
// NoteWriterIDs (Alice and Bob) are enrolled as AI Note Writers (AddNoteWriter enrolls
// more); anyone else is refused with a 403. The Tweets eligible for notes are
// NoteEligibleTweetIDs(), in that order, after those AddNoteEligibleTweet added, in test
// mode and out of it; a Tweet a writer has noted (in that mode) is no longer eligible
// for them, and is again once the note is deleted. A note needs an eligible Tweet, text
// of at most 280 characters citing an http(s) URL, and, when it finds the Tweet
// misleading, at least one reason. Notes start as needs_more_ratings; one written in test
// mode carries the evaluator's result. Evaluation scores a draft's claim-likeness from 0
// to 1 (see claimOpinionScore).

// NoteWriterIDs are the users enrolled as AI Note Writers.
var NoteWriterIDs = []string{AliceID, BobID}

// NoteEligibleTweetIDs returns the Tweets that may get a note, in the order they are
// listed (their ids are set once the world is seeded).
func NoteEligibleTweetIDs() []string {
	return []string{QuoteTweetID, PollTweetID, PlaceTweetID, JackFirstTweetID}
}

// maxNoteChars is the longest note X takes, in characters. Neither the API document nor
// X's published one bounds the note's text; the facade refuses longer ones alike.
const maxNoteChars = 280

// Note is a Community Note of the fake world.
type Note struct {
	ID, AuthorID, TweetID string
	Text                  string
	Classification        string
	MisleadingTags        []string
	TrustworthySources    bool
	MediaNote             bool
	TestMode              bool
	CreatedAt             time.Time
}

type noteState struct {
	list     []*Note  // newest first
	seq      int      // notes given an id
	writers  []string // the users enrolled as AI Note Writers: NoteWriterIDs, then those AddNoteWriter added
	eligible []string // the Tweets eligible for notes, in the order they are listed
}

// seedNotes enrolls NoteWriterIDs and makes NoteEligibleTweetIDs eligible in a new world.
func seedNotes(st *state) {
	st.notes.writers = slices.Clone(NoteWriterIDs)
	st.notes.eligible = NoteEligibleTweetIDs()
}

var reNoteURL = regexp.MustCompile(`https?://\S+`)

// claimOpinionScore is the fake's evaluator: 0.5, plus 0.3 when the text cites a URL,
// plus 0.1 for each number in it (up to two), less 0.15 for each word of opinion; within
// [0, 1], in steps of 0.05.
func claimOpinionScore(text string) float64 {
	score := 0.5
	if reNoteURL.MatchString(text) {
		score += 0.3
	}
	numbers := 0
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:!?()\"'")
		switch w {
		case "think", "believe", "feel", "opinion", "should", "awful", "great":
			score -= 0.15
		}
		if _, err := strconv.ParseFloat(w, 64); err == nil && numbers < 2 {
			numbers++
			score += 0.1
		}
	}
	score = min(max(score, 0), 1)
	return float64(int(score*20+0.5)) / 20
}

func (s *Server) noteWriter(c *call) *apiProblem {
	if !slices.Contains(s.w.notes.writers, c.who.userID) {
		return forbidden("You are not enrolled as an AI Note Writer.")
	}
	return nil
}

// eligibleFor lists the Tweets writer may note in a mode; call with s.mu held.
func (st *state) eligibleFor(writer string, testMode bool) []*Tweet {
	var out []*Tweet
	for _, id := range st.notes.eligible {
		t := st.tweet(id)
		if t == nil || st.deleted[id] || slices.ContainsFunc(st.notes.list, func(n *Note) bool {
			return n.AuthorID == writer && n.TweetID == id && n.TestMode == testMode
		}) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// notesFeature registers the operations this file serves.
func notesFeature() feature {
	return feature{seed: seedNotes, ops: map[string]operation{
		"createNote":                  {(*Server).createNote, writes},
		"deleteNote":                  {(*Server).deleteNote, writes},
		"evaluateNote":                {(*Server).evaluateNote, reads},
		"searchNotesWritten":          {(*Server).searchNotesWritten, reads},
		"searchPostsEligibleForNotes": {(*Server).searchPostsEligibleForNotes, reads},
	}}
}

func (s *Server) createNote(c *call) (int, any) {
	if pr := s.noteWriter(c); pr != nil {
		return pr.Status, pr
	}
	var b struct {
		TestMode bool   `json:"test_mode"`
		PostID   string `json:"post_id"`
		Info     struct {
			Text               string   `json:"text"`
			Classification     string   `json:"classification"`
			MisleadingTags     []string `json:"misleading_tags"`
			TrustworthySources bool     `json:"trustworthy_sources"`
			IsMediaNote        bool     `json:"is_media_note"`
		} `json:"info"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	n := &Note{AuthorID: c.who.userID, TweetID: b.PostID, Text: b.Info.Text, Classification: b.Info.Classification,
		MisleadingTags: b.Info.MisleadingTags, TrustworthySources: b.Info.TrustworthySources, MediaNote: b.Info.IsMediaNote,
		TestMode: b.TestMode}
	if pr := s.w.noteProblem(n); pr != nil {
		return http.StatusBadRequest, pr
	}
	s.w.addNote(n)
	return http.StatusCreated, envelope{Data: map[string]string{"id": n.ID}}
}

// noteProblem is what X answers a new note of n.AuthorID, a writer, that it refuses: one
// without a cited URL, too long, finding the Tweet misleading without saying why, or of
// a Tweet not eligible for a note from the writer; nil for a note it takes.
func (st *state) noteProblem(n *Note) *apiProblem {
	switch {
	case !reNoteURL.MatchString(n.Text):
		return badParam("info.text", n.Text, "A note must cite at least one http(s) URL")
	case utf8.RuneCountInString(n.Text) > maxNoteChars:
		return badParam("info.text", "", "A note holds at most %d characters", maxNoteChars)
	case n.Classification == "misinformed_or_potentially_misleading" && len(n.MisleadingTags) == 0:
		return badParam("info.misleading_tags", "", "A note that finds the post misleading must say why")
	}
	if !slices.ContainsFunc(st.eligibleFor(n.AuthorID, n.TestMode), func(t *Tweet) bool { return t.ID == n.TweetID }) {
		return badParam("post_id", n.TweetID, "Post %s is not eligible for a note from you", n.TweetID)
	}
	return nil
}

// addNote adds a note as the newest, giving it an id from the notes' counter unless it
// has one, and the server clock's time.
func (st *state) addNote(n *Note) {
	n.CreatedAt = st.clock.Now().UTC().Truncate(time.Millisecond)
	if n.ID == "" {
		st.notes.seq++
		n.ID = strconv.FormatUint(snowflake(n.CreatedAt, st.notes.seq), 10)
	}
	st.notes.list = append([]*Note{n}, st.notes.list...)
}

func (s *Server) deleteNote(c *call) (int, any) {
	if pr := s.noteWriter(c); pr != nil {
		return pr.Status, pr
	}
	id := c.path["id"]
	i := slices.IndexFunc(s.w.notes.list, func(n *Note) bool { return n.ID == id && n.AuthorID == c.who.userID })
	if i < 0 {
		pr := notFound("note", "id", id)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	s.w.notes.list = slices.Delete(s.w.notes.list, i, i+1)
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}

func (s *Server) evaluateNote(c *call) (int, any) {
	if pr := s.noteWriter(c); pr != nil {
		return pr.Status, pr
	}
	var b struct {
		PostID   string `json:"post_id"`
		NoteText string `json:"note_text"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if t := s.w.tweet(b.PostID); t == nil || s.w.deleted[b.PostID] {
		return http.StatusBadRequest, badParam("post_id", b.PostID, "Could not find post with id: [%s].", b.PostID)
	}
	return http.StatusOK, envelope{Data: map[string]float64{"claim_opinion_score": claimOpinionScore(b.NoteText)}}
}

// testMode reads the required test_mode parameter (validated as a boolean).
func testMode(c *call) bool { v, _ := strconv.ParseBool(c.q.Get("test_mode")); return v }

type wNoteInfo struct {
	Text               string   `json:"text"`
	Classification     string   `json:"classification"`
	MisleadingTags     []string `json:"misleading_tags"`
	TrustworthySources bool     `json:"trustworthy_sources"`
	PostID             string   `json:"post_id"`
	RatingStatus       string   `json:"rating_status"`
}

type wNoteOutcome struct {
	EvaluatorType        string `json:"evaluator_type"`
	EvaluatorScoreBucket string `json:"evaluator_score_bucket"`
}

type wNote struct {
	ID         string     `json:"id,omitempty"`
	Info       *wNoteInfo `json:"info,omitempty"`
	Status     string     `json:"status,omitempty"`
	TestResult *struct {
		EvaluationOutcome []wNoteOutcome `json:"evaluation_outcome"`
	} `json:"test_result,omitempty"`
	ScoringStatus *struct {
		HasAccess bool `json:"has_access"`
	} `json:"scoring_status,omitempty"`
}

// renderNote shows the fields note.fields asks for; id alone when it asks for none.
func renderNote(n *Note, f set) wNote {
	if len(f) == 0 {
		f = set{"id": true}
	}
	var w wNote
	pick(f, "id", &w.ID, n.ID)
	if f["info"] {
		tags := n.MisleadingTags
		if tags == nil {
			tags = []string{}
		}
		w.Info = &wNoteInfo{Text: n.Text, Classification: n.Classification, MisleadingTags: tags,
			TrustworthySources: n.TrustworthySources, PostID: n.TweetID, RatingStatus: "needs_more_ratings"}
	}
	if f["status"] {
		w.Status = "needs_more_ratings"
	}
	if f["test_result"] && n.TestMode {
		bucket := "Low"
		if claimOpinionScore(n.Text) >= 0.7 {
			bucket = "High"
		}
		w.TestResult = &struct {
			EvaluationOutcome []wNoteOutcome `json:"evaluation_outcome"`
		}{[]wNoteOutcome{{EvaluatorType: "ClaimOpinion", EvaluatorScoreBucket: bucket}}}
	}
	if f["scoring_status"] {
		// Nobody has rated a note of the fake yet, and the writer sees that much.
		w.ScoringStatus = &struct {
			HasAccess bool `json:"has_access"`
		}{true}
	}
	return w
}

func (s *Server) searchNotesWritten(c *call) (int, any) {
	if pr := s.noteWriter(c); pr != nil {
		return pr.Status, pr
	}
	mode := testMode(c)
	p, pr := pageParams(c, "notes_written:"+c.who.userID+":"+strconv.FormatBool(mode), 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	var mine []*Note
	for _, n := range s.w.notes.list {
		if n.AuthorID == c.who.userID && n.TestMode == mode {
			mine = append(mine, n)
		}
	}
	from, to, next, _ := p.window(len(mine))
	f := listParam(c.q, "note.fields")
	env := envelope{Meta: listMeta{ResultCount: to - from, NextToken: next}}
	if to > from {
		data := make([]wNote, 0, to-from)
		for _, n := range mine[from:to] {
			data = append(data, renderNote(n, f))
		}
		env.Data = data
	}
	return http.StatusOK, env
}

func (s *Server) searchPostsEligibleForNotes(c *call) (int, any) {
	if pr := s.noteWriter(c); pr != nil {
		return pr.Status, pr
	}
	mode := testMode(c)
	p, pr := pageParams(c, "eligible:"+c.who.userID+":"+strconv.FormatBool(mode)+":"+c.q.Get("post_selection"), 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	status, v := s.tweetPage(c, s.w.eligibleFor(c.who.userID, mode), p, false)
	if env, ok := v.(envelope); ok {
		if m, ok := env.Meta.(listMeta); ok {
			m.PreviousToken = "" // X's meta for this search has no previous_token
			env.Meta = m
		}
		v = env
	}
	return status, v
}

// Notes returns the notes userID wrote in a mode, newest first.
func (w *World) Notes(userID string, testMode bool) (notes []Note) {
	w.read(func(st *state) {
		for _, n := range st.notes.list {
			if n.AuthorID == userID && n.TestMode == testMode {
				x := *n
				x.MisleadingTags = slices.Clone(n.MisleadingTags)
				notes = append(notes, x)
			}
		}
	})
	return
}
