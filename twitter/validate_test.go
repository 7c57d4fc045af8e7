package twitter

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
)

// valuesOf returns the values enumValues lists for E, checking that each is Valid.
func valuesOf[E enum](t *testing.T) []E {
	t.Helper()
	var zero E
	list := enumValues(zero)
	if list == "" {
		t.Fatalf("enumValues(%T) is empty", zero)
	}
	var out []E
	for v := range strings.SplitSeq(list, ", ") {
		if !E(v).Valid() {
			t.Errorf("enumValues(%T) lists %q, which is not Valid", zero, v)
		}
		out = append(out, E(v))
	}
	return out
}

func TestEnumValuesAreTheValidOnes(t *testing.T) {
	if got := valuesOf[gen.SearchRecentTweetsParamsSortOrder](t); len(got) != 2 {
		t.Errorf("sort orders %q", got)
	}
	if got := valuesOf[gen.UserExpansion](t); len(got) != 4 {
		t.Errorf("user expansions %q", got)
	}
	valuesOf[gen.UserField](t)
	valuesOf[gen.TweetField](t)
	valuesOf[gen.ListUserTweetsParamsExclude](t)
	if got := enumValues("username"); got != "" {
		t.Errorf("enumValues of a plain string = %q", got)
	}
}

func TestEnumChecks(t *testing.T) {
	const method = "Users.ByID"
	for _, tc := range []struct {
		name string
		err  error
		want string // "" for no error
	}{
		{"known", checkSet(method, "UserFields", []gen.UserField{gen.UserFieldUsername, gen.UserFieldCreatedAt}), ""},
		{"none", checkSet(method, "UserFields", []gen.UserField(nil)), ""},
		{"unknown", checkSet(method, "UserFields", []gen.UserField{"username", "handle"}),
			`twitter: Users.ByID: invalid argument: UserFields "handle" is not one of affiliation, confirmed_email,`},
		{"empty item", checkSet(method, "Expansions", []gen.UserExpansion{""}),
			`Expansions "" is not one of affiliation, affiliation.user_id, most_recent_tweet_id, pinned_tweet_id`},
		{"twice", checkSet(method, "UserFields", []gen.UserField{"id", "id"}), `UserFields lists "id" twice`},
		{"one unset", checkEnum(method, "SortOrder", gen.SearchRecentTweetsParamsSortOrder("")), ""},
		{"one unknown", checkEnum(method, "SortOrder", gen.SearchRecentTweetsParamsSortOrder("newest")),
			`SortOrder "newest" is not one of recency, relevancy`},
		{"every option of a struct", UserOptions{UserFields: []gen.UserField{"x"}, TweetFields: []gen.TweetField{"y"}}.check(method),
			`TweetFields "y" is not one of`},
	} {
		switch {
		case tc.want == "" && tc.err != nil:
			t.Errorf("%s: %v", tc.name, tc.err)
		case tc.want != "" && (!errors.Is(tc.err, ErrInvalidArgument) || !strings.Contains(tc.err.Error(), tc.want)):
			t.Errorf("%s: err = %v, want ErrInvalidArgument containing %q", tc.name, tc.err, tc.want)
		}
	}
	if p, err := optEnum("Spaces.Search", "State", gen.SearchSpacesParamsState("")); p != nil || err != nil {
		t.Errorf("optEnum of unset = %v, %v", p, err)
	}
	if p, err := optEnum("Spaces.Search", "State", gen.SearchSpacesParamsStateLive); err != nil || p == nil || *p != gen.SearchSpacesParamsStateLive {
		t.Errorf("optEnum(live) = %v, %v", p, err)
	}
}

// TestEnumValuesAreInTheDocumentsOrder: an error lists the values as the document does,
// not sorted (gen's constants are).
func TestEnumValuesAreInTheDocumentsOrder(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{enumValues(gen.Granularity("")), "minute, hour, day"},
		{enumValues(gen.TweetAnalyticsGranularity("")), "hourly, daily, weekly, total"},
		{enumValues(gen.ArticleEntityType("")), "post, link, image, emoji, markdown, divider, latex"},
	} {
		if tc.got != tc.want {
			t.Errorf("enumValues = %q, want %q", tc.got, tc.want)
		}
	}
	err := checkEnum("Tweets.CountRecent", "Granularity", gen.Granularity("week"))
	if want := `twitter: Tweets.CountRecent: invalid argument: Granularity "week" is not one of minute, hour, day`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
	if err := checkOneOf("Compliance.Jobs", "job type", gen.ListComplianceJobsParamsType("")); err == nil || !strings.Contains(err.Error(), `job type "" is not one of tweets, users`) {
		t.Errorf("a required enum left empty: %v", err)
	}
	if err := checkOneOf("Compliance.Jobs", "job type", gen.ListComplianceJobsParamsTypeUsers); err != nil {
		t.Errorf("a valid required enum: %v", err)
	}
}

// TestRequestBodyEnumsAreCheckedAsOptionsAre: the enums of request bodies are refused as
// an option's are, naming the field and the document's values in its order.
func TestRequestBodyEnumsAreCheckedAsOptionsAre(t *testing.T) {
	article := func(edit func(*gen.ArticleContentState)) error {
		c := gen.ArticleContentState{
			Blocks: []gen.ArticleBlock{{Text: "hi", Type: gen.ArticleBlockTypeUnstyled,
				InlineStyleRanges: []gen.ArticleInlineStyleRange{{Style: gen.ArticleInlineStyleBold, Length: 2}}}},
			Entities: []gen.ArticleEntity{{Value: gen.ArticleEntityValue{Type: gen.ArticleEntityTypeDivider, Mutability: gen.ArticleEntityMutabilityImmutable}}},
		}
		edit(&c)
		return checkArticleContent("Articles.CreateDraft", c)
	}
	start := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	schedule := BroadcastSchedule{Start: start, End: start.Add(time.Hour), SourceID: "1", Repeat: "Monthly", Repeats: 2}
	note := NewNote{TweetID: "20", Text: "see https://example.com", Classification: "wrong"}
	c, err := NewClient(WithBearerToken("token"), WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"article block type", article(func(c *gen.ArticleContentState) { c.Blocks[0].Type = "header-four" }),
			`Articles.CreateDraft: invalid argument: block 0: type "header-four" is not one of unstyled, header-one, header-two, header-three, unordered-list-item, ordered-list-item, blockquote, atomic`},
		{"article style", article(func(c *gen.ArticleContentState) { c.Blocks[0].InlineStyleRanges[0].Style = "underline" }),
			`block 0: style "underline" is not one of bold, italic, strikethrough`},
		{"article entity type", article(func(c *gen.ArticleContentState) { c.Entities[0].Value.Type = "table" }),
			`entity 0: type "table" is not one of post, link, image, emoji, markdown, divider, latex`},
		{"article mutability", article(func(c *gen.ArticleContentState) { c.Entities[0].Value.Mutability = "" }),
			`entity 0: mutability "" is not one of ` + enumValues(gen.ArticleEntityMutability(""))},
		{"broadcast repeat", schedule.check("Broadcasts.Schedule", true), `Repeat "Monthly" is not one of Daily, Weekly`},
		{"note classification", func() error { _, _, err := c.Notes.Create(ctx, note); return err }(),
			`Notes.Create: invalid argument: Classification "wrong" is not one of ` + enumValues(gen.NoteClassification(""))},
		{"chat delete action", func() error {
			_, _, err := c.Chat.DeleteMessages(ctx, "1", gen.ChatMessagesDeleteRequest{SequenceIds: []string{"1"}, DeleteMessageAction: "delete_for_them"})
			return err
		}(), `DeleteMessageAction "delete_for_them" is not one of ` + enumValues(gen.ChatMessagesDeleteRequestDeleteMessageAction(""))},
		{"reply settings", func() error {
			_, err := (NewTweet{Text: "x", ReplySettings: "everyone"}).request("Tweets.Create")
			return err
		}(),
			`ReplySettings "everyone" is not one of following, mentionedUsers, subscribers, verified`},
		{"activity direction", checkActivitySubscription("Activity.CreateSubscription", gen.ActivitySubscriptionCreateRequest{
			EventType: gen.ActivityEventTypeLikeCreate, Filter: gen.ActivityFilter{UserID: "1", Direction: "both"}}),
			`Direction "both" is not one of inbound, outbound`},
		{"connections endpoint", func() error { _, _, err := c.Connections.CloseEndpoint(ctx, "activity_stream"); return err }(),
			`endpoint "activity_stream" is not one of ` + enumValues(gen.ConnectionEndpoint(""))},
		{"upload media type", checkUploadConfig("Media.Initialize", gen.MediaUploadConfigRequest{TotalBytes: 1, MediaType: "application/pdf"}),
			`MediaType "application/pdf" is not one of ` + enumValues(gen.MediaUploadConfigRequestMediaType(""))},
		{"upload category", checkUploadConfig("Media.Initialize", gen.MediaUploadConfigRequest{TotalBytes: 1, MediaType: "image/png", MediaCategory: "banner"}),
			`MediaCategory "banner" is not one of ` + enumValues(gen.MediaCategory(""))},
		{"subtitles category", checkSubtitled("Media.CreateSubtitles", "1", "tweet_video", "en"),
			`media category "tweet_video" is not one of AmplifyVideo, TweetVideo`},
	} {
		if tc.err == nil || !errors.Is(tc.err, ErrInvalidArgument) || !strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want ErrInvalidArgument containing %q", tc.name, tc.err, tc.want)
		}
	}
}
