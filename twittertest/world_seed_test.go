package twittertest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/twitter"
	"github.com/twitterkit/go/twittertest"
)

func TestWorldAddUserAndTweet(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	u, err := w.AddUser(twittertest.User{Username: "mybot", Description: "a bot under test"})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == "" || u.Name != "mybot" || u.VerifiedType != "none" || u.CreatedAt.IsZero() {
		t.Errorf("AddUser filled in %+v", u)
	}
	if _, err := w.AddUser(twittertest.User{Username: "MyBot"}); err == nil {
		t.Error("AddUser took a username already taken (in another case)")
	}
	if _, err := w.AddUser(twittertest.User{Username: "other", ID: twittertest.JackID}); err == nil {
		t.Error("AddUser took jack's id")
	}
	if !slices.Contains(w.UserIDs(), u.ID) {
		t.Errorf("UserIDs lacks %s", u.ID)
	}
	tw, err := w.AddTweet(twittertest.Tweet{AuthorID: u.ID, Text: "hello @alice #gophers"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(w.MentionIDs(twittertest.AliceID), tw.ID) {
		t.Errorf("the Tweet mentioning @alice is not among her mentions")
	}
	if _, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.NonexistentID}); err == nil {
		t.Error("AddTweet took an author that does not exist")
	}
	if _, err := w.AddTweet(twittertest.Tweet{ReferencedTweets: []twittertest.ReferencedTweet{{Type: "quoted", ID: twittertest.NonexistentID}}}); err == nil {
		t.Error("AddTweet took a quote of a Tweet that does not exist")
	}

	// The client sees them as it sees seeded ones.
	c := twittertest.NewClient(t, srv)
	ctx := context.Background()
	byName, _, err := c.Users.ByUsername(ctx, "mybot", nil)
	if err != nil || byName.Data.ID != u.ID {
		t.Fatalf("ByUsername(mybot) = %+v, %v", byName, err)
	}
	got, _, err := c.Tweets.ByID(ctx, tw.ID, nil)
	if err != nil || got.Data.Text != tw.Text {
		t.Fatalf("Tweets.ByID = %+v, %v", got, err)
	}
	found, _, err := twittertest.NewUserClient(t, srv, twittertest.BobID).Users.Search(ctx, "bot under test", nil)
	if err != nil || len(found.Data) != 1 || found.Data[0].ID != u.ID {
		t.Errorf("Users.Search = %+v, %v", found, err)
	}
}

func TestWorldAddFollowAndLike(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	if err := w.AddFollow(twittertest.BobID, twittertest.ErinID); err != nil { // Erin is protected
		t.Fatal(err)
	}
	if err := w.AddFollow(twittertest.BobID, twittertest.NonexistentID); err == nil {
		t.Error("AddFollow of a user that does not exist")
	}
	if !slices.Contains(w.FollowerIDs(twittertest.ErinID), twittertest.BobID) || len(w.PendingFollowIDs(twittertest.BobID)) != 0 {
		t.Errorf("Erin's followers %v, Bob's pending %v", w.FollowerIDs(twittertest.ErinID), w.PendingFollowIDs(twittertest.BobID))
	}
	tweet := w.UserTweetIDs(twittertest.JackID)[0]
	for range 2 { // liking again changes nothing
		if err := w.AddLike(twittertest.BobID, tweet); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.AddLike(twittertest.BobID, twittertest.NonexistentID); err == nil {
		t.Error("AddLike of a Tweet that does not exist")
	}
	if ids := w.LikedTweetIDs(twittertest.BobID); len(ids) == 0 || ids[0] != tweet || slices.Index(ids[1:], tweet) >= 0 {
		t.Errorf("Bob's likes %v, want %s once, first", ids, tweet)
	}
	c := twittertest.NewUserClient(t, srv, twittertest.BobID)
	liked, _, err := c.Tweets.LikedTweets(context.Background(), twittertest.BobID, nil)
	if err != nil || len(liked.Data) == 0 || liked.Data[0].ID != tweet {
		t.Errorf("LikedTweets = %+v, %v", liked, err)
	}
}

func TestWorldAddWebhookMakesItsCRCCheck(t *testing.T) {
	srv := twittertest.Start(t)
	_, secret := srv.AppCredentials()
	h, err := twitter.NewWebhookHandler(secret, http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}), nil)
	if err != nil {
		t.Fatal(err)
	}
	receiver := httptest.NewServer(h)
	defer receiver.Close()
	broken := httptest.NewServer(http.NotFoundHandler())
	defer broken.Close()
	w := srv.World()
	ctx := context.Background()
	good, err := w.AddWebhook(ctx, receiver.URL+"/webhook")
	if err != nil || !good.Valid || good.CRCChecks != 1 {
		t.Fatalf("AddWebhook(receiver) = %+v, %v", good, err)
	}
	bad, err := w.AddWebhook(ctx, broken.URL)
	if err != nil || bad.Valid {
		t.Fatalf("AddWebhook(a 404 server) = %+v, %v", bad, err)
	}
	if _, err := w.AddWebhook(ctx, "http://example.com/hook"); err == nil || !strings.Contains(err.Error(), "https") {
		t.Errorf("AddWebhook over plain http to a public host: %v", err)
	}
	if err := w.AddAccountActivitySubscription(good.ID, twittertest.BobID); err != nil {
		t.Fatal(err)
	}
	if subs := w.AccountActivitySubscribers(good.ID); !slices.Equal(subs, []string{twittertest.BobID}) {
		t.Errorf("subscribers %v", subs)
	}
	if n, err := srv.DeliverActivity(ctx, twittertest.BobID, []byte(`{"for_user_id":"`+twittertest.BobID+`"}`)); err != nil || n != 1 {
		t.Errorf("DeliverActivity = %d, %v; want 1", n, err)
	}
	if _, err := srv.DeliverEvent(ctx, bad.ID, []byte(`{}`)); err != twittertest.ErrWebhookInvalid {
		t.Errorf("DeliverEvent to the invalid webhook: %v", err)
	}
	if hooks := w.Webhooks(); len(hooks) != 3 || hooks[1].ID != good.ID {
		t.Errorf("Webhooks = %+v", hooks)
	}
}

// wantErr fails t unless err is a seeding error of the package that says what is wrong.
func wantErr(t *testing.T, what string, err error, says string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", what)
		return
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "twittertest: ") || !strings.Contains(msg, says) {
		t.Errorf("%s: %q, want a twittertest error saying %q", what, msg, says)
	}
}

func TestWorldAddUserRefusesMalformedValues(t *testing.T) {
	w := twittertest.Start(t).World()
	_, err := w.AddUser(twittertest.User{Username: "not a handle"})
	wantErr(t, "a username with spaces", err, "not a handle")
	_, err = w.AddUser(twittertest.User{Username: "fine", ID: "u-1"})
	wantErr(t, "a user id with letters", err, "not a user id")
	_, err = w.AddUser(twittertest.User{Username: "pinner", PinnedTweetID: twittertest.NonexistentID})
	wantErr(t, "a pinned Tweet that does not exist", err, "its pinned Tweet")
	_, err = w.AddTweet(twittertest.Tweet{ID: "tweet one"})
	wantErr(t, "a Tweet id with letters", err, "not a Tweet id")
	_, err = w.AddTweet(twittertest.Tweet{AuthorID: twittertest.NonexistentID})
	wantErr(t, "an author that does not exist", err, `no user "9999999999"`)
}

func TestWorldAddBlockAndMute(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	// Alice and Carol follow each other; a block ends both follows.
	for range 2 { // blocking again changes nothing
		if err := w.AddBlock(twittertest.AliceID, twittertest.CarolID); err != nil {
			t.Fatal(err)
		}
	}
	if slices.Contains(w.FollowingIDs(twittertest.AliceID), twittertest.CarolID) || slices.Contains(w.FollowingIDs(twittertest.CarolID), twittertest.AliceID) {
		t.Errorf("after the block Alice follows %v, Carol follows %v", w.FollowingIDs(twittertest.AliceID), w.FollowingIDs(twittertest.CarolID))
	}
	wantErr(t, "AddFollow of a blocker", w.AddFollow(twittertest.CarolID, twittertest.AliceID), "blocks")
	wantErr(t, "AddBlock of oneself", w.AddBlock(twittertest.AliceID, twittertest.AliceID), "themself")
	wantErr(t, "AddBlock of a malformed id", w.AddBlock(twittertest.AliceID, "@carol"), "not a user id")
	wantErr(t, "AddMute of nobody", w.AddMute(twittertest.BobID, twittertest.NonexistentID), "no user")
	if err := w.AddMute(twittertest.BobID, twittertest.DaveID); err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	blocking, _, err := twittertest.NewUserClient(t, srv, twittertest.AliceID).Users.Blocking(ctx, twittertest.AliceID, nil)
	if err != nil {
		t.Fatal(err)
	}
	var blocked []string
	for _, u := range blocking.Data {
		blocked = append(blocked, u.ID)
	}
	if !slices.Equal(blocked, []string{twittertest.CarolID, twittertest.MalloryID}) {
		t.Errorf("Alice blocks %v, want Carol (newest) then Mallory", blocked)
	}
	muting, _, err := twittertest.NewUserClient(t, srv, twittertest.BobID).Users.Muting(ctx, twittertest.BobID, nil)
	if err != nil || len(muting.Data) != 1 || muting.Data[0].Username != "dave" {
		t.Errorf("Bob mutes %+v, %v; want @dave", muting, err)
	}
}

func TestWorldAddBookmark(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	for range 2 { // bookmarking again changes nothing
		if err := w.AddBookmark(twittertest.BobID, twittertest.JackFirstTweetID); err != nil {
			t.Fatal(err)
		}
	}
	secret, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.ErinID, Text: "for followers only"})
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, "a bookmark of a protected Tweet", w.AddBookmark(twittertest.BobID, secret.ID), "cannot see")
	wantErr(t, "a bookmark of nothing", w.AddBookmark(twittertest.BobID, twittertest.NonexistentID), "no Tweet")
	wantErr(t, "a like of a protected Tweet", w.AddLike(twittertest.BobID, secret.ID), "cannot see")

	got, _, err := twittertest.NewUserClient(t, srv, twittertest.BobID).Bookmarks.List(context.Background(), twittertest.BobID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Data) != 1 || got.Data[0].ID != twittertest.JackFirstTweetID {
		t.Errorf("Bob's bookmarks %+v, want jack's first Tweet once", got.Data)
	}
	if ids := w.BookmarkIDs(twittertest.BobID); !slices.Equal(ids, []string{twittertest.JackFirstTweetID}) {
		t.Errorf("BookmarkIDs(bob) = %v", ids)
	}
}

func TestWorldAddRetweet(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	rt, err := w.AddRetweet(twittertest.CarolID, twittertest.JackFirstTweetID)
	if err != nil {
		t.Fatal(err)
	}
	if rt.AuthorID != twittertest.CarolID || len(rt.ReferencedTweets) != 1 || rt.ReferencedTweets[0] != (twittertest.ReferencedTweet{Type: "retweeted", ID: twittertest.JackFirstTweetID}) ||
		!strings.HasPrefix(rt.Text, "RT @jack: ") {
		t.Errorf("the Retweet: %+v", rt)
	}
	if again, err := w.AddRetweet(twittertest.CarolID, twittertest.JackFirstTweetID); err != nil || again.ID != rt.ID {
		t.Errorf("retweeting again: %+v, %v; want the Retweet %s", again, err, rt.ID)
	}
	_, err = w.AddRetweet(twittertest.BobID, rt.ID)
	wantErr(t, "a Retweet of a Retweet", err, "retweet that one")
	secret, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.ErinID})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddFollow(twittertest.BobID, twittertest.ErinID); err != nil {
		t.Fatal(err)
	}
	_, err = w.AddRetweet(twittertest.BobID, secret.ID)
	wantErr(t, "a Retweet of a protected Tweet", err, "protected")
	_, err = w.AddRetweet(twittertest.NonexistentID, twittertest.JackFirstTweetID)
	wantErr(t, "a Retweet by nobody", err, "no user")

	c := twittertest.NewClient(t, srv)
	ctx := context.Background()
	by, _, err := c.Tweets.RetweetedBy(ctx, twittertest.JackFirstTweetID, nil)
	if err != nil || len(by.Data) != 1 || by.Data[0].ID != twittertest.CarolID {
		t.Errorf("RetweetedBy = %+v, %v; want Carol", by, err)
	}
	tl, _, err := c.Tweets.UserTimeline(ctx, twittertest.CarolID, nil)
	if err != nil || len(tl.Data) == 0 || tl.Data[0].ID != rt.ID {
		t.Errorf("Carol's timeline starts %+v, %v; want the Retweet %s", tl, err, rt.ID)
	}
	src, _, err := c.Tweets.ByID(ctx, twittertest.JackFirstTweetID, &twitter.TweetOptions{TweetFields: []gen.TweetField{gen.TweetFieldPublicMetrics}})
	if err != nil || src.Data.PublicMetrics.RetweetCount != 1 {
		t.Errorf("the retweeted Tweet: %+v, %v; want retweet_count 1", src, err)
	}
}

func TestWorldAddList(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	l, err := w.AddList(twittertest.List{Name: "Bots", Description: "Accounts run by programs", OwnerID: twittertest.BobID,
		MemberIDs: []string{twittertest.CarolID, twittertest.JackID}, FollowerIDs: []string{twittertest.AliceID}})
	if err != nil {
		t.Fatal(err)
	}
	if l.ID == "" || l.CreatedAt.IsZero() || !slices.Contains(w.ListIDs(), l.ID) {
		t.Errorf("AddList filled in %+v; ListIDs %v", l, w.ListIDs())
	}
	if err := w.AddListMember(l.ID, twittertest.ErinID); err != nil {
		t.Fatal(err)
	}
	if err := w.AddListFollower(twittertest.GophersListID, twittertest.CarolID); err != nil { // a seeded List
		t.Fatal(err)
	}
	if err := w.AddPinnedList(twittertest.AliceID, l.ID); err != nil {
		t.Fatal(err)
	}

	_, err = w.AddList(twittertest.List{})
	wantErr(t, "a List without a name", err, "1 to 25")
	_, err = w.AddList(twittertest.List{Name: "Too many", MemberIDs: []string{twittertest.BobID, twittertest.BobID}})
	wantErr(t, "a member twice", err, "twice in MemberIDs")
	_, err = w.AddList(twittertest.List{Name: "Nobody", FollowerIDs: []string{twittertest.NonexistentID}})
	wantErr(t, "a follower that does not exist", err, "no user")
	_, err = w.AddList(twittertest.List{Name: "Secret", Private: true, FollowerIDs: []string{twittertest.BobID}})
	wantErr(t, "a follower of another's private List", err, "private")
	_, err = w.AddList(twittertest.List{Name: "Again", ID: twittertest.GophersListID})
	wantErr(t, "a taken id", err, "taken")
	wantErr(t, "a member of no List", w.AddListMember(twittertest.NonexistentID, twittertest.BobID), "no List")
	wantErr(t, "a follower of Alice's private List", w.AddListFollower(twittertest.AlicePrivateListID, twittertest.BobID), "private")
	wantErr(t, "a pin of a List Dave neither owns nor follows", w.AddPinnedList(twittertest.DaveID, l.ID), "neither owns nor follows")

	ctx := context.Background()
	c := twittertest.NewClient(t, srv)
	got, _, err := c.Lists.ByID(ctx, l.ID, &twitter.ListOptions{ListFields: []gen.ListField{gen.ListFieldMemberCount, gen.ListFieldFollowerCount, gen.ListFieldOwnerID}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Data.Name != "Bots" || got.Data.MemberCount != 3 || got.Data.FollowerCount != 1 || got.Data.OwnerID != twittertest.BobID {
		t.Errorf("Lists.ByID = %+v", got.Data)
	}
	members, _, err := c.Lists.Members(ctx, l.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range members.Data {
		ids = append(ids, u.ID)
	}
	if !slices.Equal(ids, []string{twittertest.ErinID, twittertest.CarolID, twittertest.JackID}) {
		t.Errorf("members %v, want Erin (newest), Carol, Jack", ids)
	}
	followers, _, err := c.Lists.Followers(ctx, twittertest.GophersListID, nil)
	if err != nil || len(followers.Data) == 0 || followers.Data[0].ID != twittertest.CarolID {
		t.Errorf("the Gophers List's followers %+v, %v; want Carol first", followers, err)
	}
	owned, _, err := c.Lists.Owned(ctx, twittertest.BobID, nil)
	if err != nil || len(owned.Data) != 1 || owned.Data[0].ID != l.ID {
		t.Errorf("Bob's Lists %+v, %v", owned, err)
	}
	pinned, _, err := twittertest.NewUserClient(t, srv, twittertest.AliceID).Lists.Pinned(ctx, twittertest.AliceID, nil)
	if err != nil || len(pinned.Data) == 0 || pinned.Data[0].ID != l.ID {
		t.Errorf("Alice's pinned Lists %+v, %v; want %s first", pinned, err, l.ID)
	}
}

func TestWorldAddSpace(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	const goTopic = "1349108813424230400"
	planned, err := w.AddSpace(twittertest.Space{State: "scheduled", Title: "Generics in practice", CreatorID: twittertest.BobID,
		SpeakerIDs: []string{twittertest.CarolID}, TopicIDs: []string{goTopic}, SubscriberCount: 12})
	if err != nil {
		t.Fatal(err)
	}
	if planned.ID == "" || !slices.Equal(planned.HostIDs, []string{twittertest.BobID}) || !planned.ScheduledStart.Equal(planned.CreatedAt.Add(time.Hour)) {
		t.Errorf("AddSpace filled in %+v", planned)
	}
	live, err := w.AddSpace(twittertest.Space{Title: "Paid generics clinic", CreatorID: twittertest.CarolID, IsTicketed: true,
		BuyerIDs: []string{twittertest.AliceID}, SharedTweetIDs: []string{twittertest.JackFirstTweetID}, ParticipantCount: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := w.Space(live.ID); !ok || got.State != "live" || got.StartedAt.IsZero() {
		t.Errorf("World.Space = %+v, %v", got, ok)
	}
	for _, bad := range []struct {
		sp   twittertest.Space
		says string
	}{
		{twittertest.Space{State: "paused"}, "none of live"},
		{twittertest.Space{TopicIDs: []string{"1"}}, "no topic"},
		{twittertest.Space{BuyerIDs: []string{twittertest.BobID}}, "only a ticketed Space"},
		{twittertest.Space{ID: "space-1"}, "not a Space id"},
		{twittertest.Space{ID: twittertest.LiveSpaceID}, "taken"},
		{twittertest.Space{State: "scheduled", StartedAt: twittertest.SeedTime}, "neither started"},
		{twittertest.Space{SpeakerIDs: []string{twittertest.NonexistentID}}, "SpeakerIDs"},
		{twittertest.Space{SharedTweetIDs: []string{twittertest.NonexistentID}}, "no Tweet"},
	} {
		_, err := w.AddSpace(bad.sp)
		wantErr(t, fmt.Sprintf("AddSpace(%+v)", bad.sp), err, bad.says)
	}

	ctx := context.Background()
	c := twittertest.NewClient(t, srv)
	got, _, err := c.Spaces.ByID(ctx, planned.ID, &twitter.SpaceOptions{
		SpaceFields: []gen.SpaceField{gen.SpaceFieldTitle, gen.SpaceFieldCreatorID, gen.SpaceFieldSpeakerIds, gen.SpaceFieldSubscriberCount, gen.SpaceFieldTopicIds},
		Expansions:  []gen.SpaceExpansion{gen.SpaceExpansionTopicIds}})
	if err != nil {
		t.Fatal(err)
	}
	if d := got.Data; d.Title != "Generics in practice" || d.State != "scheduled" || d.CreatorID != twittertest.BobID || d.SubscriberCount != 12 ||
		len(d.SpeakerIds) != 1 || d.SpeakerIds[0] != twittertest.CarolID {
		t.Errorf("Spaces.ByID = %+v", d)
	}
	if topics := got.Includes.Topics; len(topics) != 1 || topics[0].Name != "Go" {
		t.Errorf("included topics %+v, want Go", topics)
	}
	found, _, err := c.Spaces.Search(ctx, "generics", nil)
	if err != nil || len(found.Data) != 2 {
		t.Errorf("Spaces.Search(generics) = %+v, %v; want both added Spaces", found, err)
	}
	mine, _, err := c.Spaces.ByCreators(ctx, []string{twittertest.CarolID}, nil)
	if err != nil || len(mine.Data) != 1 || mine.Data[0].ID != live.ID {
		t.Errorf("Spaces.ByCreators(carol) = %+v, %v", mine, err)
	}
	shared, _, err := c.Spaces.Tweets(ctx, live.ID, nil)
	if err != nil || len(shared.Data) != 1 || shared.Data[0].ID != twittertest.JackFirstTweetID {
		t.Errorf("Spaces.Tweets = %+v, %v", shared, err)
	}
	buyers, _, err := twittertest.NewUserClient(t, srv, twittertest.CarolID).Spaces.Buyers(ctx, live.ID, nil)
	if err != nil || len(buyers.Data) != 1 || buyers.Data[0].ID != twittertest.AliceID {
		t.Errorf("Spaces.Buyers = %+v, %v; want Alice", buyers, err)
	}
}

func TestWorldAddMedia(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	photo, err := w.AddMedia(twittertest.Media{AltText: "A gopher at a whiteboard"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(photo.Key, "3_") || photo.Type != "photo" || photo.URL == "" || photo.Width != 1200 {
		t.Errorf("AddMedia filled in %+v", photo)
	}
	gif, err := w.AddMedia(twittertest.Media{Type: "animated_gif", Key: "16_42", Width: 480, Height: 270})
	if err != nil {
		t.Fatal(err)
	}
	if gif.PreviewImageURL == "" || gif.URL != "" {
		t.Errorf("the GIF: %+v", gif)
	}
	tw, err := w.AddTweet(twittertest.Tweet{Text: "Whiteboard day", MediaKeys: []string{photo.Key, gif.Key}})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		m    twittertest.Media
		says string
	}{
		{twittertest.Media{Type: "audio"}, "none of photo"},
		{twittertest.Media{Key: "photo-1"}, "not a media key"},
		{twittertest.Media{Key: twittertest.PhotoMediaKey}, "taken"},
		{twittertest.Media{DurationMS: 1000}, "no duration"},
		{twittertest.Media{URL: "/media/1.jpg"}, "not an absolute URL"},
		{twittertest.Media{Type: "video", Width: -1}, "negative"},
		{twittertest.Media{AltText: strings.Repeat("a", 1001)}, "at most 1000"},
	} {
		_, err := w.AddMedia(bad.m)
		wantErr(t, fmt.Sprintf("AddMedia(%.60v)", bad.m), err, bad.says)
	}
	_, err = w.AddTweet(twittertest.Tweet{MediaKeys: []string{"3_1"}})
	wantErr(t, "a Tweet with media that does not exist", err, "no media")

	ctx := context.Background()
	c := twittertest.NewClient(t, srv)
	got, _, err := c.Tweets.ByID(ctx, tw.ID, &twitter.TweetOptions{Expansions: []gen.TweetExpansion{gen.TweetExpansionAttachmentsMediaKeys},
		MediaFields: []gen.MediaField{gen.MediaFieldAltText, gen.MediaFieldURL, gen.MediaFieldWidth}})
	if err != nil {
		t.Fatal(err)
	}
	if media := got.Includes.Media; len(media) != 2 || media[0].MediaKey != photo.Key || media[0].AltText != photo.AltText ||
		media[0].URL != photo.URL || media[1].Type != "animated_gif" || media[1].Width != 480 {
		t.Errorf("the Tweet's media %+v", media)
	}
	byKey, _, err := c.Media.ByKey(ctx, gif.Key, nil)
	if err != nil || byKey.Data.Type != "animated_gif" {
		t.Errorf("Media.ByKey = %+v, %v", byKey, err)
	}
}

func TestWorldAddPoll(t *testing.T) {
	srv := twittertest.Start(t, twittertest.WithClock(twittertest.NewManualClock(twittertest.SeedTime)))
	w := srv.World()
	p, err := w.AddPoll(twittertest.Poll{Options: []twittertest.PollOption{{Label: "tabs", Votes: 3}, {Label: "spaces", Votes: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == "" || p.DurationMinutes != 1440 || p.VotingStatus != "open" || p.Options[1].Position != 2 ||
		!p.EndDatetime.Equal(twittertest.SeedTime.Add(24*time.Hour)) {
		t.Errorf("AddPoll filled in %+v", p)
	}
	tw, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.BobID, Text: "Tabs or spaces?", PollID: p.ID, PlaceID: twittertest.PlaceID})
	if err != nil {
		t.Fatal(err)
	}
	two := []twittertest.PollOption{{Label: "a"}, {Label: "b"}}
	for _, bad := range []struct {
		p    twittertest.Poll
		says string
	}{
		{twittertest.Poll{Options: two[:1]}, "1 options"},
		{twittertest.Poll{Options: []twittertest.PollOption{{Label: "a"}, {Label: strings.Repeat("b", 26)}}}, "1 to 25"},
		{twittertest.Poll{Options: two, DurationMinutes: 1}, "5 to 10080"},
		{twittertest.Poll{Options: two, VotingStatus: "paused"}, "neither open nor closed"},
		{twittertest.Poll{Options: []twittertest.PollOption{{Position: 2, Label: "a"}, {Position: 1, Label: "b"}}}, "in order"},
		{twittertest.Poll{Options: two, ID: twittertest.PollID}, "taken"},
	} {
		_, err := w.AddPoll(bad.p)
		wantErr(t, fmt.Sprintf("AddPoll(%+v)", bad.p), err, bad.says)
	}
	_, err = w.AddTweet(twittertest.Tweet{PollID: p.ID})
	wantErr(t, "a second Tweet with the poll", err, "is Tweet")
	_, err = w.AddTweet(twittertest.Tweet{PollID: twittertest.NonexistentID})
	wantErr(t, "a Tweet with no such poll", err, "no poll")
	_, err = w.AddTweet(twittertest.Tweet{PlaceID: "nowhere"})
	wantErr(t, "a Tweet with no such place", err, "no place")
	_, err = w.AddTweet(twittertest.Tweet{PollID: twittertest.PollID, MediaKeys: []string{twittertest.PhotoMediaKey}})
	wantErr(t, "a Tweet with a poll and media", err, "not both")

	got, _, err := twittertest.NewClient(t, srv).Tweets.ByID(context.Background(), tw.ID, &twitter.TweetOptions{
		Expansions: []gen.TweetExpansion{gen.TweetExpansionAttachmentsPollIds, gen.TweetExpansionGeoPlaceID},
		PollFields: []gen.PollField{gen.PollFieldVotingStatus, gen.PollFieldDurationMinutes}})
	if err != nil {
		t.Fatal(err)
	}
	if polls := got.Includes.Polls; len(polls) != 1 || polls[0].ID != p.ID || len(polls[0].Options) != 2 || polls[0].Options[1].Votes != 5 ||
		polls[0].VotingStatus != "open" || polls[0].DurationMinutes != 1440 {
		t.Errorf("the Tweet's poll %+v", polls)
	}
	if places := got.Includes.Places; len(places) != 1 || places[0].ID != twittertest.PlaceID {
		t.Errorf("the Tweet's place %+v", places)
	}
}

func TestWorldAddDirectMessageAndGroup(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	const daveAndJack = twittertest.JackID + "-" + twittertest.DaveID // the smaller id first
	first, err := w.AddDirectMessage(twittertest.DMEvent{SenderID: twittertest.DaveID, ConversationID: daveAndJack,
		Text: "see https://x.com/jack/status/" + twittertest.JackFirstTweetID})
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == "" || first.EventType != "MessageCreate" || !slices.Equal(first.ReferencedTweetIDs, []string{twittertest.JackFirstTweetID}) {
		t.Errorf("the message as stored: %+v", first)
	}
	answer, err := w.AddDirectMessage(twittertest.DMEvent{SenderID: twittertest.JackID, ConversationID: daveAndJack, MediaKeys: []string{twittertest.PhotoMediaKey}})
	if err != nil {
		t.Fatal(err)
	}
	group, err := w.AddDMGroup(twittertest.BobID, twittertest.CarolID, twittertest.ErinID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.AddDirectMessage(twittertest.DMEvent{SenderID: twittertest.ErinID, ConversationID: group.ID, Text: "hello group"}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		m    twittertest.DMEvent
		says string
	}{
		{twittertest.DMEvent{ConversationID: daveAndJack, Text: "not mine"}, "not one of"},
		{twittertest.DMEvent{ConversationID: twittertest.NonexistentID, Text: "hi"}, "no conversation"},
		{twittertest.DMEvent{ConversationID: group.ID, Text: "hi"}, "not in conversation"},
		{twittertest.DMEvent{SenderID: twittertest.MalloryID, ConversationID: twittertest.AliceID + "-" + twittertest.MalloryID, Text: "hi"}, "blocks the sender"},
		{twittertest.DMEvent{SenderID: twittertest.BobID, ConversationID: twittertest.AliceID + "-" + twittertest.BobID}, "text or media"},
		{twittertest.DMEvent{SenderID: twittertest.BobID, ConversationID: twittertest.AliceID + "-" + twittertest.BobID, Text: "hi", ID: "1"}, "server's to set"},
		{twittertest.DMEvent{SenderID: twittertest.BobID, ConversationID: twittertest.AliceID + "-" + twittertest.BobID, MediaKeys: []string{"3_1"}}, "no media"},
	} {
		_, err := w.AddDirectMessage(bad.m)
		wantErr(t, fmt.Sprintf("AddDirectMessage(%+v)", bad.m), err, bad.says)
	}
	_, err = w.AddDMGroup(twittertest.BobID)
	wantErr(t, "a group of one", err, "others")
	_, err = w.AddDMGroup(twittertest.MalloryID, twittertest.AliceID)
	wantErr(t, "a group with a blocker", err, "blocks the creator")

	ctx := context.Background()
	jack := twittertest.NewUserClient(t, srv, twittertest.JackID)
	events, _, err := jack.DirectMessages.Events(ctx, &twitter.DMEventsOptions{DMEventOptions: twitter.DMEventOptions{
		DMEventFields: []gen.DmEventField{gen.DmEventFieldText, gen.DmEventFieldSenderID, gen.DmEventFieldDmConversationID, gen.DmEventFieldAttachments}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(events.Data) != 2 || events.Data[0].ID != answer.ID || events.Data[1].SenderID != twittertest.DaveID ||
		events.Data[1].DmConversationID != daveAndJack || len(events.Data[0].Attachments.MediaKeys) != 1 {
		t.Errorf("Jack's events %+v", events.Data)
	}
	inGroup, _, err := twittertest.NewUserClient(t, srv, twittertest.CarolID).DirectMessages.ConversationEvents(ctx, group.ID, nil)
	if err != nil || len(inGroup.Data) != 2 || inGroup.Data[1].EventType != "ParticipantsJoin" {
		t.Errorf("the group's events %+v, %v; want the message after the join", inGroup, err)
	}
}

func TestWorldAddBookmarkFolder(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	marks := w.UserTweetIDs(twittertest.XDevelopersID)[:2]
	for _, id := range marks {
		if err := w.AddBookmark(twittertest.BobID, id); err != nil {
			t.Fatal(err)
		}
	}
	f, err := w.AddBookmarkFolder(twittertest.BobID, twittertest.BookmarkFolder{Name: "API news", TweetIDs: marks})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.AddBookmarkFolder(twittertest.BobID, twittertest.BookmarkFolder{Name: "Not mine", TweetIDs: []string{twittertest.JackFirstTweetID}})
	wantErr(t, "a folder of a Tweet not bookmarked", err, "has not bookmarked")
	_, err = w.AddBookmarkFolder(twittertest.BobID, twittertest.BookmarkFolder{Name: strings.Repeat("n", 26)})
	wantErr(t, "a folder with a long name", err, "1 to 25")
	_, err = w.AddBookmarkFolder(twittertest.NonexistentID, twittertest.BookmarkFolder{Name: "x"})
	wantErr(t, "a folder of nobody", err, "no user")

	ctx := context.Background()
	c := twittertest.NewUserClient(t, srv, twittertest.BobID)
	folders, _, err := c.Bookmarks.Folders(ctx, twittertest.BobID, nil)
	if err != nil || len(folders.Data) != 1 || folders.Data[0].ID != f.ID || folders.Data[0].Name != "API news" {
		t.Fatalf("Bob's folders %+v, %v", folders, err)
	}
	filed, _, err := c.Bookmarks.FolderTweets(ctx, twittertest.BobID, f.ID)
	if err != nil || len(filed.Data) != 2 || filed.Data[0].ID != marks[0] || filed.Data[1].ID != marks[1] {
		t.Errorf("the folder's Tweets %+v, %v; want %v", filed, err, marks)
	}
}

func TestWorldAddTweetRepliesAndRetweets(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	root, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.BobID, Text: "What should the client do next?"})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.CarolID, Text: "@bob streams",
		ReferencedTweets: []twittertest.ReferencedTweet{{Type: "replied_to", ID: root.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	if reply.ConversationID != root.ID || reply.InReplyToUserID != twittertest.BobID {
		t.Errorf("the reply: conversation %q, in reply to %q; want %q and Bob", reply.ConversationID, reply.InReplyToUserID, root.ID)
	}
	rt, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.DaveID, Text: "RT @bob: " + root.Text,
		ReferencedTweets: []twittertest.ReferencedTweet{{Type: "retweeted", ID: root.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	if again, err := w.AddRetweet(twittertest.DaveID, root.ID); err != nil || again.ID != rt.ID {
		t.Errorf("AddRetweet after AddTweet's Retweet: %+v, %v; want %s", again, err, rt.ID)
	}
	_, err = w.AddTweet(twittertest.Tweet{AuthorID: twittertest.DaveID, ReferencedTweets: []twittertest.ReferencedTweet{{Type: "retweeted", ID: root.ID}}})
	wantErr(t, "a second Retweet of one Tweet", err, "already")
	_, err = w.AddTweet(twittertest.Tweet{ReferencedTweets: []twittertest.ReferencedTweet{{Type: "liked", ID: root.ID}}})
	wantErr(t, "a reference of an unknown kind", err, "none of retweeted")
	_, err = w.AddTweet(twittertest.Tweet{ReferencedTweets: []twittertest.ReferencedTweet{{Type: "quoted", ID: root.ID}, {Type: "quoted", ID: reply.ID}}})
	wantErr(t, "two quotes", err, "two quoted")

	ctx := context.Background()
	c := twittertest.NewClient(t, srv)
	by, _, err := c.Tweets.RetweetedBy(ctx, root.ID, nil)
	if err != nil || len(by.Data) != 1 || by.Data[0].ID != twittertest.DaveID {
		t.Errorf("RetweetedBy = %+v, %v; want Dave", by, err)
	}
	thread, _, err := c.Tweets.SearchRecent(ctx, "conversation_id:"+root.ID, nil)
	if err != nil || len(thread.Data) != 2 {
		t.Errorf("the conversation %+v, %v; want the root and the reply", thread, err)
	}
}

func TestWorldSetPinnedTweet(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	u, err := w.AddUser(twittertest.User{Username: "pinner"})
	if err != nil {
		t.Fatal(err)
	}
	first, err := w.AddTweet(twittertest.Tweet{AuthorID: u.ID, Text: "read this first"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetPinnedTweet(u.ID, first.ID); err != nil {
		t.Fatal(err)
	}
	c := twittertest.NewClient(t, srv)
	ctx := context.Background()
	opts := &twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldPinnedTweetID}, Expansions: []gen.UserExpansion{gen.UserExpansionPinnedTweetID}}
	got, _, err := c.Users.ByID(ctx, u.ID, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got.Data.PinnedTweetID != first.ID || len(got.Includes.Tweets) != 1 || got.Includes.Tweets[0].Text != first.Text {
		t.Errorf("pinned_tweet_id %q, included %+v; want %s", got.Data.PinnedTweetID, got.Includes.Tweets, first.ID)
	}

	// A seeded user pins anew in this server only; "" unpins.
	seeded, _ := w.User(twittertest.JackID)
	if err := w.SetPinnedTweet(twittertest.JackID, twittertest.JackFirstTweetID); err != nil {
		t.Fatal(err)
	}
	if jack, _ := w.User(twittertest.JackID); jack.PinnedTweetID != twittertest.JackFirstTweetID {
		t.Errorf("Jack pins %q", jack.PinnedTweetID)
	}
	if jack, _ := twittertest.Start(t).World().User(twittertest.JackID); jack.PinnedTweetID != seeded.PinnedTweetID || jack.PinnedTweetID == "" {
		t.Errorf("another server's Jack pins %q, want his seeded pin", jack.PinnedTweetID)
	}
	if err := w.SetPinnedTweet(u.ID, ""); err != nil {
		t.Fatal(err)
	}
	if got, _, err = c.Users.ByID(ctx, u.ID, opts); err != nil || got.Data.PinnedTweetID != "" || len(got.Includes.Tweets) != 0 {
		t.Errorf("after unpinning: %+v, %v", got, err)
	}
	// A generated follower pins too, and stays unlisted as generated followers are.
	follower := w.FollowerIDs(twittertest.JackID)[100]
	tw, err := w.AddTweet(twittertest.Tweet{AuthorID: follower})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetPinnedTweet(follower, tw.ID); err != nil {
		t.Fatal(err)
	}
	if ids := w.UserIDs(); slices.Contains(ids, follower) || len(ids) != len(slices.Compact(slices.Clone(ids))) {
		t.Errorf("UserIDs %v lists a generated follower (%s) or a user twice", ids, follower)
	}

	wantErr(t, "a Tweet of another", w.SetPinnedTweet(u.ID, twittertest.JackFirstTweetID), "pins only a Tweet of their own")
	rt, err := w.AddRetweet(u.ID, twittertest.JackFirstTweetID)
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, "a Retweet", w.SetPinnedTweet(u.ID, rt.ID), "cannot be pinned")
	wantErr(t, "a Tweet that does not exist", w.SetPinnedTweet(u.ID, twittertest.NonexistentID), "no Tweet")
	wantErr(t, "a malformed Tweet id", w.SetPinnedTweet(u.ID, "first"), "not a Tweet id")
	wantErr(t, "a user who does not exist", w.SetPinnedTweet(twittertest.NonexistentID, first.ID), "no user")
	_, err = w.AddUser(twittertest.User{Username: "early", PinnedTweetID: first.ID})
	wantErr(t, "AddUser pinning another's Tweet", err, "pins only a Tweet of their own")
}

func TestWorldAddFollowRequest(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	for range 2 { // asking again changes nothing
		if err := w.AddFollowRequest(twittertest.BobID, twittertest.ErinID); err != nil { // Erin is protected
			t.Fatal(err)
		}
	}
	if got := w.PendingFollowIDs(twittertest.BobID); !slices.Equal(got, []string{twittertest.ErinID}) {
		t.Errorf("Bob's pending follows %v", got)
	}
	if slices.Contains(w.FollowerIDs(twittertest.ErinID), twittertest.BobID) {
		t.Error("a follow request made a follower")
	}

	// Each side sees it in connection_status; Bob's POST finds it pending.
	ctx := context.Background()
	status := func(viewer, of string) []gen.UserConnectionStatus {
		t.Helper()
		got, _, err := twittertest.NewUserClient(t, srv, viewer).Users.ByID(ctx, of,
			&twitter.UserOptions{UserFields: []gen.UserField{gen.UserFieldConnectionStatus}})
		if err != nil {
			t.Fatal(err)
		}
		return got.Data.ConnectionStatus
	}
	if cs := status(twittertest.BobID, twittertest.ErinID); !slices.Contains(cs, gen.UserConnectionStatusFollowRequestSent) {
		t.Errorf("Bob's connection_status to Erin %v, want follow_request_sent", cs)
	}
	if cs := status(twittertest.ErinID, twittertest.BobID); !slices.Contains(cs, gen.UserConnectionStatusFollowRequestReceived) {
		t.Errorf("Erin's connection_status to Bob %v, want follow_request_received", cs)
	}
	res, _, err := twittertest.NewUserClient(t, srv, twittertest.BobID).Users.Follow(ctx, twittertest.BobID, twittertest.ErinID)
	if err != nil || res.Data.Following || !res.Data.PendingFollow {
		t.Errorf("Bob's follow of Erin = %+v, %v; want pending", res, err)
	}
	if got := w.PendingFollowIDs(twittertest.BobID); len(got) != 1 {
		t.Errorf("after the POST Bob's pending follows %v, want Erin once", got)
	}
	// Approving it is AddFollow's.
	if err := w.AddFollow(twittertest.BobID, twittertest.ErinID); err != nil {
		t.Fatal(err)
	}
	if cs := status(twittertest.BobID, twittertest.ErinID); !slices.Equal(cs, []gen.UserConnectionStatus{gen.UserConnectionStatusFollowing}) {
		t.Errorf("after approval Bob's connection_status to Erin %v, want following alone", cs)
	}

	wantErr(t, "a request to a public account", w.AddFollowRequest(twittertest.BobID, twittertest.CarolID), "not protected")
	wantErr(t, "a request of a follower", w.AddFollowRequest(twittertest.BobID, twittertest.ErinID), "already")
	if err := w.AddBlock(twittertest.ErinID, twittertest.DaveID); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "a request to a blocker", w.AddFollowRequest(twittertest.DaveID, twittertest.ErinID), "blocks")
	wantErr(t, "a request to oneself", w.AddFollowRequest(twittertest.ErinID, twittertest.ErinID), "themself")
	wantErr(t, "a request to nobody", w.AddFollowRequest(twittertest.BobID, twittertest.NonexistentID), "no user")
	wantErr(t, "a malformed id", w.AddFollowRequest("bob", twittertest.ErinID), "not a user id")
}

func TestWorldHideReply(t *testing.T) {
	srv := twittertest.Start(t)
	w := srv.World()
	u, err := w.AddUser(twittertest.User{Username: "heckler"})
	if err != nil {
		t.Fatal(err)
	}
	root, err := w.AddTweet(twittertest.Tweet{AuthorID: twittertest.AliceID, Text: "Go or Rust?"})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := w.AddTweet(twittertest.Tweet{AuthorID: u.ID, Text: "@alice neither",
		ReferencedTweets: []twittertest.ReferencedTweet{{Type: "replied_to", ID: root.ID}}})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // hiding again changes nothing
		if err := w.HideReply(reply.ID); err != nil {
			t.Fatal(err)
		}
	}
	if !w.IsHidden(reply.ID) {
		t.Fatal("the seeded hidden reply is not hidden")
	}
	// It is hidden as one the API hid: the conversation's author shows it again, and
	// nobody else may.
	ctx := context.Background()
	if _, _, err := twittertest.NewUserClient(t, srv, twittertest.BobID).Tweets.HideReply(ctx, reply.ID, false); !twitter.IsForbidden(err) {
		t.Errorf("Bob showing Alice's hidden reply: %v, want 403", err)
	}
	res, _, err := twittertest.NewUserClient(t, srv, twittertest.AliceID).Tweets.HideReply(ctx, reply.ID, false)
	if err != nil || res.Data.Hidden || w.IsHidden(reply.ID) {
		t.Errorf("Alice showing the reply = %+v, %v; hidden now %v", res, err, w.IsHidden(reply.ID))
	}

	wantErr(t, "hiding a Tweet that replies to nothing", w.HideReply(root.ID), "no reply")
	wantErr(t, "hiding a Tweet that does not exist", w.HideReply(twittertest.NonexistentID), "no Tweet")
	wantErr(t, "hiding a malformed id", w.HideReply("reply"), "not a Tweet id")
}

func TestWorldAddAccountActivitySubscriptionChecksIDs(t *testing.T) {
	w := twittertest.Start(t).World()
	hook := w.Webhooks()[0].ID
	wantErr(t, "a malformed webhook id", w.AddAccountActivitySubscription("hook-1", twittertest.BobID), "not a webhook id")
	wantErr(t, "a webhook that does not exist", w.AddAccountActivitySubscription(twittertest.NonexistentID, twittertest.BobID), "no webhook")
	wantErr(t, "a malformed user id", w.AddAccountActivitySubscription(hook, "@bob"), "not a user id")
	wantErr(t, "a user who does not exist", w.AddAccountActivitySubscription(hook, twittertest.NonexistentID), "no user")
	if subs := w.AccountActivitySubscribers(hook); slices.Contains(subs, twittertest.BobID) {
		t.Errorf("a refused subscription left Bob among %v", subs)
	}
}
