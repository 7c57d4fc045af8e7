package twitter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// What the drift faults of the fake server write (internal/testserver/faults_drift.go).
const (
	driftMember = "drift_unknown_member"
	driftValue  = "unlistedByTheDocument"
)

// driftedCalls makes every call of readCalls on two fake servers with the same world,
// one of them answering every request with fault kind, and hands each pair of results
// (as JSON trees of what the client returned) to check. Each pair must agree on failing.
func driftedCalls(t *testing.T, kind testserver.FaultKind, check func(t *testing.T, plain, drifted any)) {
	// Both at the seed's instant, so that what the servers stamp agrees.
	plain := fake(t, testserver.WithInvalidRequestsAllowed(), testserver.WithClock(testserver.NewManualClock(time.Time{})))
	drifted := fake(t, testserver.WithInvalidRequestsAllowed(), testserver.WithClock(testserver.NewManualClock(time.Time{})))
	drifted.Inject("*", testserver.Fault{Kind: kind})
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	app, user := readClients(t, plain, tr)
	plainCalls := readCalls(t, app, user)
	app, user = readClients(t, drifted, tr)
	driftedCalls := readCalls(t, app, user)
	for name, call := range plainCalls {
		t.Run(name, func(t *testing.T) {
			want, wantErr := call()
			got, err := driftedCalls[name]()
			if (err == nil) != (wantErr == nil) {
				t.Fatalf("err = %v, want %v", err, wantErr)
			}
			if err != nil {
				var e, we *twitter.Error
				if !errors.As(err, &e) || !errors.As(wantErr, &we) || e.StatusCode != we.StatusCode {
					t.Fatalf("err = %v, want an *Error of status %d like %v", err, we.StatusCode, wantErr)
				}
				return
			}
			// Links to the servers differ by their ports only.
			check(t, jsonTree(t, want, plain.URL(), "SERVER"), jsonTree(t, got, drifted.URL(), "SERVER"))
		})
	}
}

// jsonTree is v as encoding/json writes it, read back into maps and slices, with every
// from in its strings written to.
func jsonTree(t *testing.T, v any, from, to string) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte(from), []byte(to))
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

// Answers whose objects carry members the document does not name and whose enumerations
// hold values it does not list are read whole: every call succeeds or fails as it does
// on the answer as documented, every value is the same, and an unlisted value is kept as
// X sent it.
func TestFakeAnswersWithUnlistedValuesAreReadAsSent(t *testing.T) {
	unlisted := 0
	driftedCalls(t, testserver.FaultUnlistedValues, func(t *testing.T, plain, drifted any) {
		unlisted += sameButDrifted(t, testserver.FaultUnlistedValues, "", plain, drifted)
	})
	if unlisted == 0 {
		t.Error("no unlisted value reached a result: the drift was not applied")
	}
}

// Answers whose objects lack members the document marks required are read as far as they
// go: every call succeeds or fails as it does on the answer as documented, and what is
// there is the same; only members are missing, never an id.
func TestFakeAnswersMissingRequiredMembersAreRead(t *testing.T) {
	missing := 0
	driftedCalls(t, testserver.FaultMissingRequired, func(t *testing.T, plain, drifted any) {
		missing += sameButDrifted(t, testserver.FaultMissingRequired, "", plain, drifted)
	})
	if missing == 0 {
		t.Error("no member went missing: the drift was not applied")
	}
}

// sameButDrifted compares two JSON trees, failing t where drifted differs from plain
// other than by what drift kind may do, and returns how many of its changes it met:
//   - FaultUnlistedValues: a value may be driftValue, and driftMember may stand in
//     objects that keep unknown members (json.RawMessage, maps);
//   - FaultMissingRequired: a member other than "id" may be missing, or zero (the
//     generated types write required members even when zero), and so may an object.
func sameButDrifted(t *testing.T, kind testserver.FaultKind, at string, plain, drifted any) (changes int) {
	t.Helper()
	unlisted := kind == testserver.FaultUnlistedValues
	if unlisted && drifted == driftValue {
		return 1
	}
	switch p := plain.(type) {
	case map[string]any:
		d, ok := drifted.(map[string]any)
		if !ok {
			t.Errorf("%s: %v, want an object", at, drifted)
			return 0
		}
		if !unlisted && vanished(d) {
			return 1 // the object itself was a required member, and left out whole
		}
		for k, pv := range p {
			dv, ok := d[k]
			switch gone := !ok || zeroJSON(dv) && !zeroJSON(pv); {
			case gone && (unlisted || k == "id"):
				t.Errorf("%s.%s: lost", at, k)
			case gone:
				changes++
			default:
				changes += sameButDrifted(t, kind, at+"."+k, pv, dv)
			}
		}
		for k, dv := range d {
			if _, ok := p[k]; !ok && !(unlisted && (k == driftMember || onlyDriftMembers(dv))) {
				t.Errorf("%s.%s: %v, a member the plain answer has not", at, k, dv)
			}
		}
	case []any:
		d, ok := drifted.([]any)
		if !ok || len(d) != len(p) {
			t.Errorf("%s: %v, want %d elements", at, drifted, len(p))
			return 0
		}
		for i := range p {
			changes += sameButDrifted(t, kind, fmt.Sprintf("%s[%d]", at, i), p[i], d[i])
		}
	default:
		if plain != drifted {
			t.Errorf("%s: %v, want %v", at, drifted, plain)
		}
	}
	return changes
}

// onlyDriftMembers reports whether v is an object of driftMember alone, as a free-form
// object (a map) the plain answer left out as empty becomes.
func onlyDriftMembers(v any) bool {
	m, ok := v.(map[string]any)
	_, drifted := m[driftMember]
	return ok && len(m) == 1 && drifted
}

// vanished reports whether an object holds only what zero Go values encode to: an
// object X left out whole, written again from the zero value of its type.
func vanished(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for _, m := range v {
			if !vanished(m) {
				return false
			}
		}
		return true
	case []any:
		return len(v) == 0
	}
	return zeroJSON(v)
}

// zeroJSON reports whether v is what a zero Go value encodes to.
func zeroJSON(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case float64:
		return v == 0
	case bool:
		return !v
	}
	return false
}

// Pages that drift are walked to the end as documented ones are, and their includes
// resolve: the iterator reads next_token and the expansions from what X sent.
func TestFakeSearchIterReadsDriftedPages(t *testing.T) {
	for _, kind := range []testserver.FaultKind{testserver.FaultUnlistedValues, testserver.FaultMissingRequired} {
		t.Run(kind.String(), func(t *testing.T) {
			s := fake(t)
			s.Inject("*", testserver.Fault{Kind: kind})
			c := appClient(t, s)
			opts := &twitter.SearchOptions{MaxResults: 100, TweetOptions: twitter.TweetOptions{
				Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID}, TweetFields: []gen.TweetField{gen.TweetFieldReplySettings}}}
			var ids []string
			authors := 0
			for p, err := range c.Tweets.SearchRecentPages(context.Background(), testserver.SearchThousandQuery, opts, nil) {
				if err != nil {
					t.Fatal(err)
				}
				inc := p.Includes
				for _, tw := range p.Items {
					ids = append(ids, tw.ID)
					if _, ok := inc.UserByID(tw.AuthorID); ok {
						authors++
					}
					if kind == testserver.FaultUnlistedValues && tw.ReplySettings != driftValue {
						t.Fatalf("reply_settings = %q, want the unlisted value as sent", tw.ReplySettings)
					}
				}
			}
			slices.Sort(ids)
			if len(ids) != 1000 || len(slices.Compact(ids)) != 1000 {
				t.Errorf("%d Tweets, want the 1000 distinct ones the query matches", len(ids))
			}
			if authors != len(ids) {
				t.Errorf("%d of %d authors resolved from includes", authors, len(ids))
			}
		})
	}
}

// A stream whose lines drift delivers every Tweet with what it has.
func TestFakeStreamReadsDriftedLines(t *testing.T) {
	for _, kind := range []testserver.FaultKind{testserver.FaultUnlistedValues, testserver.FaultMissingRequired} {
		t.Run(kind.String(), func(t *testing.T) {
			s := fake(t)
			s.Inject("streamFiltered", testserver.Fault{Kind: kind})
			c := appClient(t, s)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			st, err := c.Stream.Filtered(ctx, &twitter.StreamOptions{
				TweetFields: []gen.TweetField{gen.TweetFieldReplySettings, gen.TweetFieldAuthorID}})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			emitted := s.EmitTweet(testserver.Tweet{AuthorID: testserver.XDevelopersID, Text: "drift one"},
				testserver.Tweet{AuthorID: testserver.XDevelopersID, Text: "drift two"})
			for _, e := range emitted {
				m, err := st.Next(ctx)
				if err != nil {
					t.Fatal(err)
				}
				tw := m.Tweet
				if tw == nil || tw.Data.ID != e.ID || tw.Data.AuthorID != testserver.XDevelopersID {
					t.Fatalf("message %+v, want Tweet %s", m, e.ID)
				}
				switch kind {
				case testserver.FaultUnlistedValues:
					if tw.Data.Text != e.Text || tw.Data.ReplySettings != driftValue || len(tw.MatchingRules) == 0 {
						t.Errorf("Tweet %+v, want its text, rules and the unlisted reply_settings", tw)
					}
				case testserver.FaultMissingRequired:
					if tw.Data.Text != "" || tw.Data.ReplySettings == "" {
						t.Errorf("Tweet %+v, want it without its required text, with the rest", tw.Data)
					}
				}
			}
		})
	}
}
