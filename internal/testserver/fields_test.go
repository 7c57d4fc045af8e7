package testserver

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBioMentionsUpToTwentyCharacters(t *testing.T) {
	// X takes every @word of up to 20 characters in a bio for a mention; in a Tweet's text
	// only what could be a username (15 at most).
	const text = "Maps @sixteen_chars_ab and @twenty_characters_ab"
	var bio []string
	for _, m := range entitiesOf(text, reBioMention).Mentions {
		bio = append(bio, m.Username)
	}
	if diff := cmp.Diff([]string{"sixteen_chars_ab", "twenty_characters_ab"}, bio); diff != "" {
		t.Errorf("bio mentions (-want +got):\n%s", diff)
	}
	for _, m := range textEntities(text).Mentions {
		if len(m.Username) > 15 {
			t.Errorf("Tweet mention %q: longer than a username", m.Username)
		}
	}
}

func TestTweetNewerFields(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	const newer = "?tweet.fields=article,article_title,card_uri,media_metadata,matched_media_notes,note_request_suggestions,paid_partnership"

	r := c.get("/2/tweets/"+PlaceTweetID+newer, c.app())
	wantStatus(t, r, 200)
	if r.at("data", "paid_partnership") != true || r.has("data", "article") || r.has("data", "media_metadata") ||
		r.has("data", "matched_media_notes") || r.has("data", "note_request_suggestions") {
		t.Errorf("paid partnership: %s", r.raw)
	}
	r = c.get("/2/tweets/"+PlaceTweetID, c.app())
	if r.has("data", "paid_partnership") {
		t.Errorf("paid_partnership not asked for, sent: %s", r.raw)
	}

	r = c.get("/2/tweets/"+MediaTweetID+newer, c.app())
	wantStatus(t, r, 200)
	if r.at("data", "paid_partnership") != false || len(r.list("data", "media_metadata")) != 2 ||
		r.str("data", "media_metadata", 0, "media_key") != PhotoMediaKey || r.str("data", "media_metadata", 0, "alt_text") != "A gopher on a laptop" ||
		r.str("data", "media_metadata", 0, "title") != "My desk" || r.str("data", "media_metadata", 1, "title") != "A day at the desk" ||
		r.str("data", "matched_media_notes", 0, "note_id") != MatchedMediaNoteID || r.str("data", "matched_media_notes", 0, "match_status") != "matched" {
		t.Errorf("media Tweet: %s", r.raw)
	}

	r = c.get("/2/tweets/"+JackPinnedTweetID+newer, c.app())
	if r.str("data", "article", "title") != JackArticleTitle || r.str("data", "article_title") != JackArticleTitle {
		t.Errorf("article: %s", r.raw)
	}
	r = c.get("/2/tweets/"+HiddenReplyID+newer, c.app())
	if r.str("data", "note_request_suggestions", 0, "suggestion_id") != NoteRequestSuggestID ||
		r.str("data", "note_request_suggestions", 0, "source_link") == "" {
		t.Errorf("note request suggestions: %s", r.raw)
	}

	// Posted with a card and as a paid partnership: both are kept.
	r = c.do("POST", "/2/tweets", s.UserToken(AliceID), map[string]any{
		"text": "Our sponsor's new card", "card_uri": "card://1700000000000000777", "paid_partnership": true})
	wantStatus(t, r, 201)
	r = c.get("/2/tweets/"+r.str("data", "id")+"?tweet.fields=card_uri,paid_partnership", c.app())
	if r.str("data", "card_uri") != "card://1700000000000000777" || r.at("data", "paid_partnership") != true {
		t.Errorf("created Tweet: %s", r.raw)
	}
}

// The newer user fields: the account's own email only to itself, subscriptions only to a
// user token, the affiliation badge and its expansion.
func TestUserNewerFields(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	const newer = "?user.fields=confirmed_email,is_identity_verified,parody,subscribes_to_you,subscription,verified_followers_count,affiliation"

	r := c.get("/2/users/"+JackID+newer, c.app())
	wantStatus(t, r, 200)
	if r.at("data", "is_identity_verified") != true || r.at("data", "parody") != false || r.has("data", "confirmed_email") ||
		r.has("data", "subscribes_to_you") || r.has("data", "subscription") || r.has("data", "affiliation") ||
		r.num("data", "verified_followers_count") != 1 { // of Jack's followers, only @XDevelopers is verified
		t.Errorf("jack, app-only: %s", r.raw)
	}
	r = c.get("/2/users/"+MalloryID+newer, c.app())
	if r.at("data", "parody") != true || r.at("data", "is_identity_verified") != false {
		t.Errorf("mallory: %s", r.raw)
	}

	alice := s.UserToken(AliceID)
	r = c.get("/2/users/me"+newer, alice)
	if r.str("data", "confirmed_email") != "alice@example.com" || r.at("data", "subscribes_to_you") != false {
		t.Errorf("me: %s", r.raw)
	}
	r = c.get("/2/users?ids="+DaveID+","+BobID+"&"+newer[1:], alice)
	if r.at("data", 0, "subscribes_to_you") != true || r.at("data", 0, "subscription", "subscribes_to_you") != true ||
		r.at("data", 1, "subscribes_to_you") != false || r.at("data", 1, "subscription", "subscribes_to_you") != false ||
		r.has("data", 0, "confirmed_email") {
		t.Errorf("dave and bob, seen by alice: %s", r.raw)
	}

	// @gopher01 is one of @XDevelopers' affiliates: the badge, and the organization expanded.
	for _, exp := range []string{"affiliation", "affiliation.user_id"} {
		r = c.get("/2/users/"+FirstGopherID+"?expansions="+exp+"&user.fields=verified_type", c.app())
		wantStatus(t, r, 200)
		if r.str("data", "affiliation", "user_id", 0) != XDevelopersID || r.str("data", "affiliation", "url") != "https://x.com/XDevelopers" ||
			r.str("includes", "users", 0, "id") != XDevelopersID || r.str("includes", "users", 0, "verified_type") != "business" {
			t.Errorf("expansions=%s: %s", exp, r.raw)
		}
	}
	r = c.get("/2/users/"+BobID+"?expansions=affiliation", c.app())
	if r.has("data", "affiliation") || r.has("includes") {
		t.Errorf("bob has no affiliation: %s", r.raw)
	}
}
