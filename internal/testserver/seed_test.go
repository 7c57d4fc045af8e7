package testserver

import (
	"slices"
	"testing"
)

func TestAddUserGivesFreshIDs(t *testing.T) {
	s := Start(t)
	a, err := s.AddUser(User{Username: "first"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddUser(User{Username: "second"})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == b.ID || a.ID == "" {
		t.Fatalf("ids %q and %q", a.ID, b.ID)
	}
	if u, ok := s.World().UserByUsername("SECOND"); !ok || u.ID != b.ID {
		t.Errorf("UserByUsername(SECOND) = %+v, %v", u, ok)
	}
	if _, err := s.AddUser(User{}); err == nil {
		t.Error("AddUser took a user without a username")
	}
	if _, err := s.AddUser(User{Username: "jack"}); err == nil {
		t.Error("AddUser took @jack's username")
	}
}

func TestAddUserKeepsAProfileUpdate(t *testing.T) {
	s := Start(t)
	u, err := s.AddUser(User{Username: "mover", Location: "Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateProfile(u.ID, ProfileLocation, "Lisbon"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.World().User(u.ID)
	if got.Location != "Lisbon" || !slices.Contains(s.World().UserIDs(), u.ID) {
		t.Errorf("after UpdateProfile: %+v; listed %v", got, slices.Contains(s.World().UserIDs(), u.ID))
	}
}

func TestAddTweetRefusesATakenID(t *testing.T) {
	s := Start(t)
	if _, err := s.AddTweet(Tweet{ID: JackFirstTweetID}); err == nil {
		t.Error("AddTweet took the id of jack's first Tweet")
	}
	tw, err := s.AddTweet(Tweet{AuthorID: BobID, ReferencedTweets: []ReferencedTweet{{Type: "replied_to", ID: JackFirstTweetID}}})
	if err != nil {
		t.Fatal(err)
	}
	if ids := s.World().UserTweetIDs(BobID); len(ids) == 0 || ids[0] != tw.ID {
		t.Errorf("Bob's Tweets %v, want %s first", ids, tw.ID)
	}
}

func TestAddFollowAndSubscriptionRefuseUnknowns(t *testing.T) {
	s := Start(t)
	if err := s.AddFollow(BobID, BobID); err == nil {
		t.Error("AddFollow of oneself")
	}
	if err := s.AddAccountActivitySubscription(NonexistentID, BobID); err == nil {
		t.Error("a subscription to a webhook that does not exist")
	}
	if err := s.AddAccountActivitySubscription(SeedWebhookID, BobID); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAccountActivitySubscription(SeedWebhookID, BobID); err != nil {
		t.Fatal(err)
	}
	if subs := s.World().AccountActivitySubscribers(SeedWebhookID); !slices.Equal(subs, []string{AliceID, BobID}) {
		t.Errorf("subscribers %v", subs)
	}
}

func TestAddBlockOfAGeneratedFollowerEndsTheFollow(t *testing.T) {
	s := Start(t)
	w := s.World()
	follower := w.FollowerIDs(JackID)[JackFollowerCount-1] // a generated one
	if err := s.AddBlock(JackID, follower); err != nil {
		t.Fatal(err)
	}
	if n := w.FollowerCount(JackID); n != JackFollowerCount-1 || slices.Contains(w.FollowerIDs(JackID), follower) {
		t.Errorf("after the block Jack has %d followers, want %d without %s", n, JackFollowerCount-1, follower)
	}
	if err := s.AddFollow(follower, JackID); err == nil {
		t.Error("a blocked follower followed again")
	}
}

func TestAddRetweetIsTheAPIsRetweet(t *testing.T) {
	s := Start(t)
	rt, err := s.AddRetweet(AliceID, ReplyID)
	if err != nil {
		t.Fatal(err)
	}
	// The API's unretweet finds it, as it finds one made by POST /2/users/{id}/retweets.
	wantStatus(t, newTC(t, s).do("DELETE", "/2/users/"+AliceID+"/retweets/"+ReplyID, s.UserToken(AliceID), nil), 200)
	if _, ok := s.World().Tweet(rt.ID); ok || slices.Contains(s.World().RetweeterIDs(ReplyID), AliceID) {
		t.Errorf("after unretweet the Retweet %s is still there", rt.ID)
	}
}
