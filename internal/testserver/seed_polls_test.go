package testserver

import "testing"

func TestAddPollAndAPostedPollGetTheirOwnIDs(t *testing.T) {
	s := Start(t)
	p, err := s.AddPoll(Poll{Options: []PollOption{{Label: "yes"}, {Label: "no"}}, DurationMinutes: 60})
	if err != nil {
		t.Fatal(err)
	}
	res := newTC(t, s).do("POST", "/2/tweets", s.UserToken(AliceID),
		map[string]any{"text": "Lunch?", "poll": map[string]any{"options": []string{"now", "later"}, "duration_minutes": 30}})
	wantStatus(t, res, 201)
	posted, ok := s.World().Tweet(res.str("data", "id"))
	if !ok || posted.PollID == "" || posted.PollID == p.ID {
		t.Errorf("the posted Tweet's poll %q beside the added %q", posted.PollID, p.ID)
	}
	if got, ok := s.World().Poll(p.ID); !ok || len(got.Options) != 2 || got.Options[0].Label != "yes" {
		t.Errorf("the added poll is now %+v, %v", got, ok)
	}
}
