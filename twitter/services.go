package twitter

// TweetsService reads and searches Tweets, and likes, retweets and hides them on behalf of
// a user.
type TweetsService service

// UsersService looks up accounts and manages the follow, block and mute graph.
type UsersService service

// SpacesService looks up and searches Spaces.
type SpacesService service

// RulesService manages the rules of the filtered stream.
type RulesService service

// StreamService connects to the sample and filtered streams.
type StreamService service

// ComplianceService creates and reads batch compliance jobs.
type ComplianceService service
