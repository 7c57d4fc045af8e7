package twitter

import (
	"context"
	"net/http"

	"github.com/twitterkit/go/gen"
)

// UserTimeline returns one page of the Tweets userID posted, newest first; Exclude can
// leave out replies or Retweets. X serves only the 3,200 most recent. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 5 to 100. Works with an
// app-only token or a user context; a protected account's timeline needs a user context
// that follows it, and is otherwise an error (not-authorized-for-resource).
func (s *TweetsService) UserTimeline(ctx context.Context, userID string, opts *TimelineOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Tweets.UserTimeline"
	o := orZero(opts)
	p, err := timelineParams(method, userID, o, opListUserTweets.size)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "Exclude", o.Exclude); err != nil {
		return nil, nil, err
	}
	p.Exclude = optional(o.Exclude)
	return do(ctx, s.client, &opListUserTweets.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListUserTweets(ctx, userID, &p)
	})
}

// HomeTimeline returns one page of the reverse-chronological home timeline of the
// authenticated user (userID): the Tweets and Retweets of the user and of the accounts they
// follow, newest first; Exclude can leave out replies or Retweets. X serves every Tweet of
// the last seven days and the 800 most recent whatever their age. It pages with
// pagination_token (PageOptions.PaginationToken); MaxResults is 1 to 100. Needs a user
// context whose user is userID (scopes tweet.read and users.read).
func (s *TweetsService) HomeTimeline(ctx context.Context, userID string, opts *TimelineOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Tweets.HomeTimeline"
	o := orZero(opts)
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return nil, nil, err
	}
	if err := window(method, o.SinceID, o.UntilID, o.StartTime, o.EndTime); err != nil {
		return nil, nil, err
	}
	if err := checkSet(method, "Exclude", o.Exclude); err != nil {
		return nil, nil, err
	}
	var p gen.HomeTimelineParams
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, opHomeTimeline.size); err != nil {
		return nil, nil, err
	}
	p.Exclude = convertAll[gen.HomeTimelineParamsExclude](optional(o.Exclude))
	p.SinceID, p.UntilID = optString(o.SinceID), optString(o.UntilID)
	p.StartTime, p.EndTime = optTime(o.StartTime), optTime(o.EndTime)
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return nil, nil, err
	}
	return do(ctx, s.client, &opHomeTimeline.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.HomeTimeline(ctx, userID, &p)
	})
}

// Mentions returns one page of the Tweets that mention userID, newest first; X serves
// only the 800 most recent. It pages with pagination_token (PageOptions.PaginationToken);
// MaxResults is 5 to 100. TimelineOptions.Exclude is not accepted. Works with an app-only
// token or a user context.
func (s *TweetsService) Mentions(ctx context.Context, userID string, opts *TimelineOptions) (*gen.GenericTweetsTimelineResponse, *Response, error) {
	const method = "Tweets.Mentions"
	o := orZero(opts)
	if len(o.Exclude) > 0 {
		return nil, nil, invalid(method, "Exclude is only accepted by Tweets.UserTimeline")
	}
	t, err := timelineParams(method, userID, o, opListMentions.size)
	if err != nil {
		return nil, nil, err
	}
	p := gen.ListMentionsParams{
		SinceID: t.SinceID, UntilID: t.UntilID, MaxResults: t.MaxResults, PaginationToken: t.PaginationToken,
		StartTime: t.StartTime, EndTime: t.EndTime,
		TweetFields: t.TweetFields, Expansions: t.Expansions, MediaFields: t.MediaFields,
		PollFields: t.PollFields, UserFields: t.UserFields, PlaceFields: t.PlaceFields,
	}
	return do(ctx, s.client, &opListMentions.operation, func(ctx context.Context) (*http.Response, error) {
		return s.client.raw.ListMentions(ctx, userID, &p)
	})
}

// timelineParams validates what the two timelines share and builds their parameters
// (Exclude aside).
func timelineParams(method, userID string, o *TimelineOptions, size pageSize) (gen.ListUserTweetsParams, error) {
	var p gen.ListUserTweetsParams
	if err := checkID(method, "user id", patternUserID, userID); err != nil {
		return p, err
	}
	if err := window(method, o.SinceID, o.UntilID, o.StartTime, o.EndTime); err != nil {
		return p, err
	}
	var err error
	if p.MaxResults, p.PaginationToken, err = page(method, o.PageOptions, size); err != nil {
		return p, err
	}
	p.SinceID, p.UntilID = optString(o.SinceID), optString(o.UntilID)
	p.StartTime, p.EndTime = optTime(o.StartTime), optTime(o.EndTime)
	if p.TweetFields, p.Expansions, p.MediaFields, p.PollFields, p.UserFields, p.PlaceFields, err = o.TweetOptions.params(method); err != nil {
		return p, err
	}
	return p, nil
}
