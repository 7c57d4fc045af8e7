package twitter_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

func TestFakeUsersMuting(t *testing.T) {
	s := fake(t)
	ctx := context.Background()
	alice := userClient(t, s, testserver.AliceID)
	res, _, err := alice.Users.Muting(ctx, testserver.AliceID, &twitter.UserListOptions{UserOptions: *pinnedUserOpts})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().MutingIDs(testserver.AliceID), userIDs(res.Data)); diff != "" || len(res.Data) == 0 {
		t.Errorf("muting (-world +got):\n%s", diff)
	}
	for _, u := range res.Data {
		checkUser(t, s, u, &res.Includes)
	}

	// A new mute shows in the list.
	if _, _, err := alice.Users.Mute(ctx, testserver.AliceID, testserver.JackID); err != nil {
		t.Fatal(err)
	}
	res, _, err = alice.Users.Muting(ctx, testserver.AliceID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.World().MutingIDs(testserver.AliceID), userIDs(res.Data)); diff != "" || len(res.Data) < 2 {
		t.Errorf("muting after a mute (-world +got):\n%s", diff)
	}

	_, _, err = alice.Users.Muting(ctx, testserver.BobID, nil)
	wantError(t, err, 403, "")
	_, _, err = appClient(t, s).Users.Muting(ctx, testserver.AliceID, nil)
	wantUnsupportedAuth(t, err)
}
