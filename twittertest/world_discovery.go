package twittertest

import (
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// What X curates and users only read: Communities, news stories and trends. No
// operation changes them, so a test compares what its program showed with them; a test
// may seed Communities of its own (AddCommunity) beside the seeded ones.

// Community is an X Community.
type Community struct {
	ID          string
	Name        string
	Description string
	Access      string // Public or Closed
	JoinPolicy  string // Open, RestrictedJoinRequestsRequireModeratorApproval, ...
	MemberCount int
	CreatedAt   time.Time
}

// NewsStory is a news story X's editors wrote about what people post.
type NewsStory struct {
	ID, Name, Hook, Summary, Category, Disclaimer string
	Keywords                                      []string
	PostIDs                                       []string // the Tweets it is about
	Topics, People, Teams, Tickers                []string
	UpdatedAt                                     time.Time
}

// Trend is a trend of a place (GET /2/trends/by/woeid/{woeid}).
type Trend struct {
	Name       string
	TweetCount int
}

// PersonalizedTrend is a trend X picked for a user (GET /2/users/personalized_trends).
type PersonalizedTrend struct {
	Name          string
	Category      string
	PostCount     int
	TrendingSince string // as X words it, e.g. "Trending now"
}

// Community returns the Community with this id.
func (w *World) Community(id string) (Community, bool) {
	return oneOf(func(c testserver.Community) Community { return Community(c) })(w.w.Community(id))
}

// AddCommunity adds a Community: Communities.ByID finds it and Communities.Search
// matches every word of its Name and Description, after the seeded Communities. Name is
// required; zero fields are filled in: ID (a new id), Access (Public), JoinPolicy
// (Open), MemberCount (1) and CreatedAt (the server clock). It returns the Community as
// stored. The API lists no members of a Community, so none are seeded.
func (w *World) AddCommunity(c Community) (Community, error) {
	got, err := w.s.AddCommunity(testserver.Community(c))
	if err != nil {
		return Community{}, publicErr(err)
	}
	return Community(got), nil
}

// CommunitySearchIDs lists the Communities whose name or description holds every word
// of query, in the order GET /2/communities/search pages through them.
func (w *World) CommunitySearchIDs(query string) []string { return w.w.CommunitySearchIDs(query) }

// News returns the news story with this id.
func (w *World) News(id string) (NewsStory, bool) {
	return oneOf(func(n testserver.NewsStory) NewsStory {
		return NewsStory{ID: n.ID, Name: n.Name, Hook: n.Hook, Summary: n.Summary, Category: n.Category,
			Disclaimer: n.Disclaimer, Keywords: n.Keywords, PostIDs: n.PostIDs, Topics: n.Topics, People: n.People,
			Teams: n.Teams, Tickers: n.Tickers, UpdatedAt: n.UpdatedAt}
	})(w.w.News(id))
}

// Trends returns the trends of a place by its WOEID (1: worldwide), most popular first,
// and whether X has trends for it.
func (w *World) Trends(woeid int) ([]Trend, bool) {
	list, ok := w.w.Trends(woeid)
	return manyOf(func(t testserver.Trend) Trend { return Trend(t) }, list), ok
}

// PersonalizedTrends returns the trends X picks for userID.
func (w *World) PersonalizedTrends(userID string) []PersonalizedTrend {
	return manyOf(func(t testserver.PersonalizedTrend) PersonalizedTrend { return PersonalizedTrend(t) }, w.w.PersonalizedTrends(userID))
}
