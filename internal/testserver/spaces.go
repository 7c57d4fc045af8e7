package testserver

import (
	"net/http"
	"strconv"
	"strings"
)

type spacesMeta struct {
	ResultCount int `json:"result_count"`
}

func (s *Server) spaceList(c *call, list []*Space, errs []apiProblem, withMeta bool) (int, any) {
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	var data []wSpace
	for _, sp := range list {
		data = append(data, r.space(sp))
	}
	env := envelope{Includes: r.includes(), Errors: append(errs, r.errs...)}
	if len(data) > 0 {
		env.Data = data
	}
	if withMeta {
		env.Meta = spacesMeta{ResultCount: len(data)}
	}
	return http.StatusOK, env
}

// spacesFeature registers the operations this file serves.
func spacesFeature() feature {
	return feature{ops: map[string]operation{
		"lookupSpace":            {(*Server).lookupSpace, reads},
		"lookupSpaces":           {(*Server).lookupSpaces, reads},
		"lookupSpacesByCreators": {(*Server).lookupSpacesByCreators, reads},
		"searchSpaces":           {(*Server).searchSpaces, reads},
		"listSpaceTweets":        {(*Server).listSpaceTweets, reads},
		"listSpaceBuyers":        {(*Server).listSpaceBuyers, reads},
	}}
}

func (s *Server) lookupSpace(c *call) (int, any) {
	id := c.path["id"]
	sp := s.w.spaces[id]
	if sp == nil {
		return notFoundAnswer("space", "id", id)
	}
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	data := r.space(sp)
	return http.StatusOK, envelope{Data: data, Includes: r.includes(), Errors: r.errs}
}

func (s *Server) lookupSpaces(c *call) (int, any) {
	var list []*Space
	var errs []apiProblem
	for _, id := range strings.Split(c.q.Get("ids"), ",") {
		if sp := s.w.spaces[id]; sp != nil {
			list = append(list, sp)
		} else {
			errs = append(errs, notFound("space", "ids", id))
		}
	}
	return s.spaceList(c, list, errs, false)
}

// lookupSpacesByCreators returns the live and scheduled Spaces of the users.
func (s *Server) lookupSpacesByCreators(c *call) (int, any) {
	var list []*Space
	var errs []apiProblem
	for _, uid := range strings.Split(c.q.Get("user_ids"), ",") {
		if s.w.user(uid) == nil {
			errs = append(errs, notFound("user", "user_ids", uid))
			continue
		}
		for _, id := range s.w.spaceOrder {
			if sp := s.w.spaces[id]; sp.CreatorID == uid && sp.State != "ended" {
				list = append(list, sp)
			}
		}
	}
	return s.spaceList(c, list, errs, true)
}

func (s *Server) searchSpaces(c *call) (int, any) {
	state := c.q.Get("state")
	if state == "" {
		state = "all"
	}
	max := 100
	if v := c.q.Get("max_results"); v != "" {
		max, _ = strconv.Atoi(v)
	}
	q := words(c.q.Get("query"))
	var list []*Space
	for _, id := range s.w.spaceOrder {
		sp := s.w.spaces[id]
		if sp.State == "ended" || state != "all" && sp.State != state {
			continue
		}
		title := words(sp.Title)
		all := true
		for _, w := range q {
			if !contains(title, w) {
				all = false
			}
		}
		if all && len(list) < max {
			list = append(list, sp)
		}
	}
	return s.spaceList(c, list, nil, true)
}

// listSpaceTweets serves the Tweets shared in a Space that the caller may see, newest first.
func (s *Server) listSpaceTweets(c *call) (int, any) {
	id := c.path["id"]
	sp := s.w.spaces[id]
	if sp == nil {
		return notFoundAnswer("space", "id", id)
	}
	var list []*Tweet
	for _, tid := range sp.SharedTweetIDs {
		if t := s.w.tweet(tid); t != nil && s.w.canSee(c.who.viewer(), t.AuthorID) {
			list = append(list, t)
		}
	}
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, false)
}

// listSpaceBuyers serves who bought tickets to a Space; only its creator may ask.
func (s *Server) listSpaceBuyers(c *call) (int, any) {
	id := c.path["id"]
	sp := s.w.spaces[id]
	if sp == nil {
		return notFoundAnswer("space", "id", id)
	}
	if sp.CreatorID != c.who.userID {
		return http.StatusForbidden, forbidden("Only the creator of a Space can see who bought tickets to it.")
	}
	return s.idsPage(c, sp.BuyerIDs)
}
