package testserver

import (
	"encoding/json"
	"net/http"
	"sort"
	"strings"
)

// Media lookup, metadata and subtitles.
//
// GET /2/media and /2/media/{media_key} return any media the world holds (seeded, or made
// by a finished upload), shaped by media.fields; keys that are not found are partial
// errors. POST /2/media/metadata and POST/DELETE /2/media/subtitles change media the caller
// owns: the uploader (or an additional owner) of an upload, the author of the Tweet a
// seeded media object is attached to. Metadata members replace those of the same name and
// keep the others; alt_text is the media's alt text, as lookups and includes show it.
// Subtitle tracks are kept per video, one per language, each naming a finished upload of
// category subtitles.

// VideoSubtitlesID is the media id of the seeded English subtitle track of VideoMediaKey.
const VideoSubtitlesID = "1700000000000000003"

// SubtitleTrack is one subtitle track of a video: the media id of the subtitle file, its
// language code (EN) and the name shown to viewers (English).
type SubtitleTrack struct {
	ID           string `json:"id"`
	LanguageCode string `json:"language_code"`
	DisplayName  string `json:"display_name,omitempty"`
}

// mediaExtras is the metadata and subtitles set on media, by media id.
type mediaExtras struct {
	metadata  map[string]map[string]json.RawMessage // media id -> member -> object (alt_text lives in Media)
	subtitles map[string][]SubtitleTrack            // video media id -> tracks, by language code
}

func newMediaExtras() *mediaExtras {
	return &mediaExtras{
		metadata: map[string]map[string]json.RawMessage{},
		subtitles: map[string][]SubtitleTrack{
			mediaIDOf(VideoMediaKey): {{ID: VideoSubtitlesID, LanguageCode: "EN", DisplayName: "English"}},
		},
	}
}

// mediaIDOf is the media id inside a media key ("7_123" -> "123").
func mediaIDOf(key string) string {
	_, id, _ := strings.Cut(key, "_")
	return id
}

// mediaByID finds the media object of a media id, its key, and who owns it. ok is false
// when nothing has this id; m is nil for an upload that has no media object yet (not
// finalized) or never will (subtitles).
func (st *state) mediaByID(id string) (m *Media, up *Upload, owners []string, ok bool) {
	if u := st.uploads[id]; u != nil {
		owners = append([]string{u.OwnerID}, u.AdditionalOwners...)
		if u.Finalized && u.MediaKey != "" {
			m = st.mediaOf(u.MediaKey)
		}
		return m, u, owners, true
	}
	for _, t := range st.b.order {
		for _, k := range t.MediaKeys {
			if mediaIDOf(k) == id {
				return st.mediaOf(k), nil, []string{t.AuthorID}, true
			}
		}
	}
	return nil, nil, nil, false
}

// ownedMedia finds media the caller owns for a change, or the problem to answer.
func (s *Server) ownedMedia(c *call, id string) (*Media, *Upload, *apiProblem) {
	m, up, owners, ok := s.w.mediaByID(id)
	switch {
	case !ok:
		pr := notFound("media", "id", id)
		pr.Status = http.StatusNotFound
		return nil, nil, &pr
	case !contains(owners, c.who.userID):
		return nil, nil, forbidden("You are not the owner of media " + id)
	case m == nil && up != nil && up.Category == "subtitles":
		return nil, nil, badParam("id", id, "Media %s is a subtitle file", id)
	case m == nil:
		return nil, nil, badParam("id", id, "Upload %s is not finalized", id)
	}
	return m, up, nil
}

// editMedia returns a copy of a seeded media object that the state owns, so that changing
// it leaves the shared seed alone; media of uploads are the state's already.
func (st *state) editMedia(m *Media) *Media {
	if st.media[m.Key] == m {
		return m
	}
	cp := *m
	st.media[cp.Key] = &cp
	return &cp
}

// associatedMetadata is the metadata of a media object as X reports it.
func (st *state) associatedMetadata(id string, m *Media) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for k, v := range st.mediaX.metadata[id] {
		out[k] = v
	}
	if m.AltText != "" {
		b, _ := json.Marshal(map[string]string{"text": m.AltText})
		out["alt_text"] = b
	}
	return out
}

// seedMediaExtras starts every server with no metadata or subtitles added.
func seedMediaExtras(st *state) {
	st.mediaX = newMediaExtras()
}

// mediaMetadataFeature registers the operations this file serves and what it seeds into a new world.
func mediaMetadataFeature() feature {
	return feature{seed: seedMediaExtras, ops: map[string]operation{
		"lookupMediaByKey":     {(*Server).lookupMediaByKey, reads},
		"lookupMediaByKeys":    {(*Server).lookupMediaByKeys, reads},
		"createMediaMetadata":  {(*Server).createMediaMetadata, writes},
		"createMediaSubtitles": {(*Server).createMediaSubtitles, writes},
		"deleteMediaSubtitles": {(*Server).deleteMediaSubtitles, writes},
	}}
}

func (s *Server) lookupMediaByKey(c *call) (int, any) {
	key := c.path["media_key"]
	m := s.w.mediaOf(key)
	if m == nil {
		return notFoundAnswer("media", "media_key", key)
	}
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	return http.StatusOK, envelope{Data: r.mediaFields(m)}
}

func (s *Server) lookupMediaByKeys(c *call) (int, any) {
	r := newRenderer(s.w, parseShape(c.q), c.who.viewer())
	var data []wMedia
	var errs []apiProblem
	for _, key := range strings.Split(c.q.Get("media_keys"), ",") {
		if m := s.w.mediaOf(key); m != nil {
			data = append(data, r.mediaFields(m))
		} else {
			errs = append(errs, notFound("media", "media_keys", key))
		}
	}
	return http.StatusOK, envelope{Data: data, Errors: errs}
}

func (s *Server) createMediaMetadata(c *call) (int, any) {
	var b struct {
		ID       string                     `json:"id"`
		Metadata map[string]json.RawMessage `json:"metadata"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if len(b.Metadata) == 0 {
		return http.StatusBadRequest, badParam("metadata", "", "The `metadata` field must set at least one member")
	}
	var alt *struct {
		Text string `json:"text"`
	}
	if raw, ok := b.Metadata["alt_text"]; ok {
		if err := json.Unmarshal(raw, &alt); err != nil || alt == nil {
			return http.StatusBadRequest, badParam("alt_text", "", "The `alt_text` member must be an object with text")
		}
		if n, most := len([]rune(alt.Text)), schemaMaxLength("MediaMetadataAltText.text"); n > most {
			return http.StatusBadRequest, badParam("alt_text", "", "Alt text is %d characters; at most %d are allowed", n, most)
		}
	}
	m, _, pr := s.ownedMedia(c, b.ID)
	if pr != nil {
		return pr.Status, pr
	}
	if alt != nil {
		s.w.editMedia(m).AltText = alt.Text
		m = s.w.mediaOf(m.Key)
	}
	stored := s.w.mediaX.metadata[b.ID]
	if stored == nil {
		stored = map[string]json.RawMessage{}
		s.w.mediaX.metadata[b.ID] = stored
	}
	for k, v := range b.Metadata {
		if k != "alt_text" {
			stored[k] = v
		}
	}
	return http.StatusOK, envelope{Data: map[string]any{"id": b.ID, "associated_metadata": s.w.associatedMetadata(b.ID, m)}}
}

// subtitleCategory is the media_category of subtitles calls that fits a video: TweetVideo
// or AmplifyVideo, "" for media that cannot have subtitles (photos, GIFs, DM videos).
func subtitleCategory(m *Media, up *Upload) string {
	if m.Type != "video" {
		return ""
	}
	if up != nil {
		switch up.Category {
		case "tweet_video":
			return "TweetVideo"
		case "amplify_video":
			return "AmplifyVideo"
		}
		return ""
	}
	if strings.HasPrefix(m.Key, "13_") {
		return "AmplifyVideo"
	}
	return "TweetVideo"
}

// subtitledVideo finds a video of the caller that takes subtitles under category.
func (s *Server) subtitledVideo(c *call, id, category string) (*apiProblem, bool) {
	m, up, pr := s.ownedMedia(c, id)
	if pr != nil {
		return pr, false
	}
	want := subtitleCategory(m, up)
	switch {
	case want == "":
		return badParam("id", id, "Media %s is not a video that can have subtitles", id), false
	case want != category:
		return badParam("media_category", category, "Media %s is a %s, not a %s", id, want, category), false
	}
	if up != nil {
		if st, _, _ := up.processing(s.clock.Now()); st == "failed" {
			return badParam("id", id, "Media %s failed processing", id), false
		} else if st != "" && st != "succeeded" {
			return badParam("id", id, "Media %s is still processing", id), false
		}
	}
	return nil, true
}

func (s *Server) createMediaSubtitles(c *call) (int, any) {
	var b struct {
		ID            string        `json:"id"`
		MediaCategory string        `json:"media_category"`
		Subtitles     SubtitleTrack `json:"subtitles"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if b.Subtitles.ID == "" || b.Subtitles.LanguageCode == "" {
		return http.StatusBadRequest, badParam("subtitles", "", "The `subtitles` field needs the id of a subtitle file and a language_code")
	}
	if pr, ok := s.subtitledVideo(c, b.ID, b.MediaCategory); !ok {
		return pr.Status, pr
	}
	f := s.w.uploads[b.Subtitles.ID]
	switch {
	case f == nil || !f.ownedBy(c.who.userID) || f.Category != "subtitles":
		return http.StatusBadRequest, badParam("subtitles.id", b.Subtitles.ID, "No subtitle file %s of this user", b.Subtitles.ID)
	case !f.Finalized:
		return http.StatusBadRequest, badParam("subtitles.id", b.Subtitles.ID, "Subtitle file %s is not finalized", b.Subtitles.ID)
	case !s.clock.Now().Before(f.CreatedAt.Add(uploadLifetime)):
		return http.StatusBadRequest, badParam("subtitles.id", b.Subtitles.ID, "Subtitle file %s has expired", b.Subtitles.ID)
	}
	tracks := s.w.mediaX.subtitles[b.ID]
	tracks = append(dropTrack(tracks, b.Subtitles.LanguageCode), b.Subtitles)
	sort.Slice(tracks, func(i, j int) bool { return tracks[i].LanguageCode < tracks[j].LanguageCode })
	s.w.mediaX.subtitles[b.ID] = tracks
	return http.StatusOK, envelope{Data: map[string]any{"id": b.ID, "media_category": b.MediaCategory,
		"associated_subtitles": tracks}}
}

// dropTrack returns tracks without the one of language (a new slice).
func dropTrack(tracks []SubtitleTrack, language string) []SubtitleTrack {
	out := make([]SubtitleTrack, 0, len(tracks)+1)
	for _, t := range tracks {
		if t.LanguageCode != language {
			out = append(out, t)
		}
	}
	return out
}

func (s *Server) deleteMediaSubtitles(c *call) (int, any) {
	var b struct {
		ID            string `json:"id"`
		MediaCategory string `json:"media_category"`
		LanguageCode  string `json:"language_code"`
	}
	if pr := decodeBody(c, &b); pr != nil {
		return pr.Status, pr
	}
	if pr, ok := s.subtitledVideo(c, b.ID, b.MediaCategory); !ok {
		return pr.Status, pr
	}
	before := s.w.mediaX.subtitles[b.ID]
	after := dropTrack(before, b.LanguageCode)
	if len(after) == 0 {
		delete(s.w.mediaX.subtitles, b.ID)
	} else {
		s.w.mediaX.subtitles[b.ID] = after
	}
	return http.StatusOK, envelope{Data: map[string]bool{"deleted": len(after) < len(before)}}
}

// MediaMetadata returns the metadata of a media id as POST /2/media/metadata reports it
// (alt_text included when the media has alt text), each member as JSON; nil when no media
// object has this id.
func (w *World) MediaMetadata(mediaID string) (md map[string]json.RawMessage) {
	w.read(func(st *state) {
		if m, _, _, ok := st.mediaByID(mediaID); ok && m != nil {
			md = st.associatedMetadata(mediaID, m)
			for k, v := range md {
				md[k] = append(json.RawMessage(nil), v...) // the server's bytes stay its own
			}
		}
	})
	return
}

// Subtitles returns the subtitle tracks of a video's media id, ordered by language code.
func (w *World) Subtitles(mediaID string) (tracks []SubtitleTrack) {
	w.read(func(st *state) {
		tracks = append(tracks, st.mediaX.subtitles[mediaID]...)
	})
	return
}
