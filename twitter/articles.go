package twitter

import (
	"context"
	"fmt"
	"net/http"
	"unicode/utf16"

	"github.com/twitterkit/go/gen"
)

// NewArticle is an Article to save as a draft.
type NewArticle struct {
	// Title is the Article's title; it may not be empty.
	Title string
	// Content is the body in DraftJS's raw form: blocks of text (at least one) and the
	// entities they refer to by their place in Content.Entities. ArticleText builds a body
	// of plain paragraphs.
	Content gen.ArticleContentState
	// Cover, when set, is the cover image: a finished upload of the caller (Media.Upload).
	Cover *gen.ArticleMedia
}

// ArticleText returns a body of plain paragraphs, one unstyled block each.
func ArticleText(paragraphs ...string) gen.ArticleContentState {
	c := gen.ArticleContentState{Blocks: make([]gen.ArticleBlock, 0, len(paragraphs)), Entities: []gen.ArticleEntity{}}
	for _, p := range paragraphs {
		c.Blocks = append(c.Blocks, gen.ArticleBlock{Text: p, Type: gen.ArticleBlockTypeUnstyled})
	}
	return c
}

// checkArticleContent rejects a body X would refuse: no blocks, a block, style or entity
// of a kind the document does not list, a range that names no entity or ends past its
// block's text (counted in UTF-16 code units, as DraftJS does), an atomic block without
// an entity, or an entity without what its type needs.
func checkArticleContent(method string, c gen.ArticleContentState) error {
	if len(c.Blocks) == 0 {
		return invalid(method, "an Article needs at least one block")
	}
	for i, b := range c.Blocks {
		if !b.Type.Valid() {
			return notOneOf(method, fmt.Sprintf("block %d: type", i), b.Type)
		}
		if b.Type == gen.ArticleBlockTypeAtomic && len(b.EntityRanges) == 0 {
			return invalid(method, "block %d is atomic but refers to no entity", i)
		}
		n := len(utf16.Encode([]rune(b.Text)))
		for _, r := range b.EntityRanges {
			if r.Key < 0 || r.Key >= len(c.Entities) {
				return invalid(method, "block %d: entity range key %d names none of the %d entities", i, r.Key, len(c.Entities))
			}
			if r.Offset < 0 || r.Length < 0 || r.Offset+r.Length > n {
				return invalid(method, "block %d: entity range [%d, +%d) is outside its %d-unit text", i, r.Offset, r.Length, n)
			}
		}
		for _, r := range b.InlineStyleRanges {
			if !r.Style.Valid() {
				return notOneOf(method, fmt.Sprintf("block %d: style", i), r.Style)
			}
			if r.Offset < 0 || r.Length < 0 || r.Offset+r.Length > n {
				return invalid(method, "block %d: style range [%d, +%d) is outside its %d-unit text", i, r.Offset, r.Length, n)
			}
		}
	}
	for i, e := range c.Entities {
		v := e.Value
		if !v.Type.Valid() {
			return notOneOf(method, fmt.Sprintf("entity %d: type", i), v.Type)
		}
		if !v.Mutability.Valid() {
			return notOneOf(method, fmt.Sprintf("entity %d: mutability", i), v.Mutability)
		}
		var err error
		switch d := v.Data; v.Type {
		case gen.ArticleEntityTypePost:
			err = checkID(method, "embedded tweet id", patternTweetID, d.PostID)
		case gen.ArticleEntityTypeLink:
			if d.URL == "" {
				err = invalid(method, "entity %d is a link without a URL", i)
			}
		case gen.ArticleEntityTypeImage:
			if len(d.MediaItems) == 0 {
				err = invalid(method, "entity %d is an image without media", i)
			}
			for _, m := range d.MediaItems {
				if err == nil {
					err = checkArticleMedia(method, m)
				}
			}
		case gen.ArticleEntityTypeMarkdown:
			if d.Markdown == "" {
				err = invalid(method, "entity %d is Markdown without text", i)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func checkArticleMedia(method string, m gen.ArticleMedia) error {
	if err := checkID(method, "media id", patternMediaID, m.MediaID); err != nil {
		return err
	}
	if m.MediaCategory == "" {
		return invalid(method, "media %s has no media category (such as tweet_image)", m.MediaID)
	}
	return nil
}

// CreateDraft saves a as a draft of the caller and returns its id in Data.ID, for
// Publish. The body is checked before sending (see NewArticle). Not retried unless
// WithRetryMutations is set. Needs a user context (OAuth 2.0 scope tweet.write, or OAuth
// 1.0a).
func (s *ArticlesService) CreateDraft(ctx context.Context, a NewArticle) (*gen.ArticleDraftResponse, *Response, error) {
	const method = "Articles.CreateDraft"
	if a.Title == "" {
		return nil, nil, invalid(method, "empty title")
	}
	if err := checkArticleContent(method, a.Content); err != nil {
		return nil, nil, err
	}
	req := gen.ArticleDraftRequest{Title: a.Title, ContentState: a.Content}
	if req.ContentState.Entities == nil {
		req.ContentState.Entities = []gen.ArticleEntity{} // required, even when empty
	}
	if a.Cover != nil {
		if err := checkArticleMedia(method, *a.Cover); err != nil {
			return nil, nil, err
		}
		req.CoverMedia = *a.Cover
	}
	return do(ctx, s.client, &opCreateArticleDraft, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.CreateArticleDraft(ctx, req)
	})
}

// Publish makes the caller's draft articleID public and returns, in Data.PostID, the id of
// the Tweet that carries it. A draft is published once; an id that is not one of the
// caller's drafts is a not-found error. Not retried unless WithRetryMutations is set.
// Needs a user context (OAuth 2.0 scope tweet.write, or OAuth 1.0a).
func (s *ArticlesService) Publish(ctx context.Context, articleID string) (*gen.ArticlePublishResponse, *Response, error) {
	if err := checkID("Articles.Publish", "article id", patternArticleID, articleID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opPublishArticle, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.PublishArticle(ctx, articleID)
	})
}
