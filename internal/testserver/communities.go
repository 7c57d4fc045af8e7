package testserver

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Seeded Communities. No operation changes them, so they are built once per process; a
// server's own, added by AddCommunity (seed_communities.go), come after them.
//
//   - GophersCommunityID: "Gophers", public and open, the biggest.
//   - APIBuildersCommunityID: "API Builders", closed, joined on request.
//   - CommunitySearchCount Communities match CommunitySearchQuery ("gopher"): Gophers and
//     generated "Gopher Club NN" ones, enough for several pages of search.
const (
	GophersCommunityID     = "1740000000000000001"
	APIBuildersCommunityID = "1740000000000000002"
	CommunitySearchQuery   = "gopher"
	CommunitySearchCount   = 25
)

// Community is a group of accounts around one subject.
type Community struct {
	ID          string
	Name        string
	Description string
	Access      string // Public, Closed
	JoinPolicy  string // Open, RestrictedJoinRequestsRequireModeratorApproval, ...
	MemberCount int
	CreatedAt   time.Time
}

type communitySeed struct {
	byID  map[string]*Community
	order []*Community // seeded order: what search walks
}

var seedCommunities = sync.OnceValue(func() *communitySeed {
	cs := &communitySeed{byID: map[string]*Community{}}
	add := func(c *Community) {
		cs.byID[c.ID] = c
		cs.order = append(cs.order, c)
	}
	add(&Community{ID: GophersCommunityID, Name: "Gophers", Description: "Everything about Go and its gopher",
		Access: "Public", JoinPolicy: "Open", MemberCount: 48213, CreatedAt: time.Date(2021, 9, 8, 17, 0, 0, 0, time.UTC)})
	add(&Community{ID: APIBuildersCommunityID, Name: "API Builders", Description: "People who build on the X API",
		Access: "Closed", JoinPolicy: "RestrictedJoinRequestsRequireModeratorApproval", MemberCount: 1290,
		CreatedAt: time.Date(2022, 3, 14, 9, 30, 0, 0, time.UTC)})
	for i := 1; i < CommunitySearchCount; i++ {
		add(&Community{ID: strconv.FormatUint(1740000000000000100+uint64(i), 10), Name: fmt.Sprintf("Gopher Club %02d", i),
			Description: fmt.Sprintf("Local gopher meetup number %d", i), Access: "Public", JoinPolicy: "Open",
			MemberCount: 40 + i*7, CreatedAt: time.Date(2023, 1, i, 12, 0, 0, 0, time.UTC)})
	}
	return cs
})

// Community returns the Community with this id.
func (w *World) Community(id string) (c Community, ok bool) {
	w.read(func(st *state) {
		if cm := st.community(id); cm != nil {
			c, ok = *cm, true
		}
	})
	return c, ok
}

// CommunitySearchIDs lists the ids of the Communities that match query, in the order
// GET /2/communities/search pages through them.
func (w *World) CommunitySearchIDs(query string) (ids []string) {
	w.read(func(st *state) {
		for _, c := range st.communitiesMatching(query) {
			ids = append(ids, c.ID)
		}
	})
	return ids
}

// community finds a Community, seeded or added.
func (st *state) community(id string) *Community {
	if c := seedCommunities().byID[id]; c != nil {
		return c
	}
	if i := slices.IndexFunc(st.communities, func(c *Community) bool { return c.ID == id }); i >= 0 {
		return st.communities[i]
	}
	return nil
}

// communitiesMatching lists the Communities whose name or description holds every word of
// query, case-insensitively: the seeded ones first, then those added, oldest first.
func (st *state) communitiesMatching(query string) []*Community {
	q := strings.Fields(strings.ToLower(query))
	if len(q) == 0 {
		return nil
	}
	var out []*Community
	for _, c := range slices.Concat(seedCommunities().order, st.communities) {
		hay := strings.ToLower(c.Name + "\x00" + c.Description)
		all := true
		for _, w := range q {
			if !strings.Contains(hay, w) {
				all = false
				break
			}
		}
		if all {
			out = append(out, c)
		}
	}
	return out
}

type wCommunity struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Access      string `json:"access,omitempty"`
	CreatedAt   string `json:"created_at,omitempty"`
	Description string `json:"description,omitempty"`
	JoinPolicy  string `json:"join_policy,omitempty"`
	MemberCount *int   `json:"member_count,omitempty"`
}

// community renders a Community: id and name, and what community.fields asks for.
func community(c *Community, f set) wCommunity {
	w := wCommunity{ID: c.ID, Name: c.Name}
	pick(f, "access", &w.Access, c.Access)
	pick(f, "created_at", &w.CreatedAt, fmtTime(c.CreatedAt))
	pick(f, "description", &w.Description, c.Description)
	pick(f, "join_policy", &w.JoinPolicy, c.JoinPolicy)
	pickPtr(f, "member_count", &w.MemberCount, c.MemberCount)
	return w
}

// communitiesFeature registers the operations this file serves.
func communitiesFeature() feature {
	return feature{ops: map[string]operation{
		"lookupCommunity":   {(*Server).lookupCommunity, reads},
		"searchCommunities": {(*Server).searchCommunities, reads},
	}}
}

func (s *Server) lookupCommunity(c *call) (int, any) {
	id := c.path["id"]
	cm := s.w.community(id)
	if cm == nil {
		return notFoundAnswer("community", "id", id)
	}
	return http.StatusOK, envelope{Data: community(cm, listParam(c.q, "community.fields"))}
}

type communityMeta struct {
	NextToken string `json:"next_token,omitempty"`
}

// searchCommunities pages through the Communities matching the query, max_results
// (default 10) at a time; next_token and pagination_token take the same tokens.
func (s *Server) searchCommunities(c *call) (int, any) {
	p, pr := pageParams(c, filterKey(c, "query"), 10)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	list := s.w.communitiesMatching(c.q.Get("query"))
	from, to, next, _ := p.window(len(list))
	f := listParam(c.q, "community.fields")
	var data []wCommunity
	for _, cm := range list[from:to] {
		data = append(data, community(cm, f))
	}
	env := envelope{Meta: communityMeta{NextToken: next}}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}
