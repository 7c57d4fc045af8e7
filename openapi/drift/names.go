package drift

import (
	"strings"
	"unicode"
)

// postWords are the words X's newer documents put where the API's wire names (and ours)
// say tweet: post.fields for tweet.fields, referenced_posts for referenced_tweets,
// pinned_post_id for pinned_tweet_id, Post for the Tweet object.
var postWords = map[string]string{
	"post": "tweet", "posts": "tweets", "repost": "retweet", "reposts": "retweets",
	"Post": "Tweet", "Posts": "Tweets", "Repost": "Retweet", "Reposts": "Retweets",
}

// tweetName returns name with its "post" words read as "tweet" ones, and whether it had
// any. Words are separated by '.', '_', '-' or '/', or start with a capital letter
// (PostCreateRequest).
func tweetName(name string) (string, bool) {
	var b strings.Builder
	changed := false
	for _, w := range words(name) {
		if tw, ok := postWords[w]; ok {
			b.WriteString(tw)
			changed = true
			continue
		}
		b.WriteString(w)
	}
	return b.String(), changed
}

// words splits name into words and the separators between them, keeping both, so that
// joining them gives name back.
func words(name string) []string {
	var out []string
	start := 0
	runes := []rune(name)
	for i, r := range runes {
		sep := r == '.' || r == '_' || r == '-' || r == '/'
		upper := i > 0 && unicode.IsUpper(r) && !unicode.IsUpper(runes[i-1])
		if sep || upper {
			if i > start {
				out = append(out, string(runes[start:i]))
			}
			start = i
			if sep {
				out = append(out, string(r))
				start = i + 1
			}
		}
	}
	if start < len(runes) {
		out = append(out, string(runes[start:]))
	}
	return out
}
