package drift_test

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func lookup(doc *openapi3.T) *openapi3.Operation { return doc.Paths.Value("/2/tweets/{id}").Get }
func create(doc *openapi3.T) *openapi3.Operation { return doc.Paths.Value("/2/tweets").Post }

// param finds a parameter of op by name.
func param(t *testing.T, op *openapi3.Operation, name string) *openapi3.Parameter {
	t.Helper()
	for _, p := range op.Parameters {
		if p.Value.Name == name {
			return p.Value
		}
	}
	t.Fatalf("no parameter %s", name)
	return nil
}

func TestCompareNewOperation(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		theirs.Paths.Set("/2/tweets/{tweet_id}/quote_tweets", &openapi3.PathItem{
			Get: &openapi3.Operation{OperationID: "tweetsIdQuoteTweets", Responses: openapi3.NewResponses()},
		})
	})
	wantFacts(t, r, 1, "operation-missing: published operation not in the document: GET /2/tweets/{}/quote_tweets")
	if r.Theirs.Operations != 3 || r.Shared != 2 {
		t.Errorf("operations theirs %d shared %d, want 3 and 2", r.Theirs.Operations, r.Shared)
	}
}

func TestCompareOperationXDropped(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) { theirs.Paths.Delete("/2/tweets") })
	wantFacts(t, r, 1, "operation-extra: POST /2/tweets: not an operation of the published API")
}

func TestCompareRemovedParameter(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		op := lookup(theirs)
		op.Parameters = op.Parameters[:1] // expansions is gone
	})
	wantFacts(t, r, 1, "parameter-extra: GET /2/tweets/{}: query parameter expansions is not in the published API")
}

func TestCompareNewParameter(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		op := lookup(theirs)
		op.Parameters = append(op.Parameters, &openapi3.ParameterRef{Value: openapi3.NewHeaderParameter("X-Trace").WithRequired(true)})
	})
	wantFacts(t, r, 1, "parameter-missing: GET /2/tweets/{}: missing header parameter X-Trace")
}

func TestCompareParameterRequired(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) { param(t, lookup(theirs), "expansions").Required = true })
	wantFacts(t, r, 1, "parameter-required: GET /2/tweets/{}: query parameter expansions required=False, API says True")
}

func TestCompareNewEnumValue(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		items := param(t, lookup(theirs), "tweet.fields").Schema.Value.Items.Value
		items.Enum = append(items.Enum, "card_uri", "article")
	})
	wantFacts(t, r, 2,
		"enum-missing: GET /2/tweets/{}: tweet.fields lacks values ['article']",
		"enum-missing: GET /2/tweets/{}: tweet.fields lacks values ['card_uri']")
}

func TestCompareEnumValueXDropped(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		param(t, lookup(theirs), "expansions").Schema.Value.Items.Value.Enum = nil
	})
	wantFacts(t, r, 1, "enum-extra: GET /2/tweets/{}: expansions has values the API lacks ['author_id']")
}

func TestCompareRequestBodyField(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		body := create(theirs).RequestBody.Value.Content.Get("application/json").Schema.Value
		body.Properties["made_with_ai"] = openapi3.NewBoolSchema().NewRef()
		delete(body.Properties, "reply_settings")
	})
	wantFacts(t, r, 2,
		"body-field-extra: POST /2/tweets: request body has fields the API lacks ['reply_settings']",
		"body-field-missing: POST /2/tweets: request body lacks ['made_with_ai']")
}

func TestCompareResponseField(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		resp := create(theirs).Responses.Value("201").Value.Content.Get("application/json").Schema.Value
		resp.Properties["errors"] = openapi3.NewArraySchema().NewRef()
		resp.Properties["data"].Value.Properties["edit_history_tweet_ids"] = openapi3.NewArraySchema().NewRef()
	})
	wantFacts(t, r, 2,
		"response-field-missing: POST /2/tweets: response data lacks ['edit_history_tweet_ids']",
		"response-field-missing: POST /2/tweets: response lacks top-level ['errors']")
}

func TestCompareSuccessStatus(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		rs := create(theirs).Responses
		rs.Set("200", rs.Value("201"))
		rs.Delete("201")
	})
	wantFacts(t, r, 1, "status-changed: POST /2/tweets: answers 201, API says 200")
}
