package testserver

import (
	"net/http"
	"sort"
	"strconv"
	"time"
)

// Seeded Lists.
//
//   - GophersListID: @alice's public List "Gophers", the twenty @gopherNN accounts as
//     members (GophersListMemberCount), followed by Jack, Dave and Bob.
//   - AlicePrivateListID: @alice's private List "Close friends" (Bob and Carol); nobody
//     else sees it.
//   - XDevelopersListID: @XDevelopers' public List "X API news" (XDevelopers and Jack),
//     followed by Alice and Carol.
//
// Alice has pinned GophersListID and XDevelopersListID.
const (
	GophersListID          = "1590000000000000001"
	AlicePrivateListID     = "1590000000000000002"
	XDevelopersListID      = "1590000000000000003"
	GophersListMemberCount = 20

	// MaxPinnedLists is how many Lists a user may pin, as on X.
	MaxPinnedLists = 5
	// MaxOwnedLists and MaxListMembers are X's limits on Lists a user owns and members of a List.
	MaxOwnedLists  = 1000
	MaxListMembers = 5000
)

// listState is every List of a world and who follows and pins them.
type listState struct {
	byID     map[string]*List
	order    []string            // every List, newest first
	followed map[string][]string // user -> Lists followed, newest first
	pinned   map[string][]string // user -> Lists pinned, newest first
	seq      uint64
}

func seedLists(st *state) {
	st.lists.byID = map[string]*List{}
	st.lists.followed = map[string][]string{}
	st.lists.pinned = map[string][]string{}
	var gophers []string
	for i := 20; i >= 1; i-- {
		gophers = append(gophers, strconv.Itoa(1000000100+i))
	}
	add := func(l *List) {
		st.lists.byID[l.ID] = l
		st.lists.order = prepend(st.lists.order, l.ID)
		for _, f := range l.FollowerIDs {
			st.lists.followed[f] = append(st.lists.followed[f], l.ID)
		}
	}
	add(&List{ID: GophersListID, Name: "Gophers", Description: "Accounts that write Go", OwnerID: AliceID,
		CreatedAt: SeedTime.Add(-30 * 24 * time.Hour), MemberIDs: gophers, FollowerIDs: []string{JackID, DaveID, BobID}})
	add(&List{ID: AlicePrivateListID, Name: "Close friends", Description: "", OwnerID: AliceID, Private: true,
		CreatedAt: SeedTime.Add(-20 * 24 * time.Hour), MemberIDs: []string{CarolID, BobID}})
	add(&List{ID: XDevelopersListID, Name: "X API news", Description: "Who to follow for API changes", OwnerID: XDevelopersID,
		CreatedAt: SeedTime.Add(-10 * 24 * time.Hour), MemberIDs: []string{JackID, XDevelopersID}, FollowerIDs: []string{CarolID, AliceID}})
	st.lists.pinned[AliceID] = []string{XDevelopersListID, GophersListID}
	st.lists.seq = 1590000000000000100
}

// canSeeList tells whether viewer ("" for app-only) may see l: private Lists are the owner's alone.
func (st *state) canSeeList(viewer string, l *List) bool {
	return !l.Private || viewer == l.OwnerID
}

// visibleLists keeps the ids of Lists that exist and viewer may see.
func (st *state) visibleLists(viewer string, ids []string) []*List {
	var out []*List
	for _, id := range ids {
		if l := st.lists.byID[id]; l != nil && st.canSeeList(viewer, l) {
			out = append(out, l)
		}
	}
	return out
}

type wList struct {
	ID            string  `json:"id"`
	Name          string  `json:"name"`
	CreatedAt     string  `json:"created_at,omitempty"`
	Description   *string `json:"description,omitempty"`
	FollowerCount *int    `json:"follower_count,omitempty"`
	MemberCount   *int    `json:"member_count,omitempty"`
	OwnerID       string  `json:"owner_id,omitempty"`
	Private       *bool   `json:"private,omitempty"`
}

// list renders a List shaped by list.fields and notes the owner_id expansion.
func (r *renderer) list(l *List) wList {
	f := r.sh.list
	w := wList{ID: l.ID, Name: l.Name}
	pick(f, "created_at", &w.CreatedAt, fmtTime(l.CreatedAt))
	pickPtr(f, "description", &w.Description, l.Description)
	if f["follower_count"] {
		n := len(l.FollowerIDs)
		w.FollowerCount = &n
	}
	if f["member_count"] {
		n := len(l.MemberIDs)
		w.MemberCount = &n
	}
	pick(f, "owner_id", &w.OwnerID, l.OwnerID)
	pickPtr(f, "private", &w.Private, l.Private)
	if r.sh.exp["owner_id"] {
		r.includeUser(l.OwnerID)
	}
	return w
}

// listPage renders one page of Lists.
func (s *Server) listPage(c *call, lists []*List) (int, any) {
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return renderedPage(s, c, p, len(lists), func(r *renderer, i int) (wList, bool) { return r.list(lists[i]), true })
}

// readableList finds the List of the path for a read: nil and the envelope of a partial
// error when it does not exist or is private to someone else.
func (s *Server) readableList(c *call) (*List, any) {
	id := c.path["id"]
	l := s.w.lists.byID[id]
	if l == nil {
		return nil, envelope{Errors: []apiProblem{notFound("list", "id", id)}}
	}
	if !s.w.canSeeList(c.who.viewer(), l) {
		return nil, envelope{Errors: []apiProblem{notAuthorized("list", "id", id)}}
	}
	return l, nil
}

// ownedList finds the List of the path for a change by its owner: 404 when it does not
// exist (or is someone else's private List), 403 when the caller does not own it.
func (s *Server) ownedList(c *call, verb string) (*List, int, any) {
	id := c.path["id"]
	l := s.w.lists.byID[id]
	if l == nil || !s.w.canSeeList(c.who.userID, l) {
		pr := notFound("list", "id", id)
		pr.Status = http.StatusNotFound
		return nil, http.StatusNotFound, &pr
	}
	if l.OwnerID != c.who.userID {
		return nil, http.StatusForbidden, forbidden("You are not allowed to " + verb + " this List.")
	}
	return l, 0, nil
}

// listsFeature registers the operations this file serves and what it seeds into a new world.
func listsFeature() feature {
	return feature{seed: seedLists, ops: map[string]operation{
		"lookupList":          {(*Server).lookupList, reads},
		"createList":          {(*Server).createList, writes},
		"updateList":          {(*Server).updateList, writes},
		"deleteList":          {(*Server).deleteList, writes},
		"listListMembers":     {(*Server).listListMembers, reads},
		"listListFollowers":   {(*Server).listListFollowers, reads},
		"listListTweets":      {(*Server).listListTweets, reads},
		"addListMember":       {(*Server).addListMember, writes},
		"removeListMember":    {(*Server).removeListMember, writes},
		"listFollowedLists":   {(*Server).listFollowedLists, reads},
		"listOwnedLists":      {(*Server).listOwnedLists, reads},
		"listListMemberships": {(*Server).listListMemberships, reads},
		"followList":          {(*Server).followList, writes},
		"unfollowList":        {(*Server).unfollowList, writes},
		"listPinnedLists":     {(*Server).listPinnedLists, reads},
		"pinList":             {(*Server).pinList, writes},
		"unpinList":           {(*Server).unpinList, writes},
	}}
}

func (s *Server) lookupList(c *call) (int, any) {
	l, fail := s.readableList(c)
	if l == nil {
		return http.StatusOK, fail
	}
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	data := r.list(l)
	return http.StatusOK, envelope{Data: data, Includes: r.includes(), Errors: r.errs}
}

type listBody struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
	Private     *bool   `json:"private"`
}

func (s *Server) createList(c *call) (int, any) {
	var b listBody
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if b.Name == nil {
		return http.StatusBadRequest, invalidRequest(paramIssue{name: "name", message: "The `name` field is required in the request body"})
	}
	me := c.who.userID
	if len(s.w.ownedLists(me)) >= MaxOwnedLists {
		return http.StatusForbidden, forbidden("You cannot own more than " + strconv.Itoa(MaxOwnedLists) + " Lists.")
	}
	s.w.lists.seq++
	l := &List{ID: strconv.FormatUint(s.w.lists.seq, 10), Name: *b.Name, OwnerID: me, CreatedAt: s.clock.Now().UTC().Truncate(time.Millisecond)}
	if b.Description != nil {
		l.Description = *b.Description
	}
	if b.Private != nil {
		l.Private = *b.Private
	}
	s.w.lists.byID[l.ID] = l
	s.w.lists.order = prepend(s.w.lists.order, l.ID)
	return http.StatusCreated, envelope{Data: map[string]string{"id": l.ID, "name": l.Name}}
}

func (s *Server) updateList(c *call) (int, any) {
	var b listBody
	if len(c.body) > 0 {
		if pr := decodeBody(c, &b); pr != nil {
			return pr.Status, pr
		}
	}
	l, st, fail := s.ownedList(c, "update")
	if l == nil {
		return st, fail
	}
	if b.Name != nil {
		l.Name = *b.Name
	}
	if b.Description != nil {
		l.Description = *b.Description
	}
	if b.Private != nil {
		l.Private = *b.Private
	}
	return http.StatusOK, envelope{Data: map[string]bool{"updated": true}}
}

func (s *Server) deleteList(c *call) (int, any) {
	l, st, fail := s.ownedList(c, "delete")
	if l == nil {
		return st, fail
	}
	delete(s.w.lists.byID, l.ID)
	s.w.lists.order = without(s.w.lists.order, l.ID)
	for _, f := range l.FollowerIDs {
		s.w.lists.followed[f] = without(s.w.lists.followed[f], l.ID)
	}
	for u, ids := range s.w.lists.pinned {
		if contains(ids, l.ID) {
			s.w.lists.pinned[u] = without(ids, l.ID)
		}
	}
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}

func (s *Server) listListMembers(c *call) (int, any) {
	return s.listUsers(c, func(l *List) []string { return l.MemberIDs })
}

func (s *Server) listListFollowers(c *call) (int, any) {
	return s.listUsers(c, func(l *List) []string { return l.FollowerIDs })
}

// listUsers serves a page of the users of a List the caller may read: its members or its
// followers, as pick says.
func (s *Server) listUsers(c *call, pick func(*List) []string) (int, any) {
	l, fail := s.readableList(c)
	if l == nil {
		return http.StatusOK, fail
	}
	return s.idsPage(c, pick(l))
}

// listListTweets serves the Tweets of a List's members the caller may see, newest first,
// at most the 800 most recent, as X.
func (s *Server) listListTweets(c *call) (int, any) {
	l, fail := s.readableList(c)
	if l == nil {
		return http.StatusOK, fail
	}
	var list []*Tweet
	for _, m := range l.MemberIDs {
		if s.w.canSee(c.who.viewer(), m) {
			list = append(list, s.w.byAuthor[m]...)
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].num > list[j].num })
	list = list[:min(len(list), 800)]
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.tweetPage(c, list, p, false)
}

func (s *Server) addListMember(c *call) (int, any) {
	var b struct {
		UserID string `json:"user_id"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	l, st, fail := s.ownedList(c, "add members to")
	if l == nil {
		return st, fail
	}
	if s.w.user(b.UserID) == nil {
		return http.StatusOK, envelope{Data: map[string]bool{"is_member": false}, Errors: []apiProblem{notFound("user", "user_id", b.UserID)}}
	}
	if !contains(l.MemberIDs, b.UserID) {
		if len(l.MemberIDs) >= MaxListMembers {
			return http.StatusForbidden, forbidden("A List cannot have more than " + strconv.Itoa(MaxListMembers) + " members.")
		}
		l.MemberIDs = prepend(l.MemberIDs, b.UserID)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"is_member": true}}
}

func (s *Server) removeListMember(c *call) (int, any) {
	l, st, fail := s.ownedList(c, "remove members from")
	if l == nil {
		return st, fail
	}
	l.MemberIDs = without(l.MemberIDs, c.path["user_id"])
	return http.StatusOK, envelope{Data: map[string]bool{"is_member": false}}
}

// listUser checks the user of a List listing: nil and a partial error when missing.
func (s *Server) listUser(c *call) (string, any) {
	id := c.path["id"]
	if s.w.user(id) == nil {
		return "", envelope{Errors: []apiProblem{notFound("user", "id", id)}}
	}
	return id, nil
}

func (s *Server) listFollowedLists(c *call) (int, any) {
	id, fail := s.listUser(c)
	if id == "" {
		return http.StatusOK, fail
	}
	return s.listPage(c, s.w.visibleLists(c.who.viewer(), s.w.lists.followed[id]))
}

func (s *Server) listOwnedLists(c *call) (int, any) {
	id, fail := s.listUser(c)
	if id == "" {
		return http.StatusOK, fail
	}
	var lists []*List
	for _, l := range s.w.visibleLists(c.who.viewer(), s.w.lists.order) {
		if l.OwnerID == id {
			lists = append(lists, l)
		}
	}
	return s.listPage(c, lists)
}

func (s *Server) listListMemberships(c *call) (int, any) {
	id, fail := s.listUser(c)
	if id == "" {
		return http.StatusOK, fail
	}
	var lists []*List
	for _, l := range s.w.visibleLists(c.who.viewer(), s.w.lists.order) {
		if contains(l.MemberIDs, id) {
			lists = append(lists, l)
		}
	}
	return s.listPage(c, lists)
}

// bodyList reads {"list_id"} of a follow or pin: the List, or a 200 with a partial error
// (field of data set to false) when it does not exist or is someone else's private List.
func (s *Server) bodyList(c *call, field string) (*List, int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return nil, pr.Status, pr
	}
	var b struct {
		ListID string `json:"list_id"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return nil, pr.Status, pr
	}
	l := s.w.lists.byID[b.ListID]
	if l == nil || !s.w.canSeeList(c.who.userID, l) {
		return nil, http.StatusOK, envelope{Data: map[string]bool{field: false}, Errors: []apiProblem{notFound("list", "list_id", b.ListID)}}
	}
	return l, 0, nil
}

func (s *Server) followList(c *call) (int, any) {
	l, st, fail := s.bodyList(c, "following")
	if l == nil {
		return st, fail
	}
	me := c.who.userID
	if !contains(l.FollowerIDs, me) {
		l.FollowerIDs = prepend(l.FollowerIDs, me)
		s.w.lists.followed[me] = prepend(s.w.lists.followed[me], l.ID)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"following": true}}
}

// unfollowList stops following a List; a List one does not own is unpinned too.
func (s *Server) unfollowList(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	me, id := c.who.userID, c.path["list_id"]
	s.w.lists.followed[me] = without(s.w.lists.followed[me], id)
	if l := s.w.lists.byID[id]; l != nil {
		l.FollowerIDs = without(l.FollowerIDs, me)
		if l.OwnerID != me {
			s.w.lists.pinned[me] = without(s.w.lists.pinned[me], id)
		}
	}
	return http.StatusOK, envelope{Data: map[string]bool{"following": false}}
}

func (s *Server) listPinnedLists(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	lists := s.w.visibleLists(c.who.userID, s.w.lists.pinned[c.who.userID])
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	var data []wList
	for _, l := range lists {
		data = append(data, r.list(l))
	}
	env := envelope{Meta: listMeta{ResultCount: len(data)}, Includes: r.includes(), Errors: r.errs}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

// pinList pins a List the user owns or follows, up to MaxPinnedLists.
func (s *Server) pinList(c *call) (int, any) {
	l, st, fail := s.bodyList(c, "pinned")
	if l == nil {
		return st, fail
	}
	me := c.who.userID
	if contains(s.w.lists.pinned[me], l.ID) {
		return http.StatusOK, envelope{Data: map[string]bool{"pinned": true}}
	}
	if l.OwnerID != me && !contains(l.FollowerIDs, me) {
		return http.StatusForbidden, forbidden("You can only pin Lists you own or follow.")
	}
	if len(s.w.lists.pinned[me]) >= MaxPinnedLists {
		return http.StatusForbidden, forbidden("You cannot pin more than " + strconv.Itoa(MaxPinnedLists) + " Lists.")
	}
	s.w.lists.pinned[me] = prepend(s.w.lists.pinned[me], l.ID)
	return http.StatusOK, envelope{Data: map[string]bool{"pinned": true}}
}

func (s *Server) unpinList(c *call) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	me := c.who.userID
	s.w.lists.pinned[me] = without(s.w.lists.pinned[me], c.path["list_id"])
	return http.StatusOK, envelope{Data: map[string]bool{"pinned": false}}
}
