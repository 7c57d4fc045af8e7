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
// stored, or an error for a taken id or username.
func (s *Server) AddUser(u User) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.Username == "" {
		return User{}, fmt.Errorf("testserver: AddUser: the user has no Username")
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

// addedUserIDs lists the users AddUser added, sorted.
func (st *state) addedUserIDs() []string {
	var ids []string
	for id := range st.profiles {
		if st.b.users[id] == nil {
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
// pushes it to no stream. Its author must exist, and so must the Tweets it references.
// It returns the Tweet as stored.
func (s *Server) AddTweet(t Tweet) (Tweet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.AuthorID != "" && s.w.user(t.AuthorID) == nil {
		return Tweet{}, fmt.Errorf("testserver: AddTweet: no user %q", t.AuthorID)
	}
	if t.ID != "" && s.w.tweet(t.ID) != nil {
		return Tweet{}, fmt.Errorf("testserver: AddTweet: id %q is taken", t.ID)
	}
	for _, r := range t.ReferencedTweets {
		if s.w.tweet(r.ID) == nil {
			return Tweet{}, fmt.Errorf("testserver: AddTweet: the %s Tweet %q does not exist", r.Type, r.ID)
		}
	}
	s.fillTweet(&t)
	stored := t
	s.w.addTweet(&stored)
	return stored, nil
}

// AddFollow makes userID follow targetID (a protected target too, without a request);
// following again changes nothing.
func (s *Server) AddFollow(userID, targetID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w.user(userID) == nil || s.w.user(targetID) == nil || userID == targetID {
		return fmt.Errorf("testserver: AddFollow: no user %q or %q, or the same user", userID, targetID)
	}
	s.w.pending[userID] = without(s.w.pending[userID], targetID)
	s.w.follow(userID, targetID)
	return nil
}

// AddLike makes userID like tweetID, newest like first; liking again changes nothing.
func (s *Server) AddLike(userID, tweetID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w.user(userID) == nil || s.w.tweet(tweetID) == nil {
		return fmt.Errorf("testserver: AddLike: no user %q or no Tweet %q", userID, tweetID)
	}
	if !contains(s.w.liked[userID], tweetID) {
		s.w.liked[userID] = prepend(s.w.liked[userID], tweetID)
		s.w.likers[tweetID] = prepend(s.w.likers[tweetID], userID)
	}
	return nil
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
// webhookID; subscribing again changes nothing.
func (s *Server) AddAccountActivitySubscription(webhookID, userID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w.hooks.find(webhookID) == nil || s.w.user(userID) == nil {
		return fmt.Errorf("testserver: AddAccountActivitySubscription: no webhook %q or no user %q", webhookID, userID)
	}
	if !slices.Contains(s.w.hooks.subs[webhookID], userID) {
		s.w.hooks.subs[webhookID] = append(s.w.hooks.subs[webhookID], userID)
	}
	return nil
}
