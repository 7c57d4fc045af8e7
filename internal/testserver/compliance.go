package testserver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// complianceFilesPrefix is where the upload and download links of jobs point.
const complianceFilesPrefix = "/compliance-files/"

type wJob struct {
	CreatedAt         string `json:"created_at,omitempty"`
	DownloadExpiresAt string `json:"download_expires_at,omitempty"`
	DownloadURL       string `json:"download_url,omitempty"`
	ID                string `json:"id"`
	Name              string `json:"name,omitempty"`
	Resumable         *bool  `json:"resumable,omitempty"`
	Status            string `json:"status,omitempty"`
	Type              string `json:"type"`
	UploadExpiresAt   string `json:"upload_expires_at,omitempty"`
	UploadURL         string `json:"upload_url,omitempty"`
}

// jobStatus moves with the clock: created, then in_progress, then complete.
func (s *Server) jobStatus(j *ComplianceJob) string {
	age := s.clock.Now().Sub(j.CreatedAt)
	switch {
	case j.Failed:
		return "failed"
	case age >= s.cfg.complianceComplete:
		return "complete"
	case age >= s.cfg.complianceStart:
		return "in_progress"
	}
	return "created"
}

func (s *Server) renderJob(j *ComplianceJob, fields set) wJob {
	all := fields == nil
	w := wJob{ID: j.ID, Type: j.Type}
	if all || fields["created_at"] {
		w.CreatedAt = fmtTime(j.CreatedAt)
	}
	if all || fields["name"] {
		w.Name = j.Name
	}
	if all || fields["resumable"] {
		v := j.Resumable
		w.Resumable = &v
	}
	if all || fields["status"] {
		w.Status = s.jobStatus(j)
	}
	if all || fields["upload_url"] {
		w.UploadURL = s.base + complianceFilesPrefix + "upload/" + j.ID
	}
	if all || fields["upload_expires_at"] {
		w.UploadExpiresAt = fmtTime(j.CreatedAt.Add(15 * time.Minute))
	}
	if all || fields["download_url"] {
		w.DownloadURL = s.base + complianceFilesPrefix + "download/" + j.ID
	}
	if all || fields["download_expires_at"] {
		w.DownloadExpiresAt = fmtTime(j.CreatedAt.Add(s.cfg.complianceComplete + 7*24*time.Hour))
	}
	return w
}

// seedComplianceJobs gives every server the complete tweets job SeedComplianceJobID.
func seedComplianceJobs(st *state) {
	st.jobSeq = 1460000000000000001
	st.jobs = []*ComplianceJob{{ID: SeedComplianceJobID, Type: "tweets", Name: "seeded job",
		CreatedAt: SeedTime.Add(-24 * time.Hour), Upload: []byte(JackFirstTweetID + "\n" + NonexistentID + "\n")}}
	st.jobSeq++
}

// complianceFeature registers the operations this file serves and what it seeds into a new world.
func complianceFeature() feature {
	return feature{seed: seedComplianceJobs, ops: map[string]operation{
		"createComplianceJob": {(*Server).createComplianceJob, writes},
		"getComplianceJob":    {(*Server).getComplianceJob, reads},
		"listComplianceJobs":  {(*Server).listComplianceJobs, reads},
	}}
}

func (s *Server) createComplianceJob(c *call) (int, any) {
	var body struct {
		Type      string `json:"type"`
		Name      string `json:"name"`
		Resumable bool   `json:"resumable"`
	}
	if pr := decodeBody(c, &body); pr != nil {
		return pr.Status, pr
	}
	for _, j := range s.w.jobs {
		if j.Type == body.Type && s.jobStatus(j) != "complete" && s.jobStatus(j) != "failed" {
			return http.StatusConflict, &apiProblem{Title: "Conflict", Type: problemBase + "conflict", Status: http.StatusConflict,
				Detail: "There is already a " + body.Type + " compliance job in progress: " + j.ID}
		}
	}
	s.w.jobSeq++
	j := &ComplianceJob{ID: strconv.FormatUint(s.w.jobSeq, 10), Type: body.Type, Name: body.Name, Resumable: body.Resumable,
		CreatedAt: s.clock.Now().UTC().Truncate(time.Second)}
	s.w.jobs = append(s.w.jobs, j)
	return http.StatusOK, envelope{Data: s.renderJob(j, nil)}
}

func (s *Server) getComplianceJob(c *call) (int, any) {
	id := c.path["id"]
	for _, j := range s.w.jobs {
		if j.ID == id {
			return http.StatusOK, envelope{Data: s.renderJob(j, listParam(c.q, "compliance_job.fields"))}
		}
	}
	return http.StatusNotFound, notFoundProblem("Could not find compliance job with id: [" + id + "].")
}

func (s *Server) listComplianceJobs(c *call) (int, any) {
	typ, status := c.q.Get("type"), c.q.Get("status")
	fields := listParam(c.q, "compliance_job.fields")
	var data []wJob
	for i := len(s.w.jobs) - 1; i >= 0; i-- {
		j := s.w.jobs[i]
		if j.Type == typ && (status == "" || s.jobStatus(j) == status) {
			data = append(data, s.renderJob(j, fields))
		}
	}
	env := envelope{Meta: listMeta{ResultCount: len(data)}}
	if len(data) > 0 {
		env.Data = data
	}
	return http.StatusOK, env
}

// serveComplianceFile serves the job links: PUT upload/{id} takes the ids (one per
// line); GET download/{id}, once the job is complete, returns one JSON line per id that
// is not in the world (deleted), as X's result files do.
func (s *Server) serveComplianceFile(w http.ResponseWriter, r *http.Request) {
	kind, id, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, complianceFilesPrefix), "/")
	s.mu.Lock()
	defer s.mu.Unlock()
	var job *ComplianceJob
	for _, j := range s.w.jobs {
		if j.ID == id {
			job = j
		}
	}
	if job == nil {
		http.Error(w, "no such job", http.StatusNotFound)
		return
	}
	switch {
	case kind == "upload" && r.Method == http.MethodPut:
		if s.jobStatus(job) != "created" {
			http.Error(w, "upload window closed", http.StatusForbidden)
			return
		}
		job.Upload, _ = io.ReadAll(io.LimitReader(r.Body, 64<<20))
		w.WriteHeader(http.StatusOK)
	case kind == "download" && r.Method == http.MethodGet:
		if s.jobStatus(job) != "complete" {
			http.Error(w, "not ready", http.StatusForbidden)
			return
		}
		var out bytes.Buffer
		sc := bufio.NewScanner(bytes.NewReader(job.Upload))
		for sc.Scan() {
			id := strings.TrimSpace(sc.Text())
			if id == "" {
				continue
			}
			exists := false
			if job.Type == "tweets" {
				exists = s.w.tweet(id) != nil
			} else {
				exists = s.w.user(id) != nil
			}
			if !exists {
				line, _ := json.Marshal(map[string]string{"id": id, "action": "delete",
					"created_at": fmtTime(SeedTime.Add(-30 * 24 * time.Hour)), "redacted_at": fmtTime(SeedTime.Add(-24 * time.Hour)), "reason": "deleted"})
				fmt.Fprintf(&out, "%s\n", line)
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(out.Bytes())
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}
