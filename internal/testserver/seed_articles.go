package testserver

import (
	"fmt"
	"strconv"
	"time"
)

// AddArticle adds a draft of a long-form Article, as POST /2/articles/draft writes one,
// for its author to publish (POST /2/articles/{article_id}/publish). Title is required;
// a cover (CoverMediaID) is a finished upload of the author's (AddUpload adds one).
// Zero fields are filled in: ID (a new id, from the counter drafts take theirs from),
// AuthorID (AliceID), Blocks (1) and CreatedAt (the server clock). TweetID is the
// server's: a draft has none until it is published. It returns the draft as stored.
func (s *Server) AddArticle(a Article) (Article, error) {
	const op = "AddArticle"
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.AuthorID == "" {
		a.AuthorID = AliceID
	}
	if err := s.w.knownUser(op, a.AuthorID); err != nil {
		return Article{}, err
	}
	switch {
	case a.Title == "":
		return Article{}, fmt.Errorf("testserver: %s: the Article has no Title", op)
	case a.Blocks < 0:
		return Article{}, fmt.Errorf("testserver: %s: Blocks %d is negative; an Article has at least one", op, a.Blocks)
	case a.TweetID != "":
		return Article{}, fmt.Errorf("testserver: %s: TweetID is the server's to set: a draft is published with POST /2/articles/{article_id}/publish", op)
	case a.ID != "" && !schemaPattern("ArticleID").MatchString(a.ID):
		return Article{}, fmt.Errorf("testserver: %s: %q is not an Article id (a number of up to 19 digits)", op, a.ID)
	case a.ID != "" && s.w.articles.article(a.ID) != nil:
		return Article{}, fmt.Errorf("testserver: %s: id %q is taken", op, a.ID)
	}
	if a.CoverMediaID != "" {
		if u, why := s.usableUpload(a.CoverMediaID, a.AuthorID, false); u == nil {
			return Article{}, fmt.Errorf("testserver: %s: the cover: %s", op, why)
		}
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	st := &s.w.articles
	for a.ID == "" || st.article(a.ID) != nil {
		st.seq++
		a.ID = strconv.FormatUint(snowflake(now, st.seq), 10)
	}
	if a.Blocks == 0 {
		a.Blocks = 1
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = now
	}
	stored := a
	st.list = append(st.list, &stored)
	return a, nil
}
