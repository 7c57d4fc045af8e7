package testserver

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
)

// Seeded trends. They do not change while a server runs (no operation changes them), so
// they are built once per process and shared.
//
//   - WorldwideWOEID (1): WorldwideTrendCount trends, more than max_trends allows (50).
//   - UnitedStatesWOEID: 30 trends.
//   - BerlinWOEID: 5 trends.
//
// Other ids are places X has no trends for. Personalized trends: Alice and Bob each have
// their own; every other user gets DefaultPersonalizedTrends.
const (
	WorldwideWOEID      = 1
	UnitedStatesWOEID   = 23424977
	BerlinWOEID         = 638242
	WorldwideTrendCount = 60
)

// Trend is a topic trending in a place.
type Trend struct {
	Name       string
	TweetCount int
}

// PersonalizedTrend is a trend picked for one user.
type PersonalizedTrend struct {
	Name          string
	Category      string
	PostCount     int
	TrendingSince string
}

type trendSeed struct {
	byWOEID      map[int][]Trend
	personalized map[string][]PersonalizedTrend
	fallback     []PersonalizedTrend
}

var seedTrends = sync.OnceValue(func() *trendSeed {
	ts := &trendSeed{byWOEID: map[int][]Trend{}, personalized: map[string][]PersonalizedTrend{}}
	named := []string{"#golang", "#XAPI", "Gophers", "#buildinpublic", "Monday Motivation", "#WorldCup", "Open Source", "#100DaysOfCode"}
	world := make([]Trend, WorldwideTrendCount)
	for i := range world {
		name := fmt.Sprintf("#Trend%02d", i+1)
		if i < len(named) {
			name = named[i]
		}
		world[i] = Trend{Name: name, TweetCount: 900000 - i*14000}
	}
	ts.byWOEID[WorldwideWOEID] = world
	us := make([]Trend, 30)
	for i := range us {
		us[i] = Trend{Name: fmt.Sprintf("#USTrend%02d", i+1), TweetCount: 400000 - i*11000}
	}
	us[0], us[1] = Trend{Name: "Thanksgiving", TweetCount: 512000}, Trend{Name: "#NFL", TweetCount: 488000}
	ts.byWOEID[UnitedStatesWOEID] = us
	ts.byWOEID[BerlinWOEID] = []Trend{
		{Name: "#Berlin", TweetCount: 42000}, {Name: "Hertha", TweetCount: 31000}, {Name: "#GoBerlin", TweetCount: 12000},
		{Name: "BVG", TweetCount: 9000}, {Name: "Späti", TweetCount: 4000},
	}
	ts.personalized[AliceID] = []PersonalizedTrend{
		{Name: "#golang", Category: "Technology", PostCount: 120000, TrendingSince: "Trending now"},
		{Name: "Go 1.26", Category: "Technology", PostCount: 34000, TrendingSince: "2 hours ago"},
		{Name: "#GoBerlin", Category: "Events", PostCount: 12000, TrendingSince: "5 hours ago"},
	}
	ts.personalized[BobID] = []PersonalizedTrend{
		{Name: "#XAPI", Category: "Technology", PostCount: 56000, TrendingSince: "Trending now"},
		{Name: "Lyon", Category: "News", PostCount: 8000, TrendingSince: "1 hour ago"},
	}
	ts.fallback = []PersonalizedTrend{
		{Name: "#WorldCup", Category: "Sports", PostCount: 830000, TrendingSince: "Trending now"},
		{Name: "Open Source", Category: "Technology", PostCount: 760000, TrendingSince: "3 hours ago"},
		{Name: "Monday Motivation", Category: "Entertainment", PostCount: 700000, TrendingSince: "8 hours ago"},
	}
	return ts
})

// DefaultPersonalizedTrends is what a user without trends of their own is shown.
func DefaultPersonalizedTrends() []PersonalizedTrend {
	return append([]PersonalizedTrend(nil), seedTrends().fallback...)
}

func personalizedTrendsOf(userID string) []PersonalizedTrend {
	ts := seedTrends()
	if l, ok := ts.personalized[userID]; ok {
		return l
	}
	return ts.fallback
}

// Trends returns the trends of a place, most popular first, and whether X has any for it.
func (w *World) Trends(woeid int) ([]Trend, bool) {
	l, ok := seedTrends().byWOEID[woeid]
	return append([]Trend(nil), l...), ok
}

// PersonalizedTrends returns the trends picked for userID.
func (w *World) PersonalizedTrends(userID string) []PersonalizedTrend {
	return append([]PersonalizedTrend(nil), personalizedTrendsOf(userID)...)
}

type wTrend struct {
	TrendName  string `json:"trend_name"`
	TweetCount *int   `json:"tweet_count,omitempty"`
}

type wPersonalizedTrend struct {
	TrendName     string `json:"trend_name"`
	Category      string `json:"category,omitempty"`
	PostCount     *int   `json:"post_count,omitempty"`
	TrendingSince string `json:"trending_since,omitempty"`
}

// trendsFeature registers the operations this file serves.
func trendsFeature() feature {
	return feature{ops: map[string]operation{
		"listTrendsByWoeid":      {(*Server).listTrendsByWoeid, reads},
		"listPersonalizedTrends": {(*Server).listPersonalizedTrends, reads},
	}}
}

// listTrendsByWoeid serves up to max_trends (default 20) trends of a place; the name
// always comes, tweet_count when trend.fields asks. A place without trends is a 200 with
// only a not-found problem.
func (s *Server) listTrendsByWoeid(c *call) (int, any) {
	woeid, _ := strconv.Atoi(c.path["woeid"])
	list, ok := seedTrends().byWOEID[woeid]
	if !ok {
		return notFoundAnswer("trends", "woeid", c.path["woeid"])
	}
	n := 20
	if v := c.q.Get("max_trends"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	fields := listParam(c.q, "trend.fields")
	var data []wTrend
	for _, t := range list[:min(n, len(list))] {
		w := wTrend{TrendName: t.Name}
		if fields["tweet_count"] {
			w.TweetCount = &t.TweetCount
		}
		data = append(data, w)
	}
	return http.StatusOK, envelope{Data: data}
}

// listPersonalizedTrends serves the trends picked for the authenticated user; the name
// always comes, the rest as personalized_trend.fields asks.
func (s *Server) listPersonalizedTrends(c *call) (int, any) {
	fields := listParam(c.q, "personalized_trend.fields")
	var data []wPersonalizedTrend
	for _, t := range personalizedTrendsOf(c.who.userID) {
		w := wPersonalizedTrend{TrendName: t.Name}
		pick(fields, "category", &w.Category, t.Category)
		if fields["post_count"] {
			w.PostCount = &t.PostCount
		}
		pick(fields, "trending_since", &w.TrendingSince, t.TrendingSince)
		data = append(data, w)
	}
	return http.StatusOK, envelope{Data: data}
}
