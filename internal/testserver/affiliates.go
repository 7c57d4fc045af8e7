package testserver

import "strconv"

// Affiliates: the accounts an organization shows as its own (GET /2/users/{id}/affiliates).
//
// Seeded: @XDevelopers has XDevelopersAffiliateCount affiliates, the @gopherNN accounts
// in order; nobody else has any.
const XDevelopersAffiliateCount = 20

func seedAffiliates(st *state) {
	first, _ := strconv.ParseUint(FirstGopherID, 10, 64)
	var ids []string
	for i := range uint64(XDevelopersAffiliateCount) {
		ids = append(ids, strconv.FormatUint(first+i, 10))
	}
	st.affiliates = map[string][]string{XDevelopersID: ids}
}

// affiliatesFeature registers the operations this file serves and what it seeds into a new world.
func affiliatesFeature() feature {
	return feature{seed: seedAffiliates, ops: map[string]operation{
		"listAffiliates": {(*Server).listAffiliates, reads},
	}}
}

func (s *Server) listAffiliates(c *call) (int, any) {
	id := c.path["id"]
	if s.w.user(id) == nil {
		return notFoundAnswer("user", "id", id)
	}
	return s.idsPage(c, s.w.affiliates[id])
}

// AffiliateIDs lists the affiliates of the organization userID, in the order the API
// pages them.
func (w *World) AffiliateIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.affiliates[userID]...) })
	return
}
