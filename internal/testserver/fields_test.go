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
