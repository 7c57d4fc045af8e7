package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// HideReply hides (hidden true) or shows again (false) tweetID, a reply in a conversation
// the authenticated user started. Needs a user context (scope tweet.moderate.write).
func (s *TweetsService) HideReply(ctx context.Context, tweetID string, hidden bool) (*gen.TweetHideResponse, *Response, error) {
	if err := checkID("Tweets.HideReply", "tweet id", patternTweetID, tweetID); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opHideReply, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.HideReply(ctx, tweetID, gen.HideReplyJSONRequestBody{Hidden: hidden})
	})
}
