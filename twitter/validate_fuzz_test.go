package twitter

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearchQuery checks that any query SearchRecent accepts reaches the server exactly
// as given (operators, '&', '#', '+', '%', any Unicode), and that any query it refuses is
// refused with ErrInvalidArgument before a request is sent. It never panics.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range []string{"from:XDevelopers -is:retweet", "cats & dogs", "#golang OR $TWTR", "a+b=c", "100%", "漢字 é 🎉",
		"", "url:\"https://x.com/a?b=c&d\"", strings.Repeat("a", maxLengthSearchRecentTweetsQuery), strings.Repeat("é", maxLengthSearchRecentTweetsQuery+1), "\x00\xff"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, query string) {
		var got []string
		c := setup(t, func(w http.ResponseWriter, r *http.Request) {
			got = append(got, r.URL.Query().Get("query"))
			io.WriteString(w, `{"meta":{"result_count":0}}`)
		}, WithRetryPolicy(NoRetries()))
		_, _, err := c.Tweets.SearchRecent(context.Background(), query, nil)
		valid := query != "" && utf8.RuneCountInString(query) <= maxLengthSearchRecentTweetsQuery
		switch {
		case !valid:
			if !errors.Is(err, ErrInvalidArgument) || len(got) != 0 {
				t.Fatalf("query %q: err = %v, %d requests sent", query, err, len(got))
			}
		case err != nil:
			t.Fatalf("query %q: %v", query, err)
		case len(got) != 1 || got[0] != query:
			t.Fatalf("query %q arrived as %q", query, got)
		}
	})
}

// FuzzIDs checks that an id is either refused before any request or sent as exactly one
// path segment equal to the id: nothing a caller passes can reach another endpoint.
func FuzzIDs(f *testing.F) {
	for _, id := range []string{"12", "", "../../2/tweets", "12/following", "12?x=1", "12#x", "1234567890123456789", "12345678901234567890", "٣", " 12"} {
		f.Add(id)
	}
	f.Fuzz(func(t *testing.T, id string) {
		var paths []string
		c := setup(t, func(w http.ResponseWriter, r *http.Request) {
			paths = append(paths, r.URL.Path)
			io.WriteString(w, `{"data":{"id":"12","name":"jack","username":"jack"}}`)
		}, WithRetryPolicy(NoRetries()))
		_, _, err := c.Users.ByID(context.Background(), id, nil)
		if errors.Is(err, ErrInvalidArgument) {
			if len(paths) != 0 {
				t.Fatalf("id %q refused but sent", id)
			}
			return
		}
		if err != nil || len(paths) != 1 || paths[0] != "/2/users/"+id {
			t.Fatalf("id %q: err = %v, paths = %q", id, err, paths)
		}
	})
}
