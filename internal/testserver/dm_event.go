package testserver

import "net/http"

// dmEventFor finds an event of a conversation userID takes part in; s.mu is held. Events
// of other conversations are not found, as if they did not exist.
func (st *state) dmEventFor(userID, id string) (int, *DMEvent) {
	for i, e := range st.dms.events {
		if e.ID != id {
			continue
		}
		if conv := st.dms.convs[e.ConversationID]; conv == nil || !contains(conv.ParticipantIDs, userID) {
			return -1, nil
		}
		return i, e
	}
	return -1, nil
}

// dmEventFeature registers the operations this file serves.
func dmEventFeature() feature {
	return feature{ops: map[string]operation{
		"lookupDMEvent": {(*Server).lookupDMEvent, reads},
		"deleteDMEvent": {(*Server).deleteDMEvent, writes},
	}}
}

// lookupDMEvent serves one event of a conversation the caller takes part in. One that
// does not exist, was deleted or belongs to another conversation is a 200 with a
// not-found problem.
func (s *Server) lookupDMEvent(c *call) (int, any) {
	id := c.path["event_id"]
	_, e := s.w.dmEventFor(c.who.userID, id)
	if e == nil {
		return notFoundAnswer("dm_event", "event_id", id)
	}
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	data := r.dmEvent(e)
	return http.StatusOK, envelope{Data: data, Includes: r.includes(), Errors: r.errs}
}

// deleteDMEvent removes a message the caller sent from the world: no list or lookup
// returns it afterwards. Another participant's message or a join/leave event is a 403;
// an event the caller cannot see is a 404.
func (s *Server) deleteDMEvent(c *call) (int, any) {
	id := c.path["event_id"]
	i, e := s.w.dmEventFor(c.who.userID, id)
	if e == nil {
		pr := notFound("dm_event", "event_id", id)
		pr.Status = http.StatusNotFound
		return http.StatusNotFound, &pr
	}
	if e.EventType != "MessageCreate" || e.SenderID != c.who.userID {
		return http.StatusForbidden, forbidden("You can only delete messages you sent.")
	}
	s.w.dms.events = append(s.w.dms.events[:i:i], s.w.dms.events[i+1:]...)
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": true}}
}

// DMEvent returns the direct-message event with this id, whoever can see it; ok is false
// once it is deleted.
func (w *World) DMEvent(id string) (e DMEvent, ok bool) {
	w.read(func(st *state) {
		for _, x := range st.dms.events {
			if x.ID == id {
				e, ok = *x, true
				return
			}
		}
	})
	return
}
