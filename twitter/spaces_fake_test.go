package twitter_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// spaceOpts asks for the fields of a Space and expands its hosts and speakers.
var spaceOpts = twitter.SpaceOptions{
	SpaceFields: []gen.SpaceField{gen.SpaceFieldTitle, gen.SpaceFieldState, gen.SpaceFieldHostIds, gen.SpaceFieldSpeakerIds, gen.SpaceFieldCreatorID},
	Expansions:  []gen.SpaceExpansion{gen.SpaceExpansionHostIds, gen.SpaceExpansionSpeakerIds},
	UserFields:  []gen.UserField{gen.UserFieldCreatedAt},
	TopicFields: []gen.TopicField{gen.TopicFieldName},
}

func spaceIDs(sp []gen.Space) []string {
	var ids []string
	for _, s := range sp {
		ids = append(ids, s.ID)
	}
	return ids
}

// checkSpaces compares decoded Spaces with the server's, and checks that includes hold
// their hosts and speakers.
func checkSpaces(t *testing.T, s *testserver.Server, got []gen.Space, inc *gen.Expansions) {
	t.Helper()
	var users []gen.User
	if inc != nil {
		users = inc.Users
	}
	for _, sp := range got {
		want, ok := s.World().Space(sp.ID)
		if !ok {
			t.Fatalf("space %s is not in the world", sp.ID)
		}
		if sp.Title != want.Title || string(sp.State) != want.State || sp.CreatorID != want.CreatorID ||
			!slices.Equal(sp.HostIds, want.HostIDs) {
			t.Errorf("space = %+v, world has %+v", sp, want)
		}
		for _, id := range append(slices.Clone(want.HostIDs), want.SpeakerIDs...) {
			if !slices.ContainsFunc(users, func(u gen.User) bool { return u.ID == id && !u.CreatedAt.IsZero() }) {
				t.Errorf("includes.users lacks %s of Space %s", id, want.ID)
			}
		}
	}
}

func TestFakeSpacesByID(t *testing.T) {
	s := fake(t)
	c := appClient(t, s)
	ctx := context.Background()
	res, _, err := c.Spaces.ByID(ctx, testserver.LiveSpaceID, &spaceOpts)
	if err != nil {
		t.Fatal(err)
	}
	checkSpaces(t, s, []gen.Space{res.Data}, &res.Includes)

	_, _, err = c.Spaces.ByID(ctx, "1zzzzzzzzzzzz", nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeSpacesLookup(t *testing.T) {
	s := fake(t)
	res, resp, err := userClient(t, s, testserver.BobID).Spaces.Lookup(context.Background(),
		[]string{testserver.LiveSpaceID, "1zzzzzzzzzzzz", testserver.EndedSpaceID}, &spaceOpts)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.LiveSpaceID, testserver.EndedSpaceID}, spaceIDs(res.Data)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	checkSpaces(t, s, res.Data, &res.Includes)
	if len(resp.PartialErrors) != 1 || resp.PartialErrors[0].ResourceID != "1zzzzzzzzzzzz" {
		t.Errorf("partial errors = %+v", resp.PartialErrors)
	}
}

func TestFakeSpacesByCreators(t *testing.T) {
	s := fake(t)
	res, resp, err := appClient(t, s).Spaces.ByCreators(context.Background(),
		[]string{testserver.AliceID, testserver.JackID, testserver.XDevelopersID, testserver.NonexistentID}, &spaceOpts)
	if err != nil {
		t.Fatal(err)
	}
	// XDevelopers' Space has ended: only live and scheduled Spaces come back.
	if diff := cmp.Diff([]string{testserver.LiveSpaceID, testserver.ScheduledSpaceID}, spaceIDs(res.Data)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	checkSpaces(t, s, res.Data, &res.Includes)
	if res.Meta.ResultCount != 2 || len(resp.PartialErrors) != 1 || resp.PartialErrors[0].ResourceID != testserver.NonexistentID {
		t.Errorf("meta = %+v, partial errors = %+v", res.Meta, resp.PartialErrors)
	}
}

func TestFakeSpacesSearch(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	c := userClient(t, s, testserver.BobID, "space.read", "tweet.read", "users.read")
	res, _, err := c.Spaces.Search(ctx, "Go", &twitter.SpaceSearchOptions{SpaceOptions: spaceOpts, State: "live"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{testserver.LiveSpaceID}, spaceIDs(res.Data)); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	checkSpaces(t, s, res.Data, &res.Includes)
	res, _, err = c.Spaces.Search(ctx, "Go", &twitter.SpaceSearchOptions{MaxResults: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Data) != 1 {
		t.Errorf("max_results=1 gave %d Spaces", len(res.Data))
	}

	// A user token without the space.read scope.
	_, _, err = userClient(t, s, testserver.BobID, "tweet.read", "users.read").Spaces.Search(ctx, "Go", nil)
	wantError(t, err, 403, "")
}

// A Space's topic_ids decode, and the topics they name come back in includes.
func TestFakeSpacesTopicIDs(t *testing.T) {
	s := fake(t)
	res, _, err := appClient(t, s).Spaces.ByID(context.Background(), testserver.ScheduledSpaceID, &twitter.SpaceOptions{
		SpaceFields: []gen.SpaceField{gen.SpaceFieldTopicIds},
		Expansions:  []gen.SpaceExpansion{gen.SpaceExpansionTopicIds},
		TopicFields: []gen.TopicField{gen.TopicFieldName},
	})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.World().Space(testserver.ScheduledSpaceID)
	if len(want.TopicIDs) < 2 || !slices.Equal(res.Data.TopicIds, want.TopicIDs) {
		t.Errorf("topic_ids = %v, world has %v", res.Data.TopicIds, want.TopicIDs)
	}
	inc := twitter.NewIncludes(&res.Includes)
	for _, id := range want.TopicIDs {
		if tp, ok := inc.TopicByID(id); !ok || tp.Name == "" {
			t.Errorf("includes.topics lacks %s: %+v", id, res.Includes.Topics)
		}
	}
}

func TestFakeSpacesTweets(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := appClient(t, s).Spaces.Tweets(ctx, testserver.LiveSpaceID, &twitter.SpaceTweetsOptions{TweetOptions: richTweetOpts})
	if err != nil {
		t.Fatal(err)
	}
	live, _ := s.World().Space(testserver.LiveSpaceID)
	if diff := cmp.Diff(live.SharedTweetIDs, tweetIDs(res.Data)); diff != "" || len(live.SharedTweetIDs) == 0 {
		t.Errorf("shared Tweets (-world +got):\n%s", diff)
	}
	checkTweets(t, s, res.Data, &res.Includes)

	res, _, err = userClient(t, s, testserver.AliceID).Spaces.Tweets(ctx, testserver.LiveSpaceID, &twitter.SpaceTweetsOptions{MaxResults: 1})
	if err != nil || len(res.Data) != 1 || res.Data[0].ID != live.SharedTweetIDs[0] {
		t.Errorf("one shared Tweet: %v, err = %v", res, err)
	}
	_, _, err = appClient(t, s).Spaces.Tweets(ctx, "1zzzzzzzzzzzz", nil)
	wantError(t, err, 200, twitter.ProblemResourceNotFound)
}

func TestFakeSpacesBuyers(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	res, _, err := userClient(t, s, testserver.BobID).Spaces.Buyers(ctx, testserver.TicketedSpaceID, &twitter.UserListOptions{UserOptions: *pinnedUserOpts})
	if err != nil {
		t.Fatal(err)
	}
	ticketed, _ := s.World().Space(testserver.TicketedSpaceID)
	if diff := cmp.Diff(ticketed.BuyerIDs, userIDs(res.Data)); diff != "" || len(ticketed.BuyerIDs) != 3 {
		t.Errorf("buyers (-world +got):\n%s", diff)
	}
	for _, u := range res.Data {
		checkUser(t, s, u, &res.Includes)
	}

	// Only the creator may ask.
	_, _, err = userClient(t, s, testserver.AliceID).Spaces.Buyers(ctx, testserver.TicketedSpaceID, nil)
	wantError(t, err, 403, "")
}
