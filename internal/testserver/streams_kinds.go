package testserver

import (
	"net/http"
	"strconv"
)

// streamFamily is what a stream carries: Tweets, or one kind of other event.
type streamFamily int

const (
	familyTweets streamFamily = iota
	familyTweetCompliance
	familyUserCompliance
	familyLikeCompliance
	familyTweetLabels
	familyLikes
	familyActivity // X Activity events (activity.go)
)

// streamKind describes one streaming operation: what it carries, over how many
// partitions it is split (0: none), and the language of its Tweets ("" for all).
type streamKind struct {
	family     streamFamily
	partitions int
	lang       string
}

// streamKinds are the streaming operations, by operationId. Every other operation is
// registered by a feature (features in server.go).
var streamKinds = map[string]streamKind{
	"streamSample":     {family: familyTweets},
	"streamFiltered":   {family: familyTweets},
	"streamSample10":   {family: familyTweets, partitions: 2},
	"streamFirehose":   {family: familyTweets, partitions: 20},
	"streamFirehoseEn": {family: familyTweets, partitions: 8, lang: "en"},
	"streamFirehoseJa": {family: familyTweets, partitions: 2, lang: "ja"},
	"streamFirehoseKo": {family: familyTweets, partitions: 2, lang: "ko"},
	"streamFirehosePt": {family: familyTweets, partitions: 2, lang: "pt"},

	"streamTweetCompliance": {family: familyTweetCompliance, partitions: 4},
	"streamUserCompliance":  {family: familyUserCompliance, partitions: 4},
	"streamLikeCompliance":  {family: familyLikeCompliance},
	"streamTweetLabels":     {family: familyTweetLabels},

	"streamLikesFirehose": {family: familyLikes, partitions: 20},
	"streamLikesSample10": {family: familyLikes, partitions: 2},

	"streamActivity": {family: familyActivity},
}

// isStream reports whether an operation is a stream, held open by serveStream.
func isStream(opID string) bool {
	_, ok := streamKinds[opID]
	return ok
}

// StreamPartition returns the partition (1 to n) of a partitioned stream of n
// partitions that carries the event with the given key (a Tweet's numeric id). Every
// event is in exactly one partition: reading all n gives every event once.
func StreamPartition(key uint64, n int) int {
	if n <= 1 {
		return 1
	}
	return int(key%uint64(n)) + 1
}

// newStreamConn registers nothing yet: it reads the connection's partition (the request
// was validated, so it is in range when the operation has one).
func newStreamConn(c *call) *streamConn {
	conn := &streamConn{opID: c.rt.opID, events: make(chan streamEvent, streamBuffer), kick: make(chan *apiProblem, 1)}
	if streamKinds[c.rt.opID].partitions > 0 {
		conn.partition, _ = strconv.Atoi(c.q.Get("partition"))
	}
	return conn
}

// wants reports whether an event belongs on this connection: its stream's family, a
// rule matched for the filtered stream, the stream's language, its partition, and the
// connection's start_time and end_time.
func (c *streamConn) wants(ev streamEvent) bool {
	k := streamKinds[c.opID]
	switch {
	case ev.family != k.family:
		return false
	case c.opID == "streamFiltered" && len(ev.rules) == 0:
		return false
	case k.lang != "" && (ev.t == nil || ev.t.Lang != k.lang):
		return false
	case k.partitions > 0 && StreamPartition(ev.key, k.partitions) != c.partition:
		return false
	case !c.inWindow(ev):
		return false
	}
	return true
}

// streamTweet renders a Tweet as a stream delivers it, to a connection or a linked
// webhook: with the fields and expansions of sh, and rules as matching_rules (left out
// when nil). It counts as post usage. Call with s.mu held.
func (s *Server) streamTweet(sh *shape, t *Tweet, rules []matchingRule) envelope {
	r := newRenderer(s.w, sh, "")
	env := envelope{Data: r.tweet(t), MatchingRules: rules}
	env.Includes = r.includes()
	env.Errors = r.errs
	s.usage.count(s.clock.Now(), 1)
	return env
}

// streamLine encodes one event for a connection: a Tweet rendered with the fields and
// expansions the connection asked for (and matching_rules on the filtered stream), or an
// event of another family as it is. The mutator sees the line before it is validated.
func (s *Server) streamLine(c *call, sh *shape, ev streamEvent) []byte {
	var v any = ev.line
	if ev.like != nil {
		v = s.likeLine(c, sh, ev.like)
	}
	if ev.t != nil {
		rules := ev.rules
		if c.rt.opID == "streamFiltered" && rules == nil {
			rules = []matchingRule{}
		}
		s.mu.RLock()
		v = s.streamTweet(sh, ev.t, rules)
		s.mu.RUnlock()
	}
	line, _ := encode(v)
	if s.cfg.mutator != nil {
		line = s.cfg.mutator(c.rt.opID, http.StatusOK, line)
	}
	return line
}
