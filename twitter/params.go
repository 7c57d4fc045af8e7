package twitter

import (
	"errors"
	"time"

	"github.com/twitterkit/go/gen"
)

// optional returns a pointer to s, or nil when s is empty, as the generated parameter
// structs want for optional list parameters. The pointer is made only when s is not
// empty: &s would move s to the heap on every call, empty or not.
func optional[T any](s []T) *[]T {
	if len(s) == 0 {
		return nil
	}
	p := new([]T)
	*p = s
	return p
}

// orZero returns p, or a pointer to T's zero value when p is nil, so that methods can read
// nil options as "all defaults".
func orZero[T any](p *T) *T {
	if p == nil {
		return new(T)
	}
	return p
}

// optString returns a pointer to s, or nil when s is empty (parameter left out).
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// optTime returns a pointer to t in UTC, or nil when t is the zero time (parameter left
// out). UTC keeps the wire form the plain "2006-01-02T15:04:05Z" X documents.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// UserOptions selects the fields and expansions a user lookup returns.
type UserOptions struct {
	UserFields  []gen.UserField
	Expansions  []gen.UserExpansion
	TweetFields []gen.TweetField // fields of the pinned tweet, when expanded
}

// params checks the options against the document's enums (method names the caller in the
// error) and returns them for the generated params.
func (o UserOptions) params(method string) (*gen.UserFields, *gen.UserExpansions, *gen.TweetFields, error) {
	return optional(o.UserFields), optional(o.Expansions), optional(o.TweetFields), o.check(method)
}

// check rejects a value outside the document's enums, naming the option and the value.
func (o UserOptions) check(method string) error {
	return errors.Join(
		checkSet(method, "UserFields", o.UserFields),
		checkSet(method, "Expansions", o.Expansions),
		checkSet(method, "TweetFields", o.TweetFields))
}

// TweetOptions selects the fields and expansions a Tweet lookup returns. Objects named by
// Expansions come back in the response's Includes, with the fields asked for here.
type TweetOptions struct {
	TweetFields []gen.TweetField
	Expansions  []gen.TweetExpansion
	MediaFields []gen.MediaField
	PollFields  []gen.PollField
	UserFields  []gen.UserField
	PlaceFields []gen.PlaceField
}

func (o TweetOptions) params(method string) (*gen.TweetFields, *gen.TweetExpansions, *gen.MediaFields, *gen.PollFields, *gen.UserFields, *gen.PlaceFields, error) {
	return optional(o.TweetFields), optional(o.Expansions), optional(o.MediaFields),
		optional(o.PollFields), optional(o.UserFields), optional(o.PlaceFields), o.check(method)
}

// check rejects a value outside the document's enums, naming the option and the value.
func (o TweetOptions) check(method string) error {
	return errors.Join(
		checkSet(method, "TweetFields", o.TweetFields),
		checkSet(method, "Expansions", o.Expansions),
		checkSet(method, "MediaFields", o.MediaFields),
		checkSet(method, "PollFields", o.PollFields),
		checkSet(method, "UserFields", o.UserFields),
		checkSet(method, "PlaceFields", o.PlaceFields))
}

// PageOptions asks for one page of a list that pages with pagination_token.
type PageOptions struct {
	// MaxResults is the page size; 0 means the endpoint's default. Each method documents
	// its bounds.
	MaxResults int
	// PaginationToken is the meta.next_token (or previous_token) of an earlier page;
	// empty for the first page.
	PaginationToken string
}

// UserListOptions selects the fields of a page of users.
type UserListOptions struct {
	UserOptions
	PageOptions
}

// LikedTweetsOptions selects the fields of a page of liked Tweets.
type LikedTweetsOptions struct {
	TweetOptions
	PageOptions
}

// TimelineOptions selects the fields and the window of a page of a user's Tweets or
// mentions. Zero values leave a parameter out.
type TimelineOptions struct {
	TweetOptions
	PageOptions
	// SinceID and UntilID bound the results by Tweet id (exclusive).
	SinceID, UntilID string
	// StartTime (inclusive) and EndTime (exclusive) bound the results by creation time.
	StartTime, EndTime time.Time
	// Exclude leaves replies or Retweets out. Tweets.UserTimeline and Tweets.HomeTimeline
	// accept it; Tweets.Mentions does not.
	Exclude []gen.ListUserTweetsParamsExclude
}

// SearchOptions selects the fields, window and page of a Tweet search. Searches page with
// next_token. Zero values leave a parameter out.
type SearchOptions struct {
	TweetOptions
	// MaxResults is the page size: 10 to 100 for SearchRecent, 10 to 500 for SearchAll;
	// 0 means the default, 10.
	MaxResults int
	// NextToken is the meta.next_token of the previous page; empty for the first page.
	NextToken string
	// SinceID and UntilID bound the results by Tweet id (exclusive).
	SinceID, UntilID string
	// StartTime (inclusive) and EndTime (exclusive) bound the results by creation time.
	StartTime, EndTime time.Time
	// SortOrder is gen.SearchRecentTweetsParamsSortOrderRecency (newest first) or
	// ...Relevancy; empty for X's default. SearchAll takes the same values.
	SortOrder gen.SearchRecentTweetsParamsSortOrder
}

// CountOptions selects the buckets and window of a Tweet count. Counts page with
// next_token. Zero values leave a parameter out.
type CountOptions struct {
	// Granularity is the bucket size; empty means X's default, hour.
	Granularity gen.Granularity
	// SinceID and UntilID bound the counted Tweets by id (exclusive).
	SinceID, UntilID string
	// StartTime (inclusive) and EndTime (exclusive) bound the counted Tweets by time.
	StartTime, EndTime time.Time
	// NextToken is the meta.next_token of the previous page; empty for the first page.
	NextToken         string
	SearchCountFields []gen.SearchCountField
}

// SpaceOptions selects the fields and expansions a Space lookup returns.
type SpaceOptions struct {
	SpaceFields []gen.SpaceField
	Expansions  []gen.SpaceExpansion
	UserFields  []gen.UserField
	TopicFields []gen.TopicField
}

func (o SpaceOptions) params(method string) (*gen.SpaceFields, *gen.SpaceExpansions, *gen.UserFields, *gen.TopicFields, error) {
	return optional(o.SpaceFields), optional(o.Expansions), optional(o.UserFields), optional(o.TopicFields), o.check(method)
}

// check rejects a value outside the document's enums, naming the option and the value.
func (o SpaceOptions) check(method string) error {
	return errors.Join(
		checkSet(method, "SpaceFields", o.SpaceFields),
		checkSet(method, "Expansions", o.Expansions),
		checkSet(method, "UserFields", o.UserFields),
		checkSet(method, "TopicFields", o.TopicFields))
}

// SpaceSearchOptions selects the fields and results of a Space search.
type SpaceSearchOptions struct {
	SpaceOptions
	// State is gen.SearchSpacesParamsStateLive, ...Scheduled or ...All; empty means all.
	State gen.SearchSpacesParamsState
	// MaxResults is 1 to 100; 0 means the default, 100.
	MaxResults int
}

// RuleListOptions selects which filtered-stream rules to list. Rules page with
// pagination_token.
type RuleListOptions struct {
	// IDs limits the list to these rules; empty lists every rule.
	IDs []string
	// MaxResults is 1 to 1000; 0 means the default, 1000.
	MaxResults int
	// PaginationToken is the meta.next_token of the previous page; empty for the first.
	PaginationToken string
}

// RuleChangeOptions modifies a change of filtered-stream rules.
type RuleChangeOptions struct {
	// DryRun validates the change and reports what it would do, without changing anything.
	DryRun bool
}

// ComplianceJobsOptions selects which compliance jobs to list and their fields.
type ComplianceJobsOptions struct {
	// Status is one of gen.ListComplianceJobsParamsStatus (created, in_progress, failed,
	// complete); empty lists jobs in any state.
	Status              gen.ListComplianceJobsParamsStatus
	ComplianceJobFields []gen.ComplianceJobField
}

// ComplianceJobOptions selects the fields of a compliance job.
type ComplianceJobOptions struct {
	ComplianceJobFields []gen.ComplianceJobField
}

// TweetListOptions selects the fields of a page of Tweets that pages with
// pagination_token and takes no time window: Retweets of a Tweet, a List's Tweets,
// bookmarks.
type TweetListOptions struct {
	TweetOptions
	PageOptions
}

// QuoteTweetsOptions selects the fields and page of the Tweets quoting a Tweet.
type QuoteTweetsOptions struct {
	TweetOptions
	// PageOptions.MaxResults is 10 to 100; 0 means X's default, 10.
	PageOptions
	// Exclude leaves replies or Retweets out.
	Exclude []gen.ListQuoteTweetsParamsExclude
}

// UserSearchOptions selects the fields and page of a user search. The search pages with
// next_token.
type UserSearchOptions struct {
	UserOptions
	// MaxResults is 1 to 1000; 0 means X's default, 100.
	MaxResults int
	// NextToken is the meta.next_token of the previous page; empty for the first page.
	NextToken string
}

// SpaceTweetsOptions selects the fields of the Tweets shared in a Space. The list does not
// page.
type SpaceTweetsOptions struct {
	TweetOptions
	// MaxResults is 1 to 100; 0 means X's default, 100.
	MaxResults int
}

// ListOptions selects the fields and expansions a List lookup returns. Expanding
// owner_id returns the owner in Includes, with UserFields.
type ListOptions struct {
	ListFields []gen.ListField
	Expansions []gen.ListExpansion
	UserFields []gen.UserField
}

func (o ListOptions) params(method string) (*gen.ListFields, *gen.ListExpansions, *gen.UserFields, error) {
	return optional(o.ListFields), optional(o.Expansions), optional(o.UserFields), o.check(method)
}

// check rejects a value outside the document's enums, naming the option and the value.
func (o ListOptions) check(method string) error {
	return errors.Join(
		checkSet(method, "ListFields", o.ListFields),
		checkSet(method, "Expansions", o.Expansions),
		checkSet(method, "UserFields", o.UserFields))
}

// ListPageOptions selects the fields of a page of Lists.
type ListPageOptions struct {
	ListOptions
	PageOptions
}

// DMEventOptions selects the fields and expansions of direct-message events. Expanding
// sender_id or participant_ids returns users, referenced_tweets.id Tweets and
// attachments.media_keys media, in Includes.
type DMEventOptions struct {
	DMEventFields []gen.DmEventField
	Expansions    []gen.DmEventExpansion
	MediaFields   []gen.MediaField
	UserFields    []gen.UserField
	TweetFields   []gen.TweetField
}

func (o DMEventOptions) params(method string) (*gen.DmEventFields, *gen.DmEventExpansions, *gen.MediaFields, *gen.UserFields, *gen.TweetFields, error) {
	return optional(o.DMEventFields), optional(o.Expansions), optional(o.MediaFields), optional(o.UserFields), optional(o.TweetFields), o.check(method)
}

// check rejects a value outside the document's enums, naming the option and the value.
func (o DMEventOptions) check(method string) error {
	return errors.Join(
		checkSet(method, "DMEventFields", o.DMEventFields),
		checkSet(method, "Expansions", o.Expansions),
		checkSet(method, "MediaFields", o.MediaFields),
		checkSet(method, "UserFields", o.UserFields),
		checkSet(method, "TweetFields", o.TweetFields))
}

// DMEventsOptions selects the kinds, fields and page of direct-message events.
type DMEventsOptions struct {
	DMEventOptions
	// PageOptions.MaxResults is 1 to 100; 0 means X's default, 100.
	PageOptions
	// EventTypes limits the events to these kinds (MessageCreate, ParticipantsJoin,
	// ParticipantsLeave); empty means all three. The type is named after GET
	// /2/dm_events; every event list takes the same values.
	EventTypes []gen.ListDMEventsParamsEventTypes
}

// UsageOptions selects the period and fields of a usage report.
type UsageOptions struct {
	// Days is how many days of usage to report, 1 to 90; 0 means X's default, 7.
	Days        int
	UsageFields []gen.UsageReportField
}

// WebhookListOptions selects the fields of each webhook configuration (all of them when
// empty).
type WebhookListOptions struct {
	WebhookConfigFields []gen.WebhookConfigField
}
