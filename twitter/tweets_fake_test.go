package twitter_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// richTweetOpts expands everything a Tweet can point at.
var richTweetOpts = twitter.TweetOptions{
	TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldCreatedAt, gen.TweetFieldAttachments, gen.TweetFieldGeo},
	Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID, gen.TweetExpansionAttachmentsMediaKeys,
		gen.TweetExpansionAttachmentsPollIds, gen.TweetExpansionGeoPlaceID},
	MediaFields: []gen.MediaField{gen.MediaFieldType, gen.MediaFieldURL},
	PollFields:  []gen.PollField{gen.PollFieldVotingStatus},
	UserFields:  []gen.UserField{gen.UserFieldCreatedAt},
	PlaceFields: []gen.PlaceField{gen.PlaceFieldCountryCode},
}

// checkTweets compares decoded Tweets with the server's, and checks that includes hold
// their authors, media, polls and places.
func checkTweets(t *testing.T, s *testserver.Server, got []gen.Tweet, inc *gen.Expansions) {
	t.Helper()
	var inc0 gen.Expansions
	if inc != nil {
		inc0 = *inc
	}
	for _, tw := range got {
		want, ok := s.World().Tweet(tw.ID)
		if !ok {
			t.Fatalf("tweet %s is not in the world", tw.ID)
		}
		if tw.Text != want.Text || tw.AuthorID != want.AuthorID || !tw.CreatedAt.Equal(want.CreatedAt) {
			t.Errorf("tweet = %+v, world has %+v", tw, want)
		}
		if !slices.ContainsFunc(inc0.Users, func(u gen.User) bool { return u.ID == want.AuthorID && !u.CreatedAt.IsZero() }) {
			t.Errorf("includes.users lacks author %s of %s", want.AuthorID, tw.ID)
		}
		for _, key := range want.MediaKeys {
			if !slices.ContainsFunc(inc0.Media, func(m gen.Media) bool { return m.MediaKey == key && m.Type != "" }) {
				t.Errorf("includes.media lacks %s of %s", key, tw.ID)
			}
		}
		if want.PollID != "" && !slices.ContainsFunc(inc0.Polls, func(p gen.Poll) bool { return p.ID == want.PollID && p.VotingStatus != "" }) {
			t.Errorf("includes.polls lacks %s of %s", want.PollID, tw.ID)
		}
		if want.PlaceID != "" && !slices.ContainsFunc(inc0.Places, func(p gen.Place) bool { return p.ID == want.PlaceID && p.CountryCode != "" }) {
			t.Errorf("includes.places lacks %s of %s", want.PlaceID, tw.ID)
		}
	}
}

// visible keeps the Tweets of ids that viewer ("" for the app) may see: not those of a
// protected author viewer does not follow.
func visible(s *testserver.Server, viewer string, ids []string) []string {
	var out []string
	for _, id := range ids {
		tw, _ := s.World().Tweet(id)
		author, _ := s.World().User(tw.AuthorID)
		if !author.Protected || tw.AuthorID == viewer || slices.Contains(s.World().FollowingIDs(viewer), tw.AuthorID) {
			out = append(out, id)
		}
	}
	return out
}

func TestFakeTweetsLookup(t *testing.T) {
	s := fake(t)
	ids := []string{testserver.MediaTweetID, testserver.PollTweetID, testserver.ProtectedTweetID, testserver.PlaceTweetID, testserver.NonexistentID}
	res, resp, err := appClient(t, s).Tweets.Lookup(context.Background(), ids, &richTweetOpts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.MediaTweetID, testserver.PollTweetID, testserver.PlaceTweetID}, tweetIDs(res.Data)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	checkTweets(t, s, res.Data, &res.Includes)
	var kinds []string
	for _, p := range resp.PartialErrors {
		kinds = append(kinds, twitter.ProblemType(p.Type)+" "+p.ResourceID)
	}
	want := []string{twitter.ProblemResourceUnauthorized + " " + testserver.ProtectedTweetID, twitter.ProblemResourceNotFound + " " + testserver.NonexistentID}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("partial errors (-want +got):\n%s", diff)
	}
}

func TestFakeTweetsByID(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	for _, id := range []string{testserver.MediaTweetID, testserver.PollTweetID, testserver.PlaceTweetID} {
		res, _, err := c.Tweets.ByID(ctx, id, &richTweetOpts)
		if err != nil {
			t.Fatal(err)
		}
		checkTweets(t, s, []gen.Tweet{res.Data}, &res.Includes)
	}

	_, _, err := c.Tweets.ByID(ctx, testserver.ProtectedTweetID, nil)
	wantError(t, err, 200, twitter.ProblemResourceUnauthorized)
	_, _, err = c.Tweets.ByID(ctx, testserver.NonexistentID, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
	// The author may see their protected Tweet.
	if _, _, err := userClient(t, s, testserver.ErinID).Tweets.ByID(ctx, testserver.ProtectedTweetID, nil); err != nil {
		t.Errorf("author reading their protected Tweet: %v", err)
	}
}

func TestFakeTweetsSearchRecent(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	all, err := s.World().SearchIDs(testserver.SearchThousandQuery)
	if err != nil {
		t.Fatal(err)
	}
	opts := &twitter.SearchOptions{TweetOptions: richTweetOpts, MaxResults: 100}
	first, _, err := c.Tweets.SearchRecent(ctx, testserver.SearchThousandQuery, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all[:100], tweetIDs(first.Data)); diff != "" {
		t.Errorf("first page (-want +got):\n%s", diff)
	}
	checkTweets(t, s, first.Data, &first.Includes)
	opts.NextToken = first.Meta.NextToken
	second, _, err := c.Tweets.SearchRecent(ctx, testserver.SearchThousandQuery, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all[100:200], tweetIDs(second.Data)); diff != "" {
		t.Errorf("second page (-want +got):\n%s", diff)
	}

	_, _, err = c.Tweets.SearchRecent(ctx, "(gopher", nil)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
}

func TestFakeTweetsSearchAll(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	newest, _ := s.World().Tweet(testserver.MediaTweetID)
	opts := &twitter.SearchOptions{MaxResults: 500, EndTime: newest.CreatedAt, SortOrder: "recency",
		TweetOptions: twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt}}}
	res, _, err := appClient(t, s).Tweets.SearchAll(ctx, testserver.SearchThousandQuery, opts)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := s.World().SearchIDs(testserver.SearchThousandQuery)
	var want []string
	for _, id := range all {
		if tw, _ := s.World().Tweet(id); tw.CreatedAt.Before(newest.CreatedAt) && len(want) < 500 {
			want = append(want, id)
		}
	}
	if diff := cmp.Diff(want, tweetIDs(res.Data)); diff != "" || len(want) == 0 {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	for _, tw := range res.Data {
		if !tw.CreatedAt.Before(newest.CreatedAt) {
			t.Errorf("tweet %s at %v is not before end_time %v", tw.ID, tw.CreatedAt, newest.CreatedAt)
		}
	}

	_, _, err = userClient(t, s, testserver.AliceID).Tweets.SearchAll(ctx, testserver.SearchThousandQuery, nil)
	wantUnsupportedAuth(t, err)
}

// countWindow is the week of the seeded Tweets.
var countWindow = twitter.CountOptions{
	StartTime:   testserver.SeedTime.Add(-7 * 24 * time.Hour),
	EndTime:     testserver.SeedTime,
	Granularity: gen.GranularityDay,
}

func checkCounts(t *testing.T, res *gen.TweetCountsResponse, total int) {
	t.Helper()
	sum := 0
	for _, b := range res.Data {
		sum += int(b.TweetCount)
	}
	if len(res.Data) != 7 || sum != total || int(res.Meta.TotalTweetCount) != total {
		t.Errorf("%d buckets, sum %d, meta %+v; want 7 buckets of %d Tweets", len(res.Data), sum, res.Meta, total)
	}
}

func TestFakeTweetsCountRecent(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	res, _, err := c.Tweets.CountRecent(ctx, testserver.SearchThousandQuery, &countWindow)
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, res, testserver.SearchThousandCount)

	_, _, err = c.Tweets.CountRecent(ctx, "gopher OR", &countWindow)
	wantError(t, err, 400, twitter.ProblemInvalidRequest)
}

func TestFakeTweetsCountAll(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Tweets.CountAll(ctx, testserver.SearchThousandQuery, &countWindow)
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, res, testserver.SearchThousandCount)

	_, _, err = userClient(t, s, testserver.AliceID).Tweets.CountAll(ctx, testserver.SearchThousandQuery, &countWindow)
	wantUnsupportedAuth(t, err)
}

func TestFakeTweetsUserTimeline(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	all := s.World().UserTweetIDs(testserver.XDevelopersID)
	res, _, err := c.Tweets.UserTimeline(ctx, testserver.XDevelopersID, &twitter.TimelineOptions{TweetOptions: richTweetOpts, PageOptions: twitter.PageOptions{MaxResults: 100}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all[:100], tweetIDs(res.Data)); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	checkTweets(t, s, res.Data, &res.Includes)

	// Without replies and Retweets, from Alice's Tweets.
	var want []string
	for _, id := range s.World().UserTweetIDs(testserver.AliceID) {
		tw, _ := s.World().Tweet(id)
		if !slices.ContainsFunc(tw.ReferencedTweets, func(r testserver.ReferencedTweet) bool { return r.Type != "quoted" }) {
			want = append(want, id)
		}
	}
	res, _, err = c.Tweets.UserTimeline(ctx, testserver.AliceID, &twitter.TimelineOptions{
		PageOptions: twitter.PageOptions{MaxResults: 100},
		Exclude:     []gen.ListUserTweetsParamsExclude{gen.ListUserTweetsParamsExcludeReplies, gen.ListUserTweetsParamsExcludeRetweets},
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want[:min(100, len(want))], tweetIDs(res.Data)); diff != "" {
		t.Errorf("timeline without replies and Retweets (-want +got):\n%s", diff)
	}

	_, _, err = c.Tweets.UserTimeline(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	_, _, err = c.Tweets.UserTimeline(ctx, testserver.ErinID, nil)
	wantError(t, err, 200, twitter.ProblemResourceUnauthorized)
}

func TestFakeTweetsMentions(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	want := visible(s, "", s.World().MentionIDs(testserver.AliceID))
	opts := &twitter.TimelineOptions{PageOptions: twitter.PageOptions{MaxResults: 100}, TweetOptions: richTweetOpts}
	res, _, err := c.Tweets.Mentions(ctx, testserver.AliceID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want[:100], tweetIDs(res.Data)); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	checkTweets(t, s, res.Data, &res.Includes)
	opts.PaginationToken = res.Meta.NextToken
	res, _, err = c.Tweets.Mentions(ctx, testserver.AliceID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want[100:200], tweetIDs(res.Data)); diff != "" {
		t.Errorf("second page (-want +got):\n%s", diff)
	}

	_, _, err = c.Tweets.Mentions(ctx, testserver.NonexistentID, nil)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

func TestFakeTweetsLikedTweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Tweets.LikedTweets(ctx, testserver.AliceID, &twitter.LikedTweetsOptions{TweetOptions: richTweetOpts, PageOptions: twitter.PageOptions{MaxResults: 100}})
	if err != nil {
		t.Fatal(err)
	}
	want := visible(s, testserver.AliceID, s.World().LikedTweetIDs(testserver.AliceID))
	if diff := cmp.Diff(want, tweetIDs(res.Data)); diff != "" || len(want) == 0 {
		t.Errorf("liked (-want +got):\n%s", diff)
	}
	checkTweets(t, s, res.Data, &res.Includes)

	_, _, err = appClient(t, s).Tweets.LikedTweets(ctx, testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeTweetsLikingUsers(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.AliceID).Tweets.LikingUsers(ctx, testserver.JackPinnedTweetID, &twitter.UserListOptions{PageOptions: twitter.PageOptions{MaxResults: 100}})
	if err != nil {
		t.Fatal(err)
	}
	all := s.World().LikingUserIDs(testserver.JackPinnedTweetID)
	if diff := cmp.Diff(all[:100], userIDs(res.Data)); diff != "" || len(all) != testserver.JackPinnedLikeCount {
		t.Errorf("likers (-want +got):\n%s", diff)
	}

	_, _, err = appClient(t, s).Tweets.LikingUsers(ctx, testserver.JackPinnedTweetID, nil)
	wantUnsupportedAuth(t, err)
}

func TestFakeTweetsRetweetedBy(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	opts := &twitter.UserListOptions{PageOptions: twitter.PageOptions{MaxResults: 100}, UserOptions: twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldCreatedAt}}}
	res, _, err := c.Tweets.RetweetedBy(ctx, testserver.JackPinnedTweetID, opts)
	if err != nil {
		t.Fatal(err)
	}
	all := s.World().RetweeterIDs(testserver.JackPinnedTweetID)
	if diff := cmp.Diff(all[:100], userIDs(res.Data)); diff != "" {
		t.Errorf("retweeters (-want +got):\n%s", diff)
	}
	opts.PaginationToken = res.Meta.NextToken
	res, _, err = c.Tweets.RetweetedBy(ctx, testserver.JackPinnedTweetID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(all[100:], userIDs(res.Data)); diff != "" || res.Meta.NextToken != "" {
		t.Errorf("last page (-want +got):\n%s", diff)
	}

	_, _, err = c.Tweets.RetweetedBy(ctx, testserver.NonexistentID, nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeTweetsLike(t *testing.T) {
	s := fake(t)
	c := userClient(t, s, testserver.AliceID)
	ctx := context.Background()
	res, _, err := c.Tweets.Like(ctx, testserver.AliceID, testserver.PollTweetID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Liked || s.World().LikedTweetIDs(testserver.AliceID)[0] != testserver.PollTweetID ||
		!slices.Contains(s.World().LikingUserIDs(testserver.PollTweetID), testserver.AliceID) {
		t.Errorf("like = %+v; world does not show it", res.Data)
	}

	res, _, err = c.Tweets.Like(ctx, testserver.AliceID, testserver.NonexistentID)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
	if res == nil || res.Data.Liked {
		t.Errorf("failed like returned %+v", res)
	}
}

func TestFakeTweetsUnlike(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	liked := s.World().LikedTweetIDs(testserver.AliceID)[0]
	res, _, err := userClient(t, s, testserver.AliceID).Tweets.Unlike(ctx, testserver.AliceID, liked)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Liked || slices.Contains(s.World().LikedTweetIDs(testserver.AliceID), liked) {
		t.Errorf("unlike = %+v; world still has the like", res.Data)
	}

	_, _, err = appClient(t, s).Tweets.Unlike(ctx, testserver.AliceID, liked)
	wantUnsupportedAuth(t, err)
}

func TestFakeTweetsRetweet(t *testing.T) {
	s := fake(t)
	c := userClient(t, s, testserver.CarolID)
	ctx := context.Background()
	res, _, err := c.Tweets.Retweet(ctx, testserver.CarolID, testserver.MediaTweetID)
	if err != nil {
		t.Fatal(err)
	}
	rt, ok := s.World().Tweet(res.Data.ID)
	if !res.Data.Retweeted || !ok || rt.AuthorID != testserver.CarolID ||
		!slices.Contains(s.World().RetweeterIDs(testserver.MediaTweetID), testserver.CarolID) {
		t.Errorf("retweet = %+v; world has %+v", res.Data, rt)
	}

	_, _, err = c.Tweets.Retweet(ctx, testserver.CarolID, testserver.NonexistentID)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
	_, _, err = appClient(t, s).Tweets.Retweet(ctx, testserver.CarolID, testserver.PollTweetID)
	wantUnsupportedAuth(t, err)
}

func TestFakeTweetsUnretweet(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	if !slices.Contains(s.World().RetweeterIDs(testserver.ConversationRootID), testserver.BobID) {
		t.Fatal("seed: Bob did not retweet the conversation root")
	}
	res, _, err := userClient(t, s, testserver.BobID).Tweets.Unretweet(ctx, testserver.BobID, testserver.ConversationRootID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Retweeted || slices.Contains(s.World().RetweeterIDs(testserver.ConversationRootID), testserver.BobID) {
		t.Errorf("unretweet = %+v; world still has the Retweet", res.Data)
	}

	_, _, err = appClient(t, s).Tweets.Unretweet(ctx, testserver.BobID, testserver.ConversationRootID)
	wantUnsupportedAuth(t, err)
}

func TestFakeTweetsHideReply(t *testing.T) {
	s := fake(t)
	alice := userClient(t, s, testserver.AliceID)
	ctx := context.Background()
	res, _, err := alice.Tweets.HideReply(ctx, testserver.ReplyID, true)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Data.Hidden || !s.World().IsHidden(testserver.ReplyID) {
		t.Errorf("hide = %+v; world hidden %v", res.Data, s.World().IsHidden(testserver.ReplyID))
	}
	res, _, err = alice.Tweets.HideReply(ctx, testserver.HiddenReplyID, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Hidden || s.World().IsHidden(testserver.HiddenReplyID) {
		t.Errorf("unhide = %+v; world hidden %v", res.Data, s.World().IsHidden(testserver.HiddenReplyID))
	}

	// Only the author of the conversation may hide replies in it.
	_, _, err = userClient(t, s, testserver.BobID).Tweets.HideReply(ctx, testserver.ReplyID, false)
	wantError(t, err, 403, "")
	_, _, err = alice.Tweets.HideReply(ctx, testserver.NonexistentID, true)
	if !twitter.IsNotFound(err) {
		t.Errorf("err = %v, want not found", err)
	}
}

// The newer Tweet fields, asked for by their typed names, decode into the generated Tweet.
func TestFakeTweetsNewerFields(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	newer := &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldArticle, gen.TweetFieldArticleTitle,
		gen.TweetFieldCardURI, gen.TweetFieldMediaMetadata, gen.TweetFieldMatchedMediaNotes,
		gen.TweetFieldNoteRequestSuggestions, gen.TweetFieldPaidPartnership}}
	ids := []string{testserver.PlaceTweetID, testserver.MediaTweetID, testserver.JackPinnedTweetID, testserver.HiddenReplyID}
	res, _, err := appClient(t, s).Tweets.Lookup(ctx, ids, newer)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ids, tweetIDs(res.Data)); diff != "" {
		t.Fatalf("ids (-want +got):\n%s", diff)
	}
	paid, media, article, noted := res.Data[0], res.Data[1], res.Data[2], res.Data[3]
	if !paid.PaidPartnership || media.PaidPartnership || paid.Article != nil || paid.MediaMetadata != nil {
		t.Errorf("paid partnership: %+v; media Tweet paid = %v", paid, media.PaidPartnership)
	}
	wantMeta := []gen.TweetMediaMetadata{
		{MediaKey: testserver.PhotoMediaKey, AltText: "A gopher on a laptop", Title: "My desk", Description: "The laptop and its gopher sticker"},
		{MediaKey: testserver.VideoMediaKey, Title: "A day at the desk"},
	}
	if diff := cmp.Diff(wantMeta, media.MediaMetadata); diff != "" {
		t.Errorf("media_metadata (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]gen.TweetMatchedMediaNote{{NoteID: testserver.MatchedMediaNoteID, MatchStatus: "matched"}}, media.MatchedMediaNotes); diff != "" {
		t.Errorf("matched_media_notes (-want +got):\n%s", diff)
	}
	if article.Article["title"] != testserver.JackArticleTitle || article.ArticleTitle != testserver.JackArticleTitle {
		t.Errorf("article = %v, article_title = %v", article.Article, article.ArticleTitle)
	}
	if len(noted.NoteRequestSuggestions) != 1 || noted.NoteRequestSuggestions[0].SuggestionID != testserver.NoteRequestSuggestID ||
		noted.NoteRequestSuggestions[0].Suggestion == "" {
		t.Errorf("note_request_suggestions = %+v", noted.NoteRequestSuggestions)
	}

	// Posted as a paid partnership with a card: read back through the typed fields.
	alice := userClient(t, s, testserver.AliceID, "tweet.read", "tweet.write", "users.read")
	created, _, err := alice.Tweets.Create(ctx, twitter.NewTweet{Text: "Brought to you by our sponsor", CardURI: "card://1700000000000000777", PaidPartnership: true})
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := alice.Tweets.ByID(ctx, created.Data.ID, newer)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Data.PaidPartnership || got.Data.CardURI != "card://1700000000000000777" || got.Data.Article != nil {
		t.Errorf("created Tweet read back: %+v", got.Data)
	}
}
