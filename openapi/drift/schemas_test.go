package drift_test

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

func TestCompareNewField(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		theirs.Components.Schemas["Tweet"].Value.Properties["community_id"] = openapi3.NewStringSchema().NewRef()
	})
	// The Tweet object has it, and so the lookup's data, which is a Tweet.
	wantFacts(t, r, 2,
		"response-field-missing: GET /2/tweets/{}: response data lacks ['community_id']",
		"object-field-missing: schema Tweet: lacks fields ['community_id']")
}

func TestCompareFieldThroughAllOf(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		tweet := theirs.Components.Schemas["Tweet"].Value
		extra := openapi3.NewObjectSchema().WithProperty("scopes", openapi3.NewObjectSchema())
		tweet.AllOf = append(tweet.AllOf, extra.NewRef())
	})
	wantFacts(t, r, 2,
		"response-field-missing: GET /2/tweets/{}: response data lacks ['scopes']",
		"object-field-missing: schema Tweet: lacks fields ['scopes']")
}

func TestCompareObjectEnumValue(t *testing.T) {
	r := compare(t, base, func(theirs *openapi3.T) {
		rs := theirs.Components.Schemas["Tweet"].Value.Properties["reply_settings"].Value
		rs.Enum = append(rs.Enum, "subscribers")
	})
	wantFacts(t, r, 1, "enum-missing: schema Tweet: reply_settings lacks values ['subscribers']")
}

func TestCompareObjectUnderPostName(t *testing.T) {
	// X's newer documents call the object Post; its fields are still compared with Tweet's.
	r := compare(t, base, func(theirs *openapi3.T) {
		post := theirs.Components.Schemas["Tweet"]
		post.Value.Properties["lang"] = openapi3.NewStringSchema().NewRef()
		delete(theirs.Components.Schemas, "Tweet")
		theirs.Components.Schemas["Post"] = post
	})
	wantFacts(t, r, 2,
		"response-field-missing: GET /2/tweets/{}: response data lacks ['lang']",
		"object-field-missing: schema Tweet: lacks fields ['lang']")
}
