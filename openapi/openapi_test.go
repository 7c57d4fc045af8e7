package openapi_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/twitterkit/go/openapi"
)

func loadValid(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("document does not validate: %v", err)
	}
	return doc
}

func TestDocumentValidates(t *testing.T) {
	doc := loadValid(t)
	if got := doc.OpenAPI; !strings.HasPrefix(got, "3.0") {
		t.Errorf("openapi version = %q, want 3.0.x", got)
	}
}

// seedOperations is our user's list of operations (shared/seed), plus the compliance jobs
// whose schemas the list names. Each must be in the document under this method and path.
var seedOperations = []struct{ method, path string }{
	{"GET", "/2/openapi.json"},
	{"GET", "/2/spaces"},
	{"GET", "/2/spaces/by/creator_ids"},
	{"GET", "/2/spaces/search"},
	{"GET", "/2/spaces/{id}"},
	{"GET", "/2/tweets"},
	{"GET", "/2/tweets/counts/all"},
	{"GET", "/2/tweets/counts/recent"},
	{"GET", "/2/tweets/sample/stream"},
	{"GET", "/2/tweets/search/all"},
	{"GET", "/2/tweets/search/recent"},
	{"GET", "/2/tweets/search/stream"},
	{"GET", "/2/tweets/search/stream/rules"},
	{"POST", "/2/tweets/search/stream/rules"},
	{"GET", "/2/tweets/{id}"},
	{"PUT", "/2/tweets/{tweet_id}/hidden"},
	{"GET", "/2/users/{id}/liked_tweets"},
	{"POST", "/2/users/{id}/likes"},
	{"DELETE", "/2/users/{id}/likes/{tweet_id}"},
	{"GET", "/2/users/{id}/mentions"},
	{"POST", "/2/users/{id}/retweets"},
	{"DELETE", "/2/users/{id}/retweets/{source_tweet_id}"},
	{"GET", "/2/users/{id}/tweets"},
	{"GET", "/2/tweets/{id}/liking_users"},
	{"GET", "/2/tweets/{id}/retweeted_by"},
	{"GET", "/2/users"},
	{"GET", "/2/users/by"},
	{"GET", "/2/users/by/username/{username}"},
	{"GET", "/2/users/{id}"},
	{"GET", "/2/users/{id}/blocking"},
	{"POST", "/2/users/{id}/blocking"},
	{"GET", "/2/users/{id}/followers"},
	{"GET", "/2/users/{id}/following"},
	{"POST", "/2/users/{id}/following"},
	{"POST", "/2/users/{id}/muting"},
	{"DELETE", "/2/users/{source_user_id}/blocking/{target_user_id}"},
	{"DELETE", "/2/users/{source_user_id}/following/{target_user_id}"},
	{"DELETE", "/2/users/{source_user_id}/muting/{target_user_id}"},
	{"GET", "/2/compliance/jobs"},
	{"POST", "/2/compliance/jobs"},
	{"GET", "/2/compliance/jobs/{id}"},
}

// extendedOperations are the areas beyond our user's list that Go users expect: posting and
// deleting Tweets, Lists, bookmarks, direct messages, media upload, usage, webhooks and Account Activity.
var extendedOperations = []struct{ method, path string }{
	{"POST", "/2/tweets"},
	{"DELETE", "/2/tweets/{id}"},
	{"GET", "/2/tweets/{id}/quote_tweets"},
	{"GET", "/2/tweets/{id}/retweets"},
	{"GET", "/2/users/{id}/timelines/reverse_chronological"},
	{"GET", "/2/users/me"},
	{"GET", "/2/users/{id}/muting"},
	{"GET", "/2/users/search"},
	{"POST", "/2/lists"},
	{"GET", "/2/lists/{id}"},
	{"PUT", "/2/lists/{id}"},
	{"DELETE", "/2/lists/{id}"},
	{"GET", "/2/lists/{id}/members"},
	{"POST", "/2/lists/{id}/members"},
	{"DELETE", "/2/lists/{id}/members/{user_id}"},
	{"GET", "/2/lists/{id}/followers"},
	{"GET", "/2/lists/{id}/tweets"},
	{"GET", "/2/users/{id}/followed_lists"},
	{"POST", "/2/users/{id}/followed_lists"},
	{"DELETE", "/2/users/{id}/followed_lists/{list_id}"},
	{"GET", "/2/users/{id}/pinned_lists"},
	{"POST", "/2/users/{id}/pinned_lists"},
	{"DELETE", "/2/users/{id}/pinned_lists/{list_id}"},
	{"GET", "/2/users/{id}/owned_lists"},
	{"GET", "/2/users/{id}/list_memberships"},
	{"GET", "/2/users/{id}/bookmarks"},
	{"POST", "/2/users/{id}/bookmarks"},
	{"DELETE", "/2/users/{id}/bookmarks/{tweet_id}"},
	{"GET", "/2/dm_events"},
	{"GET", "/2/dm_conversations/{id}/dm_events"},
	{"GET", "/2/dm_conversations/with/{participant_id}/dm_events"},
	{"POST", "/2/dm_conversations/with/{participant_id}/messages"},
	{"POST", "/2/dm_conversations/{dm_conversation_id}/messages"},
	{"POST", "/2/dm_conversations"},
	{"GET", "/2/spaces/{id}/tweets"},
	{"GET", "/2/spaces/{id}/buyers"},
	{"POST", "/2/media/upload/initialize"},
	{"POST", "/2/media/upload/{id}/append"},
	{"POST", "/2/media/upload/{id}/finalize"},
	{"GET", "/2/media/upload"},
	{"GET", "/2/media"},
	{"GET", "/2/media/{media_key}"},
	{"POST", "/2/media/metadata"},
	{"POST", "/2/media/subtitles"},
	{"DELETE", "/2/media/subtitles"},
	{"GET", "/2/usage/tweets"},
	{"GET", "/2/trends/by/woeid/{woeid}"},
	{"GET", "/2/users/personalized_trends"},
	{"GET", "/2/dm_events/{event_id}"},
	{"DELETE", "/2/dm_events/{event_id}"},
	{"GET", "/2/communities/{id}"},
	{"GET", "/2/communities/search"},
	{"GET", "/2/tweets/search/stream/rules/counts"},
	{"GET", "/2/users/reposts_of_me"},
	{"GET", "/2/webhooks"},
	{"POST", "/2/webhooks"},
	{"PUT", "/2/webhooks/{webhook_id}"},
	{"DELETE", "/2/webhooks/{webhook_id}"},
	{"POST", "/2/webhooks/replay"},
	{"POST", "/2/account_activity/webhooks/{webhook_id}/subscriptions/all"},
	{"GET", "/2/account_activity/webhooks/{webhook_id}/subscriptions/all"},
	{"GET", "/2/account_activity/webhooks/{webhook_id}/subscriptions/all/list"},
	{"DELETE", "/2/account_activity/webhooks/{webhook_id}/subscriptions/{user_id}/all"},
	{"GET", "/2/account_activity/subscriptions/count"},
}

func TestSeedOperationsPresent(t *testing.T) {
	doc := loadValid(t)
	ids := map[string]string{}
	for _, op := range append(append([]struct{ method, path string }{}, seedOperations...), extendedOperations...) {
		item := doc.Paths.Find(op.path)
		if item == nil {
			t.Errorf("%s %s: path missing", op.method, op.path)
			continue
		}
		o := item.GetOperation(op.method)
		if o == nil {
			t.Errorf("%s %s: method missing", op.method, op.path)
			continue
		}
		if o.OperationID == "" {
			t.Errorf("%s %s: no operationId", op.method, op.path)
		}
		if prev, dup := ids[o.OperationID]; dup {
			t.Errorf("operationId %q used by %s and %s %s", o.OperationID, prev, op.method, op.path)
		}
		ids[o.OperationID] = op.method + " " + op.path
		if o.Description == "" || o.Summary == "" {
			t.Errorf("%s %s: summary and description are both expected", op.method, op.path)
		}
		if o.Responses.Value("200") == nil && o.Responses.Value("201") == nil {
			t.Errorf("%s %s: no 200 or 201 response", op.method, op.path)
		}
		if o.Responses.Default() == nil {
			t.Errorf("%s %s: no default (error) response", op.method, op.path)
		}
	}
	if got, want := len(doc.Paths.Map()), 0; got == want {
		t.Fatal("no paths")
	}
}

// Field lists are named enum schemas referenced as array items, so generated code has typed
// values ([]TweetField) rather than bare strings.
func TestFieldParametersAreNamedEnums(t *testing.T) {
	doc := loadValid(t)
	want := map[string]string{
		"tweet.fields": "TweetField", "user.fields": "UserField", "media.fields": "MediaField",
		"place.fields": "PlaceField", "poll.fields": "PollField", "space.fields": "SpaceField",
		"topic.fields": "TopicField", "compliance_job.fields": "ComplianceJobField",
		"search_count.fields": "SearchCountField",
		"trend.fields":        "TrendField", "personalized_trend.fields": "PersonalizedTrendField",
		"community.fields": "CommunityField", "rules_count.fields": "RulesCountField",
		"news.fields": "NewsField", "note.fields": "NoteField",
		"analytics.fields": "AnalyticsField", "media_analytics.fields": "MediaAnalyticsField",
		"broadcast.fields": "BroadcastField", "broadcast_chat_message.fields": "BroadcastChatMessageField",
		"connection.fields": "ConnectionField",
	}
	seen := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for _, p := range op.Parameters {
				name := p.Value.Name
				enum, isField := want[name]
				if !isField && name != "expansions" {
					continue
				}
				s := p.Value.Schema.Value
				if !s.Type.Is("array") || s.Items == nil || s.Items.Ref == "" {
					t.Errorf("%s %s: %s is not an array of a named schema", method, path, name)
					continue
				}
				if p.Value.Explode == nil || *p.Value.Explode {
					t.Errorf("%s %s: %s must be comma separated (explode: false)", method, path, name)
				}
				if isField && !strings.HasSuffix(s.Items.Ref, "/"+enum) {
					t.Errorf("%s %s: %s items = %s, want %s", method, path, name, s.Items.Ref, enum)
				}
				if len(s.Items.Value.Enum) == 0 {
					t.Errorf("%s %s: %s items have no enum", method, path, name)
				}
				seen[name] = true
			}
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("no operation uses %s", name)
		}
	}
}

// Every problem type resolves under both hosts X uses.
func TestProblemTypesUnderBothHosts(t *testing.T) {
	doc := loadValid(t)
	p := doc.Components.Schemas["Problem"].Value
	if p.Discriminator == nil || p.Discriminator.PropertyName != "type" {
		t.Fatal("Problem is not discriminated by type")
	}
	m := p.Discriminator.Mapping
	for _, slug := range []string{"invalid-request", "resource-not-found", "usage-capped",
		"operational-disconnect", "rule-cap", "duplicate-rules", "invalid-rules",
		"unsupported-authentication", "client-forbidden", "streaming-connection",
		"not-authorized-for-resource", "resource-unavailable"} {
		tw := m["https://api.twitter.com/2/problems/"+slug]
		x := m["https://api.x.com/2/problems/"+slug]
		if tw.Ref == "" || tw.Ref != x.Ref {
			t.Errorf("%s: twitter.com -> %q, x.com -> %q", slug, tw.Ref, x.Ref)
		}
		name := tw.Ref[strings.LastIndex(tw.Ref, "/")+1:]
		if doc.Components.Schemas[name] == nil {
			t.Errorf("%s maps to missing schema %s", slug, name)
		}
	}
}

// Go's regexp (RE2) must be able to compile every pattern, or kin-openapi cannot validate.
func TestPatternsAreRE2(t *testing.T) {
	for _, m := range regexp.MustCompile(`(?m)pattern: (.+)$`).FindAllStringSubmatch(string(openapi.Document), -1) {
		pat := strings.Trim(m[1], `'"`)
		if _, err := regexp.Compile(pat); err != nil {
			t.Errorf("pattern %q: %v", pat, err)
		}
	}
}

func TestSecurityOfUserContextOperations(t *testing.T) {
	doc := loadValid(t)
	// Mutations act for a user: never app-only.
	for _, op := range seedOperations {
		if op.method == http.MethodGet || strings.HasPrefix(op.path, "/2/compliance") ||
			strings.HasPrefix(op.path, "/2/tweets/search/stream") {
			continue
		}
		o := doc.Paths.Find(op.path).GetOperation(op.method)
		for _, req := range *o.Security {
			if _, ok := req["BearerToken"]; ok {
				t.Errorf("%s %s allows an app-only bearer token", op.method, op.path)
			}
			if scopes, ok := req["OAuth2UserToken"]; ok && len(scopes) == 0 {
				t.Errorf("%s %s: OAuth 2.0 user token without scopes", op.method, op.path)
			}
		}
	}
}

// The generated types use plain values for optional fields (gen/oapi-codegen.yaml), which
// for a query parameter would send its zero value on every call. Each optional parameter
// therefore asks for a pointer, and so does each member of ListUpdateRequest, whose "" and
// false must reach X.
func TestOptionalParametersArePointers(t *testing.T) {
	doc := loadValid(t)
	const ext = "x-go-type-skip-optional-pointer"
	wantsPointer := func(exts map[string]any) bool {
		v, ok := exts[ext].(bool)
		return ok && !v
	}
	n := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for _, ref := range append(append(openapi3.Parameters{}, item.Parameters...), op.Parameters...) {
				p := ref.Value
				if p.Required {
					continue
				}
				n++
				if !wantsPointer(p.Extensions) {
					t.Errorf("%s %s: optional parameter %s lacks %s: false", method, path, p.Name, ext)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("found only %d optional parameters", n)
	}
	for name, prop := range doc.Components.Schemas["ListUpdateRequest"].Value.Properties {
		if !wantsPointer(prop.Value.Extensions) {
			t.Errorf("ListUpdateRequest.%s lacks %s: false", name, ext)
		}
	}
	// Objects only some Tweets and users have: nil says "has none" (a $ref's sibling).
	for schema, props := range map[string][]string{
		"Tweet": {"geo", "note_tweet", "withheld", "suggested_source_links_with_counts"},
		"User":  {"affiliation", "withheld"},
	} {
		for _, name := range props {
			if prop := doc.Components.Schemas[schema].Value.Properties[name]; prop == nil || !wantsPointer(prop.Extensions) {
				t.Errorf("%s.%s lacks %s: false", schema, name, ext)
			}
		}
	}
}

// schemaOf returns a component schema of the document.
func schemaOf(t *testing.T, name string) *openapi3.Schema {
	t.Helper()
	s := loadValid(t).Components.Schemas[name]
	if s == nil || s.Value == nil {
		t.Fatalf("no schema %s", name)
	}
	return s.Value
}

func TestBioMentionsMayBeLongerThanUsernames(t *testing.T) {
	// X extracts mentions of 16 to 20 characters from bios (real responses carry them); a
	// Tweet's mentions are of usernames, 15 characters at most.
	user := func(mention string) map[string]any {
		return map[string]any{"id": "2244994945", "name": "X Dev", "username": "XDevelopers", "entities": map[string]any{
			"description": map[string]any{"mentions": []any{map[string]any{"start": 0.0, "end": float64(len(mention) + 1), "username": mention}}},
		}}
	}
	tweet := func(mention string) map[string]any {
		return map[string]any{"id": "1", "text": "@" + mention, "edit_history_tweet_ids": []any{"1"}, "entities": map[string]any{
			"mentions": []any{map[string]any{"start": 0.0, "end": float64(len(mention) + 1), "username": mention}},
		}}
	}
	u, tw := schemaOf(t, "User"), schemaOf(t, "Tweet")
	for _, m := range []string{"jack", "sixteen_chars_ab", "twenty_characters_ab"} {
		if err := u.VisitJSON(user(m)); err != nil {
			t.Errorf("bio mention %q refused: %v", m, err)
		}
	}
	if err := u.VisitJSON(user("twentyone_characters_")); err == nil {
		t.Error("a bio mention of 21 characters is accepted")
	}
	if err := tw.VisitJSON(tweet("fifteen_chars_a")); err != nil {
		t.Errorf("Tweet mention of 15 characters refused: %v", err)
	}
	if err := tw.VisitJSON(tweet("sixteen_chars_ab")); err == nil {
		t.Error("a Tweet mention of 16 characters is accepted")
	}
}

func TestCreatingOperationsAnswer201(t *testing.T) {
	// The operations that X's newest document (2.167 of 2026-08-22) says answer 201 Created,
	// as real answers do. Those of them in our document must say so too, and only that.
	created := []string{
		"/2/articles/draft", "/2/broadcasts/scheduled", "/2/chat/conversations/group",
		"/2/chat/conversations/{id}/messages", "/2/dm_conversations",
		"/2/dm_conversations/with/{participant_id}/messages",
		"/2/dm_conversations/{dm_conversation_id}/messages", "/2/lists", "/2/notes", "/2/tweets",
		"/2/users/{id}/bookmarks/folders",
	}
	doc := loadValid(t)
	found := 0
	for _, path := range created {
		item := doc.Paths.Find(path)
		if item == nil || item.Post == nil {
			continue
		}
		found++
		var success []string
		for code := range item.Post.Responses.Map() {
			if strings.HasPrefix(code, "2") {
				success = append(success, code)
			}
		}
		if len(success) != 1 || success[0] != "201" {
			t.Errorf("POST %s answers %v, want 201", path, success)
		}
	}
	if found < 6 {
		t.Errorf("only %d of the creating operations are in the document", found)
	}
}

func TestNumbersAreDouble(t *testing.T) {
	// A number without a format is generated as a float32, which loses digits X sends.
	lines := strings.Split(string(openapi.Document), "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) != "type: number" {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		// The keys beside it: the lines of the same indent around it, up to the mapping's ends.
		sibling := func(l string) bool {
			return len(l)-len(strings.TrimLeft(l, " ")) == indent && !strings.HasPrefix(strings.TrimSpace(l), "- ")
		}
		double := false
		for j := i + 1; j < len(lines) && sibling(lines[j]); j++ {
			double = double || strings.TrimSpace(lines[j]) == "format: double"
		}
		for j := i - 1; j >= 0 && sibling(lines[j]); j-- {
			double = double || strings.TrimSpace(lines[j]) == "format: double"
		}
		if !double {
			t.Errorf("line %d: a number without format: double", i+1)
		}
	}
}
