package testserver

import (
	"fmt"
	"strconv"
	"time"
)

// AddCommunity adds a Community of this server, after the seeded ones: GET
// /2/communities/{id} finds it and GET /2/communities/search matches its name and
// description. Name is required; zero fields are filled in: ID (a new id), Access
// (Public), JoinPolicy (Open), MemberCount (1, its creator) and CreatedAt (the server
// clock). It returns the Community as stored.
func (s *Server) AddCommunity(c Community) (Community, error) {
	const op = "AddCommunity"
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case c.Name == "":
		return Community{}, fmt.Errorf("testserver: %s: the Community has no Name", op)
	case c.ID != "" && !schemaPattern("CommunityId").MatchString(c.ID):
		return Community{}, fmt.Errorf("testserver: %s: %q is not a Community id (a number of up to 19 digits)", op, c.ID)
	case c.ID != "" && s.w.community(c.ID) != nil:
		return Community{}, fmt.Errorf("testserver: %s: id %q is taken", op, c.ID)
	case c.MemberCount < 0:
		return Community{}, fmt.Errorf("testserver: %s: MemberCount %d is negative", op, c.MemberCount)
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = s.clock.Now().UTC().Truncate(time.Second)
	}
	for c.ID == "" || s.w.community(c.ID) != nil {
		s.w.communitySeq++
		c.ID = strconv.FormatUint(snowflake(s.clock.Now(), s.w.communitySeq), 10)
	}
	if c.Access == "" {
		c.Access = "Public"
	}
	if c.JoinPolicy == "" {
		c.JoinPolicy = "Open"
	}
	if c.MemberCount == 0 {
		c.MemberCount = 1
	}
	stored := c
	s.w.communities = append(s.w.communities, &stored)
	return c, nil
}
