package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/twitterkit/go/gen"
	"github.com/twitterkit/go/internal/testserver"
	"github.com/twitterkit/go/twitter"
)

// tour holds what the steps share.
type tour struct {
	env      *environment
	out      io.Writer
	terminal bool // out is a terminal: progress may rewrite its line with \r
}

// isTerminal reports whether w is a terminal (a character device), where a progress line
// can be rewritten in place; a file or a pipe gets plain lines instead.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (t *tour) heading(title string) { fmt.Fprintf(t.out, "\n== %s\n", title) }

func (t *tour) printf(format string, args ...any) { fmt.Fprintf(t.out, "  "+format+"\n", args...) }

// oneLine shortens a Tweet's text for display.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 70 {
		return string(r[:69]) + "…"
	}
	return s
}

func (t *tour) lookupUser(ctx context.Context) error {
	res, resp, err := t.env.app.Users.ByUsername(ctx, t.env.username, &twitter.UserOptions{
		UserFields:  []gen.UserField{gen.UserFieldCreatedAt, gen.UserFieldDescription, gen.UserFieldPublicMetrics, gen.UserFieldVerified},
		Expansions:  []gen.UserExpansion{gen.UserExpansionPinnedTweetID},
		TweetFields: []gen.TweetField{gen.TweetFieldCreatedAt, gen.TweetFieldPublicMetrics},
	})
	if err != nil {
		return err
	}
	u := res.Data
	t.printf("@%s (%s), id %s, joined %s", u.Username, u.Name, u.ID, u.CreatedAt.Format("January 2006"))
	if m := u.PublicMetrics; m != (gen.UserPublicMetrics{}) {
		t.printf("%d followers, following %d, %d Tweets", m.FollowersCount, m.FollowingCount, m.TweetCount)
	}
	if pinned, ok := twitter.NewIncludes(&res.Includes).PinnedTweet(&u); ok {
		t.printf("pinned (from includes): %q", oneLine(pinned.Text))
	}
	t.printf("rate limit of %s: %d of %d left", resp.RateLimit.Endpoint, resp.RateLimit.Remaining, resp.RateLimit.Limit)
	return nil
}

func (t *tour) pageSearch(ctx context.Context) error {
	opts := &twitter.SearchOptions{
		TweetOptions: twitter.TweetOptions{
			TweetFields: []gen.TweetField{gen.TweetFieldAuthorID, gen.TweetFieldCreatedAt},
			Expansions:  []gen.TweetExpansion{gen.TweetExpansionAuthorID},
		},
	}
	const maxItems = 450
	items, pages, authors := 0, 0, map[string]bool{}
	var first gen.Tweet
	for page, err := range t.env.app.Tweets.SearchRecentPages(ctx, t.env.query, opts, &twitter.IterOptions{MaxItems: maxItems}) {
		if err != nil {
			return err
		}
		for _, tw := range page.Items {
			if items == 0 {
				first = tw
			}
			items++
			if a, ok := page.Includes.Author(&tw); ok {
				authors[a.Username] = true
			}
		}
		pages = page.Number
		if t.terminal {
			fmt.Fprintf(t.out, "\r  page %d: %d Tweets so far", page.Number, items)
		} else {
			t.printf("page %d: %d Tweets so far", page.Number, items)
		}
	}
	if t.terminal {
		fmt.Fprintln(t.out)
	}
	t.printf("%q: %d Tweets by %d authors, authors resolved from each page's includes", t.env.query, items, len(authors))
	if items > maxItems {
		t.printf("IterOptions{MaxItems: %d} stopped it after page %d, the page that reached %d: pages come whole,", maxItems, pages, maxItems)
		t.printf("so it holds %d (SearchRecentIter, the item iterator, would stop at exactly %d)", items, maxItems)
	}
	if items > 0 {
		t.printf("newest: %q", oneLine(first.Text))
	}
	return nil
}

func (t *tour) countTweets(ctx context.Context) error {
	if t.env.fake == nil && !t.env.appOnly {
		t.printf("skipped: counts need an app-only token (TWITTER_BEARER_TOKEN)")
		return nil
	}
	end := time.Now().UTC().Truncate(time.Hour)
	if t.env.fake != nil {
		end = testserver.SeedTime // the fake world's Tweets are from the week before it
	}
	res, _, err := t.env.app.Tweets.CountRecent(ctx, t.env.query, &twitter.CountOptions{
		Granularity: gen.GranularityDay, StartTime: end.Add(-6 * 24 * time.Hour), EndTime: end,
	})
	if err != nil {
		return err
	}
	for _, b := range res.Data {
		t.printf("%s  %5d  %s", b.Start.Format("Mon Jan 02"), b.TweetCount, strings.Repeat("▇", min(b.TweetCount/10, 40)))
	}
	t.printf("total: %d", res.Meta.TotalTweetCount)
	return nil
}

func (t *tour) actAsUser(ctx context.Context) error {
	u := t.env.user
	if u == nil {
		t.printf("skipped: set TWITTER_USER_ACCESS_TOKEN and TWITTER_USER_ID to act as a user")
		return nil
	}
	me, other := t.env.userID, t.env.otherUserID
	f, _, err := u.Users.Follow(ctx, me, other)
	if err != nil {
		return err
	}
	t.printf("follow @%s: following=%v", t.env.otherUsername, f.Data.Following)
	if following, err := t.follows(ctx, me, other); err != nil {
		return err
	} else {
		t.printf("their id is in my following list: %v", following)
	}
	if _, _, err := u.Users.Unfollow(ctx, me, other); err != nil {
		return err
	}
	following, err := t.follows(ctx, me, other)
	if err != nil {
		return err
	}
	t.printf("unfollowed; still listed: %v", following)

	l, _, err := u.Tweets.Like(ctx, me, t.env.tweetID)
	if err != nil {
		return err
	}
	t.printf("like %s: liked=%v", t.env.tweetID, l.Data.Liked)
	if _, _, err := u.Tweets.Unlike(ctx, me, t.env.tweetID); err != nil {
		return err
	}
	t.printf("unliked")
	return nil
}

// follows pages through me's following list looking for other.
func (t *tour) follows(ctx context.Context, me, other string) (bool, error) {
	for user, err := range t.env.user.Users.FollowingIter(ctx, me, nil, nil) {
		if err != nil {
			return false, err
		}
		if user.ID == other {
			return true, nil
		}
	}
	return false, nil
}

func (t *tour) partialErrors(ctx context.Context) error {
	res, resp, err := t.env.app.Tweets.Lookup(ctx, []string{t.env.tweetID, t.env.missingTweetID}, nil)
	if err != nil {
		return err
	}
	for _, tw := range res.Data {
		t.printf("found %s: %q", tw.ID, oneLine(tw.Text))
	}
	for _, p := range resp.PartialErrors {
		t.printf("partial error: %s (%s) for %s=%s", p.Title, twitter.ProblemType(p.Type), p.Parameter, p.Value)
	}
	return nil
}

func (t *tour) rateLimitWait(ctx context.Context) error {
	if t.env.fake == nil {
		t.printf("skipped against the real API: it would use up a real window")
		return nil
	}
	t.printf("%s allows 2 requests per 2 s here; the client was built WithRateLimitWait", t.env.rateLimitRoute)
	for i := 1; i <= 3; i++ {
		start := time.Now()
		_, resp, err := t.env.waiting.Users.ByID(ctx, t.env.userID, nil)
		if err != nil {
			return err
		}
		note := ""
		if resp.Attempts > 1 {
			note = fmt.Sprintf(": met a 429, waited %.1fs for the reset, then succeeded", time.Since(start).Seconds())
		}
		t.printf("call %d: %d left%s", i, resp.RateLimit.Remaining, note)
	}
	_, _, err := t.env.app.Users.ByID(ctx, t.env.userID, nil)
	var apiErr *twitter.Error
	if errors.As(err, &apiErr) && twitter.IsRateLimited(err) {
		t.printf("a client without the opt-in gets the 429 at once: %s (reset %s)", apiErr.Title, apiErr.RateLimit.Reset.Format(time.TimeOnly))
	}
	return nil
}

func (t *tour) typedErrors(ctx context.Context) error {
	_, _, err := t.env.app.Users.ByUsername(ctx, "no_such_user_0", nil)
	var apiErr *twitter.Error
	if !errors.As(err, &apiErr) {
		return fmt.Errorf("expected a *twitter.Error, got %v", err)
	}
	t.printf("a missing user: X answers %d with only an errors array; the client returns a *twitter.Error", apiErr.StatusCode)
	t.printf("IsNotFound=%v  type=%s", twitter.IsNotFound(err), apiErr.Type)
	t.printf("title=%q detail=%q", apiErr.Title, apiErr.Detail)

	if t.env.userID != "" && (t.env.fake != nil || t.env.appOnly) {
		_, _, err = t.env.app.Users.Follow(ctx, t.env.userID, t.env.otherUserID)
		if errors.As(err, &apiErr) {
			t.printf("following with an app-only token: IsUnsupportedAuthentication=%v (%d %s)",
				twitter.IsUnsupportedAuthentication(err), apiErr.StatusCode, apiErr.Title)
		}
	}
	_, _, err = t.env.app.Tweets.SearchRecent(ctx, "", nil)
	t.printf("bad arguments never reach the network: errors.Is(err, ErrInvalidArgument)=%v", errors.Is(err, twitter.ErrInvalidArgument))
	return nil
}
