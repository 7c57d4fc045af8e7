package twitter

// TweetsService posts, deletes, reads and searches Tweets, and likes, retweets and hides
// them on behalf of a user.
type TweetsService service

// UsersService looks up accounts and manages the follow, block and mute graph.
type UsersService service

// SpacesService looks up and searches Spaces.
type SpacesService service

// RulesService manages the rules of the filtered stream.
type RulesService service

// StreamService connects to the streams: filtered, sample, firehose, likes, compliance and
// labels.
type StreamService service

// ComplianceService creates and reads batch compliance jobs.
type ComplianceService service

// ListsService creates and manages Lists, their members and followers, and the Lists a
// user follows, pins, owns or belongs to.
type ListsService service

// BookmarksService reads and changes a user's bookmarks.
type BookmarksService service

// DirectMessagesService reads and sends direct messages, one to one and in groups.
type DirectMessagesService service

// MediaService uploads images, GIFs, videos and subtitles for use in Tweets and direct
// messages, looks media up by key, and sets their alt text, other metadata and subtitles.
type MediaService service

// UsageService reports the project's Tweet consumption.
type UsageService service

// WebhooksService registers, re-checks and deletes the URLs X sends events to. The
// receiving side is NewWebhookHandler.
type WebhooksService service

// AccountActivityService subscribes users' activity (Tweets, likes, follows, direct
// messages...) to a webhook of the app, and lists, counts and ends the subscriptions.
//
// Deprecated: X ends the Account Activity API on 2027-01-01. Use ActivityService (the X
// Activity API): Client.Activity.CreateSubscription for each event type and user, with
// the webhook's id to keep webhook delivery through NewWebhookHandler (decode the events
// with ParseActivityEvent), or Client.Activity.Stream to receive them on a stream. The
// README's section "Moving from Account Activity to the X Activity API" has both side
// by side.
type AccountActivityService service

// ChatService reads and writes encrypted chat (XChat) conversations: the conversations and
// their events, messages, read marks and typing indicators, groups and their members,
// conversation keys, and media. Everything a member writes is end-to-end encrypted, and
// signed, by X's chat SDK (the Chat XDK, a cgo library) on the member's device: this
// client never encrypts, decrypts, signs or checks anything. It carries the SDK's
// encrypted payloads, wrapped keys and signatures as the opaque strings they are, from
// the SDK to X and back. Users' chat public keys are in UsersService (PublicKeys,
// LookupPublicKeys, AddPublicKey).
type ChatService service

// ActivityService manages the app's X Activity API (XAA) subscriptions and connects to
// the activity stream. XAA replaces Account Activity (AccountActivityService, which X
// ends on 2027-01-01): each subscription asks for one type of event (a profile change,
// a follow, a post, a like...) about one user, or about a keyword for news, delivered on
// the stream (Stream) or to a webhook (see NewWebhookHandler and ParseActivityEvent).
type ActivityService service

// AnalyticsService reports how the caller's own Tweets and videos did over a period:
// impressions and engagement of Tweets, playback of media. Only the author (the owner of
// the media) gets them; ids of others come back in Response.PartialErrors.
type AnalyticsService service

// ArticlesService writes long-form Articles: a draft first, which nobody else sees, then
// published as a Tweet of the caller that carries the Article (tweet.fields article and
// article_title).
type ArticlesService service

// BroadcastsService reads the caller's live video broadcasts, books and starts them
// (broadcasts_scheduled.go), and reads and moderates their chat (broadcasts_chat.go). A
// broadcast and its schedule share one id, of up to 13 letters and digits. X sends times
// as milliseconds since the Unix epoch in decimal strings; BroadcastTime reads them.
type BroadcastsService service

// CommunitiesService looks up and searches Communities.
type CommunitiesService service

// ConnectionsService lists the app's streaming connections, open and ended, and closes
// them: the way out of a TooManyConnections answer when an old connection (of a consumer
// that was restarted, say) still counts against the app's limit. See also
// StreamOptions.CloseStaleConnections, which does it for a stream. Every method needs an
// app-only token.
type ConnectionsService service

// NewsService looks up and searches the news stories X writes up from posts.
type NewsService service

// NotesService writes, scores and withdraws Community Notes, and lists the notes the
// caller wrote and the Tweets it may write one on. It is for AI Note Writers: the account
// must be enrolled with X's Community Notes, or every call is refused (403). Notes written
// in test mode are scored by X's evaluators but never shown on X; test mode and real mode
// keep separate notes and separate lists of eligible Tweets.
type NotesService service

// TrendsService reads what is trending: in a place, or picked for the authenticated user.
type TrendsService service
