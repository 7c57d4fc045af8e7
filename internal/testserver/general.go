package testserver

import "net/http"

// getOpenAPIDocument serves the API document itself, as JSON.
func (s *Server) getOpenAPIDocument(c *call) (int, any) {
	return http.StatusOK, rawJSON(s.c.docJSON)
}
