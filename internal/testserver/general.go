package testserver

import "net/http"

// generalFeature registers the operations this file serves.
func generalFeature() feature {
	return feature{ops: map[string]operation{
		"getOpenAPIDocument": {(*Server).getOpenAPIDocument, reads},
	}}
}

// getOpenAPIDocument serves the API document itself, as JSON.
func (s *Server) getOpenAPIDocument(c *call) (int, any) {
	return http.StatusOK, rawJSON(s.c.docJSON)
}
