package testserver

import (
	"net/http"
	"strings"
)

// userPage renders one page of a list of users given by position.
func (s *Server) userPage(c *call, total int, at func(int) string, p pageReq) (int, any) {
	return renderedPage(s, c, p, total, func(r *renderer, i int) (wUser, bool) {
		u := s.w.user(at(i))
		if u == nil {
			return wUser{}, false
		}
		return r.user(u), true
	})
}

func (s *Server) oneUser(c *call, u *User) (int, any) {
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	data := r.user(u)
	return http.StatusOK, envelope{Data: data, Includes: r.includes(), Errors: r.errs}
}

// usersFeature registers the operations this file serves.
func usersFeature() feature {
	return feature{ops: map[string]operation{
		"lookupUser":             {(*Server).lookupUser, reads},
		"lookupUserByUsername":   {(*Server).lookupUserByUsername, reads},
		"lookupUsers":            {(*Server).lookupUsers, reads},
		"lookupUsersByUsernames": {(*Server).lookupUsersByUsernames, reads},
		"listFollowers":          {(*Server).listFollowers, reads},
		"listFollowing":          {(*Server).listFollowing, reads},
		"listBlocking":           {(*Server).listBlocking, reads},
		"followUser":             {(*Server).followUser, writes},
		"unfollowUser":           {(*Server).unfollowUser, writes},
		"blockUser":              {(*Server).blockUser, writes},
		"unblockUser":            {(*Server).unblockUser, writes},
		"muteUser":               {(*Server).muteUser, writes},
		"unmuteUser":             {(*Server).unmuteUser, writes},
		"lookupMe":               {(*Server).lookupMe, reads},
		"listMuting":             {(*Server).listMuting, reads},
		"searchUsers":            {(*Server).searchUsers, reads},
	}}
}

func (s *Server) lookupUser(c *call) (int, any) {
	id := c.path["id"]
	u := s.w.user(id)
	if u == nil {
		return notFoundAnswer("user", "id", id)
	}
	return s.oneUser(c, u)
}

func (s *Server) lookupUserByUsername(c *call) (int, any) {
	name := c.path["username"]
	u := s.w.userByName(name)
	if u == nil {
		return notFoundAnswer("user", "username", name)
	}
	return s.oneUser(c, u)
}

func (s *Server) manyUsers(c *call, param string, find func(string) *User) (int, any) {
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	var data []wUser
	var errs []apiProblem
	for _, v := range strings.Split(c.q.Get(param), ",") {
		if u := find(v); u != nil {
			data = append(data, r.user(u))
		} else {
			errs = append(errs, notFound("user", param, v))
		}
	}
	env := envelope{Includes: r.includes(), Errors: append(errs, r.errs...)}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

func (s *Server) lookupUsers(c *call) (int, any) { return s.manyUsers(c, "ids", s.w.user) }

func (s *Server) lookupUsersByUsernames(c *call) (int, any) {
	return s.manyUsers(c, "usernames", s.w.userByName)
}

// idsPage serves one page, of at most 100, of the users ids lists, in their order.
func (s *Server) idsPage(c *call, ids []string) (int, any) {
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.userPage(c, len(ids), func(i int) string { return ids[i] }, p)
}

func (s *Server) listFollowers(c *call) (int, any) {
	u, fail := s.timelineOwner(c)
	if u == nil {
		return http.StatusOK, fail
	}
	p, pr := pageParams(c, filterKey(c), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	return s.userPage(c, s.w.followerCount(u.ID), func(i int) string { return s.w.followerAt(u.ID, i) }, p)
}

func (s *Server) listFollowing(c *call) (int, any) {
	u, fail := s.timelineOwner(c)
	if u == nil {
		return http.StatusOK, fail
	}
	return s.idsPage(c, s.w.followingOf(u.ID))
}

// oneSided is a relation a user keeps with other users on their own (blocks, mutes): rel
// picks it from the world (user -> targets, newest first), verb is what adding does
// ("block"), key names the answers ({"blocking": true}), added and ended are the X
// Activity events of a target added and of one taken out.
type oneSided struct {
	verb, key, added, ended string
	rel                     func(*state) map[string][]string
}

func blocking() oneSided {
	return oneSided{"block", "blocking", "block.block", "block.unblock", func(w *state) map[string][]string { return w.blocks }}
}

func muting() oneSided {
	return oneSided{"mute", "muting", "mute.mute", "mute.unmute", func(w *state) map[string][]string { return w.mutes }}
}

// ownRelation serves the acting user's targets of a one-sided relation.
func (s *Server) ownRelation(c *call, o oneSided) (int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return pr.Status, pr
	}
	return s.idsPage(c, o.rel(s.w)[c.who.userID])
}

func (s *Server) listBlocking(c *call) (int, any) { return s.ownRelation(c, blocking()) }
func (s *Server) listMuting(c *call) (int, any)   { return s.ownRelation(c, muting()) }

type targetBody struct {
	TargetUserID string `json:"target_user_id"`
}

// target reads {"target_user_id"} and checks the acting user; a missing target is a
// partial error beside data, as X reports it.
func (s *Server) target(c *call, verb, field string) (string, int, any) {
	if pr := actingUser(c, "id"); pr != nil {
		return "", pr.Status, pr
	}
	var b targetBody
	if pr := decodeBody(c, &b); pr != nil {
		return "", pr.Status, pr
	}
	if b.TargetUserID == c.who.userID {
		return "", http.StatusBadRequest, badParam("target_user_id", b.TargetUserID, "You cannot %s yourself.", verb)
	}
	if s.w.user(b.TargetUserID) == nil {
		return "", http.StatusOK, envelope{Data: map[string]bool{field: false},
			Errors: []apiProblem{notFound("user", "target_user_id", b.TargetUserID)}}
	}
	return b.TargetUserID, 0, nil
}

func (s *Server) followUser(c *call) (int, any) {
	target, st, fail := s.target(c, "follow", "following")
	if target == "" {
		return st, fail
	}
	me := c.who.userID
	if contains(s.w.blocks[target], me) {
		return http.StatusForbidden, forbidden("You cannot follow an account that has blocked you.")
	}
	if u := s.w.user(target); u.Protected && !s.w.isFollowing(me, target) {
		if !contains(s.w.pending[me], target) {
			s.w.pending[me] = prepend(s.w.pending[me], target)
		}
		return http.StatusOK, envelope{Data: map[string]bool{"following": false, "pending_follow": true}}
	}
	if !s.w.isFollowing(me, target) {
		s.w.follow(me, target)
		s.userPairActivity("follow.follow", me, target)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"following": true, "pending_follow": false}}
}

func (s *Server) unfollowUser(c *call) (int, any) {
	if pr := actingUser(c, "source_user_id"); pr != nil {
		return pr.Status, pr
	}
	if target := c.path["target_user_id"]; s.w.isFollowing(c.who.userID, target) {
		s.w.unfollow(c.who.userID, target)
		s.userPairActivity("follow.unfollow", c.who.userID, target)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"following": false}}
}

// addTarget serves POST /2/users/{id}/<relation> with body {"target_user_id"} for a
// one-sided relation: the target joins the user's list once, answering {key: true}. It
// returns the target, or "" when the answer is a refusal.
func (s *Server) addTarget(c *call, o oneSided) (string, int, any) {
	target, st, fail := s.target(c, o.verb, o.key)
	if target == "" {
		return "", st, fail
	}
	me, m := c.who.userID, o.rel(s.w)
	if !contains(m[me], target) {
		m[me] = prepend(m[me], target)
		s.userPairActivity(o.added, me, target)
	}
	return target, http.StatusOK, envelope{Data: map[string]bool{o.key: true}}
}

// dropTarget serves DELETE /2/users/{source_user_id}/<relation>/{target_user_id} for a
// one-sided relation: the target leaves the user's list, answering {key: false} whether
// or not it was there.
func (s *Server) dropTarget(c *call, o oneSided) (int, any) {
	if pr := actingUser(c, "source_user_id"); pr != nil {
		return pr.Status, pr
	}
	me, m, target := c.who.userID, o.rel(s.w), c.path["target_user_id"]
	if contains(m[me], target) {
		s.userPairActivity(o.ended, me, target)
	}
	m[me] = without(m[me], target)
	return http.StatusOK, envelope{Data: map[string]bool{o.key: false}}
}

func (s *Server) blockUser(c *call) (int, any) {
	target, status, answer := s.addTarget(c, blocking())
	if target != "" {
		s.w.endFollows(c.who.userID, target)
	}
	return status, answer
}

// endFollows ends the follows between a blocker and whom they block both ways, as on X.
func (st *state) endFollows(userID, targetID string) {
	st.unfollow(userID, targetID)
	st.unfollow(targetID, userID)
}

func (s *Server) muteUser(c *call) (int, any) {
	_, status, answer := s.addTarget(c, muting())
	return status, answer
}

func (s *Server) unblockUser(c *call) (int, any) { return s.dropTarget(c, blocking()) }
func (s *Server) unmuteUser(c *call) (int, any)  { return s.dropTarget(c, muting()) }

// lookupMe serves the user the token acts for.
func (s *Server) lookupMe(c *call) (int, any) {
	return s.oneUser(c, s.w.user(c.who.userID))
}

// searchUsers finds the seeded and added accounts whose name, username or bio holds
// every word of the query (any case): an exact username first, then in the order the
// accounts were made.
func (s *Server) searchUsers(c *call) (int, any) {
	q := strings.Fields(strings.ToLower(c.q.Get("query")))
	p, pr := pageParams(c, filterKey(c, "query"), 100)
	if pr != nil {
		return http.StatusBadRequest, pr
	}
	var ids []string
	for _, id := range append(s.w.b.userOrder[:len(s.w.b.userOrder):len(s.w.b.userOrder)], s.w.addedUserIDs()...) {
		u := s.w.user(id)
		hay := strings.ToLower(u.Name + "\x00" + u.Username + "\x00" + u.Description)
		all := len(q) > 0
		for _, w := range q {
			if !strings.Contains(hay, w) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		if len(q) == 1 && strings.EqualFold(u.Username, q[0]) {
			ids = prepend(ids, id)
		} else {
			ids = append(ids, id)
		}
	}
	return s.userPage(c, len(ids), func(i int) string { return ids[i] }, p)
}
