// Package twitter is a client for the X (Twitter) API v2.
//
// A Client groups the API by area, each a service sharing one configuration:
//
//	c, err := twitter.NewClient(twitter.WithBearerToken(os.Getenv("TWITTER_BEARER_TOKEN")))
//	user, resp, err := c.Users.ByUsername(ctx, "XDevelopers", nil)
//
// Every call takes a context first and returns the decoded body (a type from package gen,
// generated from the project's OpenAPI document), a *Response carrying the HTTP response
// and its rate-limit snapshot, and an error. A non-2xx answer is a *Error, found with
// errors.As or the Is... predicates. A 200 that carries partial errors alongside data
// returns the data, with the problems in Response.PartialErrors. A 200 whose problems
// mean the request failed as a whole (a single lookup of a missing Tweet, which X answers
// with no data; a like of a missing Tweet; a rules change that changed nothing) is an
// *Error with that status, returned together with the decoded body.
//
// The generated types hold optional fields as plain values: a field the response did not
// carry (not asked for with a fields option, or not applying to this Tweet or user) is its
// zero value, so tw.PublicMetrics.LikeCount or u.Description read without nil checks. Only
// the objects some Tweets and users have and others lack (Geo, NoteTweet, Withheld,
// Affiliation, SuggestedSourceLinksWithCounts) are pointers, nil when absent.
//
// Arguments are checked against the API document before anything is sent (ids, at most
// 100 ids, page sizes within each operation's bounds, enumerated values); a rejected
// argument is an error wrapping ErrInvalidArgument that names the method.
//
// # Authentication
//
// One option per kind of credentials: WithBearerToken or WithAppCredentials (app-only),
// WithOAuth2Token after OAuth2Config's authorization code flow with PKCE, or
// WithTokenSource (OAuth 2.0 user context), and WithOAuth1 (OAuth 1.0a user context).
// Tokens are fetched and refreshed as needed, once for many concurrent requests, and
// renewed once when the API answers 401. IsReauthorizationRequired tells when only the
// user can fix it. No credential is ever printed or logged.
//
// # Pagination
//
// Every paginated operation has, beside its single-page method, a <Method>Iter that yields
// the items one by one and a <Method>Pages that yields whole pages (*Page: items, Includes,
// Response, tokens), both as range-over-func iterators of (value, error):
//
//	for user, err := range c.Users.FollowersIter(ctx, userID, nil, nil) {
//		if err != nil {
//			return err // a *PageError: how far it got, and the token to resume from
//		}
//		fmt.Println(user.Username)
//	}
//
// An iteration fetches one page at a time as the loop asks for more (no goroutines, nothing
// to close), asks for the operation's largest page unless told otherwise, stops on break,
// and yields at most one error. IterOptions limits it (MaxItems, MaxPages) and resumes it
// (StartToken). Includes resolves the ids of a page's items to the objects expanded into
// its "includes".
//
// # Streams
//
// Stream.Filtered and Stream.Sample return a *Stream to range over (Messages) or read
// with Next. It reconnects by itself on X's published schedule (at once after a drop,
// then backing off by the kind of failure), closes and reopens a connection that goes
// silent past StreamOptions.StallTimeout, and reports each reconnection to
// StreamOptions.OnReconnect. It ends only on an answer reconnecting cannot fix (401,
// 403, a bad parameter), Close, or its context. Rules.Sync sets the filtered stream's
// rules to a wanted set: it lists the rules in force (a page per 1000 rules), then sends at
// most one delete and at most one add.
//
// The enterprise streams are read one partition a connection: Stream.Firehose,
// FirehoseLang and Sample10 (Tweets, as a *Stream), LikesFirehose and LikesSample10
// (likes, a *LikeStream), and the compliance streams TweetCompliance, UserCompliance,
// LikeCompliance and TweetLabels (a *ComplianceStream of events). All are an
// EventStream, with the same reconnection, stall watchdog and bounded read-ahead.
//
// # Posting, Lists, direct messages and media
//
// Tweets.Create posts a NewTweet (text, a reply, a quote, media, a poll); Lists,
// Bookmarks and DirectMessages manage the rest of a user's account; Media.Upload sends a
// file from an io.Reader in chunks, reports progress and waits, as X asks, until a video
// or GIF is processed. Changes are not retried unless WithRetryMutations is set.
//
// Raw reaches the generated client, sharing the same transport and authentication, for
// anything the facade does not cover.
package twitter
