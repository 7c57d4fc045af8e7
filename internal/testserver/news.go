package testserver

import (
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// News stories (GET /2/news/{id}, GET /2/news/search): write-ups X makes from posts.
//
// Seeded, each dated a fixed time before the server started (its clock's Now then; with
// NewManualClock(time.Time{}) that is SeedTime):
//   - NewsGoReleaseID: "Go 1.26 is out", Technology, 3 hours old, built from two Tweets.
//   - NewsGopherConID: "Gophers gather for GopherCon", Technology, 30 hours old.
//   - NewsCupFinalID: "City wins the cup final", Sports, 50 hours old.
//   - NewsChipRallyID: "Chip makers lift markets", Finance, 10 days old: past search's
//     default week.
//   - NewsGoRetroID: "Ten years of Go 1", Technology, 40 days old: past the 720 hours
//     a search can reach, so only ByID finds it.
//
// A search matches stories holding every word of the query (whole words, any case) in
// their name, hook, summary or keywords, newest first.
const (
	NewsGoReleaseID = "1890000000000000001"
	NewsGopherConID = "1890000000000000002"
	NewsCupFinalID  = "1890000000000000003"
	NewsChipRallyID = "1890000000000000004"
	NewsGoRetroID   = "1890000000000000005"
)

// NewsStory is a news story of the fake world.
type NewsStory struct {
	ID, Name, Hook, Summary, Category, Disclaimer string
	Keywords                                      []string
	PostIDs                                       []string
	Topics, People, Teams, Tickers                []string
	UpdatedAt                                     time.Time
}

func seedNews(st *state) {
	now := st.clock.Now().UTC().Truncate(time.Second)
	ago := func(h int) time.Time { return now.Add(-time.Duration(h) * time.Hour) }
	stories := []*NewsStory{
		{ID: NewsGoReleaseID, Name: "Go 1.26 is out", Hook: "A faster garbage collector lands for every gopher.",
			Summary: "The Go team released Go 1.26, with a new garbage collector and iterator helpers.", Category: "Technology",
			Keywords: []string{"go", "golang", "release"}, PostIDs: []string{JackFirstTweetID, MediaTweetID},
			Topics: []string{"Programming"}, UpdatedAt: ago(3)},
		{ID: NewsGopherConID, Name: "Gophers gather for GopherCon", Hook: "Talks on generics and tooling fill the week.",
			Summary: "Go developers met for the yearly conference.", Category: "Technology",
			Keywords: []string{"go", "conference"}, People: []string{"Rob Pike"}, UpdatedAt: ago(30)},
		{ID: NewsCupFinalID, Name: "City wins the cup final", Hook: "A late goal settles it.",
			Summary: "City beat United 2-1 in the cup final.", Category: "Sports",
			Keywords: []string{"football", "cup"}, Teams: []string{"City", "United"}, UpdatedAt: ago(50)},
		{ID: NewsChipRallyID, Name: "Chip makers lift markets", Hook: "Demand for accelerators keeps rising.",
			Summary: "Shares of chip makers rose for a third day.", Category: "Finance", Disclaimer: "Not financial advice.",
			Keywords: []string{"markets", "chips"}, Tickers: []string{"NVDA", "TSM"}, UpdatedAt: ago(240)},
		{ID: NewsGoRetroID, Name: "Ten years of Go 1", Hook: "The compatibility promise held.",
			Summary: "A look back at Go 1 and the promise that kept programs building.", Category: "Technology",
			Keywords: []string{"go", "history"}, UpdatedAt: ago(960)},
	}
	st.news = map[string]*NewsStory{}
	for _, n := range stories {
		st.news[n.ID] = n
	}
}

type wNews struct {
	ID                  string        `json:"id"`
	Name                string        `json:"name,omitempty"`
	Hook                string        `json:"hook,omitempty"`
	Summary             string        `json:"summary,omitempty"`
	Category            string        `json:"category,omitempty"`
	Disclaimer          string        `json:"disclaimer,omitempty"`
	Keywords            []string      `json:"keywords,omitempty"`
	UpdatedAt           string        `json:"updated_at,omitempty"`
	ClusterPostsResults []wNewsPost   `json:"cluster_posts_results,omitempty"`
	Contexts            *wNewsContext `json:"contexts,omitempty"`
}

type wNewsPost struct {
	PostID string `json:"post_id"`
}

type wNewsContext struct {
	Topics   []string `json:"topics,omitempty"`
	Entities *struct {
		People []string `json:"people,omitempty"`
	} `json:"entities,omitempty"`
	Sports *struct {
		Teams []string `json:"teams,omitempty"`
	} `json:"sports,omitempty"`
	Finance *struct {
		Tickers []string `json:"tickers,omitempty"`
	} `json:"finance,omitempty"`
}

// renderNews shows id and name, and the other fields news.fields asks for.
func renderNews(n *NewsStory, f set) wNews {
	w := wNews{ID: n.ID, Name: n.Name}
	pick(f, "hook", &w.Hook, n.Hook)
	pick(f, "summary", &w.Summary, n.Summary)
	pick(f, "category", &w.Category, n.Category)
	pick(f, "disclaimer", &w.Disclaimer, n.Disclaimer)
	pick(f, "keywords", &w.Keywords, n.Keywords)
	if f["updated_at"] {
		w.UpdatedAt = n.UpdatedAt.Format(time.RFC3339)
	}
	if f["cluster_posts_results"] {
		for _, id := range n.PostIDs {
			w.ClusterPostsResults = append(w.ClusterPostsResults, wNewsPost{PostID: id})
		}
	}
	if f["contexts"] && len(n.Topics)+len(n.People)+len(n.Teams)+len(n.Tickers) > 0 {
		cx := &wNewsContext{Topics: n.Topics}
		if len(n.People) > 0 {
			cx.Entities = &struct {
				People []string `json:"people,omitempty"`
			}{n.People}
		}
		if len(n.Teams) > 0 {
			cx.Sports = &struct {
				Teams []string `json:"teams,omitempty"`
			}{n.Teams}
		}
		if len(n.Tickers) > 0 {
			cx.Finance = &struct {
				Tickers []string `json:"tickers,omitempty"`
			}{n.Tickers}
		}
		w.Contexts = cx
	}
	return w
}

// newsFeature registers the operations this file serves and what it seeds into a new world.
func newsFeature() feature {
	return feature{seed: seedNews, ops: map[string]operation{
		"lookupNews": {(*Server).lookupNews, reads},
		"searchNews": {(*Server).searchNews, reads},
	}}
}

func (s *Server) lookupNews(c *call) (int, any) {
	id := c.path["id"]
	n := s.w.news[id]
	if n == nil {
		return notFoundAnswer("news", "id", id)
	}
	return http.StatusOK, envelope{Data: renderNews(n, listParam(c.q, "news.fields"))}
}

type newsMeta struct {
	ResultCount int `json:"result_count"`
}

func (s *Server) searchNews(c *call) (int, any) {
	maxResults, maxAge := 10, 168
	if v := c.q.Get("max_results"); v != "" {
		maxResults, _ = strconv.Atoi(v)
	}
	if v := c.q.Get("max_age_hours"); v != "" {
		maxAge, _ = strconv.Atoi(v)
	}
	words := strings.FieldsFunc(strings.ToLower(c.q.Get("query")), notWordRune)
	if len(words) == 0 {
		return http.StatusBadRequest, badParam("query", c.q.Get("query"), "The query has no words to look for")
	}
	oldest := s.clock.Now().Add(-time.Duration(maxAge) * time.Hour)
	var found []*NewsStory
	for _, n := range s.w.news {
		if n.UpdatedAt.Before(oldest) {
			continue
		}
		have := set{}
		for _, w := range strings.FieldsFunc(strings.ToLower(n.Name+" "+n.Hook+" "+n.Summary+" "+strings.Join(n.Keywords, " ")), notWordRune) {
			have[w] = true
		}
		all := true
		for _, w := range words {
			all = all && have[w]
		}
		if all {
			found = append(found, n)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].UpdatedAt.After(found[j].UpdatedAt) })
	if len(found) > maxResults {
		found = found[:maxResults]
	}
	f := listParam(c.q, "news.fields")
	env := envelope{Meta: newsMeta{ResultCount: len(found)}}
	if len(found) > 0 {
		data := make([]wNews, 0, len(found))
		for _, n := range found {
			data = append(data, renderNews(n, f))
		}
		env.Data = data
	}
	return http.StatusOK, env
}

// notWordRune splits text into the words a news search compares.
func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// News returns the news story with this id.
func (w *World) News(id string) (n NewsStory, ok bool) {
	w.read(func(st *state) {
		if p := st.news[id]; p != nil {
			n, ok = *p, true
			for _, l := range []*[]string{&n.Keywords, &n.PostIDs, &n.Topics, &n.People, &n.Teams, &n.Tickers} {
				*l = slices.Clone(*l)
			}
		}
	})
	return
}
