package testserver

import (
	"fmt"
	"net/url"
	"strconv"
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
	case utf8.RuneCountInString(m.AltText) > maxAltText:
		return fmt.Errorf("testserver: %s: the alt text has %d characters; at most %d are allowed", op, utf8.RuneCountInString(m.AltText), maxAltText)
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
