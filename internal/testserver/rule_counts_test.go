package testserver

import (
	"strconv"
	"testing"
)

func TestStreamRuleCounts(t *testing.T) {
	s := Start(t)
	c := newTC(t, s)
	// Defaults: the caps, this app's count and the project's; the seeded rule is this app's.
	r := c.get("/2/tweets/search/stream/rules/counts", c.app())
	wantStatus(t, r, 200)
	if d := r.obj("data"); len(d) != 4 || r.str("data", "cap_per_client_app") != strconv.Itoa(RulesCapPerClientApp) ||
		r.str("data", "cap_per_project") != strconv.Itoa(RulesCapPerProject) ||
		r.str("data", "client_app_rules_count", "client_app_id") != ClientAppID || r.num("data", "client_app_rules_count", "rule_count") != 1 ||
		r.str("data", "project_rules_count") != strconv.Itoa(1+OtherClientAppRules) || s.World().ProjectRuleCount() != "4" {
		t.Errorf("defaults: %s", r.raw)
	}
	// Adding rules shows in the counts.
	r = c.do("POST", "/2/tweets/search/stream/rules", c.app(), map[string]any{"add": []map[string]string{{"value": "cats"}, {"value": "dogs"}}})
	wantStatus(t, r, 200)
	r = c.get("/2/tweets/search/stream/rules/counts?rules_count.fields=all_project_client_apps,project_rules_count", c.app())
	wantStatus(t, r, 200)
	if d := r.obj("data"); len(d) != 2 || r.str("data", "project_rules_count") != "6" ||
		r.num("data", "all_project_client_apps", 0, "rule_count") != 3 ||
		r.str("data", "all_project_client_apps", 1, "client_app_id") != OtherClientAppID ||
		r.num("data", "all_project_client_apps", 1, "rule_count") != OtherClientAppRules {
		t.Errorf("after adding two: %s", r.raw)
	}
	// Without seeded rules this app has none.
	s2 := Start(t, WithoutSeedRules(), WithInvalidRequestsAllowed())
	c2 := newTC(t, s2)
	r = c2.get("/2/tweets/search/stream/rules/counts?rules_count.fields=client_app_rules_count", c2.app())
	if r.num("data", "client_app_rules_count", "rule_count") != 0 || !r.has("data", "client_app_rules_count", "rule_count") {
		t.Errorf("no rules: %s", r.raw)
	}
	// App-only; fields from the document only.
	r = c2.get("/2/tweets/search/stream/rules/counts", s2.UserToken(AliceID))
	if r.status != 403 || r.str("type") != problemBase+"unsupported-authentication" {
		t.Errorf("user token: %s", r.raw)
	}
	wantStatus(t, c2.get("/2/tweets/search/stream/rules/counts?rules_count.fields=rules", c2.app()), 400)
}
