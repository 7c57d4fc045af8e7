package testserver

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Chunked media upload: initialize declares the file, append sends segments (base64 in
// JSON or bytes in a multipart form), finalize checks that every segment arrived and adds
// up to total_bytes. Photos are ready at once; videos and GIFs then process on the server
// clock: pending for a second, in_progress for a time that grows with the size (see
// processingTime), then succeeded. Only finished uploads of the caller (or of which the
// caller is an additional owner) can be attached to Tweets (tweet_* categories) or direct
// messages (dm_* categories). Uploads expire a day after they were initialized.
const (
	uploadLifetime   = 24 * time.Hour
	maxSegmentBytes  = 5 << 20     // X's chunked-upload documentation: a segment of at most 5 MB
	maxImageBytes    = 5 << 20     // X's media documentation: an image of at most 5 MB,
	maxGIFBytes      = 15 << 20    // a GIF of at most 15 MB,
	maxVideoBytes    = 512 << 20   // a video of at most 512 MB
	maxSubtitleBytes = 1 << 20     // the fake's own bound: X's media documentation states none
	processingDelay  = time.Second // pending before processing starts
)

// processingTime is how long a video or GIF of n bytes is in_progress: a second per MiB,
// at least two and at most thirty.
func processingTime(n int64) time.Duration {
	d := time.Duration(n>>20) * time.Second
	return min(max(d, 2*time.Second), 30*time.Second)
}

// uploadKind is the media type and key prefix of a category.
func uploadKind(category string) (mediaType, keyPrefix string, async bool) {
	switch category {
	case "tweet_image", "dm_image":
		return "photo", "3", false
	case "tweet_gif", "dm_gif":
		return "animated_gif", "16", true
	case "tweet_video", "dm_video":
		return "video", "7", true
	case "amplify_video":
		return "video", "13", true
	}
	return "subtitles", "", false
}

// defaultCategory is the category X assumes from a media type.
func defaultCategory(mediaType string) string {
	switch {
	case mediaType == "image/gif":
		return "tweet_gif"
	case strings.HasPrefix(mediaType, "image/"):
		return "tweet_image"
	case strings.HasPrefix(mediaType, "video/"):
		return "tweet_video"
	case strings.HasPrefix(mediaType, "text/"):
		return "subtitles"
	}
	return ""
}

// categoryFits tells whether a media type may be uploaded under a category, and its size limit.
func categoryFits(category, mediaType string) (int64, bool) {
	switch category {
	case "tweet_image", "dm_image":
		return maxImageBytes, strings.HasPrefix(mediaType, "image/") && mediaType != "image/gif"
	case "tweet_gif", "dm_gif":
		return maxGIFBytes, mediaType == "image/gif"
	case "tweet_video", "dm_video", "amplify_video":
		return maxVideoBytes, strings.HasPrefix(mediaType, "video/")
	case "subtitles":
		return maxSubtitleBytes, mediaType == "text/srt" || mediaType == "text/vtt"
	}
	return 0, false
}

// processing returns the processing state of a finalized upload at now ("" when it needs
// none), its progress and how many seconds to wait before asking again. An upload
// finalized under FaultProcessingFailed fails halfway through in_progress.
func (u *Upload) processing(now time.Time) (state string, percent, checkAfter int) {
	if _, _, async := uploadKind(u.Category); !async || !u.Finalized {
		return "", 0, 0
	}
	if u.processed {
		return "succeeded", 100, 0
	}
	elapsed := now.Sub(u.FinalizedAt)
	work := processingTime(u.TotalBytes)
	switch {
	case elapsed < processingDelay:
		return "pending", 0, 1
	case u.failProcessing && elapsed >= processingDelay+work/2:
		return "failed", 50, 0
	case elapsed < processingDelay+work:
		done := elapsed - processingDelay
		left := int(math.Ceil((work - done).Seconds()))
		return "in_progress", int(done * 100 / work), max(1, min(left, 5))
	}
	return "succeeded", 100, 0
}

func (u *Upload) size() int64 {
	var n int64
	for _, b := range u.Segments {
		n += int64(b)
	}
	return n
}

func (u *Upload) ownedBy(userID string) bool {
	return u.OwnerID == userID || contains(u.AdditionalOwners, userID)
}

// usableUpload finds an upload the user may attach to a Tweet (dm false) or a direct
// message (dm true); when it may not, it says why.
func (s *Server) usableUpload(id, userID string, dm bool) (*Upload, string) {
	u := s.w.uploads[id]
	now := s.clock.Now()
	switch {
	case u == nil || !u.ownedBy(userID):
		return nil, "no upload " + id + " of this user"
	case !now.Before(u.CreatedAt.Add(uploadLifetime)):
		return nil, "upload " + id + " has expired"
	case !u.Finalized:
		return nil, "upload " + id + " is not finalized"
	case strings.HasPrefix(u.Category, "dm_") != dm || u.Category == "subtitles":
		return nil, "upload " + id + " has media_category " + u.Category
	}
	if st, _, _ := u.processing(now); st == "failed" {
		return nil, "upload " + id + " failed processing"
	} else if st != "" && st != "succeeded" {
		return nil, "upload " + id + " is still processing"
	}
	return u, ""
}

type wProcessing struct {
	State           string `json:"state"`
	CheckAfterSecs  *int   `json:"check_after_secs,omitempty"`
	ProgressPercent *int   `json:"progress_percent,omitempty"`
}

type wUpload struct {
	ID               string       `json:"id"`
	MediaKey         string       `json:"media_key,omitempty"`
	Size             *int64       `json:"size,omitempty"`
	ExpiresAfterSecs int          `json:"expires_after_secs"`
	ProcessingInfo   *wProcessing `json:"processing_info,omitempty"`
}

func (s *Server) renderUpload(u *Upload, withSize bool) wUpload {
	now := s.clock.Now()
	w := wUpload{ID: u.ID, MediaKey: u.MediaKey, ExpiresAfterSecs: max(0, int(u.CreatedAt.Add(uploadLifetime).Sub(now).Seconds()))}
	if withSize {
		n := u.size()
		w.Size = &n
	}
	if st, pct, after := u.processing(now); st != "" {
		w.ProcessingInfo = &wProcessing{State: st}
		if st != "succeeded" && st != "failed" {
			w.ProcessingInfo.CheckAfterSecs = &after
		}
		if st != "pending" {
			w.ProcessingInfo.ProgressPercent = &pct
		}
	}
	return w
}

// seedUploads starts every server with no uploads.
func seedUploads(st *state) {
	st.uploads = map[string]*Upload{}
}

// mediaFeature registers the operations this file serves and what it seeds into a new world.
func mediaFeature() feature {
	return feature{seed: seedUploads, ops: map[string]operation{
		"initializeMediaUpload": {(*Server).initializeMediaUpload, writes},
		"appendMediaUpload":     {(*Server).appendMediaUpload, writes},
		"finalizeMediaUpload":   {(*Server).finalizeMediaUpload, writes},
		"getMediaUploadStatus":  {(*Server).getMediaUploadStatus, reads},
	}}
}

func (s *Server) initializeMediaUpload(c *call) (int, any) {
	var b struct {
		TotalBytes       *int64   `json:"total_bytes"`
		MediaType        string   `json:"media_type"`
		MediaCategory    string   `json:"media_category"`
		AdditionalOwners []string `json:"additional_owners"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if b.MediaType == "" {
		return http.StatusBadRequest, badParam("media_type", "", "The `media_type` field is required in the request body")
	}
	if b.TotalBytes == nil || *b.TotalBytes <= 0 {
		return http.StatusBadRequest, badParam("total_bytes", "", "The `total_bytes` field must be a positive number of bytes")
	}
	category := b.MediaCategory
	if category == "" {
		category = defaultCategory(b.MediaType)
	}
	limit, ok := categoryFits(category, b.MediaType)
	if !ok {
		return http.StatusBadRequest, badParam("media_category", category, "media_type %s cannot be uploaded as %s", b.MediaType, category)
	}
	if *b.TotalBytes > limit {
		return http.StatusBadRequest, badParam("total_bytes", strconv.FormatInt(*b.TotalBytes, 10),
			"File size exceeds %d bytes, the limit of %s", limit, category)
	}
	u, pr := s.newUpload(c, b.AdditionalOwners, b.MediaType, category, *b.TotalBytes)
	if pr != nil {
		return pr.Status, pr
	}
	return http.StatusOK, envelope{Data: s.renderUpload(u, false)}
}

// newUpload adds an upload of the caller to the world, after checking its additional
// owners; call with s.mu held.
func (s *Server) newUpload(c *call, owners []string, mediaType, category string, total int64) (*Upload, *apiProblem) {
	for _, o := range owners {
		if s.w.user(o) == nil {
			return nil, badParam("additional_owners", o, "Could not find user with id: [%s].", o)
		}
	}
	now := s.clock.Now()
	s.w.uploadSeq++
	n := snowflake(now, s.w.uploadSeq)
	u := &Upload{ID: strconv.FormatUint(n, 10), OwnerID: c.who.userID, AdditionalOwners: owners,
		MediaType: mediaType, Category: category, TotalBytes: total, Segments: map[int]int{}, CreatedAt: now}
	if _, prefix, _ := uploadKind(category); prefix != "" {
		u.MediaKey = prefix + "_" + u.ID
	}
	s.w.uploads[u.ID] = u
	return u, nil
}

// callerUpload finds the upload of the path (or media_id query), 404 when it is not the caller's.
func (s *Server) callerUpload(c *call, id, param string) (*Upload, *apiProblem) {
	u := s.w.uploads[id]
	if u == nil || !u.ownedBy(c.who.userID) {
		pr := notFound("media", param, id)
		pr.Status = http.StatusNotFound
		return nil, &pr
	}
	return u, nil
}

// segment reads the segment_index and bytes of an append, from JSON or a multipart form.
func segment(c *call) (int, []byte, *apiProblem) {
	i, data, _, pr := segmentFields(c)
	return i, data, pr
}

// segmentFields reads an appended segment, base64 in JSON or raw bytes in a multipart
// form: its index, its bytes and the body's other fields as strings.
func segmentFields(c *call) (int, []byte, map[string]string, *apiProblem) {
	ct, params, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	fields := map[string]string{}
	var data []byte
	if ct == "multipart/form-data" {
		mr := multipart.NewReader(strings.NewReader(string(c.body)), params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return 0, nil, nil, badParam("media", "", "The multipart body is not valid: %v", err)
			}
			v, err := io.ReadAll(io.LimitReader(p, maxSegmentBytes+1))
			if err != nil {
				return 0, nil, nil, badParam("media", "", "The multipart body is not valid: %v", err)
			}
			if p.FormName() == "media" {
				data = v
			} else {
				fields[p.FormName()] = string(v)
			}
		}
	} else {
		var b map[string]json.RawMessage
		if pr := decodeBody(c, &b); pr != nil {
			return 0, nil, nil, pr
		}
		var media string
		for k, v := range b {
			if k == "media" {
				_ = json.Unmarshal(v, &media)
				continue
			}
			var s string
			if json.Unmarshal(v, &s) != nil {
				s = string(v) // a number
			}
			fields[k] = s
		}
		var err error
		if data, err = base64.StdEncoding.DecodeString(media); err != nil {
			return 0, nil, nil, badParam("media", "", "The `media` field is not valid base64: %v", err)
		}
	}
	index := fields["segment_index"]
	i, err := strconv.Atoi(index)
	least, most := schemaMinimum("MediaUploadAppendForm.segment_index"), schemaMaximum("MediaUploadAppendForm.segment_index")
	if err != nil || i < least || i > most {
		return 0, nil, nil, badParam("segment_index", index, "The `segment_index` field must be a number from %d to %d", least, most)
	}
	switch {
	case len(data) == 0:
		return 0, nil, nil, badParam("media", "", "The segment is empty")
	case len(data) > maxSegmentBytes:
		return 0, nil, nil, badParam("media", "", "A segment may hold at most %d bytes", maxSegmentBytes)
	}
	return i, data, fields, nil
}

func (s *Server) appendMediaUpload(c *call) (int, any) {
	i, data, pr := segment(c)
	if pr != nil {
		return pr.Status, pr
	}
	u, pr := s.callerUpload(c, c.path["id"], "id")
	if pr != nil {
		return pr.Status, pr
	}
	expires := u.CreatedAt.Add(uploadLifetime)
	switch {
	case u.Finalized:
		return http.StatusBadRequest, badParam("id", u.ID, "Upload %s is already finalized", u.ID)
	case !s.clock.Now().Before(expires):
		return http.StatusBadRequest, badParam("id", u.ID, "Upload %s has expired", u.ID)
	}
	u.Segments[i] = len(data)
	if n := u.size(); n > u.TotalBytes {
		delete(u.Segments, i)
		return http.StatusBadRequest, badParam("media", "", "The segments hold %d bytes, more than total_bytes %d", n, u.TotalBytes)
	}
	return http.StatusOK, envelope{Data: map[string]int64{"expires_at": expires.Unix()}}
}

func (s *Server) finalizeMediaUpload(c *call) (int, any) {
	u, pr := s.callerUpload(c, c.path["id"], "id")
	if pr != nil {
		return pr.Status, pr
	}
	if u.Finalized {
		return http.StatusBadRequest, badParam("id", u.ID, "Upload %s is already finalized", u.ID)
	}
	for i := range len(u.Segments) {
		if _, ok := u.Segments[i]; !ok {
			return http.StatusBadRequest, badParam("id", u.ID, "Segment %d of upload %s is missing", i, u.ID)
		}
	}
	if n := u.size(); n != u.TotalBytes {
		return http.StatusBadRequest, badParam("id", u.ID, "File size mismatch: received %d bytes, total_bytes is %d", n, u.TotalBytes)
	}
	s.finishUpload(c, u, 1200, 800)
	return http.StatusOK, envelope{Data: s.renderUpload(u, true)}
}

// finishUpload marks u finalized and adds its media object to the world, a photo of
// width w and height h (videos and GIFs are 1280x720); call with s.mu held.
func (s *Server) finishUpload(c *call, u *Upload, w, h int) {
	u.Finalized, u.FinalizedAt = true, s.clock.Now()
	u.failProcessing = c.fault != nil && c.fault.Kind == FaultProcessingFailed
	s.w.addUploadedMedia(u, w, h)
}

// addUploadedMedia adds the media object of a finalized upload, a photo of width w and
// height h (videos and GIFs are 1280x720); an upload without a media key (subtitles)
// makes none.
func (st *state) addUploadedMedia(u *Upload, w, h int) {
	if typ, _, _ := uploadKind(u.Category); u.MediaKey != "" {
		m := &Media{Key: u.MediaKey, Type: typ, Width: w, Height: h}
		switch typ {
		case "photo":
			m.URL = "https://pbs.twimg.com/media/" + u.ID + ".jpg"
		default:
			m.Width, m.Height = 1280, 720
			m.PreviewImageURL = "https://pbs.twimg.com/ext_tw_video_thumb/" + u.ID + "/pu/img/preview.jpg"
			m.DurationMS = int(min(u.TotalBytes/100, 140000))
		}
		st.media[m.Key] = m
	}
}

func (s *Server) getMediaUploadStatus(c *call) (int, any) {
	u, pr := s.callerUpload(c, c.q.Get("media_id"), "media_id")
	if pr != nil {
		return pr.Status, pr
	}
	if !u.Finalized {
		return http.StatusBadRequest, badParam("media_id", u.ID, "Upload %s is not finalized yet", u.ID)
	}
	return http.StatusOK, envelope{Data: s.renderUpload(u, true)}
}
