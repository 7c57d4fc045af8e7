package twittertest

import (
	"context"
	"time"

	"github.com/twitterkit/go/internal/testserver"
)

// The X Activity API: the app subscribes to a type of event for a filter (a user, a
// keyword, a direction). When something happens in the world, through the API or
// through UpdateProfile, every matching subscription yields an event: those without a
// webhook go to the activity stream (GET /2/activity/stream), those with one wait for
// Server.DeliverActivityWebhooks.

// ActivitySubscription is an X Activity subscription of the app (World.ActivitySubscriptions).
type ActivitySubscription struct {
	ID        string
	EventType string // e.g. "profile.update.bio", "follow.follow"
	UserID    string // filter.user_id
	Keyword   string // filter.keyword
	Direction string // filter.direction: inbound, outbound or ""
	Tag       string
	WebhookID string // "" delivers to the activity stream
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ActivitySubscriptions lists the app's X Activity subscriptions, oldest first.
func (w *World) ActivitySubscriptions() []ActivitySubscription {
	return manyOf(func(s testserver.ActivitySubscription) ActivitySubscription {
		return ActivitySubscription{ID: s.ID, EventType: s.EventType, UserID: s.UserID, Keyword: s.Keyword,
			Direction: s.Direction, Tag: s.Tag, WebhookID: s.WebhookID, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt}
	}, w.w.ActivitySubscriptions())
}

// ProfileField is a part of a profile that Server.UpdateProfile changes; its value is
// the X Activity event type the change yields.
type ProfileField string

// The profile fields, each the event type of its change.
const (
	ProfileBio      ProfileField = "profile.update.bio"             // User.Description
	ProfileName     ProfileField = "profile.update.screenname"      // User.Name, the display name
	ProfileLocation ProfileField = "profile.update.geo"             // User.Location
	ProfileURL      ProfileField = "profile.update.url"             // User.URL
	ProfilePicture  ProfileField = "profile.update.profile_picture" // User.ProfileImageURL
)

// UpdateProfile changes a field of a user's profile, as the user would in X's app (the
// API has no operation for it), and yields its X Activity event with the value before
// and after. It returns an error for an unknown user or field.
func (s *Server) UpdateProfile(userID string, field ProfileField, value string) error {
	return publicErr(s.s.UpdateProfile(userID, testserver.ProfileField(field), value))
}

// DeliverActivityWebhooks POSTs the X Activity events waiting for webhook subscriptions
// to their webhooks, oldest first, signed as DeliverEvent signs them, and returns how
// many were answered 2xx. Events for a webhook that is gone or invalid are dropped; the
// first failure to deliver ends it with an error, keeping the undelivered ones.
func (s *Server) DeliverActivityWebhooks(ctx context.Context) (int, error) {
	n, err := s.s.DeliverActivityWebhooks(ctx)
	return n, publicErr(err)
}
