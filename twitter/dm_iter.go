package twitter

import (
	"context"
	"iter"

	"github.com/twitterkit/go/gen"
)

// Iterators over direct-message events. See IterOptions for limits and resuming, and
// PageError for failures.

func dmPaging(o *DMEventsOptions) (*int, *string) { return &o.MaxResults, &o.PaginationToken }

func (s *DirectMessagesService) eventsPager(opts *DMEventsOptions, it *IterOptions) *pager[gen.DmEvent] {
	return opPager(&opListDMEvents, opts, it, dmPaging, s.Events)
}

// EventsPages pages through the events of every conversation of the authenticated user,
// newest first, up to 100 a page.
func (s *DirectMessagesService) EventsPages(ctx context.Context, opts *DMEventsOptions, it *IterOptions) iter.Seq2[*DMEventPage, error] {
	return s.eventsPager(opts, it).pages(ctx)
}

// EventsIter yields the events of every conversation of the authenticated user, newest
// first, one by one.
func (s *DirectMessagesService) EventsIter(ctx context.Context, opts *DMEventsOptions, it *IterOptions) iter.Seq2[gen.DmEvent, error] {
	return s.eventsPager(opts, it).items(ctx)
}

func (s *DirectMessagesService) conversationEventsPager(conversationID string, opts *DMEventsOptions, it *IterOptions) *pager[gen.DmEvent] {
	return opPager(&opListDMConversationEvents, opts, it, dmPaging,
		func(ctx context.Context, o *DMEventsOptions) (*gen.DmEventsLookupResponse, *Response, error) {
			return s.ConversationEvents(ctx, conversationID, o)
		})
}

// ConversationEventsPages pages through the events of one conversation, newest first, up
// to 100 a page.
func (s *DirectMessagesService) ConversationEventsPages(ctx context.Context, conversationID string, opts *DMEventsOptions, it *IterOptions) iter.Seq2[*DMEventPage, error] {
	return s.conversationEventsPager(conversationID, opts, it).pages(ctx)
}

// ConversationEventsIter yields the events of one conversation, newest first, one by one.
func (s *DirectMessagesService) ConversationEventsIter(ctx context.Context, conversationID string, opts *DMEventsOptions, it *IterOptions) iter.Seq2[gen.DmEvent, error] {
	return s.conversationEventsPager(conversationID, opts, it).items(ctx)
}

func (s *DirectMessagesService) eventsWithPager(participantID string, opts *DMEventsOptions, it *IterOptions) *pager[gen.DmEvent] {
	return opPager(&opListDMEventsWithParticipant, opts, it, dmPaging,
		func(ctx context.Context, o *DMEventsOptions) (*gen.DmEventsLookupResponse, *Response, error) {
			return s.EventsWith(ctx, participantID, o)
		})
}

// EventsWithPages pages through the events of the one-to-one conversation with
// participantID, newest first, up to 100 a page.
func (s *DirectMessagesService) EventsWithPages(ctx context.Context, participantID string, opts *DMEventsOptions, it *IterOptions) iter.Seq2[*DMEventPage, error] {
	return s.eventsWithPager(participantID, opts, it).pages(ctx)
}

// EventsWithIter yields the events of the one-to-one conversation with participantID,
// newest first, one by one.
func (s *DirectMessagesService) EventsWithIter(ctx context.Context, participantID string, opts *DMEventsOptions, it *IterOptions) iter.Seq2[gen.DmEvent, error] {
	return s.eventsWithPager(participantID, opts, it).items(ctx)
}
