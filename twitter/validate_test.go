package twitter

import (
	"errors"
	"strings"
	"testing"

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
