package twitter

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/twitterkit/go/gen"
)

// maxChatSegments is the most parts a chat upload takes: segment_index of the chat's
// append form counts from 0 to the document's maximum.
const maxChatSegments = maximumChatMediaUploadAppendFormSegmentIndex + 1

// Chat media: files sent in encrypted chat conversations. X's chat SDK encrypts a file
// with the conversation's key before it is uploaded, so what goes up and comes down here
// is ciphertext, opaque to X and to this client. An upload is initialized, appended in
// parts and finalized, in that order; its MediaHashKey then names the file in the
// conversation, in the message the SDK encrypts and for DownloadMedia.

// ChatUploadOptions tunes Chat.UploadMedia. A nil *ChatUploadOptions means all defaults.
type ChatUploadOptions struct {
	// ChunkSize is the size of each appended part, 1 byte to 5 MiB; 0 means 4 MiB. An
	// upload has at most 1,000 parts.
	ChunkSize int
	// Progress, when set, is called after each part is sent with the bytes sent so far and
	// the total, on the goroutine that called UploadMedia.
	Progress func(sent, total int64)
	// MessageID is the message the file goes with, when the SDK has made it already.
	MessageID string
	// TTLMsec is how long the file lives, in milliseconds; 0 keeps it.
	TTLMsec int64
}

// UploadMedia uploads size bytes from r, a file X's chat SDK encrypted for chat
// conversation conversationID, in one call: it initializes the upload, appends r in parts
// of ChatUploadOptions.ChunkSize (reporting Progress after each) and finalizes it, with the
// chunked-upload machinery of Media.Upload. It returns the session, whose MediaHashKey
// names the file in the conversation. r must hold exactly size bytes: a shorter or longer
// reader is an error before the upload is finalized. An error part way leaves an
// unfinished upload that X lets expire. Needs a user context (OAuth 2.0 scope media.write,
// or OAuth 1.0a).
func (s *ChatService) UploadMedia(ctx context.Context, conversationID string, r io.Reader, size int64, opts *ChatUploadOptions) (*gen.ChatMediaSession, *Response, error) {
	const method = "Chat.UploadMedia"
	o := orZero(opts)
	switch {
	case r == nil:
		return nil, nil, invalid(method, "nil reader")
	case size < 1:
		return nil, nil, invalid(method, "size %d: a file has at least 1 byte", size)
	case o.TTLMsec < 0:
		return nil, nil, invalid(method, "TTLMsec %d is negative", o.TTLMsec)
	}
	chunk, err := chunking(method, size, o.ChunkSize, maxChatSegments)
	if err != nil {
		return nil, nil, err
	}
	started, resp, err := s.InitializeMedia(ctx, conversationID, size)
	if err != nil {
		return nil, resp, fmt.Errorf("twitter: %s: initializing: %w", method, err)
	}
	session := started.Data
	if session.SessionID == "" || session.MediaHashKey == "" {
		return nil, resp, fmt.Errorf("twitter: %s: initialize answered no session or media hash key", method)
	}
	appendOne := func(segment int, part []byte) (*Response, error) {
		_, resp, err := s.AppendMedia(ctx, session, segment, part)
		return resp, err
	}
	if resp, err := appendChunks(r, size, chunk, o.Progress, appendOne); err != nil {
		return &session, resp, fmt.Errorf("twitter: %s: session %s: %w", method, session.SessionID, err)
	}
	parts := int((size + int64(chunk) - 1) / int64(chunk))
	fin := ChatFinalizeOptions{MessageID: o.MessageID, TTLMsec: o.TTLMsec}
	if _, resp, err = s.FinalizeMedia(ctx, session, parts, &fin); err != nil {
		return &session, resp, fmt.Errorf("twitter: %s: finalizing session %s: %w", method, session.SessionID, err)
	}
	return &session, resp, nil
}

// InitializeMedia starts an upload of totalBytes of encrypted file to chat conversation
// conversationID. Data is the session AppendMedia and FinalizeMedia take; most programs
// call UploadMedia, which does the whole flow. Needs a user context (OAuth 2.0 scope
// media.write, or OAuth 1.0a).
func (s *ChatService) InitializeMedia(ctx context.Context, conversationID string, totalBytes int64) (*gen.ChatMediaUploadInitializeResponse, *Response, error) {
	const method = "Chat.InitializeMedia"
	id, err := chatPathID(method, conversationID)
	if err != nil {
		return nil, nil, err
	}
	if totalBytes < 1 {
		return nil, nil, invalid(method, "totalBytes %d: a file has at least 1 byte", totalBytes)
	}
	req := gen.ChatMediaUploadInitializeRequest{ConversationID: id, TotalBytes: totalBytes}
	return do(ctx, s.client, &opInitializeChatMediaUpload, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.InitializeChatMediaUpload(ctx, req)
	})
}

// checkChatSession checks the session InitializeMedia answered.
func checkChatSession(method string, session gen.ChatMediaSession) (string, error) {
	if err := checkID(method, "session id", patternChatMediaSessionID, session.SessionID); err != nil {
		return "", err
	}
	if err := checkID(method, "media hash key", patternChatMediaHashKey, session.MediaHashKey); err != nil {
		return "", err
	}
	return chatPathID(method, session.ConversationID)
}

// AppendMedia sends part number segment (0 to 999, in file order) of the upload session,
// 1 byte to 5 MiB, as raw bytes in a multipart form. Parts may come in any order, and a
// part sent again replaces the first. As a mutation it is not retried unless
// WithRetryMutations is set. Needs a user context (OAuth 2.0 scope media.write, or OAuth
// 1.0a).
func (s *ChatService) AppendMedia(ctx context.Context, session gen.ChatMediaSession, segment int, part []byte) (*gen.ChatMediaUploadAppendResponse, *Response, error) {
	const method = "Chat.AppendMedia"
	conv, err := checkChatSession(method, session)
	if err != nil {
		return nil, nil, err
	}
	if segment < minimumChatMediaUploadAppendFormSegmentIndex || segment > maximumChatMediaUploadAppendFormSegmentIndex {
		return nil, nil, invalid(method, "segment %d out of range [%d, %d]", segment, minimumChatMediaUploadAppendFormSegmentIndex, maximumChatMediaUploadAppendFormSegmentIndex)
	}
	if len(part) == 0 || len(part) > maxChunkSize {
		return nil, nil, invalid(method, "part of %d bytes; a part is 1 to %d bytes", len(part), maxChunkSize)
	}
	body, contentType, err := mediaForm([][2]string{{"conversation_id", conv}, {"media_hash_key", session.MediaHashKey},
		{"segment_index", strconv.Itoa(segment)}}, part)
	if err != nil {
		return nil, nil, fmt.Errorf("twitter: %s: %w", method, err)
	}
	return do(ctx, s.client, &opAppendChatMediaUpload, func(ctx context.Context) (*http.Response, error) {
		// A new reader each attempt: a retried append sends the whole form again.
		return s.client.raw.AppendChatMediaUploadWithBody(ctx, session.SessionID, contentType, bytes.NewReader(body))
	})
}

// ChatFinalizeOptions are the optional parts of finalizing a chat upload.
type ChatFinalizeOptions struct {
	// MessageID is the message the file goes with, when the SDK has made it already.
	MessageID string
	// TTLMsec is how long the file lives, in milliseconds; 0 keeps it.
	TTLMsec int64
}

// FinalizeMedia declares the upload session complete once parts parts (numbered 0 to
// parts-1) are appended, and as many bytes as InitializeMedia declared. An upload
// finalized before its parts are in, with a part missing, or twice, is refused by X. Needs
// a user context (OAuth 2.0 scope media.write, or OAuth 1.0a).
func (s *ChatService) FinalizeMedia(ctx context.Context, session gen.ChatMediaSession, parts int, opts *ChatFinalizeOptions) (*gen.ChatSuccessResponse, *Response, error) {
	const method = "Chat.FinalizeMedia"
	conv, err := checkChatSession(method, session)
	if err != nil {
		return nil, nil, err
	}
	o := orZero(opts)
	switch {
	case parts < 1 || parts > maxChatSegments:
		return nil, nil, outOfRange(method, "parts", parts, 1, maxChatSegments)
	case o.TTLMsec < 0:
		return nil, nil, invalid(method, "TTLMsec %d is negative", o.TTLMsec)
	}
	req := gen.ChatMediaUploadFinalizeRequest{ConversationID: conv, MediaHashKey: session.MediaHashKey,
		NumParts: strconv.Itoa(parts), MessageID: o.MessageID}
	if o.TTLMsec > 0 {
		req.TTLMsec = strconv.FormatInt(o.TTLMsec, 10)
	}
	return do(ctx, s.client, &opFinalizeChatMediaUpload, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.FinalizeChatMediaUpload(ctx, session.SessionID, req)
	})
}

// DownloadMedia writes the file mediaHashKey of chat conversation conversationID to w as
// it arrives, without holding it in memory, and returns how many bytes it wrote. The
// bytes are the file as uploaded, encrypted by the sender's chat SDK; hand them to the
// SDK to decrypt. The caller must take part in the conversation. Failures before the
// first byte are retried like any read; once bytes have gone to w nothing is retried, and
// a download that breaks off is an error saying how many bytes arrived (as for
// DirectMessages.DownloadMedia). Needs a user context (OAuth 2.0 scope media.write, as
// X's document says, or OAuth 1.0a).
func (s *ChatService) DownloadMedia(ctx context.Context, conversationID, mediaHashKey string, w io.Writer) (int64, *Response, error) {
	const method = "Chat.DownloadMedia"
	if w == nil {
		return 0, nil, invalid(method, "nil writer")
	}
	id, err := chatPathID(method, conversationID)
	if err != nil {
		return 0, nil, err
	}
	if err := checkID(method, "media hash key", patternChatMediaHashKey, mediaHashKey); err != nil {
		return 0, nil, err
	}
	return s.client.download(ctx, opDownloadChatMedia.endpoint, w, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.DownloadChatMedia(ctx, id, mediaHashKey)
	})
}
