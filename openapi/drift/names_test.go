package drift_test

import (
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestCompareRename(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		fields := param(t, lookup(theirs), "tweet.fields")
		fields.Name = "post.fields"
		fields.Schema.Value.Items.Value.Enum = []any{"id", "note_post", "text"}
		tweet := theirs.Components.Schemas["Tweet"].Value
		tweet.Properties["note_post"] = tweet.Properties["note_tweet"]
		delete(tweet.Properties, "note_tweet")
	})
	wantFacts(t, r, 0,
		"rename: GET /2/tweets/{}: query parameter tweet.fields is post.fields in X's document",
		"rename: GET /2/tweets/{}: response data field note_tweet is note_post in X's document",
		"rename: GET /2/tweets/{}: tweet.fields value note_tweet is note_post in X's document",
		"rename: schema Tweet: field note_tweet is note_post in X's document")
	if r.RenameCount != 4 {
		t.Errorf("renames = %d, want 4", r.RenameCount)
	}
}

func TestCompareRenameOnlyInPlaceOfTweetName(t *testing.T) {
	// A "post" name beside the tweet one is a new name, not a rename: both are asked for.
	r := compare(t, base, func(theirs *openapi3.T) {
		items := param(t, lookup(theirs), "tweet.fields").Schema.Value.Items.Value
		items.Enum = append(items.Enum, "note_post")
	})
	wantFacts(t, r, 1, "enum-missing: GET /2/tweets/{}: tweet.fields lacks values ['note_post']")
}

func TestTweetNames(t *testing.T) {
	// Names X's newer documents use, and ours: read as tweet names they pair up.
	for theirs, ours := range map[string]string{
		"post.fields":           "tweet.fields",
		"edit_history_post_ids": "edit_history_tweet_ids",
		"pinned_post_id":        "pinned_tweet_id",
		"repost_count":          "retweet_count",
		"Post":                  "Tweet",
		"PostCreateRequest":     "TweetCreateRequest",
	} {
		ours := strings.Replace(base, "enum: [id, note_tweet, text]", "enum: [id, note_tweet, text, "+ours+"]", 1)
		r := compare(t, ours, func(doc *openapi3.T) {
			fields := param(t, lookup(doc), "tweet.fields")
			fields.Schema.Value.Items.Value.Enum = []any{"id", "note_tweet", "text", theirs}
		})
		if r.RenameCount != 1 || r.DriftCount != 0 {
			t.Errorf("%s: %q, want one rename", theirs, facts(r))
		}
	}
	// A word that only contains "post" is not one.
	ours := strings.Replace(base, "enum: [id, note_tweet, text]", "enum: [id, note_tweet, text, tweetal]", 1)
	r := compare(t, ours, func(doc *openapi3.T) {
		param(t, lookup(doc), "tweet.fields").Schema.Value.Items.Value.Enum = []any{"id", "note_tweet", "text", "postal"}
	})
	if r.RenameCount != 0 || r.DriftCount != 2 {
		t.Errorf("postal for tweetal: %q, want no rename", facts(r))
	}
}
