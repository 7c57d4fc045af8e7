package testserver

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// mediaCategories is the Tweet upload category of each media type.
var mediaCategories = map[string]string{"photo": "tweet_image", "video": "tweet_video", "animated_gif": "tweet_gif"}

// AddMedia adds a media object to the world, as a finished upload makes one, for Tweets
// to carry by its Key (AddTweet's MediaKeys). Zero fields are filled in: Type (photo), Key
// (a new media id with the prefix of its type: 3_ photo, 7_ video, 16_ animated_gif), URL
// (a photo's), PreviewImageURL (a video's or GIF's) and Width and Height (1200x800 for a
// photo, 1280x720 else). It returns the media as stored.
func (s *Server) AddMedia(m Media) (Media, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.Type == "" {
		m.Type = "photo"
	}
	if err := s.w.checkNewMedia(&m); err != nil {
		return Media{}, err
	}
	if m.Key == "" {
		s.w.uploadSeq++
		_, prefix, _ := uploadKind(mediaCategories[m.Type])
		m.Key = prefix + "_" + strconv.FormatUint(snowflake(s.clock.Now(), s.w.uploadSeq), 10)
	}
	id := mediaIDOf(m.Key)
	switch {
	case m.Type == "photo" && m.URL == "":
		m.URL = "https://pbs.twimg.com/media/" + id + ".jpg"
	case m.Type != "photo" && m.PreviewImageURL == "":
		m.PreviewImageURL = "https://pbs.twimg.com/ext_tw_video_thumb/" + id + "/pu/img/preview.jpg"
	}
	if m.Width == 0 && m.Height == 0 {
		m.Width, m.Height = 1280, 720
		if m.Type == "photo" {
			m.Width, m.Height = 1200, 800
		}
	}
	stored := m
	s.w.media[m.Key] = &stored
	return m, nil
}

// checkNewMedia checks a media object for AddMedia, its Type filled in.
func (st *state) checkNewMedia(m *Media) error {
	const op = "AddMedia"
	switch {
	case mediaCategories[m.Type] == "":
		return fmt.Errorf("testserver: %s: type %q is none of photo, video and animated_gif", op, m.Type)
	case m.Key != "" && !schemaPattern("MediaKey").MatchString(m.Key):
		return fmt.Errorf("testserver: %s: %q is not a media key (two numbers joined by _, such as 3_1700000000000000001)", op, m.Key)
	case m.Key != "" && st.mediaOf(m.Key) != nil:
		return fmt.Errorf("testserver: %s: key %q is taken", op, m.Key)
	case m.Width < 0 || m.Height < 0 || m.DurationMS < 0 || m.ViewCount < 0:
		return fmt.Errorf("testserver: %s: a negative size, duration or view count", op)
	case m.Type == "photo" && (m.DurationMS != 0 || m.ViewCount != 0):
		return fmt.Errorf("testserver: %s: a photo has no duration or view count", op)
	case utf8.RuneCountInString(m.AltText) > schemaMaxLength("MediaMetadataAltText.text"):
		return fmt.Errorf("testserver: %s: the alt text has %d characters; at most %d are allowed", op, utf8.RuneCountInString(m.AltText), schemaMaxLength("MediaMetadataAltText.text"))
	}
	for _, u := range []string{m.URL, m.PreviewImageURL} {
		if p, err := url.Parse(u); u != "" && (err != nil || !p.IsAbs() || p.Host == "") {
			return fmt.Errorf("testserver: %s: %q is not an absolute URL", op, u)
		}
	}
	return nil
}

// checkMediaKeys checks the media a Tweet carries: each is the world's, once.
func (st *state) checkMediaKeys(op string, keys []string) error {
	for i, k := range keys {
		if st.mediaOf(k) == nil {
			return fmt.Errorf("testserver: %s: no media %q (AddMedia adds some)", op, k)
		}
		if contains(keys[:i], k) {
			return fmt.Errorf("testserver: %s: media %q is twice in MediaKeys", op, k)
		}
	}
	return nil
}

// AddUpload adds a finished media upload of u.OwnerID, as initialize, append and
// finalize (or a one-shot upload) leave one: its owner and AdditionalOwners may then
// attach it by its media id to a Tweet (a tweet_* or amplify_video Category) or a
// direct message (dm_*), or give it subtitles (subtitles), until it expires a day after
// CreatedAt. Its media object (World.Media of its MediaKey) is the one finalize makes.
// Zero fields are filled in: ID (a new media id, from the counter the uploads take
// theirs from), Category (from MediaType, else tweet_image), MediaType (the category's
// usual type), TotalBytes (64 KiB) and CreatedAt (the server clock). A video or GIF has
// finished processing. MediaKey, Segments, Finalized, FinalizedAt and Data are the
// server's to set. It returns the upload as stored.
func (s *Server) AddUpload(u Upload) (Upload, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.fillNewUpload(&u); err != nil {
		return Upload{}, err
	}
	if u.ID == "" {
		for u.ID == "" || s.w.mediaIDTaken(u.ID) {
			s.w.uploadSeq++
			u.ID = strconv.FormatUint(snowflake(s.clock.Now(), s.w.uploadSeq), 10)
		}
	}
	if _, prefix, _ := uploadKind(u.Category); prefix != "" {
		u.MediaKey = prefix + "_" + u.ID
	}
	u.Segments = map[int]int{0: int(u.TotalBytes)}
	u.Finalized, u.FinalizedAt, u.processed = true, u.CreatedAt, true
	stored := u
	stored.AdditionalOwners = slices.Clone(u.AdditionalOwners)
	stored.Segments = maps.Clone(u.Segments)
	s.w.uploads[u.ID] = &stored
	s.w.addUploadedMedia(&stored, 1200, 800)
	return u, nil
}

const (
	// seedUploadBytes is the size AddUpload gives an upload that states none.
	seedUploadBytes = 64 << 10
	// maxAdditionalOwners is how many users besides its owner an upload may name (the
	// document's maxItems of additional_owners).
	maxAdditionalOwners = 100
)

// fillNewUpload checks an upload for AddUpload and fills in its zero fields but the ID.
func (st *state) fillNewUpload(u *Upload) error {
	const op = "AddUpload"
	if u.MediaKey != "" || u.Segments != nil || u.Finalized || !u.FinalizedAt.IsZero() || u.Data != nil {
		return fmt.Errorf("testserver: %s: MediaKey, Segments, Finalized, FinalizedAt and Data are the server's to set", op)
	}
	if u.OwnerID == "" {
		return fmt.Errorf("testserver: %s: the upload has no OwnerID", op)
	}
	if err := st.knownUsers(op, "OwnerID and AdditionalOwners", append([]string{u.OwnerID}, u.AdditionalOwners...)); err != nil {
		return err
	}
	switch {
	case len(u.AdditionalOwners) > maxAdditionalOwners:
		return fmt.Errorf("testserver: %s: %d additional owners; at most %d are allowed", op, len(u.AdditionalOwners), maxAdditionalOwners)
	case u.ID != "" && !schemaPattern("MediaID").MatchString(u.ID):
		return fmt.Errorf("testserver: %s: %q is not a media id (a number of up to 19 digits)", op, u.ID)
	case u.ID != "" && st.mediaIDTaken(u.ID):
		return fmt.Errorf("testserver: %s: media id %q is taken", op, u.ID)
	case u.Category != "" && !slices.Contains(schemaEnum("MediaCategory"), u.Category):
		return fmt.Errorf("testserver: %s: category %q is none of %s", op, u.Category, strings.Join(schemaEnum("MediaCategory"), ", "))
	case u.MediaType != "" && !slices.Contains(schemaEnum("MediaUploadConfigRequest.media_type"), u.MediaType):
		return fmt.Errorf("testserver: %s: media type %q is none the API uploads (%s)", op, u.MediaType,
			strings.Join(schemaEnum("MediaUploadConfigRequest.media_type"), ", "))
	case u.TotalBytes < 0:
		return fmt.Errorf("testserver: %s: TotalBytes %d is negative", op, u.TotalBytes)
	}
	if u.Category == "" {
		u.Category = defaultCategory(u.MediaType)
		if u.Category == "" {
			u.Category = "tweet_image"
		}
	}
	if u.MediaType == "" {
		u.MediaType = usualMediaType[u.Category]
	}
	if u.TotalBytes == 0 {
		u.TotalBytes = seedUploadBytes
	}
	limit, ok := categoryFits(u.Category, u.MediaType)
	switch {
	case !ok:
		return fmt.Errorf("testserver: %s: media type %s cannot be uploaded as %s", op, u.MediaType, u.Category)
	case u.TotalBytes > limit:
		return fmt.Errorf("testserver: %s: %d bytes exceed %d, the limit of %s", op, u.TotalBytes, limit, u.Category)
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = st.clock.Now()
	}
	return nil
}

// usualMediaType is the media type AddUpload gives an upload of a category.
var usualMediaType = map[string]string{
	"tweet_image": "image/jpeg", "dm_image": "image/jpeg",
	"tweet_gif": "image/gif", "dm_gif": "image/gif",
	"tweet_video": "video/mp4", "dm_video": "video/mp4", "amplify_video": "video/mp4",
	"subtitles": "text/srt",
}

// mediaIDTaken tells whether an upload, or media of any type, has this media id.
func (st *state) mediaIDTaken(id string) bool {
	_, _, _, ok := st.mediaByID(id)
	if ok {
		return true
	}
	for _, category := range schemaEnum("MediaCategory") {
		if _, prefix, _ := uploadKind(category); prefix != "" && st.mediaOf(prefix+"_"+id) != nil {
			return true
		}
	}
	return false
}
