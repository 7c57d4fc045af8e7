package twitter

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
)

// fullStreamOptions asks for every field and expansion an app-only token may see on
// the filtered stream.
func fullStreamOptions() *StreamOptions {
	return &StreamOptions{
		TweetFields: []gen.TweetField{gen.TweetFieldAttachments, gen.TweetFieldAuthorID, gen.TweetFieldContextAnnotations,
			gen.TweetFieldConversationID, gen.TweetFieldCreatedAt, gen.TweetFieldEditControls, gen.TweetFieldEditHistoryTweetIds,
			gen.TweetFieldEntities, gen.TweetFieldGeo, gen.TweetFieldInReplyToUserID, gen.TweetFieldLang,
			gen.TweetFieldPossiblySensitive, gen.TweetFieldPublicMetrics, gen.TweetFieldReferencedTweets,
			gen.TweetFieldReplySettings, gen.TweetFieldSource, gen.TweetFieldText, gen.TweetFieldWithheld},
		Expansions: []gen.TweetExpansion{gen.TweetExpansionAuthorID, gen.TweetExpansionAttachmentsMediaKeys,
			gen.TweetExpansionAttachmentsPollIds, gen.TweetExpansionEntitiesMentionsUsername, gen.TweetExpansionGeoPlaceID,
			gen.TweetExpansionInReplyToUserID, gen.TweetExpansionReferencedTweetsID, gen.TweetExpansionReferencedTweetsIDAuthorID},
		UserFields: []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldDescription, gen.UserFieldEntities,
			gen.UserFieldLocation, gen.UserFieldPinnedTweetID, gen.UserFieldProfileImageURL, gen.UserFieldProtected,
			gen.UserFieldPublicMetrics, gen.UserFieldURL, gen.UserFieldVerified, gen.UserFieldVerifiedType},
		MediaFields: []gen.MediaField{gen.MediaFieldAltText, gen.MediaFieldDurationMs, gen.MediaFieldHeight,
			gen.MediaFieldMediaKey, gen.MediaFieldPreviewImageURL, gen.MediaFieldPublicMetrics, gen.MediaFieldType,
			gen.MediaFieldURL, gen.MediaFieldVariants, gen.MediaFieldWidth},
		PollFields: []gen.PollField{gen.PollFieldDurationMinutes, gen.PollFieldEndDatetime, gen.PollFieldID,
			gen.PollFieldOptions, gen.PollFieldVotingStatus},
		PlaceFields: []gen.PlaceField{gen.PlaceFieldContainedWithin, gen.PlaceFieldCountry, gen.PlaceFieldCountryCode,
			gen.PlaceFieldFullName, gen.PlaceFieldGeo, gen.PlaceFieldID, gen.PlaceFieldName, gen.PlaceFieldPlaceType},
	}
}

// realShapedLines captures n filtered-stream lines from the fake server, which renders
// Tweets as the API document describes them: replies, quotes, media, polls, places,
// mentions, hashtags and links, each with every expansion.
func realShapedLines(tb testing.TB, n int) [][]byte {
	tb.Helper()
	ts := testserver.Start(tb, testserver.WithKeepAlive(time.Hour), testserver.WithoutRateLimits())
	c, err := NewClient(WithBaseURL(ts.URL()), WithBearerToken(ts.AppBearerToken()))
	if err != nil {
		tb.Fatal(err)
	}
	_, p, err := streamParams("capture", false, fullStreamOptions())
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	resp, err := c.raw.StreamFiltered(ctx, &gen.StreamFilteredParams{TweetFields: p.TweetFields, Expansions: p.Expansions,
		MediaFields: p.MediaFields, PollFields: p.PollFields, UserFields: p.UserFields, PlaceFields: p.PlaceFields})
	if err != nil || resp.StatusCode != 200 {
		tb.Fatalf("capture: %v %v", resp, err)
	}
	defer resp.Body.Close()
	kinds := []testserver.Tweet{
		{Text: "Shipping the new @XDevelopers stream client today #golang https://example.com/go/streams", MediaKeys: []string{testserver.PhotoMediaKey, testserver.VideoMediaKey}},
		{Text: "@alice replying with a poll: which one? #api", InReplyToUserID: testserver.AliceID, PollID: testserver.PollID,
			ReferencedTweets: []testserver.ReferencedTweet{{Type: "replied_to", ID: testserver.ConversationRootID}}},
		{Text: "Quoting this, from Manhattan $TWTR https://example.com/a?b=c", PlaceID: testserver.PlaceID,
			ReferencedTweets: []testserver.ReferencedTweet{{Type: "quoted", ID: testserver.QuoteTweetID}}},
		{Text: "Plain words with an émoji 🚀 and \"quotes\" and a\nnewline @bob @carol"},
	}
	batch := make([]testserver.Tweet, n)
	for i := range batch {
		batch[i] = kinds[i%len(kinds)]
		batch[i].AuthorID = testserver.XDevelopersID
	}
	ts.EmitTweet(batch...)
	rd := bufio.NewReaderSize(resp.Body, 1<<20)
	var lines [][]byte
	for len(lines) < n {
		l, err := rd.ReadBytes('\n')
		if err != nil {
			tb.Fatal(err)
		}
		if len(bytes.TrimSpace(l)) > 0 {
			lines = append(lines, l)
		}
	}
	return lines
}

// bodyTransport answers every request with 200 and the given body.
type bodyTransport struct{ body func() io.Reader }

func (b bodyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(b.body()), Request: r}, nil
}

func TestRealShapedLinesDecodeFully(t *testing.T) {
	lines := realShapedLines(t, 8)
	c, err := NewClient(WithBearerToken("t"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Stream{c: c, endpoint: "test", decode: decodeTweetLine}
	for i, l := range lines {
		it, _ := s.decodeLine(trimEOL(l))
		if it.err != nil {
			t.Fatalf("line %d: %v", i, it.err)
		}
		tw := it.msg.Tweet
		if tw.Data.ID == "" || len(tw.Includes.Users) == 0 || tw.Data.Entities.Hashtags == nil && tw.Data.Entities.Mentions == nil && tw.Data.Entities.Urls == nil || tw.MatchingRules == nil {
			t.Errorf("line %d is not full: %s", i, l)
		}
	}
	var size int
	for _, l := range lines {
		size += len(l)
	}
	t.Logf("mean line %d bytes; first: %s", size/len(lines), lines[0])
}

// BenchmarkStreamDecode measures Tweets per second from an in-memory body of
// real-shaped lines with full expansions (about 2.7 KB each) through a whole Stream: line
// reader, stall watchdog, decoding, hand-over to the consumer. "stream" uses the client's
// default decoder, "stream-stdjson" encoding/json (WithStandardJSON); "decode" is the
// decoding of one line alone, for comparison. Run with -cpu 1 for the one-core figure.
// These lines carry every expansion (several users, media, a poll or place, referenced
// Tweets), a third more bytes than the "expanded" lines of internal/jsonx's
// BenchmarkStreamLines.
func BenchmarkStreamDecode(b *testing.B) {
	lines := realShapedLines(b, 64)
	var one bytes.Buffer
	for _, l := range lines {
		one.Write(l)
	}
	perLine := int64(one.Len() / len(lines))

	stream := func(b *testing.B, opts ...Option) {
		body := func() io.Reader {
			rs := make([]io.Reader, 0, b.N/len(lines)+1)
			for range b.N/len(lines) + 1 {
				rs = append(rs, bytes.NewReader(one.Bytes()))
			}
			return io.MultiReader(rs...)
		}
		c, err := NewClient(append([]Option{WithBaseURL("http://stream.invalid"), WithBearerToken("t"),
			WithHTTPClient(&http.Client{Transport: bodyTransport{body: body}})}, opts...)...)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(perLine)
		b.ReportAllocs()
		b.ResetTimer()
		s, err := c.Stream.Filtered(context.Background(), nil)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		ctx := context.Background()
		for i := 0; i < b.N; i++ {
			m, err := s.Next(ctx)
			if err != nil || m.Tweet == nil {
				b.Fatalf("message %d: %v", i, err)
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tweets/s")
	}
	b.Run("stream", func(b *testing.B) { stream(b) })
	b.Run("stream-stdjson", func(b *testing.B) { stream(b, WithStandardJSON()) })

	b.Run("decode", func(b *testing.B) {
		c, err := NewClient(WithBearerToken("t"))
		if err != nil {
			b.Fatal(err)
		}
		s := &Stream{c: c, endpoint: "bench", decode: decodeTweetLine}
		trimmed := make([][]byte, len(lines))
		for i, l := range lines {
			trimmed[i] = trimEOL(l)
		}
		b.SetBytes(perLine)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if it, _ := s.decodeLine(trimmed[i%len(trimmed)]); it.err != nil {
				b.Fatal(it.err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "tweets/s")
	})
}
