package testserver

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// AddSpace adds a Space to the world. Zero fields are filled in: ID (a new id), State
// (live), CreatorID (AliceID), HostIDs (the creator), Lang ("en"), CreatedAt (the server
// clock), StartedAt (CreatedAt, for a live or ended Space), ScheduledStart (an hour after
// CreatedAt, for a scheduled one), EndedAt (the server clock, for an ended one) and
// UpdatedAt (the latest of those). The users and Tweets it names must exist, each once,
// and its topics be the world's; only a ticketed Space has buyers. It returns the Space
// as stored.
func (s *Server) AddSpace(sp Space) (Space, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now().UTC().Truncate(time.Second)
	fillSpace(&sp, now)
	if err := s.w.checkNewSpace(&sp); err != nil {
		return Space{}, err
	}
	for sp.ID == "" || s.w.spaces[sp.ID] != nil {
		s.w.spaceSeq++
		sp.ID = fmt.Sprintf("1Space%07d", s.w.spaceSeq)
	}
	stored := copySpace(&sp)
	s.w.spaces[sp.ID] = &stored
	s.w.spaceOrder = append(slices.Clip(s.w.spaceOrder), sp.ID)
	return copySpace(&stored), nil
}

// fillSpace fills in the zero fields of a Space AddSpace adds.
func fillSpace(sp *Space, now time.Time) {
	if sp.State == "" {
		sp.State = "live"
	}
	if sp.CreatorID == "" {
		sp.CreatorID = AliceID
	}
	if len(sp.HostIDs) == 0 {
		sp.HostIDs = []string{sp.CreatorID}
	}
	if sp.Lang == "" {
		sp.Lang = "en"
	}
	if sp.CreatedAt.IsZero() {
		sp.CreatedAt = now
	}
	switch sp.State {
	case "live", "ended":
		if sp.StartedAt.IsZero() {
			sp.StartedAt = sp.CreatedAt
		}
		if sp.State == "ended" && sp.EndedAt.IsZero() {
			sp.EndedAt = later(now, sp.StartedAt)
		}
	case "scheduled":
		if sp.ScheduledStart.IsZero() {
			sp.ScheduledStart = sp.CreatedAt.Add(time.Hour)
		}
	}
	if sp.UpdatedAt.IsZero() {
		for _, t := range []time.Time{sp.CreatedAt, sp.StartedAt, sp.EndedAt} {
			sp.UpdatedAt = later(sp.UpdatedAt, t)
		}
	}
}

// checkNewSpace checks a Space for AddSpace, its zero fields filled in.
func (st *state) checkNewSpace(sp *Space) error {
	const op = "AddSpace"
	switch {
	case sp.ID != "" && !schemaPattern("SpaceID").MatchString(sp.ID):
		return fmt.Errorf("testserver: %s: %q is not a Space id (up to 13 letters and digits)", op, sp.ID)
	case sp.ID != "" && st.spaces[sp.ID] != nil:
		return fmt.Errorf("testserver: %s: id %q is taken", op, sp.ID)
	case sp.State != "live" && sp.State != "scheduled" && sp.State != "ended":
		return fmt.Errorf("testserver: %s: state %q is none of live, scheduled and ended", op, sp.State)
	case sp.State == "scheduled" && (!sp.StartedAt.IsZero() || !sp.EndedAt.IsZero()):
		return fmt.Errorf("testserver: %s: a scheduled Space has neither started nor ended", op)
	case sp.State == "live" && !sp.EndedAt.IsZero():
		return fmt.Errorf("testserver: %s: a live Space has not ended", op)
	case sp.State == "ended" && sp.EndedAt.Before(sp.StartedAt):
		return fmt.Errorf("testserver: %s: the Space ended (%v) before it started (%v)", op, sp.EndedAt, sp.StartedAt)
	case sp.ParticipantCount < 0 || sp.SubscriberCount < 0:
		return fmt.Errorf("testserver: %s: a negative count (%d participants, %d subscribers)", op, sp.ParticipantCount, sp.SubscriberCount)
	case len(sp.BuyerIDs) > 0 && !sp.IsTicketed:
		return fmt.Errorf("testserver: %s: only a ticketed Space (IsTicketed) has buyers", op)
	}
	if err := st.knownUser(op, sp.CreatorID); err != nil {
		return fmt.Errorf("%w (the creator)", err)
	}
	for _, ids := range []struct {
		what string
		ids  []string
	}{{"HostIDs", sp.HostIDs}, {"SpeakerIDs", sp.SpeakerIDs}, {"InvitedUserIDs", sp.InvitedUserIDs}, {"BuyerIDs", sp.BuyerIDs}} {
		if err := st.knownUsers(op, ids.what, ids.ids); err != nil {
			return err
		}
	}
	for i, id := range sp.TopicIDs {
		if st.b.topics[id] == nil {
			return fmt.Errorf("testserver: %s: no topic %q; the world's are %s", op, id, strings.Join(st.topicIDs(), ", "))
		}
		if slices.Contains(sp.TopicIDs[:i], id) {
			return fmt.Errorf("testserver: %s: topic %q is twice in TopicIDs", op, id)
		}
	}
	for _, id := range sp.SharedTweetIDs {
		if _, err := st.knownTweet(op, id); err != nil {
			return fmt.Errorf("%w (in SharedTweetIDs)", err)
		}
	}
	return nil
}

// topicIDs lists the ids of the world's topics, sorted.
func (st *state) topicIDs() []string {
	var ids []string
	for id := range st.b.topics {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// copySpace copies a Space with its lists.
func copySpace(sp *Space) Space {
	out := *sp
	for _, l := range []*[]string{&out.HostIDs, &out.SpeakerIDs, &out.InvitedUserIDs, &out.TopicIDs, &out.SharedTweetIDs, &out.BuyerIDs} {
		*l = slices.Clone(*l)
	}
	return out
}
