package testserver

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Post usage. Every Tweet a response carries in data (lookups, timelines, searches, List
// and bookmark listings, stream lines) counts against the project's cap on the UTC day of
// the server clock it was served, as X counts posts pulled. The cap is ProjectCap a
// month and resets on the first day of each month.
const (
	ProjectID   = "1690000001"
	ClientAppID = "28000001"
	ProjectCap  = 10000
)

type usageCounter struct {
	mu   sync.Mutex
	days map[string]int // "2006-01-02" -> posts served
}

func (u *usageCounter) count(now time.Time, n int) {
	if n == 0 {
		return
	}
	day := now.UTC().Format(time.DateOnly)
	u.mu.Lock()
	u.days[day] += n
	u.mu.Unlock()
}

func (u *usageCounter) on(day time.Time) int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.days[day.UTC().Format(time.DateOnly)]
}

// postsIn counts the Tweets in the data of a response.
func postsIn(v any) int {
	env, ok := v.(envelope)
	if !ok {
		return 0
	}
	switch d := env.Data.(type) {
	case []wTweet:
		return len(d)
	case wTweet:
		return 1
	}
	return 0
}

type wUsageDay struct {
	Date  string `json:"date"`
	Usage int    `json:"usage,string"` // X sends counts as decimal strings
}

type wProjectUsage struct {
	ProjectID string      `json:"project_id"`
	Usage     []wUsageDay `json:"usage,omitempty"`
}

type wAppUsage struct {
	ClientAppID      string      `json:"client_app_id"`
	Usage            []wUsageDay `json:"usage,omitempty"`
	UsageResultCount int         `json:"usage_result_count"`
}

type wUsage struct {
	CapResetDay         *int           `json:"cap_reset_day,omitempty"`
	DailyClientAppUsage []wAppUsage    `json:"daily_client_app_usage,omitempty"`
	DailyProjectUsage   *wProjectUsage `json:"daily_project_usage,omitempty"`
	ProjectCap          *string        `json:"project_cap,omitempty"`
	ProjectID           string         `json:"project_id,omitempty"`
	ProjectUsage        *string        `json:"project_usage,omitempty"`
}

// usageFeature registers the operations this file serves.
func usageFeature() feature {
	return feature{ops: map[string]operation{
		"getTweetUsage": {(*Server).getTweetUsage, reads},
	}}
}

// getTweetUsage reports the project's usage: the days asked for (oldest first, today
// last), the cap, what the month so far used and how many days are left until the cap
// resets. Without usage.fields it returns the four totals; the daily breakdowns come
// only when asked for.
func (s *Server) getTweetUsage(c *call) (int, any) {
	days := 7
	if v := c.q.Get("days"); v != "" {
		days, _ = strconv.Atoi(v)
	}
	f := listParam(c.q, "usage.fields")
	if f == nil {
		f = set{"cap_reset_day": true, "project_cap": true, "project_id": true, "project_usage": true}
	}
	now := s.clock.Now().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	monthStart := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	var daily []wUsageDay
	for i := days - 1; i >= 0; i-- {
		d := today.AddDate(0, 0, -i)
		daily = append(daily, wUsageDay{Date: fmtTime(d), Usage: s.usage.on(d)})
	}
	used := 0
	for d := monthStart; !d.After(today); d = d.AddDate(0, 0, 1) {
		used += s.usage.on(d)
	}
	w := wUsage{}
	if f["cap_reset_day"] {
		left := int(monthStart.AddDate(0, 1, 0).Sub(today).Hours() / 24)
		w.CapResetDay = &left
	}
	if f["daily_client_app_usage"] {
		w.DailyClientAppUsage = []wAppUsage{{ClientAppID: ClientAppID, Usage: daily, UsageResultCount: len(daily)}}
	}
	if f["daily_project_usage"] {
		w.DailyProjectUsage = &wProjectUsage{ProjectID: ProjectID, Usage: daily}
	}
	if f["project_cap"] {
		n := strconv.Itoa(ProjectCap)
		w.ProjectCap = &n
	}
	if f["project_id"] {
		w.ProjectID = ProjectID
	}
	if f["project_usage"] {
		u := strconv.Itoa(used)
		w.ProjectUsage = &u
	}
	return http.StatusOK, envelope{Data: w}
}
