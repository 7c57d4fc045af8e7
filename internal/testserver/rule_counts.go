package testserver

import (
	"net/http"
	"strconv"
)

// The project's other app, which has rules of its own that count against the project's
// cap but are not this app's to list or change.
const (
	OtherClientAppID     = "28000002"
	OtherClientAppRules  = 3
	RulesCapPerClientApp = maxRules
	RulesCapPerProject   = 5000
)

type wAppRulesCount struct {
	ClientAppID string `json:"client_app_id"`
	RuleCount   int    `json:"rule_count"`
}

type wRulesCount struct {
	AllProjectClientApps []wAppRulesCount `json:"all_project_client_apps,omitempty"`
	CapPerClientApp      int              `json:"cap_per_client_app,omitempty,string"`
	CapPerProject        int              `json:"cap_per_project,omitempty,string"`
	ClientAppRulesCount  *wAppRulesCount  `json:"client_app_rules_count,omitempty"`
	ProjectRulesCount    *int             `json:"project_rules_count,omitempty,string"`
}

// ruleCountsFeature registers the operations this file serves.
func ruleCountsFeature() feature {
	return feature{ops: map[string]operation{
		"countStreamRules": {(*Server).countStreamRules, reads},
	}}
}

// countStreamRules counts the rules in force: this app's (the ones listStreamRules
// returns) and the project's, this app's and OtherClientAppID's together. Without
// rules_count.fields it sends everything but the per-app list; with it, what it names.
func (s *Server) countStreamRules(c *call) (int, any) {
	f := listParam(c.q, "rules_count.fields")
	if f == nil {
		f = set{"cap_per_client_app": true, "cap_per_project": true, "client_app_rules_count": true, "project_rules_count": true}
	}
	mine := len(s.w.rules)
	app := wAppRulesCount{ClientAppID: ClientAppID, RuleCount: mine}
	var d wRulesCount
	if f["all_project_client_apps"] {
		d.AllProjectClientApps = []wAppRulesCount{app, {ClientAppID: OtherClientAppID, RuleCount: OtherClientAppRules}}
	}
	if f["cap_per_client_app"] {
		d.CapPerClientApp = RulesCapPerClientApp
	}
	if f["cap_per_project"] {
		d.CapPerProject = RulesCapPerProject
	}
	if f["client_app_rules_count"] {
		d.ClientAppRulesCount = &app
	}
	if f["project_rules_count"] {
		n := mine + OtherClientAppRules
		d.ProjectRulesCount = &n
	}
	return http.StatusOK, envelope{Data: d}
}

// ProjectRuleCount is what GET /2/tweets/search/stream/rules/counts reports as the
// project's rules: this app's rules in force and OtherClientAppRules.
func (w *World) ProjectRuleCount() string {
	return strconv.Itoa(len(w.Rules()) + OtherClientAppRules)
}
