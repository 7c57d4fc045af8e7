package testserver

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// AddList adds a List to the world. Name is required, 1 to 25 characters (Description at
// most 100); zero fields are filled in: ID (a new id, as POST /2/lists makes), OwnerID
// (AliceID) and CreatedAt (the server clock). MemberIDs and FollowerIDs, newest first,
// must be users, each once, and at most MaxListMembers members; nobody but its owner
// follows a private List. It returns the List as stored.
func (s *Server) AddList(l List) (List, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.checkNewList(&l); err != nil {
		return List{}, err
	}
	if l.ID == "" {
		for l.ID == "" || s.w.lists.byID[l.ID] != nil {
			s.w.lists.seq++
			l.ID = strconv.FormatUint(s.w.lists.seq, 10)
		}
	}
	if l.CreatedAt.IsZero() {
		l.CreatedAt = s.clock.Now().UTC().Truncate(time.Millisecond)
	}
	stored := copyList(&l)
	s.w.lists.byID[l.ID] = &stored
	s.w.lists.order = prepend(s.w.lists.order, l.ID)
	for _, f := range l.FollowerIDs {
		s.w.lists.followed[f] = prepend(s.w.lists.followed[f], l.ID)
	}
	return copyList(&stored), nil
}

// checkNewList checks a List for AddList, filling in its owner.
func (st *state) checkNewList(l *List) error {
	const op = "AddList"
	// What POST /2/lists takes.
	minName, maxName := schemaMinLength("ListCreateRequest.name"), schemaMaxLength("ListCreateRequest.name")
	if n := utf8.RuneCountInString(l.Name); n < minName || n > maxName {
		return fmt.Errorf("testserver: %s: the name %q has %d characters; a List's has %d to %d", op, l.Name, n, minName, maxName)
	}
	if n, most := utf8.RuneCountInString(l.Description), schemaMaxLength("ListCreateRequest.description"); n > most {
		return fmt.Errorf("testserver: %s: the description has %d characters; at most %d are allowed", op, n, most)
	}
	if l.ID != "" && !schemaPattern("ListID").MatchString(l.ID) {
		return fmt.Errorf("testserver: %s: %q is not a List id (a number of up to 19 digits)", op, l.ID)
	}
	if l.ID != "" && st.lists.byID[l.ID] != nil {
		return fmt.Errorf("testserver: %s: id %q is taken", op, l.ID)
	}
	if l.OwnerID == "" {
		l.OwnerID = AliceID
	}
	if err := st.knownUser(op, l.OwnerID); err != nil {
		return err
	}
	if n := len(st.ownedLists(l.OwnerID)); n >= MaxOwnedLists {
		return fmt.Errorf("testserver: %s: user %q owns %d Lists, X's most", op, l.OwnerID, n)
	}
	if err := st.knownUsers(op, "MemberIDs", l.MemberIDs); err != nil {
		return err
	}
	if len(l.MemberIDs) > MaxListMembers {
		return fmt.Errorf("testserver: %s: %d members; a List has at most %d", op, len(l.MemberIDs), MaxListMembers)
	}
	if err := st.knownUsers(op, "FollowerIDs", l.FollowerIDs); err != nil {
		return err
	}
	for _, f := range l.FollowerIDs {
		if l.Private && f != l.OwnerID {
			return fmt.Errorf("testserver: %s: user %q cannot follow a private List of someone else", op, f)
		}
	}
	return nil
}

// ownedLists lists the ids of the Lists userID owns, newest first.
func (st *state) ownedLists(userID string) []string {
	var ids []string
	for _, id := range st.lists.order {
		if st.lists.byID[id].OwnerID == userID {
			ids = append(ids, id)
		}
	}
	return ids
}

// AddListMember makes userID the newest member of a List, as its owner's POST
// /2/lists/{id}/members does; adding a member again changes nothing.
func (s *Server) AddListMember(listID, userID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.w.seedListUser("AddListMember", listID, userID)
	if err != nil || contains(l.MemberIDs, userID) {
		return err
	}
	if len(l.MemberIDs) >= MaxListMembers {
		return fmt.Errorf("testserver: AddListMember: List %q has %d members, X's most", listID, len(l.MemberIDs))
	}
	l.MemberIDs = prepend(l.MemberIDs, userID)
	return nil
}

// AddListFollower makes userID the newest follower of a List, as POST
// /2/users/{id}/followed_lists does: a public List, or a private one of their own.
// Following again changes nothing.
func (s *Server) AddListFollower(listID, userID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.w.seedListUser("AddListFollower", listID, userID)
	if err != nil || contains(l.FollowerIDs, userID) {
		return err
	}
	if !s.w.canSeeList(userID, l) {
		return fmt.Errorf("testserver: AddListFollower: List %q is private to user %q", listID, l.OwnerID)
	}
	l.FollowerIDs = prepend(l.FollowerIDs, userID)
	s.w.lists.followed[userID] = prepend(s.w.lists.followed[userID], listID)
	return nil
}

// AddPinnedList makes userID pin a List they own or follow, as the newest pin, up to
// MaxPinnedLists; pinning again changes nothing.
func (s *Server) AddPinnedList(userID, listID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	const op = "AddPinnedList"
	l, err := s.w.seedListUser(op, listID, userID)
	pinned := s.w.lists.pinned[userID]
	switch {
	case err != nil || contains(pinned, listID):
		return err
	case l.OwnerID != userID && !contains(l.FollowerIDs, userID):
		return fmt.Errorf("testserver: %s: user %q neither owns nor follows List %q", op, userID, listID)
	case len(pinned) >= MaxPinnedLists:
		return fmt.Errorf("testserver: %s: user %q has pinned %d Lists, X's most", op, userID, len(pinned))
	}
	s.w.lists.pinned[userID] = prepend(pinned, listID)
	return nil
}

// seedListUser finds the List and checks the user of a List seeding method.
func (st *state) seedListUser(op, listID, userID string) (*List, error) {
	if !schemaPattern("ListID").MatchString(listID) {
		return nil, fmt.Errorf("testserver: %s: %q is not a List id (a number of up to 19 digits)", op, listID)
	}
	l := st.lists.byID[listID]
	if l == nil {
		return nil, fmt.Errorf("testserver: %s: no List %q", op, listID)
	}
	return l, st.knownUser(op, userID)
}
