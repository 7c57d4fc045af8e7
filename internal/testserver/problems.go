package testserver

import (
	"fmt"
	"net/http"
	"strings"
)

// problemBase is where X's problem type URIs live (the v2 wire spelling).
const problemBase = "https://api.twitter.com/2/problems/"

// apiProblem is a problem document as X sends it: RFC 7807 members plus the extra
// members some types carry. It is used for error responses and for partial errors.
type apiProblem struct {
	Value          string         `json:"value,omitempty"`
	Detail         string         `json:"detail,omitempty"`
	Title          string         `json:"title"`
	ResourceType   string         `json:"resource_type,omitempty"`
	Parameter      string         `json:"parameter,omitempty"`
	ResourceID     string         `json:"resource_id,omitempty"`
	Section        string         `json:"section,omitempty"`
	Field          string         `json:"field,omitempty"`
	ID             string         `json:"id,omitempty"`
	Errors         []problemError `json:"errors,omitempty"`
	Reason         string         `json:"reason,omitempty"`
	Scope          string         `json:"scope,omitempty"`
	ConnectionIssu string         `json:"connection_issue,omitempty"`
	DisconnectType string         `json:"disconnect_type,omitempty"`
	Type           string         `json:"type"`
	Status         int            `json:"status,omitempty"`
	Details        []string       `json:"details,omitempty"`
}

type problemError struct {
	Parameters map[string][]string `json:"parameters,omitempty"`
	Message    string              `json:"message"`
}

// invalidRequest is X's 400 for bad parameters.
func invalidRequest(issues ...paramIssue) *apiProblem {
	p := &apiProblem{
		Title:  "Invalid Request",
		Detail: "One or more parameters to your request was invalid.",
		Type:   problemBase + "invalid-request",
		Status: http.StatusBadRequest,
	}
	for _, is := range issues {
		e := problemError{Message: is.message}
		if is.name != "" && is.name != "body" && is.name != "request" {
			e.Parameters = map[string][]string{is.name: {is.value}}
		}
		p.Errors = append(p.Errors, e)
	}
	return p
}

func badParam(name, value, format string, args ...any) *apiProblem {
	return invalidRequest(paramIssue{name: name, value: value, message: fmt.Sprintf(format, args...)})
}

// notFound is the partial error X puts beside data for an id it cannot find.
func notFound(resourceType, parameter, value string) apiProblem {
	return apiProblem{
		Value:        value,
		Detail:       fmt.Sprintf("Could not find %s with %s: [%s].", resourceType, parameter, value),
		Title:        "Not Found Error",
		ResourceType: resourceType,
		Parameter:    parameter,
		ResourceID:   value,
		Type:         problemBase + "resource-not-found",
	}
}

// notFoundAnswer is X's answer to a lookup of an id it cannot find: 200 with nothing but
// the partial error.
func notFoundAnswer(resourceType, parameter, value string) (int, any) {
	return http.StatusOK, envelope{Errors: []apiProblem{notFound(resourceType, parameter, value)}}
}

// notAuthorized is the partial error for an object the caller may not see (protected).
func notAuthorized(resourceType, parameter, value string) apiProblem {
	return apiProblem{
		Value:        value,
		Detail:       fmt.Sprintf("Sorry, you are not authorized to see the %s with %s: [%s].", capitalize(resourceType), parameter, value),
		Title:        "Authorization Error",
		ResourceType: resourceType,
		Parameter:    parameter,
		ResourceID:   value,
		Section:      "data",
		Type:         problemBase + "not-authorized-for-resource",
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func unauthorized() *apiProblem {
	return &apiProblem{Title: "Unauthorized", Type: "about:blank", Status: http.StatusUnauthorized, Detail: "Unauthorized"}
}

func forbidden(detail string) *apiProblem {
	return &apiProblem{Title: "Forbidden", Type: "about:blank", Status: http.StatusForbidden, Detail: detail}
}

func unsupportedAuth(detail string) *apiProblem {
	return &apiProblem{Title: "Unsupported Authentication", Type: problemBase + "unsupported-authentication",
		Status: http.StatusForbidden, Detail: detail}
}

func tooManyRequests() *apiProblem {
	return &apiProblem{Title: "Too Many Requests", Type: "about:blank", Status: http.StatusTooManyRequests, Detail: "Too Many Requests"}
}

func notFoundProblem(detail string) *apiProblem {
	return &apiProblem{Title: "Not Found Error", Type: "about:blank", Status: http.StatusNotFound, Detail: detail}
}
