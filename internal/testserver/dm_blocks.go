package testserver

import "net/http"

// Direct-message blocks (POST /2/users/{id}/dm/block and /dm/unblock): the authenticated
// user refuses the messages of the user {id}. Unlike an account block it leaves follows
// alone; it refuses the blocked user's messages in their one-to-one conversation with
// the blocker (group conversations are not affected).
//
// Seeded: Dave refuses direct messages from Mallory.

// seedDMBlocks gives every server the same direct-message blocks.
func seedDMBlocks(st *state) {
	st.dmBlocks = map[string][]string{DaveID: {MalloryID}}
}

// dmBlocksFeature registers the operations this file serves and what it seeds into a new world.
func dmBlocksFeature() feature {
	return feature{seed: seedDMBlocks, ops: map[string]operation{
		"blockUserDMs":   {(*Server).blockUserDMs, writes},
		"unblockUserDMs": {(*Server).unblockUserDMs, writes},
	}}
}

func (s *Server) blockUserDMs(c *call) (int, any) {
	return s.setDMBlock(c, true)
}

func (s *Server) unblockUserDMs(c *call) (int, any) {
	return s.setDMBlock(c, false)
}

// setDMBlock adds or removes the path's user to the caller's direct-message blocks,
// answering {blocked: on}; a user that does not exist is a partial error.
func (s *Server) setDMBlock(c *call, on bool) (int, any) {
	me, target := c.who.userID, c.path["id"]
	if target == me {
		return http.StatusBadRequest, badParam("id", target, "You cannot block direct messages from yourself.")
	}
	if s.w.user(target) == nil {
		return http.StatusOK, envelope{Data: map[string]bool{"blocked": false},
			Errors: []apiProblem{notFound("user", "id", target)}}
	}
	switch {
	case on && !contains(s.w.dmBlocks[me], target):
		s.w.dmBlocks[me] = prepend(s.w.dmBlocks[me], target)
	case !on:
		s.w.dmBlocks[me] = without(s.w.dmBlocks[me], target)
	}
	return http.StatusOK, envelope{Data: map[string]bool{"blocked": on}}
}

// dmRefused reports the problem of sender writing in conv when its other participant
// blocked sender's direct messages; s.mu is held.
func (st *state) dmRefused(conv *DMConversation, sender string) *apiProblem {
	if conv.Group {
		return nil
	}
	for _, p := range conv.ParticipantIDs {
		if p != sender && contains(st.dmBlocks[p], sender) {
			return forbidden("You cannot send messages to this user: they do not accept your direct messages.")
		}
	}
	return nil
}

// DMBlockedIDs lists the users whose direct messages userID refuses, newest block first.
func (w *World) DMBlockedIDs(userID string) (ids []string) {
	w.read(func(st *state) { ids = append([]string(nil), st.dmBlocks[userID]...) })
	return
}
