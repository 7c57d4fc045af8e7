package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
)

func TestPostRequestsAndResults(t *testing.T) {
	runExchanges(t, []exchange{{
		name: "Create with text",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Create(ctx, NewTweet{Text: "Hello World!"}))
		},
		want:   wire{method: "POST", path: "/2/tweets", body: `{"text":"Hello World!"}`},
		status: 201,
		reply:  `{"data":{"id":"1445880548472328192","text":"Hello World!"}}`,
		check: func(t *testing.T, out any, resp *Response, _ error) {
			r := as[gen.TweetCreateResponse](t, out)
			if r.Data.ID != "1445880548472328192" || r.Data.Text != "Hello World!" || resp.StatusCode != 201 {
				t.Errorf("result = %s (status %d)", asJSON(t, r), resp.StatusCode)
			}
		},
	}, {
		name: "Create a reply with media and reply settings",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Create(ctx, NewTweet{
				Text:                      "Look at this",
				ReplyTo:                   "1455953449422516226",
				ExcludeReplyUserIDs:       []string{"6253282"},
				AutoPopulateReplyMetadata: true,
				MediaIDs:                  []string{"1455952740635586573", "1146654567674912769"},
				TaggedUserIDs:             []string{"2244994945"},
				ReplySettings:             gen.TweetCreateRequestReplySettingsMentionedUsers,
				PlaceID:                   "5a110d312052166f",
			}))
		},
		want: wire{method: "POST", path: "/2/tweets", body: `{"text":"Look at this",` +
			`"reply":{"in_reply_to_tweet_id":"1455953449422516226","exclude_reply_user_ids":["6253282"],"auto_populate_reply_metadata":true},` +
			`"media":{"media_ids":["1455952740635586573","1146654567674912769"],"tagged_user_ids":["2244994945"]},` +
			`"reply_settings":"mentionedUsers","geo":{"place_id":"5a110d312052166f"}}`},
		status: 201,
		reply:  `{"data":{"id":"1445880548472328193","text":"@TwitterDev Look at this https://t.co/abc"}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.TweetCreateResponse](t, out); r.Data.ID != "1445880548472328193" {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Create a quote",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Create(ctx, NewTweet{Text: "So true", QuoteTweetID: "1455953449422516226", ForSuperFollowersOnly: true}))
		},
		want:   wire{method: "POST", path: "/2/tweets", body: `{"text":"So true","quote_tweet_id":"1455953449422516226","for_super_followers_only":true}`},
		status: 201,
		reply:  `{"data":{"id":"1445880548472328194","text":"So true https://t.co/q"}}`,
	}, {
		name: "Create a poll",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Create(ctx, NewTweet{Text: "Tabs or spaces?", Poll: &Poll{Options: []string{"tabs", "spaces"}, Duration: 24 * time.Hour}}))
		},
		want:   wire{method: "POST", path: "/2/tweets", body: `{"text":"Tabs or spaces?","poll":{"options":["tabs","spaces"],"duration_minutes":1440}}`},
		status: 201,
		reply:  `{"data":{"id":"1445880548472328195","text":"Tabs or spaces?"}}`,
	}, {
		name: "Create with every other field",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Create(ctx, NewTweet{
				Text: "edited", CommunityID: "1146654567674912769", ShareWithFollowers: true, Nullcast: true,
				DirectMessageDeepLink: "https://twitter.com/messages/compose?recipient_id=2244994945", EditOf: "1346889436626259968",
				PaidPartnership: true,
			}))
		},
		want: wire{method: "POST", path: "/2/tweets", body: `{"text":"edited","community_id":"1146654567674912769","share_with_followers":true,` +
			`"nullcast":true,"paid_partnership":true,"direct_message_deep_link":"https://twitter.com/messages/compose?recipient_id=2244994945",` +
			`"edit_options":{"previous_post_id":"1346889436626259968"}}`},
		status: 201,
		reply:  `{"data":{"id":"1445880548472328196","text":"edited"}}`,
	}, {
		name: "Create with a card",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Create(ctx, NewTweet{Text: "card", CardURI: "card://1459287693493489664"}))
		},
		want:   wire{method: "POST", path: "/2/tweets", body: `{"text":"card","card_uri":"card://1459287693493489664"}`},
		status: 201,
		reply:  `{"data":{"id":"1445880548472328197","text":"card"}}`,
	}, {
		name: "Create refused as a duplicate",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Create(ctx, NewTweet{Text: "Hello World!"}))
		},
		want:    wire{method: "POST", path: "/2/tweets", body: `{"text":"Hello World!"}`},
		status:  403,
		reply:   `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`,
		wantErr: true,
		check: func(t *testing.T, out any, _ *Response, err error) {
			if !IsForbidden(err) || out != nil || apiError(t, err).Endpoint != "POST /2/tweets" {
				t.Errorf("out = %v, err = %v", out, err)
			}
		},
	}, {
		name: "Delete",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Delete(ctx, "1445880548472328192"))
		},
		want:  wire{method: "DELETE", path: "/2/tweets/1445880548472328192"},
		reply: `{"data":{"deleted":true}}`,
		check: func(t *testing.T, out any, _ *Response, _ error) {
			if r := as[gen.TweetDeleteResponse](t, out); !r.Data.Deleted {
				t.Errorf("result = %s", asJSON(t, r))
			}
		},
	}, {
		name: "Delete another's Tweet",
		call: func(ctx context.Context, c *Client) (any, *Response, error) {
			return wrap(c.Tweets.Delete(ctx, "20"))
		},
		want:    wire{method: "DELETE", path: "/2/tweets/20"},
		status:  403,
		reply:   `{"detail":"You are not authorized to delete this Tweet.","type":"about:blank","title":"Forbidden","status":403}`,
		wantErr: true,
		check: func(t *testing.T, _ any, _ *Response, err error) {
			if !IsForbidden(err) {
				t.Errorf("err = %v", err)
			}
		},
	}})
}

func TestPostRejectsBadArguments(t *testing.T) {
	c := setup(t, rejectAll(t))
	ctx := context.Background()
	poll := func(d time.Duration, options ...string) *Poll { return &Poll{Options: options, Duration: d} }
	for _, tc := range []struct {
		name string
		t    NewTweet
		want string
	}{
		{"nothing", NewTweet{}, "Tweets.Create: invalid argument: a Tweet needs Text unless it carries media"},
		{"reply only", NewTweet{ReplyTo: "20"}, "needs Text"},
		{"bad UTF-8", NewTweet{Text: "\xff"}, "not valid UTF-8"},
		{"bad reply id", NewTweet{Text: "x", ReplyTo: "@jack"}, `ReplyTo tweet id "@jack" is malformed`},
		{"bad excluded user", NewTweet{Text: "x", ReplyTo: "20", ExcludeReplyUserIDs: []string{"12", "x"}}, "(item 1)"},
		{"excluded users without reply", NewTweet{Text: "x", ExcludeReplyUserIDs: []string{"12"}}, "need ReplyTo"},
		{"bad quote", NewTweet{Text: "x", QuoteTweetID: "https://x.com/jack/status/20"}, "QuoteTweetID"},
		{"five media", NewTweet{MediaIDs: []string{"1", "2", "3", "4", "5"}}, "5 media ids; a Tweet takes at most 4"},
		{"bad media id", NewTweet{MediaIDs: []string{"3_1455952740635586573"}}, `media id "3_1455952740635586573" is malformed`},
		{"tags without media", NewTweet{Text: "x", TaggedUserIDs: []string{"12"}}, "TaggedUserIDs need MediaIDs"},
		{"eleven tags", NewTweet{MediaIDs: []string{"1"}, TaggedUserIDs: strings.Split("1,2,3,4,5,6,7,8,9,10,11", ",")}, "11 tagged users"},
		{"poll and media", NewTweet{Text: "x", MediaIDs: []string{"1"}, Poll: poll(time.Hour, "a", "b")}, "a poll cannot go with media"},
		{"poll and quote", NewTweet{Text: "x", QuoteTweetID: "20", Poll: poll(time.Hour, "a", "b")}, "a poll cannot go with"},
		{"card and media", NewTweet{Text: "x", MediaIDs: []string{"1"}, CardURI: "card://1"}, "a card cannot go with"},
		{"one option", NewTweet{Text: "x", Poll: poll(time.Hour, "a")}, "a poll has 1 options; it takes 2 to 4"},
		{"five options", NewTweet{Text: "x", Poll: poll(time.Hour, "a", "b", "c", "d", "e")}, "a poll has 5 options"},
		{"empty option", NewTweet{Text: "x", Poll: poll(time.Hour, "a", "")}, "poll option 1 is 0 characters"},
		{"long option", NewTweet{Text: "x", Poll: poll(time.Hour, "a", strings.Repeat("é", 26))}, "poll option 1 is 26 characters"},
		{"short poll", NewTweet{Text: "x", Poll: poll(4*time.Minute, "a", "b")}, "poll Duration 4m0s is not a whole number of minutes from 5m0s to 168h0m0s"},
		{"long poll", NewTweet{Text: "x", Poll: poll(7*24*time.Hour+time.Minute, "a", "b")}, "poll Duration"},
		{"poll of seconds", NewTweet{Text: "x", Poll: poll(10*time.Minute+time.Second, "a", "b")}, "whole number of minutes"},
		{"reply settings", NewTweet{Text: "x", ReplySettings: "everyone"}, `ReplySettings "everyone" is not one of`},
		{"community", NewTweet{Text: "x", CommunityID: "tech"}, "CommunityID"},
		{"share without community", NewTweet{Text: "x", ShareWithFollowers: true}, "ShareWithFollowers needs CommunityID"},
		{"edit of", NewTweet{Text: "x", EditOf: "-1"}, "EditOf tweet id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, resp, err := c.Tweets.Create(ctx, tc.t)
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tc.want) || resp != nil {
				t.Errorf("err = %v, want ErrInvalidArgument containing %q", err, tc.want)
			}
		})
	}
	for _, id := range []string{"", "1a", "12345678901234567890"} {
		if _, _, err := c.Tweets.Delete(ctx, id); !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), "Tweets.Delete") {
			t.Errorf("Delete(%q): err = %v", id, err)
		}
	}
}
