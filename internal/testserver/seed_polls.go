package testserver

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// AddPoll adds a poll to the world, for a Tweet to carry by its ID (AddTweet's PollID).
// It has 2 to 4 options, each labelled with 1 to 25 characters, and lasts 5 to 10,080
// minutes. Zero fields are filled in: ID (a new id, as posting a poll makes),
// DurationMinutes (1440), EndDatetime (DurationMinutes from the server clock), VotingStatus
// (open, or closed once EndDatetime has passed) and the options' Positions (1, 2, ...).
// It returns the poll as stored.
func (s *Server) AddPoll(p Poll) (Poll, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now().UTC().Truncate(time.Second)
	if p.DurationMinutes == 0 {
		p.DurationMinutes = 1440
	}
	if p.EndDatetime.IsZero() {
		p.EndDatetime = now.Add(time.Duration(p.DurationMinutes) * time.Minute)
	}
	if p.VotingStatus == "" {
		p.VotingStatus = "open"
		if !now.Before(p.EndDatetime) {
			p.VotingStatus = "closed"
		}
	}
	p.Options = append([]PollOption(nil), p.Options...)
	if err := s.w.checkNewPoll(&p); err != nil {
		return Poll{}, err
	}
	if p.ID == "" {
		p.ID = s.w.newPollID()
	}
	stored := p
	stored.Options = append([]PollOption(nil), p.Options...)
	s.w.polls[p.ID] = &stored
	return p, nil
}

// checkNewPoll checks a poll for AddPoll, numbering its options when none is.
func (st *state) checkNewPoll(p *Poll) error {
	const op = "AddPoll"
	// The bounds of a poll, as the document states them.
	minOptions, maxOptions := schemaMinItems("Poll.options"), schemaMaxItems("Poll.options")
	minMinutes, maxMinutes := schemaMinimum("Poll.duration_minutes"), schemaMaximum("Poll.duration_minutes")
	minLabel, maxLabel := schemaMinLength("PollOptionLabel"), schemaMaxLength("PollOptionLabel")
	switch {
	case p.ID != "" && !schemaPattern("PollId").MatchString(p.ID):
		return fmt.Errorf("testserver: %s: %q is not a poll id (a number of up to 19 digits)", op, p.ID)
	case p.ID != "" && st.poll(p.ID) != nil:
		return fmt.Errorf("testserver: %s: id %q is taken", op, p.ID)
	case len(p.Options) < minOptions || len(p.Options) > maxOptions:
		return fmt.Errorf("testserver: %s: %d options; a poll has %d to %d", op, len(p.Options), minOptions, maxOptions)
	case p.DurationMinutes < minMinutes || p.DurationMinutes > maxMinutes:
		return fmt.Errorf("testserver: %s: it lasts %d minutes; a poll lasts %d to %d", op, p.DurationMinutes, minMinutes, maxMinutes)
	case p.VotingStatus != "open" && p.VotingStatus != "closed":
		return fmt.Errorf("testserver: %s: voting status %q is neither open nor closed", op, p.VotingStatus)
	}
	numbered := p.Options[0].Position != 0
	for i := range p.Options {
		o := &p.Options[i]
		if n := utf8.RuneCountInString(o.Label); n < minLabel || n > maxLabel {
			return fmt.Errorf("testserver: %s: option %d's label %q has %d characters; a label has %d to %d", op, i+1, o.Label, n, minLabel, maxLabel)
		}
		if o.Votes < 0 {
			return fmt.Errorf("testserver: %s: option %d has %d votes", op, i+1, o.Votes)
		}
		if !numbered && o.Position == 0 {
			o.Position = i + 1
		}
		if o.Position != i+1 {
			return fmt.Errorf("testserver: %s: option %d has position %d; positions run 1, 2, ... in order", op, i+1, o.Position)
		}
	}
	return nil
}

// newPollID makes an id for a new poll, posted or added.
func (st *state) newPollID() string {
	for n := len(st.polls) + 1; ; n++ {
		if id := strconv.FormatUint(1510000000000000000+uint64(n), 10); st.poll(id) == nil {
			return id
		}
	}
}

// checkAttachments checks the poll and place a Tweet AddTweet adds names: the world's,
// the poll on no other Tweet and not beside media, as POST /2/tweets requires.
func (st *state) checkAttachments(op string, t *Tweet) error {
	if t.PollID != "" {
		if st.poll(t.PollID) == nil {
			return fmt.Errorf("testserver: %s: no poll %q (AddPoll adds one)", op, t.PollID)
		}
		if len(t.MediaKeys) > 0 {
			return fmt.Errorf("testserver: %s: a Tweet carries a poll or media, not both", op)
		}
		for _, o := range st.order {
			if o.PollID == t.PollID {
				return fmt.Errorf("testserver: %s: poll %q is Tweet %q's", op, t.PollID, o.ID)
			}
		}
	}
	if t.PlaceID != "" && st.b.places[t.PlaceID] == nil {
		return fmt.Errorf("testserver: %s: no place %q", op, t.PlaceID)
	}
	return nil
}
