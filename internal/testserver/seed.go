package testserver

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The seeding methods change the world as if it had been so when the server started:
// no stream carries the change and no activity event is made of it, so a test can set
// up the world its code then reads.

// firstAddedUserID is the id AddUser gives the first user it adds without one.
const firstAddedUserID = 2000000001

// AddUser adds an account to the world. Username is required and must be free (any
// case); zero fields are filled in: ID (a new id), Name (the username), CreatedAt (the
// server clock), VerifiedType ("none") and ProfileImageURL. It returns the user as
// stored, or an error for a taken or malformed id or username, or a PinnedTweetID that
// is not a Tweet of the user (see SetPinnedTweet; a new user has none yet).
func (s *Server) AddUser(u User) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.Username == "" {
		return User{}, fmt.Errorf("testserver: AddUser: the user has no Username")
	}
	if !schemaPattern("UserName").MatchString(u.Username) {
		return User{}, fmt.Errorf("testserver: AddUser: username %q is not a handle (1 to 15 letters, digits or _)", u.Username)
	}
	if u.ID != "" && !schemaPattern("UserID").MatchString(u.ID) {
		return User{}, fmt.Errorf("testserver: AddUser: %q is not a user id (a number of up to 19 digits)", u.ID)
	}
	if s.w.userByName(u.Username) != nil {
		return User{}, fmt.Errorf("testserver: AddUser: username %q is taken", u.Username)
	}
	if u.ID == "" {
		for n := firstAddedUserID; u.ID == "" || s.w.user(u.ID) != nil; n++ {
			u.ID = strconv.Itoa(n)
		}
	} else if s.w.user(u.ID) != nil {
		return User{}, fmt.Errorf("testserver: AddUser: id %q is taken", u.ID)
	}
	if u.PinnedTweetID != "" {
		if err := s.w.checkPin("AddUser", u.ID, u.PinnedTweetID); err != nil {
			return User{}, err
		}
	}
	if u.Name == "" {
		u.Name = u.Username
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = s.clock.Now().UTC().Truncate(time.Second)
	}
	if u.VerifiedType == "" {
		u.VerifiedType = "none"
	}
	if u.ProfileImageURL == "" {
		u.ProfileImageURL = "https://pbs.twimg.com/profile_images/" + u.ID + "/avatar_normal.jpg"
	}
	if s.w.profiles == nil {
		s.w.profiles = map[string]*User{}
	}
	stored := u
	s.w.profiles[u.ID] = &stored
	return u, nil
}

// SetPinnedTweet pins tweetID on userID's profile, as the user's pinned_tweet_id, or
// unpins it when tweetID is "". As on X, a user pins a Tweet of their own, not a
// Retweet; pinning one replaces the one pinned before. It is how a test gives a user it
// added (AddUser) a pinned Tweet, once AddTweet has given them Tweets.
func (s *Server) SetPinnedTweet(userID, tweetID string) error {
	const op = "SetPinnedTweet"
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.knownUser(op, userID); err != nil {
		return err
	}
	if tweetID != "" {
		if err := s.w.checkPin(op, userID, tweetID); err != nil {
			return err
		}
	}
	u := new(User)
	*u = *s.w.user(userID) // the seeded users are shared by every server: change a copy
	u.PinnedTweetID = tweetID
	if s.w.profiles == nil {
		s.w.profiles = map[string]*User{}
	}
	s.w.profiles[userID] = u
	return nil
}

// checkPin checks that userID may pin tweetID: a Tweet of theirs that is no Retweet.
func (st *state) checkPin(op, userID, tweetID string) error {
	t, err := st.knownTweet(op, tweetID)
	switch {
	case err != nil:
		return fmt.Errorf("%w (its pinned Tweet)", err)
	case t.AuthorID != userID:
		return fmt.Errorf("testserver: %s: Tweet %q is of user %q; user %q pins only a Tweet of their own", op, tweetID, t.AuthorID, userID)
	case hasRef(t, "retweeted") != "":
		return fmt.Errorf("testserver: %s: Tweet %q is a Retweet, which cannot be pinned", op, tweetID)
	}
	return nil
}

// addedUserIDs lists the users AddUser added, sorted: those of profiles that are neither
// seeded nor generated followers (whose profile UpdateProfile or SetPinnedTweet changed).
func (st *state) addedUserIDs() []string {
	var ids []string
	for id := range st.profiles {
		if _, _, _, generated := st.virtualOf(id); st.b.users[id] == nil && !generated {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// addedUserByName finds a user AddUser added by handle, any case.
func (st *state) addedUserByName(name string) *User {
	for id, u := range st.profiles {
		if st.b.users[id] == nil && strings.EqualFold(u.Username, name) {
			return u
		}
	}
	return nil
}

// AddTweet adds a Tweet to the world, filling in its zero fields as EmitTweet does, but
// pushes it to no stream. Its author must exist, and so must the Tweets it references
// and the media, poll and place it carries. A reply is of its parent's conversation and
// answers the parent's author unless told otherwise; a Retweet counts as the author's
// retweet of its source, as AddRetweet's does.
// It returns the Tweet as stored.
func (s *Server) AddTweet(t Tweet) (Tweet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.AuthorID != "" {
		if err := s.w.knownUser("AddTweet", t.AuthorID); err != nil {
			return Tweet{}, err
		}
	}
	if t.ID != "" && !schemaPattern("TweetID").MatchString(t.ID) {
		return Tweet{}, fmt.Errorf("testserver: AddTweet: %q is not a Tweet id (a number of up to 19 digits)", t.ID)
	}
	if t.ID != "" && s.w.tweet(t.ID) != nil {
		return Tweet{}, fmt.Errorf("testserver: AddTweet: id %q is taken", t.ID)
	}
	if err := s.w.checkReferences(&t); err != nil {
		return Tweet{}, err
	}
	if err := s.w.checkMediaKeys("AddTweet", t.MediaKeys); err != nil {
		return Tweet{}, err
	}
	if err := s.w.checkAttachments("AddTweet", &t); err != nil {
		return Tweet{}, err
	}
	s.fillTweet(&t)
	stored := t
	s.w.addTweet(&stored)
	if src := hasRef(&stored, "retweeted"); src != "" {
		s.w.retweetOf[stored.AuthorID+"/"+src] = stored.ID
		s.w.retweeters[src] = prepend(s.w.retweeters[src], stored.AuthorID)
	}
	return stored, nil
}

// checkReferences checks the Tweets t references, and fills in the conversation and the
// user a reply answers: a reference is of a Tweet of the world, of a kind the API
// knows, one of each kind at most; an author retweets a Tweet once.
func (st *state) checkReferences(t *Tweet) error {
	const op = "AddTweet"
	author := t.AuthorID
	if author == "" {
		author = AliceID
	}
	for i, r := range t.ReferencedTweets {
		if r.Type != "retweeted" && r.Type != "quoted" && r.Type != "replied_to" {
			return fmt.Errorf("testserver: %s: a reference of type %q, none of retweeted, quoted and replied_to", op, r.Type)
		}
		if slices.ContainsFunc(t.ReferencedTweets[:i], func(o ReferencedTweet) bool { return o.Type == r.Type }) {
			return fmt.Errorf("testserver: %s: two %s references", op, r.Type)
		}
		ref, err := st.knownTweet(op, r.ID)
		if err != nil {
			return fmt.Errorf("%w (its %s Tweet)", err, r.Type)
		}
		switch r.Type {
		case "retweeted":
			if id, ok := st.retweetOf[author+"/"+r.ID]; ok {
				return fmt.Errorf("testserver: %s: user %q retweeted Tweet %q already, in Tweet %q", op, author, r.ID, id)
			}
		case "replied_to":
			if t.ConversationID == "" {
				t.ConversationID = ref.ConversationID
			}
			if t.InReplyToUserID == "" {
				t.InReplyToUserID = ref.AuthorID
			}
		}
	}
	return nil
}

// HideReply hides a reply as its conversation's author does with PUT
// /2/tweets/{tweet_id}/hidden: tweetID must be a reply (replied_to) in a conversation
// whose first Tweet the world has. Hiding again changes nothing; the author's PUT with
// hidden false shows it again.
func (s *Server) HideReply(tweetID string) error {
	const op = "HideReply"
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.w.knownTweet(op, tweetID)
	if err != nil {
		return err
	}
	if hasRef(t, "replied_to") == "" {
		return fmt.Errorf("testserver: %s: Tweet %q is no reply", op, tweetID)
	}
	if s.w.tweet(t.ConversationID) == nil {
		return fmt.Errorf("testserver: %s: the conversation %q of reply %q has no first Tweet, whose author would hide it", op, t.ConversationID, tweetID)
	}
	s.w.hidden[tweetID] = true
	return nil
}

// AddFollow makes userID follow targetID (a protected target too, without a request);
// following again changes nothing. A user blocked by targetID cannot follow them, as on X.
func (s *Server) AddFollow(userID, targetID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.twoUsers("AddFollow", "follow", userID, targetID); err != nil {
		return err
	}
	if contains(s.w.blocks[targetID], userID) {
		return fmt.Errorf("testserver: AddFollow: user %q blocks user %q, who cannot follow them", targetID, userID)
	}
	s.w.pending[userID] = without(s.w.pending[userID], targetID)
	s.w.follow(userID, targetID)
	return nil
}

// AddFollowRequest makes userID ask to follow targetID, a protected account, as POST
// /2/users/{id}/following does when the target is protected: the request waits for the
// target's approval, which the API has no operation for (AddFollow approves it). The
// user's connection_status shows follow_request_sent to userID and
// follow_request_received to targetID. Asking again changes nothing; following a public
// account needs no request (AddFollow), and a user blocked by targetID or following
// them already cannot ask.
func (s *Server) AddFollowRequest(userID, targetID string) error {
	const op = "AddFollowRequest"
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.twoUsers(op, "ask to follow", userID, targetID); err != nil {
		return err
	}
	switch {
	case !s.w.user(targetID).Protected:
		return fmt.Errorf("testserver: %s: user %q is not protected and takes no follow request (AddFollow follows them)", op, targetID)
	case contains(s.w.blocks[targetID], userID):
		return fmt.Errorf("testserver: %s: user %q blocks user %q, who cannot follow them", op, targetID, userID)
	case s.w.isFollowing(userID, targetID):
		return fmt.Errorf("testserver: %s: user %q follows user %q already", op, userID, targetID)
	}
	if !contains(s.w.pending[userID], targetID) {
		s.w.pending[userID] = prepend(s.w.pending[userID], targetID)
	}
	return nil
}

// AddLike makes userID like tweetID, newest like first; liking again changes nothing.
func (s *Server) AddLike(userID, tweetID string) error {
	return s.seedMark("AddLike", likeMark(), userID, tweetID)
}

// AddBookmark makes userID bookmark tweetID, newest bookmark first; bookmarking again
// changes nothing.
func (s *Server) AddBookmark(userID, tweetID string) error {
	return s.seedMark("AddBookmark", bookmarkMark(), userID, tweetID)
}

// seedMark adds a mark (a like, a bookmark) of a Tweet the user can see, telling no
// stream or activity of it.
func (s *Server) seedMark(op string, m mark, userID, tweetID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.w.visibleTweet(op, userID, tweetID); err != nil {
		return err
	}
	m.put(s.w, userID, tweetID)
	return nil
}

// AddRetweet makes userID retweet tweetID as POST /2/users/{id}/retweets does, and
// returns the Retweet: a Tweet of userID dated now on the server clock. Retweeting again
// returns the Retweet there is. A Tweet of a protected account (other than the user's
// own) cannot be retweeted, nor a Retweet (retweet its source).
func (s *Server) AddRetweet(userID, tweetID string) (Tweet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	src, err := s.w.visibleTweet("AddRetweet", userID, tweetID)
	if err != nil {
		return Tweet{}, err
	}
	if id, ok := s.w.retweetOf[userID+"/"+src.ID]; ok {
		return *s.w.tweet(id), nil
	}
	if of := hasRef(src, "retweeted"); of != "" {
		return Tweet{}, fmt.Errorf("testserver: AddRetweet: Tweet %q is a Retweet of %q; retweet that one", src.ID, of)
	}
	if u := s.w.user(src.AuthorID); u.Protected && src.AuthorID != userID {
		return Tweet{}, fmt.Errorf("testserver: AddRetweet: Tweet %q is of a protected account and cannot be retweeted", src.ID)
	}
	return *s.w.retweet(userID, src), nil
}

// AddBlock makes userID block targetID, newest block first, ending the follows between
// them both ways as POST /2/users/{id}/blocking does; blocking again changes nothing.
func (s *Server) AddBlock(userID, targetID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.seedOneSided("AddBlock", blocking(), userID, targetID); err != nil {
		return err
	}
	s.w.endFollows(userID, targetID)
	return nil
}

// AddMute makes userID mute targetID, newest mute first; muting again changes nothing.
func (s *Server) AddMute(userID, targetID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.seedOneSided("AddMute", muting(), userID, targetID)
}

// seedOneSided adds targetID to userID's targets of a one-sided relation.
func (st *state) seedOneSided(op string, o oneSided, userID, targetID string) error {
	if err := st.twoUsers(op, o.verb, userID, targetID); err != nil {
		return err
	}
	if m := o.rel(st); !contains(m[userID], targetID) {
		m[userID] = prepend(m[userID], targetID)
	}
	return nil
}

// The checks of what a seeding method is given, each an error naming the method. The
// forms of ids and handles are the document's (schemaPattern).

// knownUser checks that id is a user's.
func (st *state) knownUser(op, id string) error {
	if !schemaPattern("UserID").MatchString(id) {
		return fmt.Errorf("testserver: %s: %q is not a user id (a number of up to 19 digits)", op, id)
	}
	if st.user(id) == nil {
		return fmt.Errorf("testserver: %s: no user %q", op, id)
	}
	return nil
}

// knownUsers checks each id with knownUser and that none is there twice.
func (st *state) knownUsers(op, what string, ids []string) error {
	for i, id := range ids {
		if err := st.knownUser(op, id); err != nil {
			return fmt.Errorf("%w (in %s)", err, what)
		}
		if slices.Contains(ids[:i], id) {
			return fmt.Errorf("testserver: %s: user %q is twice in %s", op, id, what)
		}
	}
	return nil
}

// twoUsers checks that a user may verb another: both exist and they differ.
func (st *state) twoUsers(op, verb, userID, targetID string) error {
	if err := st.knownUser(op, userID); err != nil {
		return err
	}
	if err := st.knownUser(op, targetID); err != nil {
		return err
	}
	if userID == targetID {
		return fmt.Errorf("testserver: %s: user %q cannot %s themself", op, userID, verb)
	}
	return nil
}

// knownTweet finds the Tweet with this id.
func (st *state) knownTweet(op, id string) (*Tweet, error) {
	if !schemaPattern("TweetID").MatchString(id) {
		return nil, fmt.Errorf("testserver: %s: %q is not a Tweet id (a number of up to 19 digits)", op, id)
	}
	t := st.tweet(id)
	if t == nil {
		return nil, fmt.Errorf("testserver: %s: no Tweet %q", op, id)
	}
	return t, nil
}

// visibleTweet finds a Tweet that userID may see, as the API requires of a Tweet one
// likes, bookmarks or retweets.
func (st *state) visibleTweet(op, userID, tweetID string) (*Tweet, error) {
	if err := st.knownUser(op, userID); err != nil {
		return nil, err
	}
	t, err := st.knownTweet(op, tweetID)
	if err != nil {
		return nil, err
	}
	if !st.canSee(userID, t.AuthorID) {
		return nil, fmt.Errorf("testserver: %s: user %q cannot see Tweet %q: its author is protected and not followed", op, userID, tweetID)
	}
	return t, nil
}

// AddWebhook registers a webhook of the app at url as POST /2/webhooks does: the URL must
// be https (or http on a loopback host), and the server makes its CRC check of it, whose
// outcome is the webhook's Valid. It returns the webhook as stored.
func (s *Server) AddWebhook(ctx context.Context, url string) (Webhook, error) {
	w, pr := s.registerWebhook(ctx, url)
	if pr != nil {
		return Webhook{}, fmt.Errorf("testserver: AddWebhook: %s", pr.Errors[0].Message)
	}
	return w, nil
}

// AddAccountActivitySubscription subscribes userID's Account Activity to the webhook
// webhookID, both ids of the document's form and of the world; subscribing again
// changes nothing.
func (s *Server) AddAccountActivitySubscription(webhookID, userID string) error {
	const op = "AddAccountActivitySubscription"
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case !schemaPattern("WebhookID").MatchString(webhookID):
		return fmt.Errorf("testserver: %s: %q is not a webhook id (a number of up to 19 digits)", op, webhookID)
	case s.w.hooks.find(webhookID) == nil:
		return fmt.Errorf("testserver: %s: no webhook %q", op, webhookID)
	}
	if err := s.w.knownUser(op, userID); err != nil {
		return err
	}
	if !slices.Contains(s.w.hooks.subs[webhookID], userID) {
		s.w.hooks.subs[webhookID] = append(s.w.hooks.subs[webhookID], userID)
	}
	return nil
}
