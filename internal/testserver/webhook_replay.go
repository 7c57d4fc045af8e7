package testserver

import (
	"net/http"
	"strconv"
	"time"
)

// Replay. Every event DeliverEvent sends (or tries to send) to a valid webhook is kept
// with the server time it was sent. POST /2/webhooks/replay starts a job that sends a
// webhook again the events of a window, given to the minute in UTC as yyyymmddhhmm,
// inclusive at both ends, that starts within the last replayWindow. X runs the job in the
// background; the fake sends the events before it answers, signed as before, so a test
// sees them as soon as the call returns.

// replayWindow is how far back a replay may start.
const replayWindow = 24 * time.Hour

// replayLayout is the form of from_date and to_date.
const replayLayout = "200601021504"

// sentEvent is one delivery attempt, kept for replays.
type sentEvent struct {
	webhookID string
	at        time.Time
	body      []byte
}

// ReplayJob is a replay started by POST /2/webhooks/replay.
type ReplayJob struct {
	ID        string
	WebhookID string
	From, To  time.Time // to the minute, both inclusive
	CreatedAt time.Time
	// Replayed is how many events the job sent again.
	Replayed int
}

// replayState is the delivery log and the replay jobs.
type replayState struct {
	sent []sentEvent
	jobs []ReplayJob
	seq  uint64
}

func (s *Server) logDelivery(webhookID string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &s.w.hooks.replay
	r.sent = append(r.sent, sentEvent{webhookID: webhookID, at: s.clock.Now(), body: append([]byte(nil), body...)})
}

// webhookReplayFeature registers the operations this file serves. A replay delivers
// over HTTP, so it locks the world itself, around its reads and writes only.
func webhookReplayFeature() feature {
	return feature{ops: map[string]operation{
		"replayWebhookEvents": {(*Server).replayWebhookEvents, apart},
	}}
}

func (s *Server) replayWebhookEvents(c *call) (int, any) {
	var body struct {
		WebhookID string `json:"webhook_id"`
		FromDate  string `json:"from_date"`
		ToDate    string `json:"to_date"`
	}
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	from, err1 := time.Parse(replayLayout, body.FromDate)
	to, err2 := time.Parse(replayLayout, body.ToDate)
	now := s.clock.Now().UTC()
	switch {
	case err1 != nil:
		return http.StatusBadRequest, badParam("from_date", body.FromDate, "from_date is not a UTC time as yyyymmddhhmm.")
	case err2 != nil:
		return http.StatusBadRequest, badParam("to_date", body.ToDate, "to_date is not a UTC time as yyyymmddhhmm.")
	case to.Before(from):
		return http.StatusBadRequest, badParam("to_date", body.ToDate, "to_date must not be before from_date.")
	case from.Before(now.Add(-replayWindow).Truncate(time.Minute)):
		return http.StatusBadRequest, badParam("from_date", body.FromDate, "Events can be replayed from the last 24 hours only.")
	}

	s.mu.Lock()
	w := s.w.hooks.find(body.WebhookID)
	if w == nil {
		s.mu.Unlock()
		pr := webhookNotFound(body.WebhookID)
		return pr.Status, pr
	}
	r := &s.w.hooks.replay
	var events [][]byte
	end := to.Add(time.Minute) // the whole last minute
	for _, e := range r.sent {
		if e.webhookID == w.ID && !e.at.Before(from) && e.at.Before(end) {
			events = append(events, e.body)
		}
	}
	r.seq++
	job := ReplayJob{ID: strconv.FormatUint(r.seq, 10), WebhookID: w.ID, From: from, To: to, CreatedAt: now.Truncate(time.Millisecond)}
	s.mu.Unlock()

	for _, ev := range events {
		if _, err := s.deliver(c.r.Context(), w.ID, ev, webhookMAC(ev), false); err == nil {
			job.Replayed++
		}
	}
	s.mu.Lock()
	r.jobs = append(r.jobs, job)
	s.mu.Unlock()
	return http.StatusOK, envelope{Data: map[string]string{"job_id": job.ID, "created_at": fmtTime(job.CreatedAt)}}
}

// ReplayJobs lists the replay jobs, oldest first.
func (w *World) ReplayJobs() (jobs []ReplayJob) {
	w.read(func(st *state) { jobs = append(jobs, st.hooks.replay.jobs...) })
	return
}
