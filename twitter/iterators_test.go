package twitter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

func TestSearchIteratorsPageToTheEnd(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	want, err := s.World().SearchIDs(testserver.SearchThousandQuery)
	if err != nil || len(want) != testserver.SearchThousandCount {
		t.Fatalf("the world's search: %d ids, %v", len(want), err)
	}
	for _, tc := range []struct {
		name, path string
		seq        func(yield func(gen.Tweet, error) bool)
		requests   int
		pageSize   string
	}{
		{"recent", "/2/tweets/search/recent", c.Tweets.SearchRecentIter(ctx, testserver.SearchThousandQuery, nil, nil), 10, "100"},
		{"all", "/2/tweets/search/all", c.Tweets.SearchAllIter(ctx, testserver.SearchThousandQuery, nil, nil), 2, "500"},
		{"recent, 30 a page", "/2/tweets/search/recent", c.Tweets.SearchRecentIter(ctx, testserver.SearchThousandQuery, &SearchOptions{MaxResults: 30}, nil), 34, "30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log.reqs = nil
			got := ids(t, tc.seq, tweetID)
			noDuplicates(t, got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-world +iterated):\n%s", diff)
			}
			qs := log.queries(tc.path)
			if len(qs) != tc.requests {
				t.Fatalf("%d requests, want %d", len(qs), tc.requests)
			}
			for i, q := range qs {
				if q.Get("max_results") != tc.pageSize || (i > 0) != q.Has("next_token") || q.Has("pagination_token") {
					t.Errorf("request %d: %v", i+1, q)
				}
			}
		})
	}
}

// searchWindow picks a window inside the thousand Tweets of the seeded search and the
// Tweets the world says fall in it.
func searchWindow(t *testing.T, s *testserver.Server) (SearchOptions, []string) {
	t.Helper()
	all, err := s.World().SearchIDs(testserver.SearchThousandQuery)
	if err != nil {
		t.Fatal(err)
	}
	created := func(id string) time.Time {
		tw, ok := s.World().Tweet(id)
		if !ok {
			t.Fatalf("no Tweet %s in the world", id)
		}
		return tw.CreatedAt
	}
	num := func(id string) uint64 {
		n, err := strconv.ParseUint(id, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// all is newest first.
	o := SearchOptions{
		UntilID:   all[40],
		SinceID:   all[960],
		EndTime:   created(all[100]).Truncate(time.Second),
		StartTime: created(all[850]).Truncate(time.Second).Add(time.Second),
	}
	var want []string
	for _, id := range all {
		ct := created(id)
		if num(id) < num(o.UntilID) && num(id) > num(o.SinceID) && !ct.Before(o.StartTime) && ct.Before(o.EndTime) {
			want = append(want, id)
		}
	}
	if len(want) < 100 || len(want) > 900 {
		t.Fatalf("the window holds %d Tweets: it does not narrow the search", len(want))
	}
	return o, want
}

func TestSearchKeepsItsWindowOnEveryPage(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	window, want := searchWindow(t, s)

	for _, tc := range []struct {
		name, path string
		seq        func(yield func(gen.Tweet, error) bool)
	}{
		{"recent", "/2/tweets/search/recent", c.Tweets.SearchRecentIter(ctx, testserver.SearchThousandQuery, &window, nil)},
		{"all", "/2/tweets/search/all", c.Tweets.SearchAllIter(ctx, testserver.SearchThousandQuery, &SearchOptions{
			MaxResults: 10, StartTime: window.StartTime, EndTime: window.EndTime, SinceID: window.SinceID, UntilID: window.UntilID,
		}, nil)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log.reqs = nil
			got := ids(t, tc.seq, tweetID)
			noDuplicates(t, got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-world +iterated):\n%s", diff)
			}
			qs := log.queries(tc.path)
			if len(qs) < 2 {
				t.Fatalf("%d requests: the window fits one page, which proves nothing", len(qs))
			}
			for i, q := range qs {
				for _, p := range []string{"start_time", "end_time", "since_id", "until_id", "query"} {
					if q.Get(p) == "" || q.Get(p) != qs[0].Get(p) {
						t.Errorf("request %d: %s=%q, the first sent %q", i+1, p, q.Get(p), qs[0].Get(p))
					}
				}
			}
		})
	}
	if window.MaxResults != 0 || window.NextToken != "" {
		t.Errorf("the caller's options were changed: %+v", window)
	}
}

func TestTimelineIteratorsPageToTheEnd(t *testing.T) {
	s := startFake(t)
	ctx := context.Background()
	app, _ := iterClient(t, s, s.AppBearerToken())
	alice, _ := iterClient(t, s, s.UserToken(testserver.AliceID))
	w := s.World()
	small := &PageOptions{MaxResults: 5}
	for _, tc := range []struct {
		name string
		got  []string
		want []string
	}{
		{"user timeline", ids(t, app.Tweets.UserTimelineIter(ctx, testserver.XDevelopersID, nil, nil), tweetID), w.UserTweetIDs(testserver.XDevelopersID)},
		{"user timeline, 45 a page", ids(t, app.Tweets.UserTimelineIter(ctx, testserver.XDevelopersID, &TimelineOptions{PageOptions: PageOptions{MaxResults: 45}}, nil), tweetID), w.UserTweetIDs(testserver.XDevelopersID)},
		{"mentions", ids(t, alice.Tweets.MentionsIter(ctx, testserver.JackID, &TimelineOptions{PageOptions: *small}, nil), tweetID), w.MentionIDs(testserver.JackID)},
		{"liked Tweets", ids(t, alice.Tweets.LikedTweetsIter(ctx, testserver.AliceID, &LikedTweetsOptions{PageOptions: *small}, nil), tweetID), w.LikedTweetIDs(testserver.AliceID)},
		{"liking users", ids(t, alice.Tweets.LikingUsersIter(ctx, testserver.JackPinnedTweetID, nil, nil), userID), w.LikingUserIDs(testserver.JackPinnedTweetID)},
		{"retweeted by", ids(t, alice.Tweets.RetweetedByIter(ctx, testserver.JackPinnedTweetID, nil, nil), userID), w.RetweeterIDs(testserver.JackPinnedTweetID)},
		{"retweeted by, 7 a page", ids(t, alice.Tweets.RetweetedByIter(ctx, testserver.JackPinnedTweetID, &UserListOptions{PageOptions: PageOptions{MaxResults: 7}}, nil), userID), w.RetweeterIDs(testserver.JackPinnedTweetID)},
	} {
		if len(tc.want) < 6 {
			t.Errorf("%s: the world has only %d; the test needs more than a page", tc.name, len(tc.want))
		}
		noDuplicates(t, tc.got)
		if diff := cmp.Diff(tc.want, tc.got); diff != "" {
			t.Errorf("%s (-world +iterated):\n%s", tc.name, diff)
		}
	}
}

func TestTimelineKeepsItsWindowOnEveryPage(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	all := s.World().UserTweetIDs(testserver.XDevelopersID) // newest first
	tw := func(i int) testserver.Tweet {
		v, _ := s.World().Tweet(all[i])
		return v
	}
	opts := &TimelineOptions{
		PageOptions: PageOptions{MaxResults: 20},
		EndTime:     tw(100).CreatedAt.Truncate(time.Second),
		StartTime:   tw(300).CreatedAt.Truncate(time.Second).Add(time.Second),
	}
	var want []string
	for i := range all {
		if ct := tw(i).CreatedAt; !ct.Before(opts.StartTime) && ct.Before(opts.EndTime) {
			want = append(want, all[i])
		}
	}
	got := ids(t, c.Tweets.UserTimelineIter(context.Background(), testserver.XDevelopersID, opts, nil), tweetID)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-world +iterated):\n%s", diff)
	}
	qs := log.queries("/2/users/" + testserver.XDevelopersID + "/tweets")
	if len(qs) < 5 {
		t.Fatalf("%d requests for %d Tweets", len(qs), len(want))
	}
	for i, q := range qs {
		if q.Get("start_time") != qs[0].Get("start_time") || q.Get("end_time") != qs[0].Get("end_time") || q.Get("start_time") == "" {
			t.Errorf("request %d: %v", i+1, q)
		}
	}
}

func TestCountIteratorsAgainstTheFakeServer(t *testing.T) {
	s := startFake(t, testserver.WithClock(testserver.NewManualClock(time.Time{})))
	c, _ := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	window := &CountOptions{Granularity: gen.GranularityDay, StartTime: testserver.SeedTime.Add(-8 * 24 * time.Hour), EndTime: testserver.SeedTime}
	for name, seq := range map[string]func(yield func(*CountPage, error) bool){
		"recent": c.Tweets.CountRecentPages(ctx, testserver.SearchThousandQuery, window, nil),
		"all":    c.Tweets.CountAllPages(ctx, testserver.SearchThousandQuery, window, nil),
	} {
		sum, total, buckets := 0, 0, 0
		for p, err := range seq {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			total += p.Meta.TotalTweetCount
			for _, b := range p.Items {
				sum += b.TweetCount
				buckets++
			}
		}
		if sum != testserver.SearchThousandCount || total != sum || buckets != 8 {
			t.Errorf("%s: %d Tweets in %d buckets (total %d), want %d in 8", name, sum, buckets, total, testserver.SearchThousandCount)
		}
	}
}

// TestCountIteratorsFollowNextTokenWithTheSameWindow pages counts through a server that
// splits them over three pages (the fake X API sends them in one) and checks every
// request carries the same window.
func TestCountIteratorsFollowNextTokenWithTheSameWindow(t *testing.T) {
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	var got []string // the query of every request, less the token
	handler := func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		tok := q.Get("next_token")
		q.Del("next_token")
		got = append(got, r.URL.Path+"?"+q.Encode())
		page := map[string]int{"": 0, "c1": 1, "c2": 2}[tok]
		var data []map[string]any
		for d := range 3 {
			day := start.AddDate(0, 0, page*3+d)
			data = append(data, map[string]any{"start": day, "end": day.AddDate(0, 0, 1), "tweet_count": page*3 + d})
		}
		meta := map[string]any{"total_tweet_count": 9*page + 3}
		if page < 2 {
			meta["next_token"] = fmt.Sprintf("c%d", page+1)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data, "meta": meta})
	}
	srv := httptest.NewServer(http.HandlerFunc(handler))
	defer srv.Close()
	c, err := NewClient(WithBaseURL(srv.URL), WithBearerToken("t"), WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	opts := &CountOptions{Granularity: gen.GranularityDay, StartTime: start, EndTime: start.AddDate(0, 0, 9), SinceID: "100", UntilID: "900"}
	for _, tc := range []struct {
		path string
		seq  func(yield func(gen.SearchCount, error) bool)
	}{
		{"/2/tweets/counts/recent", c.Tweets.CountRecentIter(context.Background(), "gopher", opts, nil)},
		{"/2/tweets/counts/all", c.Tweets.CountAllIter(context.Background(), "gopher", opts, nil)},
	} {
		got = nil
		var counts []int
		for b, err := range tc.seq {
			if err != nil {
				t.Fatal(err)
			}
			counts = append(counts, b.TweetCount)
		}
		if diff := cmp.Diff([]int{0, 1, 2, 3, 4, 5, 6, 7, 8}, counts); diff != "" {
			t.Errorf("%s: counts (-want +got):\n%s", tc.path, diff)
		}
		want := tc.path + "?end_time=2026-10-10T00%3A00%3A00Z&granularity=day&query=gopher&since_id=100&start_time=2026-10-01T00%3A00%3A00Z&until_id=900"
		if diff := cmp.Diff([]string{want, want, want}, got); diff != "" {
			t.Errorf("%s: requests less their token (-want +got):\n%s", tc.path, diff)
		}
	}
}

// TestSearchPagesResolveEveryExpansion asks the seeded search for every Tweet expansion
// and checks each Tweet's expanded objects against the world, page by page.
func TestSearchPagesResolveEveryExpansion(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	w := s.World()
	opts := &SearchOptions{TweetOptions: TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldInReplyToUserID, gen.TweetFieldReferencedTweets,
			gen.TweetFieldAttachments, gen.TweetFieldGeo, gen.TweetFieldEntities},
		Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID, gen.TweetExpansionInReplyToUserID,
			gen.TweetExpansionEntitiesMentionsUsername, gen.TweetExpansionReferencedTweetsID,
			gen.TweetExpansionReferencedTweetsIDAuthorID, gen.TweetExpansionAttachmentsMediaKeys,
			gen.TweetExpansionAttachmentsPollIds, gen.TweetExpansionGeoPlaceID},
		PollFields: []gen.PollField{gen.PollFieldOptions},
	}}
	seen := map[string]int{}
	for p, err := range c.Tweets.SearchRecentPages(context.Background(), testserver.SearchThousandQuery, opts, nil) {
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.Items {
			checkTweetIncludes(t, w, p.Includes, &p.Items[i], seen)
		}
	}
	for _, kind := range []string{"author", "reply", "mention", "quoted", "replied_to", "retweeted", "referenced author", "media", "poll", "place"} {
		if seen[kind] == 0 {
			t.Errorf("no Tweet of the search had a %s: the check proves nothing for it", kind)
		}
	}
	t.Logf("resolved: %v", seen)
}

// checkTweetIncludes resolves every expansion of tw through in and compares with the world.
func checkTweetIncludes(t *testing.T, w *testserver.World, in *Includes, tw *gen.Tweet, seen map[string]int) {
	t.Helper()
	want, ok := w.Tweet(tw.ID)
	if !ok {
		t.Fatalf("Tweet %s is not in the world", tw.ID)
	}
	userIs := func(what string, u *gen.User, ok bool, id string) {
		t.Helper()
		wu, _ := w.User(id)
		if !ok || u.ID != id || u.Username != wu.Username {
			t.Errorf("Tweet %s: %s = %+v, %v; want user %s (@%s)", tw.ID, what, u, ok, id, wu.Username)
			return
		}
		seen[what]++
	}
	u, ok := in.Author(tw)
	userIs("author", u, ok, want.AuthorID)
	if want.InReplyToUserID != "" {
		u, ok := in.InReplyToUser(tw)
		userIs("reply", u, ok, want.InReplyToUserID)
	}
	for _, m := range in.Mentions(tw) {
		wu, exists := w.UserByUsername(m.Mention.Username)
		switch {
		case exists && (m.User == nil || m.User.ID != wu.ID):
			t.Errorf("Tweet %s: mention @%s = %+v; want user %s", tw.ID, m.Mention.Username, m.User, wu.ID)
		case !exists && m.User != nil:
			t.Errorf("Tweet %s: mention @%s resolved to %+v, but no such user exists", tw.ID, m.Mention.Username, m.User)
		case exists:
			seen["mention"]++
		}
	}
	refs := in.ReferencedTweets(tw)
	if len(refs) != len(want.ReferencedTweets) {
		t.Errorf("Tweet %s: %d referenced Tweets, the world has %d", tw.ID, len(refs), len(want.ReferencedTweets))
	}
	for i, r := range refs {
		if i >= len(want.ReferencedTweets) {
			break
		}
		if string(r.Type) != want.ReferencedTweets[i].Type || r.ID != want.ReferencedTweets[i].ID || r.Tweet == nil || r.Tweet.ID != r.ID {
			t.Errorf("Tweet %s: reference %d = %+v, want %+v", tw.ID, i, r, want.ReferencedTweets[i])
			continue
		}
		seen[string(r.Type)]++
		ref, _ := w.Tweet(r.ID)
		u, ok := in.Author(r.Tweet)
		userIs("referenced author", u, ok, ref.AuthorID)
	}
	media, missing := in.Media(tw)
	var keys []string
	for _, m := range media {
		keys = append(keys, m.MediaKey)
	}
	if len(missing) > 0 || !cmp.Equal(keys, want.MediaKeys, cmpEmptyEqual) {
		t.Errorf("Tweet %s: media %v (missing %v), want %v", tw.ID, keys, missing, want.MediaKeys)
	} else if len(keys) > 0 {
		seen["media"]++
	}
	if poll, ok := in.Poll(tw); want.PollID != "" {
		if !ok || poll.ID != want.PollID || len(poll.Options) < 2 {
			t.Errorf("Tweet %s: poll %+v, %v; want %s with its options", tw.ID, poll, ok, want.PollID)
		} else {
			seen["poll"]++
		}
	} else if ok {
		t.Errorf("Tweet %s: a poll %s resolved for a Tweet without one", tw.ID, poll.ID)
	}
	if place, ok := in.Place(tw); want.PlaceID != "" {
		if !ok || place.ID != want.PlaceID || place.FullName == "" {
			t.Errorf("Tweet %s: place %+v, %v; want %s", tw.ID, place, ok, want.PlaceID)
		} else {
			seen["place"]++
		}
	} else if ok {
		t.Errorf("Tweet %s: a place %s resolved for a Tweet without one", tw.ID, place.ID)
	}
}

var cmpEmptyEqual = cmp.Comparer(func(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return cmp.Equal(a, b)
})

// TestTimelinePagesResolveTheSeededExpansions checks the seeded Tweets made for each kind
// of expansion, found by paging their authors' timelines.
func TestTimelinePagesResolveTheSeededExpansions(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	opts := &TimelineOptions{TweetOptions: TweetOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldInReplyToUserID, gen.TweetFieldReferencedTweets,
			gen.TweetFieldAttachments, gen.TweetFieldGeo},
		Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID, gen.TweetExpansionInReplyToUserID,
			gen.TweetExpansionReferencedTweetsID, gen.TweetExpansionAttachmentsMediaKeys,
			gen.TweetExpansionAttachmentsPollIds, gen.TweetExpansionGeoPlaceID},
		PlaceFields: []gen.PlaceField{gen.PlaceFieldFullName},
		PollFields:  []gen.PollField{gen.PollFieldOptions},
	}, PageOptions: PageOptions{MaxResults: 5}}
	checked := map[string]bool{}
	for _, author := range []string{testserver.AliceID, testserver.BobID, testserver.CarolID} {
		for p, err := range c.Tweets.UserTimelinePages(context.Background(), author, opts, nil) {
			if err != nil {
				t.Fatal(err)
			}
			for i := range p.Items {
				tw, in := &p.Items[i], p.Includes
				switch tw.ID {
				case testserver.MediaTweetID:
					media, missing := in.Media(tw)
					if len(media) != 2 || missing != nil || media[0].MediaKey != testserver.PhotoMediaKey || media[0].Type != "photo" ||
						media[1].MediaKey != testserver.VideoMediaKey || media[1].Type != "video" {
						t.Errorf("media Tweet: %v, missing %v", media, missing)
					}
				case testserver.PollTweetID:
					if p, ok := in.Poll(tw); !ok || p.ID != testserver.PollID || len(p.Options) == 0 {
						t.Errorf("poll Tweet: %+v, %v", p, ok)
					}
				case testserver.PlaceTweetID:
					if pl, ok := in.Place(tw); !ok || pl.ID != testserver.PlaceID || pl.FullName != "Manhattan, NY" {
						t.Errorf("place Tweet: %+v, %v", pl, ok)
					}
				case testserver.QuoteTweetID:
					if q, ok := in.QuotedTweet(tw); !ok || q.ID != testserver.ConversationRootID {
						t.Errorf("quote Tweet: %+v, %v", q, ok)
					}
				case testserver.RetweetID:
					if r, ok := in.RetweetedTweet(tw); !ok || r.ID != testserver.ConversationRootID {
						t.Errorf("retweet: %+v, %v", r, ok)
					}
				case testserver.ReplyID:
					r, ok := in.RepliedToTweet(tw)
					u, uok := in.InReplyToUser(tw)
					if !ok || r.ID != testserver.ConversationRootID || !uok || u.ID != testserver.AliceID {
						t.Errorf("reply: %+v, %v; to %+v, %v", r, ok, u, uok)
					}
				default:
					continue
				}
				checked[tw.ID] = true
				if a, ok := in.Author(tw); !ok || a.ID != author {
					t.Errorf("Tweet %s: author %+v, %v", tw.ID, a, ok)
				}
			}
		}
	}
	if len(checked) != 6 {
		t.Errorf("checked %d of the 6 seeded Tweets: %v", len(checked), checked)
	}
}

func TestTweetIteratorsRejectBadPageSizes(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	for name, seq := range map[string]func(yield func(gen.Tweet, error) bool){
		"search recent 9":   c.Tweets.SearchRecentIter(ctx, "go", &SearchOptions{MaxResults: 9}, nil),
		"search recent 101": c.Tweets.SearchRecentIter(ctx, "go", &SearchOptions{MaxResults: 101}, nil),
		"search all 501":    c.Tweets.SearchAllIter(ctx, "go", &SearchOptions{MaxResults: 501}, nil),
		"timeline 4":        c.Tweets.UserTimelineIter(ctx, testserver.JackID, &TimelineOptions{PageOptions: PageOptions{MaxResults: 4}}, nil),
		"mentions 101":      c.Tweets.MentionsIter(ctx, testserver.JackID, &TimelineOptions{PageOptions: PageOptions{MaxResults: 101}}, nil),
		"liked 4":           c.Tweets.LikedTweetsIter(ctx, testserver.JackID, &LikedTweetsOptions{PageOptions: PageOptions{MaxResults: 4}}, nil),
		"empty query":       c.Tweets.SearchRecentIter(ctx, "", nil, nil),
	} {
		n := 0
		for _, err := range seq {
			n++
			if !errors.Is(err, ErrInvalidArgument) {
				t.Errorf("%s: error = %v, want ErrInvalidArgument", name, err)
			}
			var pe *PageError
			if !errors.As(err, &pe) || pe.Pages != 0 {
				t.Errorf("%s: error = %v, want a *PageError before any page", name, err)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d yields, want 1", name, n)
		}
	}
	for name, seq := range map[string]func(yield func(gen.User, error) bool){
		"liking users 101": c.Tweets.LikingUsersIter(ctx, testserver.JackPinnedTweetID, &UserListOptions{PageOptions: PageOptions{MaxResults: 101}}, nil),
		"retweeted by 101": c.Tweets.RetweetedByIter(ctx, testserver.JackPinnedTweetID, &UserListOptions{PageOptions: PageOptions{MaxResults: 101}}, nil),
	} {
		for _, err := range seq {
			if !errors.Is(err, ErrInvalidArgument) {
				t.Errorf("%s: error = %v, want ErrInvalidArgument", name, err)
			}
		}
	}
	if len(log.reqs) != 0 {
		t.Errorf("%d requests sent for bad arguments", len(log.reqs))
	}
}

const followersPath = "/2/users/" + testserver.JackID + "/followers"

func TestFollowersIterPagesToTheEnd(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()

	got := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, nil, nil), userID)
	noDuplicates(t, got)
	if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), got); diff != "" {
		t.Errorf("followers (-world +iterated):\n%s", diff)
	}
	// 2,500 followers at the largest page size, 1000: three requests.
	qs := log.queries(followersPath)
	if len(qs) != 3 {
		t.Fatalf("%d requests, want 3", len(qs))
	}
	for i, q := range qs {
		if q.Get("max_results") != "1000" {
			t.Errorf("request %d: max_results=%q, want 1000", i+1, q.Get("max_results"))
		}
		if (i == 0) != (q.Get("pagination_token") == "") || q.Has("next_token") {
			t.Errorf("request %d: pagination_token=%q next_token=%q", i+1, q.Get("pagination_token"), q.Get("next_token"))
		}
	}
}

func TestFollowersPagesExposeTokens(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	opts := &UserListOptions{PageOptions: PageOptions{MaxResults: 900}}
	var pages []*UserPage
	for p, err := range c.Users.FollowersPages(context.Background(), testserver.JackID, opts, nil) {
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3", len(pages))
	}
	for i, p := range pages {
		if p.Number != i+1 || p.Response == nil || p.Response.StatusCode != 200 || p.Meta.ResultCount != len(p.Items) {
			t.Errorf("page %d: number %d, result_count %d of %d items", i+1, p.Number, p.Meta.ResultCount, len(p.Items))
		}
		if i > 0 && p.Token != pages[i-1].NextToken {
			t.Errorf("page %d was fetched with %q, want the previous page's next token %q", i+1, p.Token, pages[i-1].NextToken)
		}
		if i > 0 && p.Meta.PreviousToken == "" {
			t.Errorf("page %d has no previous token", i+1)
		}
	}
	if pages[2].NextToken != "" || len(pages[2].Items) != 700 {
		t.Errorf("last page: %d items, next token %q", len(pages[2].Items), pages[2].NextToken)
	}
}

func TestUserPagesResolvePinnedTweets(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken())
	opts := &UserListOptions{
		UserOptions: UserOptions{
			Expansions: []gen.UserExpansion{gen.UserExpansionPinnedTweetID},
			UserFields: []gen.UserField{gen.UserFieldPinnedTweetID},
		},
		PageOptions: PageOptions{MaxResults: 1},
	}
	pinned := 0
	for p, err := range c.Users.FollowingPages(context.Background(), testserver.AliceID, opts, nil) {
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.Items {
			u := &p.Items[i]
			if u.PinnedTweetID == "" {
				continue
			}
			tw, ok := p.Includes.PinnedTweet(u)
			if !ok || tw.ID != u.PinnedTweetID {
				t.Errorf("@%s: pinned Tweet %s not resolved", u.Username, u.PinnedTweetID)
				continue
			}
			if want, _ := s.World().Tweet(tw.ID); tw.Text != want.Text {
				t.Errorf("@%s: pinned Tweet text %q, the world has %q", u.Username, tw.Text, want.Text)
			}
			pinned++
		}
	}
	if pinned == 0 {
		t.Error("no followed account had a pinned Tweet: @jack's should be there")
	}
}

func TestUserGraphIterators(t *testing.T) {
	s := startFake(t)
	ctx := context.Background()
	alice, _ := iterClient(t, s, s.UserToken(testserver.AliceID))
	w := s.World()
	for _, tc := range []struct {
		name string
		got  []string
		want []string
	}{
		{"following", ids(t, alice.Users.FollowingIter(ctx, testserver.AliceID, nil, nil), userID), w.FollowingIDs(testserver.AliceID)},
		{"following of @jack, one a page", ids(t, alice.Users.FollowingIter(ctx, testserver.JackID,
			&UserListOptions{PageOptions: PageOptions{MaxResults: 1}}, nil), userID), w.FollowingIDs(testserver.JackID)},
		{"blocking", ids(t, alice.Users.BlockingIter(ctx, testserver.AliceID, nil, nil), userID), w.BlockingIDs(testserver.AliceID)},
		{"followers of Alice, three a page", ids(t, alice.Users.FollowersIter(ctx, testserver.AliceID,
			&UserListOptions{PageOptions: PageOptions{MaxResults: 3}}, nil), userID), w.FollowerIDs(testserver.AliceID)},
	} {
		if len(tc.want) == 0 {
			t.Fatalf("%s: the world has none; the test proves nothing", tc.name)
		}
		noDuplicates(t, tc.got)
		if diff := cmp.Diff(tc.want, tc.got); diff != "" {
			t.Errorf("%s (-world +iterated):\n%s", tc.name, diff)
		}
	}
}

func TestFollowersIterBreakEarly(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	before := goleak.IgnoreCurrent()

	n := 0
	for _, err := range c.Users.FollowersIter(context.Background(), testserver.JackID, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 1500 {
			break
		}
	}
	if got := len(log.queries(followersPath)); got != 2 {
		t.Errorf("breaking at item 1500 made %d requests, want 2", got)
	}
	// Nothing keeps running once the loop is left: no goroutine but the idle
	// connection's, which end when the transport closes it.
	log.next.(*http.Transport).CloseIdleConnections()
	goleak.VerifyNone(t, before)
}

func TestFollowersIterLimitsAndResume(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	world := s.World().FollowerIDs(testserver.JackID)

	// MaxItems below a page asks for only that many.
	got := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, nil, &IterOptions{MaxItems: 250}), userID)
	if diff := cmp.Diff(world[:250], got); diff != "" {
		t.Errorf("MaxItems 250 (-world +iterated):\n%s", diff)
	}
	if qs := log.queries(followersPath); len(qs) != 1 || qs[0].Get("max_results") != "250" {
		t.Errorf("MaxItems 250 sent %v, want one request for 250", qs)
	}

	// Stop after a page, save its NextToken, resume later.
	var first []string
	var saved string
	for p, err := range c.Users.FollowersPages(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 600}}, &IterOptions{MaxPages: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range p.Items {
			first = append(first, u.ID)
		}
		saved = p.NextToken
	}
	if len(first) != 600 || saved == "" {
		t.Fatalf("first page: %d items, next token %q", len(first), saved)
	}
	rest := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 600}}, &IterOptions{StartToken: saved}), userID)
	all := append(first, rest...)
	noDuplicates(t, all)
	if diff := cmp.Diff(world, all); diff != "" {
		t.Errorf("first page + resumed (-world +iterated):\n%s", diff)
	}

	// The token may come in the options instead.
	rest2 := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 600, PaginationToken: saved}}, nil), userID)
	if diff := cmp.Diff(rest, rest2); diff != "" {
		t.Errorf("resumed through PageOptions (-IterOptions +PageOptions):\n%s", diff)
	}
}

func TestFollowersIterRetriesA503MidWay(t *testing.T) {
	mc := testserver.NewManualClock(time.Time{})
	s := startFake(t, testserver.WithClock(mc))
	c, _ := iterClient(t, s, s.AppBearerToken(), withServerClock(mc))
	// The second page fails once; the default retry policy sends it again.
	s.Inject("GET /2/users/{id}/followers", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1, After: 1})

	var got []string
	attempts := []int{}
	for p, err := range c.Users.FollowersPages(context.Background(), testserver.JackID, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		attempts = append(attempts, p.Response.Attempts)
		for _, u := range p.Items {
			got = append(got, u.ID)
		}
	}
	noDuplicates(t, got)
	if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), got); diff != "" {
		t.Errorf("followers (-world +iterated):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 2, 1}, attempts); diff != "" {
		t.Errorf("attempts per page (-want +got):\n%s", diff)
	}
}

func TestFollowersIterA503WithoutRetriesCanBeResumed(t *testing.T) {
	s := startFake(t)
	c, _ := iterClient(t, s, s.AppBearerToken(), WithRetryPolicy(NoRetries()))
	s.Inject("GET /2/users/{id}/followers", testserver.Fault{Kind: testserver.FaultStatus, Status: 503, Times: 1, After: 1})
	ctx := context.Background()

	var got []string
	var pe *PageError
	for u, err := range c.Users.FollowersIter(ctx, testserver.JackID, nil, nil) {
		if err != nil {
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *PageError", err)
			}
			continue
		}
		got = append(got, u.ID)
	}
	if pe == nil {
		t.Fatal("no error from the injected 503")
	}
	if !IsServerError(pe) || pe.Pages != 1 || pe.Items != 1000 || pe.ResumeToken == "" || len(got) != 1000 {
		t.Fatalf("PageError %+v after %d items; want a 503 after one page of 1000 with a resume token", pe, len(got))
	}
	var apiErr *Error
	if !errors.As(pe, &apiErr) || apiErr.StatusCode != 503 {
		t.Errorf("errors.As(*Error) = %v", apiErr)
	}
	rest := ids(t, c.Users.FollowersIter(ctx, testserver.JackID, nil, &IterOptions{StartToken: pe.ResumeToken}), userID)
	all := append(got, rest...)
	noDuplicates(t, all)
	if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), all); diff != "" {
		t.Errorf("followers before the error + resumed (-world +iterated):\n%s", diff)
	}
}

func TestFollowersIterRateLimit(t *testing.T) {
	// Two requests per 15-minute window: the third page meets a 429.
	limited := func(t *testing.T) (*testserver.Server, *testserver.ManualClock) {
		mc := testserver.NewManualClock(time.Time{})
		return startFake(t, testserver.WithClock(mc),
			testserver.WithRateLimit("GET /2/users/{id}/followers", 2, 15*time.Minute)), mc
	}

	t.Run("WithRateLimitWait waits for the reset and carries on", func(t *testing.T) {
		s, mc := limited(t)
		c, log := iterClient(t, s, s.AppBearerToken(), WithRateLimitWait(20*time.Minute), withServerClock(mc))
		start := mc.Now()
		got := ids(t, c.Users.FollowersIter(context.Background(), testserver.JackID, nil, nil), userID)
		noDuplicates(t, got)
		if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), got); diff != "" {
			t.Errorf("followers (-world +iterated):\n%s", diff)
		}
		if waited := mc.Now().Sub(start); waited < 15*time.Minute || waited > 16*time.Minute {
			t.Errorf("waited %v on the server clock, want the 15-minute window", waited)
		}
		qs := log.queries(followersPath)
		if len(qs) != 4 || qs[2].Get("pagination_token") != qs[3].Get("pagination_token") {
			t.Errorf("requests %v; want the third page sent again with the same token", qs)
		}
	})

	t.Run("without it the error says where to resume", func(t *testing.T) {
		s, mc := limited(t)
		c, _ := iterClient(t, s, s.AppBearerToken(), withServerClock(mc))
		var got []string
		var last error
		for u, err := range c.Users.FollowersIter(context.Background(), testserver.JackID, nil, nil) {
			if err != nil {
				last = err
				break
			}
			got = append(got, u.ID)
		}
		var pe *PageError
		if !errors.As(last, &pe) || !IsRateLimited(last) {
			t.Fatalf("error = %v, want a rate-limited *PageError", last)
		}
		var apiErr *Error
		if !errors.As(last, &apiErr) || apiErr.RateLimit.Remaining != 0 || apiErr.RateLimit.Reset.IsZero() {
			t.Errorf("the *Error does not carry the rate limit: %+v", apiErr)
		}
		if pe.Pages != 2 || pe.Items != 2000 || len(got) != 2000 || pe.ResumeToken == "" {
			t.Fatalf("PageError %+v after %d items; want 2 pages, 2000 items and a token", pe, len(got))
		}
		mc.Set(apiErr.RateLimit.Reset) // the window resets
		rest := ids(t, c.Users.FollowersIter(context.Background(), testserver.JackID, nil, &IterOptions{StartToken: pe.ResumeToken}), userID)
		if diff := cmp.Diff(s.World().FollowerIDs(testserver.JackID), append(got, rest...)); diff != "" {
			t.Errorf("followers before the 429 + resumed (-world +iterated):\n%s", diff)
		}
	})
}

func TestUserIteratorsRejectBadArguments(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	for name, seq := range map[string]func(yield func(gen.User, error) bool){
		"max_results 1001": c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: 1001}}, nil),
		"max_results -1":   c.Users.FollowingIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{MaxResults: -1}}, nil),
		"empty user id":    c.Users.BlockingIter(ctx, "", nil, nil),
		"malformed id":     c.Users.FollowersIter(ctx, "@jack", nil, nil),
		"two tokens":       c.Users.FollowersIter(ctx, testserver.JackID, &UserListOptions{PageOptions: PageOptions{PaginationToken: "a"}}, &IterOptions{StartToken: "b"}),
		"negative limit":   c.Users.FollowersIter(ctx, testserver.JackID, nil, &IterOptions{MaxItems: -1}),
	} {
		n := 0
		for _, err := range seq {
			n++
			var pe *PageError
			if !errors.As(err, &pe) || pe.Pages != 0 {
				t.Errorf("%s: error = %v, want a *PageError before any page", name, err)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d yields, want 1", name, n)
		}
	}
	if len(log.reqs) != 0 {
		t.Errorf("%d requests sent for bad arguments", len(log.reqs))
	}
}

func TestRulesListIterPagesToTheEnd(t *testing.T) {
	s := startFake(t)
	c, log := iterClient(t, s, s.AppBearerToken())
	ctx := context.Background()
	var add []gen.RuleNoID
	for i := range 24 {
		tag := fmt.Sprintf("tag %d", i)
		add = append(add, gen.RuleNoID{Value: fmt.Sprintf("from:gopher%02d has:media", i%20+1) + fmt.Sprintf(" lang:%s", []string{"en", "es"}[i/20]), Tag: tag})
	}
	if _, _, err := c.Rules.Add(ctx, add, nil); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range s.World().Rules() {
		want = append(want, r.ID)
	}
	if len(want) != 25 {
		t.Fatalf("the world has %d rules, want the seeded one and 24 added", len(want))
	}

	ruleID := func(r gen.Rule) string { return r.ID }
	log.reqs = nil
	got := ids(t, c.Rules.ListIter(ctx, &RuleListOptions{MaxResults: 7}, nil), ruleID)
	noDuplicates(t, got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules (-world +iterated):\n%s", diff)
	}
	if n := len(log.queries("/2/tweets/search/stream/rules")); n != 4 {
		t.Errorf("%d requests for 25 rules at 7 a page, want 4", n)
	}

	// Selected ids, a page at a time, resumed half way.
	sel := []string{want[3], want[9], want[20], want[24]}
	var pages []*RulePage
	for p, err := range c.Rules.ListPages(ctx, &RuleListOptions{IDs: sel, MaxResults: 2}, &IterOptions{MaxPages: 1}) {
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) != 1 || pages[0].NextToken == "" || pages[0].Meta.ResultCount != 2 {
		t.Fatalf("first page of the selection: %+v", pages)
	}
	rest := ids(t, c.Rules.ListIter(ctx, &RuleListOptions{IDs: sel, MaxResults: 2}, &IterOptions{StartToken: pages[0].NextToken}), ruleID)
	if diff := cmp.Diff(sel, append([]string{pages[0].Items[0].ID, pages[0].Items[1].ID}, rest...)); diff != "" {
		t.Errorf("selected rules (-want +got):\n%s", diff)
	}

	// By default a page is the largest, 1000: one request.
	log.reqs = nil
	if got := ids(t, c.Rules.ListIter(ctx, nil, nil), ruleID); len(got) != 25 {
		t.Errorf("%d rules", len(got))
	}
	if qs := log.queries("/2/tweets/search/stream/rules"); len(qs) != 1 || qs[0].Get("max_results") != "1000" {
		t.Errorf("requests %v, want one with max_results=1000", qs)
	}
}

// Iterators of the timelines, mutes, Lists, bookmarks and direct messages, each against the
// fake X API: every item once, in the world's order, in as many requests as the page size
// makes.

func listID(l gen.List) string { return l.ID }

func dmEventID(e gen.DmEvent) string { return e.ID }

// pageCount counts the requests an iteration sent to path, each with the page size asked.
func pageCount(t *testing.T, log *requestLog, path, maxResults string) int {
	t.Helper()
	qs := log.queries(path)
	for i, q := range qs {
		if q.Get("max_results") != maxResults {
			t.Errorf("%s request %d: max_results=%q, want %s", path, i+1, q.Get("max_results"), maxResults)
		}
		if (i == 0) == (q.Get("pagination_token") != "" || q.Get("next_token") != "") {
			t.Errorf("%s request %d: token %q / %q", path, i+1, q.Get("pagination_token"), q.Get("next_token"))
		}
	}
	return len(qs)
}

func TestTimelineListAndDMIteratorsPageToTheEnd(t *testing.T) {
	s := startFake(t)
	ctx := context.Background()
	w := s.World()
	alice, aliceLog := iterClient(t, s, s.UserToken(testserver.AliceID))
	bob, bobLog := iterClient(t, s, s.UserToken(testserver.BobID))
	app, appLog := iterClient(t, s, s.AppBearerToken())
	gophers, _ := w.List(testserver.GophersListID)
	ticketed, _ := w.Space(testserver.TicketedSpaceID)

	for _, tc := range []struct {
		name      string
		got, want []string
		log       *requestLog
		path, max string
		requests  int
	}{
		{"home timeline, 100 a page", ids(t, alice.Tweets.HomeTimelineIter(ctx, testserver.AliceID, nil, nil), tweetID), w.HomeTimelineIDs(testserver.AliceID),
			aliceLog, "/2/users/" + testserver.AliceID + "/timelines/reverse_chronological", "100", (len(w.HomeTimelineIDs(testserver.AliceID)) + 99) / 100},
		{"muting, one a page", ids(t, alice.Users.MutingIter(ctx, testserver.AliceID, &UserListOptions{PageOptions: PageOptions{MaxResults: 1}}, nil), userID), w.MutingIDs(testserver.AliceID),
			aliceLog, "/2/users/" + testserver.AliceID + "/muting", "1", len(w.MutingIDs(testserver.AliceID))},
		{"List members, six a page", ids(t, app.Lists.MembersIter(ctx, testserver.GophersListID, &UserListOptions{PageOptions: PageOptions{MaxResults: 6}}, nil), userID), gophers.MemberIDs,
			appLog, "/2/lists/" + testserver.GophersListID + "/members", "6", 4},
		{"List followers, two a page", ids(t, app.Lists.FollowersIter(ctx, testserver.GophersListID, &UserListOptions{PageOptions: PageOptions{MaxResults: 2}}, nil), userID), gophers.FollowerIDs,
			appLog, "/2/lists/" + testserver.GophersListID + "/followers", "2", 2},
		{"followed Lists, one a page", ids(t, app.Lists.FollowedIter(ctx, testserver.AliceID, &ListPageOptions{PageOptions: PageOptions{MaxResults: 1}}, nil), listID), w.FollowedListIDs(testserver.AliceID),
			appLog, "/2/users/" + testserver.AliceID + "/followed_lists", "1", len(w.FollowedListIDs(testserver.AliceID))},
		{"owned Lists, the owner asking", ids(t, alice.Lists.OwnedIter(ctx, testserver.AliceID, &ListPageOptions{PageOptions: PageOptions{MaxResults: 1}}, nil), listID), w.OwnedListIDs(testserver.AliceID),
			aliceLog, "/2/users/" + testserver.AliceID + "/owned_lists", "1", len(w.OwnedListIDs(testserver.AliceID))},
		{"List memberships", ids(t, app.Lists.MembershipsIter(ctx, testserver.JackID, nil, nil), listID), w.ListMembershipIDs(testserver.JackID),
			appLog, "/2/users/" + testserver.JackID + "/list_memberships", "100", 1},
		{"bookmarks, seven a page", ids(t, alice.Bookmarks.ListIter(ctx, testserver.AliceID, &TweetListOptions{PageOptions: PageOptions{MaxResults: 7}}, nil), tweetID), w.BookmarkIDs(testserver.AliceID),
			aliceLog, "/2/users/" + testserver.AliceID + "/bookmarks", "7", 3},
		{"DM events, ten a page", ids(t, alice.DirectMessages.EventsIter(ctx, &DMEventsOptions{PageOptions: PageOptions{MaxResults: 10}}, nil), dmEventID), eventIDs(w.DMEvents(testserver.AliceID, "")),
			aliceLog, "/2/dm_events", "10", (testserver.AliceDMEventCount + 9) / 10},
		{"conversation events", ids(t, alice.DirectMessages.ConversationEventsIter(ctx, testserver.AliceBobConversationID, &DMEventsOptions{PageOptions: PageOptions{MaxResults: 10}}, nil), dmEventID),
			eventIDs(w.DMEvents(testserver.AliceID, testserver.AliceBobConversationID)),
			aliceLog, "/2/dm_conversations/" + testserver.AliceBobConversationID + "/dm_events", "10", 3},
		{"events with Alice, as Bob", ids(t, bob.DirectMessages.EventsWithIter(ctx, testserver.AliceID, &DMEventsOptions{PageOptions: PageOptions{MaxResults: 10}}, nil), dmEventID),
			eventIDs(w.DMEvents(testserver.BobID, testserver.AliceBobConversationID)),
			bobLog, "/2/dm_conversations/with/" + testserver.AliceID + "/dm_events", "10", 3},
		{"ticket buyers, one a page", ids(t, bob.Spaces.BuyersIter(ctx, testserver.TicketedSpaceID, &UserListOptions{PageOptions: PageOptions{MaxResults: 1}}, nil), userID), ticketed.BuyerIDs,
			bobLog, "/2/spaces/" + testserver.TicketedSpaceID + "/buyers", "1", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.want) == 0 {
				t.Fatal("the world has none; the test proves nothing")
			}
			noDuplicates(t, tc.got)
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-world +iterated):\n%s", diff)
			}
			if n := pageCount(t, tc.log, tc.path, tc.max); n != tc.requests {
				t.Errorf("%d requests, want %d", n, tc.requests)
			}
		})
	}
}

func eventIDs(events []testserver.DMEvent) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

func TestRetweetsAndQuoteIterators(t *testing.T) {
	s := startFake(t)
	ctx := context.Background()
	w := s.World()
	c, log := iterClient(t, s, s.AppBearerToken())

	// The Retweets of the conversation root, one a page.
	var retweets, authors []string
	for tw, err := range c.Tweets.RetweetsIter(ctx, testserver.ConversationRootID, &TweetListOptions{
		TweetOptions: TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldReferencedTweets}},
		PageOptions:  PageOptions{MaxResults: 1},
	}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if refs := tw.ReferencedTweets; len(refs) != 1 || refs[0].Type != "retweeted" || refs[0].ID != testserver.ConversationRootID {
			t.Errorf("Retweet %s references %+v", tw.ID, refs)
		}
		retweets = append(retweets, tw.ID)
		authors = append(authors, tw.AuthorID)
	}
	want := w.RetweeterIDs(testserver.ConversationRootID)
	slices.Sort(want)
	slices.Sort(authors)
	if diff := cmp.Diff(want, authors); diff != "" || !slices.Contains(retweets, testserver.RetweetID) {
		t.Errorf("Retweets %v; authors (-retweeters +got):\n%s", retweets, diff)
	}
	if n := pageCount(t, log, "/2/tweets/"+testserver.ConversationRootID+"/retweets", "1"); n != len(retweets) {
		t.Errorf("%d requests for %d Retweets, one a page", n, len(retweets))
	}

	// The quotes of the conversation root, as pages of the smallest size X takes.
	var quotes []string
	for p, err := range c.Tweets.QuoteTweetsPages(ctx, testserver.ConversationRootID, &QuoteTweetsOptions{PageOptions: PageOptions{MaxResults: 10}}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		for _, tw := range p.Items {
			quotes = append(quotes, tw.ID)
		}
	}
	if !slices.Contains(quotes, testserver.QuoteTweetID) {
		t.Errorf("quotes of the root %v do not hold Carol's %s", quotes, testserver.QuoteTweetID)
	}
	for _, id := range quotes {
		if tw, _ := w.Tweet(id); !slices.ContainsFunc(tw.ReferencedTweets, func(r testserver.ReferencedTweet) bool {
			return r.Type == "quoted" && r.ID == testserver.ConversationRootID
		}) {
			t.Errorf("%s does not quote the root", id)
		}
	}
}

func TestUserSearchAndListTweetIterators(t *testing.T) {
	s := startFake(t)
	ctx := context.Background()
	c, log := iterClient(t, s, s.UserToken(testserver.AliceID))

	var found []string
	for u, err := range c.Users.SearchIter(ctx, "gopher", &UserSearchOptions{MaxResults: 7}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ToLower(u.Username+u.Name), "gopher") {
			t.Errorf("@%s does not match the query", u.Username)
		}
		found = append(found, u.ID)
	}
	noDuplicates(t, found)
	if len(found) < testserver.GophersListMemberCount {
		t.Errorf("found %d gophers, want at least %d", len(found), testserver.GophersListMemberCount)
	}
	if n := pageCount(t, log, "/2/users/search", "7"); n != (len(found)+6)/7 {
		t.Errorf("%d requests for %d users", n, len(found))
	}
	for _, q := range log.queries("/2/users/search")[1:] {
		if q.Get("next_token") == "" || q.Has("pagination_token") {
			t.Errorf("user search pages with next_token: %v", q)
		}
	}

	gophers, _ := s.World().List(testserver.GophersListID)
	members := map[string]bool{}
	for _, id := range gophers.MemberIDs {
		members[id] = true
	}
	n := 0
	for tw, err := range c.Lists.TweetsIter(ctx, testserver.GophersListID, &TweetListOptions{TweetOptions: TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldAuthorID}}}, &IterOptions{MaxItems: 150}) {
		if err != nil {
			t.Fatal(err)
		}
		if !members[tw.AuthorID] {
			t.Errorf("Tweet %s by %s, not a member", tw.ID, tw.AuthorID)
		}
		n++
	}
	if n != 150 || pageCount(t, log, "/2/lists/"+testserver.GophersListID+"/tweets", "100") != 2 {
		t.Errorf("MaxItems 150 yielded %d Tweets in %d requests", n, len(log.queries("/2/lists/"+testserver.GophersListID+"/tweets")))
	}
}

func TestTimelineListAndDMIteratorsRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for name, seq := range map[string]func(yield func(struct{}, error) bool){
		"QuoteTweets page size": drop(c.Tweets.QuoteTweetsIter(ctx, "20", &QuoteTweetsOptions{PageOptions: PageOptions{MaxResults: 5}}, nil)),
		"HomeTimeline id":       drop(c.Tweets.HomeTimelineIter(ctx, "me", nil, nil)),
		"Muting page size":      drop(c.Users.MutingIter(ctx, "12", &UserListOptions{PageOptions: PageOptions{MaxResults: 1001}}, nil)),
		"Search query":          drop(c.Users.SearchIter(ctx, "from:jack", nil, nil)),
		"Lists members token":   drop(c.Lists.MembersIter(ctx, "1", &UserListOptions{PageOptions: PageOptions{PaginationToken: "a"}}, &IterOptions{StartToken: "b"})),
		"Owned negative limit":  drop(c.Lists.OwnedIter(ctx, "12", nil, &IterOptions{MaxItems: -1})),
		"Bookmarks page size":   drop(c.Bookmarks.ListIter(ctx, "12", &TweetListOptions{PageOptions: PageOptions{MaxResults: 101}}, nil)),
		"DM event types":        drop(c.DirectMessages.EventsIter(ctx, &DMEventsOptions{EventTypes: []gen.ListDMEventsParamsEventTypes{"Typing"}}, nil)),
		"Buyers id":             drop(c.Spaces.BuyersIter(ctx, "", nil, nil)),
	} {
		n := 0
		for _, err := range seq {
			n++
			var pe *PageError
			if !errors.Is(err, ErrInvalidArgument) || !errors.As(err, &pe) {
				t.Errorf("%s: err = %v, want a *PageError wrapping ErrInvalidArgument", name, err)
			}
		}
		if n != 1 {
			t.Errorf("%s: %d yields, want the one error", name, n)
		}
	}
}

// drop forgets the items of an iterator, keeping its errors.
func drop[T any](seq func(yield func(T, error) bool)) func(yield func(struct{}, error) bool) {
	return func(yield func(struct{}, error) bool) {
		for _, err := range seq {
			if !yield(struct{}{}, err) {
				return
			}
		}
	}
}
