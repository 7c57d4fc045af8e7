package testserver

import (
	"net/http"
	"strconv"
	"strings"
)

// Limits of the filtered stream's rules (X's Pro tier).
const (
	maxRules      = 1000
	maxRuleLength = 1024
)

type rulesMeta struct {
	Sent        string `json:"sent,omitempty"`
	ResultCount *int   `json:"result_count,omitempty"`
	NextToken   string `json:"next_token,omitempty"`
	Summary     any    `json:"summary,omitempty"`
}

type addSummary struct {
	Created    int `json:"created"`
	NotCreated int `json:"not_created"`
	Valid      int `json:"valid"`
	Invalid    int `json:"invalid"`
}

type deleteSummary struct {
	Deleted    int `json:"deleted"`
	NotDeleted int `json:"not_deleted"`
}

// rulesFeature registers the operations this file serves.
func rulesFeature() feature {
	return feature{ops: map[string]operation{
		"listStreamRules":   {(*Server).listStreamRules, reads},
		"changeStreamRules": {(*Server).changeStreamRules, writes},
	}}
}

func (s *Server) listStreamRules(c *call) (int, any) {
	rules := s.w.rules
	if ids := listParam(c.q, "ids"); ids != nil {
		var sel []Rule
		for _, r := range rules {
			if ids[r.ID] {
				sel = append(sel, r)
			}
		}
		rules = sel
	}
	max := 1000
	if v := c.q.Get("max_results"); v != "" {
		max, _ = strconv.Atoi(v)
	}
	offset := 0
	if tok := c.q.Get("pagination_token"); tok != "" {
		n, err := strconv.ParseInt(strings.TrimPrefix(tok, "r"), 16, 64)
		if err != nil || !strings.HasPrefix(tok, "r") {
			return http.StatusBadRequest, badParam("pagination_token", tok, "The `pagination_token` query parameter value [%s] is not valid", tok)
		}
		offset = int(n)
	}
	from := min(offset, len(rules))
	to := min(from+max, len(rules))
	n := to - from
	m := rulesMeta{Sent: fmtTime(s.clock.Now()), ResultCount: &n}
	if to < len(rules) {
		m.NextToken = rulesToken(to)
	}
	env := envelope{Meta: m}
	if n > 0 {
		env.Data = rules[from:to]
	}
	return http.StatusOK, env
}

// changeStreamRules adds or deletes rules. Rejected rules (bad syntax, duplicates, over
// the cap) come back in errors beside the summary, with status 200: the document has no
// other shape for them.
func (s *Server) changeStreamRules(c *call) (int, any) {
	var body struct {
		Add []struct {
			Value string `json:"value"`
			Tag   string `json:"tag"`
		} `json:"add"`
		Delete *struct {
			IDs    []string `json:"ids"`
			Values []string `json:"values"`
		} `json:"delete"`
	}
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	dry := c.q.Get("dry_run") == "true"
	now := fmtTime(s.clock.Now())
	var errs []apiProblem

	if c.q.Get("delete_all") == "true" || body.Delete != nil {
		var keep []Rule
		var deleted []Rule
		sum := deleteSummary{}
		if c.q.Get("delete_all") == "true" {
			deleted = s.w.rules
		} else {
			want := map[string]bool{}
			for _, id := range body.Delete.IDs {
				want["id:"+id] = true
			}
			for _, v := range body.Delete.Values {
				want["value:"+v] = true
			}
			found := map[string]bool{}
			for _, r := range s.w.rules {
				if want["id:"+r.ID] || want["value:"+r.Value] {
					deleted = append(deleted, r)
					found["id:"+r.ID], found["value:"+r.Value] = true, true
				} else {
					keep = append(keep, r)
				}
			}
			for k := range want {
				if !found[k] {
					kind, v, _ := strings.Cut(k, ":")
					sum.NotDeleted++
					pr := apiProblem{Title: "Invalid Request", Type: problemBase + "invalid-request",
						Detail: "Rule does not exist", Details: []string{"Rule does not exist"}}
					if kind == "id" {
						pr.ID = v
					} else {
						pr.Value = v
					}
					errs = append(errs, pr)
				}
			}
		}
		sum.Deleted = len(deleted)
		if !dry {
			s.w.rules = keep
		}
		return http.StatusOK, envelope{Errors: errs, Meta: rulesMeta{Sent: now, Summary: sum}}
	}

	sum := addSummary{}
	var created []Rule
	existing := map[string]string{}
	for _, r := range s.w.rules {
		existing[r.Value] = r.ID
	}
	seq := s.w.ruleSeq
	for _, a := range body.Add {
		if id, dup := existing[a.Value]; dup {
			sum.NotCreated++
			sum.Valid++
			errs = append(errs, apiProblem{Value: a.Value, ID: id, Title: "DuplicateRule", Type: problemBase + "duplicate-rules"})
			continue
		}
		if msg := ruleError(a.Value); msg != "" {
			sum.NotCreated++
			sum.Invalid++
			errs = append(errs, apiProblem{Value: a.Value, Details: []string{msg}, Title: "Invalid Rule", Type: problemBase + "invalid-rules"})
			continue
		}
		if len(s.w.rules)+len(created) >= maxRules {
			sum.NotCreated++
			sum.Valid++
			errs = append(errs, apiProblem{Value: a.Value, Title: "RulesCapExceeded", Type: problemBase + "rule-cap",
				Detail: "You have exceeded the maximum number of rules."})
			continue
		}
		r := Rule{ID: strconv.FormatUint(seq, 10), Value: a.Value, Tag: a.Tag}
		seq++
		existing[a.Value] = r.ID
		created = append(created, r)
		sum.Created++
		sum.Valid++
	}
	if !dry { // a dry run answers exactly as the real request would, and changes nothing
		s.w.ruleSeq = seq
		s.w.rules = append(append([]Rule(nil), s.w.rules...), created...)
	}
	env := envelope{Errors: errs, Meta: rulesMeta{Sent: now, Summary: sum}}
	if len(created) > 0 {
		env.Data = created
	}
	return http.StatusOK, env
}

// ruleError says what is wrong with a rule value, or "" when it is fine.
func ruleError(v string) string {
	if len(v) > maxRuleLength {
		return "Rule is too long: " + strconv.Itoa(len(v)) + " characters, the limit is " + strconv.Itoa(maxRuleLength)
	}
	if _, err := parseQuery(v); err != nil {
		return err.Error()
	}
	return ""
}
