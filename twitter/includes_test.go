package twitter

import (
	"encoding/json"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
)

// loadJSON decodes a testdata file into a generated response type, as the client does.
func loadJSON[T any](t *testing.T, name string) *T {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &v
}

// userIDs returns the ids of users, "" for a nil one.
func userIDs(us []*gen.User) []string {
	var out []string
	for _, u := range us {
		if u == nil {
			out = append(out, "")
			continue
		}
		out = append(out, u.ID)
	}
	return out
}

func TestIncludesResolvesEveryTweetExpansion(t *testing.T) {
	res := loadJSON[gen.TweetSearchResponse](t, "includes_tweets.json")
	in := NewIncludes(&res.Includes)
	tweets := res.Data
	t1, t2, t3 := &tweets[0], &tweets[1], &tweets[2]

	// author_id
	if u, ok := in.Author(t1); !ok || u.Username != "XDevelopers" || u.Name != "Developers" {
		t.Errorf("Author(t1) = %+v, %v; want @XDevelopers, and the first copy of a repeated user", u, ok)
	}
	if u, ok := in.Author(t3); ok || u != nil {
		t.Errorf("Author(t3) = %+v, %v; the author was not included", u, ok)
	}

	// in_reply_to_user_id
	if u, ok := in.InReplyToUser(t1); !ok || u.Username != "X" {
		t.Errorf("InReplyToUser(t1) = %+v, %v; want @X", u, ok)
	}
	if _, ok := in.InReplyToUser(t2); ok {
		t.Error("InReplyToUser(t2): t2 is not a reply")
	}

	// entities.mentions.username: by id, by username case-insensitively, and missing.
	ms := in.Mentions(t1)
	if len(ms) != 3 {
		t.Fatalf("Mentions(t1) has %d entries, want 3", len(ms))
	}
	got := []string{}
	for _, m := range ms {
		id := ""
		if m.User != nil {
			id = m.User.ID
		}
		got = append(got, m.Mention.Username+"="+id)
	}
	if diff := cmp.Diff([]string{"XDevelopers=2244994945", "ghost=", "API_Team=9999999"}, got); diff != "" {
		t.Errorf("Mentions(t1) (-want +got):\n%s", diff)
	}
	if ms[2].Mention.Start != 20 || ms[2].Mention.End != 29 {
		t.Errorf("mention entity positions lost: %+v", ms[2].Mention)
	}

	// referenced_tweets.id, with each type, and one not included.
	type ref struct {
		Type gen.ReferencedTweetType
		ID   string
		Text string
	}
	var refs []ref
	for _, r := range in.ReferencedTweets(t1) {
		text := ""
		if r.Tweet != nil {
			text = r.Tweet.Text
		}
		refs = append(refs, ref{r.Type, r.ID, text})
	}
	wantRefs := []ref{
		{gen.ReferencedTweetTypeRepliedTo, "1599999999999999999", "the parent Tweet"},
		{gen.ReferencedTweetTypeQuoted, "1599999999999999000", "the quoted Tweet"},
		{gen.ReferencedTweetTypeQuoted, "1599999999999990000", ""},
	}
	if diff := cmp.Diff(wantRefs, refs); diff != "" {
		t.Errorf("ReferencedTweets(t1) (-want +got):\n%s", diff)
	}
	if tw, ok := in.RepliedToTweet(t1); !ok || tw.ID != "1599999999999999999" {
		t.Errorf("RepliedToTweet(t1) = %+v, %v", tw, ok)
	}
	if tw, ok := in.QuotedTweet(t1); !ok || tw.ID != "1599999999999999000" {
		t.Errorf("QuotedTweet(t1) = %+v, %v", tw, ok)
	}
	if _, ok := in.RetweetedTweet(t1); ok {
		t.Error("RetweetedTweet(t1): t1 is not a retweet")
	}
	if tw, ok := in.RetweetedTweet(t2); !ok || tw.Text != "the retweeted text, in full in includes and longer than the retweet" {
		t.Errorf("RetweetedTweet(t2) = %+v, %v", tw, ok)
	}
	// referenced_tweets.id.author_id: the referenced Tweet's author resolves too.
	if tw, _ := in.QuotedTweet(t1); tw != nil {
		if u, ok := in.Author(tw); !ok || u.Username != "api_team" {
			t.Errorf("author of the quoted Tweet = %+v, %v; want @api_team", u, ok)
		}
	}
	if tw, ok := in.QuotedTweet(t3); ok || tw != nil {
		t.Errorf("QuotedTweet(t3) = %+v, %v; the quoted Tweet was deleted", tw, ok)
	}

	// attachments.media_keys, in order, with the missing key reported.
	media, missing := in.Media(t1)
	var keys []string
	for _, m := range media {
		keys = append(keys, m.MediaKey)
	}
	if diff := cmp.Diff([]string{"3_1600000000000000101", "3_1600000000000000102"}, keys); diff != "" {
		t.Errorf("Media(t1) keys (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"7_1600000000000000999"}, missing); diff != "" {
		t.Errorf("Media(t1) missing (-want +got):\n%s", diff)
	}
	if media[0].AltText != "a chart" || media[0].Type != "photo" {
		t.Errorf("media fields lost: %+v", media[0])
	}
	if m, mi := in.Media(t2); m != nil || mi != nil {
		t.Errorf("Media(t2) = %v, %v; t2 has no attachments", m, mi)
	}

	// attachments.poll_ids
	if p, ok := in.Poll(t1); !ok || len(p.Options) != 2 || p.Options[0].Label != "yes" || p.Options[0].Votes != 10 {
		t.Errorf("Poll(t1) = %+v, %v", p, ok)
	}
	if _, ok := in.Poll(t3); ok {
		t.Error("Poll(t3): t3 has no poll")
	}

	// geo.place_id, and a geo with coordinates only.
	if p, ok := in.Place(t1); !ok || p.FullName != "Manhattan, NY" {
		t.Errorf("Place(t1) = %+v, %v", p, ok)
	}
	if p, ok := in.Place(t3); ok || p != nil {
		t.Errorf("Place(t3) = %+v, %v; t3 has coordinates but no place", p, ok)
	}

	// pinned_tweet_id of an included user.
	dev, _ := in.UserByID("2244994945")
	if tw, ok := in.PinnedTweet(dev); !ok || tw.Text != "the quoted Tweet" {
		t.Errorf("PinnedTweet(@XDevelopers) = %+v, %v", tw, ok)
	}
	x, _ := in.UserByUsername("@x")
	if tw, ok := in.PinnedTweet(x); ok || tw != nil {
		t.Errorf("PinnedTweet(@X) = %+v, %v; its pinned Tweet was not included", tw, ok)
	}

	// The lookups return the included objects themselves, not copies.
	if u, _ := in.UserByID("783214"); u != &res.Includes.Users[1] {
		t.Error("UserByID returned a copy, not the included object")
	}
}

func TestIncludesResolvesSpaceExpansions(t *testing.T) {
	res := loadJSON[gen.MultiSpaceLookupResponse](t, "includes_spaces.json")
	in := NewIncludes(&res.Includes)
	live, bare := &res.Data[0], &res.Data[1]

	if u, ok := in.SpaceCreator(live); !ok || u.Username != "XDevelopers" {
		t.Errorf("SpaceCreator = %+v, %v", u, ok)
	}
	hosts, missing := in.SpaceHosts(live)
	if diff := cmp.Diff([]string{"2244994945", "783214"}, userIDs(hosts)); diff != "" || missing != nil {
		t.Errorf("SpaceHosts (-want +got):\n%s missing %v", diff, missing)
	}
	speakers, missing := in.SpaceSpeakers(live)
	if diff := cmp.Diff([]string{"9999999"}, userIDs(speakers)); diff != "" {
		t.Errorf("SpaceSpeakers (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"4242424242"}, missing); diff != "" {
		t.Errorf("SpaceSpeakers missing (-want +got):\n%s", diff)
	}
	invited, _ := in.SpaceInvited(live)
	if diff := cmp.Diff([]string{"783214"}, userIDs(invited)); diff != "" {
		t.Errorf("SpaceInvited (-want +got):\n%s", diff)
	}
	if topic, ok := in.TopicByID(live.Topics[0].ID); !ok || topic.Description != "All about technology" {
		t.Errorf("TopicByID = %+v, %v", topic, ok)
	}

	if u, ok := in.SpaceCreator(bare); ok || u != nil {
		t.Errorf("SpaceCreator(no creator) = %+v, %v", u, ok)
	}
	for name, f := range map[string]func(*gen.Space) ([]*gen.User, []string){
		"SpaceHosts": in.SpaceHosts, "SpaceSpeakers": in.SpaceSpeakers, "SpaceInvited": in.SpaceInvited,
	} {
		if us, mi := f(bare); us != nil || mi != nil {
			t.Errorf("%s(no ids) = %v, %v", name, us, mi)
		}
		if us, mi := f(nil); us != nil || mi != nil {
			t.Errorf("%s(nil) = %v, %v", name, us, mi)
		}
	}
}

// TestIncludesNeverPanics calls every method on a nil resolver, on one without includes,
// and with nil and empty arguments.
func TestIncludesNeverPanics(t *testing.T) {
	full := loadJSON[gen.TweetSearchResponse](t, "includes_tweets.json")
	empty := gen.Tweet{}
	emptyParts := gen.Tweet{Attachments: gen.TweetAttachments{}, Geo: &gen.TweetGeo{}, Entities: gen.FullTextEntities{}}
	emptyPolls := []string{}
	emptyParts.Attachments.PollIds = emptyPolls
	for name, in := range map[string]*Includes{
		"nil resolver":      nil,
		"nil expansions":    NewIncludes(nil),
		"empty expansions":  NewIncludes(&gen.Expansions{}),
		"empty lists":       NewIncludes(&gen.Expansions{Users: []gen.User{}, Tweets: []gen.Tweet{}}),
		"the full includes": NewIncludes(&full.Includes),
	} {
		t.Run(name, func(t *testing.T) {
			for _, tw := range []*gen.Tweet{nil, &empty, &emptyParts} {
				if u, ok := in.Author(tw); ok || u != nil {
					t.Error("Author")
				}
				if u, ok := in.InReplyToUser(tw); ok || u != nil {
					t.Error("InReplyToUser")
				}
				if len(in.Mentions(tw)) != 0 {
					t.Error("Mentions")
				}
				if len(in.ReferencedTweets(tw)) != 0 {
					t.Error("ReferencedTweets")
				}
				for _, f := range []func(*gen.Tweet) (*gen.Tweet, bool){in.QuotedTweet, in.RepliedToTweet, in.RetweetedTweet} {
					if v, ok := f(tw); ok || v != nil {
						t.Error("referenced")
					}
				}
				if m, mi := in.Media(tw); m != nil || mi != nil {
					t.Error("Media")
				}
				if p, ok := in.Poll(tw); ok || p != nil {
					t.Error("Poll")
				}
				if p, ok := in.Place(tw); ok || p != nil {
					t.Error("Place")
				}
			}
			for _, id := range []string{"", "no-such-id"} {
				if _, ok := in.UserByID(id); ok {
					t.Error("UserByID")
				}
				if _, ok := in.UserByUsername(id); ok {
					t.Error("UserByUsername")
				}
				if _, ok := in.TweetByID(id); ok {
					t.Error("TweetByID")
				}
				if _, ok := in.MediaByKey(id); ok {
					t.Error("MediaByKey")
				}
				if _, ok := in.PlaceByID(id); ok {
					t.Error("PlaceByID")
				}
				if _, ok := in.PollByID(id); ok {
					t.Error("PollByID")
				}
				if _, ok := in.TopicByID(id); ok {
					t.Error("TopicByID")
				}
			}
			if _, ok := in.PinnedTweet(nil); ok {
				t.Error("PinnedTweet(nil)")
			}
			if _, ok := in.PinnedTweet(&gen.User{}); ok {
				t.Error("PinnedTweet(no pinned)")
			}
			if _, ok := in.SpaceCreator(nil); ok {
				t.Error("SpaceCreator(nil)")
			}
		})
	}
	if (*Includes)(nil).Expansions() != nil || NewIncludes(&full.Includes).Expansions() != &full.Includes {
		t.Error("Expansions does not return what the resolver reads")
	}
}

// TestIncludesConcurrentFirstUse races first lookups from many goroutines; run with -race.
func TestIncludesConcurrentFirstUse(t *testing.T) {
	res := loadJSON[gen.TweetSearchResponse](t, "includes_tweets.json")
	in := NewIncludes(&res.Includes)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, ok := in.Author(&res.Data[0]); !ok {
				t.Error("Author not found")
			}
		})
	}
	wg.Wait()
}

// BenchmarkIncludes measures building the maps for a page of 100 Tweets and resolving each
// Tweet's author, media and quoted Tweet.
func BenchmarkIncludes(b *testing.B) {
	exp := &gen.Expansions{Users: []gen.User{}, Tweets: []gen.Tweet{}, Media: []gen.Media{}}
	data := make([]gen.Tweet, 100)
	for i := range data {
		uid, tid, key := itoa(i), "q"+itoa(i), "3_"+itoa(i)
		exp.Users = append(exp.Users, gen.User{ID: uid, Username: "u" + uid})
		exp.Tweets = append(exp.Tweets, gen.Tweet{ID: tid})
		exp.Media = append(exp.Media, gen.Media{MediaKey: key})
		data[i] = gen.Tweet{ID: itoa(1000 + i), AuthorID: uid,
			ReferencedTweets: []gen.ReferencedTweet{{Type: gen.ReferencedTweetTypeQuoted, ID: tid}},
			Attachments:      gen.TweetAttachments{MediaKeys: []string{key}}}
	}
	b.ReportAllocs()
	for b.Loop() {
		in := NewIncludes(exp)
		for i := range data {
			if _, ok := in.Author(&data[i]); !ok {
				b.Fatal("author")
			}
			if _, ok := in.QuotedTweet(&data[i]); !ok {
				b.Fatal("quoted")
			}
			if m, _ := in.Media(&data[i]); len(m) != 1 {
				b.Fatal("media")
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
