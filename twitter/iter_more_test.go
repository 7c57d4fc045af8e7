package twitter

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

// Iterators of the timelines, mutes, Lists, bookmarks and direct messages, each against the
// fake X API: every item once, in the world's order, in as many requests as the page size
// makes.

func listID(l gen.List) string       { return l.ID }
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
