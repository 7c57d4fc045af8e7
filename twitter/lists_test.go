package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/twitterkit/go/gen"
)

const listData = `{"id":"1441162269824405510","name":"Developers","created_at":"2021-09-23T21:31:42.000Z","description":"Accounts that talk about the X API","follower_count":198,"member_count":60,"owner_id":"2244994945","private":false}`

var listOpts = &ListOptions{
	ListFields: []gen.ListField{gen.ListFieldCreatedAt, gen.ListFieldFollowerCount, gen.ListFieldOwnerID},
	Expansions: []gen.ListExpansion{gen.ListExpansionOwnerID},
	UserFields: []gen.UserField{gen.UserFieldCreatedAt},
}

const listQuery = "list.fields=created_at,follower_count,owner_id&expansions=owner_id&user.fields=created_at"

func TestListsRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "ByID",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.ByID(ctx, "1441162269824405510", listOpts))
		},
		want:  wire{method: "GET", path: "/2/lists/1441162269824405510", query: listQuery},
		reply: `{"data":` + listData + `,"includes":{"users":[{"id":"2244994945","name":"Developers","username":"XDevelopers","created_at":"2013-12-14T04:35:55.000Z"}]}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.SingleListLookupResponse](t, out)
			if r.Data.Name != "Developers" || r.Data.FollowerCount != 198 || r.Data.OwnerID != r.Includes.Users[0].ID {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "ByID of a missing List",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.ByID(ctx, "1", nil))
		},
		want:    wire{method: "GET", path: "/2/lists/1"},
		reply:   `{"errors":[{"value":"1","detail":"Could not find list with id: [1].","title":"Not Found Error","resource_type":"list","parameter":"id","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsNotFound(err) || apiError(t, err).StatusCode != 200 {
				t.Errorf("err = %v", err)
			}
		},
	}, {
		name: "Create",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Create(ctx, gen.ListCreateRequest{Name: "test v2 create list", Description: "list for testing", Private: true}))
		},
		want:   wire{method: "POST", path: "/2/lists", body: `{"name":"test v2 create list","description":"list for testing","private":true}`},
		status: 201,
		reply:  `{"data":{"id":"1441162269824405510","name":"test v2 create list"}}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			if r := as[gen.ListCreateResponse](t, out); r.Data.ID != "1441162269824405510" || resp.StatusCode != 201 {
				t.Errorf("status %d, result = %s", resp.StatusCode, asJSON(t, r))
			}
		},
	}, {
		name: "Update",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Update(ctx, "1441162269824405510", gen.ListUpdateRequest{Private: new(true)}))
		},
		want:  wire{method: "PUT", path: "/2/lists/1441162269824405510", body: `{"private":true}`},
		reply: `{"data":{"updated":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.ListUpdateResponse](t, out); !r.Data.Updated {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Update another's List",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Update(ctx, "84839422", gen.ListUpdateRequest{Name: new("mine now")}))
		},
		want:    wire{method: "PUT", path: "/2/lists/84839422", body: `{"name":"mine now"}`},
		status:  403,
		reply:   `{"detail":"You are not allowed to update this List.","type":"about:blank","title":"Forbidden","status":403}`,
		wantErr: true,
	}, {
		name: "Delete",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Delete(ctx, "1441162269824405510"))
		},
		want:  wire{method: "DELETE", path: "/2/lists/1441162269824405510"},
		reply: `{"data":{"deleted":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.ListDeleteResponse](t, out); !r.Data.Deleted {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Tweets",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Tweets(ctx, "84839422", &TweetListOptions{TweetOptions: allTweetOpts, PageOptions: PageOptions{MaxResults: 100, PaginationToken: "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"}}))
		},
		want:  wire{method: "GET", path: "/2/lists/84839422/tweets", query: "max_results=100&pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i&" + tweetQuery},
		reply: `{"data":[` + tweetData + `],"includes":` + tweetIncludes + `,"meta":{"result_count":1,"next_token":"7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5j"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.GenericTweetsTimelineResponse](t, out)
			checkTweet(t, r.Data[0], &r.Includes)
		},
	}, {
		name: "Owned",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Owned(ctx, "2244994945", &ListPageOptions{ListOptions: *listOpts, PageOptions: PageOptions{MaxResults: 100, PaginationToken: "1710819323648428707"}}))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/owned_lists", query: "max_results=100&pagination_token=1710819323648428707&" + listQuery},
		reply: `{"data":[` + listData + `],"meta":{"result_count":1,"next_token":"1710819323648428706"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			r := as[gen.MultiListLookupResponse](t, out)
			if r.Data[0].ID != "1441162269824405510" || r.Meta.NextToken != "1710819323648428706" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Members",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Members(ctx, "84839422", &UserListOptions{PageOptions: PageOptions{MaxResults: 1}}))
		},
		want:  wire{method: "GET", path: "/2/lists/84839422/members", query: "max_results=1"},
		reply: `{"data":[{"id":"1319036828964454402","name":"Birdwatch","username":"birdwatch"}],"meta":{"result_count":1,"next_token":"5676935732641845249"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericMultipleUsersLookupResponse](t, out); r.Data[0].Username != "birdwatch" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "AddMember",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.AddMember(ctx, "1441162269824405510", "1324848235714736129"))
		},
		want:  wire{method: "POST", path: "/2/lists/1441162269824405510/members", body: `{"user_id":"1324848235714736129"}`},
		reply: `{"data":{"is_member":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.ListMutateResponse](t, out); !r.Data.IsMember {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "AddMember of a missing user fails though X answers 200",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.AddMember(ctx, "1441162269824405510", "2244994946"))
		},
		want:    wire{method: "POST", path: "/2/lists/1441162269824405510/members", body: `{"user_id":"2244994946"}`},
		reply:   `{"data":{"is_member":false},"errors":[{"value":"2244994946","detail":"Could not find user with user_id: [2244994946].","title":"Not Found Error","resource_type":"user","parameter":"user_id","resource_id":"2244994946","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsNotFound(err) || apiError(t, err).Endpoint != "POST /2/lists/{id}/members" {
				t.Errorf("err = %v", err)
			}
			if r := as[gen.ListMutateResponse](t, out); r.Data.IsMember {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "RemoveMember",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.RemoveMember(ctx, "1441162269824405510", "1324848235714736129"))
		},
		want:  wire{method: "DELETE", path: "/2/lists/1441162269824405510/members/1324848235714736129"},
		reply: `{"data":{"is_member":false}}`,
	}, {
		name: "Memberships",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Memberships(ctx, "1324848235714736129", &ListPageOptions{ListOptions: ListOptions{ListFields: []gen.ListField{gen.ListFieldMemberCount}}}))
		},
		want:  wire{method: "GET", path: "/2/users/1324848235714736129/list_memberships", query: "list.fields=member_count"},
		reply: `{"data":[{"id":"1451305624956858369","name":"Test List","member_count":1}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.MultiListLookupResponse](t, out); r.Data[0].MemberCount != 1 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Followers",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Followers(ctx, "84839422", &UserListOptions{UserOptions: UserOptions{UserFields: []gen.UserField{gen.UserFieldPinnedTweetID}}}))
		},
		want:  wire{method: "GET", path: "/2/lists/84839422/followers", query: "user.fields=pinned_tweet_id"},
		reply: `{"data":[{"id":"1324848235714736129","name":"Alan Benjamin","username":"alanbenlee"}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.GenericMultipleUsersLookupResponse](t, out); len(r.Data) != 1 {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Followed",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Followed(ctx, "2244994945", &ListPageOptions{PageOptions: PageOptions{MaxResults: 5}}))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/followed_lists", query: "max_results=5"},
		reply: `{"data":[{"id":"1630685563471495168","name":"Official X Accounts"}],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.MultiListLookupResponse](t, out); r.Data[0].Name != "Official X Accounts" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Follow",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Follow(ctx, "2244994945", "1630685563471495168"))
		},
		want:  wire{method: "POST", path: "/2/users/2244994945/followed_lists", body: `{"list_id":"1630685563471495168"}`},
		reply: `{"data":{"following":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.ListFollowedResponse](t, out); !r.Data.Following {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Unfollow",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Unfollow(ctx, "2244994945", "1630685563471495168"))
		},
		want:  wire{method: "DELETE", path: "/2/users/2244994945/followed_lists/1630685563471495168"},
		reply: `{"data":{"following":false}}`,
	}, {
		name: "Pinned",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Pinned(ctx, "2244994945", listOpts))
		},
		want:  wire{method: "GET", path: "/2/users/2244994945/pinned_lists", query: listQuery},
		reply: `{"data":[` + listData + `],"meta":{"result_count":1}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.MultiListLookupResponse](t, out); r.Data[0].ID != "1441162269824405510" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Pin",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Pin(ctx, "2244994945", "1441162269824405510"))
		},
		want:  wire{method: "POST", path: "/2/users/2244994945/pinned_lists", body: `{"list_id":"1441162269824405510"}`},
		reply: `{"data":{"pinned":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.ListPinnedResponse](t, out); !r.Data.Pinned {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Unpin",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Lists.Unpin(ctx, "2244994945", "1441162269824405510"))
		},
		want:  wire{method: "DELETE", path: "/2/users/2244994945/pinned_lists/1441162269824405510"},
		reply: `{"data":{"pinned":false}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.ListUnpinResponse](t, out); r.Data.Pinned {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}})
}

func TestListsRejectBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"ByID", func() error { _, _, err := c.Lists.ByID(ctx, "", nil); return err }, "Lists.ByID: invalid argument: empty list id"},
		{"Create no name", func() error { _, _, err := c.Lists.Create(ctx, gen.ListCreateRequest{}); return err }, "Lists.Create: invalid argument: name is 0 characters; a List's takes 1 to 25"},
		{"Create long name", func() error {
			_, _, err := c.Lists.Create(ctx, gen.ListCreateRequest{Name: strings.Repeat("ü", 26)})
			return err
		}, "name is 26 characters"},
		{"Create long description", func() error {
			_, _, err := c.Lists.Create(ctx, gen.ListCreateRequest{Name: "x", Description: strings.Repeat("d", 101)})
			return err
		}, "description is 101 characters; a List's takes at most 100"},
		{"Update nothing", func() error { _, _, err := c.Lists.Update(ctx, "84839422", gen.ListUpdateRequest{}); return err }, "nothing to update"},
		{"Update empty name", func() error {
			_, _, err := c.Lists.Update(ctx, "84839422", gen.ListUpdateRequest{Name: new("")})
			return err
		}, "name is 0 characters"},
		{"Update id", func() error {
			_, _, err := c.Lists.Update(ctx, "x", gen.ListUpdateRequest{Private: new(true)})
			return err
		}, `list id "x" is malformed`},
		{"Delete", func() error { _, _, err := c.Lists.Delete(ctx, "1 2"); return err }, "Lists.Delete: invalid argument"},
		{"Tweets page", func() error {
			_, _, err := c.Lists.Tweets(ctx, "84839422", &TweetListOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "Lists.Tweets: invalid argument: MaxResults 101 out of range [1, 100]"},
		{"Owned", func() error { _, _, err := c.Lists.Owned(ctx, "", nil); return err }, "Lists.Owned: invalid argument: empty user id"},
		{"Members page", func() error {
			_, _, err := c.Lists.Members(ctx, "84839422", &UserListOptions{PageOptions: PageOptions{MaxResults: 1000}})
			return err
		}, "MaxResults 1000 out of range [1, 100]"},
		{"AddMember list", func() error { _, _, err := c.Lists.AddMember(ctx, "", "12"); return err }, "Lists.AddMember: invalid argument: empty list id"},
		{"AddMember user", func() error { _, _, err := c.Lists.AddMember(ctx, "84839422", "@jack"); return err }, `user id "@jack" is malformed`},
		{"RemoveMember", func() error { _, _, err := c.Lists.RemoveMember(ctx, "84839422", ""); return err }, "Lists.RemoveMember: invalid argument"},
		{"Memberships page", func() error {
			_, _, err := c.Lists.Memberships(ctx, "12", &ListPageOptions{PageOptions: PageOptions{MaxResults: 101}})
			return err
		}, "Lists.Memberships: invalid argument: MaxResults 101"},
		{"Followers", func() error { _, _, err := c.Lists.Followers(ctx, "x", nil); return err }, "Lists.Followers: invalid argument"},
		{"Followed", func() error { _, _, err := c.Lists.Followed(ctx, "x", nil); return err }, "Lists.Followed: invalid argument"},
		{"Follow", func() error { _, _, err := c.Lists.Follow(ctx, "12", ""); return err }, "Lists.Follow: invalid argument: empty list id"},
		{"Unfollow", func() error { _, _, err := c.Lists.Unfollow(ctx, "", "84839422"); return err }, "Lists.Unfollow: invalid argument: empty user id"},
		{"Pinned", func() error { _, _, err := c.Lists.Pinned(ctx, "", nil); return err }, "Lists.Pinned: invalid argument"},
		{"Pin", func() error { _, _, err := c.Lists.Pin(ctx, "12", "list"); return err }, `Lists.Pin: invalid argument: list id "list" is malformed`},
		{"Unpin", func() error { _, _, err := c.Lists.Unpin(ctx, "12", ""); return err }, "Lists.Unpin: invalid argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
}
