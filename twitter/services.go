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
