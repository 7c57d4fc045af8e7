package testserver

import (
	"net/http"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"
)

// Articles (POST /2/articles/draft, POST /2/articles/{article_id}/publish): long-form
// Articles, written as drafts and then published as Tweets.
//
// A draft needs a title and at least one block. The fake checks the content state as X's
// editor builds it: each entity range names an entity by its place in entities and lies
// within its block's text (counted in UTF-16 code units, as DraftJS counts), as does each
// inline style range; an atomic block refers to an entity; a Tweet entity names a Tweet the
// writer can see, a link has a URL, an image has media, Markdown has text, and all the
// Markdown of an Article weighs at most maxArticleMarkdown. Cover and body images must be
// the writer's own finished uploads. Only the writer may publish a draft, once: publishing
// posts a Tweet by the writer carrying the Article (tweet.fields article and
// article_title), which reaches the streams and X Activity like any new Tweet.

// maxArticleMarkdown is the weighted length X allows the Markdown of one Article.
const maxArticleMarkdown = 10000

// Article is a long-form Article of the fake world.
type Article struct {
	ID, AuthorID, Title string
	Blocks              int    // how many blocks its body has
	CoverMediaID        string // "" without a cover
	TweetID             string // the Tweet that published it; "" for a draft
	CreatedAt           time.Time
}

type articleState struct {
	list []*Article // oldest first
	seq  int
}

// article is the Article id, or nil.
func (st *articleState) article(id string) *Article {
	if i := slices.IndexFunc(st.list, func(a *Article) bool { return a.ID == id }); i >= 0 {
		return st.list[i]
	}
	return nil
}

type articleMedia struct {
	MediaID       string `json:"media_id"`
	MediaCategory string `json:"media_category"`
}

type articleDraftBody struct {
	Title        string        `json:"title"`
	CoverMedia   *articleMedia `json:"cover_media"`
	ContentState struct {
		Blocks []struct {
			Text         string `json:"text"`
			Type         string `json:"type"`
			EntityRanges []struct {
				Key, Offset, Length int
			} `json:"entity_ranges"`
			InlineStyleRanges []struct {
				Offset, Length int
			} `json:"inline_style_ranges"`
		} `json:"blocks"`
		Entities []struct {
			Key   string `json:"key"`
			Value struct {
				Type string `json:"type"`
				Data struct {
					PostID     string         `json:"post_id"`
					URL        string         `json:"url"`
					Markdown   string         `json:"markdown"`
					MediaItems []articleMedia `json:"media_items"`
				} `json:"data"`
			} `json:"value"`
		} `json:"entities"`
	} `json:"content_state"`
}

// checkDraft reports the first thing wrong with a draft of me; s.mu is held.
func (s *Server) checkDraft(me string, b *articleDraftBody) *apiProblem {
	cs := &b.ContentState
	if len(cs.Blocks) == 0 {
		return badParam("content_state.blocks", "", "An Article needs at least one block")
	}
	inText := func(text string, offset, length int) bool {
		return offset+length <= len(utf16.Encode([]rune(text)))
	}
	for i, bl := range cs.Blocks {
		where := "content_state.blocks[" + strconv.Itoa(i) + "]"
		if bl.Type == "atomic" && len(bl.EntityRanges) == 0 {
			return badParam(where+".entity_ranges", "", "An atomic block must refer to an entity")
		}
		for _, r := range bl.EntityRanges {
			if r.Key >= len(cs.Entities) {
				return badParam(where+".entity_ranges", strconv.Itoa(r.Key), "Entity range key %d names no entity", r.Key)
			}
			if !inText(bl.Text, r.Offset, r.Length) {
				return badParam(where+".entity_ranges", "", "An entity range ends past the block's text")
			}
		}
		for _, r := range bl.InlineStyleRanges {
			if !inText(bl.Text, r.Offset, r.Length) {
				return badParam(where+".inline_style_ranges", "", "An inline style range ends past the block's text")
			}
		}
	}
	markdown := 0
	for i, e := range cs.Entities {
		where := "content_state.entities[" + strconv.Itoa(i) + "].value.data"
		d := &e.Value.Data
		switch e.Value.Type {
		case "post":
			if t := s.w.tweet(d.PostID); t == nil || s.w.deleted[d.PostID] || !s.w.canSee(me, t.AuthorID) {
				return badParam(where+".post_id", d.PostID, "The post [%s] does not exist or is not visible to you.", d.PostID)
			}
		case "link":
			if d.URL == "" {
				return badParam(where+".url", "", "A link entity needs a url")
			}
		case "image":
			if len(d.MediaItems) == 0 {
				return badParam(where+".media_items", "", "An image entity needs media_items")
			}
			for _, m := range d.MediaItems {
				if pr := s.articleUpload(me, where+".media_items", m); pr != nil {
					return pr
				}
			}
		case "markdown":
			if d.Markdown == "" {
				return badParam(where+".markdown", "", "A markdown entity needs markdown")
			}
			markdown += tweetLength(d.Markdown)
		}
	}
	if markdown > maxArticleMarkdown {
		return badParam("content_state.entities", "", "The Article's markdown weighs %d; at most %d is allowed", markdown, maxArticleMarkdown)
	}
	if b.CoverMedia != nil {
		return s.articleUpload(me, "cover_media.media_id", *b.CoverMedia)
	}
	return nil
}

// articleUpload checks that m is a finished upload of me; s.mu is held.
func (s *Server) articleUpload(me, param string, m articleMedia) *apiProblem {
	if u, why := s.usableUpload(m.MediaID, me, false); u == nil {
		return badParam(param, m.MediaID, "Your media IDs are invalid: %s", why)
	}
	return nil
}

// articlesFeature registers the operations this file serves.
func articlesFeature() feature {
	return feature{ops: map[string]operation{
		"createArticleDraft": {(*Server).createArticleDraft, writes},
		"publishArticle":     {(*Server).publishArticle, writes},
	}}
}

func (s *Server) createArticleDraft(c *call) (int, any) {
	var b articleDraftBody
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if pr := s.checkDraft(c.who.userID, &b); pr != nil {
		return pr.Status, pr
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	st := &s.w.articles
	st.seq++
	a := &Article{ID: strconv.FormatUint(snowflake(now, st.seq), 10), AuthorID: c.who.userID, Title: b.Title,
		Blocks: len(b.ContentState.Blocks), CreatedAt: now}
	if b.CoverMedia != nil {
		a.CoverMediaID = b.CoverMedia.MediaID
	}
	st.list = append(st.list, a)
	return http.StatusCreated, envelope{Data: map[string]string{"id": a.ID, "title": a.Title}}
}

func (s *Server) publishArticle(c *call) (int, any) {
	id := c.path["article_id"]
	a := s.w.articles.article(id)
	switch {
	case a == nil || a.AuthorID != c.who.userID:
		return notFoundStatus("article", "article_id", id)
	case a.TweetID != "":
		return http.StatusForbidden, forbidden("This Article is already published, as post " + a.TweetID + ".")
	}
	now := s.clock.Now().UTC().Truncate(time.Millisecond)
	t := &Tweet{AuthorID: a.AuthorID, Text: "https://x.com/i/article/" + a.ID, CreatedAt: now, Lang: "en",
		Source: "twitterkit testserver", ReplySettings: "everyone", ArticleTitle: a.Title}
	t.num = s.w.newTweetID()
	t.ID = strconv.FormatUint(t.num, 10)
	t.ConversationID = t.ID
	s.w.addTweet(t)
	a.TweetID = t.ID
	events := []streamEvent{s.streamEventOf(t)}
	s.tweetActivity(t)
	s.push(events)
	return http.StatusOK, envelope{Data: map[string]string{"post_id": t.ID}}
}

// notFoundStatus is X's 404 for an id that names nothing the caller has.
func notFoundStatus(resourceType, parameter, value string) (int, any) {
	pr := notFound(resourceType, parameter, value)
	pr.Status = http.StatusNotFound
	return http.StatusNotFound, &pr
}

// Articles returns the Articles userID wrote, drafts and published, oldest first.
func (w *World) Articles(userID string) (out []Article) {
	w.read(func(st *state) {
		for _, a := range st.articles.list {
			if a.AuthorID == userID {
				out = append(out, *a)
			}
		}
	})
	return out
}
