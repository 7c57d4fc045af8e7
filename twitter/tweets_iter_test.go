package twitter

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

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
